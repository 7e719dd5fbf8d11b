// Matters over HTTP with an injected clock: whole life-cycles (normal, returned, whistle, overdue,
// reopened) with states, time stamps, inbox, KPIs and the network's ties; the resident form; rate
// limits; Open311 in JSON and XML; 12345 imports.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fixture, login, type Fixture, type Session } from './server.test-util.js'
import { deadlinesFromEnv, perMinuteFromEnv } from './start.js'

/** A clock the test moves. */
const clock = { t: Date.parse('2026-03-02T01:00:00.000Z') }
const nowIso = () => new Date(clock.t).toISOString()
const advance = (hours: number) => {
  clock.t += hours * 3_600_000
}

let f: Fixture
const s: Record<string, Session> = {}

beforeAll(async () => {
  f = await fixture({ clock: () => new Date(clock.t), reportsPerMinute: 1000 })
  const sys = { accountId: null }
  await f.store.actors.create(
    sys,
    'c1',
    { type: 'fire_station', sector: 'G', name: '消防救援站', territoryId: 's1' },
    'fs',
  )
  await f.store.actors.create(
    sys,
    'c1',
    { type: 'street_office', sector: 'G', name: '和平街道办', territoryId: 's1' },
    'so',
  )
  await f.store.actors.create(
    sys,
    'c1',
    { type: 'enforcement', sector: 'G', name: '城管执法队', territoryId: 's1' },
    'enf',
  )
  await f.store.actors.create(
    sys,
    'c1',
    { type: 'grid_worker', sector: 'Q', name: '网格员一', territoryId: 'g1' },
    'gw',
  )
  for (const u of ['staff', 'rep', 'street', 'researcher', 'staff2', 'admin']) s[u] = await login(f.app, u)
})
afterAll(async () => f.close())

const base = '/api/communities/c1/matters'
const matter = {
  source: 'grid',
  category: 'fire_passage',
  description: '3号楼东侧消防通道被电动车堵住',
  location: { gridId: 'g1', address: '3号楼东侧' },
  reporterActorId: 'gw',
}

async function create(body: object = matter): Promise<string> {
  const r = await call(f.app, s.staff!, 'POST', base, body)
  expect(r.statusCode, r.body).toBe(201)
  return r.json().id
}

async function stepAs(who: string, id: string, body: object, status = 201) {
  const r = await call(f.app, s[who]!, 'POST', `${base}/${id}/steps`, body)
  expect(r.statusCode, r.body).toBe(status)
  return r.json()
}

const get = async (id: string) => (await call(f.app, s.staff!, 'GET', `${base}/${id}`)).json()

