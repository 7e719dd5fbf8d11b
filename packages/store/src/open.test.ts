// Opening stores: SQLite files with their PRAGMAs, PostgreSQL URLs, and the environment.

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS, openStore, storeFromEnv } from './index.js'
import { DIALECTS, PG_URL } from './store.test-util.js'

const dir = mkdtempSync(join(tmpdir(), 'cosafe-open-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openStore', () => {
  it('creates the folder of a SQLite file and opens it in WAL mode', async () => {
    const file = join(dir, 'nested', 'deeper', 'cosafe.db')
    const store = await openStore({ file })
    expect(store.dialect).toBe('sqlite')
    expect(await store.migrate()).toEqual(MIGRATIONS.map((m) => m.name))
    await store.close()
    await store.close() // twice is fine
    expect(existsSync(file)).toBe(true)
    const db = new Sqlite(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    await expect(store.territories.list()).rejects.toThrow(/closed/)
  })

  it('refuses a URL it cannot serve, without showing its password', async () => {
    await expect(openStore({ url: 'mysql://u:secret@host/db' })).rejects.toThrow(/postgres:\/\/ or postgresql:\/\//)
    await expect(openStore({ url: 'mysql://u:secret@host/db' })).rejects.not.toThrow(/secret/)
  })

  it('names the PostgreSQL it cannot reach', async () => {
    await expect(openStore({ url: 'postgres://u:secret@127.0.0.1:1/none' })).rejects.toThrow(
      /cannot reach PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/none/,
    )
  })
})

describe('storeFromEnv', () => {
  it('opens the SQLite file of COSAFE_DB', async () => {
    const file = join(dir, 'env.db')
    const store = await storeFromEnv({ COSAFE_DB: file })
    expect(store.dialect).toBe('sqlite')
    await store.close()
    expect(existsSync(file)).toBe(true)
  })

  it.runIf(DIALECTS.includes('postgres'))('prefers DATABASE_URL', async () => {
    const store = await storeFromEnv({ DATABASE_URL: PG_URL, COSAFE_DB: join(dir, 'unused.db') }).catch((e: Error) => e)
    if (store instanceof Error) {
      // unreachable PostgreSQL: the describeStore blocks report it (and fail under CI)
      expect(store.message).toMatch(/cannot reach PostgreSQL/)
      return
    }
    expect(store.dialect).toBe('postgres')
    await store.close()
    expect(existsSync(join(dir, 'unused.db'))).toBe(false)
  })
})
