// Shortest-path measures from one sweep over all sources: betweenness, closeness, harmonic closeness, distances.
//
// 中介中心性 / 接近中心性 / 调和接近中心性 / 直径 / 平均测地距离
// betweenness(u) = Σ σ_st(u)/σ_st over s≠u≠t (Brandes 2001); undirected graphs count each
// unordered pair once (the sweep over ordered pairs is halved). closeness is the
// Wasserman–Faust variant (networkx `wf_improved`): C(u) = (r/(n−1))·(r/Σ d), r = number of
// nodes that reach u, 0 when r = 0; directed graphs use incoming distances d(v,u) ("in", as
// networkx) or outgoing ("out", as igraph's default). Harmonic: (1/(n−1)) Σ 1/d.
// Unweighted: every tie has length 1 (BFS). Weighted: a tie's length is 1/weight (Dijkstra) and
// two path lengths are equal when |L1−L2| ≤ 1e-10·max(L1,L2), so that equal-length paths found
// in different orders count alike (igraph's epsilon rule; exact rational Brandes agrees).
// Matches networkx, igraph and R sna on the reference set (see METRICS.md); self-loops ignored.

import type { Graph } from '../graph.js'
import { localityOrder, relabel, RELABEL_MIN_NODES, type Adjacency } from './locality.js'
import { brandesKernel } from './brandes.js'
import { BATCH_SOURCES, multiSourceKernel } from './msbfs.js'

/** Two path lengths closer than this (relative) are equal. */
export const PATH_LENGTH_TOLERANCE = 1e-10

export interface PathSweepOptions {
  /** Use tie weights as strengths (length 1/w). Default false. */
  weight?: boolean
  /** Accumulate betweenness (Brandes). Default true. */
  betweenness?: boolean
  /** Sources to sweep (default: every node). A sample gives partial sums (for estimates). */
  sources?: ArrayLike<number>
  /** Called now and then with the number of sources done and the total. */
  onProgress?: (done: number, total: number) => void
  /** Renumber nodes for memory locality first (default: when n ≥ 4096). Results are the same. */
  relabel?: boolean
}

export interface PathSweepResult {
  /** Raw betweenness (undirected: unordered pairs), or null when not asked for. */
  betweenness: Float64Array | null
  /** For each node u: Σ d(v,u) over v reaching u, and how many v reach u, and Σ 1/d(v,u). */
  inDistanceSum: Float64Array
  inReach: Float64Array
  inHarmonic: Float64Array
  /** For each node u: Σ d(u,v) over v reached from u, their number, and Σ 1/d(u,v). */
  outDistanceSum: Float64Array
  outReach: Float64Array
  outHarmonic: Float64Array
  /** Largest finite distance (0 when no pair is reachable). */
  diameter: number
  /** Number of reachable ordered pairs and the sum of their distances. */
  reachablePairs: number
  distanceSum: number
}

/**
 * Runs BFS (or Dijkstra when `weight` is set) from every source once and collects every
 * shortest-path measure. Scratch buffers are allocated once and reused for each source; no
 * object is allocated per tie. Sweeps of 2,048 sources or more are summed block by block
 * (see {@link planPathSweep}), exactly as `@cosafe/sna/node` sums them on worker threads, so
 * that one thread and many give identical numbers.
 *
 * @example
 * const r = pathSweep(g)
 * r.betweenness // Float64Array of raw betweenness per node
 */
export function pathSweep(g: Graph, opts: PathSweepOptions = {}): PathSweepResult {
  const plan = planPathSweep(g, opts)
  const sweeper = pathSweeper(plan)
  const blocks = plan.blockStarts.length - 1
  const onProgress = opts.onProgress
  const total = sweeper.sweep(0, undefined, onProgress)
  if (blocks > 1) {
    const part = sweeper.sweep(1, undefined, onProgress)
    addPathPartial(total, part)
    for (let b = 2; b < blocks; b++) addPathPartial(total, sweeper.sweep(b, part, onProgress))
  }
  const count = plan.blockStarts[blocks]!
  if (onProgress) onProgress(count, count)
  return finishPathSweep(plan, total, sweeper.out)
}

/**
 * Sweeps of at least this many sources are cut into SWEEP_BLOCKS blocks whose sums are added
 * in block order. The blocks depend on the number of sources only, never on the number of
 * threads: that is what makes a parallel sweep identical to a sequential one. Smaller sweeps
 * are one block, summed source by source.
 */
