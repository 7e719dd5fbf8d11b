// `npm run bench [-- --quick | --full]`: times cosafe against graphology, igraph and networkx on generated graphs and writes docs/benchmarks.md.
//
// Every library runs in a process of its own per graph (cosafe and graphology together, in one
// Node process; igraph and networkx in Python), one measurement after another, never two at
// once. A measurement still running at the deadline is stopped and reported as such, and the
// process is started again for the rest. Only the algorithm is timed; "load" times reading the
// edge-list file with each library's own reader.

import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { NetworkBuilder, louvainModularity, type Graph } from '../src/index.js'
import { ba, directedPA, grid, lfrLike, writeEdgeList, type Dataset } from './graphs.js'
import * as gl from './graphology-peer.js'
import { mdTable } from './markdown.js'
import { fmtInt, fmtRatio, fmtSeconds, isTiming, policyFor, type Cell, type Policy, type Timing } from './measure.js'
import type { MemoryResult } from './memory.js'
import type { Lib as NodeLib, Measure, RunnerLine, RunnerResult, RunnerTask } from './runner.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../../..')

type PyLib = 'igraph' | 'networkx'
type Lib = NodeLib | PyLib
/** Peers in table order. */
const PEERS = ['graphology', 'igraph', 'networkx'] as const
type Peer = (typeof PEERS)[number]

const MEASURES: Measure[] = [
  'load',
  'betweenness',
  'closeness',
  'pagerank',
  'eigenvector',
  'louvain',
  'kcore',
  'constraint',
  'components',
]
const LABEL: Record<Measure, string> = {
  load: 'load edge list',
  betweenness: 'betweenness',
  closeness: 'closeness',
  pagerank: 'PageRank',
  eigenvector: 'eigenvector',
  louvain: 'Louvain',
  kcore: 'k-core',
  constraint: 'Burt constraint',
  components: 'components',
}
/** Measures with one value per node, compared across libraries on the cross-check graph. */
const PER_NODE: Measure[] = ['betweenness', 'closeness', 'pagerank', 'eigenvector', 'kcore', 'constraint']

const log = (msg: string): void => void process.stderr.write(msg + '\n')

// ---- options -------------------------------------------------------------------------------

interface Options {
  mode: 'quick' | 'default' | 'full'
  budgetS: number
  only: string[] | null
  out: string | null
  python: boolean
}

const USAGE = `usage: npm run bench -- [--quick | --full] [--budget SECONDS] [--only KEY,KEY] [--out FILE] [--no-python]
  --quick      1k and 10k graphs only, 6 s budget (about 4 minutes); writes no file unless --out is given
  (default)    every graph, sampled estimates beyond a 10 s budget (about 10 minutes)
  --full       every graph, 60 s budget: more full runs, fewer estimates (an hour or more)
  --budget S   seconds per measurement before estimating (BENCH_BUDGET_S too)
  --only KEYS  only these graphs (ba-1000, ba-10000, lfr-10000, directed-10000, ba-100000, grid-300x300)
  --out FILE   where to write the Markdown (default docs/benchmarks.md; "-" for none)
  --no-python  leave igraph and networkx out`

