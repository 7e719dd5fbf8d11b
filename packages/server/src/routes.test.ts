// Every route × every role: anonymous 401, another community 404, a role without the grant 403, the rest 2xx.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, MatterInput, receiveMatter, takeStep, type Action, type Resource } from '@cosafe/core'
import { call, fixture, login, USERS, type Fixture, type Session } from './server.test-util.js'

let f: Fixture
const sessions: Record<string, Session> = {}

beforeAll(async () => {
  f = await fixture()
  for (const u of Object.keys(USERS)) sessions[u] = await login(f.app, u)
})
afterAll(async () => f.close())

const actor = { type: 'social_organisation', sector: 'S', name: '阳光社工', territoryId: 'c1' }
const tie = { relation: 'INFO', sourceId: 'pc', targetId: 'rc', value: 1, date: '2026-03-01', provenance: 'record' }
const responsibility = { domain: 'FIRE', actorId: 'pc', role: 'co', from: '2026-01-01', source: 'duty_list' }
const activity = {
  kind: 'patrol',
  title: '夜间巡逻',
  start: '2026-03-02T20:00:00+08:00',
  domains: ['PUBLIC_ORDER'],
  phase: 'PREVENT',
  convenerId: 'ps',
  invitedIds: ['rc'],
  attendedIds: ['rc'],
}

interface RouteCase {
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** URL in community c1; {c} is replaced. */
  url: string
  resource: Resource
  action: Action
  /** A fresh body per call (creates must not collide). */
  body?: () => unknown
  /** Community-scoped: staff of another community gets 404. */
  scoped: boolean
  ok: number
  headers?: Record<string, string>
  /** Roles refused although their grant allows the resource (403). */
  refused?: readonly string[]
}

/** Placeholders for records each call creates first (a delete needs something to delete). */
async function materialise(url: string): Promise<string> {
  const sys = { accountId: null }
  const m = /\{new-(\w+)\}/.exec(url)
  if (!m) return url
  let id: string
  if (m[1]!.endsWith('matter')) {
    const photoId = `ph${++n}`
    const input = MatterInput.parse({ ...matter, photo: m[1] === 'photomatter' ? `photo:${photoId}` : null })
    let r = receiveMatter(`mt${++n}`, 'c1', input, { at: new Date().toISOString(), accountId: null, actorId: null })
    if (m[1] === 'dispatchedmatter')
      r = takeStep(r.matter, { kind: 'dispatch', leadId: 'pc', coHandlerIds: [] }, { ...stamp(), actorId: 'rc' })
    const photo = m[1] === 'photomatter' ? { id: photoId, mediaType: 'image/png', data: 'iVBORw0KGgo=' } : null
    await f.store.matters.create('c1', r.matter, r.events, { photo })
    id = r.matter.id
  } else if (m[1] === 'notice')
    id = (
      await f.store.notifications.add(
        'c1',
        [{ actorId: 'pc', kind: 'assigned', text: { zh: 'x', en: 'x' } }],
        stamp().at,
      )
    )[0]!.id
  else if (m[1] === 'actor') id = (await f.store.actors.create(sys, 'c1', actor as never)).id
  else if (m[1] === 'activity')
    id = (await f.store.activities.create(sys, 'c1', { ...activity, decisions: [], actionItems: [] } as never)).id
  else if (m[1] === 'responsibility')
    id = (await f.store.responsibilities.create(sys, 'c1', responsibility as never)).id
  else if (m[1]!.endsWith('survey')) {
    const survey = { title: 's', relations: ['INFO'], rosterIds: ['rc', 'ps'] }
    id = (await f.store.surveys.create(sys, 'c1', survey as never, { rc: `h${++n}`, ps: `h${++n}` })).id
    if (m[1] !== 'survey') await f.store.surveys.setStatus(sys, 'c1', id, 'open')
    if (m[1] === 'closedsurvey') await f.store.surveys.setStatus(sys, 'c1', id, 'closed')
  } else id = (await f.store.ties.create(sys, 'c1', { ...tie, relation: 'INFO' } as never)).id
  return url.replace(m[0], id)
}

