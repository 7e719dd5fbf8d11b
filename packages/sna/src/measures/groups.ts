// Group-level measures by a node attribute or partition: E-I index, modularity, brokerage roles, core–periphery fit, QAP correlation.
//
// E-I index (Krackhardt & Stern 1988): (E − I)/(E + I), E = ties (arcs if directed) between
// groups, I = within; −1 = closed groups, +1 = only cross-group ties. Modularity: undirected
// Q = (1/2m) Σ_ij [A_ij − k_i k_j/2m] δ(g_i,g_j); directed (Leicht & Newman 2008)
// Q = (1/m) Σ_ij [A_ij − k_i^out k_j^in/m] δ(g_i,g_j); weighted: A → W, m → total weight, degrees →
// strengths (igraph `modularity`). Brokerage (Gould & Fernandez 1989, R sna `brokerage` raw
// counts): for v, ordered pairs (a,c), a≠c, with a→v→c and no a→c, by the groups of a, v, c.
// Core–periphery fit (Borgatti & Everett 1999, discrete model, given partition): Pearson
// correlation over ordered pairs i≠j between a_ij and the ideal pattern (δ_ij = 1 when i or j is
// core; the "missing CP" variant leaves core–periphery pairs out, δ = 1 only when both are core).
// QAP correlation (R sna `gcor`): Pearson correlation of two adjacency matrices over i≠j.

import type { Graph } from '../graph.js'

/** Group number of every node from attribute values (values compared as strings; null is a group of its own). */
export function groupsOf(values: ArrayLike<string | number | null>): { membership: Int32Array; names: string[] } {
  const names: string[] = []
  const index = new Map<string, number>()
  const membership = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const key = values[i] === null ? '' : String(values[i])
    let k = index.get(key)
    if (k === undefined) {
      k = names.length
      names.push(key)
      index.set(key, k)
    }
    membership[i] = k
  }
  return { membership, names }
}

export interface EiResult {
  external: number
  internal: number
  /** (E − I)/(E + I); NaN when there is no tie. */
  ei: number
}

/**
 * E-I index of a partition.
 *
 * @example
 * eiIndex(edges('a-b b-c'), [0, 0, 1]) // { external: 1, internal: 1, ei: 0 }
 */
export function eiIndex(g: Graph, membership: ArrayLike<number>): EiResult {
  let external = 0
  let internal = 0
  for (let e = 0; e < g.m; e++) {
    if (membership[g.tieSource[e]!] === membership[g.tieTarget[e]!]) internal++
    else external++
  }
  const total = external + internal
  return { external, internal, ei: total === 0 ? NaN : (external - internal) / total }
}

/** Newman modularity of a partition (Leicht–Newman for directed graphs); binary unless `weight`. */
export function modularity(g: Graph, membership: ArrayLike<number>, opts: { weight?: boolean } = {}): number {
  const n = g.n
  let groups = 0
  for (let i = 0; i < n; i++) if (membership[i]! + 1 > groups) groups = membership[i]! + 1
  const outSum = new Float64Array(groups)
  const inSum = new Float64Array(groups)
  let total = 0
  let inside = 0
  for (let e = 0; e < g.m; e++) {
    const w = opts.weight ? g.tieWeight[e]! : 1
    const a = membership[g.tieSource[e]!]!
    const b = membership[g.tieTarget[e]!]!
    total += w
    outSum[a]! += w
    inSum[b]! += w
    if (!g.directed) {
      outSum[b]! += w
      inSum[a]! += w
    }
    if (a === b) inside += w
  }
  if (total === 0) return NaN
  let q = 0
  if (g.directed) {
    q = inside / total
    for (let c = 0; c < groups; c++) q -= (outSum[c]! * inSum[c]!) / (total * total)
  } else {
    const twoM = 2 * total
    q = (2 * inside) / twoM
    for (let c = 0; c < groups; c++) q -= (outSum[c]! / twoM) * (outSum[c]! / twoM)
  }
  return q
}

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number]

