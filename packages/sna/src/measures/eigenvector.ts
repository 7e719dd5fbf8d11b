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
// lattices whose second eigenvalue is within 1e-4 of the first. Directed graphs: on the dominant
// part and the nodes it reaches only (renumbered), 16 power steps on (A + I)ᵀ, then restarted
// Arnoldi (at most 32 vectors, classical Gram–Schmidt repeated only when it cancels most of the
// vector), the Ritz pair found every two steps by inverse iteration on the Hessenberg matrix from
// right of its spectrum, accepted at the same residual and only when the vector has one sign.
// Otherwise (a custom tolerance, no convergence, or a reached part too large for 9 vectors in
// 64 MB): power iteration on (A + I)ᵀ, whose shift removes the oscillation of bipartite and
// periodic graphs, until the L1 change is below `tolerance`.

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
    const arnoldi = directedArnoldi(g, membership, best)
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

/** Largest Krylov basis of an Arnoldi cycle (fewer when the vectors would not fit 64 MB), and cycles at most. */
const ARNOLDI_BASIS = 32
const ARNOLDI_CYCLES = 60
/** Power steps on (A + I)ᵀ before the first Arnoldi cycle. */
const ARNOLDI_POWER_STEPS = 16
/** Ritz residual ‖Aᵀx − θx‖ / θ at which the Arnoldi vector is accepted. */
const ARNOLDI_RESIDUAL = 1e-12
/** A Gram–Schmidt pass is repeated when it leaves less than this fraction of the vector's norm. */
const REORTHOGONALISE = 0.1

/**
 * The Perron vector of Aᵀ (directed graphs) by explicitly restarted Arnoldi, on the part `best`
 * and the nodes it reaches only (renumbered into a compact in-tie list: the vector is 0
 * elsewhere). Each cycle grows an orthonormal Krylov basis V (classical Gram–Schmidt, repeated
 * when the norm drops by more than 1/√2) and the Hessenberg matrix H = VᵀAᵀV; every few steps the
 * Ritz pair of H nearest the right of its spectrum is found by inverse iteration, and the run stops
 * when its residual is at most 1e-12·θ; a full basis restarts from the Ritz vector. The start is
 * the part's indicator after a few power steps on (A + I)ᵀ. Null (power iteration takes over) when
 * it does not converge, or when the Ritz vector is not of one sign, which only the Perron vector is.
 */
function directedArnoldi(g: Graph, membership: Int32Array, best: number): Float64Array | null {
  const sub = reachedPart(g, membership, best)
  const { n, nodes } = sub
  const m = Math.min(ARNOLDI_BASIS, Math.floor(KEEP_BUDGET / n) - 1)
  if (m < 8) return null
  const x = new Float64Array(n)
  for (let i = 0; i < n; i++) if (membership[nodes[i]!] === best) x[i] = 1
  const y = arnoldi(sub.inOffsets, sub.inSources, x, m)
  if (!y) return null
  const out = new Float64Array(g.n)
  for (let i = 0; i < n; i++) out[nodes[i]!] = y[i]!
  return perron(out)
}

/**
 * The part `best` and the nodes it reaches along ties, numbered in the graph's order (`nodes`:
 * local index → node), with their in-ties among themselves. The graph's own arrays when that is
 * every node.
 */
function reachedPart(
  g: Graph,
  membership: Int32Array,
  best: number,
): { n: number; nodes: Int32Array; inOffsets: Int32Array; inSources: Int32Array } {
  const N = g.n
  const local = new Int32Array(N).fill(-1)
  const nodes = new Int32Array(N)
  let n = 0
  for (let v = 0; v < N; v++) {
    if (membership[v] === best) {
      local[v] = 0
      nodes[n++] = v
    }
  }
  const outOff = g.outOffsets
  const outTgt = g.outTargets
  for (let h = 0; h < n; h++) {
    const u = nodes[h]!
    for (let e = outOff[u]!, end = outOff[u + 1]!; e < end; e++) {
      const v = outTgt[e]!
      if (local[v]! < 0) {
        local[v] = 0
        nodes[n++] = v
      }
    }
  }
  if (n === N) {
    for (let v = 0; v < N; v++) nodes[v] = v
    return { n, nodes, inOffsets: g.inOffsets, inSources: g.inSources }
  }
  let k = 0
  for (let v = 0; v < N; v++) if (local[v] === 0) nodes[(local[v] = k++)] = v
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const offsets = new Int32Array(n + 1)
  const sources = new Int32Array(inOff[N]!)
  let ties = 0
  for (let i = 0; i < n; i++) {
    const v = nodes[i]!
    for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) {
      const u = local[inSrc[e]!]!
      if (u >= 0) sources[ties++] = u
    }
    offsets[i + 1] = ties
  }
  return { n, nodes: nodes.subarray(0, n), inOffsets: offsets, inSources: sources.subarray(0, ties) }
}

