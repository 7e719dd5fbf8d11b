// Core–periphery: the search finds ideal structures and never does worse than the given partition.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { continuousCoreness, corePeripheryPartition } from './corePeriphery.js'
import { corePeripheryFit } from './groups.js'
import { rng } from './slow.test-util.js'
import { adjacency, allSubsets, pearson, randomGraph } from './structure.test-util.js'

describe('corePeripheryPartition', () => {
  it('recovers an ideal core–periphery structure', () => {
    // core a, b, c all tied; each periphery node tied to every core node only
    const g = edges('a-b a-c b-c a-d b-d c-d a-e b-e c-e a-f b-f c-f')
    const r = corePeripheryPartition(g)
    expect(Array.from(r.core)).toEqual([1, 1, 1, 0, 0, 0])
    expect(r.fit).toBeCloseTo(1, 12)
  })
  it('reports the fit of the partition it returns and beats the reference partition', () => {
    const net = readCsv(fixture('data/karate/karate.csv'), { nodes: fixture('data/karate/karate.nodes.csv') }).network
    const g = net.graph
    const r = corePeripheryPartition(g, { seed: 4 })
    expect(r.fit).toBeCloseTo(
      corePeripheryFit(
        g,
        Array.from(r.core, (x) => x === 1),
      ),
      12,
    )
    // the reference partition (highest k-core) has fit 0.2409
    expect(r.fit).toBeGreaterThan(0.2408819307033566)
    expect(corePeripheryPartition(g, { seed: 4 })).toEqual(r)
  })
})

describe('continuousCoreness', () => {
  it('ranks the core above the periphery and fits a rank-one pattern', () => {
    const g = edges('a-b a-c b-c a-d b-d c-d a-e b-e c-e')
    const r = continuousCoreness(g)
    expect(r.coreness[0]!).toBeGreaterThan(r.coreness[3]!)
    expect(r.coreness[0]!).toBeCloseTo(r.coreness[1]!, 9)
    let len = 0
    for (const x of r.coreness) len += x * x
    expect(len).toBeCloseTo(1, 12)
    expect(r.fit).toBeGreaterThan(0.5)
  })
})

/** Fit of a core set by the definition: correlation over ordered pairs i≠j of a_ij with δ_ij = [i or j core]. */
function slowFit(a: number[][], core: readonly number[]): number {
  const x: number[] = []
  const y: number[] = []
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < a.length; j++) {
      if (i === j) continue
      x.push(a[i]![j]!)
      y.push(core[i] || core[j] ? 1 : 0)
    }
  return pearson(x, y)
}

describe('corePeripheryPartition against every partition', () => {
  it('reaches the best fit over all 2^n partitions for every seed tried (n ≤ 10)', () => {
    for (let s = 1; s <= 24; s++) {
      const directed = s % 3 === 0
      const g = randomGraph(100 + s, 5 + (s % 6), 0.2 + (s % 4) * 0.12, directed)
      const a = adjacency(g)
      let best = -Infinity
      for (const set of allSubsets(g.n)) {
        const core = new Array<number>(g.n).fill(0)
        for (const v of set) core[v] = 1
        const f = slowFit(a, core)
        if (f > best) best = f
      }
      for (const seed of [1, 2, 3]) {
        const r = corePeripheryPartition(g, { seed })
        // the fit it reports is the fit of the partition it returns, and the optimum
        expect(r.fit).toBeCloseTo(slowFit(a, Array.from(r.core)), 12)
        expect(r.fit).toBeCloseTo(best, 12)
      }
    }
  })
  it('gives the same partition for the same seed', () => {
    const g = randomGraph(5, 40, 0.1, false)
    const a = corePeripheryPartition(g, { seed: 9, restarts: 5 })
    expect(corePeripheryPartition(g, { seed: 9, restarts: 5 })).toEqual(a)
  })
})

