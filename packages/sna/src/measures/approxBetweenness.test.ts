// Approximate betweenness: within its stated bound of the exact values on random graphs (fixed seeds), reproducible, and a sound vertex-diameter bound.

import { describe, expect, it } from 'vitest'
import { analyze, analyzeSweeps } from '../analyze.js'
import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import {
  APPROX_BETWEENNESS_DEFAULTS,
  approxBetweennessSamples,
  approximateBetweenness,
  vertexDiameterBound,
} from './approxBetweenness.js'
import { betweenness, pathSweep } from './paths.js'
import { floyd } from './slow.test-util.js'
import { randomGraph } from './structure.test-util.js'

function edges(spec: string, directed = false): Graph {
  const b = new NetworkBuilder({ directed })
  for (const pair of spec.split(/\s+/)) {
    const [s, t] = pair.split(directed ? '>' : '-')
    b.addTie(s!, t!)
  }
  return b.build().network.graph
}

/** Largest |estimate − exact| over the nodes, on the ordered-pair scale b(v) of the guarantee. */
function maxError(g: Graph, est: Float64Array, exact: Float64Array): number {
  const pairs = g.directed ? g.n * (g.n - 1) : (g.n * (g.n - 1)) / 2
  let worst = 0
  for (let v = 0; v < g.n; v++) worst = Math.max(worst, Math.abs(est[v]! - exact[v]!) / pairs)
  return worst
}

/** The true vertex diameter: most nodes on a shortest path (weighted: by length, equal within 1e-10). */
function slowVertexDiameter(g: Graph, weight: boolean): number {
  const d = floyd(g, weight)
  let best = g.n > 0 ? 1 : 0
  for (let s = 0; s < g.n; s++) {
    const order = Array.from({ length: g.n }, (_, i) => i)
      .filter((v) => Number.isFinite(d[s]![v]!))
      .sort((a, b) => d[s]![a]! - d[s]![b]!)
    const hops = new Float64Array(g.n)
    for (const v of order) {
      for (let e = g.inOffsets[v]!; e < g.inOffsets[v + 1]!; e++) {
        const u = g.inSources[e]!
        const alt = d[s]![u]! + (weight ? 1 / g.inWeights[e]! : 1)
        if (u !== v && Number.isFinite(alt) && Math.abs(alt - d[s]![v]!) <= 1e-10 * Math.max(alt, d[s]![v]!))
          hops[v] = Math.max(hops[v]!, hops[u]! + 1)
      }
      best = Math.max(best, hops[v]! + 1)
    }
  }
  return best
}

