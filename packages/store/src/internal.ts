// What every repository shares: how it runs queries, the clock and ids, references, pages and the audit log.

import { randomUUID } from 'node:crypto'
import type { SelectQueryBuilder } from 'kysely'
import type { AuditEntry, Dialect, Page } from './api.js'
import type { Violation } from './errors.js'
import type { Db } from './schema.js'

/** Turns a constraint violation into the error the caller sees (queries on db may explain it). */
export type OnViolation = (db: Db, violation: Violation) => Promise<Error>

/** How a repository reaches the database: the store decides which connection or transaction. */
export interface Runner {
  readonly dialect: Dialect
  read<T>(fn: (db: Db) => Promise<T>): Promise<T>
  /**
   * Runs fn in a transaction (the caller's, or one of its own) behind a savepoint. When fn throws,
   * its statements are undone; a constraint violation becomes the error onViolation returns.
   */
  write<T>(fn: (db: Db) => Promise<T>, onViolation: OnViolation): Promise<T>
}

/** The timestamp of a write: ISO 8601 in UTC, which sorts as text. */
export const now = (): string => new Date().toISOString()

export const newId = (): string => randomUUID()

/** A record's pointer to another record, named by its field (dotted path for list items). */
export interface Reference {
  field: string
  to: 'territory' | 'actor'
  id: string
}

/** The first reference that points nowhere (actors are looked up in the given community). */
export async function missingReference(
  db: Db,
  communityId: string | null,
  refs: readonly Reference[],
): Promise<Reference | undefined> {
  const territoryIds = [...new Set(refs.filter((r) => r.to === 'territory').map((r) => r.id))]
  const actorIds = [...new Set(refs.filter((r) => r.to === 'actor').map((r) => r.id))]
  const found = new Set<string>()
  if (territoryIds.length > 0) {
    const rows = await db.selectFrom('territories').select('id').where('id', 'in', territoryIds).execute()
    for (const r of rows) found.add(`territory:${r.id}`)
  }
  if (actorIds.length > 0 && communityId !== null) {
    const rows = await db
      .selectFrom('actors')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', 'in', actorIds)
      .execute()
    for (const r of rows) found.add(`actor:${r.id}`)
  }
  return refs.find((r) => !found.has(`${r.to}:${r.id}`))
}

export function describeMissing(r: Reference, communityId: string | null): string {
  return r.to === 'actor'
    ? `${r.field}: no actor "${r.id}" in community "${communityId}"`
    : `${r.field}: no territory "${r.id}"`
}

/** Applies a page (limit, offset) after checking it: integers >= 0. */
export function paged<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  page: Page | undefined,
): SelectQueryBuilder<DB, TB, O> {
  const { limit, offset } = page ?? {}
  for (const [name, v] of [
    ['limit', limit],
    ['offset', offset],
  ] as const)
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0))
      throw new RangeError(`page.${name}: expected an integer >= 0, got ${String(v)}`)
  if (limit !== undefined) qb = qb.limit(limit)
  if (offset !== undefined && offset > 0) {
    // SQLite accepts OFFSET only after a LIMIT.
    if (limit === undefined) qb = qb.limit(Number.MAX_SAFE_INTEGER)
    qb = qb.offset(offset)
  }
  return qb
}

export interface AuditWrite {
  communityId: string | null
  at: string
  accountId: string | null
  action: AuditEntry['action']
  entity: AuditEntry['entity']
  entityId: string
  before: unknown
  after: unknown
}

/** Appends an audit entry; called inside the write it describes, so both are stored or neither. */
export async function writeAudit(db: Db, e: AuditWrite): Promise<void> {
  await writeAudits(db, [e])
}

/** Appends audit entries in order, a few hundred per statement (far below either database's limit on parameters). */
export async function writeAudits(db: Db, entries: readonly AuditWrite[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH)
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_BATCH).map((e) => ({
          community_id: e.communityId,
          at: e.at,
          account_id: e.accountId,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          before: e.before == null ? null : JSON.stringify(e.before),
          after: e.after == null ? null : JSON.stringify(e.after),
        })),
      )
      .execute()
}

const AUDIT_BATCH = 500

/** Parses a JSON column written by this store. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T
}
