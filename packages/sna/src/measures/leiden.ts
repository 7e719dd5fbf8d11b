// Community detection by the Leiden method: 社区发现（Leiden 算法）.
//
// Traag, Waltman & van Eck (2019), "From Louvain to Leiden: guaranteeing well-connected
// communities", Scientific Reports 9: 5233. One iteration repeats, level by level:
//   1. fast local moving: nodes wait in a queue (seeded random order); a node moves to the
//      neighbouring or empty community with the largest quality gain, and its neighbours outside
//      that community are queued again;
//   2. refinement: inside each community, every node starts alone; in a random order, a node that
//      is still alone and well connected to its community joins a well-connected sub-community
//      of it, chosen at random with probability ∝ exp(ΔH / θ) among the moves with ΔH ≥ 0;
//   3. aggregation: one node per refined sub-community, while the communities of step 1 give the
//      starting partition of the aggregate network;
// until every community is a single aggregate node. Iterations start from the previous partition
// and continue until one changes nothing (or `maxIterations`). Refined sub-communities are
// connected by construction, so the communities are too; as a safety net each community is also
// split into its connected parts at the end of an iteration (this never lowers the quality).
//
// Quality, with node weights n_i and a resolution γ' (igraph's formulation):
//   H = Σ_ij (A_ij − γ' n_i n_j) δ(c_i, c_j)
// - 'modularity' (default): n_i = k_i and γ' = γ / 2m, i.e. Newman modularity with resolution γ
//   (Reichardt & Bornholdt 2006), Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j);
// - 'cpm': the Constant Potts Model (Traag, Van Dooren & Nesterov 2011), n_i = 1 and γ' = γ, so
//   γ is a density threshold: inside a community the tie density exceeds γ, between two less.
// θ (`randomness`, default 0.01) applies to ΔH in tie-weight units, as igraph's `beta`.
//
// Conventions as Louvain (louvain.ts): undirected; a directed graph is read as undirected with
// w_uv + w_vu (as igraph's cluster_leiden requires); binary unless `weight`; self-loops ignored;
// isolates stay alone. Seeded (mulberry32), so a seed gives the same partition every time.
// The method of igraph's `cluster_leiden` (objective 'modularity' or 'CPM', beta = θ), with two
// differences: igraph runs 2 iterations by default, and when a refinement merges nothing it
// aggregates the communities themselves, where we aggregate their connected parts. Partitions
// differ from igraph's and leidenalg's with the random stream.

import type { Graph } from '../graph.js'
import { louvainModularity, type Communities } from './louvain.js'
import { withDefaults } from '../options.js'

export interface LeidenOptions {
  /** Quality function: 'modularity' (default) or 'cpm' (Constant Potts Model). */
  quality?: 'modularity' | 'cpm'
  /** γ: above 1 favours more, smaller communities; below 1 fewer, larger ones (CPM: a density). Default 1. */
  resolution?: number
  /** θ: randomness of the refinement merges, > 0; towards 0 the merges become greedy. Default 0.01. */
  randomness?: number
  /** Seed of the random node orders and refinement choices (default 1). */
  seed?: number
  /** Use tie weights (default false: every tie counts 1). */
  weight?: boolean
  /**
   * Iterations of the whole algorithm; default Infinity: until an iteration changes nothing.
   * Later iterations add little on large graphs; 2 is igraph's default and much faster.
   */
  maxIterations?: number
  /** A move must raise the quality by more than this (tie-weight units). */
  tolerance?: number
}

export const LEIDEN_DEFAULTS = {
  quality: 'modularity',
  resolution: 1,
  randomness: 0.01,
  seed: 1,
  weight: false,
  maxIterations: Infinity,
  tolerance: 1e-12,
} as const

export interface LeidenResult extends Communities {
  /**
   * The quality optimised: modularity with the resolution used, or for 'cpm'
   * Σ_{i ≠ j} (A_ij − γ) δ(c_i, c_j) = Σ_c [2 w_c − γ n_c (n_c − 1)] (w_c internal tie weight, n_c
   * size), the value leidenalg's CPMVertexPartition reports.
   * `modularity` is always Newman modularity, with the resolution used for 'modularity' and 1 for 'cpm'.
   */
  quality: number
  /** Iterations run (the last one changed nothing unless `maxIterations` stopped the run). */
  iterations: number
  /** Aggregation levels run, summed over the iterations. */
  levels: number
}

