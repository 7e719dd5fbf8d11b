// Starting and stopping the server: migrations, the demo community on a fresh database, listening, graceful shutdown.

import type { FastifyInstance } from 'fastify'
import { deadlineConfig, type DeadlineConfig } from '@cosafe/core'
import { storeFromEnv, type Store } from '@cosafe/store'
import { buildServer } from './app.js'
import { isEmpty, loadDemo, type DemoLogin } from './demo.js'

export interface StartOptions {
  port?: number
  host?: string
  store?: Store
  /** Load the demo community when the database is empty (default true). */
  demo?: boolean
  logger?: boolean | { level: string }
}

export interface Running {
  app: FastifyInstance
  store: Store
  url: string
  /** Migrations applied at this start. */
  migrations: string[]
  /** Demo logins when the demo community was loaded at this start. */
  demoLogins: DemoLogin[] | null
  close(): Promise<void>
}

/**
 * Matters' time limits from COSAFE_DEADLINES, JSON such as
 * {"hours": {"normal": 120}, "byCategory": {"fire_passage": {"urgent": 4}}} (hours; the rest default).
 */
export function deadlinesFromEnv(text: string | undefined): DeadlineConfig | undefined {
  if (!text) return undefined
  let parsed: Parameters<typeof deadlineConfig>[0]
  try {
    parsed = JSON.parse(text) as Parameters<typeof deadlineConfig>[0]
  } catch (e) {
    throw new Error(`COSAFE_DEADLINES: not JSON (${(e as Error).message})`)
  }
  try {
    return deadlineConfig(parsed)
  } catch (e) {
    throw new Error(`COSAFE_DEADLINES: ${(e as Error).message}`)
  }
}

/** Resident reports per address per minute from COSAFE_REPORTS_PER_MINUTE (a whole number ≥ 1). */
export function perMinuteFromEnv(text: string | undefined): number | undefined {
  if (!text) return undefined
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`COSAFE_REPORTS_PER_MINUTE: expected a whole number ≥ 1, got "${text}"`)
  return n
}

/** Opens the store, migrates, seeds the demo on an empty database, and listens. */
export async function startServer(opts: StartOptions = {}): Promise<Running> {
  const store = opts.store ?? (await storeFromEnv())
  const migrations = await store.migrate()
  let demoLogins: DemoLogin[] | null = null
  if ((opts.demo ?? true) && (await isEmpty(store))) demoLogins = await loadDemo(store)
  const app = await buildServer({
    store,
    logger: opts.logger,
    secureCookies: process.env.COSAFE_SECURE_COOKIES === '1',
    sweepEveryMs: 60_000,
    deadlines: deadlinesFromEnv(process.env.COSAFE_DEADLINES),
    reportsPerMinute: perMinuteFromEnv(process.env.COSAFE_REPORTS_PER_MINUTE),
  })
  const url = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' })
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await app.close() // stops accepting, lets requests in flight finish
      await store.close()
    })())
  return { app, store, url, migrations, demoLogins, close }
}

/** Closes the server on SIGINT and SIGTERM, then exits. */
export function closeOnSignals(running: Running, log: (s: string) => void = () => {}): void {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      if (stopping) return
      stopping = true
      log(`${signal}: finishing requests in flight and closing the database…`)
      running.close().then(
        () => process.exit(0),
        (e: unknown) => {
          log(`error while closing: ${String(e)}`)
          process.exit(1)
        },
      )
    })
}
