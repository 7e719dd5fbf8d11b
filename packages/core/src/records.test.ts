// Record schemas and access rules: what a client may send, and who may see what.

import { describe, expect, it } from 'vitest'
import { AccountInput, can, inScope, PERMISSIONS, ROLE_CODES } from './access.js'
import { ActivityInput, ActorInput, looksLikeIdNumber, TieInput } from './records.js'

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []

describe('record schemas', () => {
  it('checks an actor’s sector against its type and keeps individuals pseudonymous', () => {
    expect(
      ActorInput.safeParse({ type: 'police_station', sector: 'G', name: 'Police', territoryId: 's1' }).success,
    ).toBe(true)
    expect(
      issues(ActorInput.safeParse({ type: 'police_station', sector: 'M', name: 'Police', territoryId: 's1' })),
    ).toEqual(['sector: a police station belongs to sector G, not M'])
    const person = { type: 'resident', sector: 'I', name: 'Resident 12', territoryId: 'g1' }
    expect(ActorInput.safeParse(person).success).toBe(true)
    expect(issues(ActorInput.safeParse({ ...person, contact: { phone: '13800000000' } }))).toEqual([
      'contact: individuals are stored under an alias only: no contact details',
    ])
    expect(issues(ActorInput.safeParse({ ...person, name: 'Li 11010119900307851X' }))[0]).toMatch(/identity document/)
    expect(looksLikeIdNumber('110101199003078515')).toBe(true)
    expect(looksLikeIdNumber('Building 3, unit 2')).toBe(false)
  })
  it('checks ties and activities', () => {
    const tie = { relation: 'INFO', sourceId: 'a', targetId: 'b', date: '2026-01-05', provenance: 'record' }
    expect(TieInput.parse(tie).value).toBe(1)
    expect(issues(TieInput.safeParse({ ...tie, targetId: 'a' }))).toEqual([
      'targetId: a tie joins two different actors',
    ])
    expect(issues(TieInput.safeParse({ ...tie, date: undefined }))).toEqual([
      'date: give a date or the start of a period',
    ])
    expect(issues(TieInput.safeParse({ ...tie, value: 0 }))).toEqual(['value: must be > 0'])
    const act = {
      kind: 'drill',
      title: 'Fire drill',
      start: '2026-04-01T14:00:00+08:00',
      end: '2026-04-01T13:00:00+08:00',
      domains: ['FIRE'],
      phase: 'PREPARE',
      convenerId: 'fs',
      invitedIds: ['pc', 'pc'],
      attendedIds: [],
    }
    expect(issues(ActivityInput.safeParse(act)).sort()).toEqual([
      'end: the activity ends before it starts',
      'invitedIds: invited lists an actor twice',
    ])
    expect(
      issues(ActivityInput.safeParse({ ...act, end: null, invitedIds: [], start: '2026-04-01 14:00' }))[0],
    ).toMatch(/^start: expected a date and time/)
  })
})

describe('access', () => {
  it('gives each role its grants, and none writes everything but the administrator', () => {
    expect(can('admin', 'write', 'account')).toBe(true)
    expect(can('researcher', 'write', 'actor')).toBe(false)
    expect(can('researcher', 'read', 'actor')).toBe(true)
    expect(can('district', 'write', 'activity')).toBe(false)
    expect(can('actor', 'write', 'tie')).toBe(true)
    expect(can('actor', 'write', 'actor')).toBe(false)
    expect(can('resident', 'read', 'actor')).toBe(false)
    for (const role of ROLE_CODES) if (role !== 'admin') expect(PERMISSIONS[role].account).toBeUndefined()
  })
  it('scopes territory roles to what lies under them and the rest to one community', () => {
    const path = ['c1', 's1', 'd1'] // community, street, district
    expect(inScope({ role: 'street', scopeId: 's1' }, path)).toBe(true)
    expect(inScope({ role: 'street', scopeId: 's2' }, path)).toBe(false)
    expect(inScope({ role: 'district', scopeId: 'd1' }, path)).toBe(true)
    expect(inScope({ role: 'community', scopeId: 'c1' }, path)).toBe(true)
    expect(inScope({ role: 'community', scopeId: 's1' }, path)).toBe(false)
    expect(inScope({ role: 'admin', scopeId: null }, path)).toBe(true)
    expect(AccountInput.safeParse({ username: 'ab', displayName: 'x', role: 'admin', scopeId: null }).success).toBe(
      false,
    )
    expect(issues(AccountInput.safeParse({ username: 'rep', displayName: 'x', role: 'actor', scopeId: 'c1' }))).toEqual(
      ['actorId: an actor representative names their actor'],
    )
  })
})
