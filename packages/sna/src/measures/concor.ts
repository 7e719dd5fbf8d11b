// CONCOR (CONvergence of iterated CORrelations; Breiger, Boorman & Arabie 1975): 迭代相关收敛法.
//
// The first split: X = [A; Aᵀ] (2n × n, binary, diagonal zeros included), so a node's column
// holds its in-ties then its out-ties. Nodes with a constant column (isolates) are excluded.
// C₀ = Pearson correlations of the columns of X; C_{k+1} = correlations of the columns of C_k,
// until every |C_ij| is within 1e-10 of 1. Group 1 = nodes positively correlated with the first
// non-excluded node (in node order), group 2 the rest. As UCINET and R's `concoR`.

import type { Graph } from '../graph.js'
import { withDefaults } from '../options.js'

export interface ConcorSplit {
  /** Node indices of the two groups, ascending. */
  split: [number[], number[]]
  excluded: number[]
  iterations: number
}

export const CONCOR_DEFAULTS = { tolerance: 1e-10, maxIterations: 1000 } as const

/** Correlations between the columns of a rows × cols matrix (row-major), into cols × cols. */
function columnCorrelations(m: Float64Array, rows: number, cols: number): Float64Array {
  const mean = new Float64Array(cols)
  const sd = new Float64Array(cols)
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c]! += m[r * cols + c]!
  for (let c = 0; c < cols; c++) mean[c]! /= rows
  const z = new Float64Array(rows * cols)
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const d = m[r * cols + c]! - mean[c]!
      z[r * cols + c] = d
      sd[c]! += d * d
    }
  for (let c = 0; c < cols; c++) sd[c] = Math.sqrt(sd[c]!)
  // transpose z so that each column is contiguous
  const zt = new Float64Array(rows * cols)
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) zt[c * rows + r] = z[r * cols + c]!
  const out = new Float64Array(cols * cols)
  for (let a = 0; a < cols; a++) {
    out[a * cols + a] = 1
    for (let b = a + 1; b < cols; b++) {
      let s = 0
      const oa = a * rows
      const ob = b * rows
      for (let r = 0; r < rows; r++) s += zt[oa + r]! * zt[ob + r]!
      const v = sd[a]! > 0 && sd[b]! > 0 ? s / (sd[a]! * sd[b]!) : 0
      out[a * cols + b] = v
      out[b * cols + a] = v
    }
  }
  return out
}

/**
 * The first CONCOR split of a graph.
 *
 * @example
 * concor(g).split // [[0, 3, 5], [1, 2, 4]]
 */
export function concor(g: Graph, opts: { tolerance?: number; maxIterations?: number } = {}): ConcorSplit {
  const o = withDefaults(CONCOR_DEFAULTS, opts)
  const n = g.n
  // degree in either direction: an isolate has a constant (all-zero) column
  const keep: number[] = []
  const excluded: number[] = []
  for (let v = 0; v < n; v++) {
    if (g.outDegree(v) + (g.directed ? g.inDegree(v) : 0) > 0) keep.push(v)
    else excluded.push(v)
  }
  const k = keep.length
  if (k < 2) return { split: [keep, []], excluded, iterations: 0 }
  // X = [A; Aᵀ] restricted to kept columns: rows 0..n-1 are A[i][j], rows n..2n-1 are A[j][i]
  const X = new Float64Array(2 * n * k)
  keep.forEach((j, c) => {
    for (let e = g.inOffsets[j]!; e < g.inOffsets[j + 1]!; e++) X[g.inSources[e]! * k + c] = 1 // A[i][j]
    for (let e = g.outOffsets[j]!; e < g.outOffsets[j + 1]!; e++) X[(n + g.outTargets[e]!) * k + c] = 1 // A[j][i]
  })
  let C = columnCorrelations(X, 2 * n, k)
  let it = 0
  for (; it < o.maxIterations; it++) {
    let worst = 0
    for (let i = 0; i < k * k; i++) {
      const d = Math.abs(1 - Math.abs(C[i]!))
      if (d > worst) worst = d
    }
    if (worst <= o.tolerance) break
    C = columnCorrelations(C, k, k)
  }
  const a: number[] = []
  const b: number[] = []
  keep.forEach((v, c) => (C[c]! > 0 ? a : b).push(v))
  return { split: [a, b], excluded, iterations: it }
}
