// Community detection by the Louvain method: 社区发现（Louvain 算法）.
//
// Blondel, Guillaume, Lambiotte & Lefebvre (2008): repeat (1) move single nodes to the
// neighbouring community with the largest modularity gain until no move helps, (2) merge each
// community into one node; stop when a level changes nothing. Modularity with resolution γ:
// Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j) (Reichardt & Bornholdt 2006; γ = 1 is
// Newman's). Undirected: a directed graph is read as undirected with w_uv + w_vu, as igraph's
// cluster_louvain requires. Nodes are visited in a seeded random order, so a seed gives the
// same partition every time. Binary unless `weight`. Isolates stay alone.

import type { Graph } from '../graph.js'
import { mulberry32 } from '../random.js'
import { withDefaults } from '../options.js'

export interface LouvainOptions {
  /** γ: above 1 favours more, smaller communities; below 1 fewer, larger ones. Default 1. */
  resolution?: number
  /** Seed of the node order (default 1). */
  seed?: number
  /** Use tie weights (default false: every tie counts 1). */
  weight?: boolean
  /** A move must raise Q by more than this. */
  tolerance?: number
}

export const LOUVAIN_DEFAULTS = { resolution: 1, seed: 1, weight: false, tolerance: 1e-12 } as const

export interface Communities {
  /** Community of each node, numbered 0.. by first node in index order. */
  membership: Int32Array
  count: number
  /** Modularity of the partition (with the resolution used). */
  modularity: number
  /** Number of aggregation levels run. */
  levels: number
}

/** A symmetric weighted CSR with self-loop weights (A_ii, counted twice as usual). */
interface Level {
  n: number
  off: Int32Array
  nbr: Int32Array
  w: Float64Array
  loop: Float64Array
}

function baseLevel(g: Graph, weight: boolean): Level {
  const n = g.n
  // both directions of every tie; directed arcs u→v and v→u add up
  const deg = new Int32Array(n + 1)
  for (let e = 0; e < g.m; e++) {
    deg[g.tieSource[e]! + 1]!++
    deg[g.tieTarget[e]! + 1]!++
  }
  for (let u = 0; u < n; u++) deg[u + 1]! += deg[u]!
  const pos = deg.slice(0, n)
  const nbr = new Int32Array(2 * g.m)
  const w = new Float64Array(2 * g.m)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    const x = weight ? g.tieWeight[e]! : 1
    nbr[pos[s]!] = t
    w[pos[s]!++] = x
    nbr[pos[t]!] = s
    w[pos[t]!++] = x
  }
  return { n, off: deg, nbr, w, loop: new Float64Array(n) }
}

/** mulberry32: a small seeded generator for the node order. */
const random = mulberry32

/** Phase 1 on one level: local moves; returns the community of each level node and whether any moved. */
function localMoves(
  L: Level,
  gamma: number,
  twoM: number,
  rnd: () => number,
  tol: number,
): { comm: Int32Array; moved: boolean } {
  const n = L.n
  const comm = new Int32Array(n)
  const k = new Float64Array(n)
  const tot = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    comm[i] = i
    let s = L.loop[i]!
    for (let e = L.off[i]!; e < L.off[i + 1]!; e++) s += L.w[e]!
    k[i] = s
    tot[i] = s
  }
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const x = order[i]!
    order[i] = order[j]!
    order[j] = x
  }
  const linkW = new Float64Array(n) // weight from the current node to each community
  const touched = new Int32Array(n)
  let moved = false
  for (let changed = true; changed;) {
    changed = false
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi]!
      const ci = comm[i]!
      const ki = k[i]!
      let nt = 0
      for (let e = L.off[i]!; e < L.off[i + 1]!; e++) {
        const c = comm[L.nbr[e]!]!
        if (linkW[c] === 0) touched[nt++] = c
        linkW[c]! += L.w[e]!
      }
      // take i out of its community, then find the best one to join (its own counts too)
      tot[ci]! -= ki
      const scale = (gamma * ki) / twoM
      let best = ci
      let bestGain = linkW[ci]! - scale * tot[ci]!
      for (let t = 0; t < nt; t++) {
        const c = touched[t]!
        const gain = linkW[c]! - scale * tot[c]!
        if (gain > bestGain + tol) {
          best = c
          bestGain = gain
        }
      }
      tot[best]! += ki
      if (best !== ci) {
        comm[i] = best
        changed = true
        moved = true
      }
      for (let t = 0; t < nt; t++) linkW[touched[t]!] = 0
      linkW[ci] = 0
    }
  }
  return { comm, moved }
}

