// Permutation tests: p-values that behave, seeds that reproduce, E-I per group and node.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { eiIndex, qapCorrelation } from './groups.js'
import { eiDetail, eiTest, qapTest } from './permutation.js'
import { rng } from './slow.test-util.js'
import { adjacency, allPermutations, pearson, randomGraph } from './structure.test-util.js'

const read = (name: string) =>
  readCsv(fixture(`data/${name}/${name}.csv`), { nodes: fixture(`data/${name}/${name}.nodes.csv`) }).network

describe('qapTest', () => {
  it('reports the QAP correlation and a small p-value for related relations', () => {
    const m = read('florentine-marriage')
    const b = read('florentine-business')
    const map = m.nodes.ids.map((id) => b.nodes.get(id))
    const r = qapTest(m.graph, b.graph, map, { permutations: 500, seed: 3 })
    // the reference value of sna::gcor
    expect(r.observed).toBeCloseTo(0.37186787208054745, 12)
    expect(r.observed).toBeCloseTo(qapCorrelation(m.graph, b.graph, map), 12)
    expect(r.pGreater).toBeLessThan(0.05)
    expect(r.pLess).toBeGreaterThan(0.9)
    expect(Math.abs(r.mean)).toBeLessThan(0.1)
    expect(qapTest(m.graph, b.graph, map, { permutations: 500, seed: 3 })).toEqual(r)
  })
  it('gives an unrelated pair a large p-value', () => {
    const g = edges('a-b c-d e-f g-h')
    const h = edges('a c b d e f g h a-c e-g')
    const map = g.nodes.ids.map((id) => h.nodes.get(id))
    const r = qapTest(g, h, map, { permutations: 300, seed: 1 })
    expect(r.pGreater).toBeGreaterThan(0.2)
  })
})

describe('E-I index', () => {
  it('splits E and I per group and per node', () => {
    const g = edges('a-b b-c c-d')
    const d = eiDetail(g, [0, 0, 1, 1])
    // group 0: internal a-b, external b-c
    expect(d.groups[0]).toEqual({ external: 1, internal: 1, ei: 0 })
    expect(Array.from(d.nodes)).toEqual([-1, 0, 0, -1])
  })
  it('tests a closed network against shuffled labels', () => {
    const karate = read('karate')
    const club = karate.nodes.attribute('club')!
    const membership = club.map((v) => (v === club[0] ? 0 : 1))
    const r = eiTest(karate.graph, membership, { permutations: 500, seed: 5 })
    expect(r.observed).toBeCloseTo(-0.717948717948718, 12)
    // the two clubs are far more closed than random labels would be
    expect(r.pLess).toBeLessThan(0.01)
    expect(r.mean).toBeGreaterThan(-0.2)
  })
})

describe('eiDetail against counting the tie list', () => {
  it('counts each tie for the groups and the nodes at its two ends', () => {
    for (let s = 1; s <= 12; s++) {
      const g = randomGraph(900 + s, 10, 0.3, s % 2 === 0)
      const a = adjacency(g)
      const membership = Array.from({ length: g.n }, (_, i) => (i * 5 + s) % 3)
      // the tie list: arcs when directed, unordered pairs when not
      const ties: [number, number][] = []
      for (let i = 0; i < g.n; i++)
        for (let j = 0; j < g.n; j++) if (a[i]![j] && (g.directed || i < j)) ties.push([i, j])
      const ei = (e: number, i: number): number => (e + i === 0 ? NaN : (e - i) / (e + i))
      const d = eiDetail(g, membership)
      for (let c = 0; c < 3; c++) {
        const internal = ties.filter(([u, v]) => membership[u] === c && membership[v] === c).length
        const external = ties.filter(([u, v]) => (membership[u] === c) !== (membership[v] === c)).length
        expect(d.groups[c]!.internal).toBe(internal)
        expect(d.groups[c]!.external).toBe(external)
        if (internal + external === 0) expect(d.groups[c]!.ei).toBeNaN()
        else expect(d.groups[c]!.ei).toBeCloseTo(ei(external, internal), 12)
      }
      for (let v = 0; v < g.n; v++) {
        const mine = ties.filter(([x, y]) => x === v || y === v)
        const same = mine.filter(([x, y]) => membership[x] === membership[y]).length
        const want = ei(mine.length - same, same)
        if (Number.isNaN(want)) expect(d.nodes[v]).toBeNaN()
        else expect(d.nodes[v]).toBeCloseTo(want, 12)
      }
      // the whole-network index from the same list
      const external = ties.filter(([u, v]) => membership[u] !== membership[v]).length
      expect(eiIndex(g, membership).ei).toBeCloseTo(ei(external, ties.length - external), 12)
    }
  })
})

/** Correlation over i≠j of x_ij with y_{p(i) p(j)}. */
function permutedCorrelation(x: number[][], y: number[][], p: readonly number[]): number {
  const xs: number[] = []
  const ys: number[] = []
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < x.length; j++)
      if (i !== j) {
        xs.push(x[i]![j]!)
        ys.push(y[p[i]!]![p[j]!]!)
      }
  return pearson(xs, ys)
}

