// Structure reports: the per-question bundles show the measures' own values under actor ids, and refuse bad requests.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from './builder.js'
import type { Graph } from './graph.js'
import { maximalCliques } from './measures/cliques.js'
import { louvain } from './measures/louvain.js'
import { qapTest } from './measures/permutation.js'
import {
  connectivityReport,
  egoReport,
  eiReport,
  keyPlayersReport,
  mrqapReport,
  multiplexReport,
  positionsReport,
  qapReport,
  subgroupsReport,
  twoModeReport,
  whatIfReport,
} from './structure.js'

/** Two triangles joined by the bridge c–d, with a pendant e on d; sectors G for a–c, S for d–f. */
function bridged(): Graph {
  const b = new NetworkBuilder({ directed: false })
  for (const [id, sector] of [
    ['a', 'G'],
    ['b', 'G'],
    ['c', 'G'],
    ['d', 'S'],
    ['e', 'S'],
    ['f', 'S'],
  ] as const)
    b.addNode(id, { sector })
  for (const t of ['a-b', 'b-c', 'c-a', 'c-d', 'd-e', 'e-f', 'f-d']) {
    const [s, u] = t.split('-') as [string, string]
    b.addTie(s, u, 1)
  }
  return b.build().network.graph
}

describe('subgroupsReport', () => {
  it('names components, bi-components, cut-points, cores, cliques and communities by id', () => {
    const g = bridged()
    const r = subgroupsReport(g, { factions: 2 })
    expect(r.components).toEqual({ count: 1, groups: [['a', 'b', 'c', 'd', 'e', 'f']] })
    expect(r.bicomponents.count).toBe(3)
    expect([...r.bicomponents.groups].map((x: string[]) => x.join('')).sort()).toEqual(['abc', 'cd', 'def'])
    expect(r.bicomponents.cutPoints).toEqual(['c', 'd'])
    expect(r.kCores.maxCore).toBe(2)
    expect(r.kCores.coreness).toEqual({ a: 2, b: 2, c: 2, d: 2, e: 2, f: 2 })
    expect(r.cliques).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ])
    // n = 2: every node of {a, b, c, d} is within two steps of the others
    expect(r.nCliques).toContainEqual(['a', 'b', 'c', 'd'])
    const lv = louvain(g)
    expect(r.louvain.count).toBe(lv.count)
    expect(r.louvain.modularity).toBeCloseTo(lv.modularity, 12)
    expect(r.louvain.groups).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ])
    expect(r.factions?.groups).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ])
    expect(r.strongComponents).toBeNull()
    expect(r.options).toEqual({ minSize: 3, n: 2, k: 2, kPlexMinSize: 3, factions: 2, resolution: 1, seed: 1 })
    // 2-plexes (each member tied to all but one other) of three: the triangles, and the bridge
    // c–d with any one neighbour; none of four, where d (or c) would miss two
    expect(r.kPlexes.map((x) => x.join('')).sort()).toEqual(['abc', 'acd', 'bcd', 'cde', 'cdf', 'def'])
    expect(r.leiden.groups).toEqual(r.louvain.groups)
  })
  it('lists strong components of directed graphs and respects the minimum size', () => {
    const g = edges('a->b b->a b->c c->d d->c', { directed: true })
    const r = subgroupsReport(g, { minSize: 2 })
    expect(r.strongComponents).toEqual({
      count: 2,
      groups: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    })
    expect(r.cliques).toEqual(maximalCliques(g, { minSize: 2 }).map((c) => c.map((i) => g.nodes.ids[i])))
  })
  it('refuses bad parameters with a clear message', () => {
    const g = bridged()
    expect(() => subgroupsReport(g, { factions: 7 })).toThrow(
      /factions must be a whole number from 1 to 6 \(the network has 6 actors\), got 7/,
    )
    expect(() => subgroupsReport(g, { minSize: 0 })).toThrow(/minSize/)
    expect(() => subgroupsReport(g, { resolution: -1 })).toThrow(/resolution/)
  })
})