describe('a normal life-cycle over HTTP', () => {
  it('moves through every state, stamps each step with the clock and account, tells the handlers and the network', async () => {
    const id = await create()
    const t0 = nowIso()
    advance(0.5)
    let m = await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc', coHandlerIds: ['fs'] })
    expect(m.state).toBe('dispatched')
    expect(m.dispatcherId).toBe('rc') // the community staff speak for the residents' committee
    advance(1)
    m = await stepAs('rep', id, { kind: 'accept' }) // pc's representative
    expect(m.state).toBe('accepted')
    await stepAs('staff', id, { kind: 'accept', actorId: 'fs' }) // recorded on the fire station's behalf
    m = await stepAs('rep', id, { kind: 'start' })
    advance(2)
    m = await stepAs('rep', id, { kind: 'done', resolved: true, note: '已清理' })
    expect(m.state).toBe('done')
    advance(1)
    await stepAs('staff', id, { kind: 'verify', passed: true })
    m = await stepAs('staff', id, { kind: 'close' })
    advance(24)
    m = await stepAs('staff', id, { kind: 'revisit', rating: 5 })
    expect(m).toMatchObject({ state: 'closed', rating: 5, resolverId: 'pc', handoffs: 1 })
    expect(m.stages).toHaveLength(7)
    expect(m.deadline).toMatchObject({ overdue: false, withinLimit: true, stopped: true })
    const full = await get(id)
    const steps = full.events.filter((e: { kind: string }) => e.kind !== 'feedback')
    expect(
      steps.map((e: { kind: string; at: string; accountId: string; actorId: string }) => [
        e.kind,
        e.at,
        e.accountId,
        e.actorId,
      ]),
    ).toEqual([
      ['receive', t0, 'acc-staff', 'gw'],
      ['dispatch', '2026-03-02T01:30:00.000Z', 'acc-staff', 'rc'],
      ['accept', '2026-03-02T02:30:00.000Z', 'acc-rep', 'pc'],
      ['accept', '2026-03-02T02:30:00.000Z', 'acc-staff', 'fs'],
      ['start', '2026-03-02T02:30:00.000Z', 'acc-rep', 'pc'],
      ['done', '2026-03-02T04:30:00.000Z', 'acc-rep', 'pc'],
      ['verify', '2026-03-02T05:30:00.000Z', 'acc-staff', 'rc'],
      ['close', '2026-03-02T05:30:00.000Z', 'acc-staff', 'rc'],
      ['revisit', '2026-03-03T05:30:00.000Z', 'acc-staff', 'rc'],
    ])
    // the grid worker who reported it got each update in the inbox
    const inbox = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/inbox?actorId=gw')).json()
    expect(inbox.items.filter((n: { matterId: string }) => n.matterId === id)).toHaveLength(4)
    // the property company's own inbox: the dispatch
    const own = (await call(f.app, s.rep!, 'GET', '/api/communities/c1/inbox')).json()
    const notice = own.items.find((n: { matterId: string; kind: string }) => n.matterId === id && n.kind === 'assigned')
    expect(notice.text).toEqual({ zh: '新派单（牵头）：消防通道堵塞', en: 'New matter to lead: blocked fire passage' })
    expect((await call(f.app, s.rep!, 'POST', `/api/communities/c1/inbox/${notice.id}/read`)).statusCode).toBe(200)
    expect((await call(f.app, s.rep!, 'GET', '/api/communities/c1/inbox?actorId=fs')).statusCode).toBe(403)
    // the network counts the dispatch as command and the co-handling as joint action
    const net = (
      await call(f.app, s.staff!, 'GET', '/api/communities/c1/network?relations=COMMAND,JOINT_ACTION')
    ).json()
    expect(net.filter.ties).toBeGreaterThanOrEqual(3)
    const collab = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/network')).json()
    const before = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/network?to=2026-03-01')).json()
    expect(collab.filter.ties - before.filter.ties).toBe(1) // pc–fs joint action; command is not collaboration
  })

  it('refuses steps that are not the caller’s to take, with a reason', async () => {
    const id = await create()
    const dispatchByRep = await call(f.app, s.rep!, 'POST', `${base}/${id}/steps`, { kind: 'dispatch', leadId: 'pc' })
    expect(dispatchByRep.statusCode).toBe(403)
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'ps' })
    const notMine = await call(f.app, s.rep!, 'POST', `${base}/${id}/steps`, { kind: 'accept', actorId: 'ps' })
    expect(notMine.statusCode).toBe(403)
    const notHandler = await call(f.app, s.rep!, 'POST', `${base}/${id}/steps`, { kind: 'accept' })
    expect(notHandler.statusCode).toBe(409)
    expect(notHandler.json().error.message).toMatch(
      /pc is not a current handler of this matter \(pc 不是本事项当前的承办主体\)/,
    )
    const noActor = await call(f.app, s.staff!, 'POST', `${base}/${id}/steps`, { kind: 'accept' })
    expect(noActor.json().error.issues).toEqual([
      { field: 'body.actorId', reason: 'name the handler this step is recorded for' },
    ])
    const unknown = await call(f.app, s.staff!, 'POST', `${base}/${id}/steps`, {
      kind: 'whistle',
      whistleType: 'routine',
      departmentIds: ['nobody'],
    })
    expect(unknown.json().error.issues).toEqual([
      { field: 'body.departmentIds.0', reason: 'no actor "nobody" in this community' },
    ])
    const badKind = await call(f.app, s.staff!, 'POST', `${base}/${id}/steps`, { kind: 'teleport' })
    expect(badKind.statusCode).toBe(400)
    expect((await call(f.app, s.staff2!, 'GET', `${base}/${id}`)).statusCode).toBe(404)
    // researchers see no reporter contact or description
    const r = (await call(f.app, s.researcher!, 'GET', `${base}/${id}`)).json()
    expect(r.description).toBe('blocked fire passage')
  })
})

