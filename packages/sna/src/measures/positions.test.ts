// Positions: CONCOR depth, block densities and images, structural equivalence, clustering.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture, expected } from '../../test/reference.js'
import { concor } from './concor.js'
import { blockmodel, concorTree, cutTree, hierarchicalClustering, structuralEquivalence } from './positions.js'

describe('concorTree', () => {
  it('agrees with the first split of the reference at depth 1', () => {
    const g = readCsv(fixture('data/karate/karate.csv')).network.graph
    const t = concorTree(g, { depth: 1 })
    const first = concor(g)
    expect(t.positions).toEqual(first.split)
    const exp = expected('karate').groups!.concor as { split: string[][] }
    const names = t.positions.map((p) => p.map((i) => g.nodes.ids[i]!).sort())
    expect(names.map((p) => p.join(',')).sort()).toEqual(exp.split.map((p) => [...p].sort().join(',')).sort())
  })
  it('splits further at depth 2 and keeps isolates out', () => {
    const g = readCsv(fixture('data/florentine-marriage/florentine-marriage.csv'), {
      nodes: fixture('data/florentine-marriage/florentine-marriage.nodes.csv'),
    }).network.graph
    const t = concorTree(g, { depth: 2 })
    expect(t.count).toBeGreaterThan(2)
    expect(t.count).toBeLessThanOrEqual(4)
    expect(t.excluded.map((i) => g.nodes.ids[i])).toEqual(['Pucci'])
    expect(t.positions.flat().length).toBe(g.n - 1)
  })
})

describe('blockmodel', () => {
  it('computes block densities and the image', () => {
    // two blocks {a,b} and {c,d}: a-b inside, every cross pair tied except b-d
    const g = edges('a-b a-c a-d b-c')
    const m = blockmodel(g, [0, 0, 1, 1])
    expect(Array.from(m.density)).toEqual([1, 3 / 4, 3 / 4, 0])
    expect(m.alpha).toBeCloseTo(4 / 6, 12)
    expect(Array.from(m.image)).toEqual([1, 1, 1, 0])
  })
})

describe('structural equivalence and clustering', () => {
  it('gives equivalent nodes distance 0 and correlation 1', () => {
    // a and b both tied to c and d only; e tied to nobody (nodes a c d b e)
    const g = edges('a-c a-d b-c b-d e')
    const d = structuralEquivalence(g)
    expect(d[0 * 5 + 3]).toBe(0)
    expect(d[0 * 5 + 1]).toBeCloseTo(2, 12) // a and c differ on d and b, both directions
    const r = structuralEquivalence(g, { method: 'correlation' })
    expect(r[0 * 5 + 3]).toBeCloseTo(1, 12)
    expect(r[0 * 5 + 1]).toBeCloseTo(-0.5, 12)
    // constant profiles have no correlation
    expect(Number.isNaN(structuralEquivalence(edges('a-c a-d b-c b-d'), { method: 'correlation' })[3]!)).toBe(true)
  })
  it('merges the closest clusters first (R hclust convention)', () => {
    // points on a line at 0, 1, 5: distances 1, 5, 4
    const D = Float64Array.from([0, 1, 5, 1, 0, 4, 5, 4, 0])
    const h = hierarchicalClustering(D, 3)
    expect(h.merge).toEqual([
      [-1, -2],
      [-3, 1],
    ])
    expect(h.height).toEqual([1, 4.5])
    expect(hierarchicalClustering(D, 3, { linkage: 'single' }).height).toEqual([1, 4])
    expect(hierarchicalClustering(D, 3, { linkage: 'complete' }).height).toEqual([1, 5])
  })
  it('cuts a tree into k clusters (R cutree)', () => {
    // points on a line at 0, 1, 10, 11, 30
    const x = [0, 1, 10, 11, 30]
    const D = Float64Array.from({ length: 25 }, (_, k) => Math.abs(x[Math.floor(k / 5)]! - x[k % 5]!))
    const h = hierarchicalClustering(D, 5)
    expect(Array.from(cutTree(h, 5, 1))).toEqual([0, 0, 0, 0, 0])
    expect(Array.from(cutTree(h, 5, 2))).toEqual([0, 0, 0, 0, 1])
    expect(Array.from(cutTree(h, 5, 3))).toEqual([0, 0, 1, 1, 2])
    expect(Array.from(cutTree(h, 5, 5))).toEqual([0, 1, 2, 3, 4])
    expect(() => cutTree(h, 5, 6)).toThrow(/from 1 to 5/)
  })
})
