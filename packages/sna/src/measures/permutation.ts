// Permutation tests: QAP correlation with p-values (Krackhardt 1987) and the E-I index test (UCINET).
//
// QAP: the rows and columns of the second relation's matrix are permuted together (nodes are
// relabelled at random), which keeps each matrix's structure while breaking any link between
// the two; the p-values are the shares of permutations whose correlation is at least (at most,
// at least in absolute value) the observed one, as R sna `qaptest` reports them. E-I test: the
// group labels are shuffled among the nodes (group sizes kept) and the E-I index recomputed.
// Both are seeded: the same seed gives the same p-values. Per-group and per-node E-I indices
// (UCINET's "group level" and "individual level") sit beside the whole-network value.

import type { Graph } from '../graph.js'
import { eiIndex } from './groups.js'
import { mulberry32, shuffle } from '../random.js'
import { withDefaults } from '../options.js'

export interface PermutationOptions {
  /** Number of random permutations (default 1000). */
  permutations?: number
  /** Seed of the permutations (default 1). */
  seed?: number
}

export const PERMUTATION_DEFAULTS = { permutations: 1000, seed: 1 } as const

export interface PermutationResult {
  observed: number
  /** Share of permutations with a value ≥ the observed one. */
  pGreater: number
  /** Share of permutations with a value ≤ the observed one. */
  pLess: number
  /** Share of permutations with |value| ≥ |observed| (for E-I: |value − mean| ≥ |observed − mean|). */
  pTwoSided: number
  /** Mean and standard deviation of the permuted values. */
  mean: number
  sd: number
  permutations: number
}

/** A seeded Fisher–Yates shuffler. */
function shuffler(seed: number): (a: Int32Array) => void {
  const next = mulberry32(seed)
  return (a) => shuffle(a, next)
}

function summarise(observed: number, values: Float64Array, centred: boolean): PermutationResult {
  const k = values.length
  let mean = 0
  for (const v of values) mean += v
  mean /= k
  let ss = 0
  for (const v of values) ss += (v - mean) ** 2
  const eps = 1e-12 * Math.max(1, Math.abs(observed))
  let ge = 0
  let le = 0
  let two = 0
  const ref = centred ? mean : 0
  for (const v of values) {
    if (v >= observed - eps) ge++
    if (v <= observed + eps) le++
    if (Math.abs(v - ref) >= Math.abs(observed - ref) - eps) two++
  }
  return {
    observed,
    pGreater: ge / k,
    pLess: le / k,
    pTwoSided: two / k,
    mean,
    sd: k > 1 ? Math.sqrt(ss / (k - 1)) : 0,
    permutations: k,
  }
}

/** Dense n×n matrix of a relation (binary or weighted); undirected ties fill both cells. */
function dense(g: Graph, weight: boolean, map?: ArrayLike<number>): Float64Array {
  const n = map ? map.length : g.n
  const back = new Int32Array(g.n).fill(-1)
  if (map) for (let i = 0; i < n; i++) back[map[i]!] = i
  else for (let i = 0; i < n; i++) back[i] = i
  const x = new Float64Array(n * n)
  for (let e = 0; e < g.m; e++) {
    const s = back[g.tieSource[e]!]!
    const t = back[g.tieTarget[e]!]!
    if (s < 0 || t < 0) continue
    const w = weight ? g.tieWeight[e]! : 1
    x[s * n + t] = w
    if (!g.directed) x[t * n + s] = w
  }
  return x
}

/** Pearson correlation over i≠j of x and y permuted by p (y[p[i]][p[j]]). */
function permutedCorrelation(x: Float64Array, y: Float64Array, n: number, p: Int32Array): number {
  let sx = 0
  let sy = 0
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const pi = p[i]! * n
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      const a = x[i * n + j]!
      const b = y[pi + p[j]!]!
      sx += a
      sy += b
      sxx += a * a
      syy += b * b
      sxy += a * b
    }
  }
  const c = n * (n - 1)
  const cov = sxy - (sx * sy) / c
  const vx = sxx - (sx * sx) / c
  const vy = syy - (sy * sy) / c
  return vx <= 0 || vy <= 0 ? NaN : cov / Math.sqrt(vx * vy)
}

