// Positions: CONCOR depth, block densities and images, structural equivalence, clustering.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture, expected } from '../../test/reference.js'
import { concor } from './concor.js'
import { blockmodel, concorTree, cutTree, hierarchicalClustering, structuralEquivalence } from './positions.js'
import { rng } from './slow.test-util.js'
import { adjacency, pearson, randomGraph } from './structure.test-util.js'

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

/** Pearson correlations between the columns `cols` of a matrix given as rows. */
function columnCorrelations(rows: number[][], cols: readonly number[]): number[][] {
  return cols.map((a) =>
    cols.map((b) =>
      a === b
        ? 1
        : (() => {
            const r = pearson(
              rows.map((row) => row[a]!),
              rows.map((row) => row[b]!),
            )
            return Number.isNaN(r) ? 0 : r
          })(),
    ),
  )
}

/**
 * CONCOR by the book: correlate the columns of [A; Aᵀ] within a part, iterate to ±1, split by sign,
 * repeat per part. Null when a split is ill-conditioned: a correlation with the part's first node
 * passes near 0 on the way, or the iteration stalls short of ±1, so that rounding alone decides
 * the signs and no two implementations need agree.
 */
function slowConcor(a: number[][], depth: number): number[][] | null {
  const n = a.length
  const X = [...a.map((row) => [...row]), ...a.map((_, i) => a.map((row) => row[i]!))]
  const kept = [...Array(n).keys()].filter((v) => a[v]!.some((x) => x) || a.some((row) => row[v]))
  let parts = kept.length > 0 ? [kept] : []
  for (let d = 0; d < depth; d++) {
    const next: number[][] = []
    for (const part of parts) {
      if (part.length < 2) {
        next.push(part)
        continue
      }
      let C = columnCorrelations(X, part)
      let it = 0
      for (; it < 300 && C.flat().some((x) => Math.abs(1 - Math.abs(x)) > 1e-10); it++) {
        if (C[0]!.some((x) => Math.abs(x) < 1e-6)) return null
        C = columnCorrelations(C, [...part.keys()])
      }
      // stuck at a fixed point that is not ±1 (e.g. three equicorrelated columns at −½)
      if (it === 300) return null
      const one = part.filter((_, c) => C[0]![c]! > 0)
      const two = part.filter((_, c) => !(C[0]![c]! > 0))
      if (one.length === 0 || two.length === 0) next.push(part)
      else next.push(one, two)
    }
    parts = next
  }
  return parts
}

describe('positions against slow versions', () => {
  it('concorTree splits like CONCOR written out, at every depth', () => {
    let compared = 0
    for (let s = 1; s <= 20; s++) {
      const g = randomGraph(400 + s, 6 + (s % 7), 0.3, s % 2 === 0)
      const a = adjacency(g)
      for (const depth of [1, 2, 3]) {
        const t = concorTree(g, { depth })
        const slow = slowConcor(a, depth)
        if (!slow) continue
        compared++
        expect(t.positions).toEqual(slow.map((p) => [...p].sort((x, y) => x - y)))
        expect(t.count).toBe(t.positions.length)
        for (let v = 0; v < g.n; v++) expect(t.membership[v]).toBe(t.positions.findIndex((p) => p.includes(v)))
      }
      expect(concorTree(g, { depth: 1 }).positions).toEqual(concor(g).split.filter((p) => p.length > 0))
    }
    expect(compared).toBeGreaterThanOrEqual(40)
  })
  it('blockmodel densities count ordered pairs with a tie', () => {
    for (let s = 1; s <= 10; s++) {
      const g = randomGraph(500 + s, 9, 0.35, s % 2 === 1)
      const a = adjacency(g)
      const membership = Array.from({ length: g.n }, (_, i) => (i * 7 + s) % 3)
      const m = blockmodel(g, membership)
      let all = 0
      for (let i = 0; i < g.n; i++) for (let j = 0; j < g.n; j++) all += a[i]![j]!
      expect(m.alpha).toBeCloseTo(all / (g.n * (g.n - 1)), 12)
      for (let p = 0; p < 3; p++)
        for (let q = 0; q < 3; q++) {
          let ties = 0
          let pairs = 0
          for (let i = 0; i < g.n; i++)
            for (let j = 0; j < g.n; j++)
              if (i !== j && membership[i] === p && membership[j] === q) {
                pairs++
                ties += a[i]![j]!
              }
          const d = ties / pairs
          expect(m.density[p * 3 + q]).toBeCloseTo(d, 12)
          expect(m.image[p * 3 + q]).toBe(d >= m.alpha && d > 0 ? 1 : 0)
        }
    }
  })
  it('structural equivalence follows the distance and correlation formulas', () => {
    for (let s = 1; s <= 10; s++) {
      const g = randomGraph(600 + s, 8, 0.4, s % 2 === 0)
      const a = adjacency(g)
      const n = g.n
      const euclid = structuralEquivalence(g)
      const corr = structuralEquivalence(g, { method: 'correlation' })
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) {
            expect([euclid[i * n + i], corr[i * n + i]]).toEqual([0, 1])
            continue
          }
          // row then column profiles without the entries of i and j themselves
          const others = [...Array(n).keys()].filter((k) => k !== i && k !== j)
          const pi = [...others.map((k) => a[i]![k]!), ...others.map((k) => a[k]![i]!)]
          const pj = [...others.map((k) => a[j]![k]!), ...others.map((k) => a[k]![j]!)]
          const d = Math.sqrt(pi.reduce((t, x, k) => t + (x - pj[k]!) ** 2, 0))
          expect(euclid[i * n + j]).toBeCloseTo(d, 12)
          const r = pearson(pi, pj)
          if (Number.isNaN(r)) expect(corr[i * n + j]).toBeNaN()
          else expect(corr[i * n + j]).toBeCloseTo(r, 12)
        }
    }
  })
})

