// The designed network from responsibilities (lead → others, co/support both ways, value = shared domains) and its comparison.

import { FORMATS, NetworkBuilder, writeNetwork } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { compareNetworks, designedNetwork } from './designed.js'
import { buildNetwork } from './network.js'
import type { Activity, Actor, ResponsibilityInput, Tie } from './records.js'
import { actor, owned } from './records.test-util.js'

const duty = (domain: string, actorId: string, role: string, from: string, to?: string): ResponsibilityInput => ({
  domain,
  actorId,
  role,
  from,
  to: to ?? null,
  source: 'duty_list',
})

const actors: Actor[] = [
  actor('rc', 'Q', 'residents_committee'),
  actor('ps', 'G', 'police_station'),
  actor('pc', 'M', 'property_company'),
  actor('oc', 'O', 'owners_committee'),
  actor('ngo', 'S', 'social_organisation'),
  actor('fire', 'G', 'fire_station'),
]
const duties: ResponsibilityInput[] = [
  duty('FIRE', 'fire', 'lead', '2026-01-01'),
  duty('FIRE', 'pc', 'co', '2026-01-01'),
  duty('FIRE', 'rc', 'support', '2026-01-01'),
  duty('FIRE', 'rc', 'co', '2026-02-01'), // listed twice: counts once
  duty('PUBLIC_ORDER', 'ps', 'lead', '2026-01-01', '2026-03-31'),
  duty('PUBLIC_ORDER', 'rc', 'co', '2026-01-01', '2026-03-31'),
  duty('PUBLIC_ORDER', 'pc', 'support', '2026-01-01', '2026-03-31'),
  duty('ELDERLY', 'rc', 'lead', '2026-06-01'),
  duty('ELDERLY', 'ngo', 'co', '2026-06-01'),
]

/** The ties of the DESIGNED relation as "s>t:v", sorted. */
function arcs(net: ReturnType<typeof designedNetwork>['network']): string[] {
  const g = net.graph
  const out: string[] = []
  for (let e = 0; e < g.m; e++)
    out.push(`${g.nodes.ids[g.tieSource[e]!]}>${g.nodes.ids[g.tieTarget[e]!]}:${g.tieWeight[e]}`)
  return out.sort()
}

describe('designedNetwork', () => {
  it('ties the lead to every other responsible actor and co/support actors both ways, valued by shared domains', () => {
    const { network, used } = designedNetwork(actors, duties)
    expect(network.relationNames()).toEqual(['DESIGNED'])
    expect(network.nodes.ids).toEqual(actors.map((a) => a.id))
    expect(network.nodes.attribute('sector')).toEqual(['Q', 'G', 'M', 'O', 'S', 'G'])
    expect(arcs(network)).toEqual(
      [
        'fire>pc:1', // FIRE lead → co
        'fire>rc:1', // FIRE lead → support
        'pc>rc:2', // co and support in FIRE, support and co in PUBLIC_ORDER
        'rc>pc:2',
        'ps>rc:1', // PUBLIC_ORDER lead → co
        'ps>pc:1', // PUBLIC_ORDER lead → support
        'rc>ngo:1', // ELDERLY lead → co
      ].sort(),
    )
    expect(used).toEqual({
      responsibilities: 9,
      domains: ['FIRE', 'PUBLIC_ORDER', 'ELDERLY'],
      on: null,
      from: null,
      to: null,
    })
    for (const f of FORMATS) expect(writeNetwork(network, f.name).length).toBeGreaterThan(0)
  })

  it('filters by the date the responsibilities are in force and by domain', () => {
    // 1 May: public order duties ended on 31 March, elderly duties start on 1 June
    expect(arcs(designedNetwork(actors, duties, { on: '2026-05-01' }).network)).toEqual([
      'fire>pc:1',
      'fire>rc:1',
      'pc>rc:1',
      'rc>pc:1',
    ])
    // the last day of a period is in force
    expect(designedNetwork(actors, duties, { on: '2026-03-31' }).used.domains).toEqual(['FIRE', 'PUBLIC_ORDER'])
    expect(designedNetwork(actors, duties, { from: '2026-04-01', to: '2026-05-31' }).used.domains).toEqual(['FIRE'])
    expect(designedNetwork(actors, duties, { from: '2026-03-31', to: '2026-06-01' }).used.responsibilities).toBe(9)
    expect(arcs(designedNetwork(actors, duties, { domains: ['ELDERLY'] }).network)).toEqual(['rc>ngo:1'])
    // co-leads: each lead reaches the other
    const two = designedNetwork(actors, [
      duty('GAS', 'rc', 'lead', '2026-01-01'),
      duty('GAS', 'pc', 'lead', '2026-01-01'),
    ])
    expect(arcs(two.network)).toEqual(['pc>rc:1', 'rc>pc:1'])
  })

  it('rejects a responsibility of an actor not given', () => {
    expect(() => designedNetwork(actors.slice(0, 2), duties)).toThrow(/unknown node/)
  })
})