describe('approximateBetweenness', () => {
  const graphs: [string, Graph, boolean][] = [
    ['undirected G(200, 0.03)', randomGraph(1, 200, 0.03, false), false],
    ['directed G(150, 0.03)', randomGraph(2, 150, 0.03, true), false],
    ['undirected, in pieces', randomGraph(3, 240, 0.008, false), false],
    ['weighted undirected', randomGraph(4, 120, 0.05, false, true), true],
    ['weighted directed', randomGraph(5, 120, 0.05, true, true), true],
  ]
  for (const [name, g, weight] of graphs) {
    it(`is within ε of the exact values: ${name}`, () => {
      const exact = betweenness(g, { weight })
      for (const [epsilon, seed] of [
        [0.05, 1],
        [0.05, 2],
        [0.02, 3],
      ] as const) {
        const a = approximateBetweenness(g, { epsilon, seed, weight })
        expect(a.samples).toBe(approxBetweennessSamples(epsilon, 0.1, a.vertexDiameterBound))
        expect(maxError(g, a.values, exact)).toBeLessThanOrEqual(epsilon)
        // the same bound in raw units
        const worst = Math.max(...a.values.map((x, v) => Math.abs(x - exact[v]!)))
        expect(worst).toBeLessThanOrEqual(a.errorBound)
      }
    })
  }
  it('draws shortest paths uniformly: many samples converge on the exact values', () => {
    // two equal routes a-b-d and a-c-d, and a longer tail: every σ_st/σ_st share shows
    const g = edges('a-b a-c b-d c-d d-e e-f f-g c-h h-g')
    const exact = betweenness(g)
    const a = approximateBetweenness(g, { epsilon: 0.003, seed: 11 })
    expect(a.samples).toBeGreaterThan(100_000)
    expect(maxError(g, a.values, exact)).toBeLessThan(0.003)
  })
  it('gives the same values for the same seed, and others for another seed', () => {
    const g = randomGraph(6, 150, 0.04, false)
    const a = approximateBetweenness(g, { epsilon: 0.05, seed: 9 })
    expect(approximateBetweenness(g, { epsilon: 0.05, seed: 9 }).values).toEqual(a.values)
    expect(approximateBetweenness(g, { epsilon: 0.05, seed: 10 }).values).not.toEqual(a.values)
    expect(APPROX_BETWEENNESS_DEFAULTS.seed).toBe(1)
    expect(approximateBetweenness(g, { epsilon: 0.05 }).values).toEqual(
      approximateBetweenness(g, { epsilon: 0.05, seed: undefined }).values,
    )
  })
  it('reports its parameters and the Riondato–Kornaropoulos sample size', () => {
    const g = randomGraph(7, 100, 0.05, false)
    const a = approximateBetweenness(g, { epsilon: 0.1, delta: 0.05, seed: 3 })
    expect(a).toMatchObject({ epsilon: 0.1, delta: 0.05, seed: 3 })
    const vd = a.vertexDiameterBound
    expect(a.samples).toBe(Math.ceil((0.5 / 0.01) * (Math.floor(Math.log2(vd - 2)) + 1 + Math.log(1 / 0.05))))
    expect(a.errorBound).toBeCloseTo((0.1 * 100 * 99) / 2, 9)
    // a known bound replaces the computed one
    expect(approximateBetweenness(g, { epsilon: 0.1, vertexDiameter: 34 }).samples).toBe(
      Math.ceil(50 * (5 + 1 + Math.log(10))),
    )
  })
  it('samples nothing when no shortest path has an inside node', () => {
    const a = approximateBetweenness(edges('a-b c-d e-f'), { epsilon: 0.01 })
    expect(a.vertexDiameterBound).toBe(2)
    expect(a.samples).toBe(0)
    expect([...a.values]).toEqual([0, 0, 0, 0, 0, 0])
    expect(approximateBetweenness(edges('a-b'), { epsilon: 0.5 }).samples).toBe(0)
    // a triangle's bound is 3 (2·ecc + 1), so it samples, but finds no inside node
    const t = approximateBetweenness(edges('a-b b-c c-a'), { epsilon: 0.1 })
    expect(t.samples).toBeGreaterThan(0)
    expect([...t.values]).toEqual([0, 0, 0])
  })
  it('rejects options out of range', () => {
    const g = edges('a-b b-c')
    for (const bad of [
      { epsilon: 0 },
      { epsilon: 1 },
      { epsilon: NaN },
      { epsilon: 0.1, delta: 0 },
      { epsilon: 0.1, delta: 1 },
    ])
      expect(() => approximateBetweenness(g, bad)).toThrow(RangeError)
    expect(() => approximateBetweenness(g, { epsilon: 0.1, seed: 1.5 })).toThrow(RangeError)
    expect(() => approximateBetweenness(g, { epsilon: 0.1, vertexDiameter: -1 })).toThrow(RangeError)
  })
})

describe('vertexDiameterBound', () => {
  it('is exact on paths and chains', () => {
    expect(vertexDiameterBound(edges('a-b b-c c-d'))).toBe(4)
    expect(vertexDiameterBound(edges('a>b b>c c>d', true))).toBe(4)
    expect(vertexDiameterBound(edges('a>b b>a b>c c>d d>c', true))).toBe(4)
  })
  it('is never below the true vertex diameter', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const directed = seed % 2 === 0
      const weight = seed % 3 === 0
      const g = randomGraph(seed, 40, 0.02 + 0.01 * (seed % 4), directed, weight)
      const bound = vertexDiameterBound(g, weight)
      expect(bound).toBeGreaterThanOrEqual(slowVertexDiameter(g, weight))
      expect(bound).toBeLessThanOrEqual(g.n)
    }
  })
})

describe('analyze with betweenness computed elsewhere', () => {
  it('uses the given values and sweeps only for distances', () => {
    const g = randomGraph(8, 80, 0.06, true, true)
    const approx = approximateBetweenness(g, { epsilon: 0.05 })
    const a = analyze(g, { betweenness: { paths: approx.values } })
    const exact = analyze(g)
    expect(a.nodes.betweenness).toEqual(approx.values)
    expect(a.nodes.closeness).toEqual(exact.nodes.closeness)
    expect(a.nodes.weightedBetweenness).toEqual(exact.nodes.weightedBetweenness)
    expect(analyzeSweeps(g, { betweenness: { paths: approx.values } }).paths).toEqual({
      weight: false,
      betweenness: false,
    })
    expect(analyzeSweeps(g, { measures: ['betweenness'], betweenness: { paths: approx.values } })).toEqual({})
    expect(analyze(g, { measures: ['betweenness'], betweenness: { paths: approx.values } }).nodes).toEqual({
      betweenness: approx.values,
    })
    expect(() =>
      analyze(g, { measures: ['betweenness'], sweeps: { paths: pathSweep(g, { betweenness: false }) } }),
    ).toThrow(RangeError)
  })
})