/**
 * An undirected weighted network of one level: symmetric CSR (parallel entries allowed, no
 * self-loops: a node's internal weight never changes a move) and node weights n_i.
 */
interface Level {
  n: number
  off: Int32Array
  nbr: Int32Array
  w: Float64Array
  nodeWeight: Float64Array
}

function baseLevel(g: Graph, weight: boolean, cpm: boolean): Level {
  const n = g.n
  // both directions of every tie; directed arcs u→v and v→u add up
  const off = new Int32Array(n + 1)
  for (let e = 0; e < g.m; e++) {
    off[g.tieSource[e]! + 1]!++
    off[g.tieTarget[e]! + 1]!++
  }
  for (let u = 0; u < n; u++) off[u + 1]! += off[u]!
  const pos = off.slice(0, n)
  const nbr = new Int32Array(2 * g.m)
  const w = new Float64Array(2 * g.m)
  const nodeWeight = new Float64Array(n)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    const x = weight ? g.tieWeight[e]! : 1
    nbr[pos[s]!] = t
    w[pos[s]!++] = x
    nbr[pos[t]!] = s
    w[pos[t]!++] = x
    if (!cpm) {
      nodeWeight[s]! += x
      nodeWeight[t]! += x
    }
  }
  if (cpm) nodeWeight.fill(1)
  return { n, off, nbr, w, nodeWeight }
}

/** mulberry32: a small seeded generator (the same as Louvain's). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled(n: number, rnd: () => number): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const x = order[i]!
    order[i] = order[j]!
    order[j] = x
  }
  return order
}

/** Renumbers a partition 0.. by first node in index order; returns the number of communities. */
function compact(comm: Int32Array, scratch: Int32Array): number {
  const n = comm.length
  scratch.fill(-1, 0, n)
  let count = 0
  for (let i = 0; i < n; i++) {
    const c = comm[i]!
    if (scratch[c] === -1) scratch[c] = count++
    comm[i] = scratch[c]!
  }
  return count
}

/** Scratch buffers of one level, allocated once per level and shared by its phases. */
interface Scratch {
  linkW: Float64Array // weight from the current node to each community
  seen: Uint8Array
  touched: Int32Array
  ids: Int32Array
}

function scratchFor(n: number): Scratch {
  return { linkW: new Float64Array(n), seen: new Uint8Array(n), touched: new Int32Array(n), ids: new Int32Array(n) }
}

/**
 * Phase 1, fast local moving, in place on `comm` (community ids < L.n). Only nodes whose
 * neighbourhood changed are visited again. Returns whether any node moved.
 */
function fastMoves(L: Level, comm: Int32Array, gamma: number, rnd: () => number, tol: number, s: Scratch): boolean {
  const { n, off, nbr, w, nodeWeight } = L
  const { linkW, seen, touched } = s
  const commWeight = new Float64Array(n)
  const size = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    commWeight[comm[v]!]! += nodeWeight[v]!
    size[comm[v]!]!++
  }
  // ids of empty communities: the top is the "new community" a node may open
  const empty = new Int32Array(n)
  let nEmpty = 0
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty[nEmpty++] = c
  // queue of unstable nodes: a ring of capacity n, each node in it at most once
  const queue = shuffled(n, rnd)
  const queued = new Uint8Array(n).fill(1)
  let head = 0
  let length = n
  let moved = false
  while (length > 0) {
    const v = queue[head]!
    head = head + 1 === n ? 0 : head + 1
    length--
    queued[v] = 0
    const cur = comm[v]!
    const nv = nodeWeight[v]!
    commWeight[cur]! -= nv
    if (--size[cur]! === 0) empty[nEmpty++] = cur
    let nt = 0
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      const c = comm[nbr[e]!]!
      if (seen[c] === 0) {
        seen[c] = 1
        touched[nt++] = c
      }
      linkW[c]! += w[e]!
    }
    const scale = gamma * nv
    let best = cur
    let bestGain = linkW[cur]! - scale * commWeight[cur]!
    // an empty community: gain 0 (it is `cur` itself when v was alone)
    const fresh = empty[nEmpty - 1]!
    if (0 > bestGain + tol) {
      best = fresh
      bestGain = 0
    }
    for (let t = 0; t < nt; t++) {
      const c = touched[t]!
      const gain = linkW[c]! - scale * commWeight[c]!
      if (gain > bestGain + tol) {
        best = c
        bestGain = gain
      }
      linkW[c] = 0
      seen[c] = 0
    }
    commWeight[best]! += nv
    if (size[best]!++ === 0) nEmpty-- // best was empty, so it was the top of the stack
    if (best !== cur) {
      comm[v] = best
      moved = true
      for (let e = off[v]!; e < off[v + 1]!; e++) {
        const u = nbr[e]!
        if (queued[u] === 0 && comm[u] !== best) {
          queued[u] = 1
          let tail = head + length
          if (tail >= n) tail -= n
          queue[tail] = u
          length++
        }
      }
    }
  }
  return moved
}

