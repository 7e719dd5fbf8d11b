// Structural holes (Burt 1992): 约束系数 / 有效规模 / 效率.
//
// N(i) = nodes adjacent to i in either direction. With binary a and s_ij = a_ij + a_ji:
// p_ij = s_ij / Σ_k s_ik (proportional tie investment); m_jq = s_jq / max_k s_jk.
// constraint c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i), q≠j} p_iq p_qj)²;
// effectiveSize e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i), q≠j} p_iq m_jq) (undirected: |N| − 2t/|N|);
// efficiency = effectiveSize / |N(i)|. All three are null for a node without neighbours.
// Matches networkx (which returns NaN for directed nodes without out-ties; defined here, igraph
// agrees for constraint) and igraph's constraint on binary graphs.

import type { Graph } from '../graph.js'

export interface StructuralHoles {
  /** NaN where undefined (no neighbours). */
  constraint: Float64Array
  effectiveSize: Float64Array
  efficiency: Float64Array
}

/**
 * Burt's constraint, effective size and efficiency of every node (binary ties).
 *
 * @example
 * structuralHoles(edges('a-b a-c')).constraint // [0.5, 1, 1]
 */
export function structuralHoles(g: Graph): StructuralHoles {
  const { offsets, targets, mult } = g.skeleton()
  const n = g.n
  const constraint = new Float64Array(n).fill(NaN)
  const effectiveSize = new Float64Array(n).fill(NaN)
  const efficiency = new Float64Array(n).fill(NaN)
  // row sums and row maxima of s
  const rowSum = new Float64Array(n)
  const rowMax = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    let s = 0
    let mx = 0
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      s += mult[e]!
      if (mult[e]! > mx) mx = mult[e]!
    }
    rowSum[v] = s
    rowMax[v] = mx
  }
  // scratch: p_iq of i's neighbours (NaN = not a neighbour), indirect sums per neighbour
  const pi = new Float64Array(n).fill(NaN)
  const indirect = new Float64Array(n)
  const redundancy = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!
    const hi = offsets[i + 1]!
    const k = hi - lo
    if (k === 0) continue
    for (let e = lo; e < hi; e++) {
      const j = targets[e]!
      pi[j] = mult[e]! / rowSum[i]!
      indirect[j] = 0
      redundancy[j] = 0
    }
    // for every q ∈ N(i) and j ∈ N(q) ∩ N(i), j ≠ i: p_iq p_qj and p_iq m_jq
    for (let e = lo; e < hi; e++) {
      const q = targets[e]!
      const piq = pi[q]!
      for (let f = offsets[q]!, end = offsets[q + 1]!; f < end; f++) {
        const j = targets[f]!
        if (j === i || Number.isNaN(pi[j]!)) continue
        const s = mult[f]!
        indirect[j]! += (piq * s) / rowSum[q]!
        redundancy[j]! += (piq * s) / rowMax[j]!
      }
    }
    let c = 0
    let es = 0
    for (let e = lo; e < hi; e++) {
      const j = targets[e]!
      const x = pi[j]! + indirect[j]!
      c += x * x
      es += 1 - redundancy[j]!
    }
    constraint[i] = c
    effectiveSize[i] = es
    efficiency[i] = es / k
    for (let e = lo; e < hi; e++) pi[targets[e]!] = NaN
  }
  return { constraint, effectiveSize, efficiency }
}

/** Burt's constraint alone (NaN for nodes without neighbours). */
export function constraint(g: Graph): Float64Array {
  return structuralHoles(g).constraint
}
