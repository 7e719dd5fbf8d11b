// Structural holes (Burt 1992): 约束系数 / 有效规模 / 效率.
//
// N(i) = nodes adjacent to i in either direction. With binary a and s_ij = a_ij + a_ji:
// p_ij = s_ij / Σ_k s_ik (proportional tie investment); m_jq = s_jq / max_k s_jk.
// constraint c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i), q≠j} p_iq p_qj)²;
// effectiveSize e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i), q≠j} p_iq m_jq) (undirected: |N| − 2t/|N|);
// efficiency = effectiveSize / |N(i)|. All three are null for a node without neighbours.
// hierarchy = Σ_j r_j ln r_j / (N ln N), r_j = c_ij/(C_i/N) (Burt 1992; UCINET), null below two
// neighbours. The ego-network model counts an alter's investments inside ego's neighbourhood only.
// Matches networkx (which returns NaN for directed nodes without out-ties; defined here, igraph
// agrees for constraint) and igraph's constraint on binary graphs.

import type { Graph } from '../graph.js'

export interface StructuralHoles {
  /** NaN where undefined (no neighbours). */
  constraint: Float64Array
  effectiveSize: Float64Array
  efficiency: Float64Array
  /**
   * Burt's hierarchy: how much of the constraint comes from one alter,
   * Σ_j r_j ln r_j / (N ln N) with r_j = c_ij / (C_i / N); NaN with fewer than two neighbours.
   */
  hierarchy: Float64Array
}

export interface StructuralHolesOptions {
  /**
   * 'whole' (default): an alter's investments are shares of all its ties (Burt, networkx,
   * igraph). 'ego': only its ties inside ego's neighbourhood count (UCINET's ego-network model).
   */
  model?: 'whole' | 'ego'
}

/**
 * Burt's constraint, effective size, efficiency and hierarchy of every node (binary ties).
 *
 * @example
 * structuralHoles(edges('a-b a-c')).constraint // [0.5, 1, 1]
 */
export function structuralHoles(g: Graph, opts: StructuralHolesOptions = {}): StructuralHoles {
  const ego = opts.model === 'ego'
  const { offsets, targets, mult } = g.skeleton()
  const n = g.n
  const constraint = new Float64Array(n).fill(NaN)
  const effectiveSize = new Float64Array(n).fill(NaN)
  const efficiency = new Float64Array(n).fill(NaN)
  const hierarchy = new Float64Array(n).fill(NaN)
  // row sums and row maxima of s over all ties (the whole-network model)
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
  // scratch: p_iq of i's neighbours (NaN = not a neighbour), indirect sums per neighbour, and
  // for the ego model each alter's sum and maximum over ties inside the ego network
  const pi = new Float64Array(n).fill(NaN)
  const indirect = new Float64Array(n)
  const redundancy = new Float64Array(n)
  const egoSum = new Float64Array(n)
  const egoMax = new Float64Array(n)
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
    if (ego) {
      // an alter's ties to ego and to the other alters only
      for (let e = lo; e < hi; e++) {
        const q = targets[e]!
        let sum = mult[e]!
        let mx = mult[e]!
        for (let f = offsets[q]!; f < offsets[q + 1]!; f++) {
          if (Number.isNaN(pi[targets[f]!]!)) continue
          sum += mult[f]!
          if (mult[f]! > mx) mx = mult[f]!
        }
        egoSum[q] = sum
        egoMax[q] = mx
      }
    }
    const sumOf = ego ? egoSum : rowSum
    const maxOf = ego ? egoMax : rowMax
    // for every q ∈ N(i) and j ∈ N(q) ∩ N(i), j ≠ i: p_iq p_qj and p_iq m_jq
    for (let e = lo; e < hi; e++) {
      const q = targets[e]!
      const piq = pi[q]!
      for (let f = offsets[q]!, end = offsets[q + 1]!; f < end; f++) {
        const j = targets[f]!
        if (j === i || Number.isNaN(pi[j]!)) continue
        const s = mult[f]!
        indirect[j]! += (piq * s) / sumOf[q]!
        redundancy[j]! += (piq * s) / maxOf[j]!
      }
    }
    let c = 0
    let es = 0
    for (let e = lo; e < hi; e++) {
      const j = targets[e]!
      const x = pi[j]! + indirect[j]!
      indirect[j] = x * x // now the dyadic constraint c_ij
      c += x * x
      es += 1 - redundancy[j]!
    }
    constraint[i] = c
    effectiveSize[i] = es
    efficiency[i] = es / k
    if (k >= 2 && c > 0) {
      let h = 0
      for (let e = lo; e < hi; e++) {
        const r = indirect[targets[e]!]! / (c / k)
        if (r > 0) h += r * Math.log(r)
      }
      hierarchy[i] = h / (k * Math.log(k))
    }
    for (let e = lo; e < hi; e++) pi[targets[e]!] = NaN
  }
  return { constraint, effectiveSize, efficiency, hierarchy }
}

