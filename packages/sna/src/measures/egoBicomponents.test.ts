// Bi-components, cut-points and ego-network measures on graphs small enough to check by hand.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { bicomponents } from './biconnected.js'
import { egoNetworks } from './egoNetwork.js'

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
