// A full survey round through the API: design, links, answers (bad ones refused), reminders, close, waves, aggregate.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fixture, login, type Fixture, type Session } from './server.test-util.js'

let f: Fixture
let staff: Session

beforeAll(async () => {
  f = await fixture()
  staff = await login(f.app, 'staff')
})
afterAll(async () => f.close())

const design = {
  title: '社区安全协作关系调查',
  relations: ['INFO', 'JOINT_ACTION'],
  attitudes: true,
  rosterIds: ['rc', 'ps', 'pc'],
  deadline: '2099-12-31T18:00:00+08:00',
}

const answer = (token: string, body: unknown) =>
  f.app.inject({ method: 'PUT', url: `/api/answer/${token}`, payload: body as object })
const token = (link: string) => link.replace('/s/', '')

describe('a survey round', () => {
  it('runs from design to submitted answers, refusing bad ones without storing anything', async () => {
    const created = await call(f.app, staff, 'POST', '/api/communities/c1/surveys', design)
    expect(created.statusCode, created.body).toBe(201)
    const { survey, links } = created.json() as {
      survey: { id: string; status: string }
      links: { respondentId: string; link: string }[]
    }
    expect(survey.status).toBe('draft')
    expect(links.map((l) => l.respondentId)).toEqual(['rc', 'ps', 'pc'])
    const rc = token(links[0]!.link)
    const ps = token(links[1]!.link)
    const base = `/api/communities/c1/surveys/${survey.id}`

    // a draft cannot be answered
    expect((await answer(rc, { answers: { ties: {} } })).json().error.code).toBe('NOT_OPEN')
    expect((await call(f.app, staff, 'POST', `${base}/open`)).statusCode).toBe(200)
    expect((await call(f.app, staff, 'POST', `${base}/open`)).statusCode).toBe(409)

    // the answer page and its data
    const page = await f.app.inject({ method: 'GET', url: links[0]!.link, headers: { 'accept-language': 'en' } })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    const got = (await f.app.inject({ method: 'GET', url: `/api/answer/${rc}` })).json()
    expect(got.survey.roster.map((a: { id: string }) => a.id)).toEqual(['ps', 'pc']) // not itself
    expect(got.survey.attitudes).toHaveLength(4)

    // bad answers: an actor not on the roster, a value off the scale, itself, an unasked relation
    const bad = await answer(rc, {
      answers: { ties: { INFO: { ghost: 1, ps: 9, rc: 2 }, COMMAND: { ps: 1 } }, attitudes: { trust: 7 } },
    })
    expect(bad.statusCode).toBe(400)
    const fields = bad.json().error.issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.answers.ties.INFO.ghost',
        'body.answers.ties.INFO.ps',
        'body.answers.ties.INFO.rc',
        'body.answers.ties.COMMAND',
        'body.answers.attitudes.trust',
      ]),
    )
    let status = (await call(f.app, staff, 'GET', base)).json()
    expect(status.responses.find((r: { respondentId: string }) => r.respondentId === 'rc').status).toBe('not_started')

    // save part, resume, then an incomplete submission is refused
    const partial = { ties: { INFO: { ps: 3 } }, attitudes: {} }
    expect((await answer(rc, { answers: partial })).json().status).toBe('in_progress')
    expect((await f.app.inject({ method: 'GET', url: `/api/answer/${rc}` })).json().answers.ties.INFO.ps).toBe(3)
    const incomplete = await answer(rc, { answers: partial, submit: true })
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.json().error.issues[0].reason).toBe('not answered yet')

    const full = {
      ties: { INFO: { ps: 3, pc: 1 }, JOINT_ACTION: { ps: 2, pc: 0 } },
      attitudes: { trust: 4, consensus: 3, coResponsibility: 2, senseOfSafety: 5 },
    }
    const submitted = await answer(rc, { answers: full, submit: true })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json().status).toBe('submitted')
    const again = await answer(rc, { answers: { ...full, ties: { ...full.ties, INFO: { ps: 0, pc: 0 } } } })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('SUBMITTED')

    // staff see who answered, remind the rest
    status = (await call(f.app, staff, 'GET', base)).json()
    expect(status.progress).toMatchObject({ respondents: 3, submitted: 1 })
    const reminded = await call(f.app, staff, 'POST', `${base}/remind`, {})
    expect(reminded.json().reminded).toEqual(['ps', 'pc'])

    // a new link replaces the old one
    const reset = await call(f.app, staff, 'POST', `${base}/links/ps`)
    expect((await f.app.inject({ method: 'GET', url: `/api/answer/${ps}` })).statusCode).toBe(404)
    const ps2 = token(reset.json().links[0].link)
    expect(
      (
        await answer(ps2, {
          answers: {
            ties: { INFO: { rc: 2, pc: 0 }, JOINT_ACTION: { rc: 2, pc: 1 } },
            attitudes: { trust: 3, consensus: 3, coResponsibility: 4, senseOfSafety: 4 },
          },
          submit: true,
        })
      ).statusCode,
    ).toBe(200)

    // closed: answers refused, nothing changes; reopened: accepted again
    expect((await call(f.app, staff, 'POST', `${base}/close`)).statusCode).toBe(200)
    const pc = token(links[2]!.link)
    const late = await answer(pc, { answers: { ties: { INFO: { rc: 1 } } } })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('CLOSED')
    status = (await call(f.app, staff, 'GET', base)).json()
    expect(status.responses.find((r: { respondentId: string }) => r.respondentId === 'pc').status).toBe('not_started')
    expect((await call(f.app, staff, 'POST', `${base}/reopen`)).statusCode).toBe(200)
    expect((await answer(pc, { answers: { ties: { INFO: { rc: 1 } } } })).statusCode).toBe(200)

    // aggregate: rc and ps submitted, pc is in progress (left out unless asked)
    const net = await call(f.app, staff, 'GET', `${base}/network?rule=none`)
    expect(net.statusCode, net.body).toBe(200)
    const agg = net.json().aggregation
    expect(agg).toMatchObject({ rule: 'none', missing: 'missing', responseRate: 2 / 3 })
    expect(agg.nonRespondents).toEqual(['pc'])
    const info = net.json().edges.filter((e: { relation: string }) => e.relation === 'INFO')
    expect(info).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'rc', target: 'ps', weight: 3 }),
        expect.objectContaining({ source: 'ps', target: 'rc', weight: 2 }),
      ]),
    )
    const max = (await call(f.app, staff, 'GET', `${base}/network?rule=max&missing=reconstruct`)).json()
    expect(max.aggregation).toMatchObject({ rule: 'max', missing: 'reconstruct' })
    const rcps = max.edges.find(
      (e: { relation: string; source: string; target: string }) =>
        e.relation === 'INFO' && [e.source, e.target].sort().join() === 'ps,rc',
    )
    expect(rcps.weight).toBe(3)
    const graphml = await call(f.app, staff, 'GET', `${base}/network?rule=max&format=graphml`)
    expect(graphml.headers['content-type']).toMatch(/xml/)
    expect(graphml.body).toContain('<graphml')
    expect((await call(f.app, staff, 'GET', `${base}/network?rule=sometimes`)).statusCode).toBe(400)
    const analysis = await call(f.app, staff, 'POST', `${base}/analysis`, { rule: 'max', relation: 'JOINT_ACTION' })
    expect(analysis.statusCode, analysis.body).toBe(200)
    expect(analysis.json().network.nodes).toBe(3)
    expect((await call(f.app, staff, 'POST', `${base}/analysis`, { relation: 'COMMAND' })).statusCode).toBe(400)

    // raw answers: plain for staff, pseudonymised for researchers
    const raw = (await call(f.app, staff, 'GET', `${base}/answers`)).json()
    expect(raw.ties).toContainEqual({ respondent: 'rc', relation: 'INFO', target: 'ps', value: 3 })
    const researcher = await login(f.app, 'researcher')
    const hidden = (await call(f.app, researcher, 'GET', `${base}/answers`)).json()
    expect(hidden.pseudonymised).toBe(true)
    expect(JSON.stringify(hidden)).not.toMatch(/"(rc|ps|pc)"/)
    const csv = await call(f.app, staff, 'GET', `${base}/answers?format=csv`)
    expect(csv.body).toContain('respondent,relation,target,value')

    // the next wave copies the design with new links
    const wave = await call(f.app, staff, 'POST', `${base}/wave`, {})
    expect(wave.statusCode).toBe(201)
    expect(wave.json().survey).toMatchObject({ wave: 2, status: 'draft', relations: ['INFO', 'JOINT_ACTION'] })
    expect(wave.json().links).toHaveLength(3)
  })
  it('refuses a roster naming unknown actors, and answers through an unknown link', async () => {
    const r = await call(f.app, staff, 'POST', '/api/communities/c1/surveys', {
      ...design,
      rosterIds: ['rc', 'nobody'],
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.issues).toEqual([
      { field: 'body.rosterIds.1', reason: 'no actor "nobody" in this community' },
    ])
    const other = await call(f.app, staff, 'POST', '/api/communities/c1/surveys', {
      ...design,
      rosterIds: ['rc', 'rc2'],
    })
    expect(other.statusCode).toBe(400)
    expect(
      (await f.app.inject({ method: 'GET', url: '/api/answer/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode,
    ).toBe(404)
    expect((await call(f.app, await login(f.app, 'staff2'), 'GET', '/api/communities/c1/surveys')).statusCode).toBe(404)
  })
  it('imports answers collected elsewhere as roster matrices, all or none', async () => {
    const created = (
      await call(f.app, staff, 'POST', '/api/communities/c1/surveys', { ...design, attitudes: false })
    ).json()
    const base = `/api/communities/c1/surveys/${created.survey.id}`
    const good = ',rc,ps,pc\nrc,,3,1\nps,2,,0\n'
    const bad = ',rc,ps,ghost\nrc,,9,1\n'
    const rejected = await call(f.app, staff, 'POST', `${base}/import?relation=INFO`, bad, {
      'content-type': 'text/csv',
    })
    expect(rejected.statusCode).toBe(400)
    expect(rejected.json().error.issues.length).toBeGreaterThanOrEqual(2)
    expect((await call(f.app, staff, 'GET', base)).json().progress.submitted).toBe(0)
    const noRelation = await call(f.app, staff, 'POST', `${base}/import`, good, { 'content-type': 'text/csv' })
    expect(noRelation.statusCode).toBe(400)
    const ok = await call(f.app, staff, 'POST', `${base}/import?relation=INFO`, good, { 'content-type': 'text/csv' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().imported.sort()).toEqual(['ps', 'rc'])
    const raw = (await call(f.app, staff, 'GET', `${base}/answers`)).json()
    expect(raw.ties).toContainEqual({ respondent: 'rc', relation: 'INFO', target: 'ps', value: 3 })
  })
})
