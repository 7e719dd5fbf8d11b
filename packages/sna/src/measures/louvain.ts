// Community detection by the Louvain method: 社区发现（Louvain 算法）.
//
// Blondel, Guillaume, Lambiotte & Lefebvre (2008): repeat (1) move single nodes to the
// neighbouring community with the largest modularity gain until no move helps, (2) merge each
// community into one node; stop when a level changes nothing. Step (1) visits nodes from a
// queue, first all in a seeded random order, then only the neighbours of a node that moved
// (outside its new community): Traag's "fast local move" (Leiden, 2019), far fewer visits than
// full sweeps. Then the partition is refined on the way back down (Rotta & Noack 2011,
// "multilevel refinement"): at each level, from the coarsest to the single nodes, nodes move
// between the final communities again, so a community formed early can shed a node that fits
// better elsewhere; further rounds start from the refined communities while Q rises.
// Modularity with resolution γ: Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
// (Reichardt & Bornholdt 2006; γ = 1 is Newman's). Undirected: a directed graph is read as
// undirected with w_uv + w_vu, as igraph's cluster_louvain requires. A seed gives the same
// partition every time. Binary unless `weight`. Isolates stay alone.

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

/**
 * Phase 1 on one level: local moves from the partition `comm` (changed in place; every node
 * alone when omitted); returns it and whether any node moved.
 */
function localMoves(
  L: Level,
  gamma: number,
  twoM: number,
  rnd: () => number,
  tol: number,
  start?: Int32Array,
): { comm: Int32Array; moved: boolean } {
  const n = L.n
  const off = L.off
  const nbr = L.nbr
  const w = L.w
  const comm = start ?? new Int32Array(n)
  const k = new Float64Array(n)
  const tot = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (!start) comm[i] = i
    let s = L.loop[i]!
    for (let e = off[i]!; e < off[i + 1]!; e++) s += w[e]!
    k[i] = s
    tot[comm[i]!]! += s
  }
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const x = order[i]!
    order[i] = order[j]!
    order[j] = x
  }
  const linkW = new Float64Array(n) // weight from the current node to each community
  const touched = new Int32Array(n)
  // a ring queue of nodes to visit, first all in random order; a node that moves puts its
  // neighbours outside its new community back in (Traag's fast local move)
  const queue = order
  const queued = new Uint8Array(n).fill(1)
  let head = 0
  let size = n
  let moved = false
  while (size > 0) {
    const i = queue[head]!
    head = head + 1 === n ? 0 : head + 1
    size--
    queued[i] = 0
    const ci = comm[i]!
    const ki = k[i]!
    let nt = 0
    for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
      const c = comm[nbr[e]!]!
      if (linkW[c] === 0) touched[nt++] = c
      linkW[c]! += w[e]!
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
    for (let t = 0; t < nt; t++) linkW[touched[t]!] = 0
    linkW[ci] = 0
    if (best !== ci) {
      comm[i] = best
      moved = true
      for (let e = off[i]!, end = off[i + 1]!; e < end; e++) {
        const j = nbr[e]!
        if (queued[j] === 0 && comm[j] !== best) {
          queued[j] = 1
          let tail = head + size
          if (tail >= n) tail -= n
          queue[tail] = j
          size++
        }
      }
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
  // members of each new node, by counting sort
  const first = new Int32Array(count + 1)
  for (let i = 0; i < n; i++) first[node[i]! + 1]!++
  for (let a = 0; a < count; a++) first[a + 1]! += first[a]!
  const members = new Int32Array(n)
  const fill = first.slice(0, count)
  for (let i = 0; i < n; i++) members[fill[node[i]!]!++] = i
  // rows gathered with a scatter array; at most as many entries as the level has
  const loop = new Float64Array(count)
  const off = new Int32Array(count + 1)
  const nbr = new Int32Array(L.nbr.length)
  const w = new Float64Array(L.nbr.length)
  const acc = new Float64Array(count)
  const seen = new Int32Array(count).fill(-1)
  let p = 0
  for (let a = 0; a < count; a++) {
    const rowStart = p
    for (let m = first[a]!; m < first[a + 1]!; m++) {
      const i = members[m]!
      loop[a]! += L.loop[i]!
      for (let e = L.off[i]!, end = L.off[i + 1]!; e < end; e++) {
        const b = node[L.nbr[e]!]!
        if (b === a) loop[a]! += L.w[e]!
        else {
          if (seen[b] !== a) {
            seen[b] = a
            acc[b] = 0
            nbr[p++] = b
          }
          acc[b]! += L.w[e]!
        }
      }
    }
    const row = nbr.subarray(rowStart, p)
    row.sort()
    for (let q = rowStart; q < p; q++) w[q] = acc[nbr[q]!]!
    off[a + 1] = p
  }
  return { next: { n: count, off, nbr: nbr.slice(0, p), w: w.slice(0, p), loop }, map: node }
}

/** Rounds of coarsening and refinement at most (each must raise Q to be kept). */
const MAX_ROUNDS = 8

/** Q of a partition of a level (communities numbered below the level's size). */
function levelModularity(L: Level, comm: Int32Array, gamma: number, twoM: number): number {
  const tot = new Float64Array(L.n)
  let inside = 0
  for (let i = 0; i < L.n; i++) {
    const c = comm[i]!
    tot[c]! += L.loop[i]!
    inside += L.loop[i]!
    for (let e = L.off[i]!; e < L.off[i + 1]!; e++) {
      tot[c]! += L.w[e]!
      if (comm[L.nbr[e]!] === c) inside += L.w[e]!
    }
  }
  let q = inside / twoM
  for (let c = 0; c < L.n; c++) q -= (gamma * tot[c]! * tot[c]!) / (twoM * twoM)
  return q
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
  const base = baseLevel(g, o.weight)
  let twoM = 0
  for (let e = 0; e < base.w.length; e++) twoM += base.w[e]!
  const membership = Int32Array.from({ length: g.n }, (_, i) => i)
  const rnd = random(o.seed)
  let levels = 0
  if (twoM > 0) {
    // rounds of coarsening and refinement; a later round starts from the last round's
    // communities as its first level, and the rounds stop when Q no longer rises
    let part: Int32Array | null = null
    let q = -Infinity
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const stack: { level: Level; map: Int32Array }[] = []
      let L = base
      let moves = 0
      if (part) {
        const { next, map } = aggregate(base, part)
        stack.push({ level: base, map })
        L = next
      }
      for (;;) {
        const { comm, moved } = localMoves(L, o.resolution, twoM, rnd, o.tolerance)
        if (!moved) break
        moves++
        const { next, map } = aggregate(L, comm)
        stack.push({ level: L, map })
        L = next
      }
      if (round === 0) levels = moves
      if (stack.length === 0 || (round > 0 && moves === 0)) break
      // refine on the way back down: each level starts from the communities above it
      let down: Int32Array = new Int32Array(L.n)
      for (let a = 0; a < L.n; a++) down[a] = a
      for (let l = stack.length - 1; l >= 0; l--) {
        const { level, map } = stack[l]!
        const start = new Int32Array(level.n)
        for (let i = 0; i < level.n; i++) start[i] = down[map[i]!]!
        down = localMoves(level, o.resolution, twoM, rnd, o.tolerance, start).comm
      }
      const qNew = levelModularity(base, down, o.resolution, twoM)
      if (qNew <= q + o.tolerance) break
      q = qNew
      part = down
      membership.set(down)
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