/** w = Aᵀv for the in-tie lists (offsets, sources); returns ‖w‖². */
function applyIn(offsets: Int32Array, sources: Int32Array, v: Float64Array, w: Float64Array, n: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let acc = 0
    for (let e = offsets[i]!, end = offsets[i + 1]!; e < end; e++) acc += v[sources[e]!]!
    w[i] = acc
    s += acc * acc
  }
  return s
}

/**
 * Restarted Arnoldi for the Perron vector of Aᵀ (in-tie lists offsets, sources) from x
 * (overwritten), with bases of at most m vectors; null when it does not converge or the vector
 * found is not of one sign.
 */
function arnoldi(offsets: Int32Array, sources: Int32Array, x: Float64Array, m: number): Float64Array | null {
  const n = x.length
  normalize(x)
  // one block for the basis: many separate large arrays cost more to allocate than to fill
  const block = new Float64Array((m + 1) * n)
  const V = Array.from({ length: m + 1 }, (_, i) => block.subarray(i * n, (i + 1) * n))
  const H = Array.from({ length: m + 1 }, () => new Float64Array(m))
  const h = new Float64Array(m)
  // a few power steps on (A + I)ᵀ: a better start, and a first estimate of λ₁
  let theta = 0
  const w0 = V[1]!
  for (let k = 0; k < ARNOLDI_POWER_STEPS; k++) {
    applyIn(offsets, sources, x, w0, n)
    let norm = 0
    for (let i = 0; i < n; i++) {
      const y = w0[i]! + x[i]!
      w0[i] = y
      norm += y * y
    }
    norm = Math.sqrt(norm)
    theta = norm - 1
    for (let i = 0; i < n; i++) x[i] = w0[i]! / norm
  }
  for (let cycle = 0; cycle < ARNOLDI_CYCLES; cycle++) {
    V[0]!.set(x)
    let size = 0
    let residual = Infinity
    let ritz: { value: number; vector: Float64Array } | null = null
    for (let j = 0; j < m; j++) {
      const w = V[j + 1]!
      const before = Math.sqrt(applyIn(offsets, sources, V[j]!, w, n))
      for (let i = 0; i <= j; i++) H[i]![j] = 0
      let norm = before
      for (let pass = 0; pass < 3; pass++) {
        // classical Gram–Schmidt against V[0..j], again when it cancelled most of w (then the
        // rounding left along V, ε‖w‖ before, is large next to what remains)
        const after = Math.sqrt(project(V, j + 1, w, h, n))
        for (let i = 0; i <= j; i++) H[i]![j]! += h[i]!
        const drop = after < REORTHOGONALISE * norm
        norm = after
        if (!drop) break
      }
      H[j + 1]![j] = norm
      size = j + 1
      const breakdown = norm <= 1e-14 * Math.max(1, Math.abs(theta), before)
      if (!breakdown) for (let i = 0; i < n; i++) w[i]! /= norm
      // the Ritz pair every few steps (the small eigenproblem is cheap next to a step)
      if (breakdown || size === m || (size >= 8 && size % 2 === 0)) {
        ritz = hessenbergEigenvector(H, size, theta)
        if (!ritz) return null
        theta = ritz.value
        residual = breakdown ? 0 : Math.abs(norm * ritz.vector[size - 1]!)
        if (breakdown || residual <= ARNOLDI_RESIDUAL * Math.abs(theta)) break
      }
    }
    const y = ritz!.vector
    x.fill(0)
    for (let j = 0; j < size; j++) {
      const vj = V[j]!
      const c = y[j]!
      for (let k = 0; k < n; k++) x[k]! += c * vj[k]!
    }
    if (residual <= ARNOLDI_RESIDUAL * Math.abs(theta)) {
      // the Perron vector has one sign; anything else is another eigenvector
      let lo = Infinity
      let hi = -Infinity
      for (let k = 0; k < n; k++) {
        lo = Math.min(lo, x[k]!)
        hi = Math.max(hi, x[k]!)
      }
      const big = Math.max(Math.abs(lo), Math.abs(hi))
      if (lo < -1e-9 * big && hi > 1e-9 * big) return null
      return x
    }
    normalize(x)
  }
  return null
}

/** x · y over the first n entries. */
function dot(x: Float64Array, y: Float64Array, n: number): number {
  let s = 0
  for (let k = 0; k < n; k++) s += x[k]! * y[k]!
  return s
}

/**
 * One classical Gram–Schmidt pass: h = V[0..j)ᵀ w, then w ← w − V h; returns ‖w‖² afterwards.
 * Four basis vectors at a time, so that w is read once per four products.
 */
