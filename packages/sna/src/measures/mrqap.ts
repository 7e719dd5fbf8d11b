// Multiple regression QAP (MRQAP) with Dekker, Krackhardt & Snijders' (2007) double semi-partialling.
//
// The dependent relation's cells y_ij (ordered pairs i≠j) are regressed by ordinary least squares
// on the cells of one or more predictor relations, with an intercept: coefficients, standard
// errors, t-values and R². Significance by permutation: for each predictor X_k, its residual
// after regressing it on the other predictors is permuted (rows and columns together) and y is
// regressed on the other predictors plus the permuted residual; the p-value is the share of
// permutations whose t-value is at least as extreme as the observed one (Dekker's DSP, robust to
// collinear predictors; UCINET's and R sna `netlm(nullhyp = "qapspp")` method). Seeded.
// Relations are matched to the dependent one by node id.

import type { Graph } from '../graph.js'
import { mulberry32 } from '../random.js'

export interface MrqapOptions {
  permutations?: number
  seed?: number
  /** Use tie weights as cell values (default false: 0/1). */
  weight?: boolean
}

export interface MrqapCoefficient {
  /** 'intercept' or the predictor's relation name (or its position when unnamed). */
  name: string
  estimate: number
  standardError: number
  t: number
  /** Permutation p-values: two-sided, and the share with t ≥ / ≤ the observed t. NaN for the intercept. */
  pTwoSided: number
  pGreater: number
  pLess: number
}

export interface MrqapResult {
  coefficients: MrqapCoefficient[]
  r2: number
  adjustedR2: number
  /** Number of cells (ordered pairs i≠j). */
  observations: number
  permutations: number
}

function cells(g: Graph, order: Int32Array, weight: boolean): Float64Array {
  // order[i] = index in g of the i-th node of the dependent relation
  const n = order.length
  const back = new Int32Array(g.n).fill(-1)
  for (let i = 0; i < n; i++) back[order[i]!] = i
  const M = new Float64Array(n * n)
  for (let e = 0; e < g.m; e++) {
    const s = back[g.tieSource[e]!]!
    const t = back[g.tieTarget[e]!]!
    if (s < 0 || t < 0) continue
    const w = weight ? g.tieWeight[e]! : 1
    M[s * n + t] = w
    if (!g.directed) M[t * n + s] = w
  }
  return M
}

/** Solves A x = b for a small symmetric positive definite A (Gaussian elimination with pivoting); returns A⁻¹ too. */
function inverse(A: Float64Array, p: number): Float64Array | null {
  const M = new Float64Array(p * 2 * p)
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) M[i * 2 * p + j] = A[i * p + j]!
    M[i * 2 * p + p + i] = 1
  }
  for (let c = 0; c < p; c++) {
    let piv = c
    for (let r = c + 1; r < p; r++) if (Math.abs(M[r * 2 * p + c]!) > Math.abs(M[piv * 2 * p + c]!)) piv = r
    if (Math.abs(M[piv * 2 * p + c]!) < 1e-12) return null
    if (piv !== c)
      for (let k = 0; k < 2 * p; k++) [M[c * 2 * p + k], M[piv * 2 * p + k]] = [M[piv * 2 * p + k]!, M[c * 2 * p + k]!]
    const d = M[c * 2 * p + c]!
    for (let k = 0; k < 2 * p; k++) M[c * 2 * p + k]! /= d
    for (let r = 0; r < p; r++) {
      if (r === c) continue
      const f = M[r * 2 * p + c]!
      if (f !== 0) for (let k = 0; k < 2 * p; k++) M[r * 2 * p + k]! -= f * M[c * 2 * p + k]!
    }
  }
  const inv = new Float64Array(p * p)
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) inv[i * p + j] = M[i * 2 * p + p + j]!
  return inv
}

interface Fit {
  beta: Float64Array
  se: Float64Array
  sse: number
}

/** OLS of y on columns (each a function of the cell index) with an intercept first. */
function ols(y: Float64Array, columns: Float64Array[], idx: Int32Array): Fit | null {
  const p = columns.length + 1
  const N = idx.length
  const XtX = new Float64Array(p * p)
  const Xty = new Float64Array(p)
  const row = new Float64Array(p)
  for (let k = 0; k < N; k++) {
    const c = idx[k]!
    row[0] = 1
    for (let j = 1; j < p; j++) row[j] = columns[j - 1]![c]!
    const yy = y[c]!
    for (let a = 0; a < p; a++) {
      Xty[a]! += row[a]! * yy
      for (let b = a; b < p; b++) XtX[a * p + b]! += row[a]! * row[b]!
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) XtX[a * p + b] = XtX[b * p + a]!
  const inv = inverse(XtX, p)
  if (!inv) return null
  const beta = new Float64Array(p)
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) beta[a]! += inv[a * p + b]! * Xty[b]!
  let sse = 0
  for (let k = 0; k < N; k++) {
    const c = idx[k]!
    let fit = beta[0]!
    for (let j = 1; j < p; j++) fit += beta[j]! * columns[j - 1]![c]!
    sse += (y[c]! - fit) ** 2
  }
  const sigma2 = sse / Math.max(1, N - p)
  const se = Float64Array.from({ length: p }, (_, a) => Math.sqrt(Math.max(0, sigma2 * inv[a * p + a]!)))
  return { beta, se, sse }
}

