// Eigenvector centrality: 特征向量中心性.
//
// x with λ₁x = Aᵀx (x_v ∝ Σ_{u→v} x_u: scores flow along ties, the networkx/igraph "left"
// vector; R sna returns the right one), λ₁ the largest eigenvalue of the binary adjacency
// matrix, x ≥ 0, ‖x‖₂ = 1. Undefined (null) when λ₁ = 0 (e.g. acyclic digraphs) or when λ₁
// is not simple (two strongly connected parts with the same largest eigenvalue), where any
// answer would be arbitrary. Otherwise x is 0 outside the part the dominant component reaches.
// With several strongly connected parts that have cycles, the part with the most ties inside is
// tried first; it is the dominant one when every other part's degree bound (radius ≤ its largest
// in- and out-degree inside it) is below the λ found, else every part's spectral radius is
// computed. Undirected graphs: Lanczos (two-pass when the vectors do not fit 64 MB) from the
// all-ones vector on the dominant component, stopped when the Ritz residual ‖Ax − θx‖ is below
// 1e-12·θ: a few dozen products with A where power iteration needs hundreds, and it converges on
// lattices whose second eigenvalue is within 1e-4 of the first. Directed graphs: restarted
// Arnoldi (24 vectors), the Ritz pair found by inverse iteration from right of the spectrum,
// accepted at the same residual and only when the vector has one sign. Otherwise (a custom
// tolerance, no convergence): power iteration on (A + I)ᵀ, whose shift removes the oscillation of
// bipartite and periodic graphs, until the L1 change is below `tolerance`.

import type { Graph } from '../graph.js'
import { strongComponents } from './components.js'
import { withDefaults } from '../options.js'

export interface EigenvectorOptions {
  tolerance?: number
  maxIterations?: number
}

export const EIGENVECTOR_DEFAULTS = { tolerance: 1e-15, maxIterations: 100_000 } as const

/** Relative gap under which two component eigenvalues count as equal (λ₁ not simple). */
const SIMPLE_GAP = 1e-9

/**
 * Eigenvector centrality, or null when it is undefined (λ₁ = 0 or not simple).
 *
 * @example
 * eigenvector(edges('a-b b-c c-a')) // [0.577…, 0.577…, 0.577…]
 */
export function eigenvector(g: Graph, opts: EigenvectorOptions = {}): Float64Array | null {
  const o = withDefaults(EIGENVECTOR_DEFAULTS, opts)
  const n = g.n
  if (n === 0 || g.m === 0) return null
  // spectral radius of each strongly connected part (for undirected graphs: each component)
  const { membership, count } = strongComponents(g)
  const internal = internalTies(g, membership, count)
  let best = -1
  let cyclic = 0
  for (let c = 0; c < count; c++) {
    if (internal[c]! > 0) {
      cyclic++
      best = c
    }
  }
  if (cyclic === 0) return null // acyclic: λ₁ = 0
  if (cyclic > 1) {
    // several parts with cycles. First try the part with the most ties inside: when every other
    // cyclic part's degree bound (its radius ≤ its largest in- and out-degree inside it) is clearly
    // below the λ found, that part is the dominant one and λ₁ is simple.
    let most = -1
    for (let c = 0; c < count; c++) if (internal[c]! > 0 && (most < 0 || internal[c]! > internal[most]!)) most = c
    const x = dominantVector(g, membership, most, o)
    const lambda = spectralValue(g, x)
    const bound = degreeBounds(g, membership, count)
    let dominated = true
    for (let c = 0; c < count && dominated; c++) {
      if (c !== most && internal[c]! > 0 && bound[c]! >= lambda * (1 - 1e-6)) dominated = false
    }
    if (dominated) return x
    // otherwise compare the spectral radii of all parts
    const radius = componentRadii(g, membership, count, internal)
    best = -1
    let top = 0
    for (let c = 0; c < count; c++) {
      if (radius[c]! > top) {
        top = radius[c]!
        best = c
      }
    }
    if (best < 0 || top < 1e-9) return null
    for (let c = 0; c < count; c++) {
      if (c !== best && Math.abs(radius[c]! - top) <= SIMPLE_GAP * top) return null
    }
  }
  return dominantVector(g, membership, best, o)
}

/**
 * λ of a converged eigenvector x (unit length, non-negative): ‖Aᵀx‖.
 */
