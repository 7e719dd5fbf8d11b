// One repository for every community-owned record: each query is scoped by community_id, each write audited.

import type { Owned } from '@cosafe/core'
import type { Kysely } from 'kysely'
import { StoreError, type AuditEntry, type CommunityRepository, type WriteContext } from './api.js'
import { fieldOf, type Violation } from './errors.js'
import {
  describeMissing,
  missingReference,
  newId,
  now,
  paged,
  writeAudit,
  type Reference,
  type Runner,
} from './internal.js'
import type { Db, OwnedColumns, OwnedTable } from './schema.js'

/** How one kind of record maps to its table. */
export interface OwnedSpec<I, R extends Owned, Row extends OwnedColumns> {
  table: OwnedTable
  entity: AuditEntry['entity']
  /** The record's own columns, with absent optional fields as null. */
  columns(input: I): Omit<Row, keyof OwnedColumns>
  fromRow(row: Row): R
  /** Every pointer the record holds, in field order (the first that points nowhere is reported). */
  references(input: I): Reference[]
  /** Writes rows that belong to the record (after its own row is inserted or updated). */
  afterWrite?(db: Db, row: Row, input: I, created: boolean): Promise<void>
  /** Checks what the database cannot before a delete; throws StoreError E_IN_USE. */
  beforeDelete?(db: Db, record: R): Promise<void>
  /** What refers to a record a delete could not remove, for the E_IN_USE message. */
  inUse?(db: Db, record: R): Promise<string>
}

// Kysely cannot type a query over "one of these tables"; every owned table has these columns.
type OwnedDb = Kysely<Record<OwnedTable, OwnedColumns>>
const owned = (db: Db): OwnedDb => db as unknown as OwnedDb

export function ownedRepository<I, R extends Owned, Row extends OwnedColumns>(
  run: Runner,
  spec: OwnedSpec<I, R, Row>,
): CommunityRepository<I, R> {
  const { table, entity } = spec

  const find = async (db: Db, communityId: string, id: string): Promise<Row | undefined> =>
    (await owned(db)
      .selectFrom(table)
      .selectAll()
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .executeTakeFirst()) as Row | undefined

  const onWriteViolation =
    (communityId: string, id: string, input: I) =>
    async (db: Db, v: Violation): Promise<Error> => {
      if (v.kind === 'unique')
        return new StoreError(
          'E_DUPLICATE',
          `${entity} "${id}": community "${communityId}" already has one with this ${fieldOf(v.columns) ?? 'id'}`,
          fieldOf(v.columns) ?? 'id',
        )
      const refs: Reference[] = [{ field: 'communityId', to: 'territory', id: communityId }, ...spec.references(input)]
      const missing = await missingReference(db, communityId, refs)
      return new StoreError(
        'E_REFERENCE',
        `${entity} "${id}": ${missing ? describeMissing(missing, communityId) : 'refers to a record that does not exist'}`,
        missing?.field ?? fieldOf(v.columns),
      )
    }

  return {
    list: (communityId, page) =>
      run.read(async (db) => {
        const rows = await paged(
          owned(db)
            .selectFrom(table)
            .selectAll()
            .where('community_id', '=', communityId)
            .orderBy('created_at')
            .orderBy('id'),
          page,
        ).execute()
        return (rows as Row[]).map(spec.fromRow)
      }),

    count: (communityId) =>
      run.read(async (db) => {
        const r = await owned(db)
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('community_id', '=', communityId)
          .executeTakeFirstOrThrow()
        return Number(r.n)
      }),

    get: (communityId, id) =>
      run.read(async (db) => {
        const row = await find(db, communityId, id)
        return row && spec.fromRow(row)
      }),

    create: async (ctx: WriteContext, communityId, input, id = newId()) => {
      const at = now()
      const row = { ...spec.columns(input), community_id: communityId, id, created_at: at, updated_at: at } as Row
      const record = spec.fromRow(row)
      return run.write(
        async (db) => {
          await owned(db).insertInto(table).values(row).execute()
          await spec.afterWrite?.(db, row, input, true)
          await writeAudit(db, {
            communityId,
            at,
            accountId: ctx.accountId,
            action: 'create',
            entity,
            entityId: id,
            before: null,
            after: record,
          })
          return record
        },
        onWriteViolation(communityId, id, input),
      )
    },

    update: (ctx, communityId, id, input) =>
      run.write(
        async (db) => {
          const old = await find(db, communityId, id)
          if (!old) return undefined
          const at = now()
          const columns = spec.columns(input)
          const row = { ...columns, community_id: communityId, id, created_at: old.created_at, updated_at: at } as Row
          await owned(db)
            .updateTable(table)
            .set({ ...columns, updated_at: at })
            .where('community_id', '=', communityId)
            .where('id', '=', id)
            .execute()
          await spec.afterWrite?.(db, row, input, false)
          const record = spec.fromRow(row)
          await writeAudit(db, {
            communityId,
            at,
            accountId: ctx.accountId,
            action: 'update',
            entity,
            entityId: id,
            before: spec.fromRow(old),
            after: record,
          })
          return record
        },
        onWriteViolation(communityId, id, input),
      ),

    delete: async (ctx, communityId, id) => {
      let before: R | undefined
      return run.write(
        async (db) => {
          const old = await find(db, communityId, id)
          if (!old) return false
          before = spec.fromRow(old)
          await spec.beforeDelete?.(db, before)
          await owned(db).deleteFrom(table).where('community_id', '=', communityId).where('id', '=', id).execute()
          await writeAudit(db, {
            communityId,
            at: now(),
            accountId: ctx.accountId,
            action: 'delete',
            entity,
            entityId: id,
            before,
            after: null,
          })
          return true
        },
        async (db) => {
          const why = before && spec.inUse ? await spec.inUse(db, before) : 'other records refer to it'
          return new StoreError('E_IN_USE', `${entity} "${id}" in community "${communityId}": ${why}`)
        },
      )
    },
  }
}
