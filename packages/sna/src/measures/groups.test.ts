// Group measures on graphs small enough to count by hand.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { maximalCliques } from './cliques.js'
import { concor } from './concor.js'
import {
  BROKERAGE_ROLES,
  brokerage,
  corePeripheryFit,
  eiIndex,
  groupsOf,
  modularity,
  qapCorrelation,
} from './groups.js'
import { adjacency, randomGraph } from './structure.test-util.js'

describe('E-I index and modularity', () => {
  it('counts ties within and between groups', () => {
    const g = edges('a-b b-c c-d')
    const { membership } = groupsOf(['x', 'x', 'y', 'y'])
    expect(eiIndex(g, membership)).toEqual({ external: 1, internal: 2, ei: -1 / 3 })
    // two groups of one tie each, joined by one tie: Q = Σ (e_cc − a_c²) = 2·(1/3 − (3/6)²)
    expect(modularity(g, membership)).toBeCloseTo(2 * (1 / 3 - 0.25), 12)
  })
  it('uses Leicht–Newman for directed graphs and strengths when weighted', () => {
    const g = edges('a->b:3 b->a:1 a->c:1', { directed: true })
    const m = [0, 0, 1]
    // Q = (1/m) Σ_ij [A_ij − k_i^out k_j^in / m] δ: inside 2 of 3 arcs; group 0 out 3 in 2, group 1 out 0 in 1
    expect(modularity(g, m)).toBeCloseTo(2 / 3 - (3 * 2) / 9, 12)
    expect(modularity(g, m, { weight: true })).toBeCloseTo(4 / 5 - (5 * 4) / 25, 12)
  })
})

describe('brokerage', () => {
  it('assigns Gould–Fernandez roles', () => {
    // a→v→c with no a→c, for every combination of groups
    const g = edges('a->v v->c', { directed: true })
    const cases: [number[], string][] = [
      [[0, 0, 0], 'coordinator'],
      [[0, 1, 0], 'itinerant'],
      [[0, 0, 1], 'representative'],
      [[1, 0, 0], 'gatekeeper'],
      [[0, 1, 2], 'liaison'],
    ]
    for (const [m, role] of cases) {
      const b = brokerage(g, m)
      expect(BROKERAGE_ROLES[Array.from(b.subarray(5, 10)).indexOf(1)]).toBe(role)
    }
    // closing the triad removes the brokerage
    expect(Array.from(brokerage(edges('a->v v->c a->c', { directed: true }), [0, 0, 0]).subarray(5, 10))).toEqual([
      0, 0, 0, 0, 0,
    ])
  })
})

describe('QAP and core–periphery fit', () => {
  it('correlates two relations over matched nodes', () => {
    const g = edges('a-b b-c')
    expect(qapCorrelation(g, g, [0, 1, 2])).toBeCloseTo(1, 12)
    const h = edges('a c b a-c')
    // g has pairs ab, bc; h has ac: no overlap among 6 ordered pairs (4 ones vs 2 ones)
    expect(qapCorrelation(g, h, [0, 2, 1])).toBeCloseTo(-1, 12)
  })
  it('gives an ideal core–periphery structure a perfect fit', () => {
    // core {a, b} tied to each other and to every periphery node; periphery not tied
    const g = edges('a-b a-c a-d b-c b-d')
    expect(corePeripheryFit(g, [true, true, false, false])).toBeCloseTo(1, 12)
    expect(corePeripheryFit(g, [true, true, false, false], { missingCP: true })).toBeCloseTo(1, 12)
  })
})

describe('cliques and CONCOR', () => {
  it('finds maximal cliques of size ≥ 3', () => {
    const g = edges('a-b a-c b-c b-d c-d d-e')
    expect(maximalCliques(g)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
    ])
    expect(maximalCliques(g, { minSize: 2 }).length).toBe(3)
  })
  it('splits two structurally equivalent blocks and excludes isolates', () => {
    // a, b both tied to c, d: {a, b} and {c, d} are the two positions
    const g = edges('a-c a-d b-c b-d z')
    const r = concor(g)
    // nodes in order a c d b z: group 1 holds the first node a and its equivalent b
    expect(r.split).toEqual([
      [0, 3],
      [1, 2],
    ])
    expect(r.excluded).toEqual([4])
  })
})

describe('brokerage against every two-path', () => {
  it('classifies each open two-path a→v→c by the five Gould–Fernandez rules', () => {
    for (let s = 1; s <= 16; s++) {
      const g = randomGraph(2100 + s, 10, 0.25, s % 4 !== 0)
      const a = adjacency(g)
      const groups = Array.from({ length: g.n }, (_, i) => (i * 3 + s) % (2 + (s % 3)))
      const want = new Array<number>(g.n * 5).fill(0)
      for (let v = 0; v < g.n; v++)
        for (let x = 0; x < g.n; x++)
          for (let y = 0; y < g.n; y++) {
            if (x === y || x === v || y === v || !a[x]![v] || !a[v]![y] || a[x]![y]) continue
            const [gx, gv, gy] = [groups[x], groups[v], groups[y]]
            const role =
              gx === gv && gv === gy
                ? 'coordinator'
                : gx === gy
                  ? 'itinerant'
                  : gx === gv
                    ? 'representative'
                    : gv === gy
                      ? 'gatekeeper'
                      : 'liaison'
            want[v * 5 + BROKERAGE_ROLES.indexOf(role)]!++
          }
      expect(Array.from(brokerage(g, groups))).toEqual(want)
    }
  })
})