function spectralValue(g: Graph, x: Float64Array): number {
  let s = 0
  for (let v = 0; v < g.n; v++) {
    let acc = 0
    for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) acc += x[g.inSources[e]!]!
    s += acc * acc
  }
  return Math.sqrt(s)
}

/** An upper bound of each strongly connected part's spectral radius: min(largest in-degree, largest out-degree) inside it. */
function degreeBounds(g: Graph, membership: Int32Array, count: number): Float64Array {
  const maxIn = new Int32Array(count)
  const maxOut = new Int32Array(count)
  const inDeg = new Int32Array(g.n)
  for (let u = 0; u < g.n; u++) {
    const c = membership[u]!
    let out = 0
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) {
      const v = g.outTargets[e]!
      if (membership[v] === c) {
        out++
        inDeg[v]!++
      }
    }
    if (out > maxOut[c]!) maxOut[c] = out
  }
  for (let v = 0; v < g.n; v++) {
    const c = membership[v]!
    if (inDeg[v]! > maxIn[c]!) maxIn[c] = inDeg[v]!
  }
  const bound = new Float64Array(count)
  for (let c = 0; c < count; c++) bound[c] = Math.min(maxIn[c]!, maxOut[c]!)
  return bound
}

/** The eigenvector of the part `best` (assumed dominant) and of what it reaches: Lanczos, Arnoldi or power iteration. */
function dominantVector(g: Graph, membership: Int32Array, best: number, o: Required<EigenvectorOptions>): Float64Array {
  const n = g.n
  // started on the dominant component: A maps 0 to 0 elsewhere, so the vector stays inside it
  let x = new Float64Array(n)
  for (let v = 0; v < n; v++) if (membership[v] === best) x[v] = 1
  if (!g.directed && o.tolerance === EIGENVECTOR_DEFAULTS.tolerance) {
    const lanczos = symmetricLanczos(g, x, o.maxIterations)
    if (lanczos) return lanczos
  }
  if (g.directed && o.tolerance === EIGENVECTOR_DEFAULTS.tolerance) {
    const arnoldi = directedArnoldi(g, x)
    if (arnoldi) return arnoldi
  }
  // power iteration
  let y = new Float64Array(n)
  const inOff = g.inOffsets
  const inSrc = g.inSources
  normalize(x)
  for (let it = 0; it < o.maxIterations; it++) {
    for (let v = 0; v < n; v++) {
      let acc = x[v]!
      for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) acc += x[inSrc[e]!]!
      y[v] = acc
    }
    normalize(y)
    let change = 0
    for (let v = 0; v < n; v++) change += Math.abs(y[v]! - x[v]!)
    const t = x
    x = y
    y = t
    if (change < n * o.tolerance) break
  }
  return x
}

function normalize(x: Float64Array): void {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!
  s = Math.sqrt(s)
  if (s > 0) for (let i = 0; i < x.length; i++) x[i]! /= s
}

/** Largest eigenvalue of the adjacency matrix restricted to each component (power iteration). */
/** Ties inside each strongly connected part (a part without any has spectral radius 0). */
function internalTies(g: Graph, membership: Int32Array, count: number): Int32Array {
  const internal = new Int32Array(count)
  for (let u = 0; u < g.n; u++) {
    const c = membership[u]!
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) {
      if (membership[g.outTargets[e]!] === c) internal[c]!++
    }
  }
  return internal
}

