// Renumbers nodes so that neighbours get nearby indices: path sweeps then touch memory in order.
//
// Barabási–Albert and most real networks arrive with ids in an order unrelated to their
// structure, so a BFS jumps across the per-node arrays on every tie. Numbering the nodes in
// breadth-first order (from the highest-degree node of each component, as Cuthill–McKee does)
// keeps a node's neighbours close together and makes each sweep ~1.1–1.2× faster on graphs of
// 10k nodes and more. Results are mapped back to the original numbering by the caller.

import type { Graph } from '../graph.js'

/** Graphs at least this large are renumbered by localityOrder before a path sweep. */
export const RELABEL_MIN_NODES = 4096

/** The arrays a shortest-path kernel reads: a Graph, or a renumbered copy of it. */
export type Adjacency = Pick<
  Graph,
  'n' | 'directed' | 'outOffsets' | 'outTargets' | 'outWeights' | 'inOffsets' | 'inSources' | 'inWeights'
>

/** BFS order over ties in either direction: `order[k]` = old index of the k-th node. */
export function localityOrder(g: Adjacency): Int32Array {
  const n = g.n
  const order = new Int32Array(n)
  const seen = new Uint8Array(n)
  // roots: highest degree first, so that hubs and their neighbourhoods come first
  const byDegree = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => g.outOffsets[b + 1]! - g.outOffsets[b]! - (g.outOffsets[a + 1]! - g.outOffsets[a]!) || a - b,
  )
  let tail = 0
  for (const root of byDegree) {
    if (seen[root]) continue
    seen[root] = 1
    let head = tail
    order[tail++] = root
    while (head < tail) {
      const v = order[head++]!
      for (let e = g.outOffsets[v]!; e < g.outOffsets[v + 1]!; e++) {
        const w = g.outTargets[e]!
        if (!seen[w]) {
          seen[w] = 1
          order[tail++] = w
        }
      }
      if (g.directed) {
        for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) {
          const w = g.inSources[e]!
          if (!seen[w]) {
            seen[w] = 1
            order[tail++] = w
          }
        }
      }
    }
  }
  return order
}

function permuteRows(
  n: number,
  order: Int32Array,
  rank: Int32Array,
  offsets: Int32Array,
  cols: Int32Array,
  weights: Float64Array,
): [Int32Array, Int32Array, Float64Array] {
  const off = new Int32Array(n + 1)
  const tgt = new Int32Array(cols.length)
  const w = new Float64Array(cols.length)
  let k = 0
  for (let u = 0; u < n; u++) {
    const old = order[u]!
    for (let e = offsets[old]!; e < offsets[old + 1]!; e++) {
      tgt[k] = rank[cols[e]!]!
      w[k++] = weights[e]!
    }
    off[u + 1] = k
  }
  return [off, tgt, w]
}

/** A renumbered copy of the adjacency: new node u is old node order[u]. */
export function relabel(g: Adjacency, order: Int32Array): Adjacency {
  const n = g.n
  const rank = new Int32Array(n)
  for (let k = 0; k < n; k++) rank[order[k]!] = k
  const [outOffsets, outTargets, outWeights] = permuteRows(n, order, rank, g.outOffsets, g.outTargets, g.outWeights)
  if (!g.directed) {
    return {
      n,
      directed: false,
      outOffsets,
      outTargets,
      outWeights,
      inOffsets: outOffsets,
      inSources: outTargets,
      inWeights: outWeights,
    }
  }
  const [inOffsets, inSources, inWeights] = permuteRows(n, order, rank, g.inOffsets, g.inSources, g.inWeights)
  return { n, directed: true, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights }
}