describe('steps taken at once', () => {
  it('all land, one after the other, when each is acknowledged (conflicts are retried)', async () => {
    const id = await create()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        call(f.app, s.staff!, 'POST', `${base}/${id}/steps`, {
          kind: 'feedback',
          channel: 'phone',
          message: `回电 ${k}`,
        }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    const m = await get(id)
    const told = m.events
      .filter((e: { kind: string }) => e.kind === 'feedback')
      .map((e: { message: string }) => e.message)
    expect(told.sort()).toEqual(Array.from({ length: 20 }, (_, k) => `回电 ${k}`).sort())
    expect(m.events.map((e: { seq: number }) => e.seq)).toEqual(m.events.map((_: unknown, i: number) => i + 1))
    expect(m.feedbacks).toBe(20)
  })
})

describe('the notifier', () => {
  it('is handed every inbox notice and every update for a reporter who left a phone, after the step is stored', async () => {
    const sent: string[] = []
    const g = await fixture({
      clock: () => new Date(clock.t),
      matterNotifier: {
        reporter: async (m) => void sent.push(`reporter ${m.to.phone} ${m.text.en}`),
        actor: async (m) => {
          sent.push(`actor ${m.actorId} ${m.kind}`)
          throw new Error('SMS gateway down') // a failed delivery does not undo the step
        },
      },
    })
    try {
      const r = await call(g.app, null, 'POST', '/api/public/communities/c1/reports', {
        category: 'theft',
        description: '车棚里的电动车被盗',
        address: '6号楼车棚',
        phone: '13900000000',
      })
      const staff = await login(g.app, 'staff')
      const step = await call(g.app, staff, 'POST', `/api/communities/c1/matters/${r.json().id}/steps`, {
        kind: 'dispatch',
        leadId: 'ps',
      })
      expect(step.statusCode).toBe(201)
      expect(sent).toEqual(['actor ps assigned', 'reporter 13900000000 Your report has been passed to a handler.'])
      expect((await g.store.notifications.list('c1', 'ps')).map((n) => n.kind)).toEqual(['assigned'])
    } finally {
      await g.close()
    }
  })
})

describe('returned and re-dispatched', () => {
  it('keeps the reason, tells the dispatcher, counts the hand-off', async () => {
    const id = await create()
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    advance(1)
    let m = await stepAs('rep', id, { kind: 'return', reason: '不属于物业职责' })
    expect(m.state).toBe('returned')
    expect(m.handlers[0]).toMatchObject({
      actorId: 'pc',
      status: 'returned',
      returnReason: '不属于物业职责',
      returnedAt: nowIso(),
    })
    const rc = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/inbox?actorId=rc&unread=true')).json()
    expect(rc.items.some((n: { kind: string; matterId: string }) => n.kind === 'returned' && n.matterId === id)).toBe(
      true,
    )
    m = await stepAs('street', id, { kind: 'arbitrate', note: '街道裁定' })
    expect(m.state).toBe('arbitration')
    m = await stepAs('street', id, { kind: 'dispatch', leadId: 'ps' })
    expect(m).toMatchObject({ state: 'dispatched', handoffs: 2, dispatcherId: 'so' })
  })
})

describe('escalated with a whistle', () => {
  it('summons departments, records their arrival, and adds supervision ties', async () => {
    const id = await create({ ...matter, category: 'falling_object', urgency: 'emergency' })
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    await stepAs('rep', id, { kind: 'accept' })
    advance(0.5)
    await stepAs('street', id, { kind: 'whistle', whistleType: 'emergency', departmentIds: ['enf', 'fs'] })
    advance(1.25)
    const m = await stepAs('staff', id, { kind: 'arrive', actorId: 'enf' })
    expect(m.whistles[0].departments).toEqual([
      { actorId: 'enf', arrivedAt: nowIso() },
      { actorId: 'fs', arrivedAt: null },
    ])
    const inbox = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/inbox?actorId=fs')).json()
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'summoned')).toBe(true)
    const sup = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/network?relations=SUPERVISE')).json()
    expect(sup.filter.ties).toBe(2)
  })
})