const stamp = () => ({ at: new Date().toISOString(), accountId: null, actorId: null })
const matter = {
  source: 'actor',
  category: 'fire_passage',
  description: '消防通道堵塞',
  location: { gridId: 'g1', address: '3号楼' },
  reporterActorId: 'pc',
}

let n = 0
const ROUTES: RouteCase[] = [
  ...(
    [
      ['list matters', 'GET', '/api/communities/{c}/matters', 'read', 200],
      ['create matter', 'POST', '/api/communities/{c}/matters', 'write', 201, () => matter],
      ['get matter', 'GET', '/api/communities/{c}/matters/{new-matter}', 'read', 200],
      [
        'matter step',
        'POST',
        '/api/communities/{c}/matters/{new-dispatchedmatter}/steps',
        'write',
        201,
        () => ({ kind: 'accept', actorId: 'pc' }),
      ],
      ['overdue matters', 'GET', '/api/communities/{c}/matters/overdue', 'read', 200],
      ['matter board', 'GET', '/api/communities/{c}/matters/board', 'read', 200],
      ['matter KPIs', 'GET', '/api/communities/{c}/matters/kpis', 'read', 200],
      ['escalation sweep', 'POST', '/api/communities/{c}/matters/sweep', 'write', 200],
      ['inbox', 'GET', '/api/communities/{c}/inbox?actorId=pc', 'read', 200],
      ['inbox read', 'POST', '/api/communities/{c}/inbox/{new-notice}/read?actorId=pc', 'write', 200],
      ['street overdue matters', 'GET', '/api/territories/c1/matters/overdue', 'read', 200],
    ] as const
  ).map(([name, method, url, action, ok, body]): RouteCase => ({
    name,
    method,
    url,
    resource: 'matter',
    action,
    scoped: true,
    ok,
    ...(body ? { body } : {}),
  })),
  {
    name: 'matter photo',
    method: 'GET',
    url: '/api/communities/{c}/matters/{new-photomatter}/photo',
    resource: 'matter',
    action: 'read',
    scoped: true,
    ok: 200,
    // photos may show residents and their homes
    refused: ['researcher'],
  },
  {
    name: 'import 12345 orders',
    method: 'POST',
    url: '/api/communities/{c}/matters/import',
    resource: 'import',
    action: 'write',
    scoped: true,
    ok: 201,
    body: () =>
      `externalId,receivedAt,category,description,address\nBJ-${++n},2026-03-01 09:00,theft,自行车被盗窃,1号楼\n`,
    headers: { 'content-type': 'text/csv' },
  },
  {
    name: 'list territories',
    method: 'GET',
    url: '/api/territories',
    resource: 'territory',
    action: 'read',
    scoped: false,
    ok: 200,
  },
  {
    name: 'get territory',
    method: 'GET',
    url: '/api/territories/c1',
    resource: 'territory',
    action: 'read',
    scoped: false,
    ok: 200,
  },
  {
    name: 'create territory',
    method: 'POST',
    url: '/api/territories',
    resource: 'territory',
    action: 'write',
    scoped: false,
    ok: 201,
    body: () => ({ level: 'grid', code: `g-${++n}`, nameZh: `网格${n}`, nameEn: `Grid ${n}`, parentId: 'c1' }),
  },
  {
    name: 'get community',
    method: 'GET',
    url: '/api/communities/{c}',
    resource: 'territory',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  ...(['actors', 'responsibilities', 'activities', 'ties'] as const).flatMap((path): RouteCase[] => {
    const resource = { actors: 'actor', responsibilities: 'responsibility', activities: 'activity', ties: 'tie' }[
      path
    ] as Resource
    const body = { actors: actor, responsibilities: responsibility, activities: activity, ties: tie }[path]
    const existing = { actors: 'rc', responsibilities: '', activities: 'm1', ties: 't1' }[path]
    const cases: RouteCase[] = [
      {
        name: `list ${path}`,
        method: 'GET',
        url: `/api/communities/{c}/${path}`,
        resource,
        action: 'read',
        scoped: true,
        ok: 200,
      },
      {
        name: `create ${path}`,
        method: 'POST',
        url: `/api/communities/{c}/${path}`,
        resource,
        action: 'write',
        scoped: true,
        ok: 201,
        body: () => body,
      },
    ]
    if (existing) {
      cases.push({
        name: `get ${path}`,
        method: 'GET',
        url: `/api/communities/{c}/${path}/${existing}`,
        resource,
        action: 'read',
        scoped: true,
        ok: 200,
      })
      if (path === 'ties')
        cases.push({
          name: 'replace tie',
          method: 'PUT',
          url: `/api/communities/{c}/ties/t1`,
          resource,
          action: 'write',
          scoped: true,
          ok: 200,
          body: () => ({ ...tie, sourceId: 'rc', targetId: 'pc' }),
        })
    }
    return cases
  }),
  {
    name: 'replace territory',
    method: 'PUT',
    url: '/api/territories/g1',
    resource: 'territory',
    action: 'write',
    scoped: false,
    ok: 200,
    body: () => ({ level: 'grid', code: 'g1', nameZh: '第一网格', nameEn: 'Grid one', parentId: 'c1' }),
  },
  {
    name: 'list communities',
    method: 'GET',
    url: '/api/communities',
    resource: 'territory',
    action: 'read',
    scoped: false,
    ok: 200,
  },
  {
    name: 'replace actor',
    method: 'PUT',
    url: '/api/communities/{c}/actors/pc',
    resource: 'actor',
    action: 'write',
    scoped: true,
    ok: 200,
    body: () => ({ type: 'property_company', sector: 'M', name: '物业公司', territoryId: 'g1' }),
  },
  {
    name: 'delete actor',
    method: 'DELETE',
    url: '/api/communities/{c}/actors/{new-actor}',
    resource: 'actor',
    action: 'write',
    scoped: true,
    ok: 204,
  },
  {
    name: 'replace activity',
    method: 'PUT',
    url: '/api/communities/{c}/activities/m1',
    resource: 'activity',
    action: 'write',
    scoped: true,
    ok: 200,
    body: () => ({
      ...activity,
      kind: 'meeting',
      convenerId: 'rc',
      invitedIds: ['ps', 'pc'],
      attendedIds: ['ps', 'pc'],
    }),
  },
  {
    name: 'delete activity',
    method: 'DELETE',
    url: '/api/communities/{c}/activities/{new-activity}',
    resource: 'activity',
    action: 'write',
    scoped: true,
    ok: 204,
  },
  {
    name: 'get responsibility',
    method: 'GET',
    url: '/api/communities/{c}/responsibilities/{new-responsibility}',
    resource: 'responsibility',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'replace responsibility',
    method: 'PUT',
    url: '/api/communities/{c}/responsibilities/{new-responsibility}',
    resource: 'responsibility',
    action: 'write',
    scoped: true,
    ok: 200,
    body: () => ({ ...responsibility, role: 'lead' }),
  },
  {
    name: 'delete responsibility',
    method: 'DELETE',
    url: '/api/communities/{c}/responsibilities/{new-responsibility}',
    resource: 'responsibility',
    action: 'write',
    scoped: true,
    ok: 204,
  },
  {
    name: 'delete tie',
    method: 'DELETE',
    url: '/api/communities/{c}/ties/{new-tie}',
    resource: 'tie',
    action: 'write',
    scoped: true,
    ok: 204,
  },
  {
    name: 'import ties',
    method: 'POST',
    url: '/api/communities/{c}/import/ties',
    resource: 'import',
    action: 'write',
    scoped: true,
    ok: 201,
    body: () => 'relation,sourceId,targetId,date,provenance\nINFO,pc,rc,2026-04-01,record\n',
    headers: { 'content-type': 'text/csv' },
  },
  {
    name: 'analysis',
    method: 'POST',
    url: '/api/communities/{c}/analysis',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
    body: () => ({ measures: ['density'] }),
  },
  {
    name: 'create account',
    method: 'POST',
    url: '/api/accounts',
    resource: 'account',
    action: 'write',
    scoped: false,
    ok: 201,
    body: () => ({
      username: `user${++n}`,
      displayName: 'x',
      role: 'researcher',
      scopeId: 's1',
      password: 'long enough password',
    }),
  },
  {
    name: 'list surveys',
    method: 'GET',
    url: '/api/communities/{c}/surveys',
    resource: 'survey',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'create survey',
    method: 'POST',
    url: '/api/communities/{c}/surveys',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 201,
    body: () => ({ title: 'x', relations: ['INFO'], rosterIds: ['rc', 'ps', 'pc'] }),
  },
  {
    name: 'get survey',
    method: 'GET',
    url: '/api/communities/{c}/surveys/{new-survey}',
    resource: 'survey',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'delete survey',
    method: 'DELETE',
    url: '/api/communities/{c}/surveys/{new-survey}',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 204,
  },
  {
    name: 'open survey',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-survey}/open',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
  },
  {
    name: 'close survey',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/close',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
  },
  {
    name: 'reopen survey',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-closedsurvey}/reopen',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
  },
  {
    name: 'remind',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/remind',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
    body: () => ({}),
  },
  {
    name: 'new link',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-survey}/links/rc',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
  },
  {
    name: 'next wave',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-survey}/wave',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 201,
    body: () => ({}),
  },
  {
    name: 'survey network',
    method: 'GET',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/network?rule=max',
    resource: 'survey',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'survey analysis',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/analysis',
    resource: 'survey',
    action: 'read',
    scoped: true,
    ok: 200,
    body: () => ({ rule: 'max' }),
  },
  {
    name: 'survey answers',
    method: 'GET',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/answers',
    resource: 'survey',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'survey import',
    method: 'POST',
    url: '/api/communities/{c}/surveys/{new-opensurvey}/import?relation=INFO',
    resource: 'survey',
    action: 'write',
    scoped: true,
    ok: 200,
    body: () => ',rc,ps\nrc,,2\n',
    headers: { 'content-type': 'text/csv' },
  },
  {
    name: 'designed network',
    method: 'GET',
    url: '/api/communities/{c}/network/designed',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'activity network',
    method: 'GET',
    url: '/api/communities/{c}/network/activities',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'network series',
    method: 'GET',
    url: '/api/communities/{c}/network/series?from=2026-01-01&to=2026-06-30',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'network',
    method: 'GET',
    url: '/api/communities/{c}/network',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'diagnosis',
    method: 'GET',
    url: '/api/communities/{c}/diagnosis?lang=en',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'diagnosis comparison',
    method: 'GET',
    url: '/api/territories/c1/diagnosis/comparison',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'community report',
    method: 'GET',
    url: '/api/communities/{c}/report?format=xlsx&lang=en',
    resource: 'network',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'research report',
    method: 'POST',
    url: '/api/research/report?format=html&name=small.dl',
    resource: 'network',
    action: 'read',
    scoped: false,
    ok: 200,
    body: () => 'DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2\n2 3\n',
    headers: { 'content-type': 'text/plain' },
  },
  {
    name: 'audit',
    method: 'GET',
    url: '/api/communities/{c}/audit',
    resource: 'audit',
    action: 'read',
    scoped: true,
    ok: 200,
  },
  {
    name: 'accounts',
    method: 'GET',
    url: '/api/accounts',
    resource: 'account',
    action: 'read',
    scoped: false,
    ok: 200,
  },
]

