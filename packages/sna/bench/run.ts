// `npm run bench`: times cosafe against graphology-metrics (and networkx / igraph when installed) on seeded Barabási–Albert graphs and writes a Markdown table.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  NetworkBuilder,
  betweenness,
  closeness,
  constraint,
  coreness,
  pagerank,
  pathSweep,
  readCsv,
  type Graph,
} from '../src/index.js'
import { barabasiAlbert, toCsv, type EdgeList } from './ba.js'
import * as gl from './graphology-peer.js'
import { mdTable } from './markdown.js'
import {
  fmtInt,
  fmtRatio,
  fmtSeconds,
  gcExposed,
  isTiming,
  measureBySources,
  measureFull,
  policyFromEnv,
  sampleEstimate,
  type Cell,
  type Policy,
  type Timing,
} from './measure.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SEED = 42
const M = 3
const CSV_NODES = 10_000 // a BA graph of 10,000 nodes has 29,994 ties: the "30k-tie" edge list
const PAGERANK_L1 = 1e-13 // cosafe's default stopping rule (L1 change), given to every peer

type Measure = 'betweenness' | 'closeness' | 'pagerank' | 'kcore' | 'constraint'
const MEASURES: Measure[] = ['betweenness', 'closeness', 'pagerank', 'kcore', 'constraint']
const LABEL: Record<Measure | 'csv', string> = {
  betweenness: 'betweenness',
  closeness: 'closeness (W–F)',
  pagerank: 'PageRank',
  kcore: 'k-core',
  constraint: 'constraint',
  csv: 'read CSV edge list',
}

type Lib = 'cosafe' | 'graphology' | 'networkx' | 'igraph'
type PyLib = 'networkx' | 'igraph'

interface Row {
  measure: Measure | 'csv'
  n: number
  ties: number
  cells: Partial<Record<Lib, Cell>>
}

const log = (msg: string): void => void process.stderr.write(msg + '\n')

function parseSizes(env: string | undefined): number[] {
  const sizes = (env ?? '1000,10000,100000')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number)
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < M + 1)
      throw new RangeError(`BENCH_SIZES: every size must be an integer >= ${M + 1}, got ${n}`)
  }
  return sizes
}

function toCosafe(el: EdgeList): Graph {
  const b = new NetworkBuilder({ directed: false })
  for (let i = 0; i < el.n; i++) b.addNode(String(i))
  for (let e = 0; e < el.source.length; e++) b.addTie(el.source[e]!, el.target[e]!)
  return b.build().network.graph
}

/** " · cosafe <commit>" (with "+ local changes" when packages/sna/src differs from it), or "" outside git. */
function sourceVersion(): string {
  const git = (...args: string[]): string | null => {
    const r = spawnSync('git', args, { cwd: HERE, encoding: 'utf8' })
    return r.error || r.status !== 0 ? null : r.stdout.trim()
  }
  const head = git('rev-parse', '--short', 'HEAD')
  if (!head) return ''
  const dirty = git('status', '--porcelain', '--', path.join(HERE, '..', 'src'))
  return ` · cosafe ${head}${dirty ? ' + local changes in packages/sna/src' : ''}`
}

/** Version of an optional Python peer, or null when python3 or the module is missing. */
function pythonPeer(module: string): { version: string; python: string } | null {
  const r = spawnSync(
    'python3',
    ['-c', `import sys, ${module}; print(${module}.__version__, sys.version.split()[0])`],
    {
      encoding: 'utf8',
    },
  )
  if (r.error || r.status !== 0) return null
  const [version, python] = r.stdout.trim().split(/\s+/)
  return { version: version ?? '?', python: python ?? '?' }
}

interface PyResult {
  timings: Record<string, Cell & { note?: string }>
  values?: Record<Measure, number[]>
}

function runPython(lib: PyLib, args: string[], p: Policy): PyResult | { error: string } {
  const r = spawnSync('python3', [path.join(HERE, 'peers.py'), lib, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: (15 * p.budgetS + 300) * 1000,
  })
  if (r.error || r.status !== 0)
    return { error: (r.error?.message ?? r.stderr.trim().split('\n').pop() ?? 'failed').slice(0, 120) }
  return JSON.parse(r.stdout) as PyResult
}