const BLOCK_MIN_SOURCES = 2048
const SWEEP_BLOCKS = 128

/** The arrays a sweep reads and their numbering. */
export interface PathSweepLayout {
  /** The graph itself, or a copy renumbered for memory locality. */
  adjacency: Adjacency
  /** New node k is old node `order[k]`; null when not renumbered. */
  order: Int32Array | null
}

/** A sweep cut into blocks of sources: what every thread of a (parallel) sweep needs. */
export interface PathSweepPlan extends PathSweepLayout {
  weight: boolean
  betweenness: boolean
  /** Sources in the adjacency's numbering; null for every node in order. */
  sources: Int32Array | null
  /** Block b sweeps the sources at positions `blockStarts[b] .. blockStarts[b + 1]`. */
  blockStarts: Int32Array
}

/** What one block of sources adds up per node (and over the whole graph). */
export interface PathSweepPartial {
  /** Σ of the sources' Brandes dependencies (undirected: not yet halved), or null. */
  betweenness: Float64Array | null
  /** Σ d(v,u), the number of v and Σ 1/d(v,u) over the block's sources v; null when distances are symmetric (unweighted undirected: copied from the out-sums at the end). */
  inDistanceSum: Float64Array | null
  inReach: Float64Array | null
  inHarmonic: Float64Array | null
  diameter: number
  reachablePairs: number
  distanceSum: number
}

/** The per-source results: each source writes its own entry, once. */
export type PathSweepOut = Pick<PathSweepResult, 'outDistanceSum' | 'outReach' | 'outHarmonic'>

/** One thread's sweep kernel: scratch buffers allocated once, then reused block after block. */
export interface PathSweeper {
  readonly out: PathSweepOut
  /** Sweeps block `block`; its sums go into `into` (cleared first) or into new arrays. */
  sweep(block: number, into?: PathSweepPartial, onProgress?: PathSweepOptions['onProgress']): PathSweepPartial
}

/** The graph as it is (`renumber` false) or renumbered in breadth-first order for locality. */
export function sweepLayout(g: Graph, renumber: boolean): PathSweepLayout {
  if (!renumber) return { adjacency: g, order: null }
  const order = localityOrder(g)
  return { adjacency: relabel(g, order), order }
}

/**
 * Plans a sweep: layout (renumbered when n ≥ 4096 unless `relabel` says otherwise), sources in
 * that numbering and blocks. `layout` lets a caller supply the arrays (shared memory, a cache).
 *
 * @example
 * const plan = planPathSweep(g)
 * const k = pathSweeper(plan)
 * const total = k.sweep(0)
 * for (let b = 1; b < plan.blockStarts.length - 1; b++) addPathPartial(total, k.sweep(b))
 * finishPathSweep(plan, total, k.out) // = pathSweep(g)
 */
export function planPathSweep(
  g: Graph,
  opts: PathSweepOptions = {},
  layout: (g: Graph, renumber: boolean) => PathSweepLayout = sweepLayout,
): PathSweepPlan {
  const { adjacency, order } = layout(g, opts.relabel ?? g.n >= RELABEL_MIN_NODES)
  let sources: Int32Array | null = null
  if (opts.sources) {
    if (order) {
      const rank = new Int32Array(g.n)
      for (let k = 0; k < g.n; k++) rank[order[k]!] = k
      sources = Int32Array.from(opts.sources, (v) => rank[v]!)
    } else sources = Int32Array.from(opts.sources)
  }
  const count = sources ? sources.length : g.n
  const blocks = count < BLOCK_MIN_SOURCES ? 1 : SWEEP_BLOCKS
  const blockStarts = new Int32Array(blocks + 1)
  // block boundaries on whole batches: the distance-only sweep runs BATCH_SOURCES at a time
  const B = BATCH_SOURCES
  for (let b = 0; b <= blocks; b++) blockStarts[b] = Math.min(count, B * Math.round((b * count) / (B * blocks)))
  blockStarts[blocks] = count
  return {
    adjacency,
    order,
    weight: opts.weight === true,
    betweenness: opts.betweenness !== false,
    sources,
    blockStarts,
  }
}

const NONE = new Float64Array(0)

