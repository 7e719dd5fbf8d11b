// The migration runner: applies the migrations not yet recorded in cosafe_migrations, in order, in the caller's transaction.

import { sql, type Kysely } from 'kysely'
import type { Dialect } from './api.js'
import { MIGRATIONS, type Migration } from './migrations/index.js'
import type { Db } from './schema.js'

/** Any constant shared by every cosafe process: the advisory lock that keeps two servers from migrating at once. */
const PG_LOCK_KEY = 0x00c05afe

export async function runMigrations(
  db: Db,
  dialect: Dialect,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  // SQLite's write lock is already held (transactions begin immediate); PostgreSQL needs a lock of its own.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(PG_LOCK_KEY)})`.execute(db)
  await db.schema
    .createTable('cosafe_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
  const done = new Set((await db.selectFrom('cosafe_migrations').select('name').execute()).map((r) => r.name))
  const known = new Set(migrations.map((m) => m.name))
  const unknown = [...done].filter((n) => !known.has(n))
  if (unknown.length > 0)
    throw new Error(
      `cosafe_migrations: the database has migrations this version does not know (${unknown.join(', ')}): run a newer cosafe`,
    )
  const applied: string[] = []
  for (const m of migrations) {
    if (done.has(m.name)) continue
    await m.up(db as unknown as Kysely<unknown>, dialect)
    await db.insertInto('cosafe_migrations').values({ name: m.name, applied_at: new Date().toISOString() }).execute()
    applied.push(m.name)
  }
  return applied
}
