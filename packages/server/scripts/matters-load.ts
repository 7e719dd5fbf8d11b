// Load test of the resident report endpoint (not a unit test): N concurrent reports on loopback
// against a real server in a child process, then a check that every acknowledged report is stored
// exactly once. Optional: resend some reports with the same client key (retries), or SIGKILL the
// server half-way (acknowledged reports must survive the crash).
//
//   npx tsx packages/server/scripts/matters-load.ts [--reports 1000] [--retries 100] [--crash]
//   DATABASE_URL=postgres://… npx tsx packages/server/scripts/matters-load.ts   (PostgreSQL instead of SQLite)

import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openStore, type OpenStoreOptions, type Store } from '@cosafe/store'
import { buildServer } from '../src/app.js'

const COMMUNITY = 'load-c1'

async function seed(store: Store): Promise<void> {
  await store.migrate()
  if (await store.territories.get(COMMUNITY)) return
  const sys = { accountId: null }
  const code = randomBytes(4).toString('hex')
  await store.territories.create(
    sys,
    { level: 'district', code: `d${code}`, nameZh: '区', nameEn: 'District', parentId: null },
    'load-d1',
  )
  await store.territories.create(
    sys,
    { level: 'street', code: `s${code}`, nameZh: '街道', nameEn: 'Street', parentId: 'load-d1' },
    'load-s1',
  )
  await store.territories.create(
    sys,
    { level: 'community', code: `c${code}`, nameZh: '压测社区', nameEn: 'Load community', parentId: 'load-s1' },
    COMMUNITY,
  )
}

/** Child: serve on an ephemeral loopback port, tell the parent which. */
async function serve(options: OpenStoreOptions): Promise<void> {
  const store = await openStore(options)
  const app = await buildServer({ store, reportsPerMinute: 1_000_000 })
  // a backlog for 1,000 connections opened at once (Node's default, 511, makes the rest retry their SYN after 1–3 s)
  const url = await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 })
  process.send!({ url })
  // the parent gone (finished or failed): stop
  process.on('disconnect', () => process.exit(0))
  process.on('message', async (m) => {
    if (m === 'close') {
      await app.close()
      await store.close()
      process.exit(0)
    }
  })
}

interface Result {
  key: string
  status: number | null
  id: string | null
  ms: number
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      reports: { type: 'string', default: '1000' },
      retries: { type: 'string', default: '100' },
      crash: { type: 'boolean', default: false },
    },
  })
  if (values.serve) return serve(JSON.parse(values.serve) as OpenStoreOptions)

  const n = Number(values.reports)
  const retries = Number(values.retries)
  const dir = mkdtempSync(join(tmpdir(), 'cosafe-load-'))
  const options: OpenStoreOptions = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL }
    : { file: join(dir, 'load.db') }
  const setup = await openStore(options)
  await seed(setup)
  const before = await setup.matters.count(COMMUNITY)
  await setup.close()

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise((ok) => child.once('exit', ok))
  const url = await new Promise<string>((ok, no) => {
    child.once('message', (m) => ok((m as { url: string }).url))
    child.once('exit', (code) => no(new Error(`server exited (${code})`)))
  })

  const body = (key: string, k: number) =>
    JSON.stringify({
      category: (['fire_passage', 'gas_leak', 'falling_object', 'noise_disorder'] as const)[k % 4],
      description: `压测上报 ${k}：楼道堆放杂物堵塞消防通道`,
      address: `${1 + (k % 20)}号楼 ${1 + (k % 3)} 单元`,
      phone: '13800000000',
      clientKey: key,
    })
  const send = async (key: string, k: number): Promise<Result> => {
    const t = performance.now()
    try {
      const res = await fetch(`${url}/api/public/communities/${COMMUNITY}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(key, k),
      })
      const out = (await res.json()) as { id?: string }
      return { key, status: res.status, id: out.id ?? null, ms: performance.now() - t }
    } catch {
      return { key, status: null, id: null, ms: performance.now() - t }
    }
  }

  const keys = Array.from({ length: n }, (_, k) => `load-${k}-${randomBytes(9).toString('base64url')}`)
  let acked = 0
  const crashAfter = values.crash ? Math.floor(n / 2) : Infinity
  const t0 = performance.now()
  const results = await Promise.all(
    keys.map(async (key, k) => {
      const r = await send(key, k)
      if (r.status === 201 && ++acked === crashAfter) child.kill('SIGKILL')
      return r
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const ok = results.filter((r) => r.status === 201)
  const lat = ok.map((r) => r.ms)

  // retries: the same reports sent again (a phone that lost the answer) must not be stored twice
  let retried: Result[] = []
  if (!values.crash && retries > 0) {
    retried = await Promise.all(ok.slice(0, retries).map((r) => send(r.key, keys.indexOf(r.key))))
    for (const r of retried) {
      const first = ok.find((x) => x.key === r.key)!
      if (r.status !== 200 || r.id !== first.id)
        throw new Error(`retry of ${r.key}: ${r.status} ${r.id} (first ${first.id})`)
    }
  }
  if (!values.crash) child.send('close')
  await exited

  // every acknowledged report stored exactly once, nothing else stored
  const store = await openStore(options)
  const stored = await store.matters.list(COMMUNITY, {}, { limit: 10_000_000 })
  const fresh = stored.length - before
  const ids = new Set(stored.map((m) => m.id))
  const missing = ok.filter((r) => !r.id || !ids.has(r.id))
  let byKey = 0
  for (const r of ok) if ((await store.matters.byClientKey(COMMUNITY, r.key))?.id === r.id) byKey++
  const events = await store.matters.allEvents(COMMUNITY)
  await store.close()
  if (!process.env.DATABASE_URL) rmSync(dir, { recursive: true, force: true })

  const status = new Map<string, number>()
  for (const r of results)
    status.set(String(r.status ?? 'no answer'), (status.get(String(r.status ?? 'no answer')) ?? 0) + 1)
  const report = {
    database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    reports: n,
    concurrent: n,
    crash: values.crash,
    answers: Object.fromEntries(status),
    acknowledged: ok.length,
    storedNew: fresh,
    acknowledgedAndStoredOnce: byKey,
    missing: missing.length,
    retriedSameKey: retried.length,
    seconds: Number(seconds.toFixed(2)),
    throughputPerSecond: Number((ok.length / seconds).toFixed(0)),
    latencyMs: {
      p50: Number(percentile(lat, 50).toFixed(1)),
      p95: Number(percentile(lat, 95).toFixed(1)),
      p99: Number(percentile(lat, 99).toFixed(1)),
      max: Number(Math.max(...lat).toFixed(1)),
    },
  }
  console.log(JSON.stringify(report, null, 2))
  const exact = missing.length === 0 && byKey === ok.length && (values.crash ? fresh >= ok.length : fresh === ok.length)
  const logs = [...events.values()].every((evs) => evs[0]?.kind === 'receive' && evs.every((e, i) => e.seq === i + 1))
  if (!exact || !logs) {
    console.error('FAILED: an acknowledged report is missing or stored more than once, or an event log is broken')
    process.exit(1)
  }
  console.log(
    values.crash
      ? `OK: all ${ok.length} reports acknowledged before the SIGKILL are stored, each once`
      : `OK: every one of ${ok.length} acknowledged reports is stored exactly once (${retried.length} retries with the same key stored nothing new)`,
  )
}

await main().catch((e: unknown) => {
  console.error(e)
  process.exit(1) // the server child ends when its IPC channel closes
})