/**
 * Gould–Fernandez brokerage roles of every node (directed graphs): counts per role, row-major
 * n × 5 in the order of BROKERAGE_ROLES.
 */
export function brokerage(g: Graph, membership: ArrayLike<number>): Float64Array {
  const n = g.n
  const out = new Float64Array(n * 5)
  for (let v = 0; v < n; v++) {
    const gv = membership[v]!
    for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) {
      const a = g.inSources[e]!
      const ga = membership[a]!
      for (let f = g.outOffsets[v]!; f < g.outOffsets[v + 1]!; f++) {
        const c = g.outTargets[f]!
        if (c === a || g.hasTie(a, c)) continue
        const gc = membership[c]!
        let role: number
        if (ga === gv && gv === gc) role = 0
        else if (ga === gc) role = 1
        else if (ga === gv) role = 2
        else if (gv === gc) role = 3
        else role = 4
        out[v * 5 + role]!++
      }
    }
  }
  return out
}

/** Pearson correlation of two equally long sequences given by an accessor; NaN when one is constant. */
function pearson(count: number, x: (k: number) => number, y: (k: number) => number): number {
  let sx = 0
  let sy = 0
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let k = 0; k < count; k++) {
    const a = x(k)
    const b = y(k)
    sx += a
    sy += b
    sxx += a * a
    syy += b * b
    sxy += a * b
  }
  const cov = sxy - (sx * sy) / count
  const vx = sxx - (sx * sx) / count
  const vy = syy - (sy * sy) / count
  return vx <= 0 || vy <= 0 ? NaN : cov / Math.sqrt(vx * vy)
}

/**
 * Core–periphery fit of a given partition (discrete model): correlation of the adjacency matrix
 * with the ideal core–periphery pattern. `missingCP` leaves core–periphery pairs out.
 */
export function corePeripheryFit(g: Graph, isCore: ArrayLike<boolean>, opts: { missingCP?: boolean } = {}): number {
  const n = g.n
  // pairs i≠j in row-major order, skipping core–periphery pairs when asked
  const rows: number[] = []
  const cols: number[] = []
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      if (opts.missingCP && isCore[i] !== isCore[j]) continue
      rows.push(i)
      cols.push(j)
    }
  return pearson(
    rows.length,
    (k) => (g.hasTie(rows[k]!, cols[k]!) ? 1 : 0),
    (k) => (opts.missingCP ? (isCore[rows[k]!] ? 1 : 0) : isCore[rows[k]!] || isCore[cols[k]!] ? 1 : 0),
  )
}

/**
 * QAP graph correlation of two relations over the same nodes (`map[i]` = index in `h` of node i
 * of `g`): Pearson correlation of the (binary, or weighted) adjacency matrices over pairs i≠j.
 */
export function qapCorrelation(g: Graph, h: Graph, map: ArrayLike<number>, opts: { weight?: boolean } = {}): number {
  const n = g.n
  const x = new Float64Array(n * n)
  const y = new Float64Array(n * n)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    const w = opts.weight ? g.tieWeight[e]! : 1
    x[s * n + t] = w
    if (!g.directed) x[t * n + s] = w
  }
  const back = new Int32Array(h.n).fill(-1)
  for (let i = 0; i < n; i++) back[map[i]!] = i
  for (let e = 0; e < h.m; e++) {
    const s = back[h.tieSource[e]!]!
    const t = back[h.tieTarget[e]!]!
    if (s < 0 || t < 0) continue
    const w = opts.weight ? h.tieWeight[e]! : 1
    y[s * n + t] = w
    if (!h.directed) y[t * n + s] = w
  }
  const idx: number[] = []
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) idx.push(i * n + j)
  return pearson(
    idx.length,
    (k) => x[idx[k]!]!,
    (k) => y[idx[k]!]!,
  )
}