/** Agglomerative clustering the O(n³) way: cluster distances recomputed from the members each step. */
function slowClustering(
  D: ArrayLike<number>,
  n: number,
  linkage: 'average' | 'single' | 'complete',
): { merges: string[]; height: number[] } {
  let clusters = Array.from({ length: n }, (_, i) => [i])
  const merges: string[] = []
  const height: number[] = []
  const link = (p: number[], q: number[]): number => {
    const ds = p.flatMap((i) => q.map((j) => D[i * n + j]!))
    if (linkage === 'single') return Math.min(...ds)
    if (linkage === 'complete') return Math.max(...ds)
    return ds.reduce((t, x) => t + x, 0) / ds.length
  }
  while (clusters.length > 1) {
    let best = [0, 1]
    for (let p = 0; p < clusters.length; p++)
      for (let q = p + 1; q < clusters.length; q++)
        if (link(clusters[p]!, clusters[q]!) < link(clusters[best[0]!]!, clusters[best[1]!]!)) best = [p, q]
    const [p, q] = best as [number, number]
    height.push(link(clusters[p]!, clusters[q]!))
    const joined = [...clusters[p]!, ...clusters[q]!].sort((x, y) => x - y)
    merges.push(joined.join(','))
    clusters = [...clusters.filter((_, k) => k !== p && k !== q), joined]
  }
  return { merges, height }
}

/** The members of each merge of an hclust-style dendrogram. */
function mergedSets(merge: [number, number][]): string[] {
  const members: number[][] = []
  const of = (ref: number): number[] => (ref < 0 ? [-ref - 1] : members[ref - 1]!)
  for (const [a, b] of merge) members.push([...of(a), ...of(b)].sort((x, y) => x - y))
  return members.map((m) => m.join(','))
}

describe('hierarchicalClustering against slow agglomeration', () => {
  it('merges the same clusters at the same heights for every linkage', () => {
    const next = rng(17)
    for (let trial = 0; trial < 10; trial++) {
      const n = 4 + trial
      const D = new Float64Array(n * n)
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) D[i * n + j] = D[j * n + i] = next() * 10
      for (const linkage of ['average', 'single', 'complete'] as const) {
        const h = hierarchicalClustering(D, n, { linkage })
        const slow = slowClustering(D, n, linkage)
        expect(mergedSets(h.merge)).toEqual(slow.merges)
        h.height.forEach((x, k) => expect(x).toBeCloseTo(slow.height[k]!, 12))
        // R's convention: singletons first (lower index first), then earlier merges
        for (const [a, b] of h.merge) {
          if (a < 0 && b < 0) expect(a).toBeGreaterThan(b)
          else if (a > 0 || b > 0) expect(a < 0 || a < b).toBe(true)
        }
      }
    }
  })
  it('reproduces the published five-bacteria example', () => {
    // Wikipedia, "UPGMA", "Complete-linkage clustering" and "Single-linkage clustering", working
    // example: JC69 distances of the 5S rRNA of Bacillus subtilis (a), B. stearothermophilus (b),
    // Lactobacillus viridescens (c), Acholeplasma modicum (d), Micrococcus luteus (e).
    // UPGMA joins a–b at 17, (a,b)–e at 22, c–d at 28, the rest at 33; complete linkage at
    // 17, 23, 28, 43; single linkage at 17, 21, 21, 28.
    const D = Float64Array.from([
      0, 17, 21, 31, 23, 17, 0, 30, 34, 21, 21, 30, 0, 28, 39, 31, 34, 28, 0, 43, 23, 21, 39, 43, 0,
    ])
    const upgma = hierarchicalClustering(D, 5)
    expect(upgma.merge).toEqual([
      [-1, -2],
      [-5, 1],
      [-3, -4],
      [2, 3],
    ])
    expect(upgma.height).toEqual([17, 22, 28, 33])
    const complete = hierarchicalClustering(D, 5, { linkage: 'complete' })
    expect(complete.merge).toEqual(upgma.merge)
    expect(complete.height).toEqual([17, 23, 28, 43])
    expect(hierarchicalClustering(D, 5, { linkage: 'single' }).height).toEqual([17, 21, 21, 28])
  })
})
