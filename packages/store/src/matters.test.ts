// Matters on both dialects: matter and events stored together, version conflicts, idempotency keys,
// handler and overdue filters, tracking codes, photos, the inbox, and community isolation.

import { beforeAll, expect, it } from 'vitest'
import { MatterInput, MatterStep, receiveMatter, takeStep, type Matter, type MatterEvent } from '@cosafe/core'
import { StoreError, type Store } from './index.js'
import { buildPlace, describeStore, type Place } from './store.test-util.js'

const input = (over: Partial<MatterInput> = {}): MatterInput =>
  MatterInput.parse({
    source: 'resident',
    category: 'fire_passage',
    description: '楼道堆放杂物，堵塞消防通道',
    location: { address: '3号楼 2 单元' },
    ...over,
  })

async function storeError(p: Promise<unknown>): Promise<StoreError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(StoreError)
  return e as StoreError
}

let n = 0
const T0 = Date.parse('2026-03-02T01:00:00.000Z')
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString()

function received(community: string, over: Partial<MatterInput> = {}, hours = 0) {
  return receiveMatter(`m${++n}`, community, input(over), { at: at(hours), accountId: null, actorId: null })
}

function step(m: Matter, s: unknown, actorId: string | null, hours: number) {
  return takeStep(m, MatterStep.parse(s), { at: at(hours), accountId: 'acc-staff', actorId })
}