describe('route × role matrix', () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const template = route.url.replace('{c}', 'c1')
      const anon = await call(f.app, null, route.method, await materialise(template), route.body?.(), route.headers)
      expect(anon.statusCode, 'anonymous').toBe(401)
      for (const [user, u] of Object.entries(USERS)) {
        const url = await materialise(template)
        const r = await call(f.app, sessions[user]!, route.method, url, route.body?.(), route.headers)
        const outside = route.scoped && user === 'staff2'
        // the role's grant decides, except actor representatives write ties of their own actor only
        const expected = outside
          ? 404
          : can(u.role, route.action, route.resource) && !route.refused?.includes(u.role)
            ? route.ok
            : 403
        expect(r.statusCode, `${user} (${u.role}): ${r.body.slice(0, 200)}`).toBe(expected)
      }
    })
  }
})

describe('the matrix covers the API', () => {
  it('lists every route of the OpenAPI document', async () => {
    const doc = (await f.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    const covered = new Set(
      ROUTES.map(
        (r) =>
          `${r.method} ${r.url
            .replace('{c}', '{communityId}')
            .replace(/\?.*$/, '')
            .replace(/\/links\/rc$/, '/links/{respondentId}')
            .replace(/\/(rc|pc|m1|t1|g1|c1|\{new-\w+\})$/, '/{id}')
            .replace(/\/\{new-\w+\}\//, '/{id}/')

            .replace(/\/import\/\w+$/, '/import/{kind}')
            .replace('/api/territories/c1/matters', '/api/territories/{territoryId}/matters')
            .replace('/api/territories/c1/diagnosis', '/api/territories/{territoryId}/diagnosis')}`,
      ),
    )
    // routes every role may call, checked elsewhere: health, sign-in, sign-out, me, import columns
    const open = [
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      // the demo's sign-in hint (web.test.ts)
      'GET /api/demo',
      'GET /api/imports/{kind}/columns',
      // a respondent's personal link is its key (surveys.test.ts)
      'GET /api/answer/{token}',
      'PUT /api/answer/{token}',
      // public: residents report without an account (matters.test.ts; Open311 is documented by its standard)
      'GET /api/matters/catalogue',
      'POST /api/public/communities/{communityId}/reports',
      'GET /api/public/reports/{code}',
    ]
    const all = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    )
    const missing = all.filter((r) => !covered.has(r) && !open.includes(r))
    expect(missing).toEqual([])
  })
})

