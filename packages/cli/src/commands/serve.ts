// `cosafe serve` and `cosafe migrate`: the HTTP API on SQLite (default) or PostgreSQL (DATABASE_URL).

import { parseArgs } from 'node:util'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { wholeOption } from './run.js'

export const SERVE_HELP = `cosafe serve [--port N] [--host H] [--no-demo]

Serves the cosafe API (and, once built, the web app) at http://localhost:3000. Storage is
SQLite at ./data/cosafe.db (COSAFE_DB=FILE to move it), or PostgreSQL when DATABASE_URL is set
(postgres://user@host:5432/db). Migrations run at start; a fresh database gets the demo
community and one demo login per role, printed here. Ctrl-C stops it gracefully.

  --port N      port (default: PORT or 3000)
  --host H      address to listen on (default: HOST or 127.0.0.1; 0.0.0.0 for every interface)
  --no-demo     do not load the demo community into an empty database
`

export const MIGRATE_HELP = `cosafe migrate

Applies the database migrations not yet applied (SQLite at ./data/cosafe.db or COSAFE_DB, or
PostgreSQL at DATABASE_URL) and lists them.
`

export async function runServe(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' } },
  })
  if (positionals.length) throw new UsageError(`serve takes no file arguments, got "${positionals[0]}"`)
  const port = wholeOption('--port', values.port ?? process.env.PORT, 0) ?? 3000
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`)
  const { startServer, closeOnSignals } = await import('@cosafe/server')
  const running = await startServer({
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    demo: !values['no-demo'],
    logger: process.env.COSAFE_LOG ? { level: process.env.COSAFE_LOG } : false,
  })
  const where =
    running.store.dialect === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `SQLite (${process.env.COSAFE_DB ?? './data/cosafe.db'})`
  io.out(`cosafe is serving ${running.url} on ${where}\n`)
  io.out(`  API documentation: ${running.url}/api/docs\n`)
  if (running.migrations.length) io.out(`  migrations applied: ${running.migrations.join(', ')}\n`)
  if (running.demoLogins) {
    io.out('  the demo community "C 社区" was loaded; demo logins (user name / password / role):\n')
    for (const l of running.demoLogins) io.out(`    ${l.username.padEnd(12)} ${l.password.padEnd(20)} ${l.role}\n`)
  }
  io.out('  Ctrl-C stops the server.\n')
  closeOnSignals(running, (s) => io.err(`${s}\n`))
  return await new Promise<number>(() => {}) // runs until a signal closes it
}

export async function runMigrate(argv: string[], io: Io): Promise<number> {
  if (argv.length) throw new UsageError(`migrate takes no arguments, got "${argv[0]}"`)
  const { storeFromEnv } = await import('@cosafe/store')
  const store = await storeFromEnv()
  try {
    const applied = await store.migrate()
    io.out(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n')
  } finally {
    await store.close()
  }
  return 0
}
