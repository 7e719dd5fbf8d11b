// sessions: signed-in browsers, by the SHA-256 of their token. Times are stored as UTC ISO text.

import { StoreError, type Session, type SessionRepository } from './api.js'
import { fieldOf } from './errors.js'
import type { Runner } from './internal.js'
import type { SessionRow } from './schema.js'

/** One text form for every moment, so that comparing the text compares the times. */
function utc(field: string, t: string): string {
  const ms = Date.parse(t)
  if (Number.isNaN(ms)) throw new RangeError(`session.${field}: expected an ISO 8601 date and time, got "${t}"`)
  return new Date(ms).toISOString()
}

const fromRow = (r: SessionRow): Session => ({
  tokenHash: r.token_hash,
  accountId: r.account_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
})

export function sessionRepository(run: Runner): SessionRepository {
  return {
    create: async (s) => {
      const row: SessionRow = {
        token_hash: s.tokenHash,
        account_id: s.accountId,
        csrf_token: s.csrfToken,
        created_at: utc('createdAt', s.createdAt),
        expires_at: utc('expiresAt', s.expiresAt),
      }
      return run.write(
        async (db) => {
          await db.insertInto('sessions').values(row).execute()
        },
        async (_db, v) =>
          v.kind === 'foreign-key'
            ? new StoreError('E_REFERENCE', `session: accountId: no account "${s.accountId}"`, 'accountId')
            : new StoreError('E_DUPLICATE', 'session: this token is already in use', fieldOf(v.columns) ?? 'tokenHash'),
      )
    },

    /** An expired session is as good as none, even before deleteExpired removes it. */
    get: (tokenHash) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('sessions')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .where('expires_at', '>', new Date().toISOString())
          .executeTakeFirst()
        return r && fromRow(r)
      }),

    delete: (tokenHash) =>
      run.write(
        async (db) => {
          await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
        },
        async (_db, v) => new StoreError('E_IN_USE', `session: ${v.kind} violation`),
      ),

    deleteExpired: async (at) =>
      run.write(
        async (db) => {
          const r = await db.deleteFrom('sessions').where('expires_at', '<=', utc('now', at)).executeTakeFirst()
          return Number(r.numDeletedRows)
        },
        async (_db, v) => new StoreError('E_IN_USE', `session: ${v.kind} violation`),
      ),
  }
}
