// Multiplexity and n-cliques on small networks.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import { maximalCliques, nCliques } from './cliques.js'
import { multiplexity } from './multiplex.js'

describe('multiplexity', () => {
  it('counts dyads tied in two or more relations', () => {
    const b = new NetworkBuilder({ directed: true })
    for (const id of ['a', 'b', 'c', 'd']) b.addNode(id)
    b.addTie('a', 'b', 1, 'INFO')
    b.addTie('b', 'c', 1, 'INFO')
    b.addTie('b', 'a', 1, 'RESOURCE') // same dyad as a→b: multiplex
    b.addTie('c', 'd', 1, 'RESOURCE')
    const m = multiplexity(b.build().network)
    expect([m.tiedDyads, m.multiplexDyads]).toEqual([3, 1])
    expect(m.multiplexity).toBeCloseTo(1 / 3, 12)
    // INFO {ab, bc}, RESOURCE {ab, cd}: Jaccard 1/3
    expect(m.overlap[1]).toBeCloseTo(1 / 3, 12)
    expect(Array.from(m.nodeRelations)).toEqual([2, 2, 2, 1])
    expect(m.nodeMultiplexity[0]).toBe(1)
    expect(m.nodeMultiplexity[1]).toBeCloseTo(1 / 2, 12)
  })
})

describe('nCliques', () => {
  it('equals maximal cliques for n = 1 and widens with n', () => {
    const g = edges('a-b b-c c-d d-e')
    expect(nCliques(g, 1, { minSize: 2 })).toEqual(maximalCliques(g, { minSize: 2 }))
    // a path of five: 2-cliques are three consecutive nodes
    expect(nCliques(g, 2)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
    ])
    expect(nCliques(g, 4)).toEqual([[0, 1, 2, 3, 4]])
  })
})