function componentRadii(g: Graph, membership: Int32Array, count: number, internal: Int32Array): Float64Array {
  const n = g.n
  const radius = new Float64Array(count)
  // all components at once: iterate x ← (A_c + I)ᵀ x within components, track per-component norms
  let x = new Float64Array(n)
  let y = new Float64Array(n)
  for (let v = 0; v < n; v++) x[v] = 1
  const norm = new Float64Array(count)
  const prev = new Float64Array(count).fill(-1)
  const done = new Uint8Array(count)
  for (let c = 0; c < count; c++) if (internal[c] === 0) done[c] = 1 // radius 0
  let active = 0
  for (let c = 0; c < count; c++) if (!done[c]) active++
  for (let it = 0; it < 100_000 && active > 0; it++) {
    for (let v = 0; v < n; v++) {
      const c = membership[v]!
      if (done[c]) continue
      let acc = x[v]!
      for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) {
        const u = g.inSources[e]!
        if (membership[u] === c) acc += x[u]!
      }
      y[v] = acc
    }
    norm.fill(0)
    for (let v = 0; v < n; v++) {
      const c = membership[v]!
      if (!done[c]) norm[c]! += y[v]! * y[v]!
    }
    // Rayleigh-style estimate: ‖(A+I)x‖ / ‖x‖ with ‖x‖ = 1 after normalising
    for (let c = 0; c < count; c++) if (!done[c]) norm[c] = Math.sqrt(norm[c]!)
    for (let v = 0; v < n; v++) {
      const c = membership[v]!
      if (!done[c]) y[v] = norm[c]! > 0 ? y[v]! / norm[c]! : 0
    }
    const t = x
    x = y
    y = t
    if (it > 0) {
      for (let c = 0; c < count; c++) {
        if (done[c]) continue
        const est = norm[c]! - 1
        if (Math.abs(est - prev[c]!) <= 1e-13 * Math.max(1, est)) {
          radius[c] = est
          done[c] = 1
          active--
        } else prev[c] = est
      }
    } else {
      for (let c = 0; c < count; c++) if (!done[c]) prev[c] = norm[c]! - 1
      // first pass normalised a vector of ones: rescale so that ‖x‖ = 1 within each component
    }
  }
  for (let c = 0; c < count; c++) if (!done[c]) radius[c] = prev[c]!
  return radius
}

/** Relative residual ‖Ax − θx‖ / θ at which the Lanczos Ritz vector is accepted. */
const LANCZOS_RESIDUAL = 1e-12

/** Lanczos vectors kept (numbers) before switching to a second pass that regenerates them. */
const KEEP_BUDGET = 1 << 23

/**
 * The dominant eigenvector of a symmetric adjacency matrix by two-pass Lanczos: the first pass
 * keeps only the tridiagonal coefficients (α, β) and stops when the largest Ritz value's
 * residual estimate β_j·|y_j| is small; the second pass regenerates the same Lanczos vectors
 * (same arithmetic, same values) and adds them up with the Ritz weights y. Memory O(n), no
 * reorthogonalisation: the loss of orthogonality that plain Lanczos suffers shows up only after
 * a Ritz value has converged, and the run stops at that point. Null when it did not converge
 * within `maxSteps` (the caller falls back to power iteration).
 */
function symmetricLanczos(g: Graph, start: Float64Array, maxSteps: number): Float64Array | null {
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const alpha: number[] = []
  const beta: number[] = []
  let startNorm = 0
  for (let i = 0; i < n; i++) startNorm += start[i]! * start[i]!
  startNorm = Math.sqrt(startNorm)
  const limit = Math.min(maxSteps, 20_000)
  /** One Lanczos step: w = A v − α v − β_prev v_prev; returns α and ‖w‖, w left in `w`. */
  const step = (v: Float64Array, vPrev: Float64Array, betaPrev: number, w: Float64Array): [number, number] => {
    let a = 0
    for (let i = 0; i < n; i++) {
      let acc = 0
      for (let e = off[i]!, end = off[i + 1]!; e < end; e++) acc += v[tgt[e]!]!
      w[i] = acc
      a += acc * v[i]!
    }
    let b = 0
    for (let i = 0; i < n; i++) {
      const r = w[i]! - a * v[i]! - betaPrev * vPrev[i]!
      w[i] = r
      b += r * r
    }
    return [a, Math.sqrt(b)]
  }
  // pass 1: coefficients only. The residual estimate falls steadily until the Ritz value has
  // converged; after that plain Lanczos loses orthogonality and the estimate jumps about, so
  // the run keeps the best step seen and stops once the estimate has been far above it.
  let v = new Float64Array(n)
  for (let i = 0; i < n; i++) v[i] = start[i]! / startNorm
  let vPrev = new Float64Array(n)
  let w = new Float64Array(n)
  let betaPrev = 0
  // the Lanczos vectors themselves while they fit the budget (then no second pass is needed)
  let kept: Float64Array[] | null = [v]
  let theta = -Infinity
  let bestK = 0
  let bestResidual = Infinity
  for (let j = 0; j < limit; j++) {
    const [a, b] = step(v, vPrev, betaPrev, w)
    alpha.push(a)
    beta.push(b)
    const k = j + 1
    // Ritz values grow with k, each by at most the new coupling: bracket the next one
    theta = largestEigenvalue(alpha, beta, k, Number.isFinite(theta) ? theta : null)
    const invariant = b <= 1e-14 * Math.abs(theta) + Number.MIN_VALUE
    if (invariant || k >= 4) {
      const y = tridiagonalEigenvector(alpha, beta, k, theta)
      const residual = invariant ? 0 : Math.abs(b * y[k - 1]!) / Math.abs(theta)
      if (residual < bestResidual) {
        bestResidual = residual
        bestK = k
      }
      if (residual <= LANCZOS_RESIDUAL) break
      if (bestResidual <= 1e-9 && residual > 1e3 * bestResidual) break
    }
    const t = vPrev
    vPrev = v
    v = w
    for (let i = 0; i < n; i++) v[i]! /= b
    betaPrev = b
    if (kept) {
      if ((kept.length + 1) * n <= KEEP_BUDGET) kept.push(v)
      else kept = null
    }
    w = kept ? new Float64Array(n) : t
  }
  if (bestResidual > 1e-9) return null
  const ritz = tridiagonalEigenvector(alpha, beta, bestK, largestEigenvalue(alpha, beta, bestK, null))
  const x = new Float64Array(n)
  if (kept && kept.length >= ritz.length) {
    for (let j = 0; j < ritz.length; j++) {
      const y = ritz[j]!
      const vj = kept[j]!
      for (let i = 0; i < n; i++) x[i]! += y * vj[i]!
    }
    return perron(x)
  }
  // pass 2: the same vectors again, summed with the Ritz weights
  v = new Float64Array(n)
  for (let i = 0; i < n; i++) v[i] = start[i]! / startNorm
  vPrev = new Float64Array(n)
  w = new Float64Array(n)
  betaPrev = 0
  for (let j = 0; j < ritz.length; j++) {
    const y = ritz[j]!
    for (let i = 0; i < n; i++) x[i]! += y * v[i]!
    if (j + 1 === ritz.length) break
    const [, b] = step(v, vPrev, betaPrev, w)
    const t = vPrev
    vPrev = v
    v = w
    w = t
    for (let i = 0; i < n; i++) v[i]! /= b
    betaPrev = b
  }
  return perron(x)
}

