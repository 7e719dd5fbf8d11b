// Degree and strength: 度数中心性 / 强度.
//
// degree(u): undirected, the number of neighbours; directed, in-degree + out-degree (a
// reciprocated pair counts twice, as igraph mode "all" and R sna cmode "freeman").
// Normalised: degree/(n−1) (directed (in+out)/(n−1), may exceed 1). strength: sum of the
// weights of incident ties (directed in + out). Self-loops are kept apart and not counted.

import type { Graph } from '../graph.js'

export type DegreeMode = 'in' | 'out' | 'all'

export interface DegreeOptions {
  /** 'all' (default) = in + out for directed graphs. */
  mode?: DegreeMode
  /** Sum weights instead of counting ties (strength). */
  weight?: boolean
  /** Divide by n−1. */
  normalized?: boolean
}

/**
 * Degree (or strength with `weight`) of every node.
 *
 * @example
 * degree(edges('a-b a-c')) // Float64Array [2, 1, 1]
 */
export function degree(g: Graph, opts: DegreeOptions = {}): Float64Array {
  const n = g.n
  const mode = opts.mode ?? 'all'
  const out = new Float64Array(n)
  const add = (offsets: Int32Array, weights: Float64Array): void => {
    for (let u = 0; u < n; u++) {
      if (opts.weight) {
        let s = 0
        for (let e = offsets[u]!; e < offsets[u + 1]!; e++) s += weights[e]!
        out[u]! += s
      } else out[u]! += offsets[u + 1]! - offsets[u]!
    }
  }
  if (!g.directed || mode !== 'in') add(g.outOffsets, g.outWeights)
  if (g.directed && mode !== 'out') add(g.inOffsets, g.inWeights)
  if (opts.normalized) for (let u = 0; u < n; u++) out[u] = n > 1 ? out[u]! / (n - 1) : 0
  return out
}