function parseArgs(argv: string[]): Options {
  const o: Options = { mode: 'default', budgetS: 0, only: null, out: null, python: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`)
      return v
    }
    if (a === '--quick') o.mode = 'quick'
    else if (a === '--full') o.mode = 'full'
    else if (a === '--budget') o.budgetS = Number(value())
    else if (a === '--only') o.only = value().split(',')
    else if (a === '--out') o.out = value()
    else if (a === '--no-python') o.python = false
    else if (a === '--help' || a === '-h') {
      log(USAGE)
      process.exit(0)
    } else throw new Error(`unknown option ${a}\n${USAGE}`)
  }
  if (!o.budgetS) o.budgetS = Number(process.env.BENCH_BUDGET_S ?? { quick: 6, default: 10, full: 60 }[o.mode])
  if (!(o.budgetS > 0)) throw new Error(`the budget must be a positive number of seconds\n${USAGE}`)
  return o
}

// ---- datasets ------------------------------------------------------------------------------

interface Plan {
  dataset: Dataset
  /** A smaller graph of the same family for igraph's betweenness when it is over the budget. */
  scaleRef?: Dataset
  /** Measures with a note instead of a run, per library. */
  skip?: Partial<Record<Lib, Partial<Record<Measure, string>>>>
}

function plans(o: Options): Plan[] {
  const ba10k = ba(10_000)
  const list: Plan[] = [
    { dataset: ba(1_000) },
    { dataset: ba10k },
    { dataset: lfrLike(10_000) },
    { dataset: directedPA(10_000) },
  ]
  if (o.mode !== 'quick') {
    const skipNx = '(skipped: hours of work; networkx betweenness is sampled only up to 10k nodes)'
    list.push(
      { dataset: ba(100_000), scaleRef: ba10k, skip: { networkx: { betweenness: skipNx } } },
      { dataset: grid(300), scaleRef: grid(100), skip: { networkx: { betweenness: skipNx } } },
    )
  }
  return o.only ? list.filter((p) => o.only!.includes(p.dataset.key)) : list
}

// ---- machine and peers ---------------------------------------------------------------------

interface PeerInfo {
  python: string
  version: string
  pythonVersion: string
  extra: string
}

/** The first Python interpreter that has the module: BENCH_PYTHON, Debian's /usr/bin/python3, then python3 on PATH. */
function findPython(lib: PyLib): PeerInfo | null {
  const candidates = [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3'].filter((x): x is string => !!x)
  for (const python of [...new Set(candidates)]) {
    const r = spawnSync(python, [path.join(HERE, 'peers.py'), '--version', lib], { encoding: 'utf8' })
    if (r.error || r.status !== 0) continue
    const v = JSON.parse(r.stdout) as { version: string; python: string; extra: string }
    return { python, version: v.version, pythonVersion: v.python, extra: v.extra }
  }
  return null
}

function machine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() || 'unknown CPU'
  const mem = `${Math.round(os.totalmem() / 2 ** 30)} GiB`
  return `${model}, ${os.availableParallelism()} cores, ${mem} RAM, ${os.type()} ${os.release()}, Node ${process.version}`
}

function sourceVersion(): string {
  const git = (...args: string[]): string | null => {
    const r = spawnSync('git', args, { cwd: HERE, encoding: 'utf8' })
    return r.error || r.status !== 0 ? null : r.stdout.trim()
  }
  const head = git('rev-parse', '--short', 'HEAD')
  if (!head) return 'cosafe (not a git checkout)'
  const dirty = git('status', '--porcelain', '--', path.join(HERE, '..', 'src'))
  return `cosafe ${head}${dirty ? ' + local changes in packages/sna/src' : ''}`
}

// ---- running the measurement processes ---------------------------------------------------

interface Job {
  lib: Lib
  measure: Measure
}

/** A result line of either runner (the Python one leaves out `lib`: one library per process). */
type Reported = Omit<RunnerResult, 'lib'> & { lib: Lib }

/**
 * Runs the jobs in child processes made by `start` (one per attempt), reading a JSON line per
 * result. A job that has not finished `deadlineS` after its start line is stopped (the process
 * killed) and the rest run in a new process.
 */
async function runJobs(
  jobs: Job[],
  start: (jobs: Job[]) => { cmd: string; args: string[] },
  deadlineS: number,
  onResult: (r: Reported) => void,
): Promise<void> {
  let left = jobs
  while (left.length > 0) {
    const { cmd, args } = start(left)
    // every peer single-threaded, as the issue's peer table: igraph's PRPACK would otherwise run
    // on both cores through OpenMP, and OpenBLAS may thread numpy/scipy
    const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' }
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)))
    let current: Job | null = null
    const done = new Set<string>()
    let timer: NodeJS.Timeout | null = null
    let stopped: Job | null = null
    const arm = (): void => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        stopped = current
        child.kill('SIGKILL')
      }, deadlineS * 1000)
    }
    arm()
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (text) => {
      let line: RunnerLine | { start: Measure } | { result: Omit<RunnerResult, 'lib'> & { lib?: Lib } }
      try {
        line = JSON.parse(text) as typeof line
      } catch {
        return
      }
      if ('start' in line) {
        const s = line.start
        current = Array.isArray(s) ? { lib: s[0], measure: s[1] } : { lib: left[0]!.lib, measure: s }
        arm()
      } else {
        const r = { ...line.result, lib: line.result.lib ?? left[0]!.lib }
        done.add(`${r.lib}/${r.measure}`)
        onResult(r)
      }
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    if (timer) clearTimeout(timer)
    const stop = stopped as Job | null
    if (stop) {
      onResult({ lib: stop.lib, measure: stop.measure, cell: { missing: `> ${fmtSeconds(deadlineS)} (stopped)` } })
      done.add(`${stop.lib}/${stop.measure}`)
    }
    const rest = left.filter((j) => !done.has(`${j.lib}/${j.measure}`))
    if (!stop && rest.length > 0) {
      // the process ended without finishing: report the rest as failed
      const why = code === 0 ? 'no result' : `failed: ${stderr.trim().split('\n').pop() ?? `exit ${code}`}`
      for (const j of rest)
        onResult({ lib: j.lib, measure: j.measure, cell: { missing: `error: ${why}`.slice(0, 120) } })
      return
    }
    left = rest
  }
}

// ---- results -------------------------------------------------------------------------------

interface Result {
  cells: Partial<Record<Lib, Cell>>
  values: Partial<Record<Lib, number[]>>
  modularity: Partial<Record<Lib, number>>
  count: Partial<Record<Lib, number>>
  notes: string[]
}

/** Longest text of a missing cell in the table; longer ones are cut at their first ':' and given in full in the notes. */
const MISSING_MAX = 24

function cellText(c: Cell | undefined): string {
  if (c === undefined) return ''
  if (!isTiming(c)) {
    if (c.missing.length <= MISSING_MAX) return c.missing
    const head = c.missing.split(':')[0]!
    return head.startsWith('(') ? `${head})†` : `${head}†`
  }
  const t = fmtSeconds(c.seconds) + (c.busy ? '*' : '')
  if (c.estimate) return `≈ ${t}`
  return c.runs === 1 ? `${t} (1 run)` : t
}

/** cosafe's time ÷ the peer's: below 1, cosafe is faster. */
function ratioText(base: Cell | undefined, peer: Cell | undefined): string {
  if (!isTiming(peer) || !isTiming(base) || peer.seconds <= 0) return '–'
  const r = fmtRatio(base.seconds / peer.seconds)
  return peer.estimate || base.estimate ? `≈ ${r}` : r
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): { diff: number; max: number } {
  let diff = 0
  let max = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    const d = Number.isNaN(x) && Number.isNaN(y) ? 0 : Math.abs(x - y)
    if (!(d <= diff)) diff = d // NaN on one side only counts as a difference
    if (Math.abs(x) > max) max = Math.abs(x)
  }
  return { diff, max }
}

/** Unit length, first nonzero entry positive: eigenvectors compared whatever the library's scaling. */
function unit(v: number[]): number[] {
  let s = 0
  for (const x of v) s += x * x
  s = Math.sqrt(s)
  const sign = (v.find((x) => x !== 0) ?? 1) < 0 ? -1 : 1
  return v.map((x) => (s > 0 ? (sign * x) / s : x))
}

function toCosafe(d: Dataset): Graph {
  const b = new NetworkBuilder({ directed: d.directed })
  for (let i = 0; i < d.n; i++) b.addNode(String(i))
  for (let e = 0; e < d.source.length; e++) b.addTie(d.source[e]!, d.target[e]!)
  return b.build().network.graph
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2))
  const p = policyFor(o.budgetS)
  const started = Date.now()
  const loadBefore = os.loadavg()[0]!
  if (loadBefore > 0.5)
    log(`note: load average ${loadBefore.toFixed(2)} before the run: other work on this machine skews the times`)
  const machineLine = machine()
  log(`${machineLine}\n${sourceVersion()}; mode ${o.mode}, budget ${o.budgetS} s, deadline ${fmtSeconds(p.deadlineS)}`)

  // the 2-worker rows run @cosafe/sna/node, whose workers load the compiled sweep kernel from dist
  const build = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', path.join(ROOT, 'packages/sna')],
    {
      encoding: 'utf8',
    },
  )
  if (build.status !== 0)
    log(`note: building packages/sna failed, the 2-worker rows may use an old build:\n${build.stdout}`)

  const py: Partial<Record<PyLib, PeerInfo>> = {}
  const missingPeers: string[] = []
  for (const lib of ['igraph', 'networkx'] as const) {
    const info = o.python ? findPython(lib) : null
    if (info) py[lib] = info
    else missingPeers.push(lib)
    log(info ? `${lib} ${info.version} (${info.python}, Python ${info.pythonVersion})` : `${lib}: not found, skipped`)
  }
  const optionalGraphology = [
    ['graphology-communities-louvain', gl.louvainVersion],
    ['graphology-components', gl.componentsVersion],
  ] as const

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosafe-bench-'))
  const all = plans(o)
  const results = new Map<string, Map<Measure, Result>>()
  const checkKey = all.find((x) => x.dataset.n <= 2000)?.dataset.key ?? null
  const approxNotes: string[] = []
  let memory: MemoryResult | { error: string } = { error: 'not run' }

  try {
    for (const plan of all) {
      const d = plan.dataset
      const file = path.join(tmp, `${d.key}.tsv`)
      writeEdgeList(d, file)
      log(
        `\n== ${d.title}: ${fmtInt(d.n)} nodes, ${fmtInt(d.source.length)} ${d.directed ? 'arcs' : 'ties'} (${d.recipe})`,
      )
      const byMeasure = new Map<Measure, Result>(
        MEASURES.map((m) => [m, { cells: {}, values: {}, modularity: {}, count: {}, notes: [] }]),
      )
      results.set(d.key, byMeasure)
      const values = d.key === checkKey
      let lastResult = Date.now()
      const onResult = (r: Reported): void => {
        const res = byMeasure.get(r.measure)!
        res.cells[r.lib] = r.cell
        if (r.values) res.values[r.lib] = r.values
        if (r.count !== undefined) res.count[r.lib] = r.count
        if (r.membership) res.modularity[r.lib] = modularity(d, r.membership)
        if (r.note) {
          if (r.lib === 'cosafe-approx') approxNotes.push(`${d.title}: ${r.note}.`)
          else res.notes.push(`${r.lib}, ${LABEL[r.measure]}: ${r.note}`)
        }
        if (isTiming(r.cell) && r.cell.estimate) res.notes.push(`${r.lib}: ${r.cell.estimate.detail}`)
        if (!isTiming(r.cell) && r.cell.missing.length > MISSING_MAX) res.notes.push(`${r.lib}: † ${r.cell.missing}`)
        const q = res.modularity[r.lib]
        const wall = (Date.now() - lastResult) / 1000
        lastResult = Date.now()
        log(
          `  ${r.lib.padEnd(14)} ${LABEL[r.measure].padEnd(16)} ${cellText(r.cell)}${q !== undefined ? `  Q ${q.toFixed(4)}` : ''}  [${wall.toFixed(1)} s]`,
        )
      }

      // cosafe (one thread, two workers, approximate) and graphology, one Node process
      const nodeJobs: Job[] = [
        ...MEASURES.map((measure) => ({ lib: 'cosafe' as const, measure })),
        { lib: 'cosafe-2w', measure: 'betweenness' },
        { lib: 'cosafe-2w', measure: 'closeness' },
        { lib: 'cosafe-approx', measure: 'betweenness' },
        ...MEASURES.map((measure) => ({ lib: 'graphology' as const, measure })),
      ]
      await runJobs(
        nodeJobs,
        (jobs) => {
          const task: RunnerTask = {
            file,
            n: d.n,
            directed: d.directed,
            jobs: jobs.map((j) => [j.lib as NodeLib, j.measure]),
            policy: p,
            values,
          }
          return {
            cmd: process.execPath,
            args: [...process.execArgv, path.join(HERE, 'runner.ts'), JSON.stringify(task)],
          }
        },
        p.deadlineS,
        onResult,
      )

      // igraph and networkx, one Python process each
      for (const lib of ['igraph', 'networkx'] as const) {
        const info = py[lib]
        if (!info) continue
        const skip = plan.skip?.[lib] ?? {}
        for (const [m, why] of Object.entries(skip)) onResult({ lib, measure: m as Measure, cell: { missing: why } })
        let refFile: string | null = null
        if (plan.scaleRef && lib === 'igraph') {
          refFile = path.join(tmp, `${plan.scaleRef.key}.tsv`)
          writeEdgeList(plan.scaleRef, refFile)
        }
        const jobs = MEASURES.filter((m) => !(m in skip)).map((measure) => ({ lib, measure }))
        await runJobs(
          jobs,
          (left) => {
            const task = {
              lib,
              file,
              n: d.n,
              directed: d.directed,
              jobs: left.map((j) => j.measure),
              policy: p,
              values,
              scaleRef:
                refFile && plan.scaleRef ? { file: refFile, n: plan.scaleRef.n, title: plan.scaleRef.title } : null,
            }
            return { cmd: info.python, args: [path.join(HERE, 'peers.py'), JSON.stringify(task)] }
          },
          p.deadlineS,
          onResult,
        )
      }
    }

    // memory: a 1,000,000-tie CSV edge list loaded in a fresh process
    log('\n== memory: 1,000,000-tie CSV edge list')
    const r = spawnSync(process.execPath, [...process.execArgv, path.join(HERE, 'memory.ts'), '1000000'], {
      encoding: 'utf8',
    })
    memory =
      r.status === 0
        ? (JSON.parse(r.stdout) as MemoryResult)
        : { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop()! }
    log(
      'error' in memory
        ? `  memory: ${memory.error}`
        : `  ${fmtSeconds(memory.seconds)}, ${memory.bytesPerTie.toFixed(1)} bytes per tie (${memory.bytesPerTieWithIndex.toFixed(1)} with the id index)`,
    )
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  const minutes = (Date.now() - started) / 60_000
  const load = `load average ${loadBefore.toFixed(2)} before the run, ${os.loadavg()[0]!.toFixed(2)} after it`
  const md = report({
    o,
    p,
    machineLine: `${machineLine}; ${load}`,
    py,
    missingPeers,
    optionalGraphology,
    all,
    results,
    checkKey,
    approxNotes,
    memory,
    minutes,
  })
  process.stdout.write(md)
  const out = o.out ?? (o.mode === 'quick' ? '-' : path.join(ROOT, 'docs', 'benchmarks.md'))
  if (out !== '-') {
    mkdirSync(path.dirname(out), { recursive: true })
    writeFileSync(out, md)
    log(`\nwritten to ${path.relative(process.cwd(), out)} (${minutes.toFixed(1)} minutes)`)
  }
}

/** Modularity of a partition on the graph's undirected view, by one formula for every library (cosafe's louvainModularity). */
const modularityGraphs = new Map<string, Graph>()
function modularity(d: Dataset, membership: number[]): number {
  let g = modularityGraphs.get(d.key)
  if (!g) modularityGraphs.set(d.key, (g = toCosafe(d)))
  // renumber communities 0 .. k-1 (libraries number them as they like)
  const ids = new Map<number, number>()
  const m = membership.map((c) => ids.get(c) ?? (ids.set(c, ids.size), ids.size - 1))
  return louvainModularity(g, m)
}

// ---- the report ----------------------------------------------------------------------------

interface ReportInput {
  o: Options
  p: Policy
  machineLine: string
  py: Partial<Record<PyLib, PeerInfo>>
  missingPeers: string[]
  optionalGraphology: readonly (readonly [string, string | null])[]
  all: Plan[]
  results: Map<string, Map<Measure, Result>>
  checkKey: string | null
  approxNotes: string[]
  memory: MemoryResult | { error: string }
  minutes: number
}

function report(x: ReportInput): string {
  const { p, results } = x
  const peerLines = [
    `graphology ${gl.graphologyVersion} with graphology-metrics ${gl.metricsVersion} and graphology-cores ${gl.coresVersion} (in the same Node process as cosafe)`,
  ]
  for (const [name, v] of x.optionalGraphology) if (v) peerLines.push(`${name} ${v}`)
  for (const lib of ['igraph', 'networkx'] as const) {
    const info = x.py[lib]
    if (info)
      peerLines.push(
        `${lib === 'igraph' ? 'python-igraph' : 'networkx'} ${info.version}${info.extra ? ` (${info.extra})` : ''} on Python ${info.pythonVersion} (\`${info.python}\`)`,
      )
  }
  const missing = [
    ...x.missingPeers.map(
      (lib) =>
        `${lib} (not importable by BENCH_PYTHON, /usr/bin/python3 or python3: install Debian's \`python3-${lib === 'igraph' ? 'igraph' : 'networkx'}\`)`,
    ),
    ...x.optionalGraphology
      .filter(([, v]) => !v)
      .map(
        ([name]) =>
          `${name} (not a dependency of the repository: graphology's ${name.includes('louvain') ? 'Louvain' : 'components'} rows are empty)`,
      ),
  ]

  // the main table
  const header = ['Graph', 'Measure', 'cosafe']
  const align: ('left' | 'right')[] = ['left', 'left', 'right']
  for (const peer of PEERS) {
    header.push(peer, `cosafe ÷ ${peer}`)
    align.push('right', 'right')
  }
  const rows: string[][] = []
  for (const plan of x.all) {
    const d = plan.dataset
    const byMeasure = results.get(d.key)
    if (!byMeasure) continue
    for (const m of MEASURES) {
      const r = byMeasure.get(m)!
      const row = [d.title, LABEL[m], cellText(r.cells.cosafe)]
      for (const peer of PEERS) row.push(cellText(r.cells[peer]), ratioText(r.cells.cosafe, r.cells[peer]))
      rows.push(row)
      // ---- the "cosafe (2 workers)" and "cosafe approx ε = 0.01" rows ----
      const variants: [Lib, string][] = [
        ['cosafe-2w', `${LABEL[m]}, cosafe 2 workers`],
        ['cosafe-approx', `${LABEL[m]}, cosafe approx ε = 0.01`],
      ]
      for (const [lib, label] of variants) {
        const c = r.cells[lib]
        if (c === undefined || (!isTiming(c) && c.missing === '(none)')) continue
        const vrow = [d.title, label, cellText(c)]
        for (const peer of PEERS) vrow.push('', ratioText(c, r.cells[peer]))
        rows.push(vrow)
      }
    }
  }

  // Louvain modularity
  const qHeader = ['Graph', 'cosafe', ...PEERS]
  const qRows: string[][] = []
  for (const plan of x.all) {
    const r = results.get(plan.dataset.key)?.get('louvain')
    if (!r) continue
    const q = (lib: Lib): string => {
      const v = r.modularity[lib]
      return v === undefined ? cellText(r.cells[lib]) || '–' : v.toFixed(4)
    }
    qRows.push([plan.dataset.title, q('cosafe'), ...PEERS.map(q)])
  }

  // notes, cross-checks, targets
  const notes: string[] = []
  for (const plan of x.all) {
    const byMeasure = results.get(plan.dataset.key)
    if (!byMeasure) continue
    for (const m of MEASURES) {
      const r = byMeasure.get(m)!
      for (const n of r.notes) notes.push(`${plan.dataset.title}, ${LABEL[m]}, ${n}.`)
      const counts = Object.entries(r.count)
      if (counts.length > 1 && new Set(counts.map(([, c]) => c)).size > 1)
        notes.push(`${plan.dataset.title}: component counts differ: ${counts.map(([l, c]) => `${l} ${c}`).join(', ')}.`)
    }
  }
  const checks: string[] = []
  if (x.checkKey) {
    const byMeasure = results.get(x.checkKey)!
    const title = x.all.find((pl) => pl.dataset.key === x.checkKey)!.dataset.title
    for (const peer of PEERS) {
      const parts: string[] = []
      for (const m of PER_NODE) {
        let a = byMeasure.get(m)!.values.cosafe
        let b = byMeasure.get(m)!.values[peer]
        if (!a || !b || a.length === 0 || b.length !== a.length) continue
        if (m === 'eigenvector') {
          a = unit(a)
          b = unit(b)
        }
        const { diff, max } = maxAbsDiff(a, b)
        parts.push(`${LABEL[m]} ${diff.toExponential(1)} (largest value ${Number(max.toPrecision(3))})`)
      }
      if (parts.length) checks.push(`cosafe vs ${peer} on ${title}, largest absolute difference: ${parts.join(', ')}`)
    }
  }

  const memoryLine =
    'error' in x.memory
      ? `Memory: the 1,000,000-tie load failed: ${x.memory.error}.`
      : `Memory: a ${fmtInt(x.memory.ties)}-tie CSV edge list (${fmtInt(x.memory.nodes)} nodes, ${(x.memory.fileBytes / 2 ** 20).toFixed(1)} MiB, Barabási–Albert m = 3) loads in ${fmtSeconds(x.memory.seconds)}; ` +
        `the loaded network keeps **${x.memory.bytesPerTie.toFixed(1)} bytes per tie** (graph rows, node ids and labels; heap and array buffers after garbage collection, input dropped), ` +
        `${x.memory.bytesPerTieWithIndex.toFixed(1)} once the node table's id index is built by a first lookup by id; peak resident memory of that process ${fmtInt(x.memory.maxRssMB)} MB.`

  const datasets = x.all.map(
    (pl) =>
      `${pl.dataset.title}: ${fmtInt(pl.dataset.n)} nodes, ${fmtInt(pl.dataset.source.length)} ${pl.dataset.directed ? 'arcs' : 'ties'} — ${pl.dataset.recipe}`,
  )
  const modeText =
    x.o.mode === 'quick'
      ? '`npm run bench -- --quick`'
      : x.o.mode === 'full'
        ? '`npm run bench -- --full`'
        : '`npm run bench`'
  return [
    '# cosafe benchmarks',
    '',
    `Written by ${modeText} (\`packages/sna/bench/run.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${x.minutes.toFixed(0)} minutes; ${sourceVersion()}.`,
    '',
    `Machine: ${x.machineLine}.`,
    '',
    `Peers: ${peerLines.join('; ')}.`,
    '',
    missing.length ? `**Missing peers:** ${missing.join('; ')}.` : 'Missing peers: none.',
    '',
    'Graphs (seeded, `packages/sna/bench/graphs.ts`):',
    '',
    ...datasets.map((s) => `- ${s}`),
    '',
    mdTable(header, rows, align),
    '',
    `Times are medians of 3 runs after JIT warm-up (runs under 20 ms timed in batches of at least 30 ms, the mean call counting; the same in Python without warm-up); "(1 run)" marks a measurement whose first run took over ${fmtSeconds(p.longRunS)} (not repeated); ` +
      `"≈" an estimate (below); "(stopped)" a run still going after ${fmtSeconds(p.deadlineS)}; ` +
      '"*" a time during which another process still held the CPU after three attempts (every sample is checked: the process’s CPU time against the wall time, and a disturbed sample is taken again). ' +
      '**cosafe ÷ peer** is cosafe’s time over the peer’s: below 1× cosafe is faster (0.5× = twice as fast). ' +
      'The "2 workers" rows run the same exact sweep on two worker threads (`@cosafe/sna/node`); their ratios are against the peers’ single-threaded times in the row above. ' +
      'The "approx" rows are `approximateBetweenness` (Riondato–Kornaropoulos, ε = 0.01, δ = 0.1) against the peers’ exact betweenness.',
    '',
    memoryLine,
    '',
    '## Louvain modularity',
    '',
    'Q of each library’s partition, all computed with the same formula (cosafe’s `louvainModularity`, γ = 1; on the directed graph the undirected view with weight a_uv + a_vu, which every library is given).',
    '',
    mdTable(qHeader, qRows, ['left', 'right', 'right', 'right', 'right']),
    '',
    '## Method',
    '',
    `- Every library reads the same edge list (a temporary file of \`n<u>\\tn<v>\` lines). "load edge list" times reading that file with the library’s own reader: cosafe \`readCsv\` on the file’s bytes, igraph \`Graph.Read_Ncol\`, networkx \`read_edgelist\`; graphology has none. For the other rows the graph is built before the clock starts, in index order, and only the algorithm is timed.`,
    '- cosafe and graphology run in one Node process per graph (`bench/runner.ts`), igraph and networkx in one Python process per graph (`bench/peers.py`) with `OMP_NUM_THREADS=1` and `OPENBLAS_NUM_THREADS=1` (every peer single-threaded: python-igraph’s PageRank, PRPACK, otherwise runs on both cores through OpenMP); measurements run one at a time.',
    '- Betweenness: raw, unweighted (each unordered pair once on undirected graphs). Closeness: Wasserman–Faust, distances to the node on the directed graph (cosafe default, graphology, networkx; igraph `mode="in"`); cosafe sweeps 256 sources at a time (multi-source BFS, its pull levels in WebAssembly SIMD), so its estimates time blocks of 256 sources consecutive in the order a full sweep takes them (the locality renumbering); its closeness runs in full up to twice the budget, because the cost of a batch varies along the sweep and samples of a few batches estimate it poorly. PageRank: α = 0.85, stopping at an L1 change below 1e-13 (cosafe’s default: Gauss–Seidel turning into over-relaxation after six sweeps; graphology and networkx get `tolerance = 1e-13 / n`; igraph uses PRPACK, an exact solver). Eigenvector: cosafe’s default (Lanczos on undirected graphs, restarted Arnoldi on directed ones, to a Ritz residual ‖Ax − θx‖ below 1e-12·θ); graphology with power iteration to an L1 change below n·1e-15; igraph `eigenvector_centrality` and networkx `eigenvector_centrality_numpy` (ARPACK). Louvain: cosafe seed 1, networkx seed 1, igraph `community_multilevel` with Python’s random seeded 1. k-core: core numbers; on the directed graph every library gets the undirected skeleton (cosafe’s convention; built before timing). Burt constraint: binary. Components: connected, strongly connected on the directed graph. cosafe’s exact betweenness runs Brandes one source at a time in WebAssembly (brandes.wat).',
    `- Estimates: when a pilot on a few sources predicts that one full betweenness or closeness run exceeds ${fmtSeconds(p.budgetS)}, k sources (about ${fmtSeconds(p.sampleS)} of work, at least ${p.minSample}; at least 2,048 for the 2-worker rows, which split only sweeps that large) are timed once and scaled by n/k. cosafe runs \`pathSweep(g, { sources })\`; graphology-metrics has no such option, so the bench runs its own copy of the library’s loop (the indexed Brandes routine of graphology-shortest-path, the BFS of centrality/closeness.js) on the sampled sources; networkx uses \`betweenness_centrality(k=…)\` and \`closeness_centrality(u=…)\` (and its pure-Python Burt constraint is estimated the same way, from \`constraint(nodes=…)\`); igraph \`closeness(vertices=…)\`. python-igraph ${x.py.igraph?.version ?? ''} has no betweenness from a subset of sources: its betweenness runs in full up to twice the budget (predicted from a BFS pilot), beyond that it is scaled by n·m from a smaller graph of the same family, which flatters igraph (larger graphs miss the cache more: cosafe’s own sampled estimates run 30–40 % above such scaling).`,
    ...notes.map((s) => `- ${s}`),
    ...(x.approxNotes.length ? ['- Approximate betweenness, ε = 0.01: ' + x.approxNotes.join(' ')] : []),
    ...checks.map((s) => `- Cross-check: ${s}.`),
    '',
    '## Targets of issue 9 in this run',
    '',
    ...targets(x).map((s) => `- ${s}`),
    '',
  ].join('\n')
}