describe('overdue', () => {
  it('lists overdue matters for supervisors, sweeps escalations once, notifies, and counts in the KPIs', async () => {
    const id = await create({ ...matter, category: 'gas_leak' }) // emergency: 2 h
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    advance(1.6)
    let sweep = (await call(f.app, s.staff!, 'POST', `${base}/sweep`)).json()
    expect(sweep.recorded).toBeGreaterThanOrEqual(1) // the warning at 75 %
    advance(2)
    const overdue = (await call(f.app, s.staff!, 'GET', `${base}/overdue`)).json()
    expect(overdue.items.map((m: { id: string }) => m.id)).toContain(id)
    const late = overdue.items.find((m: { id: string }) => m.id === id)
    expect(late.deadline).toMatchObject({ overdue: true, level: 'escalate' })
    expect(late.deadline.hoursLeft).toBeCloseTo(-1.6, 6)
    sweep = (await call(f.app, s.staff!, 'POST', `${base}/sweep`)).json()
    expect(sweep.recorded).toBeGreaterThanOrEqual(2) // overdue and escalate
    expect((await call(f.app, s.staff!, 'POST', `${base}/sweep`)).json().recorded).toBe(0)
    const m = await get(id)
    expect(m.escalations).toEqual(['warn', 'overdue', 'escalate'])
    const so = (await call(f.app, s.staff!, 'GET', '/api/communities/c1/inbox?actorId=so')).json()
    expect(so.items.some((n: { kind: string; matterId: string }) => n.kind === 'escalation' && n.matterId === id)).toBe(
      true,
    )
    const street = (await call(f.app, s.street!, 'GET', '/api/territories/s1/matters/overdue')).json()
    const c1 = street.communities.find((c: { community: { id: string } }) => c.community.id === 'c1')
    expect(c1.items.map((x: { id: string }) => x.id)).toContain(id)
    expect((await call(f.app, s.staff2!, 'GET', '/api/territories/c1/matters/overdue')).statusCode).toBe(404)
    const list = (await call(f.app, s.staff!, 'GET', `${base}?overdue=true`)).json()
    expect(list.items.every((x: { deadline: { overdue: boolean } }) => x.deadline.overdue)).toBe(true)
    const kpis = (await call(f.app, s.staff!, 'GET', `${base}/kpis?minSample=1`)).json()
    expect(kpis.community.onTime.denominator).toBeGreaterThan(kpis.community.onTime.numerator)
    expect(kpis.definitions.onTime.formula.en).toMatch(/within their time limit/)
    const board = (await call(f.app, s.staff!, 'GET', `${base}/board`)).json()
    expect(board.byHandler.pc.overdue).toBeGreaterThanOrEqual(1)
  })
})