/** Sum of squared degrees: the work of constraint (and of anything that walks two-step neighbourhoods). */
function sumDegreeSquared(el: EdgeList): number {
  const deg = new Float64Array(el.n)
  for (let e = 0; e < el.source.length; e++) {
    deg[el.source[e]!]!++
    deg[el.target[e]!]!++
  }
  let s = 0
  for (let i = 0; i < el.n; i++) s += deg[i]! * deg[i]!
  return s
}

/**
 * For the algorithms that cannot run part of their work (PageRank, k-core, constraint, reading):
 * measure in full unless the same library's time on the previous size, scaled by the work
 * ratio, already exceeds the budget; then report that scaled figure as an estimate.
 */
function measureOrScale(
  fn: () => unknown,
  work: number,
  prev: { timing: Timing; work: number; n: number } | undefined,
  p: Policy,
): Timing {
  if (prev && prev.timing.runs > 0) {
    const predicted = (prev.timing.seconds * work) / prev.work
    if (predicted > p.budgetS) {
      return {
        seconds: predicted,
        runs: 0,
        estimate: { method: 'scaled', detail: `scaled from the ${fmtInt(prev.n)}-node measurement by the work ratio` },
      }
    }
  }
  return measureFull(fn, p)
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

const fmtDiff = (d: { diff: number; max: number }): string =>
  `${d.diff.toExponential(1)} (largest value ${Number(d.max.toPrecision(3))})`

function cellText(c: Cell | undefined): string {
  if (c === undefined) return ''
  if (!isTiming(c)) return c.missing
  const t = fmtSeconds(c.seconds)
  if (c.estimate) return `≈ ${t}`
  return c.runs === 1 ? `${t} (1 run)` : t
}

function ratioText(peer: Cell | undefined, base: Cell | undefined): string {
  if (!isTiming(peer) || !isTiming(base) || base.seconds <= 0) return '–'
  const r = fmtRatio(peer.seconds / base.seconds)
  return peer.estimate || base.estimate ? `≈ ${r}` : r
}

function main(): void {
  const sizes = parseSizes(process.env.BENCH_SIZES)
  const p = policyFromEnv(process.env)
  const cpus = os.cpus()
  const envLine =
    `Node ${process.version} · ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores) · ` +
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${sourceVersion()}`
  log(envLine)
  if (!gcExposed) log('note: run node with --expose-gc to collect garbage between measurements')

  const py: Partial<Record<PyLib, { version: string; python: string }>> = {}
  const peerLines: string[] = [
    `graphology ${gl.graphologyVersion} with graphology-metrics ${gl.metricsVersion} and graphology-cores ${gl.coresVersion}`,
  ]
  for (const [lib, module] of [
    ['networkx', 'networkx'],
    ['igraph', 'igraph'],
  ] as const) {
    const v = pythonPeer(module)
    if (v) {
      py[lib] = v
      peerLines.push(`${lib} ${v.version} (Python ${v.python})`)
      log(`${lib}: ${v.version}`)
    } else {
      peerLines.push(`${lib}: not installed, skipped`)
      log(`${lib}: not installed, skipped`)
    }
  }
  const pyLibs = Object.keys(py) as PyLib[]
  const libs: Lib[] = ['cosafe', 'graphology', ...pyLibs]

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosafe-bench-'))
  const rows: Row[] = []
  const notes: string[] = []
  const checks: string[] = []
  const prevFull = new Map<string, { timing: Timing; work: number; n: number }>()
  const fullBetweenness = new Map<string, { n: number; nm: number; timing: Timing }>()
  const checkSize = Math.min(...sizes) <= 20_000 ? Math.min(...sizes) : null
  const datasets: string[] = []

  try {
    for (const n of sizes) {
      const el = barabasiAlbert(n, M, SEED)
      const ties = el.source.length
      datasets.push(`${fmtInt(n)} nodes / ${fmtInt(ties)} ties`)
      log(`\n== Barabási–Albert n = ${fmtInt(n)}, m = ${M}: ${fmtInt(ties)} ties`)
      const g = toCosafe(el)
      const G = gl.toGraphology(el)
      const work: Record<Measure, number> = {
        betweenness: n * ties,
        closeness: n * ties,
        pagerank: ties,
        kcore: ties,
        constraint: sumDegreeSquared(el),
      }
      const sized: Record<Measure, Row> = Object.fromEntries(
        MEASURES.map((m) => [m, { measure: m, n, ties, cells: {} }]),
      ) as Record<Measure, Row>
      const put = (lib: Lib, m: Measure, c: Cell): void => {
        sized[m].cells[lib] = c
        log(`  ${lib.padEnd(10)} ${LABEL[m].padEnd(16)} ${cellText(c)}`)
        if (isTiming(c) && c.estimate) notes.push(`${lib} ${LABEL[m]}, ${fmtInt(n)} nodes: ${c.estimate.detail}.`)
        if (isTiming(c) && c.runs > 0) {
          prevFull.set(`${lib}/${m}`, { timing: c, work: work[m], n })
          if (m === 'betweenness' || m === 'closeness')
            fullBetweenness.set(`${lib}/${m}`, { n, nm: n * ties, timing: c })
        } else if (isTiming(c) && (m === 'betweenness' || m === 'closeness')) {
          // a second opinion on a sampled estimate: O(n·m) scaling of the last full measurement
          const f = fullBetweenness.get(`${lib}/${m}`)
          if (f && f.n * 10 >= n) {
            notes.push(
              `${lib} ${LABEL[m]}, ${fmtInt(n)} nodes, for comparison: O(n·m) scaling of the ` +
                `${fmtInt(f.n)}-node measurement gives ${fmtSeconds((f.timing.seconds * n * ties) / f.nm)}.`,
            )
          }
        }
      }
      const scaled = (lib: Lib, m: Measure, fn: () => unknown): Timing =>
        measureOrScale(fn, work[m], prevFull.get(`${lib}/${m}`), p)

      // cosafe
      put(
        'cosafe',
        'betweenness',
        measureBySources(
          n,
          () => betweenness(g),
          () => (s) => pathSweep(g, { betweenness: true, sources: s }),
          p,
        ),
      )
      put(
        'cosafe',
        'closeness',
        measureBySources(
          n,
          () => closeness(g),
          () => (s) => pathSweep(g, { betweenness: false, sources: s }),
          p,
        ),
      )
      put(
        'cosafe',
        'pagerank',
        scaled('cosafe', 'pagerank', () => pagerank(g)),
      )
      put(
        'cosafe',
        'kcore',
        scaled('cosafe', 'kcore', () => coreness(g)),
      )
      put(
        'cosafe',
        'constraint',
        scaled('cosafe', 'constraint', () => constraint(g)),
      )

      // graphology-metrics
      put(
        'graphology',
        'betweenness',
        measureBySources(
          n,
          () => gl.betweenness(G),
          () => gl.betweennessSampler(G),
          p,
        ),
      )
      put(
        'graphology',
        'closeness',
        measureBySources(
          n,
          () => gl.closeness(G),
          () => gl.closenessSampler(G),
          p,
        ),
      )
      put(
        'graphology',
        'pagerank',
        scaled('graphology', 'pagerank', () => gl.pagerank(G, PAGERANK_L1)),
      )
      put(
        'graphology',
        'kcore',
        scaled('graphology', 'kcore', () => gl.kcore(G)),
      )
      put('graphology', 'constraint', { missing: '(none)' })

      // the sampling estimator against a full measurement, where both libraries ran in full
      const cb = sized.betweenness.cells.cosafe
      const gb = sized.betweenness.cells.graphology
      if (n >= 10_000 && isTiming(cb) && cb.runs > 0 && isTiming(gb) && gb.runs > 0) {
        const k = Math.max(p.minSample, Math.round(n / 10))
        const ce = sampleEstimate(n, k, () => (s) => pathSweep(g, { betweenness: true, sources: s }))
        const ge = sampleEstimate(n, k, () => gl.betweennessSampler(G))
        const pct = (e: number, t: number): string =>
          `${e >= t ? '+' : '−'}${Math.abs((100 * (e - t)) / t).toFixed(0)}%`
        notes.push(
          `Estimator check, ${fmtInt(n)} nodes: betweenness from ${fmtInt(k)} sampled sources × n/k predicts ` +
            `${fmtSeconds(ce)} for cosafe (measured ${fmtSeconds(cb.seconds)}, ${pct(ce, cb.seconds)}) and ` +
            `${fmtSeconds(ge)} for graphology (measured ${fmtSeconds(gb.seconds)}, ${pct(ge, gb.seconds)}).`,
        )
      }

      // cheap correctness cross-check on the smallest graph
      let cosafeValues: Record<Measure, ArrayLike<number>> | null = null
      if (n === checkSize) {
        cosafeValues = {
          betweenness: betweenness(g),
          closeness: closeness(g),
          pagerank: pagerank(g),
          kcore: coreness(g),
          constraint: constraint(g),
        }
        const bc = maxAbsDiff(cosafeValues.betweenness, gl.toArray(gl.betweenness(G), n))
        const cl = maxAbsDiff(cosafeValues.closeness, gl.toArray(gl.closeness(G), n))
        const pr = maxAbsDiff(cosafeValues.pagerank, gl.toArray(gl.pagerank(G, PAGERANK_L1), n))
        const kc = maxAbsDiff(cosafeValues.kcore, gl.toArray(gl.kcore(G), n))
        checks.push(
          `cross-check: max abs diff cosafe vs graphology on ${fmtInt(n)} nodes: betweenness ${fmtDiff(bc)}, ` +
            `closeness ${fmtDiff(cl)}, PageRank ${fmtDiff(pr)}, k-core ${fmtDiff(kc)}`,
        )
      }

      // Python peers, one process per library and size
      if (pyLibs.length > 0) {
        const file = path.join(tmp, `ba-${n}.txt`)
        const lines: string[] = []
        for (let e = 0; e < ties; e++) lines.push(`${el.source[e]} ${el.target[e]}`)
        writeFileSync(file, lines.join('\n') + '\n')
        for (const lib of pyLibs) {
          log(`  ${lib}: running …`)
          const args = [
            'graph',
            file,
            String(n),
            String(p.budgetS),
            String(p.longRunS),
            String(p.sampleS),
            String(p.minSample),
          ]
          const r = runPython(lib, cosafeValues ? [...args, '--values'] : args, p)
          if ('error' in r) {
            for (const m of MEASURES) put(lib, m, { missing: `error: ${r.error}` })
            continue
          }
          for (const m of MEASURES) {
            const c = r.timings[m]
            put(lib, m, c ?? { missing: '–' })
            if (c?.note) notes.push(`${lib} ${LABEL[m]}: ${c.note}.`)
          }
          if (cosafeValues && r.values) {
            const v = r.values
            const parts = MEASURES.map((m) => `${LABEL[m]} ${fmtDiff(maxAbsDiff(cosafeValues[m], v[m]))}`)
            checks.push(`cross-check: max abs diff cosafe vs ${lib} on ${fmtInt(n)} nodes: ${parts.join(', ')}`)
          }
        }
      }
      for (const m of MEASURES) rows.push(sized[m])
    }

    // reading a 30k-tie CSV edge list
    const csvGraph = barabasiAlbert(CSV_NODES, M, SEED)
    const csv = toCsv(csvGraph)
    const csvRow: Row = { measure: 'csv', n: CSV_NODES, ties: csvGraph.source.length, cells: {} }
    log(`\n== read CSV edge list: ${fmtInt(csvRow.ties)} ties, ${fmtInt(csv.length)} characters`)
    csvRow.cells.cosafe = measureFull(() => readCsv(csv, { source: 'bench.csv' }), p)
    csvRow.cells.graphology = { missing: '(none)' }
    log(`  cosafe     ${cellText(csvRow.cells.cosafe)}`)
    if (pyLibs.length > 0) {
      const file = path.join(tmp, 'bench.csv')
      writeFileSync(file, csv)
      for (const lib of pyLibs) {
        const r = runPython(lib, ['csv', file], p)
        csvRow.cells[lib] = 'error' in r ? { missing: `error: ${r.error}` } : (r.timings.csv ?? { missing: '–' })
        log(`  ${lib.padEnd(10)} ${cellText(csvRow.cells[lib])}`)
      }
    }
    rows.push(csvRow)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  // table: by measure, then size
  const order = [...MEASURES, 'csv'] as const
  rows.sort((a, b) => order.indexOf(a.measure) - order.indexOf(b.measure) || a.n - b.n)
  const header = ['Measure', 'Nodes', 'Ties', 'cosafe']
  const align: ('left' | 'right')[] = ['left', 'right', 'right', 'right']
  for (const lib of libs.slice(1)) {
    header.push(lib, `${lib} ÷ cosafe`)
    align.push('right', 'right')
  }
  const body = rows.map((r) => {
    const cells = [LABEL[r.measure], fmtInt(r.n), fmtInt(r.ties), cellText(r.cells.cosafe)]
    for (const lib of libs.slice(1)) cells.push(cellText(r.cells[lib]), ratioText(r.cells[lib], r.cells.cosafe))
    return cells
  })

  const out: string[] = [
    '# cosafe benchmark',
    '',
    `${envLine}. Budget ${p.budgetS} s per measurement (\`BENCH_BUDGET_S\`).`,
    '',
    `Dataset: Barabási–Albert graphs, m = ${M}, seed ${SEED} (\`packages/sna/bench/ba.ts\`): ${datasets.join('; ')}. ` +
      `The CSV row reads the ${fmtInt(CSV_NODES)}-node graph as a \`source,target\` edge list.`,
    '',
    `Peers, in the same process for graphology, one Python process per size otherwise: ${peerLines.join('; ')}.`,
    '',
    mdTable(header, body, align),
    '',
    'Times are medians of 3 runs (runs under 0.25 s after JIT warm-up calls); "(1 run)" marks a measurement whose first run exceeded ' +
      `${fmtSeconds(p.longRunS)}; "≈" marks an estimate; ratios above 1 mean cosafe is faster.`,
    '',
    'Method:',
    '',
    '- Betweenness is raw and unweighted (each unordered pair once; graphology with `normalized: false, getEdgeWeight: null`, networkx `normalized=False`). ' +
      'Closeness is the Wasserman–Faust variant (graphology `wassermanFaust: true`, networkx `wf_improved=True`). ' +
      'PageRank: α = 0.85, every library stops at the same rule, L1 change below 1e-13 (cosafe’s default; graphology and networkx get `tolerance = 1e-13 / n`). ' +
      'k-core is the core number of every node; constraint is Burt’s constraint. The graphology k-core is coreNumber of graphology-cores; graphology has no constraint and no CSV reader: "(none)".',
    '- Estimates: when a pilot on a few sources predicts that one full betweenness or closeness run exceeds the budget, ' +
      `k sources (about ${fmtSeconds(p.sampleS)} of work, at least ${p.minSample}) are timed once and scaled by n/k; one-off set-up (graphology's index) is timed apart and added once. ` +
      'cosafe runs `pathSweep(g, { sources })`; graphology-metrics has no such option, so the bench runs its own loop ' +
      '(the indexed Brandes routine of graphology-shortest-path and the BFS of centrality/closeness.js, same data structures) on the sampled sources; ' +
      'networkx uses `betweenness_centrality(k=…)` and `closeness_centrality(u=…)`. ' +
      'The graphs are connected, so every source’s search visits every node and tie and the cost per source varies little.',
    ...notes.map((s) => `- ${s}`),
    ...checks.map((s) => `- ${s.replace(/^cross-check: /, 'Cross-check: ')}.`),
    '',
  ]
  const md = out.join('\n')
  process.stdout.write(md)
  writeFileSync(path.join(HERE, 'results.md'), md)
  for (const c of checks) log(c)
  log(goals(rows))
  log(`\nwritten to ${path.relative(process.cwd(), path.join(HERE, 'results.md'))}`)
}

/** The issue's targets at 10,000 nodes, checked against graphology (stderr only: goals are not results). */
function goals(rows: Row[]): string {
  const targets: [Measure, number][] = [
    ['betweenness', 2.5],
    ['closeness', 1.5],
    ['pagerank', 3],
    ['kcore', 10],
  ]
  const lines = ['\ngoals at 10,000 nodes (graphology time ÷ cosafe time):']
  for (const [m, want] of targets) {
    const r = rows.find((x) => x.measure === m && x.n === 10_000)
    if (!r) {
      lines.push(`  ${LABEL[m]}: not run (10,000 not in BENCH_SIZES)`)
      continue
    }
    const c = r.cells.cosafe
    const gph = r.cells.graphology
    if (!isTiming(c) || !isTiming(gph)) {
      const others = (['networkx', 'igraph'] as const)
        .filter((l) => isTiming(r.cells[l]))
        .map((l) => `${l} ${ratioText(r.cells[l], c)}`)
      lines.push(
        `  ${LABEL[m]}: ≥ ${want}× wanted; graphology has none, cannot check${others.length ? ` (${others.join(', ')})` : ''}`,
      )
      continue
    }
    const ratio = gph.seconds / c.seconds
    lines.push(`  ${LABEL[m]}: ≥ ${want}× wanted, ${ratioText(gph, c)} → ${ratio >= want ? 'met' : 'NOT met'}`)
  }
  return lines.join('\n')
}

main()
