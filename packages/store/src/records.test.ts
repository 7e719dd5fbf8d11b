// The records on both dialects: round-trips, community isolation, references, audit entries.

import { beforeAll, expect, it, vi } from 'vitest'
import { StoreError, type Store } from './index.js'
import {
  buildActivity,
  buildActor,
  buildPlace,
  buildResponsibility,
  buildTie,
  describeStore,
  STAFF,
  SYSTEM,
  uid,
  type Place,
} from './store.test-util.js'

/** Resolves to the StoreError a promise rejects with (fails when it resolves or throws something else). */
async function storeError(p: Promise<unknown>): Promise<StoreError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(StoreError)
  return e as StoreError
}

const tick = () => new Promise((r) => setTimeout(r, 3))

const OWNED = { id: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String) }

describeStore('territories', (h) => {
  let s: Store
  let p: Place
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
  })

  it('round-trips a territory with the id given or a new one', async () => {
    const input = {
      level: 'grid',
      code: uid('g'),
      nameZh: '第二网格',
      nameEn: 'Grid 2',
      parentId: p.community,
    } as const
    const made = await s.territories.create(SYSTEM, input, uid('t'))
    expect(made).toEqual({ ...input, id: made.id })
    expect(await s.territories.get(made.id)).toEqual(made)
    const auto = await s.territories.create(SYSTEM, { ...input, code: uid('g') })
    expect(auto.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('lists by level and parent, in creation order', async () => {
    const q = await buildPlace(s)
    await tick() // creation order shows only across milliseconds (within one, ids decide)
    const c2 = await s.territories.create(SYSTEM, {
      level: 'community',
      code: uid('c'),
      nameZh: '二社区',
      nameEn: 'C2',
      parentId: q.street,
    })
    const under = await s.territories.list({ parentId: q.street })
    expect(under.map((t) => t.id)).toEqual([q.community, c2.id])
    const communities = await s.territories.list({ level: 'community' })
    expect(communities.every((t) => t.level === 'community')).toBe(true)
    expect(communities.map((t) => t.id)).toEqual(expect.arrayContaining([p.community, q.community, c2.id]))
    expect(await s.territories.list({ level: undefined, parentId: undefined })).toHaveLength(
      (await s.territories.list()).length,
    )
  })

  it('lists ancestors nearest first and the communities under a territory', async () => {
    expect((await s.territories.ancestors(p.grid)).map((t) => t.id)).toEqual([
      p.grid,
      p.community,
      p.street,
      p.district,
    ])
    expect((await s.territories.ancestors(p.district)).map((t) => t.id)).toEqual([p.district])
    expect(await s.territories.ancestors('nowhere')).toEqual([])
    const c2 = await s.territories.create(SYSTEM, {
      level: 'community',
      code: uid('c'),
      nameZh: '二社区',
      nameEn: 'C2',
      parentId: p.street,
    })
    expect((await s.territories.communitiesUnder(p.district)).map((t) => t.id)).toEqual([p.community, c2.id])
    expect((await s.territories.communitiesUnder(p.street)).map((t) => t.id)).toEqual([p.community, c2.id])
    expect((await s.territories.communitiesUnder(p.community)).map((t) => t.id)).toEqual([p.community])
    expect(await s.territories.communitiesUnder(p.grid)).toEqual([])
    expect(await s.territories.communitiesUnder('nowhere')).toEqual([])
  })

  it('keeps each level under the one above it', async () => {
    const base = { code: uid('x'), nameZh: '错', nameEn: 'Wrong' }
    for (const input of [
      { ...base, level: 'district', parentId: p.district },
      { ...base, level: 'street', parentId: null },
      { ...base, level: 'street', parentId: p.community },
      { ...base, level: 'grid', parentId: 'nowhere' },
    ] as const) {
      const e = await storeError(s.territories.create(SYSTEM, input))
      expect([e.code, e.field]).toEqual(['E_REFERENCE', 'parentId'])
    }
  })

  it('refuses a second territory with the same level and code, or the same id', async () => {
    const input = { level: 'grid', code: uid('g'), nameZh: '网格', nameEn: 'Grid', parentId: p.community } as const
    const first = await s.territories.create(SYSTEM, input)
    const e = await storeError(s.territories.create(SYSTEM, input))
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'code'])
    const again = await storeError(s.territories.create(SYSTEM, { ...input, code: uid('g') }, first.id))
    expect([again.code, again.field]).toEqual(['E_DUPLICATE', 'id'])
    // the same code at another level is another territory
    await s.territories.create(SYSTEM, { ...input, level: 'community', parentId: p.street })
  })

  it('updates a territory and writes audit entries with before and after', async () => {
    const input = { level: 'grid', code: uid('g'), nameZh: '网格', nameEn: 'Grid', parentId: p.community } as const
    const t = await s.territories.create(STAFF, input)
    const changed = await s.territories.update(STAFF, t.id, { ...input, nameEn: 'Grid A' })
    expect(changed).toEqual({ ...t, nameEn: 'Grid A' })
    expect(await s.territories.get(t.id)).toEqual(changed)
    expect(await s.territories.update(STAFF, 'nowhere', input)).toBeUndefined()
    const log = await s.audit.list({ entity: 'territory', entityId: t.id })
    expect(log).toMatchObject([
      { action: 'create', accountId: 'acc-staff', communityId: null, before: null, after: t },
      { action: 'update', accountId: 'acc-staff', communityId: null, before: t, after: changed },
    ])
  })

  it('does not change the level of a territory that has others in it', async () => {
    const q = await buildPlace(s)
    const c = (await s.territories.get(q.community))!
    const e = await storeError(s.territories.update(SYSTEM, c.id, { ...c, level: 'grid', parentId: p.community }))
    expect(e.code).toBe('E_IN_USE')
  })
})