/**
 * Phase 2, refinement: a partition of each community of `comm` (which has `count` communities)
 * into connected sub-communities by randomised merging of singletons. Returns the refined ids,
 * numbered 0.. by first node.
 */
function refine(
  L: Level,
  comm: Int32Array,
  count: number,
  gamma: number,
  theta: number,
  rnd: () => number,
  s: Scratch,
): { refined: Int32Array; refinedCount: number } {
  const { n, off, nbr, w, nodeWeight } = L
  const { linkW, seen, touched, ids } = s
  const commWeight = new Float64Array(count)
  const refined = new Int32Array(n)
  const subWeight = new Float64Array(n) // node weight of each sub-community
  const subExternal = new Float64Array(n) // its tie weight to the rest of its community
  const merged = new Uint8Array(n) // a sub-community that is no longer a singleton
  for (let v = 0; v < n; v++) {
    refined[v] = v
    subWeight[v] = nodeWeight[v]!
    commWeight[comm[v]!]! += nodeWeight[v]!
    let x = 0
    for (let e = off[v]!; e < off[v + 1]!; e++) if (comm[nbr[e]!] === comm[v]) x += w[e]!
    subExternal[v] = x
  }
  const gains = new Float64Array(n)
  const order = shuffled(n, rnd)
  for (let i = 0; i < n; i++) {
    const v = order[i]!
    const r = refined[v]!
    if (merged[r] === 1) continue
    const S = comm[v]!
    const total = commWeight[S]!
    const nv = nodeWeight[v]!
    // only a node well connected to its community may move: E(v, S − v) ≥ γ' n_v (N_S − n_v)
    if (subExternal[r]! < gamma * nv * (total - nv)) continue
    subWeight[r] = 0
    let nt = 0
    touched[nt++] = r
    seen[r] = 1
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      const u = nbr[e]!
      if (comm[u] !== S) continue
      const c = refined[u]!
      if (seen[c] === 0) {
        seen[c] = 1
        touched[nt++] = c
      }
      linkW[c]! += w[e]!
    }
    // candidates: staying alone (gain 0) and every well-connected sub-community with gain ≥ 0
    let maxGain = 0
    for (let t = 0; t < nt; t++) {
      const c = touched[t]!
      let gain = -1
      if (c === r) gain = 0
      else if (subExternal[c]! >= gamma * subWeight[c]! * (total - subWeight[c]!)) {
        gain = linkW[c]! - gamma * nv * subWeight[c]!
      }
      gains[t] = gain
      if (gain > maxGain) maxGain = gain
    }
    // draw with probability ∝ exp(gain / θ), shifted by the largest gain so nothing overflows
    let sum = 0
    for (let t = 0; t < nt; t++) if (gains[t]! >= 0) sum += Math.exp((gains[t]! - maxGain) / theta)
    let x = rnd() * sum
    let chosen = r
    for (let t = 0; t < nt; t++) {
      if (gains[t]! < 0) continue
      chosen = touched[t]!
      x -= Math.exp((gains[t]! - maxGain) / theta)
      if (x < 0) break
    }
    if (chosen === r) {
      subWeight[r] = nv
    } else {
      // E(c ∪ v, S − c − v) = E(c, S − c) + E(v, S − v) − 2 E(v, c)
      subExternal[chosen]! += subExternal[r]! - 2 * linkW[chosen]!
      subWeight[chosen]! += nv
      subExternal[r] = 0
      refined[v] = chosen
      merged[chosen] = 1
    }
    for (let t = 0; t < nt; t++) {
      linkW[touched[t]!] = 0
      seen[touched[t]!] = 0
    }
  }
  return { refined, refinedCount: compact(refined, ids) }
}