describe('continuousCoreness against the least-squares problem', () => {
  /** Σ_{i≠j} (a_ij − c_i c_j)² with a symmetrised to (a_ij + a_ji)/2. */
  const loss = (a: number[][], c: readonly number[]): number => {
    let s = 0
    for (let i = 0; i < a.length; i++)
      for (let j = 0; j < a.length; j++) if (i !== j) s += ((a[i]![j]! + a[j]![i]!) / 2 - c[i]! * c[j]!) ** 2
    return s
  }
  /** The returned direction at its best length: c = t·ĉ with t² = Σ a ĉĉ / Σ (ĉĉ)². */
  const rescale = (a: number[][], u: ArrayLike<number>): number[] => {
    let num = 0
    let den = 0
    for (let i = 0; i < a.length; i++)
      for (let j = 0; j < a.length; j++) {
        if (i === j) continue
        num += ((a[i]![j]! + a[j]![i]!) / 2) * u[i]! * u[j]!
        den += (u[i]! * u[j]!) ** 2
      }
    const t = Math.sqrt(num / den)
    return Array.from(u, (x) => x * t)
  }
  it('satisfies the stationarity conditions and is as good as a slow coordinate descent', () => {
    for (let s = 1; s <= 16; s++) {
      const g = randomGraph(200 + s, 5 + (s % 8), 0.25 + (s % 3) * 0.15, s % 2 === 0)
      if (g.m === 0) continue
      const a = adjacency(g)
      const n = g.n
      const r = continuousCoreness(g)
      const c = rescale(a, r.coreness)
      // ∂/∂c_v = 0 where c_v > 0: c_v Σ_{j≠v} c_j² = Σ_j ā_vj c_j (ā symmetrised); ≤ 0 where c_v = 0
      for (let v = 0; v < n; v++) {
        let lhs = 0
        let rhs = 0
        for (let j = 0; j < n; j++) {
          if (j === v) continue
          lhs += c[j]! ** 2
          rhs += ((a[v]![j]! + a[j]![v]!) / 2) * c[j]!
        }
        if (c[v]! > 1e-9) expect(c[v]! * lhs).toBeCloseTo(rhs, 6)
        else expect(rhs).toBeLessThanOrEqual(1e-6)
      }
      // slow minimisation: exact coordinate descent (Gauss–Seidel) from random starts
      const next = rng(s)
      let best = Infinity
      for (let start = 0; start < 10; start++) {
        const x = Array.from({ length: n }, () => next())
        for (let sweep = 0; sweep < 500; sweep++)
          for (let v = 0; v < n; v++) {
            let num = 0
            let den = 0
            for (let j = 0; j < n; j++) {
              if (j === v) continue
              num += ((a[v]![j]! + a[j]![v]!) / 2) * x[j]!
              den += x[j]! ** 2
            }
            x[v] = den > 0 ? Math.max(0, num / den) : 0
          }
        best = Math.min(best, loss(a, x))
      }
      expect(loss(a, c)).toBeLessThanOrEqual(best + 1e-8)
      // the fit is the correlation of ā_ij with c_i c_j over i≠j
      const xs: number[] = []
      const ys: number[] = []
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (i !== j) {
            xs.push((a[i]![j]! + a[j]![i]!) / 2)
            ys.push(r.coreness[i]! * r.coreness[j]!)
          }
      expect(r.fit).toBeCloseTo(pearson(xs, ys), 10)
    }
  })
})

describe('continuousCoreness on symmetric and disconnected graphs', () => {
  it('puts the coreness on one of two equal components (least squares: loss 6, not 7.2)', () => {
    const r = continuousCoreness(edges('a-b b-c c-a d-e e-f f-d'))
    const c = Array.from(r.coreness)
    const on = c.filter((x) => x > 1e-9).length
    expect(on).toBe(3)
    for (const x of c) if (x > 1e-9) expect(x).toBeCloseTo(1 / Math.sqrt(3), 9)
    expect(r.fit).toBeCloseTo(0.6123724356957946, 9)
    const pair = continuousCoreness(edges('a-b c-d'))
    expect(Array.from(pair.coreness).filter((x) => x > 1e-9)).toHaveLength(2)
    expect(pair.fit).toBeCloseTo(0.632455532033676, 9)
  })
})
