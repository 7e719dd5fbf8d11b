// Factions (UCINET): 派系划分 — a partition into k groups as close as possible to "all tied inside, none between".
//
// Fit = Pearson correlation over ordered pairs i≠j between a_ij (binary; a directed graph's arcs
// as they are, so a reciprocated pair counts twice) and the ideal δ_ij = 1 when i and j are in
// the same group. For binary data it depends only on the number of same-group pairs and of ties
// inside groups, so moving one node is scored in O(1) from its tie counts per group. Seeded
// local search: random starts with every group non-empty, best single move that keeps k groups
// until none helps; the best fit over the starts wins. Groups are numbered by first member.

import type { Graph } from '../graph.js'
import { mulberry32, shuffle } from '../random.js'

export interface Factions {
  membership: Int32Array
  count: number
  /** Correlation with the ideal block-diagonal pattern (NaN when undefined). */
  fit: number
}

function corr(N: number, A: number, S: number, AS: number): number {
  const den = (N * A - A * A) * (N * S - S * S)
  return den > 0 ? (N * AS - A * S) / Math.sqrt(den) : NaN
}

/**
 * Partition into k factions.
 *
 * @example
 * factions(g, 2, { seed: 1 }).membership
 */
export function factions(g: Graph, k: number, opts: { seed?: number; restarts?: number } = {}): Factions {
  const n = g.n
  if (!(Number.isInteger(k) && k >= 2 && k <= n))
    throw new RangeError(`k must be a whole number from 2 to ${n}, got ${k}`)
  const restarts = opts.restarts ?? 20
  const { offsets, targets, mult } = g.skeleton()
  const N = n * (n - 1)
  let A = 0
  for (let e = 0; e < mult.length; e++) A += mult[e]!
  A /= 2 // ordered-pair arcs
  const rnd = mulberry32(opts.seed ?? 1)
  const toGroup = new Float64Array(n * k) // a_vu + a_uv summed over members u of each group
  const size = new Float64Array(k)
  let best: Int32Array | null = null
  let bestFit = -Infinity
  for (let r = 0; r < restarts; r++) {
    // a random start with every group non-empty: the first k of a random order found the groups
    const order = Int32Array.from({ length: n }, (_, i) => i)
    shuffle(order, rnd)
    const m = new Int32Array(n)
    for (let i = 0; i < n; i++) m[order[i]!] = i < k ? i : Math.floor(rnd() * k)
    size.fill(0)
    toGroup.fill(0)
    for (let v = 0; v < n; v++) size[m[v]!]!++
    let S = 0
    for (let c = 0; c < k; c++) S += size[c]! * (size[c]! - 1)
    let AS = 0
    for (let v = 0; v < n; v++)
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        toGroup[v * k + m[targets[e]!]!]! += mult[e]!
        if (m[targets[e]!] === m[v]) AS += mult[e]!
      }
    AS /= 2
    let fit = corr(N, A, S, AS)
    for (;;) {
      let bv = -1
      let bg = -1
      let bf = Number.isNaN(fit) ? -Infinity : fit
      for (let v = 0; v < n; v++) {
        const g0 = m[v]!
        if (size[g0] === 1) continue // keep k groups
        for (let h = 0; h < k; h++) {
          if (h === g0) continue
          const S2 = S - 2 * (size[g0]! - 1) + 2 * size[h]!
          const AS2 = AS - toGroup[v * k + g0]! + toGroup[v * k + h]!
          const f = corr(N, A, S2, AS2)
          if (f > bf + 1e-12) {
            bf = f
            bv = v
            bg = h
          }
        }
      }
      if (bv < 0) break
      const g0 = m[bv]!
      S += -2 * (size[g0]! - 1) + 2 * size[bg]!
      AS += -toGroup[bv * k + g0]! + toGroup[bv * k + bg]!
      size[g0]!--
      size[bg]!++
      m[bv] = bg
      for (let e = offsets[bv]!; e < offsets[bv + 1]!; e++) {
        const u = targets[e]!
        toGroup[u * k + g0]! -= mult[e]!
        toGroup[u * k + bg]! += mult[e]!
      }
      fit = bf
    }
    if (fit > bestFit + 1e-12) {
      bestFit = fit
      best = m
    }
  }
  // number groups by first member
  const membership = best ?? new Int32Array(n)
  const renum = new Int32Array(k).fill(-1)
  let count = 0
  for (let v = 0; v < n; v++) {
    const c = membership[v]!
    if (renum[c] === -1) renum[c] = count++
    membership[v] = renum[c]!
  }
  return { membership, count, fit: bestFit === -Infinity ? NaN : bestFit }
}
