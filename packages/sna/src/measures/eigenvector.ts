// Eigenvector centrality: 特征向量中心性.
//
// x with λ₁x = Aᵀx (x_v ∝ Σ_{u→v} x_u: scores flow along ties, the networkx/igraph "left"
// vector; R sna returns the right one), λ₁ the largest eigenvalue of the binary adjacency
// matrix, x ≥ 0, ‖x‖₂ = 1. Undefined (null) when λ₁ = 0 (e.g. acyclic digraphs) or when λ₁
// is not simple (two strongly connected parts with the same largest eigenvalue), where any
// answer would be arbitrary. Otherwise x is 0 outside the part the dominant component reaches.
// λ₁ of each strongly connected part is estimated only when several parts have cycles (a single
// cyclic part is the dominant one). Computed by power iteration on (A + I)ᵀ, whose shift removes the oscillation of bipartite
// and periodic graphs, iterated until the change is below `tolerance` (far tighter than
// networkx's default, to reproduce six significant digits).

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
    // several parts with cycles: compare their spectral radii (one part alone has λ₁ ≥ 1, simple)
    const radius = componentRadii(g, membership, count, internal)
    best = -1
    let lambda = 0
    for (let c = 0; c < count; c++) {
      if (radius[c]! > lambda) {
        lambda = radius[c]!
        best = c
      }
    }
    if (best < 0 || lambda < 1e-9) return null
    for (let c = 0; c < count; c++) {
      if (c !== best && Math.abs(radius[c]! - lambda) <= SIMPLE_GAP * lambda) return null
    }
  }
  // power iteration on the whole graph, started on the dominant component
  let x = new Float64Array(n)
  for (let v = 0; v < n; v++) if (membership[v] === best) x[v] = 1
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