/** The Perron vector is non-negative: fixes the sign, drops rounding below zero, unit length. */
function perron(x: Float64Array): Float64Array {
  const n = x.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += x[i]!
  const sign = sum < 0 ? -1 : 1
  for (let i = 0; i < n; i++) {
    const xi = sign * x[i]!
    x[i] = xi > 0 ? xi : 0
  }
  normalize(x)
  return x
}

/**
 * Largest eigenvalue of the leading k × k block of the symmetric tridiagonal matrix (diagonal
 * α, off-diagonal β), by bisection on Sturm counts; `previous`, the largest eigenvalue of the
 * (k−1) block, narrows the bracket (interlacing: it lies between that and max(it, α_k) + β_k−1).
 */
function largestEigenvalue(alpha: number[], beta: number[], k: number, previous: number | null): number {
  let lo: number
  let hi: number
  if (previous !== null && k > 1) {
    lo = previous
    hi = Math.max(previous, alpha[k - 1]!) + Math.abs(beta[k - 2]!)
  } else {
    lo = Infinity
    hi = -Infinity
    for (let i = 0; i < k; i++) {
      const r = (i > 0 ? Math.abs(beta[i - 1]!) : 0) + (i + 1 < k ? Math.abs(beta[i]!) : 0)
      lo = Math.min(lo, alpha[i]! - r)
      hi = Math.max(hi, alpha[i]! + r)
    }
  }
  // below(x) = number of eigenvalues below x; the largest eigenvalue is where it reaches k
  const below = (x: number): number => {
    let c = 0
    let d = 1
    for (let i = 0; i < k; i++) {
      d = alpha[i]! - x - (i > 0 ? (beta[i - 1]! * beta[i - 1]!) / d : 0)
      if (d === 0) d = -1e-300
      if (d < 0) c++
    }
    return c
  }
  for (let it = 0; it < 200 && hi - lo > 2e-16 * Math.max(Math.abs(lo), Math.abs(hi)); it++) {
    const mid = (lo + hi) / 2
    if (mid === lo || mid === hi) break
    if (below(mid) === k) hi = mid
    else lo = mid
  }
  return (lo + hi) / 2
}

