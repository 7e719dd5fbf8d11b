// Structural holes: every measure against Burt's formulas written out on a dense matrix, and published examples.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import type { Graph } from '../graph.js'
import { adjacency, randomGraph } from './structure.test-util.js'
import { constraint, dyadicConstraint, structuralHoles } from './structuralHoles.js'

interface Slow {
  constraint: number[]
  effectiveSize: number[]
  efficiency: number[]
  hierarchy: number[]
  /** dyadic[i] = c_ij for the neighbours of i in ascending order */
  dyadic: number[][]
}

/**
 * Burt (1992) straight from the definitions: s_ij = a_ij + a_ji, p_ij = s_ij / Σ_k s_ik,
 * m_jq = s_jq / max_k s_jk. In the ego model an alter's sums and maxima run over ego and
 * ego's other alters only.
 */
function slowHoles(g: Graph, model: 'whole' | 'ego'): Slow {
  const a = adjacency(g)
  const n = g.n
  const s = (i: number, j: number): number => (i === j ? 0 : a[i]![j]! + a[j]![i]!)
  const nbrs = (i: number): number[] => [...Array(n).keys()].filter((j) => s(i, j) > 0)
  const out: Slow = { constraint: [], effectiveSize: [], efficiency: [], hierarchy: [], dyadic: [] }
  for (let i = 0; i < n; i++) {
    const N = nbrs(i)
    // the nodes whose ties count for an alter's investments
    const scope = model === 'ego' ? [i, ...N] : [...Array(n).keys()]
    const total = (q: number): number => scope.reduce((t, k) => t + s(q, k), 0)
    const most = (q: number): number => Math.max(...scope.map((k) => s(q, k)))
    const p = (q: number, j: number): number => s(q, j) / total(q)
    const m = (j: number, q: number): number => s(j, q) / most(j)
    const dyadic = N.map((j) => {
      let x = p(i, j)
      for (const q of N) if (q !== j) x += p(i, q) * p(q, j)
      return x * x
    })
    const C = dyadic.reduce((t, x) => t + x, 0)
    let es = 0
    for (const j of N) {
      let r = 0
      for (const q of N) if (q !== j) r += p(i, q) * m(j, q)
      es += 1 - r
    }
    const k = N.length
    let h = NaN
    if (k >= 2) {
      h = 0
      for (const c of dyadic) {
        const r = c / (C / k)
        if (r > 0) h += r * Math.log(r)
      }
      h /= k * Math.log(k)
    }
    out.constraint.push(k ? C : NaN)
    out.effectiveSize.push(k ? es : NaN)
    out.efficiency.push(k ? es / k : NaN)
    out.hierarchy.push(h)
    out.dyadic.push(dyadic)
  }
  return out
}

const same = (got: ArrayLike<number>, want: readonly number[], tol = 1e-12): void => {
  expect(got.length).toBe(want.length)
  for (let i = 0; i < want.length; i++) {
    if (Number.isNaN(want[i]!)) expect(got[i]).toBeNaN()
    else expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]!)))
  }
}

describe('structuralHoles against the formulas', () => {
  it('agrees on random graphs, directed and undirected, in both models', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const directed = seed % 2 === 0
      const g = randomGraph(seed, 4 + (seed % 9), 0.15 + (seed % 5) * 0.1, directed)
      for (const model of ['whole', 'ego'] as const) {
        const got = structuralHoles(g, { model })
        const want = slowHoles(g, model)
        same(got.constraint, want.constraint)
        if (model === 'whole') same(constraint(g), want.constraint) // the lean kernel
        same(got.effectiveSize, want.effectiveSize)
        same(got.efficiency, want.efficiency)
        same(got.hierarchy, want.hierarchy)
        for (let i = 0; i < g.n; i++) {
          const d = dyadicConstraint(g, i, { model })
          same(d.values, want.dyadic[i]!)
          // the dyadic parts add up to the constraint
          if (d.values.length > 0) expect(d.values.reduce((t, x) => t + x, 0)).toBeCloseTo(got.constraint[i]!, 12)
        }
      }
    }
  })
  it('ignores weights (binary ties)', () => {
    const g = randomGraph(7, 9, 0.4, false, true)
    const want = slowHoles(g, 'whole')
    same(structuralHoles(g).constraint, want.constraint)
    same(constraint(g), want.constraint)
    same(structuralHoles(g).hierarchy, want.hierarchy)
  })
})

describe('structuralHoles: published examples', () => {
  it("reproduces Borgatti's (1997) ego network of G", () => {
    // Borgatti, "Structural holes: unpacking Burt's redundancy measures", Connections 20(1):35-38
    // (analytictech.com/connections/v20(1)/holes.htm); values as UCINET and igraph give them,
    // quoted in networkx's test_structuralholes.py: constraint G 0.400, A 0.595, C 1;
    // effective size G 4.67, A 2.50, C 1.
    const g = edges('A-B A-F A-G A-E E-G F-G B-G B-D D-G G-C')
    const h = structuralHoles(g)
    const at = (x: Float64Array, id: string): number => x[g.nodes.get(id)]!
    expect(at(h.constraint, 'G')).toBeCloseTo(0.4, 3)
    expect(at(h.constraint, 'A')).toBeCloseTo(0.595, 3)
    expect(at(h.constraint, 'C')).toBeCloseTo(1, 3)
    expect(at(h.effectiveSize, 'G')).toBeCloseTo(4.67, 2)
    expect(at(h.effectiveSize, 'A')).toBeCloseTo(2.5, 2)
    expect(at(h.effectiveSize, 'C')).toBeCloseTo(1, 2)
    // G is tied to everyone: its ego network is the whole network, so both models agree on G
    const ego = structuralHoles(g, { model: 'ego' })
    expect(at(ego.constraint, 'G')).toBeCloseTo(at(h.constraint, 'G'), 12)
    expect(at(ego.hierarchy, 'G')).toBeCloseTo(at(h.hierarchy, 'G'), 12)
  })
  it('reproduces the directed example of networkx (UCINET and igraph values)', () => {
    // networkx test_structuralholes.py: arcs 0→1, 0→2, 1→0, 2→1; constraint 1.003, 1.003, 1.389;
    // effective size 1.167, 1.167, 1
    const g = edges('0->1 0->2 1->0 2->1', { directed: true })
    const h = structuralHoles(g)
    same(
      Array.from(h.constraint, (x) => Math.round(x * 1000) / 1000),
      [1.003, 1.003, 1.389],
    )
    same(
      Array.from(h.effectiveSize, (x) => Math.round(x * 1000) / 1000),
      [1.167, 1.167, 1],
    )
  })
})
