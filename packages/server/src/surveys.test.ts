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
})
