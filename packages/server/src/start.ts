// Starting and stopping the server: migrations, the demo community on a fresh database, listening, graceful shutdown.

import type { FastifyInstance } from 'fastify'
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
