// The Store: repositories over one Kysely instance, transactions, and the rule that keeps them from interleaving.
//
// SQLite has one connection: Kysely's driver lends it to one transaction at a time and queues the
// rest, so concurrent requests never interleave their statements. A transaction's own calls are
// queued too (one write at a time behind its savepoint). Calling the outer store from inside
// transaction(fn) is a mistake on every dialect (on SQLite it would wait for itself forever), so it
// throws instead.

import { AsyncLocalStorage } from 'node:async_hooks'
import { sql, type Kysely } from 'kysely'
import type { Dialect, Store } from './api.js'
import { accountRepository } from './accounts.js'
import { activitySpec } from './activities.js'
import { actorSpec } from './actors.js'
import { auditRepository } from './audit.js'
import { violationOf } from './errors.js'
import type { OnViolation, Runner } from './internal.js'
import { matterRepository, notificationRepository } from './matters.js'
import { runMigrations } from './migrate.js'
import { ownedRepository } from './owned.js'
import { responsibilitySpec } from './responsibilities.js'
import type { Database, Db } from './schema.js'
import { sessionRepository } from './sessions.js'
import { surveyRepository } from './surveys.js'
import { territoryRepository } from './territories.js'
import { tieSpec } from './ties.js'

/** A queue of async tasks that run one at a time. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve()
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.catch(() => undefined)
    return result
  }
}

interface Shared {
  readonly root: Kysely<Database>
  readonly dialect: Dialect
  /** The transaction the current async call chain runs in, if any. */
  readonly current: AsyncLocalStorage<TxState>
  closed: boolean
}

interface TxState {
  open: boolean
  readonly queue: Mutex
  savepoints: number
}

export class SqlStore implements Store {
  readonly dialect: Dialect
  readonly territories: Store['territories']
  readonly actors: Store['actors']
  readonly responsibilities: Store['responsibilities']
  readonly activities: Store['activities']
  readonly ties: Store['ties']
  readonly accounts: Store['accounts']
  readonly sessions: Store['sessions']
  readonly audit: Store['audit']
  readonly surveys: Store['surveys']
  readonly matters: Store['matters']
  readonly notifications: Store['notifications']

  /** A store over a Kysely instance (root) or, with tx, over one of its transactions. */
  constructor(
    root: Kysely<Database>,
    dialect: Dialect,
    private readonly shared: Shared = { root, dialect, current: new AsyncLocalStorage(), closed: false },
    private readonly db: Db = root,
    private readonly tx: TxState | null = null,
  ) {
    this.dialect = dialect
    const run: Runner = {
      dialect,
      read: (fn) => this.#read(fn),
      write: (fn, onViolation) => this.#write(fn, onViolation),
    }
    this.territories = territoryRepository(run)
    this.actors = ownedRepository(run, actorSpec)
    this.responsibilities = ownedRepository(run, responsibilitySpec)
    this.activities = ownedRepository(run, activitySpec)
    this.ties = ownedRepository(run, tieSpec)
    this.accounts = accountRepository(run)
    this.sessions = sessionRepository(run)
    this.audit = auditRepository(run)
    this.surveys = surveyRepository(run)
    this.matters = matterRepository(run)
    this.notifications = notificationRepository(run)
  }

  #check(): void {
    if (this.shared.closed) throw new Error('store: closed')
    if (this.tx) {
      if (!this.tx.open) throw new Error('store: this transaction has ended; use the store it came from')
    } else if (this.shared.current.getStore()?.open)
      throw new Error('store: inside transaction(fn), use the store fn receives, not the outer one')
  }

  async #read<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    this.#check()
    return this.tx ? this.tx.queue.run(() => fn(this.db)) : fn(this.db)
  }

  async #write<T>(fn: (db: Db) => Promise<T>, onViolation: OnViolation): Promise<T> {
    this.#check()
    const guarded = (db: Db, tx: TxState) => savepoint(db, tx, fn, onViolation)
    if (this.tx) {
      const tx = this.tx
      return tx.queue.run(() => guarded(this.db, tx))
    }
    return this.shared.root
      .transaction()
      .execute((trx) => guarded(trx, { open: true, queue: new Mutex(), savepoints: 0 }))
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.#check()
    const tx = this.tx
    if (tx) {
      // Nested: a savepoint, so that "all or none" holds for the inner function too.
      const name = `cosafe_tx_${++tx.savepoints}`
      await tx.queue.run(() => sql.raw(`savepoint ${name}`).execute(this.db))
      try {
        const result = await fn(this)
        await tx.queue.run(() => sql.raw(`release savepoint ${name}`).execute(this.db))
        return result
      } catch (e) {
        await tx.queue.run(() => undo(this.db, name, e))
        throw e
      }
    }
    return this.shared.root.transaction().execute(async (trx) => {
      const state: TxState = { open: true, queue: new Mutex(), savepoints: 0 }
      try {
        return await this.shared.current.run(state, () => fn(new SqlStore(trx, this.dialect, this.shared, trx, state)))
      } finally {
        state.open = false
      }
    })
  }

  async migrate(): Promise<string[]> {
    this.#check()
    if (this.tx) {
      const tx = this.tx
      return tx.queue.run(() => runMigrations(this.db, this.dialect))
    }
    return this.shared.root.transaction().execute((trx) => runMigrations(trx, this.dialect))
  }

  async close(): Promise<void> {
    if (this.tx) throw new Error('store: close the store, not a transaction')
    if (this.shared.closed) return
    this.shared.closed = true
    await this.shared.root.destroy()
  }
}

/** Runs fn behind a savepoint of the transaction db; on failure undoes fn and maps a constraint violation. */
async function savepoint<T>(db: Db, tx: TxState, fn: (db: Db) => Promise<T>, onViolation: OnViolation): Promise<T> {
  const name = `cosafe_w_${++tx.savepoints}`
  await sql.raw(`savepoint ${name}`).execute(db)
  let result: T
  try {
    result = await fn(db)
  } catch (e) {
    // PostgreSQL refuses every statement after an error until the savepoint is rolled back.
    await undo(db, name, e)
    const v = violationOf(e)
    throw v ? await onViolation(db, v) : e
  }
  await sql.raw(`release savepoint ${name}`).execute(db)
  return result
}

/** Rolls back to a savepoint and releases it; if that fails too, the error that caused it is the one to see. */
async function undo(db: Db, name: string, cause: unknown): Promise<void> {
  try {
    await sql.raw(`rollback to savepoint ${name}`).execute(db)
    await sql.raw(`release savepoint ${name}`).execute(db)
  } catch {
    throw cause
  }
}
