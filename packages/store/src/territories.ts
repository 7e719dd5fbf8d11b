// territories: districts, streets, communities and grids, the map every community-owned record hangs from.

import { PARENT_LEVEL, type Territory, type TerritoryInput, type TerritoryLevel } from '@cosafe/core'
import { StoreError, type TerritoryRepository, type WriteContext } from './api.js'
import { fieldOf, type Violation } from './errors.js'
import { newId, now, writeAudit, type Runner } from './internal.js'
import type { Db, TerritoryRow } from './schema.js'

const fromRow = (r: TerritoryRow): Territory => ({
  id: r.id,
  level: r.level as TerritoryLevel,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  parentId: r.parent_id,
})

const columns = (t: TerritoryInput) => ({
  level: t.level,
  code: t.code,
  name_zh: t.nameZh,
  name_en: t.nameEn,
  parent_id: t.parentId ?? null,
})

const find = (db: Db, id: string) => db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst()

/** A territory sits one level below its parent: a district has none, a street sits in a district, and so on. */
async function checkParent(db: Db, id: string, t: TerritoryInput): Promise<void> {
  const want = PARENT_LEVEL[t.level]
  const parentId = t.parentId ?? null
  const fail = (why: string) => new StoreError('E_REFERENCE', `territory "${id}": parentId: ${why}`, 'parentId')
  if (want === null) {
    if (parentId !== null) throw fail('a district has no parent')
    return
  }
  if (parentId === null) throw fail(`a ${t.level} needs its ${want}`)
  const parent = await find(db, parentId)
  if (!parent) throw fail(`no territory "${parentId}"`)
  if (parent.level !== want) throw fail(`a ${t.level} sits in a ${want}, "${parentId}" is a ${parent.level}`)
}

const onViolation = (id: string) => async (_db: Db, v: Violation) => {
  if (v.kind === 'foreign-key')
    return new StoreError('E_REFERENCE', `territory "${id}": parentId: the parent does not exist`, 'parentId')
  const field = fieldOf(v.columns) ?? 'id'
  return new StoreError(
    'E_DUPLICATE',
    field === 'id'
      ? `territory "${id}" already exists`
      : `territory "${id}": this ${field} is already used at this level`,
    field,
  )
}

export function territoryRepository(run: Runner): TerritoryRepository {
  return {
    list: (filter = {}) =>
      run.read(async (db) => {
        let q = db.selectFrom('territories').selectAll()
        if (filter.level !== undefined) q = q.where('level', '=', filter.level)
        if (filter.parentId !== undefined) q = q.where('parent_id', '=', filter.parentId)
        return (await q.orderBy('created_at').orderBy('id').execute()).map(fromRow)
      }),

    get: (id) => run.read(async (db) => ((r) => r && fromRow(r))(await find(db, id))),

    ancestors: (id) =>
      run.read(async (db) => {
        const out: Territory[] = []
        const seen = new Set<string>()
        let next: string | null = id
        // Levels are checked on write, so the chain is at most four long; `seen` guards against bad data.
        while (next !== null && !seen.has(next)) {
          seen.add(next)
          const row = await find(db, next)
          if (!row) break
          out.push(fromRow(row))
          next = row.parent_id
        }
        return out
      }),

    communitiesUnder: (id) =>
      run.read(async (db) => {
        const self = await find(db, id)
        if (!self) return []
        if (self.level === 'community') return [fromRow(self)]
        let ids = [id]
        const found: TerritoryRow[] = []
        while (ids.length > 0) {
          const rows = await db
            .selectFrom('territories')
            .selectAll()
            .where('parent_id', 'in', ids)
            .where('level', 'in', ['street', 'community'])
            .execute()
          found.push(...rows.filter((r) => r.level === 'community'))
          ids = rows.filter((r) => r.level !== 'community').map((r) => r.id)
        }
        return found
          .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1))
          .map(fromRow)
      }),

    create: (ctx: WriteContext, input, id = newId()) =>
      run.write(async (db) => {
        await checkParent(db, id, input)
        const at = now()
        const row = { id, ...columns(input), created_at: at, updated_at: at }
        await db.insertInto('territories').values(row).execute()
        const record = fromRow(row)
        await writeAudit(db, {
          communityId: null,
          at,
          accountId: ctx.accountId,
          action: 'create',
          entity: 'territory',
          entityId: id,
          before: null,
          after: record,
        })
        return record
      }, onViolation(id)),

    update: (ctx, id, input) =>
      run.write(async (db) => {
        const old = await find(db, id)
        if (!old) return undefined
        await checkParent(db, id, input)
        if (old.level !== input.level) {
          const child = await db.selectFrom('territories').select('id').where('parent_id', '=', id).executeTakeFirst()
          if (child)
            throw new StoreError(
              'E_IN_USE',
              `territory "${id}": its level cannot change while "${child.id}" sits in it`,
              'level',
            )
        }
        const at = now()
        await db
          .updateTable('territories')
          .set({ ...columns(input), updated_at: at })
          .where('id', '=', id)
          .execute()
        const record = fromRow({ ...old, ...columns(input), updated_at: at })
        await writeAudit(db, {
          communityId: null,
          at,
          accountId: ctx.accountId,
          action: 'update',
          entity: 'territory',
          entityId: id,
          before: fromRow(old),
          after: record,
        })
        return record
      }, onViolation(id)),
  }
}
