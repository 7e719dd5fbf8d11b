// Slow, obvious versions of the measures, to check the fast kernels against in tests.

import type { Graph } from '../graph.js'
import { mulberry32 } from '../random.js'

/** All-pairs distances by Floyd–Warshall (tie length 1, or 1/w when weighted); Infinity = unreachable. */
export function floyd(g: Graph, weighted = false): Float64Array[] {
  const n = g.n
  const d = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n).fill(Infinity)
    row[i] = 0
    return row
  })
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    const len = weighted ? 1 / g.tieWeight[e]! : 1
    d[s]![t] = Math.min(d[s]![t]!, len)
    if (!g.directed) d[t]![s] = Math.min(d[t]![s]!, len)
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!
  return d
}

/** Number of shortest paths between every pair, counted by dynamic programming over distances (unweighted). */
export function pathCounts(g: Graph, d: Float64Array[]): Float64Array[] {
  const n = g.n
  const adj = (u: number, v: number): boolean => g.hasTie(u, v)
  const sigma = Array.from({ length: n }, () => new Float64Array(n))
  for (let s = 0; s < n; s++) {
    const order = Array.from({ length: n }, (_, i) => i)
      .filter((i) => Number.isFinite(d[s]![i]!))
      .sort((a, b) => d[s]![a]! - d[s]![b]!)
    sigma[s]![s] = 1
    for (const v of order) {
      if (v === s) continue
      let c = 0
      for (let u = 0; u < n; u++) if (adj(u, v) && d[s]![u]! + 1 === d[s]![v]) c += sigma[s]![u]!
      sigma[s]![v] = c
    }
  }
  return sigma
}

/** Betweenness straight from the definition: Σ σ_st(v)/σ_st. */
export function slowBetweenness(g: Graph): Float64Array {
  const n = g.n
  const d = floyd(g)
  const sigma = pathCounts(g, d)
  const bc = new Float64Array(n)
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      if (s === t || !Number.isFinite(d[s]![t]!)) continue
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue
        if (d[s]![v]! + d[v]![t]! === d[s]![t]) bc[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!
      }
    }
  if (!g.directed) for (let v = 0; v < n; v++) bc[v]! /= 2
  return bc
}

/** Wasserman–Faust closeness from a distance matrix; incoming distances. */
export function slowCloseness(g: Graph, d: Float64Array[], mode: 'in' | 'out' = 'in'): Float64Array {
  const n = g.n
  const out = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    let r = 0
    let s = 0
    for (let v = 0; v < n; v++) {
      if (v === u) continue
      const x = mode === 'in' ? d[v]![u]! : d[u]![v]!
      if (Number.isFinite(x)) {
        r++
        s += x
      }
    }
    out[u] = r === 0 ? 0 : (r / (n - 1)) * (r / s)
  }
  return out
}

/** A seeded pseudo-random generator (mulberry32) for reproducible random graphs in tests. */
export const rng = mulberry32
