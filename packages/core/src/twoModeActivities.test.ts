// Actor × activity two-mode network and its projection, checked tie by tie and against buildNetwork's co-attendance.

import { FORMATS, twoModeSummary, writeNetwork } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { buildNetwork, type CommunityRecords } from './network.js'
import type { Activity, NetworkFilter, Tie } from './records.js'
import { activityProjection, activityTwoMode } from './twoModeActivities.js'
import { actor, owned } from './records.test-util.js'

const activity = (
  id: string,
  kind: string,
  day: string,
  domains: string[],
  phase: string,
  convenerId: string,
  attendedIds: string[],
  invitedIds: string[] = attendedIds,
): Activity => ({
  ...owned,
  id,
  kind,
  title: `Activity ${id}`,
  start: `${day}T09:00:00+08:00`,
  domains,
  phase,
  convenerId,
  invitedIds,
  attendedIds,
  decisions: [],
  actionItems: [],
})
const info: Tie = {
  ...owned,
  id: 't1',
  relation: 'INFO',
  sourceId: 'rc',
  targetId: 'oc',
  value: 2,
  date: '2026-01-05',
  provenance: 'record',
}

const records: CommunityRecords = {
  actors: [
    actor('rc', 'Q', 'residents_committee'),
    actor('ps', 'G', 'police_station'),
    actor('pc', 'M', 'property_company'),
    actor('oc', 'O', 'owners_committee'),
    actor('fire', 'G', 'fire_station'),
  ],
  activities: [
    // oc invited but absent: no tie
    activity('m1', 'meeting', '2026-01-10', ['FIRE'], 'PREVENT', 'rc', ['ps', 'pc'], ['ps', 'pc', 'oc']),
    activity('p1', 'patrol', '2026-02-10', ['PUBLIC_ORDER'], 'RESPOND', 'ps', ['rc']),
    activity('p2', 'patrol', '2026-03-10', ['PUBLIC_ORDER'], 'PREVENT', 'ps', ['rc', 'pc']),
    // the convener also listed as attending counts once
    activity('d1', 'drill', '2026-03-31', ['FIRE', 'BUILDING'], 'PREPARE', 'fire', ['pc', 'rc', 'fire']),
    // a single participant: a column without pairs
    activity('e1', 'education', '2026-04-01', ['ELDERLY'], 'PREVENT', 'oc', []),
  ],
  ties: [info],
}

/** Ties of a graph as "a-b:w" with ids, sorted. */
function ties(net: ReturnType<typeof activityProjection>): string[] {
  const g = net.graph
  const out: string[] = []
  for (let e = 0; e < g.m; e++)
    out.push(`${g.nodes.ids[g.tieSource[e]!]}-${g.nodes.ids[g.tieTarget[e]!]}:${g.tieWeight[e]}`)
  return out.sort()
}