/** A sweep kernel for a plan; `out` may live in shared memory (each source writes only its entry). */
export function pathSweeper(plan: PathSweepPlan, out?: PathSweepOut): PathSweeper {
  const g = plan.adjacency
  const n = g.n
  const o: PathSweepOut = out ?? {
    outDistanceSum: new Float64Array(n),
    outReach: new Float64Array(n),
    outHarmonic: new Float64Array(n),
  }
  // in-sums are needed separately only when distances are not symmetric
  const scatter = plan.weight || g.directed
  const count = plan.blockStarts[plan.blockStarts.length - 1]!
  const kernel = plan.weight ? weightedKernel(g, plan.betweenness) : unweightedKernel(g, plan.betweenness)
  return {
    out: o,
    sweep(block, into, onProgress) {
      const part: PathSweepPartial = into ?? {
        betweenness: plan.betweenness ? new Float64Array(n) : null,
        inDistanceSum: scatter ? new Float64Array(n) : null,
        inReach: scatter ? new Float64Array(n) : null,
        inHarmonic: scatter ? new Float64Array(n) : null,
        diameter: 0,
        reachablePairs: 0,
        distanceSum: 0,
      }
      if (into) {
        part.betweenness?.fill(0)
        part.inDistanceSum?.fill(0)
        part.inReach?.fill(0)
        part.inHarmonic?.fill(0)
      }
      const res: PathSweepResult = {
        betweenness: part.betweenness,
        inDistanceSum: part.inDistanceSum ?? NONE,
        inReach: part.inReach ?? NONE,
        inHarmonic: part.inHarmonic ?? NONE,
        outDistanceSum: o.outDistanceSum,
        outReach: o.outReach,
        outHarmonic: o.outHarmonic,
        diameter: 0,
        reachablePairs: 0,
        distanceSum: 0,
      }
      kernel(res, plan.sources, plan.blockStarts[block]!, plan.blockStarts[block + 1]!, count, onProgress)
      part.diameter = res.diameter
      part.reachablePairs = res.reachablePairs
      part.distanceSum = res.distanceSum
      return part
    },
  }
}

/** Adds a block's sums to the running total (blocks must be added in block order). */
export function addPathPartial(total: PathSweepPartial, part: PathSweepPartial): void {
  const add = (a: Float64Array | null, b: Float64Array | null): void => {
    if (a && b) for (let i = 0; i < a.length; i++) a[i]! += b[i]!
  }
  add(total.betweenness, part.betweenness)
  add(total.inDistanceSum, part.inDistanceSum)
  add(total.inReach, part.inReach)
  add(total.inHarmonic, part.inHarmonic)
  if (part.diameter > total.diameter) total.diameter = part.diameter
  total.reachablePairs += part.reachablePairs
  total.distanceSum += part.distanceSum
}

/** The sweep's result from the sum of all blocks (its betweenness is halved in place for undirected graphs). */
export function finishPathSweep(plan: PathSweepPlan, total: PathSweepPartial, out: PathSweepOut): PathSweepResult {
  const bc = total.betweenness
  if (bc && !plan.adjacency.directed) for (let i = 0; i < bc.length; i++) bc[i]! /= 2
  const res: PathSweepResult = {
    betweenness: bc,
    inDistanceSum: total.inDistanceSum ?? out.outDistanceSum.slice(),
    inReach: total.inReach ?? out.outReach.slice(),
    inHarmonic: total.inHarmonic ?? out.outHarmonic.slice(),
    outDistanceSum: out.outDistanceSum,
    outReach: out.outReach,
    outHarmonic: out.outHarmonic,
    diameter: total.diameter,
    reachablePairs: total.reachablePairs,
    distanceSum: total.distanceSum,
  }
  return plan.order ? unpermute(res, plan.order) : res
}

/** Maps per-node results of a renumbered sweep back: new node k is old node order[k]. */
function unpermute(r: PathSweepResult, order: Int32Array): PathSweepResult {
  const back = (a: Float64Array): Float64Array => {
    const out = new Float64Array(a.length)
    for (let k = 0; k < a.length; k++) out[order[k]!] = a[k]!
    return out
  }
  return {
    betweenness: r.betweenness ? back(r.betweenness) : null,
    inDistanceSum: back(r.inDistanceSum),
    inReach: back(r.inReach),
    inHarmonic: back(r.inHarmonic),
    outDistanceSum: back(r.outDistanceSum),
    outReach: back(r.outReach),
    outHarmonic: back(r.outHarmonic),
    diameter: r.diameter,
    reachablePairs: r.reachablePairs,
    distanceSum: r.distanceSum,
  }
}