/** Shares of values ≥, ≤ and (|v − ref| ≥ |observed − ref|) the observed one, with the library's tolerance. */
function shares(observed: number, values: number[], ref: number): [number, number, number] {
  const eps = 1e-12 * Math.max(1, Math.abs(observed))
  const k = values.length
  return [
    values.filter((v) => v >= observed - eps).length / k,
    values.filter((v) => v <= observed + eps).length / k,
    values.filter((v) => Math.abs(v - ref) >= Math.abs(observed - ref) - eps).length / k,
  ]
}

describe('qapTest against a plain permutation loop', () => {
  it('relabels the nodes of the second relation with the same seeded shuffles', () => {
    for (let s = 1; s <= 6; s++) {
      const g = randomGraph(1000 + s, 7, 0.4, s % 2 === 0)
      const h = randomGraph(1100 + s, 7, 0.4, s % 2 === 0)
      const x = adjacency(g)
      const y = adjacency(h)
      const r = qapTest(g, h, [...Array(g.n).keys()], { permutations: 200, seed: s })
      const next = rng(s)
      const p = [...Array(g.n).keys()]
      const values: number[] = []
      for (let k = 0; k < 200; k++) {
        for (let i = p.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1))
          ;[p[i], p[j]] = [p[j]!, p[i]!]
        }
        values.push(permutedCorrelation(x, y, p))
      }
      const observed = permutedCorrelation(x, y, [...Array(g.n).keys()])
      expect(r.observed).toBeCloseTo(observed, 12)
      const [ge, le, two] = shares(observed, values, 0)
      expect([r.pGreater, r.pLess, r.pTwoSided]).toEqual([ge, le, two])
      const mean = values.reduce((t, v) => t + v, 0) / values.length
      expect(r.mean).toBeCloseTo(mean, 12)
      expect(r.sd).toBeCloseTo(Math.sqrt(values.reduce((t, v) => t + (v - mean) ** 2, 0) / (values.length - 1)), 12)
    }
  })
  it('approaches the exact p-values over all n! relabellings', () => {
    // n = 6: the 720 permutations give the exact null distribution
    const g = edges('a-b a-c b-c c-d d-e e-f')
    const h = edges('a b c d e f a-b b-c a-d d-e b-f')
    const map = g.nodes.ids.map((id) => h.nodes.get(id))
    const x = adjacency(g)
    const yh = adjacency(h)
    const y = x.map((_, i) => x.map((__, j) => yh[map[i]!]![map[j]!]!))
    const observed = permutedCorrelation(x, y, [0, 1, 2, 3, 4, 5])
    const exact = [...allPermutations(6)].map((p) => permutedCorrelation(x, y, p))
    const [ge, le, two] = shares(observed, exact, 0)
    const r = qapTest(g, h, map, { permutations: 20000, seed: 4 })
    expect(r.observed).toBeCloseTo(observed, 12)
    // Monte Carlo error of a share from 20 000 draws is below 0.0036
    expect(Math.abs(r.pGreater - ge)).toBeLessThan(0.015)
    expect(Math.abs(r.pLess - le)).toBeLessThan(0.015)
    expect(Math.abs(r.pTwoSided - two)).toBeLessThan(0.015)
  })
})

describe('eiTest against a plain permutation loop', () => {
  const ei = (g: ReturnType<typeof edges>, m: readonly number[]): number => {
    let ext = 0
    for (let e = 0; e < g.m; e++) if (m[g.tieSource[e]!] !== m[g.tieTarget[e]!]) ext++
    return (2 * ext - g.m) / g.m
  }
  it('shuffles the labels with the same seeded generator, and the same seed repeats', () => {
    const g = randomGraph(1200, 12, 0.3, false)
    const labels = Array.from({ length: g.n }, (_, i) => i % 3)
    const r = eiTest(g, labels, { permutations: 300, seed: 8 })
    const next = rng(8)
    const m = [...labels]
    const values: number[] = []
    for (let k = 0; k < 300; k++) {
      for (let i = m.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[m[i], m[j]] = [m[j]!, m[i]!]
      }
      values.push(ei(g, m))
    }
    const mean = values.reduce((t, v) => t + v, 0) / values.length
    const observed = ei(g, labels)
    expect(r.observed).toBeCloseTo(observed, 12)
    expect(r.mean).toBeCloseTo(mean, 12)
    // the two-sided share is centred on the permutation mean
    expect([r.pGreater, r.pLess, r.pTwoSided]).toEqual(shares(observed, values, mean))
    expect(eiTest(g, labels, { permutations: 300, seed: 8 })).toEqual(r)
  })
  it('approaches the exact p-values over every relabelling', () => {
    const g = edges('a-b a-c b-c c-d d-e e-f f-d b-g g-e')
    const labels = [0, 0, 0, 1, 1, 1, 1]
    const observed = ei(g, labels)
    const exact = [...allPermutations(7)].map((p) =>
      ei(
        g,
        p.map((i) => labels[i]!),
      ),
    )
    const r = eiTest(g, labels, { permutations: 20000, seed: 2 })
    const [ge, le] = shares(observed, exact, 0)
    expect(r.observed).toBeCloseTo(observed, 12)
    expect(Math.abs(r.pGreater - ge)).toBeLessThan(0.015)
    expect(Math.abs(r.pLess - le)).toBeLessThan(0.015)
  })
})