/** Phase 2: one node per community, weights summed, internal weight as self-loop. */
function aggregate(L: Level, comm: Int32Array): { next: Level; map: Int32Array } {
  const n = L.n
  const map = new Int32Array(n).fill(-1)
  let count = 0
  for (let i = 0; i < n; i++) if (map[comm[i]!] === -1) map[comm[i]!] = count++
  const node = new Int32Array(n)
  for (let i = 0; i < n; i++) node[i] = map[comm[i]!]!
  const loop = new Float64Array(count)
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map())
  for (let i = 0; i < n; i++) {
    const a = node[i]!
    loop[a]! += L.loop[i]!
    for (let e = L.off[i]!; e < L.off[i + 1]!; e++) {
      const b = node[L.nbr[e]!]!
      if (a === b) loop[a]! += L.w[e]!
      else rows[a]!.set(b, (rows[a]!.get(b) ?? 0) + L.w[e]!)
    }
  }
  const off = new Int32Array(count + 1)
  for (let a = 0; a < count; a++) off[a + 1] = off[a]! + rows[a]!.size
  const nbr = new Int32Array(off[count]!)
  const w = new Float64Array(off[count]!)
  for (let a = 0; a < count; a++) {
    let p = off[a]!
    for (const [b, x] of [...rows[a]!].sort((x, y) => x[0] - y[0])) {
      nbr[p] = b
      w[p++] = x
    }
  }
  return { next: { n: count, off, nbr, w, loop }, map: node }
}

/** Modularity with resolution of a partition, on the undirected view used by Louvain. */
export function louvainModularity(
  g: Graph,
  membership: ArrayLike<number>,
  opts: { resolution?: number; weight?: boolean } = {},
): number {
  const L = baseLevel(g, opts.weight ?? false)
  const gamma = opts.resolution ?? 1
  let twoM = 0
  for (let e = 0; e < L.w.length; e++) twoM += L.w[e]!
  if (twoM === 0) return NaN
  let groups = 0
  for (let i = 0; i < g.n; i++) groups = Math.max(groups, membership[i]! + 1)
  const tot = new Float64Array(groups)
  let inside = 0
  for (let i = 0; i < g.n; i++) {
    for (let e = L.off[i]!; e < L.off[i + 1]!; e++) {
      tot[membership[i]!]! += L.w[e]!
      if (membership[L.nbr[e]!] === membership[i]) inside += L.w[e]!
    }
  }
  let q = inside / twoM
  for (let c = 0; c < groups; c++) q -= (gamma * tot[c]! * tot[c]!) / (twoM * twoM)
  return q
}

/**
 * Louvain communities.
 *
 * @example
 * const { membership, modularity } = louvain(g, { resolution: 1, seed: 7 })
 */
export function louvain(g: Graph, opts: LouvainOptions = {}): Communities {
  const o = withDefaults(LOUVAIN_DEFAULTS, opts)
  if (!(o.resolution > 0)) throw new RangeError(`resolution must be > 0, got ${o.resolution}`)
  let L = baseLevel(g, o.weight)
  let twoM = 0
  for (let e = 0; e < L.w.length; e++) twoM += L.w[e]!
  const membership = Int32Array.from({ length: g.n }, (_, i) => i)
  const rnd = random(o.seed)
  let levels = 0
  if (twoM > 0) {
    for (;;) {
      const { comm, moved } = localMoves(L, o.resolution, twoM, rnd, o.tolerance)
      if (!moved) break
      levels++
      const { next, map } = aggregate(L, comm)
      for (let i = 0; i < g.n; i++) membership[i] = map[membership[i]!]!
      L = next
    }
  }
  // renumber by first node
  const renum = new Int32Array(g.n).fill(-1)
  let count = 0
  for (let i = 0; i < g.n; i++) {
    const c = membership[i]!
    if (renum[c] === -1) renum[c] = count++
    membership[i] = renum[c]!
  }
  return { membership, count, modularity: louvainModularity(g, membership, o), levels }
}