function progressStep(total: number): number {
  return Math.max(1, Math.floor(total / 100))
}

/** Sweeps the sources at positions from .. to into `res` (in-sums added, out-sums written, totals set). */
export type SweepKernel = (
  res: PathSweepResult,
  sources: Int32Array | null,
  from: number,
  to: number,
  count: number,
  onProgress: PathSweepOptions['onProgress'],
) => void

/** Unweighted sweeps: Brandes one source at a time (brandes.ts), or a batch of sources at a time (msbfs.ts) for distances only. */
function unweightedKernel(g: Adjacency, withBetweenness: boolean): SweepKernel {
  return withBetweenness ? brandesKernel(g) : multiSourceKernel(g)
}

function weightedKernel(g: Adjacency, withBetweenness: boolean): SweepKernel {
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const wts = g.outWeights
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const inW = g.inWeights
  const dist = new Float64Array(n).fill(Infinity)
  const sigma = new Float64Array(n)
  const delta = new Float64Array(n)
  const order = new Int32Array(n) // settled nodes in order
  const settled = new Uint8Array(n)
  const heap = new Int32Array(n)
  const pos = new Int32Array(n).fill(-1)
  const tol = PATH_LENGTH_TOLERANCE
  let size = 0

  const siftUp = (i: number): void => {
    const x = heap[i]!
    const dx = dist[x]!
    while (i > 0) {
      const p = (i - 1) >> 1
      const y = heap[p]!
      if (dist[y]! <= dx) break
      heap[i] = y
      pos[y] = i
      i = p
    }
    heap[i] = x
    pos[x] = i
  }
  const siftDown = (i: number): void => {
    const x = heap[i]!
    const dx = dist[x]!
    for (;;) {
      let c = 2 * i + 1
      if (c >= size) break
      if (c + 1 < size && dist[heap[c + 1]!]! < dist[heap[c]!]!) c++
      const y = heap[c]!
      if (dist[y]! >= dx) break
      heap[i] = y
      pos[y] = i
      i = c
    }
    heap[i] = x
    pos[x] = i
  }

  return (res, sources, from, to, total, onProgress) => {
    const bc = withBetweenness ? res.betweenness! : null
    const { inDistanceSum, inReach, inHarmonic, outDistanceSum, outReach, outHarmonic } = res
    const step = progressStep(total)
    let diameter = 0
    let pairs = 0
    let distSum = 0
    for (let k = from; k < to; k++) {
      const s = sources ? sources[k]! : k
      if (onProgress && k % step === 0) onProgress(k, total)
      dist[s] = 0
      size = 1
      heap[0] = s
      pos[s] = 0
      let count = 0
      while (size > 0) {
        const v: number = heap[0]!
        pos[v] = -1
        size--
        if (size > 0) {
          heap[0] = heap[size]!
          pos[heap[0]!] = 0
          siftDown(0)
        }
        settled[v] = 1
        order[count++] = v
        const dv = dist[v]!
        // σ(v): sum over settled predecessors whose path through them has the same length
        if (v === s) sigma[v] = 1
        else {
          let sv = 0
          for (let e: number = inOff[v]!, end: number = inOff[v + 1]!; e < end; e++) {
            const u = inSrc[e]!
            if (!settled[u] || u === v) continue
            const alt = dist[u]! + 1 / inW[e]!
            if (Math.abs(alt - dv) <= tol * Math.max(alt, dv)) sv += sigma[u]!
          }
          sigma[v] = sv
        }
        for (let e: number = off[v]!, end: number = off[v + 1]!; e < end; e++) {
          const w = tgt[e]!
          if (settled[w]) continue
          const alt = dv + 1 / wts[e]!
          if (alt < dist[w]!) {
            dist[w] = alt
            if (pos[w]! < 0) {
              heap[size] = w
              pos[w] = size
              size++
            }
            siftUp(pos[w]!)
          }
        }
      }
      let sSum = 0
      let sHarm = 0
      for (let i = 1; i < count; i++) {
        const w = order[i]!
        const d = dist[w]!
        sSum += d
        sHarm += 1 / d
        inDistanceSum[w]! += d
        inReach[w]!++
        inHarmonic[w]! += 1 / d
        if (d > diameter) diameter = d
      }
      outDistanceSum[s] = sSum
      outReach[s] = count - 1
      outHarmonic[s] = sHarm
      pairs += count - 1
      distSum += sSum
      if (bc) {
        for (let i = 0; i < count; i++) delta[order[i]!] = 0
        for (let i = count - 1; i > 0; i--) {
          const w = order[i]!
          const dw = dist[w]!
          const coeff = (1 + delta[w]!) / sigma[w]!
          for (let e = inOff[w]!, end = inOff[w + 1]!; e < end; e++) {
            const v = inSrc[e]!
            if (!settled[v] || v === w) continue
            const alt = dist[v]! + 1 / inW[e]!
            if (Math.abs(alt - dw) <= tol * Math.max(alt, dw)) delta[v]! += sigma[v]! * coeff
          }
          bc[w]! += delta[w]!
        }
      }
      for (let i = 0; i < count; i++) {
        const w = order[i]!
        dist[w] = Infinity
        settled[w] = 0
      }
    }
    res.diameter = diameter
    res.reachablePairs = pairs
    res.distanceSum = distSum
  }
}