describe('compareNetworks', () => {
  const activity = (id: string, kind: string, day: string, convenerId: string, attendedIds: string[]): Activity => ({
    ...owned,
    id,
    kind,
    title: id,
    start: `${day}T09:00:00+08:00`,
    domains: ['PUBLIC_ORDER'],
    phase: 'PREVENT',
    convenerId,
    invitedIds: attendedIds,
    attendedIds,
    decisions: [],
    actionItems: [],
  })
  const tie = (id: string, relation: Tie['relation'], s: string, t: string): Tie => ({
    ...owned,
    id,
    relation,
    sourceId: s,
    targetId: t,
    value: 1,
    date: '2026-01-05',
    provenance: 'record',
  })
  const observed = buildNetwork({
    actors,
    activities: [
      activity('m1', 'meeting', '2026-01-10', 'rc', ['ps', 'pc']),
      activity('p1', 'patrol', '2026-02-10', 'ps', ['rc']),
    ],
    ties: [tie('t1', 'INFO', 'rc', 'oc'), tie('t2', 'COMMAND', 'fire', 'pc')],
  }).network

  it('lists overlapping, missing and unexpected dyads with the Jaccard index', () => {
    const c = compareNetworks(designedNetwork(actors, duties).network, observed)
    expect(c.overlap).toEqual([
      ['rc', 'ps'],
      ['rc', 'pc'],
      ['ps', 'pc'],
    ])
    expect(c.missing).toEqual([
      ['rc', 'ngo'],
      ['rc', 'fire'],
      ['pc', 'fire'], // COMMAND is not in the observed (collaboration) network
    ])
    expect(c.unexpected).toEqual([['rc', 'oc']])
    expect(c.counts).toEqual({ designed: 6, observed: 4, overlap: 3, missing: 3, unexpected: 1 })
    expect(c.jaccard).toBe(3 / 7)
    // a subset of relations
    expect(
      compareNetworks(designedNetwork(actors, duties).network, observed, { relations: ['DESIGNED', 'INFO'] }).overlap,
    ).toEqual([])
  })

  it('matches nodes by id whatever their order, and needs the same node ids', () => {
    const b = new NetworkBuilder({ directed: false })
    for (const id of ['fire', 'ngo', 'oc', 'pc', 'ps', 'rc']) b.addNode(id)
    b.addTie('ngo', 'rc')
    b.addTie('oc', 'pc')
    const c = compareNetworks(designedNetwork(actors, duties).network, b.build().network)
    expect(c.overlap).toEqual([['rc', 'ngo']])
    expect(c.unexpected).toEqual([['pc', 'oc']])
    const empty = designedNetwork(actors, []).network
    expect(compareNetworks(empty, empty).jaccard).toBeNull()
    const fewer = new NetworkBuilder({ directed: false })
    fewer.addNode('rc')
    expect(() => compareNetworks(empty, fewer.build().network)).toThrow(/different nodes/)
  })
})
