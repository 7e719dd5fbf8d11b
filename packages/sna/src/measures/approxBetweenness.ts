// Approximate betweenness by sampling shortest paths, with a stated error bound (Riondato & Kornaropoulos 2016).
//
// 近似中介中心性 / approximate betweenness centrality
// Draw r ordered pairs (s, t), s ≠ t, uniformly; for each, draw one shortest s→t path uniformly
// among the σ_st shortest paths; every node inside the path (not s or t) gains 1/r. That share
// estimates b(v) = (1/(n(n−1))) Σ_{s≠t} σ_st(v)/σ_st, betweenness over ordered pairs. With
//   r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5,
// where VD bounds the number of nodes on any shortest path (the vertex diameter), every
// estimate is within ε of b(v) at once with probability at least 1 − δ (Riondato &
// Kornaropoulos, "Fast approximation of betweenness centrality through sampling", Data Mining
// and Knowledge Discovery 30(2), 2016, Theorem 2 with the VC-dimension bound of Lemma 2).
// The values are returned on betweenness()'s raw scale: ordered pairs for directed graphs,
// unordered pairs (half) for undirected ones, so |value − betweenness(g)[v]| ≤ ε·P, P the
// number of pairs (n(n−1), or n(n−1)/2 undirected), and betweennessNormalized is within
// ε·n/(n−2). Same conventions as pathSweep: tie length 1, or 1/weight with `weight`, equal
// lengths within 1e-10 relative; self-loops ignored. Unweighted pairs are joined by a balanced
// bidirectional BFS (Borassi & Natale's KADABRA, 2016, uses the same search), weighted ones by
// Dijkstra stopped at t.
//
// The vertex-diameter bound VD is sound for every graph: a shortest path crosses each strongly
// connected component C at most once, and inside C it is a shortest path of C, so it has at
// most min(|C|, ecc_in(r) + ecc_out(r) + 1) nodes for any r in C (hops; weighted: length over
// the shortest tie length); VD is the largest sum of these over a chain of components of the
// condensation. Undirected graphs: 2·ecc(r) + 1 per component, R–K's own bound.

import type { Graph } from '../graph.js'
import { withDefaults } from '../options.js'
import { mulberry32 } from '../random.js'
import { strongComponents } from './components.js'
import { PATH_LENGTH_TOLERANCE } from './paths.js'

export const APPROX_BETWEENNESS_DEFAULTS = { delta: 0.1, seed: 1, weight: false } as const

/** The constant c of the sample size (Löffler & Phillips 2009, as R–K use it). */
const C = 0.5

export interface ApproxBetweennessOptions {
  /** Largest error allowed on the ordered-pair scale b(v) = betweenness / pairs; in (0, 1). */
  epsilon: number
  /** Probability that some node's error exceeds epsilon; in (0, 1). Default 0.1. */
  delta?: number
  /** Seed of the sampling (same seed, same values). Default 1. */
  seed?: number
  /** Use tie weights as strengths (length 1/w). Default false. */
  weight?: boolean
  /** A known upper bound on the number of nodes on any shortest path (skips computing one). */
  vertexDiameter?: number
  onProgress?: (done: number, total: number) => void
}

export interface ApproxBetweenness {
  /** Estimated raw betweenness (the scale of betweenness()). */
  values: Float64Array
  epsilon: number
  delta: number
  seed: number
  /** Shortest paths sampled. */
  samples: number
  /** The bound VD on the number of nodes of a shortest path that set the sample size. */
  vertexDiameterBound: number
  /** ε on the raw scale: with probability 1 − δ every |values[v] − betweenness[v]| ≤ errorBound. */
  errorBound: number
}

/** Sample size of Riondato–Kornaropoulos for a vertex-diameter bound: 0 when no path has an inside node. */
export function approxBetweennessSamples(epsilon: number, delta: number, vertexDiameter: number): number {
  if (vertexDiameter < 3) return 0
  return Math.ceil((C / (epsilon * epsilon)) * (Math.floor(Math.log2(vertexDiameter - 2)) + 1 + Math.log(1 / delta)))
}