/** Connected parts of each community of `comm` on the level network, numbered 0.. by first node. */
function connectedParts(L: Level, comm: Int32Array): { parts: Int32Array; partCount: number } {
  const { n, off, nbr } = L
  const parts = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let partCount = 0
  for (let s = 0; s < n; s++) {
    if (parts[s] !== -1) continue
    parts[s] = partCount
    queue[0] = s
    let head = 0
    let tail = 1
    while (head < tail) {
      const v = queue[head++]!
      for (let e = off[v]!; e < off[v + 1]!; e++) {
        const u = nbr[e]!
        if (parts[u] === -1 && comm[u] === comm[v]) {
          parts[u] = partCount
          queue[tail++] = u
        }
      }
    }
    partCount++
  }
  return { parts, partCount }
}

/** Phase 3: one node per refined sub-community, tie weights summed, internal ties dropped. */
function aggregate(L: Level, refined: Int32Array, refinedCount: number): Level {
  const { n, off, nbr, w, nodeWeight } = L
  const K = refinedCount
  // members of each sub-community, by counting sort
  const start = new Int32Array(K + 1)
  for (let v = 0; v < n; v++) start[refined[v]! + 1]!++
  for (let a = 0; a < K; a++) start[a + 1]! += start[a]!
  const fill = start.slice(0, K)
  const members = new Int32Array(n)
  for (let v = 0; v < n; v++) members[fill[refined[v]!]!++] = v
  const acc = new Float64Array(K)
  const seen = new Uint8Array(K)
  const touched = new Int32Array(K)
  const nextOff = new Int32Array(K + 1)
  const nextNbr = new Int32Array(nbr.length)
  const nextW = new Float64Array(nbr.length)
  const nextNodeWeight = new Float64Array(K)
  let p = 0
  for (let a = 0; a < K; a++) {
    let nt = 0
    for (let i = start[a]!; i < start[a + 1]!; i++) {
      const v = members[i]!
      nextNodeWeight[a]! += nodeWeight[v]!
      for (let e = off[v]!; e < off[v + 1]!; e++) {
        const b = refined[nbr[e]!]!
        if (b === a) continue
        if (seen[b] === 0) {
          seen[b] = 1
          touched[nt++] = b
        }
        acc[b]! += w[e]!
      }
    }
    for (let t = 0; t < nt; t++) {
      const b = touched[t]!
      nextNbr[p] = b
      nextW[p++] = acc[b]!
      acc[b] = 0
      seen[b] = 0
    }
    nextOff[a + 1] = p
  }
  return { n: K, off: nextOff, nbr: nextNbr.slice(0, p), w: nextW.slice(0, p), nodeWeight: nextNodeWeight }
}

/**
 * One iteration of the Leiden algorithm from the partition `membership` (numbered 0.. by first
 * node), in place; returns the number of aggregations done.
 */
