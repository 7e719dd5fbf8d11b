// Whole-network measures: 密度 / 互惠性 / 弗里曼中心势.
//
// density: undirected 2m/(n(n−1)), directed m/(n(n−1)). reciprocity (directed): arcs u→v
// whose v→u exists, divided by m (igraph "default", R sna "edgewise").
// Freeman centralization Σ_i (c* − c_i) / max, with the maximum reached by a star:
// degree (undirected) (n−1)(n−2); in/out-degree (directed) (n−1)²; raw betweenness
// (n−1)²(n−2)/2 undirected, (n−1)²(n−2) directed; WF closeness (undirected)
// (n−1)(n−2)/(2n−3). Matches R sna `centralization` and igraph `centr_*` (UCINET's convention).

import type { Graph } from '../graph.js'

export function density(g: Graph): number {
  const n = g.n
  if (n < 2) return 0
  return g.directed ? g.m / (n * (n - 1)) : (2 * g.m) / (n * (n - 1))
}

/** Share of arcs that are reciprocated; null for undirected graphs (undefined there). */
export function reciprocity(g: Graph): number | null {
  if (!g.directed) return null
  if (g.m === 0) return 0
  let r = 0
  for (let e = 0; e < g.m; e++) if (g.hasTie(g.tieTarget[e]!, g.tieSource[e]!)) r++
  return r / g.m
}

/** Freeman centralization: Σ (max − c_i) / maxSum; null when maxSum is 0 (n too small). */
export function centralization(values: ArrayLike<number>, maxSum: number): number | null {
  if (!(maxSum > 0) || values.length === 0) return null
  let mx = -Infinity
  for (let i = 0; i < values.length; i++) if (values[i]! > mx) mx = values[i]!
  let s = 0
  for (let i = 0; i < values.length; i++) s += mx - values[i]!
  return s / maxSum
}

/** The star maxima of Freeman centralization for n nodes. */
export const CENTRALIZATION_MAX = {
  degree: (n: number): number => (n - 1) * (n - 2),
  directedDegree: (n: number): number => (n - 1) * (n - 1),
  betweenness: (n: number, directed: boolean): number => ((n - 1) * (n - 1) * (n - 2)) / (directed ? 1 : 2),
  closeness: (n: number): number => ((n - 1) * (n - 2)) / (2 * n - 3),
} as const