/**
 * Approximate betweenness with a guarantee: with probability at least 1 − δ, every node's
 * value is within `errorBound` (= ε × the number of pairs) of betweenness(g). Deterministic
 * for a seed.
 *
 * @example
 * const a = approximateBetweenness(g, { epsilon: 0.01, seed: 7 })
 * a.values // Float64Array, raw scale; a.samples, a.vertexDiameterBound, a.errorBound
 */
export function approximateBetweenness(g: Graph, opts: ApproxBetweennessOptions): ApproxBetweenness {
  const o = withDefaults(APPROX_BETWEENNESS_DEFAULTS, opts)
  if (!(o.epsilon > 0 && o.epsilon < 1)) throw new RangeError(`epsilon must be in (0, 1), got ${o.epsilon}`)
  if (!(o.delta > 0 && o.delta < 1)) throw new RangeError(`delta must be in (0, 1), got ${o.delta}`)
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`)
  if (o.vertexDiameter !== undefined && !(o.vertexDiameter >= 0))
    throw new RangeError(`vertexDiameter must be a number >= 0, got ${o.vertexDiameter}`)
  const n = g.n
  const pairs = g.directed ? n * (n - 1) : (n * (n - 1)) / 2
  const vd = o.vertexDiameter ?? vertexDiameterBound(g, o.weight)
  const samples = n < 3 ? 0 : approxBetweennessSamples(o.epsilon, o.delta, vd)
  const counts = new Float64Array(n)
  if (samples > 0) {
    const sampler = o.weight ? weightedSampler(g) : unweightedSampler(g)
    const next = mulberry32(o.seed)
    const step = Math.max(1, Math.floor(samples / 100))
    for (let i = 0; i < samples; i++) {
      if (o.onProgress && i % step === 0) o.onProgress(i, samples)
      const s = Math.floor(next() * n)
      let t = Math.floor(next() * (n - 1))
      if (t >= s) t++
      sampler(s, t, next, counts)
    }
    if (o.onProgress) o.onProgress(samples, samples)
  }
  // counts[v]/samples estimates b(v); the raw scale multiplies by the number of pairs
  const values = new Float64Array(n)
  if (samples > 0) for (let v = 0; v < n; v++) values[v] = (counts[v]! / samples) * pairs
  return {
    values,
    epsilon: o.epsilon,
    delta: o.delta,
    seed: o.seed,
    samples,
    vertexDiameterBound: vd,
    errorBound: o.epsilon * pairs,
  }
}

/** Adds 1 to the inside nodes of one uniformly drawn shortest s→t path (nothing when t is unreachable). */
type Sampler = (s: number, t: number, next: () => number, counts: Float64Array) => void

/**
 * Balanced bidirectional BFS: the side whose frontier has fewer ties expands one whole level.
 * The first level expansion that reaches a node seen by the other side fixes d(s,t) = ds + dt,
 * and the nodes met on it are exactly the nodes at distance ds from s on shortest paths, so
 * σ_st = Σ σ_s(w)·σ_t(w) over them. One is drawn in proportion, then each half is walked back.
 */
function unweightedSampler(g: Graph): Sampler {
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const distS = new Int32Array(n).fill(-1)
  const distT = new Int32Array(n).fill(-1)
  const sigS = new Float64Array(n)
  const sigT = new Float64Array(n)
  const qS = new Int32Array(n)
  const qT = new Int32Array(n)
  const met = new Int32Array(n)
  return (s, t, next, counts) => {
    distS[s] = 0
    sigS[s] = 1
    qS[0] = s
    distT[t] = 0
    sigT[t] = 1
    qT[0] = t
    let headS = 0
    let tailS = 1
    let headT = 0
    let tailT = 1
    let workS = off[s + 1]! - off[s]!
    let workT = inOff[t + 1]! - inOff[t]!
    let nMet = 0
    while (nMet === 0 && headS < tailS && headT < tailT) {
      if (workS <= workT) {
        const end = tailS
        const level = distS[qS[headS]!]! + 1
        workS = 0
        for (let i = headS; i < end; i++) {
          const u = qS[i]!
          const su = sigS[u]!
          for (let e = off[u]!, stop = off[u + 1]!; e < stop; e++) {
            const w = tgt[e]!
            const d = distS[w]!
            if (d < 0) {
              distS[w] = level
              sigS[w] = su
              qS[tailS++] = w
              workS += off[w + 1]! - off[w]!
            } else if (d === level) sigS[w]! += su
          }
        }
        headS = end
        for (let i = end; i < tailS; i++) if (distT[qS[i]!]! >= 0) met[nMet++] = qS[i]!
      } else {
        const end = tailT
        const level = distT[qT[headT]!]! + 1
        workT = 0
        for (let i = headT; i < end; i++) {
          const u = qT[i]!
          const su = sigT[u]!
          for (let e = inOff[u]!, stop = inOff[u + 1]!; e < stop; e++) {
            const w = inSrc[e]!
            const d = distT[w]!
            if (d < 0) {
              distT[w] = level
              sigT[w] = su
              qT[tailT++] = w
              workT += inOff[w + 1]! - inOff[w]!
            } else if (d === level) sigT[w]! += su
          }
        }
        headT = end
        for (let i = end; i < tailT; i++) if (distS[qT[i]!]! >= 0) met[nMet++] = qT[i]!
      }
    }
    if (nMet > 0) {
      let total = 0
      for (let i = 0; i < nMet; i++) total += sigS[met[i]!]! * sigT[met[i]!]!
      let x = next() * total
      let w = met[nMet - 1]!
      for (let i = 0; i < nMet; i++) {
        const c = sigS[met[i]!]! * sigT[met[i]!]!
        if (x < c) {
          w = met[i]!
          break
        }
        x -= c
      }
      if (w !== s && w !== t) counts[w]!++
      // towards s: predecessors u (u→v) one level closer, drawn by σ_s(u)/σ_s(v)
      for (let v = w; distS[v]! > 1;) {
        let y = next() * sigS[v]!
        let chosen = -1
        for (let e = inOff[v]!, stop = inOff[v + 1]!; e < stop; e++) {
          const u = inSrc[e]!
          if (distS[u] !== distS[v]! - 1) continue
          chosen = u
          if (y < sigS[u]!) break
          y -= sigS[u]!
        }
        if (chosen < 0) break // cannot happen: σ_s(v) > 0 has a predecessor
        counts[chosen]!++
        v = chosen
      }
      // towards t: successors x (v→x) one level closer to t, drawn by σ_t(x)/σ_t(v)
      for (let v = w; distT[v]! > 1;) {
        let y = next() * sigT[v]!
        let chosen = -1
        for (let e = off[v]!, stop = off[v + 1]!; e < stop; e++) {
          const x = tgt[e]!
          if (distT[x] !== distT[v]! - 1) continue
          chosen = x
          if (y < sigT[x]!) break
          y -= sigT[x]!
        }
        if (chosen < 0) break // cannot happen: σ_t(v) > 0 has a successor
        counts[chosen]!++
        v = chosen
      }
    }
    for (let i = 0; i < tailS; i++) distS[qS[i]!] = -1
    for (let i = 0; i < tailT; i++) distT[qT[i]!] = -1
  }
}

/** Dijkstra from s until t is settled (path counts by pathSweep's equal-length rule), then a walk back from t. */
function weightedSampler(g: Graph): Sampler {
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const wts = g.outWeights
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const inW = g.inWeights
  const tol = PATH_LENGTH_TOLERANCE
  const dist = new Float64Array(n).fill(Infinity)
  const sigma = new Float64Array(n)
  const settled = new Uint8Array(n)
  const touched = new Int32Array(n)
  const heap = new MinHeap(n, dist)
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= tol * Math.max(a, b)
  return (s, t, next, counts) => {
    let nTouched = 0
    dist[s] = 0
    touched[nTouched++] = s
    heap.push(s)
    while (heap.size > 0) {
      const v = heap.pop()
      settled[v] = 1
      const dv = dist[v]!
      if (v === s) sigma[v] = 1
      else {
        let sv = 0
        for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) {
          const u = inSrc[e]!
          if (settled[u] && u !== v && same(dist[u]! + 1 / inW[e]!, dv)) sv += sigma[u]!
        }
        sigma[v] = sv
      }
      if (v === t) break
      for (let e = off[v]!, end = off[v + 1]!; e < end; e++) {
        const w = tgt[e]!
        if (settled[w]) continue
        const alt = dv + 1 / wts[e]!
        if (alt < dist[w]!) {
          if (dist[w] === Infinity) touched[nTouched++] = w
          dist[w] = alt
          heap.update(w)
        }
      }
    }
    if (settled[t]) {
      for (let v = t; ;) {
        let y = next() * sigma[v]!
        let chosen = -1
        for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) {
          const u = inSrc[e]!
          if (!settled[u] || u === v || !same(dist[u]! + 1 / inW[e]!, dist[v]!)) continue
          chosen = u
          if (y < sigma[u]!) break
          y -= sigma[u]!
        }
        if (chosen === s || chosen < 0) break
        counts[chosen]!++
        v = chosen
      }
    }
    heap.clear()
    for (let i = 0; i < nTouched; i++) {
      const v = touched[i]!
      dist[v] = Infinity
      settled[v] = 0
    }
  }
}

/** A binary min-heap of node indices keyed by `key[node]`, with decrease-key. */
class MinHeap {
  size = 0
  readonly #heap: Int32Array
  readonly #pos: Int32Array
  readonly #key: Float64Array
  constructor(n: number, key: Float64Array) {
    this.#heap = new Int32Array(n)
    this.#pos = new Int32Array(n).fill(-1)
    this.#key = key
  }
  push(v: number): void {
    this.#heap[this.size] = v
    this.#pos[v] = this.size
    this.#up(this.size++)
  }
  /** Inserts v or moves it up after its key decreased. */
  update(v: number): void {
    if (this.#pos[v]! < 0) this.push(v)
    else this.#up(this.#pos[v]!)
  }
  pop(): number {
    const h = this.#heap
    const top = h[0]!
    this.#pos[top] = -1
    if (--this.size > 0) {
      h[0] = h[this.size]!
      this.#pos[h[0]!] = 0
      this.#down(0)
    }
    return top
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.#pos[this.#heap[i]!] = -1
    this.size = 0
  }
  #up(i: number): void {
    const h = this.#heap
    const x = h[i]!
    const kx = this.#key[x]!
    while (i > 0) {
      const p = (i - 1) >> 1
      const y = h[p]!
      if (this.#key[y]! <= kx) break
      h[i] = y
      this.#pos[y] = i
      i = p
    }
    h[i] = x
    this.#pos[x] = i
  }
  #down(i: number): void {
    const h = this.#heap
    const x = h[i]!
    const kx = this.#key[x]!
    for (;;) {
      let c = 2 * i + 1
      if (c >= this.size) break
      if (c + 1 < this.size && this.#key[h[c + 1]!]! < this.#key[h[c]!]!) c++
      const y = h[c]!
      if (this.#key[y]! >= kx) break
      h[i] = y
      this.#pos[y] = i
      i = c
    }
    h[i] = x
    this.#pos[x] = i
  }
}

/**
 * An upper bound on the number of nodes of any shortest path (see the file's opening): per
 * strongly connected component C, min(|C|, hops(ecc_in(r) + ecc_out(r)) + 1) from its
 * best-connected node r, summed along the longest chain of the condensation.
 *
 * @example
 * vertexDiameterBound(edges('a-b b-c c-d')) // 4: 2·ecc(b) + 1 = 5, capped by the 4 nodes
 */
export function vertexDiameterBound(g: Graph, weight = false): number {
  const n = g.n
  if (n === 0) return 0
  const { membership, count } = strongComponents(g)
  const size = new Int32Array(count)
  const root = new Int32Array(count).fill(-1)
  const degree = (v: number): number => g.outOffsets[v + 1]! - g.outOffsets[v]! + g.inOffsets[v + 1]! - g.inOffsets[v]!
  for (let v = 0; v < n; v++) {
    const c = membership[v]!
    size[c]!++
    if (root[c]! < 0 || degree(v) > degree(root[c]!)) root[c] = v
  }
  // the shortest tie length bounds hops from a weighted length
  let maxWeight = 0
  if (weight) for (const w of g.outWeights) if (w > maxWeight && Number.isFinite(w)) maxWeight = w
  const ecc = new Eccentricity(g, membership, weight)
  const nodes = new Float64Array(count)
  for (let c = 0; c < count; c++) {
    if (size[c]! === 1) {
      nodes[c] = 1
      continue
    }
    const r = root[c]!
    const span = ecc.from(r, true) + ecc.from(r, false)
    const hops = weight ? Math.floor(span * maxWeight * (1 + 1e-9)) : span
    nodes[c] = Math.min(size[c]!, hops + 1)
  }
  if (!g.directed) return nodes.reduce((a, b) => Math.max(a, b), 0)
  // longest chain of the condensation (Kahn's order), weighted by each component's bound
  const indeg = new Int32Array(count)
  for (let u = 0; u < n; u++)
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) {
      const cv = membership[g.outTargets[e]!]!
      if (cv !== membership[u]) indeg[cv]!++
    }
  const members = groupBy(membership, count)
  const best = new Float64Array(count)
  const queue = new Int32Array(count)
  let tail = 0
  for (let c = 0; c < count; c++) {
    best[c] = nodes[c]!
    if (indeg[c] === 0) queue[tail++] = c
  }
  let out = 0
  for (let head = 0; head < tail; head++) {
    const c = queue[head]!
    if (best[c]! > out) out = best[c]!
    for (let i = members.start[c]!; i < members.start[c + 1]!; i++) {
      const u = members.items[i]!
      for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) {
        const cv = membership[g.outTargets[e]!]!
        if (cv === c) continue
        if (best[c]! + nodes[cv]! > best[cv]!) best[cv] = best[c]! + nodes[cv]!
        if (--indeg[cv]! === 0) queue[tail++] = cv
      }
    }
  }
  return Math.min(out, n)
}

function groupBy(membership: Int32Array, count: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1)
  for (const c of membership) start[c + 1]!++
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!
  const fill = start.slice(0, count)
  const items = new Int32Array(membership.length)
  for (let v = 0; v < membership.length; v++) items[fill[membership[v]!]!++] = v
  return { start, items }
}

/** Eccentricity of a node within its own strong component, following ties out or in (BFS or Dijkstra). */
class Eccentricity {
  readonly #g: Graph
  readonly #membership: Int32Array
  readonly #weight: boolean
  readonly #dist: Float64Array
  readonly #queue: Int32Array
  readonly #heap: MinHeap
  readonly #settled: Uint8Array
  constructor(g: Graph, membership: Int32Array, weight: boolean) {
    this.#g = g
    this.#membership = membership
    this.#weight = weight
    this.#dist = new Float64Array(g.n).fill(Infinity)
    this.#queue = new Int32Array(g.n)
    this.#heap = new MinHeap(g.n, this.#dist)
    this.#settled = new Uint8Array(g.n)
  }
  from(r: number, out: boolean): number {
    const g = this.#g
    const off = out ? g.outOffsets : g.inOffsets
    const nbr = out ? g.outTargets : g.inSources
    const wts = out ? g.outWeights : g.inWeights
    const comp = this.#membership[r]!
    const dist = this.#dist
    const q = this.#queue
    let tail = 0
    let far = 0
    dist[r] = 0
    q[tail++] = r
    if (!this.#weight) {
      for (let head = 0; head < tail; head++) {
        const v = q[head]!
        far = dist[v]!
        for (let e = off[v]!; e < off[v + 1]!; e++) {
          const w = nbr[e]!
          if (dist[w] === Infinity && this.#membership[w] === comp) {
            dist[w] = far + 1
            q[tail++] = w
          }
        }
      }
    } else {
      const heap = this.#heap
      heap.push(r)
      while (heap.size > 0) {
        const v = heap.pop()
        this.#settled[v] = 1
        far = dist[v]!
        for (let e = off[v]!; e < off[v + 1]!; e++) {
          const w = nbr[e]!
          if (this.#settled[w] || this.#membership[w] !== comp) continue
          const alt = far + 1 / wts[e]!
          if (alt < dist[w]!) {
            if (dist[w] === Infinity) q[tail++] = w
            dist[w] = alt
            heap.update(w)
          }
        }
      }
    }
    for (let i = 0; i < tail; i++) {
      dist[q[i]!] = Infinity
      this.#settled[q[i]!] = 0
    }
    return far
  }
}
