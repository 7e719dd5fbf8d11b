// Bi-components, cut-points and ego-network measures on graphs small enough to check by hand.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { bicomponents } from './biconnected.js'
import { egoNetworks } from './egoNetwork.js'
import { floyd } from './slow.test-util.js'
import { adjacency, allSubsets, componentsOf, randomGraph, sortSets } from './structure.test-util.js'

describe('bicomponents', () => {
  it('finds cut-points and bi-components', () => {
    // triangle a b c, bridge c-d, triangle d e f, isolate z
    const g = edges('a-b b-c c-a c-d d-e e-f f-d z')
    const r = bicomponents(g)
    expect(Array.from(r.cutPoints)).toEqual([0, 0, 1, 1, 0, 0, 0])
    expect(r.components.map((c) => c.join(',')).sort()).toEqual(['0,1,2', '2,3', '3,4,5'])
  })
  it('treats a cycle as one bi-component and a star centre as a cut-point', () => {
    expect(bicomponents(edges('a-b b-c c-d d-a')).components).toEqual([[0, 1, 2, 3]])
    const star = bicomponents(edges('c-a c-b c-d'))
    expect(Array.from(star.cutPoints)).toEqual([1, 0, 0, 0])
    expect(star.components.length).toBe(3)
  })
  it('follows ties in either direction on digraphs', () => {
    const r = bicomponents(edges('a->b b->c c->a c->d', { directed: true }))
    expect(Array.from(r.cutPoints)).toEqual([0, 0, 1, 0])
  })
})

describe('egoNetworks', () => {
  it('measures each neighbourhood', () => {
    // e's alters a, b, c; a-b tied; x hangs off c
    const g = edges('e-a e-b e-c a-b c-x')
    const r = egoNetworks(g)
    expect(r.size[0]).toBe(3)
    expect(r.ties[0]).toBe(1)
    expect(r.pairs[0]).toBe(6)
    expect(r.density[0]).toBeCloseTo(2 / 6, 12)
    expect(r.components[0]).toBe(2)
    expect(r.brokerage[0]).toBe(2)
    // e reaches a, b, c in one step and x in two: all 4 others
    expect(r.twoStepReach[0]).toBe(1)
    // x has one alter: no density
    expect(Number.isNaN(r.density[4]!)).toBe(true)
  })
  it('counts arcs and ordered pairs on digraphs', () => {
    const r = egoNetworks(edges('e->a e->b a->b', { directed: true }))
    expect([r.size[0], r.ties[0], r.pairs[0], r.density[0], r.brokerage[0]]).toEqual([2, 1, 2, 0.5, 0])
  })
})

describe('bicomponents against brute force', () => {
  it('a cut-point is a node whose removal adds a component; bi-components are the maximal biconnected node sets', () => {
    for (let s = 1; s <= 40; s++) {
      const g = randomGraph(1700 + s, 5 + (s % 6), 0.15 + (s % 5) * 0.07, s % 3 === 0)
      const a = adjacency(g)
      const n = g.n
      const all = [...Array(n).keys()]
      const r = bicomponents(g)
      const before = componentsOf(a).length
      for (let v = 0; v < n; v++) {
        const after = componentsOf(
          a,
          all.filter((u) => u !== v),
        ).length
        expect(r.cutPoints[v]).toBe(after > before ? 1 : 0)
      }
      // S induces a connected subgraph that no single removal disconnects (a tie counts as one)
      const biconnected = (S: number[]): boolean =>
        S.length >= 2 &&
        componentsOf(a, S).length === 1 &&
        (S.length === 2 ||
          S.every(
            (x) =>
              componentsOf(
                a,
                S.filter((y) => y !== x),
              ).length === 1,
          ))
      const sets = [...allSubsets(n)].filter(biconnected)
      const maximal = sets.filter((S) => !sets.some((T) => T.length > S.length && S.every((x) => T.includes(x))))
      expect(sortSets(r.components)).toEqual(sortSets(maximal))
    }
  })
})

describe('egoNetworks against each ego network built explicitly', () => {
  it('measures every neighbourhood as its definition says', () => {
    for (let s = 1; s <= 20; s++) {
      const g = randomGraph(1800 + s, 4 + (s % 8), 0.2 + (s % 4) * 0.1, s % 2 === 0)
      const a = adjacency(g)
      const n = g.n
      const d = floyd(g)
      const tied = (u: number, v: number): boolean => a[u]![v] === 1 || a[v]![u] === 1
      const r = egoNetworks(g)
      for (let i = 0; i < n; i++) {
        const alters = [...Array(n).keys()].filter((j) => j !== i && tied(i, j))
        const k = alters.length
        let arcs = 0
        let open = 0
        for (const u of alters)
          for (const v of alters) {
            if (u === v) continue
            arcs += a[u]![v]!
            if (!tied(u, v)) open++
          }
        const ties = g.directed ? arcs : arcs / 2
        expect(r.size[i]).toBe(k)
        expect(r.ties[i]).toBe(ties)
        expect(r.pairs[i]).toBe(k > 1 ? k * (k - 1) : 0)
        if (k < 2) expect(r.density[i]).toBeNaN()
        else expect(r.density[i]).toBeCloseTo(arcs / (k * (k - 1)), 12)
        expect(r.components[i]).toBe(componentsOf(a, alters).length)
        expect(r.brokerage[i]).toBe(g.directed ? open : open / 2)
        // within two steps on the skeleton (ties in either direction); Floyd–Warshall agrees when undirected
        let near = 0
        for (let v = 0; v < n; v++) if (v !== i && (tied(i, v) || alters.some((u) => tied(u, v)))) near++
        if (!g.directed) expect(near).toBe([...Array(n).keys()].filter((v) => v !== i && d[i]![v]! <= 2).length)
        expect(r.twoStepReach[i]).toBeCloseTo(near / (n - 1), 12)
      }
    }
  })
})