describe('reopened', () => {
  it('reopens a closed matter with a new deadline and counts it in the reopen rate', async () => {
    const id = await create()
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    await stepAs('rep', id, { kind: 'accept' })
    await stepAs('rep', id, { kind: 'done', resolved: true })
    await stepAs('staff', id, { kind: 'verify', passed: true })
    await stepAs('staff', id, { kind: 'close' })
    advance(48)
    const m = await stepAs('staff', id, { kind: 'reopen', reason: '通道再次被堵' })
    expect(m).toMatchObject({ state: 'received', reopens: 1, clockFrom: nowIso() })
    expect(m.dueAt).toBe(new Date(clock.t + 24 * 3_600_000).toISOString())
    const kpis = (await call(f.app, s.staff!, 'GET', `${base}/kpis?minSample=1`)).json()
    expect(kpis.community.reopen.numerator).toBeGreaterThanOrEqual(1)
    // a step decided on an old version is refused
    const stale = await call(f.app, s.staff!, 'POST', `${base}/${id}/steps`, {
      kind: 'dispatch',
      leadId: 'pc',
      version: m.version - 1,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('E_CONFLICT')
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc', version: m.version })
    // per month
    const series = (
      await call(f.app, s.staff!, 'GET', `${base}/kpis?minSample=1&from=2026-03-01&to=2026-04-30&unit=month`)
    ).json()
    expect(series.series.map((x: { window: { label: string } }) => x.window.label)).toEqual(['2026-03', '2026-04'])
    expect(series.series[0].community.reopen.numerator).toBeGreaterThanOrEqual(1)
    expect((await call(f.app, s.staff!, 'GET', `${base}/kpis?unit=month`)).json().error.issues[0].field).toBe(
      'querystring.from',
    )
  })
})

describe('the resident form', () => {
  const report = (over: object = {}) => ({
    category: 'fire_passage',
    description: '楼道里堆满了纸箱',
    address: '5号楼 1 单元',
    ...over,
  })
  const post = (body: unknown, community = 'c1') =>
    call(f.app, null, 'POST', `/api/public/communities/${community}/reports`, body)

  it('serves a bilingual page that needs no account', async () => {
    const zh = await call(f.app, null, 'GET', '/report/c1', undefined, { 'accept-language': 'zh-CN' })
    expect(zh.statusCode).toBe(200)
    expect(zh.headers['content-type']).toMatch(/text\/html/)
    expect(zh.body).toContain('安全隐患随手报')
    expect(zh.body).toContain('width=device-width')
    const en = await call(f.app, null, 'GET', '/report/c1?lang=en')
    expect(en.body).toContain('Report a safety problem')
    expect(en.body).toContain('blocked fire passage')
    expect((await call(f.app, null, 'GET', '/report/nowhere')).statusCode).toBe(404)
  })

  it('rejects bad input naming each field and why', async () => {
    const r = await post({ category: 'aliens', description: 'x', phone: 'call me', email: 'no' })
    expect(r.statusCode).toBe(400)
    const fields = r.json().error.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['body.category', 'body.description', 'body.phone', 'body.email']))
    const noPlace = await post(report({ address: '' }))
    expect(noPlace.json().error.issues).toEqual([
      { field: 'body.address', reason: 'give the place, or a map point (lat and lon)' },
    ])
    const badPhoto = await post(report({ photo: 'data:image/png;base64,SGVsbG8=' }))
    expect(badPhoto.json().error.issues).toEqual([{ field: 'body.photo', reason: 'the data is not a image/png image' }])
    expect((await post(report({ gridId: 'g-elsewhere' }))).json().error.issues[0].field).toBe('body.gridId')
    expect((await post(report(), 'c9')).statusCode).toBe(404)
  })

  it('accepts a report without an account, once per client key, with a tracking code and photo', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')
    const body = report({
      phone: '13800000000',
      photo: `data:image/png;base64,${png}`,
      clientKey: 'k'.repeat(20),
      lat: 39.95,
      lon: 116.41,
    })
    const first = await post(body)
    expect(first.statusCode).toBe(201)
    const { id, trackingCode } = first.json()
    const again = await post(body)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id, trackingCode, duplicate: true })
    const track = (await call(f.app, null, 'GET', `/api/public/reports/${trackingCode}`)).json()
    expect(track).toMatchObject({ id, state: 'received' })
    const stored = await get(id)
    // an actor's representative sees the reporter's contact only once their actor handles the matter
    expect((await call(f.app, s.rep!, 'GET', `${base}/${id}`)).json().reporter).toBeNull()
    expect(stored).toMatchObject({
      source: 'resident',
      reporter: { phone: '13800000000' },
      location: { point: { lat: 39.95, lon: 116.41 } },
    })
    const photo = await call(f.app, s.staff!, 'GET', `${base}/${id}/photo`)
    expect(photo.headers['content-type']).toBe('image/png')
    expect(photo.rawPayload.equals(Buffer.from(png, 'base64'))).toBe(true)
    expect((await call(f.app, s.researcher!, 'GET', `${base}/${id}/photo`)).statusCode).toBe(403)
    // the reporter follows the steps on the tracking page
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    const handled = (await call(f.app, s.rep!, 'GET', `${base}/${id}`)).json()
    expect(handled.reporter.phone).toBe('13800000000')
    expect(handled.events[0].input.reporter.phone).toBe('13800000000')
    const page = await call(f.app, null, 'GET', `/report/track/${trackingCode}?lang=en`)
    expect(page.body).toContain('Your report has been passed to a handler.')
    expect((await call(f.app, null, 'GET', '/report/track/not-a-code-at-all-x')).statusCode).toBe(404)
  })

  it('limits reports per address per minute', async () => {
    const g = await fixture({ reportsPerMinute: 3, clock: () => new Date(clock.t) })
    try {
      const codes = []
      for (let k = 0; k < 5; k++)
        codes.push((await call(g.app, null, 'POST', '/api/public/communities/c1/reports', report())).statusCode)
      expect(codes).toEqual([201, 201, 201, 429, 429])
      expect(await g.store.matters.count('c1')).toBe(3)
    } finally {
      await g.close()
    }
  })
})

