// Permutation tests: p-values that behave, seeds that reproduce, E-I per group and node.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { qapCorrelation } from './groups.js'
import { eiDetail, eiTest, qapTest } from './permutation.js'

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