export interface BetweennessOptions {
  weight?: boolean
  /** Divide by the number of pairs: (n−1)(n−2)/2 undirected, (n−1)(n−2) directed. */
  normalized?: boolean
  onProgress?: PathSweepOptions['onProgress']
}

/**
 * Betweenness centrality (Brandes). Raw by default (undirected: unordered pairs).
 *
 * @example
 * betweenness(edges('a-b b-c')) // Float64Array [0, 1, 0]
 */
export function betweenness(g: Graph, opts: BetweennessOptions = {}): Float64Array {
  const bc = pathSweep(g, { weight: opts.weight, betweenness: true, onProgress: opts.onProgress }).betweenness!
  if (opts.normalized) normalizeBetweenness(g, bc)
  return bc
}

/** Scales raw betweenness in place by the number of pairs not involving the node. */
export function normalizeBetweenness(g: Graph, bc: Float64Array): Float64Array {
  const s = betweennessScale(g)
  for (let i = 0; i < bc.length; i++) bc[i] = s > 0 ? bc[i]! / s : 0
  return bc
}

/** (n−1)(n−2)/2 for undirected graphs, (n−1)(n−2) for directed ones. */
export function betweennessScale(g: Graph): number {
  const p = (g.n - 1) * (g.n - 2)
  return g.directed ? p : p / 2
}

export interface ClosenessOptions {
  /** 'in' (default): distances from others to the node; 'out': from the node to others. */
  mode?: 'in' | 'out'
  weight?: boolean
  onProgress?: PathSweepOptions['onProgress']
}

/** Wasserman–Faust closeness from distance sums and reach counts. */
export function wfCloseness(n: number, distanceSum: Float64Array, reach: Float64Array): Float64Array {
  const out = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    const r = reach[u]!
    out[u] = r === 0 || n < 2 ? 0 : (r / (n - 1)) * (r / distanceSum[u]!)
  }
  return out
}

/**
 * Closeness centrality, Wasserman–Faust variant (defined on disconnected graphs).
 *
 * @example
 * closeness(edges('a-b b-c')) // [0.666…, 1, 0.666…]
 */
export function closeness(g: Graph, opts: ClosenessOptions = {}): Float64Array {
  const r = pathSweep(g, { weight: opts.weight, betweenness: false, onProgress: opts.onProgress })
  return opts.mode === 'out' || !g.directed
    ? wfCloseness(g.n, r.outDistanceSum, r.outReach)
    : wfCloseness(g.n, r.inDistanceSum, r.inReach)
}

/** Harmonic closeness: (1/(n−1)) Σ 1/d over nodes at finite distance. */
export function harmonicCloseness(g: Graph, opts: ClosenessOptions = {}): Float64Array {
  const r = pathSweep(g, { weight: opts.weight, betweenness: false, onProgress: opts.onProgress })
  const h = opts.mode === 'out' || !g.directed ? r.outHarmonic : r.inHarmonic
  return scaleHarmonic(g.n, h)
}

export function scaleHarmonic(n: number, sums: Float64Array): Float64Array {
  const out = new Float64Array(n)
  if (n > 1) for (let u = 0; u < n; u++) out[u] = sums[u]! / (n - 1)
  return out
}