/**
 * Dyadic constraint of node i: c_ij = (p_ij + Σ_q p_iq p_qj)² for each neighbour j, the part of
 * i's constraint that j accounts for. Returns parallel arrays of neighbours and values.
 */
export function dyadicConstraint(
  g: Graph,
  i: number,
  opts: StructuralHolesOptions = {},
): { alters: Int32Array; values: Float64Array } {
  const { offsets, targets, mult } = g.skeleton()
  const lo = offsets[i]!
  const hi = offsets[i + 1]!
  const alters = targets.slice(lo, hi)
  const inN = new Set(alters)
  const rowTotal = (q: number): number => {
    let s = 0
    for (let f = offsets[q]!; f < offsets[q + 1]!; f++)
      if (opts.model !== 'ego' || targets[f] === i || inN.has(targets[f]!)) s += mult[f]!
    return s
  }
  const own = rowTotal(i)
  const p = (q: number, j: number, total: number): number => {
    for (let f = offsets[q]!; f < offsets[q + 1]!; f++) if (targets[f] === j) return mult[f]! / total
    return 0
  }
  const values = new Float64Array(alters.length)
  alters.forEach((j, k) => {
    let x = p(i, j, own)
    for (const q of alters) if (q !== j) x += p(i, q, own) * p(q, j, rowTotal(q))
    values[k] = x * x
  })
  return { alters, values }
}

/**
 * Burt's constraint alone (NaN for nodes without neighbours): the sums of
 * {@link structuralHoles} without effective size and hierarchy, in a leaner loop.
 */
export function constraint(g: Graph): Float64Array {
  const { offsets, targets, mult } = g.skeleton()
  const n = g.n
  const out = new Float64Array(n).fill(NaN)
  const invSum = new Float64Array(n) // 1 / Σ_k s_ik
  for (let v = 0; v < n; v++) {
    let s = 0
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) s += mult[e]!
    if (s > 0) invSum[v] = 1 / s
  }
  // x[j] = p_ij + Σ_q p_iq p_qj for the neighbours j of the current node i (mark[j] === i);
  // p_iq is taken from i's own row, never from x, so the sums can grow in place
  const x = new Float64Array(n)
  const mark = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    const lo = offsets[i]!
    const hi = offsets[i + 1]!
    if (lo === hi) continue
    const own = invSum[i]!
    for (let e = lo; e < hi; e++) {
      const j = targets[e]!
      mark[j] = i
      x[j] = mult[e]! * own
    }
    for (let e = lo; e < hi; e++) {
      const q = targets[e]!
      const w = mult[e]! * own * invSum[q]!
      for (let f = offsets[q]!, end = offsets[q + 1]!; f < end; f++) {
        const j = targets[f]!
        if (mark[j] === i) x[j]! += w * mult[f]!
      }
    }
    let c = 0
    for (let e = lo; e < hi; e++) {
      const v = x[targets[e]!]!
      c += v * v
    }
    out[i] = c
  }
  return out
}