describeStore('actors', (h) => {
  let s: Store
  let p: Place
  let other: Place
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
    other = await buildPlace(s)
  })

  it('round-trips a full actor; absent optional fields come back as null', async () => {
    const full = buildActor({
      type: 'property_company',
      sector: 'M',
      name: '物业公司',
      nameEn: 'Property company',
      territoryId: p.grid,
      orgCode: 'PC-1',
      contact: { person: '王经理', phone: '010-1234', email: 'pc@example.org' },
      activeFrom: '2025-01-01',
      activeTo: '2027-12-31',
      note: '负责 3 号楼',
    })
    const a = await s.actors.create(STAFF, p.community, full, 'pc')
    expect(a).toEqual({ ...full, ...OWNED, id: 'pc', communityId: p.community })
    expect(a.createdAt).toBe(a.updatedAt)
    expect(new Date(a.createdAt).toISOString()).toBe(a.createdAt)
    expect(await s.actors.get(p.community, 'pc')).toEqual(a)

    const bare = buildActor({ territoryId: p.community })
    const b = await s.actors.create(STAFF, p.community, bare)
    expect(b).toEqual({
      ...bare,
      ...OWNED,
      communityId: p.community,
      nameEn: null,
      orgCode: null,
      contact: null,
      activeFrom: null,
      activeTo: null,
      note: null,
    })
    expect(await s.actors.get(p.community, b.id)).toEqual(b)

    const partial = await s.actors.create(STAFF, p.community, { ...bare, contact: { phone: '110' } })
    expect(partial.contact).toEqual({ person: null, phone: '110', email: null })
    expect((await s.actors.get(p.community, partial.id))!.contact).toEqual(partial.contact)
  })

  it('lists in creation order, pages, and counts per community', async () => {
    const q = await buildPlace(s)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await s.actors.create(SYSTEM, q.community, buildActor({ territoryId: q.community, name: `A${i}` }))).id)
      await tick()
    }
    expect((await s.actors.list(q.community)).map((a) => a.id)).toEqual(ids)
    expect((await s.actors.list(q.community, { limit: 2 })).map((a) => a.id)).toEqual(ids.slice(0, 2))
    expect((await s.actors.list(q.community, { limit: 2, offset: 2 })).map((a) => a.id)).toEqual(ids.slice(2, 4))
    expect((await s.actors.list(q.community, { offset: 3 })).map((a) => a.id)).toEqual(ids.slice(3))
    expect(await s.actors.count(q.community)).toBe(5)
    expect(await s.actors.count('nowhere')).toBe(0)
    await expect(s.actors.list(q.community, { limit: -1 })).rejects.toThrow(RangeError)
  })

  it('orders records created in the same millisecond by id, byte by byte', async () => {
    const q = await buildPlace(s)
    const ids = ['ab', 'a_b', 'aC', 'a-c', 'B', 'a.c', 'a:c']
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-05T01:30:00.000Z') })
    try {
      for (const id of ids) await s.actors.create(SYSTEM, q.community, buildActor({ territoryId: q.community }), id)
    } finally {
      vi.useRealTimers()
    }
    const list = await s.actors.list(q.community)
    expect(new Set(list.map((a) => a.createdAt))).toEqual(new Set(['2026-03-05T01:30:00.000Z']))
    expect(list.map((a) => a.id)).toEqual([...ids].sort())
  })

  it('updates and deletes, keeping createdAt and writing before and after to the audit log', async () => {
    const input = buildActor({ territoryId: p.community, name: '旧名' })
    const a = await s.actors.create(STAFF, p.community, input)
    await tick()
    const b = await s.actors.update(STAFF, p.community, a.id, { ...input, name: '新名', note: '改名' })
    expect(b).toEqual({ ...a, name: '新名', note: '改名', updatedAt: expect.any(String) })
    expect(b!.updatedAt > a.updatedAt).toBe(true)
    expect(await s.actors.get(p.community, a.id)).toEqual(b)
    expect(await s.actors.delete(STAFF, p.community, a.id)).toBe(true)
    expect(await s.actors.get(p.community, a.id)).toBeUndefined()
    expect(await s.actors.delete(STAFF, p.community, a.id)).toBe(false)

    const log = await s.audit.list({ communityId: p.community, entity: 'actor', entityId: a.id })
    expect(log.map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, a],
      ['update', a, b],
      ['delete', b, null],
    ])
    expect(log.every((e) => e.accountId === 'acc-staff' && e.communityId === p.community)).toBe(true)
    expect(log[0]!.id).toBeLessThan(log[1]!.id)
    expect(log[0]!.at).toBe(a.createdAt)
  })

  it('keeps communities apart: another community id reads, changes and deletes nothing', async () => {
    const input = buildActor({ territoryId: p.community })
    const a = await s.actors.create(SYSTEM, p.community, input)
    expect(await s.actors.get(other.community, a.id)).toBeUndefined()
    expect(await s.actors.update(SYSTEM, other.community, a.id, { ...input, name: '篡改' })).toBeUndefined()
    expect(await s.actors.delete(SYSTEM, other.community, a.id)).toBe(false)
    expect(await s.actors.get(p.community, a.id)).toEqual(a)
    expect((await s.actors.list(other.community)).map((x) => x.id)).not.toContain(a.id)
    // the same id may exist in both communities
    const twin = await s.actors.create(SYSTEM, other.community, input, a.id)
    expect(twin.communityId).toBe(other.community)
    expect(await s.actors.get(p.community, a.id)).toEqual(a)
  })

  it('reports unknown territories and communities, and duplicate ids', async () => {
    let e = await storeError(s.actors.create(SYSTEM, p.community, buildActor({ territoryId: 'nowhere' })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'territoryId'])
    e = await storeError(s.actors.create(SYSTEM, 'no-community', buildActor({ territoryId: p.community })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'communityId'])
    const a = await s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community }))
    e = await storeError(s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community }), a.id))
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'id'])
    e = await storeError(s.actors.update(SYSTEM, p.community, a.id, buildActor({ territoryId: 'nowhere' })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'territoryId'])
    expect(await s.actors.get(p.community, a.id)).toEqual(a)
    // failed writes leave no audit entry
    const log = await s.audit.list({ entity: 'actor', entityId: a.id })
    expect(log.map((x) => x.action)).toEqual(['create'])
  })

  it('refuses to delete an actor that records refer to, naming them', async () => {
    const q = await buildPlace(s)
    const c = q.community
    const a = await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
    const b = await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
    const check = async (what: RegExp) => {
      const e = await storeError(s.actors.delete(SYSTEM, c, a.id))
      expect(e.code).toBe('E_IN_USE')
      expect(e.message).toMatch(what)
      expect(await s.actors.get(c, a.id)).toBeDefined()
    }
    const r = await s.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: a.id }))
    await check(/1 responsibility/)
    await s.responsibilities.delete(SYSTEM, c, r.id)
    const t = await s.ties.create(SYSTEM, c, buildTie({ sourceId: b.id, targetId: a.id }))
    await check(/1 tie/)
    await s.ties.delete(SYSTEM, c, t.id)
    const m = await s.activities.create(SYSTEM, c, buildActivity({ convenerId: b.id, attendedIds: [a.id] }))
    await check(/1 activity/)
    await s.activities.delete(SYSTEM, c, m.id)
    await s.accounts.create(
      SYSTEM,
      {
        username: uid('rep'),
        displayName: 'Rep',
        role: 'actor',
        scopeId: c,
        actorId: a.id,
      },
      'hash',
    )
    await check(/1 account/)
    expect((await s.audit.list({ entity: 'actor', entityId: a.id })).map((x) => x.action)).toEqual(['create'])
  })
})