/**
 * MRQAP regression of a relation on predictor relations, with DSP permutation p-values.
 *
 * @example
 * const r = mrqap(collaboration, [sameSector, command], { permutations: 2000, seed: 1 })
 * r.coefficients[1].estimate, r.coefficients[1].pTwoSided, r.r2
 */
export function mrqap(y: Graph, predictors: readonly Graph[], opts: MrqapOptions = {}): MrqapResult {
  const permutations = opts.permutations ?? 1000
  const weight = opts.weight ?? false
  if (predictors.length === 0) throw new RangeError('mrqap needs at least one predictor relation')
  if (!(Number.isInteger(permutations) && permutations > 0))
    throw new RangeError(`permutations must be a whole number > 0, got ${permutations}`)
  const n = y.n
  const ids = y.nodes.ids
  const orderOf = (g: Graph): Int32Array =>
    Int32Array.from(ids, (id) => {
      const k = g.nodes.find(id)
      if (k === undefined) throw new RangeError(`relation "${g.relation}" has no node "${id}"`)
      return k
    })
  const Y = cells(y, orderOf(y), weight)
  const X = predictors.map((g) => cells(g, orderOf(g), weight))
  const idx = new Int32Array(n * (n - 1))
  let c = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) idx[c++] = i * n + j
  const N = idx.length
  const full = ols(Y, X, idx)
  if (!full) throw new RangeError('the predictors are collinear (or constant): the regression has no unique solution')
  let mean = 0
  for (let k = 0; k < N; k++) mean += Y[idx[k]!]!
  mean /= N
  let sst = 0
  for (let k = 0; k < N; k++) sst += (Y[idx[k]!]! - mean) ** 2
  const p = X.length + 1
  const r2 = sst > 0 ? 1 - full.sse / sst : NaN
  const adjustedR2 = sst > 0 ? 1 - ((1 - r2) * (N - 1)) / (N - p) : NaN
  const rnd = mulberry32(opts.seed ?? 1)
  const coefficients: MrqapCoefficient[] = [
    {
      name: 'intercept',
      estimate: full.beta[0]!,
      standardError: full.se[0]!,
      t: full.beta[0]! / full.se[0]!,
      pTwoSided: NaN,
      pGreater: NaN,
      pLess: NaN,
    },
  ]
  const perm = new Int32Array(n)
  const permuted = new Float64Array(n * n)
  X.forEach((xk, k) => {
    const others = X.filter((_, j) => j !== k)
    // residual of X_k on the other predictors
    const aux = others.length > 0 ? ols(xk, others, idx) : ols(xk, [], idx)
    const resid = new Float64Array(n * n)
    for (let q = 0; q < N; q++) {
      const cell = idx[q]!
      let fit = aux!.beta[0]!
      others.forEach((o, j) => (fit += aux!.beta[j + 1]! * o[cell]!))
      resid[cell] = xk[cell]! - fit
    }
    const tObs = full.beta[k + 1]! / full.se[k + 1]!
    let ge = 0
    let le = 0
    let two = 0
    const eps = 1e-10 * Math.max(1, Math.abs(tObs))
    for (let r = 0; r < permutations; r++) {
      for (let i = 0; i < n; i++) perm[i] = i
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1))
        const x = perm[i]!
        perm[i] = perm[j]!
        perm[j] = x
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) permuted[i * n + j] = resid[perm[i]! * n + perm[j]!]!
      const f = ols(Y, [...others, permuted], idx)
      const t = f ? f.beta[p - 1]! / f.se[p - 1]! : 0
      if (t >= tObs - eps) ge++
      if (t <= tObs + eps) le++
      if (Math.abs(t) >= Math.abs(tObs) - eps) two++
    }
    coefficients.push({
      name: predictors[k]!.relation || String(k + 1),
      estimate: full.beta[k + 1]!,
      standardError: full.se[k + 1]!,
      t: tObs,
      pTwoSided: two / permutations,
      pGreater: ge / permutations,
      pLess: le / permutations,
    })
  })
  return { coefficients, r2, adjustedR2, observations: N, permutations }
}
