// The shared store suite's harness: each test file gets a fresh SQLite file and a PostgreSQL schema of its own.
//
// DIALECTS=sqlite narrows the list locally; COSAFE_TEST_PG points at another PostgreSQL. When
// PostgreSQL cannot be reached its blocks are skipped with a warning, except under CI=true, where
// they fail: a green CI run has tested both dialects.

import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { ActivityInput, ActorInput, ResponsibilityInput, TerritoryInput, TieInput } from '@cosafe/core'
import { openStore, type Dialect, type OpenStoreOptions, type Store, type WriteContext } from './index.js'

export const PG_URL = process.env.COSAFE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'
export const DIALECTS = (process.env.DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres')
const CI = process.env.CI === 'true' || process.env.CI === '1'

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (e) {
    return (e as Error).message || String(e)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const pgProblem = DIALECTS.includes('postgres') ? await probePostgres() : null

export interface Harness {
  dialect: Dialect
  store: Store
  /** How to open another store on the same database. */
  options: OpenStoreOptions
  /** What the first migrate() applied. */
  migrated: string[]
  /** Column names of a table, in order. */
  columns(table: string): Promise<string[]>
  /** PostgreSQL: the collation of a column (SQLite: null, its text compares bytewise unless told otherwise). */
  collation(table: string, column: string): Promise<string | null>
  /** Opens a second store on the same database (closed with the harness). */
  reopen(): Promise<Store>
  dispose(): Promise<void>
}

async function sqliteHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'cosafe-store-'))
  const file = join(dir, 'test.db')
  const store = await openStore({ file })
  const others: Store[] = []
  return {
    dialect: 'sqlite',
    store,
    options: { file },
    migrated: await store.migrate(),
    columns: async (table) => {
      const db = new Sqlite(file, { readonly: true })
      try {
        return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
      } finally {
        db.close()
      }
    },
    collation: async () => null,
    reopen: async () => {
      const s = await openStore({ file })
      others.push(s)
      return s
    },
    dispose: async () => {
      for (const s of [store, ...others]) await s.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresHarness(): Promise<Harness> {
  const schema = `cosafe_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const store = await openStore({ url })
  const others: Store[] = []
  return {
    dialect: 'postgres',
    store,
    options: { url },
    migrated: await store.migrate(),
    columns: async (table) =>
      (
        await admin.query<{ column_name: string }>(
          'select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position',
          [schema, table],
        )
      ).rows.map((r) => r.column_name),
    collation: async (table, column) =>
      (
        await admin.query<{ collation_name: string | null }>(
          'select collation_name from information_schema.columns where table_schema = $1 and table_name = $2 and column_name = $3',
          [schema, table, column],
        )
      ).rows[0]?.collation_name ?? null,
    reopen: async () => {
      const s = await openStore({ url })
      others.push(s)
      return s
    },
    dispose: async () => {
      for (const s of [store, ...others]) await s.close()
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    },
  }
}

/**
 * Declares `${dialect}: ${name}` for every dialect, with a fresh migrated store per block.
 * Tests reach it through the getter (it exists once beforeAll has run).
 */
export function describeStore(name: string, body: (h: () => Harness) => void): void {
  for (const dialect of DIALECTS) {
    const title = `${dialect}: ${name}`
    if (dialect === 'postgres' && pgProblem !== null) {
      const why = `PostgreSQL at ${PG_URL} is unreachable (${pgProblem})`
      if (CI) {
        describe(title, () => {
          it('reaches PostgreSQL (required when CI=true)', () => {
            throw new Error(why)
          })
        })
      } else {
        console.warn(`store tests: skipping "${title}": ${why}; set DIALECTS=sqlite to silence this`)
        describe.skip(title, () => body(() => undefined as never))
      }
      continue
    }
    describe(title, () => {
      let h: Harness | undefined
      beforeAll(async () => {
        h = dialect === 'sqlite' ? await sqliteHarness() : await postgresHarness()
      })
      afterAll(async () => {
        await h?.dispose()
      })
      body(() => h!)
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Builders: valid records with overrides.

export const SYSTEM: WriteContext = { accountId: null }
export const STAFF: WriteContext = { accountId: 'acc-staff' }

let serial = 0
/** A short id unique within the test run. */
export const uid = (prefix = 'x'): string => `${prefix}${(++serial).toString(36)}${randomBytes(3).toString('hex')}`

export interface Place {
  district: string
  street: string
  community: string
  grid: string
}

/** A district with one street, one community and one grid, under fresh codes. */
export async function buildPlace(store: Store): Promise<Place> {
  const t = (level: TerritoryInput['level'], parentId: string | null): TerritoryInput => ({
    level,
    code: uid(level[0]),
    nameZh: `测试${level}`,
    nameEn: `Test ${level}`,
    parentId,
  })
  const district = (await store.territories.create(SYSTEM, t('district', null))).id
  const street = (await store.territories.create(SYSTEM, t('street', district))).id
  const community = (await store.territories.create(SYSTEM, t('community', street))).id
  const grid = (await store.territories.create(SYSTEM, t('grid', community))).id
  return { district, street, community, grid }
}

export function buildActor(over: Partial<ActorInput> & Pick<ActorInput, 'territoryId'>): ActorInput {
  return { type: 'residents_committee', sector: 'Q', name: '居委会', ...over }
}

export function buildResponsibility(over: Partial<ResponsibilityInput> & Pick<ResponsibilityInput, 'actorId'>) {
  return {
    domain: 'FIRE',
    role: 'lead',
    from: '2026-01-01',
    source: 'duty_list',
    ...over,
  } satisfies ResponsibilityInput
}

export function buildTie(over: Partial<TieInput> & Pick<TieInput, 'sourceId' | 'targetId'>): TieInput {
  return { relation: 'INFO', value: 1, date: '2026-01-05', provenance: 'record', ...over }
}

export function buildActivity(over: Partial<ActivityInput> & Pick<ActivityInput, 'convenerId'>): ActivityInput {
  return {
    kind: 'meeting',
    title: '消防联席会议',
    start: '2026-02-01T09:00:00+08:00',
    domains: ['FIRE'],
    phase: 'PREVENT',
    invitedIds: [],
    attendedIds: [],
    decisions: [],
    actionItems: [],
    ...over,
  }
}
