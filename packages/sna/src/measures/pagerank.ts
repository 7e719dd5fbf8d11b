// PageRank: 网页排名中心性.
//
// α = 0.85, uniform teleport; a node without out-ties spreads its score uniformly over all n
// nodes; PR(v) = (1−α)/n + α(Σ_{u→v} PR(u)·p_uv + Σ_{dangling u} PR(u)/n), Σ PR = 1.
// p_uv = 1/out(u) (binary) or w_uv/Σ_k w_uk (weighted). An undirected tie is two arcs.
// Power iteration in "pull" form over the in-rows until the L1 change is below `tolerance`.
// Matches igraph's PRPACK and networkx (with a tight tolerance) to ~1e-14; networkx's default
// tolerance 1e-6 is too loose for six significant digits.

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
  // 1/out-weight of each node (0 for a dangling node) and the dangling nodes, once
  const invOut = new Float64Array(n)
  let danglingCount = 0
  for (let u = 0; u < n; u++) {
    let s = 0
    if (o.weight) for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) s += g.outWeights[e]!
    else s = g.outOffsets[u + 1]! - g.outOffsets[u]!
    if (s > 0) invOut[u] = 1 / s
    else danglingCount++
  }
  const dangling = new Int32Array(danglingCount)
  for (let u = 0, k = 0; u < n; u++) if (invOut[u] === 0) dangling[k++] = u
  let x = new Float64Array(n).fill(1 / n)
  let next = new Float64Array(n)
  const contrib = new Float64Array(n)
  const alpha = o.alpha
  const weighted = o.weight
  for (let it = 0; it < o.maxIterations; it++) {
    let danglingMass = 0
    for (let k = 0; k < danglingCount; k++) danglingMass += x[dangling[k]!]!
    for (let u = 0; u < n; u++) contrib[u] = x[u]! * invOut[u]!
    const base = (1 - alpha) / n + (alpha * danglingMass) / n
    let sum = 0
    if (weighted) {
      for (let v = 0; v < n; v++) {
        let acc = 0
        for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) acc += contrib[inSrc[e]!]! * inW[e]!
        const val = base + alpha * acc
        next[v] = val
        sum += val
      }
    } else {
      for (let v = 0; v < n; v++) {
        let acc = 0
        for (let e = inOff[v]!, end = inOff[v + 1]!; e < end; e++) acc += contrib[inSrc[e]!]!
        const val = base + alpha * acc
        next[v] = val
        sum += val
      }
    }
    const inv = 1 / sum
    let change = 0
    for (let v = 0; v < n; v++) {
      const val = next[v]! * inv
      change += Math.abs(val - x[v]!)
      next[v] = val
    }
    const t = x
    x = next
    next = t
    if (change < o.tolerance) break
  }
  return x
}
