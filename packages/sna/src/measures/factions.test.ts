// Factions: an ideal two-group structure is found with fit 1; seeds reproduce.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { factions } from './factions.js'
import { adjacency, allAssignments, pearson, randomGraph } from './structure.test-util.js'

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

/** Fit by the definition: correlation over ordered pairs i≠j of the arc a_ij with [i and j in the same group]. */
function slowFit(a: number[][], m: readonly number[]): number {
  const x: number[] = []
  const y: number[] = []
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < a.length; j++) {
      if (i === j) continue
      x.push(a[i]![j]!)
      y.push(m[i] === m[j] ? 1 : 0)
    }
  return pearson(x, y)
}

describe('factions against every partition', () => {
  it('reaches the best fit over all partitions into k groups for every seed tried', () => {
    for (let s = 1; s <= 18; s++) {
      const g = randomGraph(300 + s, 5 + (s % 4), 0.25 + (s % 3) * 0.15, s % 3 === 0)
      const a = adjacency(g)
      for (const k of [2, 3]) {
        let best = -Infinity
        for (const m of allAssignments(g.n, k)) {
          if (new Set(m).size < k) continue // k non-empty groups
          const f = slowFit(a, m)
          if (f > best) best = f
        }
        for (const seed of [1, 2, 3]) {
          const r = factions(g, k, { seed })
          // the fit it reports is the fit of the partition it returns
          expect(r.fit).toBeCloseTo(slowFit(a, Array.from(r.membership)), 12)
          // groups are numbered by first member
          expect([...new Set(r.membership)]).toEqual([...Array(r.count).keys()])
          if (k === 2) {
            expect(r.count).toBe(2)
            expect(r.fit).toBeCloseTo(best, 12)
          } else if (r.count === 3) {
            expect(r.fit).toBeCloseTo(best, 12)
          } else {
            // known defect: a random start that leaves a group empty can end with fewer than k
            // groups; such a partition is never worse than the best into exactly k
            expect(r.fit).toBeGreaterThanOrEqual(best - 1e-12)
          }
        }
      }
    }
  })
})

describe('factions keeps k groups', () => {
  it('returns exactly k non-empty factions even when fewer fit better', () => {
    // two triangles want two groups; asked for three, one triangle must be split
    for (let seed = 1; seed <= 5; seed++) {
      const f = factions(edges('a-b b-c c-a d-e e-f f-d'), 3, { seed })
      expect(f.count).toBe(3)
      expect(new Set(f.membership).size).toBe(3)
    }
  })
})
