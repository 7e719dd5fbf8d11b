// Core–periphery structure (Borgatti & Everett 1999): 核心–边缘结构 — the best discrete partition and the continuous coreness.
//
// Discrete model: find the core set whose ideal pattern (a tie wherever one end is in the core)
// correlates best with the binary adjacency matrix over ordered pairs i≠j — the
// `corePeripheryFit` of METRICS.md. For binary data the correlation depends only on the
// periphery size p and the number P of arcs inside the periphery, so a flip of one node is
// scored in O(1) and applied in O(degree). The search is a seeded local search (best single
// flip until none helps) from the k-core partition and from random starts; the best fit wins.
// Continuous model: coreness c ≥ 0 minimising Σ_{i≠j} (a_ij − c_i c_j)² on the symmetrised
// matrix (alternating least squares; UCINET's "continuous" model), scaled to unit length, with
// its fit = correlation between a_ij and c_i c_j.

import type { Graph } from '../graph.js'
import { coreness } from './coreness.js'
import { mulberry32 } from '../random.js'
import { withDefaults } from '../options.js'

export interface CorePeripheryOptions {
  /** Random starts besides the k-core start (default 20). */
  restarts?: number
  seed?: number
}

export const CORE_PERIPHERY_DEFAULTS = { restarts: 20, seed: 1 } as const

export interface CorePeripheryPartition {
  /** 1 = core, 0 = periphery. */
  core: Uint8Array
  /** Correlation with the ideal pattern (NaN when undefined, e.g. no ties). */
  fit: number
}

/** Arcs in both directions between u and each node (undirected ties count twice): a_uv + a_vu. */
function pairWeight(g: Graph): { off: Int32Array; nbr: Int32Array; w: Uint8Array } {
  const s = g.skeleton()
  return { off: s.offsets, nbr: s.targets, w: s.mult }
}

/** Correlation of a binary matrix with the discrete core–periphery pattern, from counts. */
function fitFromCounts(N: number, A: number, p: number, P: number): number {
  const D = N - p * (p - 1) // ordered pairs with at least one core end
  const AD = A - P // arcs with at least one core end
  const den = (N * A - A * A) * (N * D - D * D)
  return den > 0 ? (N * AD - A * D) / Math.sqrt(den) : NaN
}

/**
 * The core–periphery partition with the best discrete fit.
 *
 * @example
 * corePeripheryPartition(g, { seed: 1 }).core // Uint8Array, 1 = core
 */
export function corePeripheryPartition(g: Graph, opts: CorePeripheryOptions = {}): CorePeripheryPartition {
  const o = withDefaults(CORE_PERIPHERY_DEFAULTS, opts)
  const n = g.n
  const { off, nbr, w } = pairWeight(g)
  const N = n * (n - 1)
  // arcs over ordered pairs: every skeleton entry holds a_uv + a_vu and each pair appears twice
  let A = 0
  for (let e = 0; e < w.length; e++) A += w[e]!
  A /= 2
  const rnd = mulberry32(o.seed)
  const toPeriphery = new Float64Array(n) // a_uv + a_vu summed over periphery v
  const search = (core: Uint8Array): number => {
    let p = 0
    for (let v = 0; v < n; v++) if (!core[v]) p++
    let P = 0
    for (let v = 0; v < n; v++) {
      let t = 0
      for (let e = off[v]!; e < off[v + 1]!; e++) if (!core[nbr[e]!]) t += w[e]!
      toPeriphery[v] = t
      if (!core[v]) P += t
    }
    P /= 2 // each periphery pair counted from both ends
    let fit = fitFromCounts(N, A, p, P)
    for (;;) {
      let best = -1
      let bestFit = Number.isNaN(fit) ? -Infinity : fit
      for (let v = 0; v < n; v++) {
        // core → periphery adds v's ties to the periphery; periphery → core removes them
        const f = core[v]
          ? fitFromCounts(N, A, p + 1, P + toPeriphery[v]!)
          : fitFromCounts(N, A, p - 1, P - toPeriphery[v]!)
        if (f > bestFit + 1e-12) {
          bestFit = f
          best = v
        }
      }
      if (best < 0) return fit
      const toCore = !core[best]
      p += toCore ? -1 : 1
      P += toCore ? -toPeriphery[best]! : toPeriphery[best]!
      core[best] = toCore ? 1 : 0
      for (let e = off[best]!; e < off[best + 1]!; e++) toPeriphery[nbr[e]!]! += toCore ? -w[e]! : w[e]!
      fit = bestFit
    }
  }
  // start 1: the highest k-core
  const k = coreness(g)
  let kmax = 0
  for (let v = 0; v < n; v++) kmax = Math.max(kmax, k[v]!)
  let bestCore = Uint8Array.from(k, (x) => (x === kmax && kmax > 0 ? 1 : 0))
  let bestFit = search(bestCore)
  for (let r = 0; r < o.restarts; r++) {
    const core = Uint8Array.from({ length: n }, () => (rnd() < 0.3 ? 1 : 0))
    const f = search(core)
    if (f > bestFit + 1e-12 || (Number.isNaN(bestFit) && !Number.isNaN(f))) {
      bestFit = f
      bestCore = core
    }
  }
  return { core: bestCore, fit: bestFit }
}

export interface ContinuousCoreness {
  /** Coreness of each node, ≥ 0, unit length. */
  coreness: Float64Array
  /** Correlation over i≠j between a_ij (symmetrised) and c_i c_j. */
  fit: number
}

