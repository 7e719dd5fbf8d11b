// PageRank: 网页排名中心性.
//
// α = 0.85, uniform teleport; a node without out-ties spreads its score uniformly over all n
// nodes; PR(v) = (1−α)/n + α(Σ_{u→v} PR(u)·p_uv + Σ_{dangling u} PR(u)/n), Σ PR = 1.
// p_uv = 1/out(u) (binary) or w_uv/Σ_k w_uk (weighted). An undirected tie is two arcs.
// Gauss–Seidel sweeps in "pull" form over the in-rows (each node reads the newest scores of its
// in-neighbours, about half the sweeps of power iteration), each sweep rescaled to Σ PR = 1 with
// a compensated sum (a plain sum's rounding, fed back by the rescaling, would stall the change
// near n·ε), until the L1 change of a sweep is below `tolerance`. After six plain sweeps the
// ratio r of two successive changes estimates the Gauss–Seidel convergence rate, and the
// sweeps turn into successive over-relaxation with ω = 2/(1 + √(1 − r)) (Young's optimum for
// r = ρ_Jacobi²; capped at 1.5, and back to ω = 1 if the changes grow three sweeps running):
// 73 → 43 sweeps on a 300 × 300 grid, 26 → 20 on Barabási–Albert graphs; same fixed point.
// Matches igraph's PRPACK and networkx (with a tight tolerance) to ~1e-12 relative; networkx's
// default tolerance 1e-6 is too loose for six significant digits.

import type { Graph } from '../graph.js'
import { withDefaults } from '../options.js'

export interface PagerankOptions {
  alpha?: number
  weight?: boolean
  tolerance?: number
  maxIterations?: number
}

export const PAGERANK_DEFAULTS = { alpha: 0.85, weight: false, tolerance: 1e-13, maxIterations: 10_000 } as const

/**
 * PageRank of every node.
 *
 * @example
 * pagerank(edges('a-b b-c')) // [0.2567…, 0.4865…, 0.2567…]
 */
export function pagerank(g: Graph, opts: PagerankOptions = {}): Float64Array {
  const o = withDefaults(PAGERANK_DEFAULTS, opts)
  if (!(o.alpha >= 0 && o.alpha < 1)) throw new RangeError(`alpha must be in [0, 1), got ${o.alpha}`)
  const n = g.n
  if (n === 0) return new Float64Array(0)
  const inOff = g.inOffsets
  const inSrc = g.inSources
  const inW = g.inWeights
  // 1/out-weight of each node (0 for a dangling node)
  const invOut = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    let s = 0
    if (o.weight) for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) s += g.outWeights[e]!
    else s = g.outOffsets[u + 1]! - g.outOffsets[u]!
    if (s > 0) invOut[u] = 1 / s
  }
  const x = new Float64Array(n).fill(1 / n)
  const contrib = new Float64Array(n) // x[u] / out(u), kept current as x[u] changes
  let danglingMass = 0
  for (let u = 0; u < n; u++) {
    contrib[u] = x[u]! * invOut[u]!
    if (invOut[u] === 0) danglingMass += x[u]!
  }
  const alpha = o.alpha
  const weighted = o.weight
  const teleport = (1 - alpha) / n
  const spread = alpha / n
  let omega = 1 // over-relaxation, set after the first sweeps
  let lastChange = Infinity
  let growing = 0
  for (let it = 0; it < o.maxIterations; it++) {
    let change = 0
    let sum = 0
    let comp = 0
    for (let v = 0; v < n; v++) {
      let acc = 0
      if (weighted) for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) acc += contrib[inSrc[e]!]! * inW[e]!
      else for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) acc += contrib[inSrc[e]!]!
      const old = x[v]!
      const val = old + omega * (teleport + spread * danglingMass + alpha * acc - old)
      x[v] = val
      const iv = invOut[v]!
      if (iv === 0) danglingMass += val - old
      else contrib[v] = val * iv
      change += Math.abs(val - old)
      const t = sum + val // Neumaier
      comp += sum >= val ? sum - t + val : val - t + sum
      sum = t
    }
    const inv = 1 / (sum + comp)
    danglingMass = 0
    for (let v = 0; v < n; v++) {
      const val = x[v]! * inv
      x[v] = val
      const iv = invOut[v]!
      if (iv === 0) danglingMass += val
      else contrib[v] = val * iv
    }
    if (change < o.tolerance) break
    if (it === 5 && change < lastChange) omega = overRelaxation(change / lastChange)
    growing = change > lastChange ? growing + 1 : 0
    if (growing >= 3) omega = 1
    lastChange = change
  }
  return x
}

/** Young's optimal SOR factor from the Gauss–Seidel rate r (= ρ_Jacobi² on consistently ordered matrices), capped at 1.5. */
function overRelaxation(r: number): number {
  return r > 0 ? Math.min(1.5, 2 / (1 + Math.sqrt(1 - r))) : 1
}