describe('community isolation', () => {
  it('answers 404 for another community’s records, even by their ids', async () => {
    const staff = sessions.staff!
    expect((await call(f.app, staff, 'GET', '/api/communities/c2/ties')).statusCode).toBe(404)
    expect((await call(f.app, staff, 'GET', '/api/communities/c1/ties/t-c2')).statusCode).toBe(404)
    expect((await call(f.app, staff, 'DELETE', '/api/communities/c1/ties/t-c2')).statusCode).toBe(404)
    expect((await call(f.app, staff, 'PUT', '/api/communities/c1/ties/t-c2', tie)).statusCode).toBe(404)
    expect((await call(f.app, staff, 'GET', '/api/communities/nowhere/actors')).statusCode).toBe(404)
    const list = await call(f.app, staff, 'GET', '/api/communities')
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual(['c1'])
    const street = await call(f.app, sessions.street!, 'GET', '/api/communities')
    expect(
      street
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(['c1', 'c2'])
    // the tie in c2 is untouched
    expect(await f.store.ties.get('c2', 't-c2')).toBeDefined()
  })
})

describe('bad input', () => {
  it('names the field and the reason, never a 500', async () => {
    const staff = sessions.staff!
    const wrongSector = await call(f.app, staff, 'POST', '/api/communities/c1/actors', { ...actor, sector: 'G' })
    expect(wrongSector.statusCode).toBe(400)
    expect(wrongSector.json().error.issues).toContainEqual({
      field: 'body.sector',
      reason: 'a social organisation belongs to sector S, not G',
    })
    const missing = await call(f.app, staff, 'POST', '/api/communities/c1/ties', { ...tie, sourceId: 'nobody' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.issues).toEqual([
      { field: 'body.sourceId', reason: 'no actor "nobody" in this community' },
    ])
    const otherCommunity = await call(f.app, staff, 'POST', '/api/communities/c1/ties', { ...tie, sourceId: 'rc2' })
    expect(otherCommunity.statusCode).toBe(400)
    const badTerritory = await call(f.app, staff, 'POST', '/api/communities/c1/actors', { ...actor, territoryId: 'c2' })
    expect(badTerritory.json().error.issues[0].field).toBe('body.territoryId')
    const malformed = await call(f.app, staff, 'POST', '/api/communities/c1/ties', '{"relation":', {
      'content-type': 'application/json',
    })
    expect(malformed.statusCode).toBe(400)
    const wrongType = await call(f.app, staff, 'POST', '/api/communities/c1/ties', { ...tie, value: 'high' })
    expect(wrongType.statusCode).toBe(400)
    expect(wrongType.json().error.issues[0].field).toBe('body.value')
    const badQuery = await call(f.app, staff, 'GET', '/api/communities/c1/actors?limit=-3')
    expect(badQuery.statusCode).toBe(400)
    expect(badQuery.json().error.issues[0].field).toMatch(/^querystring\.limit/)
    const inUse = await call(f.app, staff, 'DELETE', '/api/communities/c1/actors/rc')
    expect(inUse.statusCode).toBe(409)
    expect(inUse.json().error.code).toBe('E_IN_USE')
    expect(await f.store.actors.get('c1', 'rc')).toBeDefined()
    expect((await call(f.app, staff, 'GET', '/api/no/such/route')).statusCode).toBe(404)
  })
  it('refuses writes without the CSRF token and bad logins, and limits login attempts', async () => {
    const staff = sessions.staff!
    const noCsrf = await f.app.inject({
      method: 'POST',
      url: '/api/communities/c1/ties',
      payload: tie,
      headers: { cookie: staff.cookie },
    })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().error.code).toBe('CSRF')
    const wrong = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff', password: 'nope' },
    })
    expect(wrong.statusCode).toBe(401)
    const limited = await fixture({ loginsPerMinute: 3 })
    try {
      const codes = []
      for (let k = 0; k < 5; k++)
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'staff', password: 'nope' },
            })
          ).statusCode,
        )
      expect(codes).toEqual([401, 401, 401, 429, 429])
    } finally {
      await limited.close()
    }
  })
  it('ends a session at sign-out', async () => {
    const s = await login(f.app, 'staff')
    expect((await call(f.app, s, 'GET', '/api/auth/me')).statusCode).toBe(200)
    expect((await call(f.app, s, 'POST', '/api/auth/logout')).statusCode).toBe(200)
    expect((await call(f.app, s, 'GET', '/api/auth/me')).statusCode).toBe(401)
  })
})

