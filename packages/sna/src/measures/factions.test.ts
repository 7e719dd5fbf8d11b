// Factions: an ideal two-group structure is found with fit 1; seeds reproduce.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { factions } from './factions.js'

describe('factions', () => {
  it('finds two cliques with no ties between them', () => {
    const g = edges('a-b a-c b-c d-e d-f e-f')
    const r = factions(g, 2)
    expect(Array.from(r.membership)).toEqual([0, 0, 0, 1, 1, 1])
    expect(r.fit).toBeCloseTo(1, 12)
  })
  it('separates two dense groups joined by one tie, reproducibly', () => {
    const g = edges('a-b a-c a-d b-c b-d c-d d-e e-f e-g e-h f-g f-h g-h')
    const r = factions(g, 2, { seed: 5 })
    expect(Array.from(r.membership)).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
    expect(factions(g, 2, { seed: 5 })).toEqual(r)
    expect(() => factions(g, 1)).toThrow(RangeError)
  })
})