describe('Open311 GeoReport v2', () => {
  it('lists services in JSON and XML', async () => {
    const json = await call(f.app, null, 'GET', '/open311/v2/services.json?jurisdiction_id=c1')
    expect(json.statusCode).toBe(200)
    expect(json.json()[0]).toEqual({
      service_code: 'fire_passage',
      service_name: 'blocked fire passage',
      description: '消防通道堵塞 / blocked fire passage',
      metadata: false,
      type: 'realtime',
      keywords: 'fire,fire_passage',
      group: 'fire safety',
    })
    const xml = await call(f.app, null, 'GET', '/open311/v2/services.xml?jurisdiction_id=c1&locale=zh_CN')
    expect(xml.headers['content-type']).toMatch(/xml/)
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>fire_passage<\/service_code><service_name>消防通道堵塞<\/service_name>/,
    )
  })

  it('takes a request form-encoded and reports its status open, then closed', async () => {
    const form = new URLSearchParams({
      jurisdiction_id: 'c1',
      service_code: 'damaged_facility',
      description: 'Broken railing on the stairs',
      lat: '39.95',
      long: '116.41',
      email: 'resident@example.org',
      first_name: 'Li',
      media_url: 'https://example.org/p.jpg',
    }).toString()
    const r = await call(f.app, null, 'POST', '/open311/v2/requests.json', form, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(r.statusCode).toBe(201)
    const [{ service_request_id: id, account_id }] = r.json()
    expect(account_id).toBeNull()
    const one = (await call(f.app, null, 'GET', `/open311/v2/requests/${id}.json?jurisdiction_id=c1`)).json()
    expect(one[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'damaged_facility',
      lat: 39.95,
      long: 116.41,
      requested_datetime: nowIso(),
      // what residents typed, their contact and photo are not published
      description: null,
      media_url: null,
    })
    expect((await f.store.matters.get('c1', id))!.photo).toBe('https://example.org/p.jpg')
    // matters from grid workers, actors or 12345 are not Open311's to show
    const internal = await create()
    expect(
      (await call(f.app, null, 'GET', `/open311/v2/requests/${internal}.json?jurisdiction_id=c1`)).statusCode,
    ).toBe(404)
    await stepAs('staff', id, { kind: 'dispatch', leadId: 'pc' })
    await stepAs('rep', id, { kind: 'accept' })
    await stepAs('rep', id, { kind: 'done', resolved: true })
    const xml = await call(f.app, null, 'GET', `/open311/v2/requests/${id}.xml?jurisdiction_id=c1`)
    expect(xml.body).toContain(`<service_request_id>${id}</service_request_id><status>closed</status>`)
    expect(xml.body).toContain('<agency_responsible>物业公司</agency_responsible>')
    const list = (
      await call(
        f.app,
        null,
        'GET',
        `/open311/v2/requests.json?jurisdiction_id=c1&status=closed&service_code=damaged_facility`,
      )
    ).json()
    expect(list.map((x: { service_request_id: string }) => x.service_request_id)).toContain(id)
  })

  it('answers errors as the standard’s list, in JSON and XML', async () => {
    const noCode = await call(f.app, null, 'POST', '/open311/v2/requests.json', 'jurisdiction_id=c1&description=x', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(noCode.statusCode).toBe(400)
    expect(noCode.json()).toEqual([{ code: 400, description: 'service_code is required' }])
    const badPlace = await call(
      f.app,
      null,
      'POST',
      '/open311/v2/requests.xml',
      'jurisdiction_id=c1&service_code=theft&description=bike stolen',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    )
    expect(badPlace.statusCode).toBe(400)
    expect(badPlace.body).toContain(
      '<errors><error><code>400</code><description>address_string: give the place, or a map point (lat and lon)</description></error></errors>',
    )
    expect((await call(f.app, null, 'GET', '/open311/v2/requests/nope.json?jurisdiction_id=c1')).json()).toEqual([
      { code: 404, description: 'no service request "nope"' },
    ])
    expect((await call(f.app, null, 'GET', '/open311/v2/services.json')).json()[0].code).toBe(400) // two communities
  })
})

describe('12345 order import', () => {
  const header = '工单编号,受理时间,问题分类,诉求内容,地址,承办单位,接单时间,办结时间,是否解决,回访时间,满意度\n'
  it('imports orders with their history, all or none, naming line, field and reason', async () => {
    const bad =
      header +
      'BJ-1,2026-03-01 09:00,消防通道堵塞,楼道堆物堵塞通道,1号楼,物业公司,2026-03-01 10:00,2026-03-01 15:00,是,2026-03-02 10:00,满意\n' +
      'BJ-2,2026-03-01 25:00,飞碟,看见不明物体,2号楼,不存在的单位,,,,,\n'
    const r = await call(f.app, s.staff!, 'POST', `${base}/import`, bad, { 'content-type': 'text/csv' })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.issues).toEqual([
      {
        line: 3,
        field: 'receivedAt',
        reason: '"2026-03-01 25:00" is not a time (use 2026-03-02 09:30, Beijing time, or ISO 8601 with an offset)',
      },
      {
        line: 3,
        field: 'category',
        reason: 'unknown category "飞碟" (use a code such as fire_passage or its Chinese name)',
      },
      {
        line: 3,
        field: 'leadId',
        reason: 'no actor "不存在的单位" in this community (use its id, organisation code or name)',
      },
    ])
    expect(await f.store.matters.byExternalId('c1', 'BJ-1')).toBeUndefined()
    const good =
      header +
      'BJ-1,2026-03-01 09:00,消防通道堵塞,楼道堆物堵塞通道,1号楼,物业公司,2026-03-01 10:00,2026-03-01 15:00,是,2026-03-02 10:00,满意\n' +
      'BJ-2,2026-03-01 11:00,燃气泄漏,闻到燃气味,2号楼,PS-1,,,,,\n'
    const ok = await call(f.app, s.staff!, 'POST', `${base}/import`, good, { 'content-type': 'text/csv' })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().imported).toBe(2)
    const bj1 = await f.store.matters.byExternalId('c1', 'BJ-1')
    expect(bj1).toMatchObject({
      source: 'hotline12345',
      state: 'done',
      resolved: true,
      rating: 5,
      receivedAt: '2026-03-01T01:00:00.000Z',
      doneAt: '2026-03-01T07:00:00.000Z',
    })
    const bj2 = await f.store.matters.byExternalId('c1', 'BJ-2')
    expect(bj2).toMatchObject({ state: 'dispatched', urgency: 'emergency' })
    expect(bj2!.handlers[0]!.actorId).toBe('ps') // found by its organisation code
    const again = await call(f.app, s.staff!, 'POST', `${base}/import`, good, { 'content-type': 'text/csv' })
    expect(again.json().error.issues[0]).toEqual({
      line: 2,
      field: 'externalId',
      reason: 'order BJ-1 was imported before',
    })
    expect((await call(f.app, s.rep!, 'POST', `${base}/import`, good, { 'content-type': 'text/csv' })).statusCode).toBe(
      403,
    )
  })
})

describe('configuration of a running server', () => {
  it('reads time limits and the report rate from the environment, refusing bad values with a reason', () => {
    expect(deadlinesFromEnv('{"hours":{"normal":120},"byCategory":{"fire_passage":{"urgent":4}}}')).toMatchObject({
      hours: { emergency: 2, urgent: 24, normal: 120, routine: 360 },
      byCategory: { fire_passage: { urgent: 4 } },
    })
    expect(deadlinesFromEnv(undefined)).toBeUndefined()
    expect(() => deadlinesFromEnv('{hours')).toThrow(/^COSAFE_DEADLINES: not JSON/)
    expect(() => deadlinesFromEnv('{"hours":{"urgent":-1}}')).toThrow(
      'COSAFE_DEADLINES: deadline urgent: expected a positive number of hours, got -1',
    )
    expect(perMinuteFromEnv('30')).toBe(30)
    expect(() => perMinuteFromEnv('lots')).toThrow('COSAFE_REPORTS_PER_MINUTE: expected a whole number ≥ 1, got "lots"')
  })
})
