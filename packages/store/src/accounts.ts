// accounts: who may sign in, with which role and scope. The password hash never leaves through list or get.

import type { Account, AccountInput, Role } from '@cosafe/core'
import { StoreError, type AccountRepository, type StoredAccount } from './api.js'
import { fieldOf, type Violation } from './errors.js'
import { newId, now, writeAudit, type Runner } from './internal.js'
import type { AccountRow, Db } from './schema.js'

const fromRow = (r: AccountRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  scopeId: r.scope_id,
  actorId: r.actor_id,
  createdAt: r.created_at,
})

const find = (db: Db, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()

export function accountRepository(run: Runner): AccountRepository {
  const onViolation = (id: string, input: AccountInput) => async (_db: Db, v: Violation) => {
    if (v.kind === 'foreign-key')
      return new StoreError('E_REFERENCE', `account "${id}": scopeId: no territory "${input.scopeId}"`, 'scopeId')
    const field = fieldOf(v.columns) ?? 'id'
    return new StoreError(
      'E_DUPLICATE',
      field === 'username'
        ? `account "${id}": username "${input.username}" is taken`
        : `account "${id}" already exists`,
      field,
    )
  }

  return {
    list: () =>
      run.read(async (db) =>
        (await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute()).map(fromRow),
      ),

    get: (id) => run.read(async (db) => ((r) => r && fromRow(r))(await find(db, id))),

    findByUsername: (username) =>
      run.read(async (db) => {
        const r = await db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst()
        return r && ({ ...fromRow(r), passwordHash: r.password_hash } satisfies StoredAccount)
      }),

    create: (ctx, input, passwordHash, id = newId()) =>
      run.write(
        async (db) => {
          const actorId = input.actorId ?? null
          // No foreign key can say this (accounts are shared, actors belong to a community): check it here.
          if (actorId !== null) {
            const actor =
              input.scopeId === null
                ? undefined
                : await db
                    .selectFrom('actors')
                    .select('id')
                    .where('community_id', '=', input.scopeId)
                    .where('id', '=', actorId)
                    .executeTakeFirst()
            if (!actor)
              throw new StoreError(
                'E_REFERENCE',
                `account "${id}": actorId: no actor "${actorId}" in community "${input.scopeId}"`,
                'actorId',
              )
          }
          const at = now()
          const row: AccountRow = {
            id,
            username: input.username,
            display_name: input.displayName,
            password_hash: passwordHash,
            role: input.role,
            scope_id: input.scopeId,
            actor_id: actorId,
            created_at: at,
            updated_at: at,
          }
          await db.insertInto('accounts').values(row).execute()
          const record = fromRow(row)
          await writeAudit(db, {
            communityId: null,
            at,
            accountId: ctx.accountId,
            action: 'create',
            entity: 'account',
            entityId: id,
            before: null,
            after: record,
          })
          return record
        },
        onViolation(id, input),
      ),

    setPassword: (ctx, id, passwordHash) =>
      run.write(
        async (db) => {
          const old = await find(db, id)
          if (!old) return false
          const at = now()
          await db
            .updateTable('accounts')
            .set({ password_hash: passwordHash, updated_at: at })
            .where('id', '=', id)
            .execute()
          // The entry records that the password changed, never a hash.
          await writeAudit(db, {
            communityId: null,
            at,
            accountId: ctx.accountId,
            action: 'update',
            entity: 'account',
            entityId: id,
            before: fromRow(old),
            after: { ...fromRow(old), passwordChangedAt: at },
          })
          return true
        },
        async (_db, v) => new StoreError('E_REFERENCE', `account "${id}": ${v.kind} violation`),
      ),
  }
}