describeStore('responsibilities and ties', (h) => {
  let s: Store
  let p: Place
  let rc: string
  let ps: string
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
    rc = (await s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community }))).id
    ps = (
      await s.actors.create(
        SYSTEM,
        p.community,
        buildActor({ type: 'police_station', sector: 'G', territoryId: p.street }),
      )
    ).id
  })

  it('round-trips responsibilities', async () => {
    const full = buildResponsibility({ actorId: ps, role: 'co', to: '2026-12-31', note: '夜间巡逻' })
    const r = await s.responsibilities.create(STAFF, p.community, full)
    expect(r).toEqual({ ...full, ...OWNED, communityId: p.community })
    expect(await s.responsibilities.get(p.community, r.id)).toEqual(r)
    const bare = buildResponsibility({ actorId: rc })
    const b = await s.responsibilities.create(STAFF, p.community, bare)
    expect(b).toEqual({ ...bare, ...OWNED, communityId: p.community, to: null, note: null })
    const u = await s.responsibilities.update(STAFF, p.community, b.id, { ...bare, role: 'support' })
    expect(await s.responsibilities.get(p.community, b.id)).toEqual(u)
    expect(await s.responsibilities.count(p.community)).toBe(2)
  })

  it('names the missing actor of a responsibility, also when it sits in another community', async () => {
    const other = await buildPlace(s)
    const there = await s.actors.create(SYSTEM, other.community, buildActor({ territoryId: other.community }))
    for (const actorId of ['nowhere', there.id]) {
      const e = await storeError(s.responsibilities.create(SYSTEM, p.community, buildResponsibility({ actorId })))
      expect([e.code, e.field]).toEqual(['E_REFERENCE', 'actorId'])
    }
  })

  it('round-trips ties, with the value default and date or period', async () => {
    const dated = buildTie({ sourceId: rc, targetId: ps, value: 2.5, note: '每周通报' })
    const t = await s.ties.create(STAFF, p.community, dated)
    expect(t).toEqual({ ...dated, ...OWNED, communityId: p.community, from: null, to: null })
    expect(await s.ties.get(p.community, t.id)).toEqual(t)
    const period = {
      relation: 'JOINT_ACTION',
      sourceId: ps,
      targetId: rc,
      from: '2026-01-01',
      to: '2026-06-30',
      provenance: 'survey',
    } as const
    // an unparsed input without value gets the schema's default
    const u = await s.ties.create(STAFF, p.community, period as never)
    expect(u).toEqual({ ...period, ...OWNED, communityId: p.community, value: 1, date: null, note: null })
    expect(await s.ties.get(p.community, u.id)).toEqual(u)
  })

  it('names the missing end of a tie', async () => {
    let e = await storeError(s.ties.create(SYSTEM, p.community, buildTie({ sourceId: 'ghost', targetId: ps })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'sourceId'])
    e = await storeError(s.ties.create(SYSTEM, p.community, buildTie({ sourceId: rc, targetId: 'ghost' })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'targetId'])
    const t = await s.ties.create(SYSTEM, p.community, buildTie({ sourceId: rc, targetId: ps }))
    e = await storeError(s.ties.update(SYSTEM, p.community, t.id, buildTie({ sourceId: rc, targetId: 'ghost' })))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'targetId'])
    expect(await s.ties.get(p.community, t.id)).toEqual(t)
  })
})

