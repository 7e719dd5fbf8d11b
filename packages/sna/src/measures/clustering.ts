// Clustering: 局部聚类系数 / 平均聚类系数 / 传递性.
//
// On the undirected skeleton (u–v adjacent iff u→v or v→u; igraph, R sna on the symmetrised
// matrix; networkx uses directed variants on digraphs and differs there).
// localClustering(v) = T(v) / (k(k−1)/2), T = ties among the k neighbours, 0 when k < 2.
// averageClustering = mean over all n nodes (k < 2 counts as 0, as networkx and igraph
// "zero"). transitivity = 3·triangles / connected triples = Σ T(v) / Σ k(k−1)/2, 0 if no triple.

import type { Graph } from '../graph.js'

/** Triangles through each node of the skeleton (marker array; rows are sorted). */
export function triangles(g: Graph): Float64Array {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  const t = new Float64Array(n)
  const mark = new Int32Array(n).fill(-1)
  for (let v = 0; v < n; v++) {
    const lo = offsets[v]!
    const hi = offsets[v + 1]!
    for (let e = lo; e < hi; e++) mark[targets[e]!] = v
    let count = 0
    for (let e = lo; e < hi; e++) {
      const u = targets[e]!
      // count neighbours w of u with w > u that are also neighbours of v
      for (let f = offsets[u]!, end = offsets[u + 1]!; f < end; f++) {
        const w = targets[f]!
        if (w > u && mark[w] === v) count++
      }
    }
    t[v] = count
  }
  return t
}

/**
 * Local clustering coefficient of every node (skeleton).
 *
 * @example
 * localClustering(edges('a-b b-c c-a c-d')) // [1, 1, 0.333…, 0]
 */
export function localClustering(g: Graph): Float64Array {
  const { offsets } = g.skeleton()
  const t = triangles(g)
  const out = new Float64Array(g.n)
  for (let v = 0; v < g.n; v++) {
    const k = offsets[v + 1]! - offsets[v]!
    out[v] = k < 2 ? 0 : t[v]! / ((k * (k - 1)) / 2)
  }
  return out
}

/** Mean local clustering over all nodes. */
export function averageClustering(g: Graph): number {
  if (g.n === 0) return 0
  const c = localClustering(g)
  let s = 0
  for (let i = 0; i < c.length; i++) s += c[i]!
  return s / g.n
}

/** Global clustering: 3·triangles / connected triples, 0 when there is no triple. */
export function transitivity(g: Graph): number {
  const { offsets } = g.skeleton()
  const t = triangles(g)
  let closed = 0
  let triples = 0
  for (let v = 0; v < g.n; v++) {
    const k = offsets[v + 1]! - offsets[v]!
    closed += t[v]!
    triples += (k * (k - 1)) / 2
  }
  return triples === 0 ? 0 : closed / triples
}