/** Unit eigenvector of the tridiagonal matrix for its largest eigenvalue θ, by two steps of inverse iteration. */
function tridiagonalEigenvector(alpha: number[], beta: number[], k: number, theta: number): Float64Array {
  // −(T − σI) with σ just above θ is positive definite: LDLᵀ without pivoting is stable
  const sigma = theta + Math.max(1e-300, 1e-12 * Math.abs(theta))
  const d = new Float64Array(k)
  const l = new Float64Array(k)
  d[0] = sigma - alpha[0]!
  for (let i = 1; i < k; i++) {
    l[i] = -beta[i - 1]! / d[i - 1]!
    d[i] = sigma - alpha[i]! - l[i]! * -beta[i - 1]!
  }
  const y = new Float64Array(k).fill(1)
  for (let round = 0; round < 3; round++) {
    // solve L D Lᵀ z = y
    for (let i = 1; i < k; i++) y[i]! -= l[i]! * y[i - 1]!
    for (let i = 0; i < k; i++) y[i]! /= d[i]!
    for (let i = k - 2; i >= 0; i--) y[i]! -= l[i + 1]! * y[i + 1]!
    let s = 0
    for (let i = 0; i < k; i++) s += y[i]! * y[i]!
    s = Math.sqrt(s)
    for (let i = 0; i < k; i++) y[i]! /= s
  }
  return y
}

/** Krylov basis size of a restarted Arnoldi cycle, and cycles at most. */
const ARNOLDI_BASIS = 24
const ARNOLDI_CYCLES = 60

/**
 * The Perron vector of Aᵀ (directed graphs) by explicitly restarted Arnoldi: each cycle builds an
 * orthonormal Krylov basis V (Gram–Schmidt twice) and the Hessenberg matrix H = VᵀAᵀV, takes the
 * Ritz pair nearest the current estimate of λ₁ by inverse iteration on H, and restarts from its
 * Ritz vector, until ‖Aᵀx − θx‖ ≤ 1e-12·θ. The estimate starts from a few power steps on
 * (A + I)ᵀ. Null (power iteration takes over) when it does not converge, or when the Ritz vector
 * is not of one sign, which only the Perron vector is.
 */
function directedArnoldi(g: Graph, start: Float64Array): Float64Array | null {
  const n = g.n
  const m = ARNOLDI_BASIS
  if ((m + 1) * n > KEEP_BUDGET) return null
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const apply = (v: Float64Array, w: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let acc = 0
      for (let e = inOff[i]!, end = inOff[i + 1]!; e < end; e++) acc += v[inSrc[e]!]!
      w[i] = acc
    }
  }
  // a first estimate of λ₁: a few power steps on (A + I)ᵀ
  let x = Float64Array.from(start)
  normalize(x)
  const w = new Float64Array(n)
  let theta = 0
  for (let k = 0; k < 8; k++) {
    apply(x, w)
    let norm = 0
    for (let i = 0; i < n; i++) {
      const y = w[i]! + x[i]!
      w[i] = y
      norm += y * y
    }
    norm = Math.sqrt(norm)
    theta = norm - 1
    for (let i = 0; i < n; i++) x[i] = w[i]! / norm
  }
  const V = Array.from({ length: m + 1 }, () => new Float64Array(n))
  const H = Array.from({ length: m + 1 }, () => new Float64Array(m))
  for (let cycle = 0; cycle < ARNOLDI_CYCLES; cycle++) {
    V[0]!.set(x)
    let size = m
    let breakdown = false
    for (let j = 0; j < m; j++) {
      const vj1 = V[j + 1]!
      apply(V[j]!, vj1)
      for (let i = 0; i <= j; i++) H[i]![j] = 0
      for (let pass = 0; pass < 2; pass++) {
        for (let i = 0; i <= j; i++) {
          const vi = V[i]!
          let d = 0
          for (let k = 0; k < n; k++) d += vj1[k]! * vi[k]!
          H[i]![j]! += d
          for (let k = 0; k < n; k++) vj1[k]! -= d * vi[k]!
        }
      }
      let norm = 0
      for (let k = 0; k < n; k++) norm += vj1[k]! * vj1[k]!
      norm = Math.sqrt(norm)
      H[j + 1]![j] = norm
      if (norm <= 1e-14 * Math.max(1, Math.abs(theta))) {
        size = j + 1
        breakdown = true
        break
      }
      for (let k = 0; k < n; k++) vj1[k]! /= norm
    }
    const ritz = hessenbergEigenvector(H, size, theta)
    if (!ritz) return null
    theta = ritz.value
    const y = ritz.vector
    x = new Float64Array(n)
    for (let j = 0; j < size; j++) {
      const vj = V[j]!
      const c = y[j]!
      for (let k = 0; k < n; k++) x[k]! += c * vj[k]!
    }
    const residual = breakdown ? 0 : Math.abs(H[size]![size - 1]! * y[size - 1]!)
    if (residual <= 1e-12 * Math.abs(theta)) {
      // the Perron vector has one sign; anything else is another eigenvector
      let lo = Infinity
      let hi = -Infinity
      for (let k = 0; k < n; k++) {
        lo = Math.min(lo, x[k]!)
        hi = Math.max(hi, x[k]!)
      }
      const big = Math.max(Math.abs(lo), Math.abs(hi))
      if (lo < -1e-9 * big && hi > 1e-9 * big) return null
      return perron(x)
    }
    normalize(x)
  }
  return null
}

