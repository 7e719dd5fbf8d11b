// Migrations: the list only grows, migrate() is idempotent, and the tables keep the shape sharding needs.

import Sqlite from 'better-sqlite3'
import { Kysely, sql, SqliteDialect } from 'kysely'
import { expect, it } from 'vitest'
import { MIGRATIONS, type Migration } from './index.js'
import { runMigrations } from './migrate.js'
import type { Database } from './schema.js'
import { describeStore } from './store.test-util.js'

/** Every migration that has shipped, in order. Append new names; never edit or remove one. */
const SHIPPED = ['0001_initial', '0002_surveys', '0003_matters']

it('keeps the shipped migrations, in order, and only appends', () => {
  const names = MIGRATIONS.map((m) => m.name)
  expect(names.slice(0, SHIPPED.length)).toEqual(SHIPPED)
  expect(names).toEqual(SHIPPED) // a new migration: add its name to SHIPPED
  names.forEach((name, i) => expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+$`)))
})

it('runs new migrations in order, all or none, and refuses a database from a newer version', async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) })
  const table = (name: string): Migration => ({
    name,
    up: async (k) => {
      await k.schema.createTable(name).addColumn('x', 'text').execute()
    },
  })
  const failing: Migration = {
    name: '0003_fails',
    up: async (k) => {
      await sql`select no_such_function()`.execute(k)
    },
  }
  const run = (list: Migration[]) => db.transaction().execute((trx) => runMigrations(trx, 'sqlite', list))
  try {
    expect(await run([table('m0001')])).toEqual(['m0001'])
    expect(await run([table('m0001'), table('m0002')])).toEqual(['m0002'])
    await expect(run([table('m0001'), table('m0002'), table('m0003'), failing])).rejects.toThrow()
    // m0003 ran before the failure, and was undone with it
    expect((await db.selectFrom('cosafe_migrations').select('name').execute()).map((r) => r.name)).toEqual([
      'm0001',
      'm0002',
    ])
    await expect(sql`select * from m0003`.execute(db)).rejects.toThrow(/no such table/)
    await expect(run([table('m0001')])).rejects.toThrow(/does not know \(m0002\)/)
  } finally {
    await db.destroy()
  }
})

it('upgrades a database that has only 0001, keeping its records', async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) })
  const run = (list: readonly Migration[]) => db.transaction().execute((trx) => runMigrations(trx, 'sqlite', list))
  try {
    expect(await run(MIGRATIONS.slice(0, 1))).toEqual(['0001_initial'])
    const at = new Date().toISOString()
    await db
      .insertInto('territories')
      .values({
        id: 't1',
        level: 'district',
        code: 'd1',
        name_zh: '区',
        name_en: 'D',
        parent_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute()
    expect(await run(MIGRATIONS)).toEqual(SHIPPED.slice(1))
    expect(await db.selectFrom('territories').select('id').execute()).toEqual([{ id: 't1' }])
    expect(await db.selectFrom('surveys').selectAll().execute()).toEqual([])
    expect(await db.selectFrom('matters').selectAll().execute()).toEqual([])
  } finally {
    await db.destroy()
  }
})

const COMMUNITY_OWNED = [
  'actors',
  'responsibilities',
  'activities',
  'activity_actors',
  'ties',
  'surveys',
  'survey_responses',
  'matters',
  'matter_events',
  'matter_handlers',
  'matter_photos',
  'notifications',
  'audit_log',
]

describeStore('migrations', (h) => {
  it('applies every migration once', async () => {
    expect(h().migrated).toEqual(SHIPPED)
    expect(await h().store.migrate()).toEqual([])
    expect(await h().store.migrate()).toEqual([])
    expect(await h().columns('cosafe_migrations')).toEqual(['name', 'applied_at'])
  })

  it('runs inside a transaction too', async () => {
    expect(await h().store.transaction((tx) => tx.migrate())).toEqual([])
  })

  it('leads every community-owned table with community_id', async () => {
    for (const table of COMMUNITY_OWNED) expect((await h().columns(table))[0], table).toBe('community_id')
  })

  it('compares ids and times byte by byte, whatever the server locale', async () => {
    if (h().dialect !== 'postgres') return
    for (const [table, column] of [
      ['actors', 'id'],
      ['actors', 'community_id'],
      ['actors', 'created_at'],
      ['sessions', 'expires_at'],
      ['territories', 'code'],
      ['surveys', 'id'],
      ['survey_responses', 'token_hash'],
      ['matters', 'due_at'],
      ['matter_events', 'matter_id'],
      ['notifications', 'created_at'],
    ])
      expect(await h().collation(table!, column!), `${table}.${column}`).toBe('C')
  })

  it('creates the tables of the schema overview', async () => {
    for (const table of ['territories', 'accounts', 'sessions', ...COMMUNITY_OWNED])
      expect((await h().columns(table)).length, table).toBeGreaterThan(0)
  })
})