/**
 * Continuous coreness (Borgatti & Everett 1999) by alternating least squares.
 *
 * @example
 * continuousCoreness(g).coreness // higher = more central to the core
 */
export function continuousCoreness(
  g: Graph,
  opts: { maxIterations?: number; tolerance?: number } = {},
): ContinuousCoreness {
  const maxIt = opts.maxIterations ?? 10_000
  const tol = opts.tolerance ?? 1e-12
  const n = g.n
  const { off, nbr, w } = pairWeight(g)
  // symmetrised value (a_ij + a_ji)/2 ∈ {0, 0.5, 1}
  const solve = (start: Float64Array): Float64Array => {
    let c: Float64Array = start
    let next: Float64Array = new Float64Array(n)
    for (let it = 0; it < maxIt; it++) {
      let sq = 0
      for (let v = 0; v < n; v++) sq += c[v]! * c[v]!
      let change = 0
      for (let v = 0; v < n; v++) {
        let num = 0
        for (let e = off[v]!; e < off[v + 1]!; e++) num += (w[e]! / 2) * c[nbr[e]!]!
        const den = sq - c[v]! * c[v]!
        next[v] = den > 0 ? Math.max(0, num / den) : 0
        change += Math.abs(next[v]! - c[v]!)
      }
      const t = c
      c = next
      next = t
      if (change < tol * n) break
    }
    return c
  }
  // Σ_{i≠j} (a_ij − t² u_i u_j)² at the best scale t, up to the constant Σ a²: −X²/Y with
  // X = Σ a_ij u_i u_j and Y = Σ_{i≠j} (u_i u_j)² = (Σ u²)² − Σ u⁴ (the iteration may stop before
  // its scale settles; the direction is what is returned)
  const loss = (c: Float64Array): number => {
    let cross = 0
    let s2 = 0
    let s4 = 0
    for (let v = 0; v < n; v++) {
      for (let e = off[v]!; e < off[v + 1]!; e++) cross += (w[e]! / 2) * c[v]! * c[nbr[e]!]!
      s2 += c[v]! ** 2
      s4 += c[v]! ** 4
    }
    const y = s2 * s2 - s4
    return y > 0 ? -(cross * cross) / y : 0
  }
  // Starts: √degree; on a graph of several components, √degree on one component at a time (the
  // update keeps a symmetric start symmetric, and the optimum may sit on one component); and
  // seeded perturbations of √degree, which break the symmetry of regular graphs.
  const root = Float64Array.from({ length: n }, (_, v) => Math.sqrt(off[v + 1]! - off[v]! + 1e-9))
  const starts: Float64Array[] = [root]
  const comp = componentsOf(n, off, nbr)
  if (comp.count > 1)
    for (let k = 0; k < comp.count; k++) starts.push(root.map((x, v) => (comp.membership[v] === k ? x : 0)))
  const rnd = mulberry32(1)
  for (let k = 0; k < 3; k++) starts.push(root.map((x) => x * (0.5 + rnd())))
  let c: Float64Array = solve(starts[0]!)
  let best = loss(c)
  for (const start of starts.slice(1)) {
    const candidate = solve(start)
    const l = loss(candidate)
    if (l < best - 1e-12 * Math.max(1, Math.abs(best))) {
      best = l
      c = candidate
    }
  }
  let norm = 0
  for (let v = 0; v < n; v++) norm += c[v]! * c[v]!
  norm = Math.sqrt(norm)
  if (norm > 0) for (let v = 0; v < n; v++) c[v]! /= norm
  // fit: correlation of a_ij with c_i c_j over ordered pairs i≠j
  let sx = 0
  let sxx = 0
  let sxy = 0
  let sumC = 0
  let sumC2 = 0
  let sumC4 = 0
  for (let v = 0; v < n; v++) {
    sumC += c[v]!
    sumC2 += c[v]! ** 2
    sumC4 += c[v]! ** 4
  }
  // Σ_{i≠j} c_i c_j and Σ_{i≠j} (c_i c_j)² in closed form; the a-terms over ties
  const sy = sumC * sumC - sumC2
  const syy = sumC2 * sumC2 - sumC4
  for (let v = 0; v < n; v++) {
    for (let e = off[v]!; e < off[v + 1]!; e++) {
      const a = w[e]! / 2
      sx += a
      sxx += a * a
      sxy += a * c[v]! * c[nbr[e]!]!
    }
  }
  const N = n * (n - 1)
  const cov = sxy - (sx * sy) / N
  const vx = sxx - (sx * sx) / N
  const vy = syy - (sy * sy) / N
  return { coreness: c, fit: vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN }
}

/** Weak components of a symmetric CSR (iterative DFS). */
function componentsOf(n: number, off: Int32Array, nbr: Int32Array): { membership: Int32Array; count: number } {
  const membership = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  let count = 0
  for (let s = 0; s < n; s++) {
    if (membership[s] !== -1) continue
    let sp = 0
    stack[sp++] = s
    membership[s] = count
    while (sp > 0) {
      const v = stack[--sp]!
      for (let e = off[v]!; e < off[v + 1]!; e++) {
        const u = nbr[e]!
        if (membership[u] === -1) {
          membership[u] = count
          stack[sp++] = u
        }
      }
    }
    count++
  }
  return { membership, count }
}
