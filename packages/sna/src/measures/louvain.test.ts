// Louvain communities: known partitions, the modularity it reports, seeds and resolution.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { modularity } from './groups.js'
import { louvain, louvainModularity } from './louvain.js'

function karate() {
  return readCsv(fixture('data/karate/karate.csv')).network.graph
}

describe('louvain', () => {
  it('separates two cliques joined by one tie', () => {
    const g = edges('a-b a-c a-d b-c b-d c-d d-e e-f e-g e-h f-g f-h g-h')
    const r = louvain(g)
    expect(r.count).toBe(2)
    expect(Array.from(r.membership)).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
  })
  it('finds a high-modularity split of the karate club and reports its modularity', () => {
    const g = karate()
    const r = louvain(g, { seed: 2 })
    // the best known modularity of the karate club is 0.41979 (Brandes et al. 2008)
    expect(r.modularity).toBeCloseTo(0.41979, 4)
    expect(r.count).toBe(4)
    // every seed gives a good partition, never above the optimum
    for (let seed = 1; seed <= 10; seed++) {
      const q = louvain(g, { seed }).modularity
      expect(q).toBeGreaterThan(0.39)
      expect(q).toBeLessThanOrEqual(0.41979 + 1e-5)
    }
    // the reported value is Newman modularity of the partition
    expect(r.modularity).toBeCloseTo(modularity(g, r.membership), 12)
  })
  it('gives the same partition for the same seed', () => {
    const g = karate()
    expect(Array.from(louvain(g, { seed: 11 }).membership)).toEqual(Array.from(louvain(g, { seed: 11 }).membership))
  })
  it('finds more communities at higher resolution', () => {
    const g = karate()
    const low = louvain(g, { resolution: 0.5, seed: 2 })
    const high = louvain(g, { resolution: 2, seed: 2 })
    expect(high.count).toBeGreaterThan(low.count)
    expect(high.modularity).toBeCloseTo(louvainModularity(g, high.membership, { resolution: 2 }), 12)
  })
  it('uses weights when asked and keeps isolates alone', () => {
    // a–b strong, b–c weak: weighted, c leaves a and b
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a', 'b', 10)
    b.addTie('b', 'c', 1)
    b.addTie('c', 'd', 10)
    b.addNode('z')
    const g = b.build().network.graph
    const r = louvain(g, { weight: true })
    expect(Array.from(r.membership)).toEqual([0, 0, 1, 1, 2])
    expect(louvain(edges('x y')).count).toBe(2)
  })
})
