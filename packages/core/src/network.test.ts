// Records to network: co-attendance and recorded ties per relation, filtered by relation, domain and period.

import { describe, expect, it } from 'vitest'
import { buildNetwork, type CommunityRecords } from './network.js'
import type { Activity, Tie } from './records.js'
import { actor, owned } from './records.test-util.js'

const activity = (
  id: string,
  kind: string,
  day: string,
  domains: string[],
  convenerId: string,
  attendedIds: string[],
): Activity => ({
  ...owned,
  id,
  kind,
  title: id,
  start: `${day}T09:00:00+08:00`,
  domains,
  phase: 'PREVENT',
  convenerId,
  invitedIds: attendedIds,
  attendedIds,
  decisions: [],
  actionItems: [],
})
const tie = (id: string, relation: Tie['relation'], s: string, t: string, date: string, value = 1): Tie => ({
  ...owned,
  id,
  relation,
  sourceId: s,
  targetId: t,
  value,
  date,
  provenance: 'record',
})

const records: CommunityRecords = {
  actors: [
    actor('rc', 'Q', 'residents_committee'),
    actor('ps', 'G', 'police_station'),
    actor('pc', 'M', 'property_company'),
    actor('oc', 'O', 'owners_committee'),
  ],
  activities: [
    activity('m1', 'meeting', '2026-01-10', ['FIRE'], 'rc', ['ps', 'pc']),
    activity('p1', 'patrol', '2026-02-10', ['PUBLIC_ORDER'], 'ps', ['rc']),
    activity('p2', 'patrol', '2026-03-10', ['PUBLIC_ORDER'], 'ps', ['rc']),
  ],
  ties: [tie('t1', 'INFO', 'rc', 'oc', '2026-01-05', 3), tie('t2', 'COMMAND', 'ps', 'pc', '2026-01-05')],
}

describe('buildNetwork', () => {
  it('turns co-attendance and recorded ties into one relation per type, collaboration only by default', () => {
    const { network, used } = buildNetwork(records)
    expect(network.relationNames()).not.toContain('COMMAND')
    const consult = network.findRelation('CONSULT')!
    // the meeting: rc, ps and pc pairwise, both ways
    expect(consult.m).toBe(6)
    const joint = network.findRelation('JOINT_ACTION')!
    // two patrols of ps and rc: value 2 both ways
    expect(joint.weight(network.nodes.get('ps'), network.nodes.get('rc'))).toBe(2)
    expect(joint.weight(network.nodes.get('rc'), network.nodes.get('ps'))).toBe(2)
    // INFO is directed: rc → oc only
    const info = network.findRelation('INFO')!
    expect(info.weight(network.nodes.get('rc'), network.nodes.get('oc'))).toBe(3)
    expect(info.weight(network.nodes.get('oc'), network.nodes.get('rc'))).toBe(0)
    expect(used).toMatchObject({ activities: 3, ties: 1 })
    expect(network.nodes.attribute('sector')).toEqual(['Q', 'G', 'M', 'O'])
    expect(network.nodes.label(0)).toBe('RC')
  })
  it('filters by relation, domain and period', () => {
    expect(buildNetwork(records, { relations: ['COMMAND'] }).network.graph.m).toBe(1)
    const fire = buildNetwork(records, { domains: ['FIRE'] })
    expect(fire.used).toMatchObject({ activities: 1, ties: 0 })
    const feb = buildNetwork(records, { from: '2026-02-01', to: '2026-02-28' })
    expect(feb.used).toMatchObject({ activities: 1, ties: 0 })
    expect(feb.network.findRelation('JOINT_ACTION')!.m).toBe(2)
  })
  it('merges the relations into one when asked', () => {
    const { network } = buildNetwork(records, {}, { merge: true })
    expect(network.relationNames()).toEqual(['ALL'])
    // rc–ps: one meeting and two patrols
    expect(network.graph.weight(network.nodes.get('rc'), network.nodes.get('ps'))).toBe(3)
  })
})
