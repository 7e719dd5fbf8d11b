// Comparisons: a community against its previous period, and communities against each other.

import { NetworkBuilder, type Network } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { compareCommunities, compareWithPrevious, direction, peerValues, previousValues } from './compare.js'
import { diagnose } from './evaluate.js'
import { RULEBOOK } from './rulebook.js'

function net(spec: string, sectors: Record<string, string>): Network {
  const b = new NetworkBuilder({ directed: false })
  for (const [id, s] of Object.entries(sectors)) b.addNode(id, { sector: s })
  b.relation('COLLAB')
  for (const part of spec.trim().split(/\s+/)) {
    const [u, v] = part.split('-') as [string, string]
    b.addTie(u, v, 1, 'COLLAB')
  }
  return b.build().network
}
const S = { q: 'Q', g1: 'G', g2: 'G', m: 'M', o: 'O', s: 'S' }
const starry = diagnose({ network: net('q-g1 q-g2 q-m q-o q-s', S) })
const ring = diagnose({ network: net('q-g1 g1-g2 g2-m m-o o-s s-q', S) })
const mid = diagnose({ network: net('q-g1 q-g2 q-m q-o q-s g1-g2 m-o', S) })

describe('comparisons', () => {
  it('reads which way is better from the first band', () => {
    const dir = (id: string) => direction(RULEBOOK.find((r) => r.id === id)!)
    expect([dir('STR-2'), dir('CON-4'), dir('MEC-3')]).toEqual(['lower-is-better', 'higher-is-better', 'two-sided'])
  })

  it('sets a community against its previous period', () => {
    const changes = compareWithPrevious(ring, starry)
    const str2 = changes.find((c) => c.rule === 'STR-2')!
    expect(str2.before).toBeCloseTo(1)
    expect(str2.after).toBeCloseTo(0)
    expect(str2).toMatchObject({ statusBefore: 'fired', statusAfter: 'clear', improved: true })
    expect(changes.find((c) => c.rule === 'CON-1')).toMatchObject({ before: null, after: null, improved: null })
  })

  it('feeds the previous period into the next diagnosis', () => {
    const prev = previousValues(starry)
    expect(prev['STR-2']).toBeCloseTo(1)
    const d = diagnose({ network: net('q-g1 g1-g2 g2-m m-o o-s s-q', S), previous: prev })
    const str1 = d.findings.find((f) => f.rule === 'STR-1')!
    expect(str1.status).toBe('clear')
    expect(str1.evidence.checks[0]).toMatchObject({ basis: 'previous', reference: prev['STR-1'] })
  })

  it('ranks communities per rule with percentiles, and gives peers for the peer basis', () => {
    const cmp = compareCommunities([
      { community: 'star', diagnosis: starry },
      { community: 'ring', diagnosis: ring },
      { community: 'mid', diagnosis: mid },
    ])
    expect(cmp.map((r) => r.rule)).toEqual(RULEBOOK.map((r) => r.id))
    const str2 = cmp.find((r) => r.rule === 'STR-2')!
    expect(str2.communities.map((c) => [c.community, c.rank])).toEqual([
      ['ring', 1],
      ['mid', 2],
      ['star', 3],
    ])
    const pcts = str2.communities.map((c) => c.percentile)
    ;[100 / 6, 50, 500 / 6].forEach((p, k) => expect(pcts[k]).toBeCloseTo(p, 9))
    expect(cmp.find((r) => r.rule === 'CON-1')!.insufficient).toEqual(['star', 'ring', 'mid'])
    expect(peerValues([ring, mid])['STR-2']).toHaveLength(2)
  })
})