describe('activityTwoMode', () => {
  it('ties each actor to the activities it convened or attended, rows first', () => {
    const { network, used } = activityTwoMode(records)
    expect(network.twoModeRows).toBe(5)
    expect(network.directed).toBe(false)
    expect(network.nodes.ids).toEqual(['rc', 'ps', 'pc', 'oc', 'fire', 'm1', 'p1', 'p2', 'd1', 'e1'])
    expect(ties(network)).toEqual(
      [
        'rc-m1:1',
        'ps-m1:1',
        'pc-m1:1',
        'rc-p1:1',
        'ps-p1:1',
        'rc-p2:1',
        'ps-p2:1',
        'pc-p2:1',
        'rc-d1:1',
        'pc-d1:1',
        'fire-d1:1',
        'oc-e1:1',
      ].sort(),
    )
    const attr = (name: string) => network.nodes.attribute(name)
    expect(attr('mode')).toEqual(['actor', 'actor', 'actor', 'actor', 'actor', ...Array(5).fill('activity')])
    expect(attr('convened')!.slice(0, 5)).toEqual([1, 2, 0, 1, 1])
    expect(attr('convener')!.slice(5)).toEqual(['rc', 'ps', 'ps', 'fire', 'oc'])
    expect(attr('kind')!.slice(5)).toEqual(['meeting', 'patrol', 'patrol', 'drill', 'education'])
    expect(attr('domains')![8]).toBe('FIRE;BUILDING')
    expect(attr('phase')![5]).toBe('PREVENT')
    expect(attr('day')![8]).toBe('2026-03-31')
    expect(attr('participants')!.slice(5)).toEqual([3, 2, 3, 3, 1])
    expect(network.nodes.label(5)).toBe('Activity m1')
    expect(used).toEqual({
      relations: ['JOINT_ACTION', 'CONSULT'],
      activities: 5,
      domains: null,
      phases: null,
      from: null,
      to: null,
    })
    for (const f of FORMATS) expect(writeNetwork(network, f.name).length).toBeGreaterThan(0)
  })

  it('filters by relation (activity kind), domain, phase and period', () => {
    const ids = (f: Parameters<typeof activityTwoMode>[1]) => activityTwoMode(records, f).network.nodes.ids.slice(5)
    expect(ids({ relations: ['CONSULT'] })).toEqual(['m1'])
    expect(ids({ relations: ['JOINT_ACTION'] })).toEqual(['p1', 'p2', 'd1', 'e1'])
    expect(ids({ relations: ['INFO'] })).toEqual([])
    expect(ids({ domains: ['FIRE'] })).toEqual(['m1', 'd1'])
    expect(ids({ phases: ['PREVENT'] })).toEqual(['m1', 'p2', 'e1'])
    expect(ids({ from: '2026-01-01', to: '2026-03-31' })).toEqual(['m1', 'p1', 'p2', 'd1'])
    expect(ids({ from: '2026-04-01' })).toEqual(['e1'])
    // the convened counts follow the filter
    expect(activityTwoMode(records, { relations: ['CONSULT'] }).network.nodes.attribute('convened')).toEqual([
      1,
      0,
      0,
      0,
      0,
      null,
    ])
  })

  it('rejects an activity naming an unknown actor or sharing an actor id', () => {
    const stray = activity('x', 'patrol', '2026-01-01', ['FIRE'], 'PREVENT', 'rc', ['nobody'])
    expect(() => activityTwoMode({ ...records, activities: [stray] })).toThrow(/unknown node/)
    const clash = activity('rc', 'patrol', '2026-01-01', ['FIRE'], 'PREVENT', 'rc', ['ps'])
    expect(() => activityTwoMode({ ...records, activities: [clash] })).toThrow(/also an actor/)
  })
})

describe('activityProjection', () => {
  it('ties actors by the number of activities they shared', () => {
    const all = activityProjection(activityTwoMode(records))
    expect(all.relationNames()).toEqual(['ALL'])
    expect(all.directed).toBe(false)
    expect(all.nodes.ids).toEqual(['rc', 'ps', 'pc', 'oc', 'fire'])
    expect(all.nodes.attribute('convened')).toEqual([1, 2, 0, 1, 1])
    expect(all.nodes.attribute('sector')).toEqual(['Q', 'G', 'M', 'O', 'G'])
    expect(all.nodes.attribute('kind')).toBeUndefined()
    expect(ties(all)).toEqual(['pc-fire:1', 'ps-pc:2', 'rc-fire:1', 'rc-pc:3', 'rc-ps:3'])
    const meetings = activityProjection(activityTwoMode(records, { relations: ['CONSULT'] }))
    expect(meetings.relationNames()).toEqual(['CONSULT'])
    expect(ties(meetings)).toEqual(['ps-pc:1', 'rc-pc:1', 'rc-ps:1'])
    // the engine's own (binary) projection agrees
    const two = activityTwoMode(records).network
    expect(twoModeSummary(two.graph).rowProjection.rc).toEqual({ ps: 3, pc: 3, fire: 1 })
    for (const f of FORMATS) expect(writeNetwork(all, f.name).length).toBeGreaterThan(0)
  })

  it("equals buildNetwork's co-attendance ties for the same filter", () => {
    const filters: NetworkFilter[] = [
      { relations: ['CONSULT'] },
      { relations: ['JOINT_ACTION'] },
      { relations: ['CONSULT', 'JOINT_ACTION'] },
      { relations: ['JOINT_ACTION'], domains: ['FIRE'] },
      { relations: ['CONSULT', 'JOINT_ACTION'], from: '2026-02-01', to: '2026-03-31' },
      { relations: ['CONSULT', 'JOINT_ACTION'], domains: ['PUBLIC_ORDER', 'FIRE'], to: '2026-03-10' },
    ]
    for (const f of filters) {
      const projected = activityProjection(activityTwoMode(records, f)).graph
      const built = buildNetwork(records, f, { merge: f.relations!.length > 1 }).network
      const g = built.findRelation(projected.relation)!
      expect(built.nodes.ids).toEqual(projected.nodes.ids)
      for (let u = 0; u < g.n; u++)
        for (let v = 0; v < g.n; v++) {
          if (u === v) continue
          expect([f, u, v, projected.weight(u, v)]).toEqual([f, u, v, g.weight(u, v)])
        }
    }
  })
})