function iterate(
  base: Level,
  membership: Int32Array,
  gamma: number,
  theta: number,
  rnd: () => number,
  tol: number,
): number {
  let L = base
  let comm = membership.slice()
  const node = new Int32Array(base.n) // the level node of each base node
  for (let i = 0; i < base.n; i++) node[i] = i
  let levels = 0
  for (;;) {
    const s = scratchFor(L.n)
    fastMoves(L, comm, gamma, rnd, tol, s)
    const count = compact(comm, s.ids)
    if (count === L.n) break
    let { refined, refinedCount } = refine(L, comm, count, gamma, theta, rnd, s)
    if (refinedCount === L.n) {
      // nothing merged: aggregate the connected parts of the communities instead (igraph takes
      // the communities themselves, which may be disconnected)
      const c = connectedParts(L, comm)
      if (c.partCount === L.n) break
      refined = c.parts
      refinedCount = c.partCount
    }
    const next = aggregate(L, refined, refinedCount)
    // the communities of step 1 become the starting partition of the aggregate network
    const nextComm = new Int32Array(refinedCount)
    for (let v = 0; v < L.n; v++) nextComm[refined[v]!] = comm[v]!
    for (let i = 0; i < base.n; i++) node[i] = refined[node[i]!]!
    L = next
    comm = nextComm
    levels++
  }
  for (let i = 0; i < base.n; i++) membership[i] = comm[node[i]!]!
  return levels
}

/**
 * Leiden communities: connected communities of high modularity (or CPM quality).
 *
 * @example
 * const { membership, count, modularity } = leiden(g, { resolution: 1, seed: 7 })
 * leiden(g, { quality: 'cpm', resolution: 0.1 }) // communities of tie density above 0.1
 */
export function leiden(g: Graph, opts: LeidenOptions = {}): LeidenResult {
  const o = withDefaults(LEIDEN_DEFAULTS, opts)
  if (o.quality !== 'modularity' && o.quality !== 'cpm') {
    throw new RangeError(`leiden: quality must be 'modularity' or 'cpm', got ${String(o.quality)}`)
  }
  if (!(o.resolution > 0 && Number.isFinite(o.resolution))) {
    throw new RangeError(`leiden: resolution must be a number > 0, got ${o.resolution}`)
  }
  if (!(o.randomness > 0 && Number.isFinite(o.randomness))) {
    throw new RangeError(`leiden: randomness must be a number > 0, got ${o.randomness}`)
  }
  if (!(o.maxIterations >= 1 && (Number.isInteger(o.maxIterations) || o.maxIterations === Infinity))) {
    throw new RangeError(`leiden: maxIterations must be a whole number >= 1 or Infinity, got ${o.maxIterations}`)
  }
  const cpm = o.quality === 'cpm'
  const base = baseLevel(g, o.weight, cpm)
  let twoM = 0
  for (let e = 0; e < base.w.length; e++) twoM += base.w[e]!
  const n = g.n
  const membership = new Int32Array(n)
  for (let i = 0; i < n; i++) membership[i] = i
  const rnd = random(o.seed)
  const gamma = cpm ? o.resolution : o.resolution / twoM
  let levels = 0
  let iterations = 0
  if (twoM > 0) {
    const before = new Int32Array(n)
    const ids = new Int32Array(n)
    while (iterations < o.maxIterations) {
      before.set(membership)
      levels += iterate(base, membership, gamma, o.randomness, rnd, o.tolerance)
      const { parts } = connectedParts(base, membership)
      membership.set(parts) // numbered by first node, like `before`
      compact(membership, ids)
      iterations++
      let changed = false
      for (let i = 0; i < n && !changed; i++) changed = membership[i] !== before[i]
      if (!changed) break
    }
  }
  let count = 0
  for (let i = 0; i < n; i++) count = Math.max(count, membership[i]! + 1)
  const modularity = louvainModularity(g, membership, { resolution: cpm ? 1 : o.resolution, weight: o.weight })
  return {
    membership,
    count,
    modularity,
    levels,
    quality: cpm ? cpmQuality(base, membership, count, o.resolution) : modularity,
    iterations,
  }
}

/** Σ_c [2 w_c − γ n_c (n_c − 1)], w_c the tie weight inside community c (read once each way). */
function cpmQuality(L: Level, membership: Int32Array, count: number, gamma: number): number {
  const size = new Float64Array(count)
  let inside = 0
  for (let v = 0; v < L.n; v++) {
    size[membership[v]!]!++
    for (let e = L.off[v]!; e < L.off[v + 1]!; e++) if (membership[L.nbr[e]!] === membership[v]) inside += L.w[e]!
  }
  let q = inside
  for (let c = 0; c < count; c++) q -= gamma * size[c]! * (size[c]! - 1)
  return q
}