describe('positionsReport', () => {
  it('finds the two structurally equivalent blocks and the core', () => {
    // a star: c is tied to everyone, the leaves are structurally equivalent
    const g = edges('c-a c-b c-d c-e')
    const r = positionsReport(g, { depth: 1, clusters: 2 })
    expect(r.structuralEquivalence.clusters).toEqual([['c'], ['a', 'b', 'd', 'e']])
    expect(r.corePeriphery.core).toEqual(['c'])
    expect(r.corePeriphery.periphery).toEqual(['a', 'b', 'd', 'e'])
    expect(r.corePeriphery.fit).toBeCloseTo(1, 12)
    expect(r.corePeriphery.coreness.c!).toBeGreaterThan(r.corePeriphery.coreness.a!)
    expect(r.concor.positions.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    // the image has one row and column per position
    expect(r.concor.image.length).toBe(r.concor.positions.length)
  })
  it('refuses a depth or cluster count out of range', () => {
    const g = edges('a-b b-c')
    expect(() => positionsReport(g, { depth: 0 })).toThrow(/depth/)
    expect(() => positionsReport(g, { clusters: 4 })).toThrow(/clusters must be a whole number from 1 to 3/)
    expect(() => positionsReport(g, { method: 'cosine' as 'euclidean' })).toThrow(/method/)
  })
})

describe('egoReport', () => {
  it('measures one neighbourhood in both structural-hole models', () => {
    const g = bridged()
    const r = egoReport(g, 'c')
    expect(r.alters).toEqual(['a', 'b', 'd'])
    expect(r.size).toBe(3)
    // a–b is the only tie among the alters: one tie, two of the six ordered pairs
    expect(r.ties).toBe(1)
    expect(r.pairs).toBe(6)
    expect(r.density).toBeCloseTo(1 / 3, 12)
    expect(r.components).toBe(2)
    // effective size (whole-network model): n − 2t/n = 3 − 2/3
    expect(r.effectiveSize.whole).toBeCloseTo(3 - 2 / 3, 12)
    // d brings e and f within two steps: c reaches everyone
    expect(r.twoStepReach).toBe(1)
    expect(() => egoReport(g, 'zz')).toThrow(/no actor "zz"/)
  })
})

describe('keyPlayersReport and whatIfReport', () => {
  it('names the key players and moves every measure', () => {
    const g = bridged()
    const kp = keyPlayersReport(g, 1)
    expect(kp.set).toEqual(['c'])
    const w = whatIfReport(g, { remove: [['c', 'd']], attribute: 'sector' })
    const byKey = Object.fromEntries(w.measures.map((m) => [m.key, m]))
    expect(byKey.components!.after).toBe(2)
    expect(byKey.edges!.change).toBe(-1)
    // with the bridge gone every tie is internal: E-I = −1
    expect(byKey.eiIndex!.after).toBe(-1)
    expect(w.betweennessShare.c!.after).toBe(0)
    expect(() => whatIfReport(g, { add: [['a', 'zz']] })).toThrow(/add: no actor "zz"/)
    expect(() => whatIfReport(g, { attribute: 'age' })).toThrow(/no attribute "age"/)
  })
})

describe('eiReport, qapReport, mrqapReport', () => {
  it('tests the E-I index by permutation, the same for the same seed', () => {
    const g = bridged()
    const sector = g.nodes.attribute('sector')!
    const r = eiReport(g, sector, { permutations: 200, seed: 4 })
    expect(r.whole.observed).toBeCloseTo((1 - 6) / 7, 12)
    expect(r.groups.G).toEqual({ external: 1, internal: 3, ei: -0.5 })
    expect(r.nodes.c).toBeCloseTo(-1 / 3, 12)
    expect(eiReport(g, sector, { permutations: 200, seed: 4 })).toEqual(r)
  })
  it('aligns actors by id and explains a mismatch', () => {
    const g = edges('a-b b-c c-d')
    const h = edges('d-c c-b b-a a-c')
    const r = qapReport(g, h, { permutations: 100, seed: 2 })
    // h lists its nodes in another order: the report must align by id
    const map = Int32Array.from(g.nodes.ids, (id) => h.nodes.get(id))
    expect(r.plain.observed).toBeCloseTo(qapTest(g, h, map, { permutations: 1 }).observed, 12)
    expect(r.plain.observed).toBeGreaterThan(0.5)
    expect(() => qapReport(g, edges('a-b b-c'))).toThrow(/has no actor "d"/)
    const m = mrqapReport(g, [h], ['h'], { permutations: 50 })
    expect(m.coefficients.map((c: { name: string }) => c.name)).toEqual(['intercept', 'h'])
    expect(m.observations).toBe(12)
  })
})

describe('multiplexReport', () => {
  it('compares relations: measures, overlap and QAP', () => {
    const b = new NetworkBuilder({ directed: false })
    const info = b.relation('info')
    const trust = b.relation('trust')
    for (const t of ['a-b', 'b-c', 'c-d']) b.addTie(t[0]!, t[2]!, 1, 'info')
    for (const t of ['a-b', 'b-c', 'a-d']) b.addTie(t[0]!, t[2]!, 1, 'trust')
    expect([info, trust]).toEqual([0, 1])
    const network = b.build().network
    const r = multiplexReport(network, { permutations: 50 })
    expect(r.relations.map((x) => [x.relation, x.measures.edges])).toEqual([
      ['info', 3],
      ['trust', 3],
    ])
    expect(r.tiedDyads).toBe(4)
    expect(r.multiplexDyads).toBe(2)
    expect(r.multiplexity).toBe(0.5)
    expect(r.pairs).toHaveLength(1)
    expect(r.pairs[0]!.jaccard).toBeCloseTo(2 / 4, 12)
    expect(r.nodes.a).toEqual({ relations: 2, multiplexity: 0.5 })
  })
})

describe('connectivityReport and twoModeReport', () => {
  it('counts dyads and triads and measures reach within k steps', () => {
    // a <-> b -> c: one mutual, one asymmetric, one null dyad; the triad is 111U (A<->B->C)
    const g = edges('a->b b->a b->c', { directed: true })
    const r = connectivityReport(g, { steps: 1 })
    expect(r.dyads).toEqual({ mutual: 1, asymmetric: 1, null: 1 })
    expect(r.triads!['111U']).toBe(1)
    expect(Object.values(r.triads!).reduce((x, y) => x + y, 0)).toBe(1)
    expect(r.reachability.nodes.a).toEqual({ reach: 2, share: 1, withinSteps: 0.5 })
    expect(r.reachability.nodes.c!.reach).toBe(0)
    expect(r.reachability.proportion).toBeCloseTo(4 / 6, 12)
    expect(r.reachability.withinSteps).toBeCloseTo(3 / 6, 12)
    expect(connectivityReport(edges('a-b')).triads).toBeNull()
    expect(() => connectivityReport(g, { steps: 0 })).toThrow(/steps/)
  })
  it('normalises two-mode centralities per mode (K(2,3): Borgatti & Everett 1997)', () => {
    const b = new NetworkBuilder({ directed: false, twoModeRows: 2 })
    for (const r of ['r1', 'r2']) b.addNode(r)
    for (const c of ['c1', 'c2', 'c3']) b.addNode(c)
    for (const r of ['r1', 'r2']) for (const c of ['c1', 'c2', 'c3']) b.addTie(r, c, 1)
    const g = b.build().network.graph
    const r = twoModeReport(g)
    expect(r.summary).toMatchObject({ rows: 2, columns: 3, ties: 6, density: 1 })
    expect(r.nodes.r1).toMatchObject({ mode: 'row', degree: 3, degreeNormalized: 1, closenessNormalized: 1 })
    expect(r.nodes.r1!.betweennessNormalized).toBeCloseTo(0.3, 12)
    expect(r.nodes.c1!.betweennessNormalized).toBeCloseTo(1 / 12, 12)
    expect(() => twoModeReport(edges('a-b'))).toThrow(/two-mode/)
  })
})
