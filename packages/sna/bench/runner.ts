// Times cosafe (one thread, two workers, approximate) and graphology, in one Node process, on one benchmark edge list: one JSON line per measurement, for run.ts.

import { readFileSync } from 'node:fs'
import {
  NetworkBuilder,
  constraint,
  coreness,
  eigenvector,
  louvain,
  pagerank,
  pathSweep,
  readCsv,
  strongComponents,
  weakComponents,
  betweenness,
  closeness,
  type Graph,
} from '../src/index.js'
import { approximateBetweenness, closeSweepWorkers, parallelPathSweep } from '../src/node/index.js'
import { localityOrder, RELABEL_MIN_NODES } from '../src/measures/locality.js'
import { BATCH_SOURCES } from '../src/measures/msbfs.js'
import { mulberry32 } from './ba.js'
import { parseEdgeList } from './graphs.js'
import * as gl from './graphology-peer.js'
import { measureBySources, measureFull, type Cell, type Policy, type Sampler, type Timing } from './measure.js'

export type Lib = 'cosafe' | 'cosafe-2w' | 'cosafe-approx' | 'graphology'
export type Measure =
  'load' | 'betweenness' | 'closeness' | 'pagerank' | 'eigenvector' | 'louvain' | 'kcore' | 'constraint' | 'components'

/** What run.ts asks of one runner process. */
export interface RunnerTask {
  file: string
  n: number
  directed: boolean
  jobs: [Lib, Measure][]
  policy: Policy
  /** Report per-node values (the cross-check dataset). */
  values: boolean
}

/** One line of the runner's output. */
export type RunnerLine = { start: [Lib, Measure] } | { result: RunnerResult }

export interface RunnerResult {
  lib: Lib
  measure: Measure
  cell: Cell
  values?: number[]
  membership?: number[]
  count?: number
  note?: string
}

/** Threads of the "cosafe (2 workers)" rows. */
const THREADS = 2
/** ε of the "cosafe approx" rows. */
const EPSILON = 0.01

const emit = (line: RunnerLine): void => void process.stdout.write(JSON.stringify(line) + '\n')

/** Starts the worker pool on a throwaway graph (sweeps under 2,048 sources stay in-process), so that no timed run pays for starting workers. */
let poolWarm = false
async function warmPool(): Promise<void> {
  if (poolWarm) return
  const b = new NetworkBuilder({ directed: false })
  for (let i = 1; i < 2048; i++) b.addTie(String(i - 1), String(i))
  await parallelPathSweep(b.build().network.graph, { betweenness: true, threads: THREADS })
  poolWarm = true
}