/**
 * The eigenpair of the size × size upper Hessenberg matrix H nearest `shift`: inverse iteration
 * with Gaussian elimination (partial pivoting) on H − σI, the Rayleigh quotient updating σ.
 * Null when the pair is not real (no real eigenvalue near the shift).
 */
function hessenbergEigenvector(
  H: Float64Array[],
  size: number,
  shift: number,
): { value: number; vector: Float64Array } | null {
  // start right of every eigenvalue (a Gershgorin bound): for a non-negative matrix the nearest
  // eigenvalue to such a shift is the Perron root, since every other has |μ| ≤ λ₁
  let bound = 0
  for (let i = 0; i < size; i++) {
    let row = 0
    for (let j = 0; j < size; j++) row += Math.abs(H[i]![j]!)
    bound = Math.max(bound, row)
  }
  let sigma = Math.max(shift, bound) * (1 + 1e-3)
  let y: Float64Array = new Float64Array(size).fill(1 / Math.sqrt(size))
  const a = Array.from({ length: size }, () => new Float64Array(size))
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) a[i]![j] = H[i]![j]! - (i === j ? sigma : 0)
    const z = solve(a, y)
    if (!z) {
      // σ is an eigenvalue to working precision: y is its vector
      break
    }
    let norm = 0
    for (let i = 0; i < size; i++) norm += z[i]! * z[i]!
    norm = Math.sqrt(norm)
    if (!(norm > 0) || !Number.isFinite(norm)) break
    for (let i = 0; i < size; i++) z[i]! /= norm
    // Rayleigh quotient yᵀHy (y of unit length)
    let q = 0
    for (let i = 0; i < size; i++) {
      let hy = 0
      for (let j = 0; j < size; j++) hy += H[i]![j]! * z[j]!
      q += z[i]! * hy
    }
    let diff = 0
    for (let i = 0; i < size; i++) diff = Math.max(diff, Math.abs(Math.abs(z[i]!) - Math.abs(y[i]!)))
    y = z
    // a fixed shift first (it finds the rightmost eigenvalue), then Rayleigh quotients (fast)
    if (round < 12) continue
    const moved = Math.abs(q - sigma)
    sigma = q
    if (diff < 1e-15 && moved <= 1e-15 * Math.abs(q)) break
  }
  // a real pair: H y = σ y to rounding
  let res = 0
  let scale = 0
  for (let i = 0; i < size; i++) {
    let hy = 0
    for (let j = 0; j < size; j++) hy += H[i]![j]! * y[j]!
    res = Math.max(res, Math.abs(hy - sigma * y[i]!))
    scale = Math.max(scale, Math.abs(hy))
  }
  if (res > 1e-8 * Math.max(scale, Math.abs(sigma))) return null
  return { value: sigma, vector: y }
}

/** Solves a x = b by Gaussian elimination with partial pivoting (a is overwritten); null when singular. */
function solve(a: Float64Array[], b: Float64Array): Float64Array | null {
  const n = b.length
  const x = Float64Array.from(b)
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r
    if (Math.abs(a[p]![c]!) < 1e-300) return null
    if (p !== c) {
      const t = a[p]!
      a[p] = a[c]!
      a[c] = t
      const tb = x[p]!
      x[p] = x[c]!
      x[c] = tb
    }
    const pivot = a[c]![c]!
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / pivot
      if (f === 0) continue
      for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!
      x[r]! -= f * x[c]!
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]!
    for (let k = c + 1; k < n; k++) s -= a[c]![k]! * x[k]!
    x[c] = s / a[c]![c]!
  }
  return x
}