/** The "done when" list of issue 9, checked against this run's numbers. */
function targets(x: ReportInput): string[] {
  const out: string[] = []
  const best = (r: Result): Cell | undefined => {
    const a = r.cells.cosafe
    const b = r.cells['cosafe-2w']
    if (isTiming(a) && isTiming(b)) return a.seconds <= b.seconds ? a : b
    return isTiming(a) ? a : b
  }
  const mark = (ok: boolean | null): string => (ok === null ? 'cannot tell' : ok ? 'met' : '**NOT met**')
  const ba10k = x.results.get('ba-10000')
  if (ba10k) {
    for (const m of ['betweenness', 'closeness'] as const) {
      const r = ba10k.get(m)!
      const c = best(r)
      const ig = r.cells.igraph
      const gr = r.cells.graphology
      const vsIg = isTiming(c) && isTiming(ig) ? c.seconds <= 0.6 * ig.seconds : null
      const vsGl = isTiming(c) && isTiming(gr) ? c.seconds * 5 <= gr.seconds : null
      out.push(
        `${LABEL[m]}, BA 10k, cosafe at its best (${cellText(c)}): ≤ 0.6× igraph ${mark(vsIg)} (${ratioText(c, ig)}); ≥ 5× faster than graphology ${mark(vsGl)} (${ratioText(c, gr)}).`,
      )
    }
  }
  for (const plan of x.all) {
    const byMeasure = x.results.get(plan.dataset.key)
    if (!byMeasure) continue
    const behind: string[] = []
    for (const m of ['pagerank', 'eigenvector', 'kcore', 'constraint', 'components', 'louvain', 'load'] as const) {
      const r = byMeasure.get(m)!
      const c = r.cells.cosafe
      let fastest: [Peer, Timing] | null = null
      for (const peer of PEERS) {
        const t = r.cells[peer]
        if (isTiming(t) && (!fastest || t.seconds < fastest[1].seconds)) fastest = [peer, t]
      }
      if (!fastest) continue
      if (!isTiming(c)) {
        behind.push(`${LABEL[m]} (cosafe ${cellText(c)})`)
        continue
      }
      if (c.seconds > fastest[1].seconds) behind.push(`${LABEL[m]} (${ratioText(c, fastest[1])} of ${fastest[0]})`)
      if (m === 'louvain') {
        const q = r.modularity.cosafe
        const pq = r.modularity[fastest[0]]
        if (q !== undefined && pq !== undefined && q < pq - 1e-9)
          behind.push(`Louvain Q ${q.toFixed(4)} below ${fastest[0]}’s ${pq.toFixed(4)}`)
      }
    }
    out.push(
      `${plan.dataset.title}: every other measure at most the fastest peer’s time${behind.length ? ` — **NOT met** for ${behind.join('; ')}` : ' — met'}.`,
    )
  }
  const ba100k = x.results.get('ba-100000')
  if (ba100k) {
    let total = 0
    let known = true
    for (const m of ['closeness', 'pagerank', 'eigenvector', 'kcore', 'constraint'] as const) {
      const c = ba100k.get(m)!.cells
      const t = [c.cosafe, c['cosafe-2w']].filter(isTiming).map((v) => v.seconds)
      if (t.length === 0) known = false
      else total += Math.min(...t)
    }
    out.push(
      `BA 100k, node measures except exact betweenness (closeness, PageRank, eigenvector, k-core, constraint) within 10 s in total: ${known ? `${fmtSeconds(total)} → ${mark(total <= 10)}` : 'cannot tell'}.`,
    )
    const a = ba100k.get('betweenness')!.cells['cosafe-approx']
    out.push(
      `BA 100k, approximate betweenness ε = 0.01 within 30 s: ${isTiming(a) ? `${cellText(a)} → ${mark(a.seconds <= 30)}` : cellText(a) || 'not run'}.`,
    )
  }
  if (!('error' in x.memory))
    out.push(
      `1,000,000-tie CSV graph in at most 100 bytes per tie: ${x.memory.bytesPerTie.toFixed(1)} → ${mark(x.memory.bytesPerTie <= 100)}.`,
    )
  return out
}

main().catch((e: unknown) => {
  log(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
