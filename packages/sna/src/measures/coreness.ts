// k-cores: 核数 (k-核).
//
// coreness(v) = the largest k such that v belongs to a subgraph where every node has at least
// k neighbours, on the undirected skeleton (igraph mode "all" on the simple skeleton; networkx
// counts in+out degree on digraphs and differs). Peeled level by level (as PKC, Kabir &
// Madduri 2017): at level k every remaining node of degree k is removed, and so is each
// neighbour its removal brings down to k, with no bucket moves, which suits the few distinct
// levels of most networks; after 32 levels the rest is peeled by Batagelj & Zaversnik's (2003)
// O(m) bucket sort. Both steps only ever lower a degree above the current level. The first
// level needs no list of remaining nodes (all are), and the peeling queue is reused between
// calls: on graphs of a few thousand ties, allocating and scanning cost as much as peeling.

import type { Graph } from '../graph.js'

/** Peeling levels scanned before switching to the bucket algorithm (bounds the scans at 32·n). */
const LEVEL_SCANS = 32

/** The peeling queue and the list of remaining nodes, kept between calls (a typed array's allocation costs as much as peeling a small graph). */
let scratch = new Int32Array(1024)

/**
 * Core number of every node.
 *
 * @example
 * coreness(edges('a-b b-c c-a c-d')) // [2, 2, 2, 1]
 */
export function coreness(g: Graph): Int32Array {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const deg = new Int32Array(n)
  if (n === 0) return deg
  if (scratch.length < 2 * n) scratch = new Int32Array(Math.max(2 * n, 2 * scratch.length))
  const queue = scratch.subarray(0, n)
  const rem = scratch.subarray(n, 2 * n) // the nodes still in, after level 0
  // level 0 needs no list of remaining nodes (all are): the minimum degree comes with the degrees
  let k = 0x7fffffff
  for (let v = 0; v < n; v++) {
    const d = offsets[v + 1]! - offsets[v]!
    deg[v] = d
    if (d < k) k = d
  }
  let qn = 0
  for (let v = 0; v < n; v++) if (deg[v] === k) queue[qn++] = v
  peel(offsets, targets, deg, queue, qn, k)
  let done = k
  let r = 0
  for (let v = 0; v < n; v++) if (deg[v]! > done) rem[r++] = v
  for (let level = 1; level < LEVEL_SCANS && r > 0; level++) {
    let kept = 0
    qn = 0
    k = 0x7fffffff
    for (let i = 0; i < r; i++) {
      const v = rem[i]!
      const d = deg[v]!
      if (d <= done) continue
      rem[kept++] = v
      if (d < k) {
        k = d
        qn = 0
        queue[qn++] = v
      } else if (d === k) queue[qn++] = v
    }
    r = kept
    if (r === 0) return deg
    peel(offsets, targets, deg, queue, qn, k)
    done = k
  }
  let kept = 0
  for (let i = 0; i < r; i++) if (deg[rem[i]!]! > done) rem[kept++] = rem[i]!
  if (kept > 0) bucketPeel(offsets, targets, deg, rem.subarray(0, kept))
  return deg
}

/** Removes the queued nodes of degree k and every neighbour their removal brings down to k. */
function peel(
  offsets: Int32Array,
  targets: Int32Array,
  deg: Int32Array,
  queue: Int32Array,
  qn: number,
  k: number,
): void {
  const k1 = k + 1
  for (let q = 0; q < qn; q++) {
    const v = queue[q]!
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!
      const du = deg[u]!
      // du > k lowers du, without a branch: where many neighbours already sit at k (graphs
      // with many levels), whether one does is a coin toss that costs a misprediction each time
      deg[u] = du - ((k - du) >>> 31)
      if (du === k1) queue[qn++] = u
    }
  }
}

/** Batagelj–Zaversnik bucket peeling of `nodes`, starting from their residual degrees in `deg`. */
function bucketPeel(offsets: Int32Array, targets: Int32Array, deg: Int32Array, nodes: Int32Array): void {
  const r = nodes.length
  let lo = 0x7fffffff,
    hi = 0
  for (let i = 0; i < r; i++) {
    const d = deg[nodes[i]!]!
    if (d < lo) lo = d
    if (d > hi) hi = d
  }
  const bin = new Int32Array(hi - lo + 2)
  for (let i = 0; i < r; i++) bin[deg[nodes[i]!]! - lo]!++
  let start = 0
  for (let d = 0; d <= hi - lo; d++) {
    const c = bin[d]!
    bin[d] = start
    start += c
  }
  const vert = new Int32Array(r)
  const pos = new Int32Array(deg.length)
  for (let i = 0; i < r; i++) {
    const v = nodes[i]!
    const b = deg[v]! - lo
    const p = bin[b]!
    pos[v] = p
    vert[p] = v
    bin[b] = p + 1
  }
  for (let d = hi - lo; d > 0; d--) bin[d] = bin[d - 1]!
  bin[0] = 0
  for (let i = 0; i < r; i++) {
    const v = vert[i]!
    const dv = deg[v]!
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!
      const du = deg[u]!
      if (du > dv) {
        const pu = pos[u]!
        const b = du - lo
        const pw = bin[b]!
        const w = vert[pw]!
        pos[u] = pw
        vert[pu] = w
        pos[w] = pu
        vert[pw] = u
        bin[b] = pw + 1
        deg[u] = du - 1
      }
    }
  }
}