describeStore('matters', (h) => {
  let s: Store
  let p: Place
  let other: Place
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
    other = await buildPlace(s)
  })

  it('stores a matter with its events and returns what it stored', async () => {
    const r = received(p.community, { reporter: { name: '王', phone: '13800000000' } })
    await s.matters.create(p.community, r.matter, r.events, {
      clientKey: 'k-1',
      trackingHash: `h-${r.matter.id}`,
      photo: { id: 'ph1', mediaType: 'image/jpeg', data: 'AAEC' },
    })
    expect(await s.matters.get(p.community, r.matter.id)).toEqual(r.matter)
    expect(await s.matters.events(p.community, r.matter.id)).toEqual(r.events)
    expect(await s.matters.byClientKey(p.community, 'k-1')).toEqual(r.matter)
    expect(await s.matters.byTracking(`h-${r.matter.id}`)).toEqual(r.matter)
    expect(await s.matters.photo(p.community, 'ph1')).toMatchObject({ mediaType: 'image/jpeg', data: 'AAEC' })
    // the same idempotency key again is a duplicate, and nothing of the second write is stored
    const again = received(p.community)
    const e = await storeError(s.matters.create(p.community, again.matter, again.events, { clientKey: 'k-1' }))
    expect(e.code).toBe('E_DUPLICATE')
    expect(e.field).toBe('clientKey')
    expect(await s.matters.get(p.community, again.matter.id)).toBeUndefined()
    expect(await s.matters.events(p.community, again.matter.id)).toEqual([])
  })

  it('appends events at the version read, and refuses a write that lost the race', async () => {
    const r = received(p.community)
    await s.matters.create(p.community, r.matter, r.events)
    const d = step(r.matter, { kind: 'dispatch', leadId: 'pc', coHandlerIds: ['fs'] }, 'rc', 1)
    const notices = d.notices.map((x) => ({ ...x, matterId: r.matter.id }))
    expect(await s.matters.append(p.community, r.matter.id, 1, d.events, d.matter, notices)).toEqual(d.matter)
    expect((await s.matters.events(p.community, r.matter.id)).map((e) => e.kind)).toEqual([
      'receive',
      'dispatch',
      'feedback',
    ])
    // two steps taken at once on the same version: one lands, the other is E_CONFLICT and leaves nothing
    const a = step(d.matter, { kind: 'accept' }, 'pc', 2)
    const b = step(d.matter, { kind: 'return', reason: '不归物业' }, 'pc', 2)
    const results = await Promise.allSettled([
      s.matters.append(p.community, r.matter.id, d.matter.version, a.events, a.matter),
      s.matters.append(p.community, r.matter.id, d.matter.version, b.events, b.matter),
    ])
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((x) => x.status === 'rejected') as PromiseRejectedResult
    expect(lost.reason).toBeInstanceOf(StoreError)
    expect((lost.reason as StoreError).code).toBe('E_CONFLICT')
    const stored = await s.matters.get(p.community, r.matter.id)
    const events = await s.matters.events(p.community, r.matter.id)
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
    expect(stored!.version).toBe(events.length)
    expect(await s.matters.append(p.community, 'nope', 1, [], stored!)).toBeUndefined()
    // inbox notices were stored with the step
    expect((await s.notifications.list(p.community, 'pc')).map((x) => x.kind)).toContain('assigned')
  })

  it('lists by handler, state, due time, source and period; counts the same', async () => {
    const c = (await buildPlace(s)).community
    const made: Matter[] = []
    for (let k = 0; k < 4; k++) {
      const r = received(
        c,
        {
          category: k % 2 ? 'sanitation' : 'gas_leak',
          source: k === 3 ? 'grid' : 'resident',
          reporterActorId: k === 3 ? 'gw' : null,
        },
        k,
      )
      let m = r.matter
      const evs: MatterEvent[] = [...r.events]
      if (k < 3) {
        const d = step(m, { kind: 'dispatch', leadId: k === 0 ? 'pc' : 'ps' }, 'rc', k + 0.5)
        m = d.matter
        evs.push(...d.events)
      }
      await s.matters.create(c, m, evs)
      made.push(m)
    }
    const ids = (xs: Matter[]) => xs.map((x) => x.id)
    // newest received first
    expect(ids(await s.matters.list(c))).toEqual(ids([...made].reverse()))
    expect(ids(await s.matters.list(c, { actorId: 'pc' }))).toEqual([made[0]!.id])
    expect(await s.matters.count(c, { actorId: 'ps' })).toBe(2)
    expect(ids(await s.matters.list(c, { states: ['received'] }))).toEqual([made[3]!.id])
    // gas leaks are emergencies (2 h): at 2.5 h the first one is overdue, the third not yet
    const overdue = await s.matters.list(c, { states: ['dispatched'], dueBefore: at(2.5) })
    expect(ids(overdue)).toEqual([made[0]!.id])
    expect(await s.matters.count(c, { source: 'grid' })).toBe(1)
    expect(await s.matters.count(c, { from: at(1), to: at(2) })).toBe(2)
    // a time with an offset means the same moment
    expect(await s.matters.count(c, { from: '2026-03-02T10:00:00+08:00', to: '2026-03-02T11:00:00+08:00' })).toBe(2)
    expect(await s.matters.list(c, {}, { limit: 1, offset: 1 })).toHaveLength(1)
    // category and urgency (gas leaks are emergencies, sanitation routine), paged and counted in SQL
    expect(ids(await s.matters.list(c, { category: 'sanitation' }))).toEqual([made[3]!.id, made[1]!.id])
    expect(await s.matters.count(c, { urgency: 'emergency' })).toBe(2)
    expect(ids(await s.matters.list(c, { urgency: 'emergency' }, { limit: 1, offset: 1 }))).toEqual([made[0]!.id])
    expect(await s.matters.count(c, { category: 'gas_leak', urgency: 'routine' })).toBe(0)
    const all = await s.matters.allEvents(c)
    expect([...all.keys()].sort()).toEqual(ids(made).sort())
    expect(all.get(made[0]!.id)!.map((e) => e.kind)).toEqual(['receive', 'dispatch', 'feedback'])
  })

  it('keeps an external id once per community', async () => {
    const a = received(p.community, { source: 'hotline12345', externalId: 'BJ-2026-0001' })
    await s.matters.create(p.community, a.matter, a.events)
    const b = received(p.community, { source: 'hotline12345', externalId: 'BJ-2026-0001' })
    expect((await storeError(s.matters.create(p.community, b.matter, b.events))).field).toBe('externalId')
    expect(await s.matters.byExternalId(p.community, 'BJ-2026-0001')).toEqual(a.matter)
    const o = received(other.community, { source: 'hotline12345', externalId: 'BJ-2026-0001' })
    await s.matters.create(other.community, o.matter, o.events)
    expect(await s.matters.get(p.community, o.matter.id)).toBeUndefined()
    expect(await s.matters.get(other.community, o.matter.id)).toEqual(o.matter)
  })

  it('keeps an inbox per actor: newest first, unread counts, marked read once', async () => {
    const c = (await buildPlace(s)).community
    const made = await s.notifications.add(
      c,
      [
        { actorId: 'pc', kind: 'assigned', matterId: 'm-x', text: { zh: '新派单', en: 'New matter' } },
        { actorId: 'fs', kind: 'assigned', text: { zh: '新派单', en: 'New matter' } },
      ],
      at(1),
    )
    await s.notifications.add(c, [{ actorId: 'pc', kind: 'escalation', text: { zh: '已超期', en: 'Overdue' } }], at(2))
    const inbox = await s.notifications.list(c, 'pc')
    expect(inbox.map((x) => x.kind)).toEqual(['escalation', 'assigned'])
    expect(inbox[1]).toMatchObject({ matterId: 'm-x', readAt: null, text: { zh: '新派单', en: 'New matter' } })
    expect(await s.notifications.count(c, 'pc', { unreadOnly: true })).toBe(2)
    expect(await s.notifications.markRead(c, 'pc', made[0]!.id, at(3))).toBe(true)
    expect(await s.notifications.markRead(c, 'pc', made[0]!.id, at(4))).toBe(true)
    expect((await s.notifications.list(c, 'pc'))[1]!.readAt).toBe(at(3))
    expect(await s.notifications.count(c, 'pc', { unreadOnly: true })).toBe(1)
    // another actor's notice is not pc's to mark
    expect(await s.notifications.markRead(c, 'pc', made[1]!.id, at(3))).toBe(false)
  })

  it('stores every one of many reports sent at once, each once', async () => {
    const c = (await buildPlace(s)).community
    const reports = Array.from({ length: 60 }, (_, k) => ({ r: received(c, {}, k / 100), key: `key-${k % 50}` }))
    const results = await Promise.allSettled(
      reports.map(({ r, key }) => s.matters.create(c, r.matter, r.events, { clientKey: key })),
    )
    const ok = results.filter((x) => x.status === 'fulfilled').length
    expect(ok).toBe(50)
    expect(
      results.filter((x) => x.status === 'rejected').every((x) => (x.reason as StoreError).code === 'E_DUPLICATE'),
    ).toBe(true)
    expect(await s.matters.count(c)).toBe(50)
    expect((await s.matters.allEvents(c)).size).toBe(50)
  })
})