describe('import', () => {
  const csv = (_body: string) => ({ 'content-type': 'text/csv' })
  it('stores every row of a good CSV, with ids from the file', async () => {
    const staff = sessions.staff!
    const body =
      'id,type,sector,name,territoryId,phone\nsw1,social_organisation,S,阳光社工,c1,010-6000000\nvt1,volunteer_team,S,平安志愿者队,g1,\n'
    const r = await call(f.app, staff, 'POST', '/api/communities/c1/import/actors', body, csv(body))
    expect(r.statusCode).toBe(201)
    expect(r.json()).toEqual({ imported: 2, ids: ['sw1', 'vt1'] })
    expect((await f.store.actors.get('c1', 'sw1'))!.contact).toMatchObject({ phone: '010-6000000' })
  })
  it('rejects the whole file when a row is wrong, listing line, field and reason', async () => {
    const staff = sessions.staff!
    const before = await f.store.ties.count('c1')
    const body = [
      'relation,sourceId,targetId,date,provenance',
      'INFO,rc,ps,2026-05-01,record',
      'GOSSIP,rc,ps,2026-05-01,record',
      'INFO,rc,ghost,2026-05-01,record',
      'INFO,rc,ps,May 1st,record',
    ].join('\n')
    const r = await call(f.app, staff, 'POST', '/api/communities/c1/import/ties', body, csv(body))
    expect(r.statusCode).toBe(400)
    const issues = r.json().error.issues as { line: number; field: string; reason: string }[]
    expect(issues.map((i) => `${i.line} ${i.field}`)).toEqual(['3 relation', '5 date'])
    expect(await f.store.ties.count('c1')).toBe(before)
    // once the shape is right, references are checked: still nothing stored
    const refs =
      'relation,sourceId,targetId,date,provenance\nINFO,rc,ps,2026-05-01,record\nINFO,rc,ghost,2026-05-01,record\n'
    const r2 = await call(f.app, staff, 'POST', '/api/communities/c1/import/ties', refs, csv(refs))
    expect(r2.statusCode).toBe(400)
    expect(r2.json().error.issues).toEqual([
      { line: 3, field: 'targetId', reason: 'no actor "ghost" in this community' },
    ])
    expect(await f.store.ties.count('c1')).toBe(before)
    const unknown = await call(f.app, staff, 'POST', '/api/communities/c1/import/ties', 'who,whom\na,b\n', csv(''))
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.issues[0]).toMatchObject({ line: 1, field: 'who' })
    const none = await call(f.app, staff, 'POST', '/api/communities/c1/import/ties', { not: 'a file' })
    expect(none.statusCode).toBe(415)
  })
  it('reads an XLSX workbook', async () => {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('活动')
    ws.addRow(['kind', 'title', 'start', '安全领域', 'phase', 'convenerId', 'attendedIds'])
    ws.addRow(['drill', '消防演练', '2026-06-01T15:00:00+08:00', 'FIRE', 'PREPARE', 'pc', 'rc;ps'])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const r = await f.app.inject({
      method: 'POST',
      url: '/api/communities/c1/import/activities',
      payload: bytes,
      headers: {
        cookie: sessions.staff!.cookie,
        'x-csrf-token': sessions.staff!.csrf,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    })
    expect(r.statusCode, r.body).toBe(201)
    const stored = await f.store.activities.get('c1', r.json().ids[0])
    expect(stored).toMatchObject({ kind: 'drill', domains: ['FIRE'], attendedIds: ['rc', 'ps'] })
    const broken = await f.app.inject({
      method: 'POST',
      url: '/api/communities/c1/import/activities',
      payload: Buffer.from('not a zip'),
      headers: {
        cookie: sessions.staff!.cookie,
        'x-csrf-token': sessions.staff!.csrf,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    })
    expect(broken.statusCode).toBe(400)
  })
})

describe('what the records routes do', () => {
  it('keeps an audit entry of every write with before and after', async () => {
    const staff = sessions.staff!
    const created = await call(f.app, staff, 'POST', '/api/communities/c1/ties', { ...tie, note: 'first' })
    const id = created.json().id
    await call(f.app, staff, 'PUT', `/api/communities/c1/ties/${id}`, { ...tie, note: 'second' })
    await call(f.app, staff, 'DELETE', `/api/communities/c1/ties/${id}`)
    const audit = await call(f.app, staff, 'GET', `/api/communities/c1/audit?entityId=${id}`)
    const entries = audit.json().items as {
      action: string
      before: { note?: string } | null
      after: { note?: string } | null
      accountId: string
    }[]
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update'])
    const update = entries.find((e) => e.action === 'update')!
    expect(update.before!.note).toBe('first')
    expect(update.after!.note).toBe('second')
    expect(update.accountId).toBe('acc-staff')
  })
  it('lets an actor representative record only its own actor’s ties', async () => {
    const rep = sessions.rep!
    expect((await call(f.app, rep, 'POST', '/api/communities/c1/ties', tie)).statusCode).toBe(201)
    const other = await call(f.app, rep, 'POST', '/api/communities/c1/ties', { ...tie, sourceId: 'rc', targetId: 'ps' })
    expect(other.statusCode).toBe(403)
  })
  it('shows researchers individuals under an alias, without notes or contacts', async () => {
    const r = await call(f.app, sessions.researcher!, 'GET', '/api/communities/c1/actors/bh')
    expect(r.statusCode).toBe(200)
    expect(r.json().name).not.toContain('3号楼')
    expect(r.json().note).toBeNull()
    const staff = await call(f.app, sessions.staff!, 'GET', '/api/communities/c1/actors/bh')
    expect(staff.json().note).toBe('lives at 3-2-401')
  })
  it('builds the network and analyses it in a worker thread', async () => {
    const staff = sessions.staff!
    const net = await call(f.app, staff, 'GET', '/api/communities/c1/network?relations=INFO,CONSULT')
    expect(net.statusCode).toBe(200)
    const j = net.json()
    expect(j.nodes.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['rc', 'ps', 'pc', 'bh']))
    expect(j.filter.relations).toEqual(['INFO', 'CONSULT'])
    const bad = await call(f.app, staff, 'GET', '/api/communities/c1/network?relations=GOSSIP')
    expect(bad.statusCode).toBe(400)
    const a = await call(f.app, staff, 'POST', '/api/communities/c1/analysis', { filter: { relations: ['CONSULT'] } })
    expect(a.statusCode).toBe(200)
    // the meeting: rc convened, ps and pc attended — a triangle, and bh isolated
    expect(a.json().network.edges).toBe(6)
    expect(a.json().nodes.rc.degree).toBe(4)
  })
  it('publishes the OpenAPI document', async () => {
    const r = await f.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(r.statusCode).toBe(200)
    expect(Object.keys(r.json().paths)).toEqual(
      expect.arrayContaining(['/api/communities/{communityId}/actors', '/api/auth/login']),
    )
  })
})