/**
 * QAP correlation test of two relations over the same nodes (`map[i]` = index in `h` of node
 * i of `g`).
 *
 * @example
 * qapTest(marriage, business, map, { permutations: 2000, seed: 7 }).pGreater
 */
export function qapTest(
  g: Graph,
  h: Graph,
  map: ArrayLike<number>,
  opts: PermutationOptions & { weight?: boolean } = {},
): PermutationResult {
  const o = withDefaults(PERMUTATION_DEFAULTS, opts)
  if (!(Number.isInteger(o.permutations) && o.permutations > 0))
    throw new RangeError(`permutations must be a whole number > 0, got ${o.permutations}`)
  const n = g.n
  const x = dense(g, o.weight ?? false)
  const y = dense(h, o.weight ?? false, map)
  const p = Int32Array.from({ length: n }, (_, i) => i)
  const observed = permutedCorrelation(x, y, n, p)
  const shuffle = shuffler(o.seed)
  const values = new Float64Array(o.permutations)
  for (let k = 0; k < o.permutations; k++) {
    shuffle(p)
    values[k] = permutedCorrelation(x, y, n, p)
  }
  return summarise(observed, values, false)
}

export interface EiDetail {
  /** E-I index of each group: ties from its members to other groups vs ties among its members. */
  groups: { external: number; internal: number; ei: number }[]
  /** E-I index of each node: its ties to other groups vs to its own group (NaN without ties). */
  nodes: Float64Array
}

/** E-I index per group and per node (UCINET's group and individual levels). */
export function eiDetail(g: Graph, membership: ArrayLike<number>): EiDetail {
  let count = 0
  for (let i = 0; i < g.n; i++) count = Math.max(count, membership[i]! + 1)
  const ext = new Float64Array(count)
  const int = new Float64Array(count)
  const nodeExt = new Float64Array(g.n)
  const nodeInt = new Float64Array(g.n)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    const a = membership[s]!
    const b = membership[t]!
    if (a === b) {
      int[a]!++
      nodeInt[s]!++
      nodeInt[t]!++
    } else {
      ext[a]!++
      ext[b]!++
      nodeExt[s]!++
      nodeExt[t]!++
    }
  }
  const ei = (e: number, i: number): number => (e + i === 0 ? NaN : (e - i) / (e + i))
  return {
    groups: Array.from({ length: count }, (_, c) => ({
      external: ext[c]!,
      internal: int[c]!,
      ei: ei(ext[c]!, int[c]!),
    })),
    nodes: Float64Array.from({ length: g.n }, (_, i) => ei(nodeExt[i]!, nodeInt[i]!)),
  }
}

/**
 * Permutation test of the whole-network E-I index: group labels shuffled among the nodes.
 *
 * @example
 * eiTest(g, membership, { seed: 1 }).pLess // is the network more closed than chance?
 */
export function eiTest(g: Graph, membership: ArrayLike<number>, opts: PermutationOptions = {}): PermutationResult {
  const o = withDefaults(PERMUTATION_DEFAULTS, opts)
  if (!(Number.isInteger(o.permutations) && o.permutations > 0))
    throw new RangeError(`permutations must be a whole number > 0, got ${o.permutations}`)
  const labels = Int32Array.from(membership)
  const observed = eiIndex(g, labels).ei
  const shuffle = shuffler(o.seed)
  const values = new Float64Array(o.permutations)
  for (let k = 0; k < o.permutations; k++) {
    shuffle(labels)
    values[k] = eiIndex(g, labels).ei
  }
  return summarise(observed, values, true)
}