function project(V: Float64Array[], j: number, w: Float64Array, h: Float64Array, n: number): number {
  let i = 0
  for (; i + 4 <= j; i += 4) {
    const a = V[i]!
    const b = V[i + 1]!
    const c = V[i + 2]!
    const d = V[i + 3]!
    let sa = 0
    let sb = 0
    let sc = 0
    let sd = 0
    for (let k = 0; k < n; k++) {
      const wk = w[k]!
      sa += a[k]! * wk
      sb += b[k]! * wk
      sc += c[k]! * wk
      sd += d[k]! * wk
    }
    h[i] = sa
    h[i + 1] = sb
    h[i + 2] = sc
    h[i + 3] = sd
  }
  for (; i < j; i++) h[i] = dot(V[i]!, w, n)
  // all but the last one to four vectors, four at a time
  const head = j - 1 - ((j - 1) % 4)
  for (i = 0; i < head; i += 4) {
    const a = V[i]!
    const b = V[i + 1]!
    const c = V[i + 2]!
    const d = V[i + 3]!
    const ha = h[i]!
    const hb = h[i + 1]!
    const hc = h[i + 2]!
    const hd = h[i + 3]!
    for (let k = 0; k < n; k++) w[k] = w[k]! - ha * a[k]! - hb * b[k]! - hc * c[k]! - hd * d[k]!
  }
  // the last ones (missing ones with weight 0), and the norm
  const a = V[i]!
  const b = V[Math.min(i + 1, j - 1)]!
  const c = V[Math.min(i + 2, j - 1)]!
  const d = V[Math.min(i + 3, j - 1)]!
  const ha = h[i]!
  const hb = i + 1 < j ? h[i + 1]! : 0
  const hc = i + 2 < j ? h[i + 2]! : 0
  const hd = i + 3 < j ? h[i + 3]! : 0
  let s = 0
  for (let k = 0; k < n; k++) {
    const y = w[k]! - ha * a[k]! - hb * b[k]! - hc * c[k]! - hd * d[k]!
    w[k] = y
    s += y * y
  }
  return s
}

/**
 * The eigenpair of the size × size upper Hessenberg matrix H nearest the right of its spectrum:
 * inverse iteration from a shift right of every eigenvalue (a Gershgorin bound; for a
 * non-negative matrix the nearest eigenvalue to it is the Perron root, since every other has
 * |μ| ≤ λ₁), then with Rayleigh quotients. Null when the pair is not real.
 */
function hessenbergEigenvector(
  H: Float64Array[],
  size: number,
  shift: number,
): { value: number; vector: Float64Array } | null {
  let bound = 0
  for (let i = 0; i < size; i++) {
    let row = 0
    for (let j = Math.max(0, i - 1); j < size; j++) row += Math.abs(H[i]![j]!)
    bound = Math.max(bound, row)
  }
  let sigma = Math.max(shift, bound) * (1 + 1e-3)
  let y: Float64Array = new Float64Array(size).fill(1 / Math.sqrt(size))
  const a = Array.from({ length: size }, () => new Float64Array(size))
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < size; i++) {
      const ai = a[i]!
      const Hi = H[i]!
      ai.fill(0)
      for (let j = Math.max(0, i - 1); j < size; j++) ai[j] = Hi[j]!
      ai[i]! -= sigma
    }
    const z = solveHessenberg(a, y, size)
    if (!z) break // σ is an eigenvalue to working precision: y is its vector
    let norm = 0
    for (let i = 0; i < size; i++) norm += z[i]! * z[i]!
    norm = Math.sqrt(norm)
    if (!(norm > 0) || !Number.isFinite(norm)) break
    for (let i = 0; i < size; i++) z[i]! /= norm
    // Rayleigh quotient zᵀHz (z of unit length)
    let q = 0
    for (let i = 0; i < size; i++) {
      let s = 0
      for (let j = Math.max(0, i - 1); j < size; j++) s += H[i]![j]! * z[j]!
      q += z[i]! * s
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
    let s = 0
    for (let j = Math.max(0, i - 1); j < size; j++) s += H[i]![j]! * y[j]!
    res = Math.max(res, Math.abs(s - sigma * y[i]!))
    scale = Math.max(scale, Math.abs(s))
  }
  if (res > 1e-8 * Math.max(scale, Math.abs(sigma))) return null
  return { value: sigma, vector: y }
}

/**
 * Solves a x = b for an upper Hessenberg a (overwritten) by Gaussian elimination with partial
 * pivoting, which only ever swaps neighbouring rows: O(size²). Null when singular.
 */
function solveHessenberg(a: Float64Array[], b: Float64Array, size: number): Float64Array | null {
  const x = Float64Array.from(b)
  for (let c = 0; c < size; c++) {
    if (c + 1 < size && Math.abs(a[c + 1]![c]!) > Math.abs(a[c]![c]!)) {
      const t = a[c + 1]!
      a[c + 1] = a[c]!
      a[c] = t
      const tb = x[c + 1]!
      x[c + 1] = x[c]!
      x[c] = tb
    }
    const pivot = a[c]![c]!
    if (Math.abs(pivot) < 1e-300) return null
    if (c + 1 < size) {
      const f = a[c + 1]![c]! / pivot
      if (f !== 0) {
        const r = a[c + 1]!
        const p = a[c]!
        for (let k = c; k < size; k++) r[k]! -= f * p[k]!
        x[c + 1]! -= f * x[c]!
      }
    }
  }
  for (let c = size - 1; c >= 0; c--) {
    let s = x[c]!
    const r = a[c]!
    for (let k = c + 1; k < size; k++) s -= r[k]! * x[k]!
    x[c] = s / r[c]!
  }
  return x
}
