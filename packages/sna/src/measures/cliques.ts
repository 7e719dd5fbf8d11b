// Maximal cliques: 最大完全子图 (派系).
//
// Maximal cliques of the undirected skeleton with at least `minSize` members (default 3, as
// UCINET and the reference), by Bron–Kerbosch with Tomita pivoting and a degeneracy order
// (Eppstein, Löffler & Strash 2010). Matches igraph `max_cliques(min = 3)`.

import type { Graph } from '../graph.js'
import { NetworkBuilder } from '../builder.js'
import { coreness } from './coreness.js'

/**
 * Maximal cliques as arrays of node indices (each sorted ascending).
 *
 * @example
 * maximalCliques(edges('a-b b-c c-a c-d')) // [[0, 1, 2]]
 */
export function maximalCliques(g: Graph, opts: { minSize?: number } = {}): number[][] {
  const minSize = opts.minSize ?? 3
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const adj = (u: number, v: number): boolean => {
    let lo = offsets[u]!
    let hi = offsets[u + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const x = targets[mid]!
      if (x === v) return true
      if (x < v) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }
  // degeneracy order: by core number, then index
  const core = coreness(g)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => core[a]! - core[b]! || a - b)
  const rank = new Int32Array(n)
  order.forEach((v, i) => (rank[v] = i))
  const out: number[][] = []
  const expand = (R: number[], P: number[], X: number[]): void => {
    if (P.length === 0) {
      if (X.length === 0 && R.length >= minSize) out.push([...R].sort((a, b) => a - b))
      return
    }
    if (R.length + P.length < minSize) return
    // pivot: the node of P ∪ X with most neighbours in P
    let pivot = -1
    let best = -1
    for (const u of P.concat(X)) {
      let c = 0
      for (const v of P) if (adj(u, v)) c++
      if (c > best) {
        best = c
        pivot = u
      }
    }
    const candidates = P.filter((v) => !adj(pivot, v))
    for (const v of candidates) {
      expand(
        [...R, v],
        P.filter((u) => u !== v && adj(v, u)),
        X.filter((u) => adj(v, u)),
      )
      P = P.filter((u) => u !== v)
      X = [...X, v]
    }
  }
  for (const v of order) {
    const P: number[] = []
    const X: number[] = []
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!
      if (rank[u]! > rank[v]!) P.push(u)
      else X.push(u)
    }
    expand([v], P, X)
  }
  return out
}

/**
 * n-cliques (Luce 1950; Alba 1973): maximal sets of at least `minSize` nodes in which every two
 * are at most n steps apart in the whole graph (paths may leave the set). n = 1 gives the
 * maximal cliques. On the skeleton.
 *
 * @example
 * nCliques(g, 2) // 2-cliques: everyone reaches everyone within two steps
 */
export function nCliques(g: Graph, n: number, opts: { minSize?: number } = {}): number[][] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`)
  const { offsets, targets } = g.skeleton()
  const N = g.n
  // the "within n steps" graph, by BFS to depth n from every node
  const b = new NetworkBuilder({ directed: false })
  for (let v = 0; v < N; v++) b.addNode(String(v))
  const dist = new Int32Array(N).fill(-1)
  const queue = new Int32Array(N)
  for (let s = 0; s < N; s++) {
    dist[s] = 0
    queue[0] = s
    let head = 0
    let tail = 1
    while (head < tail) {
      const v = queue[head++]!
      if (dist[v]! >= n) continue
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1
          queue[tail++] = w
          if (w > s) b.addTie(s, w)
        }
      }
    }
    for (let i = 0; i < tail; i++) dist[queue[i]!] = -1
  }
  return maximalCliques(b.build().network.graph, opts)
}