const fromRecord = (r: Record<string, number>, n: number): number[] =>
  Array.from({ length: n }, (_, i) => r[String(i)]!)

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]!) as RunnerTask
  const { n, directed, policy: p } = task
  const ties = { n, directed, ...parseEdgeList(readFileSync(task.file, 'utf8')) }
  let cosafeGraph: Graph | null = null
  const g = (): Graph => {
    if (cosafeGraph) return cosafeGraph
    const b = new NetworkBuilder({ directed })
    for (let i = 0; i < n; i++) b.addNode(String(i))
    for (let e = 0; e < ties.source.length; e++) b.addTie(ties.source[e]!, ties.target[e]!)
    return (cosafeGraph = b.build().network.graph)
  }
  // closeness runs in full up to twice the budget: a batched sweep's cost varies from batch to
  // batch, so samples estimate it poorly, and the 100k target needs a measured time
  const wide: Policy = { ...p, budgetS: Math.min(2 * p.budgetS, p.deadlineS - 8) }
  let order: Int32Array | undefined | null = null
  /** The order in which a full sweep takes its sources (renumbered for locality from 4,096 nodes). */
  const sweepOrder = (): Int32Array | undefined =>
    order === null ? (order = n >= RELABEL_MIN_NODES ? localityOrder(g()) : undefined) : order
  let graphologyGraph: ReturnType<typeof gl.toGraphology> | null = null
  const G = (): ReturnType<typeof gl.toGraphology> => (graphologyGraph ??= gl.toGraphology(ties))
  let graphologyView: ReturnType<typeof gl.toGraphology> | null = null
  const V = (): ReturnType<typeof gl.toGraphology> => (graphologyView ??= gl.undirectedView(ties))

  /** Exact cosafe results kept for the approximation's error and for the values. */
  const last: Partial<Record<Measure, unknown>> = {}
  const cosafeTiming: Partial<Record<Measure, Timing>> = {}
  const keep =
    <T>(m: Measure, fn: () => T) =>
    (): T =>
      (last[m] = fn()) as T

  for (const [lib, measure] of task.jobs) {
    emit({ start: [lib, measure] })
    const out: RunnerResult = { lib, measure, cell: { missing: '(none)' } }
    try {
      if (lib === 'cosafe') await cosafeJob(measure, out)
      else if (lib === 'graphology') await graphologyJob(measure, out)
      else if (lib === 'cosafe-2w') await parallelJob(measure, out)
      else await approxJob(measure, out)
    } catch (e) {
      out.cell = { missing: `error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 120) }
    }
    emit({ result: out })
  }
  await closeSweepWorkers()

  async function cosafeJob(m: Measure, out: RunnerResult): Promise<void> {
    const sweep =
      (bc: boolean): (() => Sampler) =>
      () =>
      (s) =>
        pathSweep(g(), { betweenness: bc, sources: s })
    switch (m) {
      case 'load': {
        const opts = { source: task.file, directed }
        out.cell = await measureFull(() => readCsv(readFileSync(task.file), opts), p)
        const loaded = readCsv(readFileSync(task.file), opts).network.graph
        if (loaded.m !== ties.source.length) throw new Error(`read ${loaded.m} ties, expected ${ties.source.length}`)
        return
      }
      case 'betweenness':
        out.cell = await measureBySources(
          n,
          keep(m, () => betweenness(g())),
          sweep(true),
          p,
        )
        break
      case 'closeness':
        // distances only: the multi-source BFS runs BATCH_SOURCES sources at a time
        out.cell = await measureBySources(
          n,
          keep(m, () => closeness(g())),
          sweep(false),
          wide,
          2048,
          1,
          BATCH_SOURCES,
          sweepOrder(),
        )
        break
      case 'pagerank':
        out.cell = await measureFull(
          keep(m, () => pagerank(g())),
          p,
        )
        break
      case 'eigenvector':
        out.cell = await measureFull(
          keep(m, () => eigenvector(g())),
          p,
        )
        break
      case 'louvain':
        out.cell = await measureFull(
          keep(m, () => louvain(g())),
          p,
        )
        out.membership = Array.from((last.louvain as ReturnType<typeof louvain>).membership)
        return
      case 'kcore':
        out.cell = await measureFull(
          keep(m, () => coreness(g())),
          p,
        )
        break
      case 'constraint':
        out.cell = await measureFull(
          keep(m, () => constraint(g())),
          p,
        )
        break
      case 'components': {
        const fn = directed ? strongComponents : weakComponents
        out.cell = await measureFull(
          keep(m, () => fn(g())),
          p,
        )
        out.count = (last.components as ReturnType<typeof fn>).count
        return
      }
    }
    if ('seconds' in out.cell) cosafeTiming[m] = out.cell
    if (task.values) {
      const v = (last[m] ??= m === 'betweenness' ? betweenness(g()) : closeness(g())) as ArrayLike<number> | null
      out.values = v ? Array.from(v) : []
    }
  }

  async function graphologyJob(m: Measure, out: RunnerResult): Promise<void> {
    let value: Record<string, number> | null = null
    const keepG = (fn: () => Record<string, number>) => (): Record<string, number> => (value = fn())
    switch (m) {
      case 'load':
        out.cell = { missing: '(none)' } // graphology has no edge-list reader
        return
      case 'betweenness':
        out.cell = await measureBySources(
          n,
          keepG(() => gl.betweenness(G())),
          () => gl.betweennessSampler(G()),
          p,
        )
        break
      case 'closeness':
        out.cell = await measureBySources(
          n,
          keepG(() => gl.closeness(G())),
          () => gl.closenessSampler(G()),
          p,
        )
        break
      case 'pagerank':
        // graphology stops when the L1 change is below n·tolerance: this is cosafe's 1e-13 rule
        out.cell = await measureFull(
          keepG(() => gl.pagerank(G(), 1e-13)),
          p,
        )
        break
      case 'eigenvector':
        out.cell = await measureFull(
          keepG(() => gl.eigenvector(G())),
          p,
        )
        break
      case 'kcore':
        V()
        out.cell = await measureFull(
          keepG(() => gl.kcore(V())),
          p,
        )
        break
      case 'louvain': {
        if (gl.louvainVersion === null) {
          out.cell = { missing: '(not installed)' }
          return
        }
        V()
        let membership: Record<string, number> = {}
        out.cell = await measureFull(() => (membership = gl.louvain(V(), mulberry32(1))!), p)
        out.membership = fromRecord(membership, n)
        return
      }
      case 'components': {
        if (gl.componentsVersion === null) {
          out.cell = { missing: '(not installed)' }
          return
        }
        let parts: string[][] = []
        out.cell = await measureFull(() => (parts = gl.components(G())!), p)
        out.count = parts.length
        return
      }
      case 'constraint':
        out.cell = { missing: '(none)' }
        return
    }
    if (task.values && value === null) {
      value = m === 'betweenness' ? gl.betweenness(G()) : gl.closeness(G())
    }
    if (task.values && value) out.values = fromRecord(value, n)
  }

  /** Betweenness and closeness on THREADS worker threads (@cosafe/sna/node), identical results. */
  async function parallelJob(m: Measure, out: RunnerResult): Promise<void> {
    if (m !== 'betweenness' && m !== 'closeness') return
    const bc = m === 'betweenness'
    const graph = g()
    await warmPool()
    const full = (): Promise<unknown> => parallelPathSweep(graph, { betweenness: bc, threads: THREADS })
    // sweeps of fewer than 2,048 sources are not split: samples are at least that large
    const some = (): Sampler => (s) => parallelPathSweep(graph, { betweenness: bc, sources: s, threads: THREADS })
    out.cell = await measureBySources(
      n,
      full,
      some,
      bc ? p : wide,
      2048,
      n >= 2048 ? THREADS : 1,
      bc ? 1 : BATCH_SOURCES,
      bc ? undefined : sweepOrder(),
    )
  }

  /** Approximate betweenness, ε = 0.01 (Riondato–Kornaropoulos), with its error against the exact values when known. */
  async function approxJob(m: Measure, out: RunnerResult): Promise<void> {
    if (m !== 'betweenness') return
    let r: ReturnType<typeof approximateBetweenness> | null = null
    out.cell = await measureFull(() => (r = approximateBetweenness(g(), { epsilon: EPSILON, seed: 1 })), p)
    const a = r!
    const exact = last.betweenness as Float64Array | undefined
    const exactFull = cosafeTiming.betweenness && cosafeTiming.betweenness.runs > 0 && exact
    let note = `${a.samples.toLocaleString('en-US')} paths sampled (vertex-diameter bound ${a.vertexDiameterBound})`
    if (exactFull) {
      let worst = 0
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a.values[i]! - exact[i]!))
      note += `; largest error ${worst.toPrecision(3)} against the exact values, bound ε·pairs = ${a.errorBound.toPrecision(3)} (${worst <= a.errorBound ? 'within' : 'NOT within'} the bound)`
    }
    out.note = note
  }
}

void main()