describeStore('activities', (h) => {
  let s: Store
  let p: Place
  let ids: string[]
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
    ids = []
    for (const name of ['居委会', '派出所', '物业', '业委会'])
      ids.push((await s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community, name }))).id)
  })

  it('round-trips an activity with participants, decisions and action items, order kept', async () => {
    const [rc, ps, pc, oc] = ids as [string, string, string, string]
    const input = buildActivity({
      convenerId: rc,
      end: '2026-02-01T11:00:00+08:00',
      territoryId: p.grid,
      domains: ['FIRE', 'GAS'],
      invitedIds: [pc, ps, oc],
      attendedIds: [ps, pc],
      decisions: ['清理楼道杂物', '每月联合检查'],
      actionItems: [
        { text: '清理3号楼楼道', ownerId: pc, due: '2026-02-15', status: 'done', doneOn: '2026-02-14' },
        { text: '检查燃气管道', ownerId: ps, due: '2026-03-01', status: 'open' },
        { text: '通知业主', ownerId: pc, due: '2026-02-10', status: 'cancelled' },
      ],
      note: '第一次会议',
    })
    const a = await s.activities.create(STAFF, p.community, input)
    const expected = {
      ...input,
      ...OWNED,
      communityId: p.community,
      actionItems: input.actionItems.map((x) => ({ doneOn: null, ...x })),
    }
    expect(a).toEqual(expected)
    expect(await s.activities.get(p.community, a.id)).toEqual(a)
    expect((await s.audit.list({ entity: 'activity', entityId: a.id }))[0]!.after).toEqual(a)
  })

  it('gives defaults and nulls for what a minimal activity leaves out', async () => {
    const { decisions: _d, actionItems: _a, ...minimal } = buildActivity({ convenerId: ids[0]! })
    const a = await s.activities.create(SYSTEM, p.community, minimal as never)
    expect(a).toEqual({
      ...minimal,
      ...OWNED,
      communityId: p.community,
      end: null,
      territoryId: null,
      decisions: [],
      actionItems: [],
      note: null,
    })
    expect(await s.activities.get(p.community, a.id)).toEqual(a)
  })

  it('replaces participants on update; deleting the activity frees its actors', async () => {
    const [rc, ps, pc, oc] = ids as [string, string, string, string]
    const q = await buildPlace(s)
    const c = q.community
    const mk = async (name: string) => (await s.actors.create(SYSTEM, c, buildActor({ territoryId: c, name }))).id
    const [x, y, z] = [await mk('x'), await mk('y'), await mk('z')]
    const input = buildActivity({ convenerId: x, invitedIds: [y], attendedIds: [y] })
    const a = await s.activities.create(SYSTEM, c, input)
    expect((await storeError(s.actors.delete(SYSTEM, c, y))).code).toBe('E_IN_USE')
    const b = await s.activities.update(SYSTEM, c, a.id, {
      ...input,
      invitedIds: [z],
      attendedIds: [],
      decisions: ['改期'],
    })
    expect(b).toMatchObject({ invitedIds: [z], attendedIds: [], decisions: ['改期'] })
    expect(await s.activities.get(c, a.id)).toEqual(b)
    // y no longer takes part, z does
    expect(await s.actors.delete(SYSTEM, c, y)).toBe(true)
    expect((await storeError(s.actors.delete(SYSTEM, c, z))).code).toBe('E_IN_USE')
    expect(await s.activities.delete(SYSTEM, c, a.id)).toBe(true)
    expect(await s.actors.delete(SYSTEM, c, z)).toBe(true)
    expect(await s.actors.delete(SYSTEM, c, x)).toBe(true)
    void [rc, ps, pc, oc]
  })

  it('names the field of a participant that is not an actor of the community', async () => {
    const [rc, ps] = ids as [string, string]
    const cases: [Parameters<typeof buildActivity>[0], string][] = [
      [{ convenerId: 'ghost' }, 'convenerId'],
      [{ convenerId: rc, invitedIds: [ps, 'ghost'] }, 'invitedIds.1'],
      [{ convenerId: rc, attendedIds: ['ghost'] }, 'attendedIds.0'],
      [
        {
          convenerId: rc,
          actionItems: [
            { text: 'a', ownerId: ps, due: '2026-03-01', status: 'open' },
            { text: 'b', ownerId: 'ghost', due: '2026-03-01', status: 'open' },
          ],
        },
        'actionItems.1.ownerId',
      ],
      [{ convenerId: rc, territoryId: 'nowhere' }, 'territoryId'],
    ]
    const before = await s.activities.count(p.community)
    for (const [over, field] of cases) {
      const e = await storeError(s.activities.create(SYSTEM, p.community, buildActivity(over)))
      expect([e.code, e.field]).toEqual(['E_REFERENCE', field])
    }
    expect(await s.activities.count(p.community)).toBe(before)
  })

  it('keeps activities of other communities out of reach', async () => {
    const other = await buildPlace(s)
    const input = buildActivity({ convenerId: ids[0]! })
    const a = await s.activities.create(SYSTEM, p.community, input)
    expect(await s.activities.get(other.community, a.id)).toBeUndefined()
    expect(await s.activities.update(SYSTEM, other.community, a.id, input)).toBeUndefined()
    expect(await s.activities.delete(SYSTEM, other.community, a.id)).toBe(false)
    expect(await s.activities.list(other.community)).toEqual([])
    expect(await s.activities.get(p.community, a.id)).toEqual(a)
  })
})
