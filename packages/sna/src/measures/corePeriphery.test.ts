// Core–periphery: the search finds ideal structures and never does worse than the given partition.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { continuousCoreness, corePeripheryPartition } from './corePeriphery.js'
import { corePeripheryFit } from './groups.js'

describe('corePeripheryPartition', () => {
  it('recovers an ideal core–periphery structure', () => {
    // core a, b, c all tied; each periphery node tied to every core node only
    const g = edges('a-b a-c b-c a-d b-d c-d a-e b-e c-e a-f b-f c-f')
    const r = corePeripheryPartition(g)
    expect(Array.from(r.core)).toEqual([1, 1, 1, 0, 0, 0])
    expect(r.fit).toBeCloseTo(1, 12)
  })
  it('reports the fit of the partition it returns and beats the reference partition', () => {
    const net = readCsv(fixture('data/karate/karate.csv'), { nodes: fixture('data/karate/karate.nodes.csv') }).network
    const g = net.graph
    const r = corePeripheryPartition(g, { seed: 4 })
    expect(r.fit).toBeCloseTo(
      corePeripheryFit(
        g,
        Array.from(r.core, (x) => x === 1),
      ),
      12,
    )
    // the reference partition (highest k-core) has fit 0.2409
    expect(r.fit).toBeGreaterThan(0.2408819307033566)
    expect(corePeripheryPartition(g, { seed: 4 })).toEqual(r)
  })
})

describe('continuousCoreness', () => {
  it('ranks the core above the periphery and fits a rank-one pattern', () => {
    const g = edges('a-b a-c b-c a-d b-d c-d a-e b-e c-e')
    const r = continuousCoreness(g)
    expect(r.coreness[0]!).toBeGreaterThan(r.coreness[3]!)
    expect(r.coreness[0]!).toBeCloseTo(r.coreness[1]!, 9)
    let len = 0
    for (const x of r.coreness) len += x * x
    expect(len).toBeCloseTo(1, 12)
    expect(r.fit).toBeGreaterThan(0.5)
  })
})
