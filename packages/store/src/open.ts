// Opening a store: SQLite in a file by default, PostgreSQL when given a postgres:// URL.

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely'
import pg from 'pg'
import type { Store } from './api.js'
import type { Database } from './schema.js'
import { SqlStore } from './store.js'

export interface OpenStoreOptions {
  /** postgres:// or postgresql:// URL; PostgreSQL is used when it is given. */
  url?: string
  /** SQLite database file (default ./data/cosafe.db; its folder is created). Ignored when url is given. */
  file?: string
}

export const DEFAULT_SQLITE_FILE = './data/cosafe.db'

/** How long a SQLite write waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5000

/** Opens a store; call migrate() before first use. */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  if (opts.url !== undefined && opts.url !== '') {
    if (!/^postgres(ql)?:\/\//.test(opts.url))
      throw new Error(`openStore: url must start with postgres:// or postgresql://, got "${redact(opts.url)}"`)
    return openPostgres(opts.url)
  }
  return openSqlite(opts.file ?? DEFAULT_SQLITE_FILE)
}

/** Opens the store the environment names: DATABASE_URL (PostgreSQL), else COSAFE_DB (SQLite file), else the default file. */
export function storeFromEnv(env: Record<string, string | undefined> = process.env): Promise<Store> {
  return openStore({
    ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
    ...(env.COSAFE_DB ? { file: env.COSAFE_DB } : {}),
  })
}

async function openSqlite(file: string): Promise<Store> {
  const memory = file === ':memory:' || file === ''
  if (!memory) mkdirSync(dirname(file), { recursive: true })
  const db = new Sqlite(file)
  try {
    db.pragma('journal_mode = WAL')
    // FULL: a commit is on disk before it returns, so a killed process loses no acknowledged write.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  } catch (e) {
    db.close()
    throw e
  }
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: db }) })
  return new SqlStore(kysely, 'sqlite')
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url })
  // An idle client that loses its server emits 'error'; without a listener that would end the
  // process. The pool drops the client and the next query reports the problem.
  pool.on('error', () => undefined)
  try {
    const client = await pool.connect()
    client.release()
  } catch (e) {
    await pool.end()
    throw new Error(`openStore: cannot reach PostgreSQL at ${redact(url)}: ${(e as Error).message}`, { cause: e })
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return new SqlStore(kysely, 'postgres')
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE): a deferred
 * transaction that reads and then writes fails at once with SQLITE_BUSY when another process
 * (the command line beside the server) wrote in between, whatever the busy timeout.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}
