// Surveys on both dialects: round-trips and defaults, the roster's references, link tokens, answers,
// reminders, status, deletes, community isolation, and audit entries that keep answers confidential.

import { randomBytes } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { DEFAULT_SCALE, SurveyInput, type Answers } from '@cosafe/core'
import { StoreError, type Store } from './index.js'
import { buildActor, buildPlace, buildTie, describeStore, STAFF, SYSTEM, uid, type Place } from './store.test-util.js'

async function storeError(p: Promise<unknown>): Promise<StoreError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(StoreError)
  return e as StoreError
}

const tick = () => new Promise((r) => setTimeout(r, 3))

/** A fresh SHA-256-like hash per respondent. */
const hashes = (ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, randomBytes(32).toString('hex')]))

function buildSurvey(over: Partial<SurveyInput> & Pick<SurveyInput, 'rosterIds'>): SurveyInput {
  return {
    title: '社区安全关系调查',
    relations: ['INFO', 'JOINT_ACTION'],
    scale: DEFAULT_SCALE,
    attitudes: false,
    wave: 1,
    ...over,
  }
}

const NOT_STARTED = {
  status: 'not_started',
  answers: { ties: {}, attitudes: {} },
  updatedAt: null,
  submittedAt: null,
  remindedAt: null,
  reminders: 0,
}

describeStore('surveys', (h) => {
  let s: Store
  let p: Place
  let other: Place
  /** Four actors of p.community. */
  let ids: [string, string, string, string]
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
    other = await buildPlace(s)
    const made: string[] = []
    for (const name of ['居委会', '派出所', '物业', '业委会'])
      made.push((await s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community, name }))).id)
    ids = made as typeof ids
  })

  it('round-trips a full survey; get and list return what create did', async () => {
    const q = await buildPlace(s)
    const c = q.community
    const roster: string[] = []
    for (let i = 0; i < 4; i++) roster.push((await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))).id)
    const full = buildSurvey({
      title: '第二轮关系调查',
      relations: ['INFO', 'CONSULT', 'RESOURCE'],
      scale: {
        min: 0,
        max: 2,
        labels: [
          { zh: '无', en: 'none' },
          { zh: '偶尔', en: 'sometimes' },
          { zh: '经常', en: 'often' },
        ],
      },
      attitudes: true,
      // in the order given, not by id
      rosterIds: [roster[2]!, roster[0]!, roster[1]!, roster[3]!],
      respondentIds: [roster[1]!, roster[2]!],
      deadline: '2026-04-30T18:00:00+08:00',
      wave: 2,
    })
    const made = await s.surveys.create(STAFF, c, full, hashes(full.respondentIds!), 'wave2')
    expect(made).toEqual({
      ...full,
      id: 'wave2',
      communityId: c,
      status: 'draft',
      createdAt: expect.any(String),
      updatedAt: made.createdAt,
    })
    expect(new Date(made.createdAt).toISOString()).toBe(made.createdAt)
    expect(await s.surveys.get(c, 'wave2')).toEqual(made)
    await tick()
    const second = await s.surveys.create(STAFF, c, buildSurvey({ rosterIds: roster.slice(0, 2) }), hashes(roster))
    expect(second.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await s.surveys.list(c)).toEqual([made, second])
    // respondents in the order given, not by id
    expect((await s.surveys.responses(c, 'wave2')).map((r) => r.respondentId)).toEqual(full.respondentIds)
  })

  it('defaults: draft, respondents = roster, not-started responses; the schema defaults for unparsed input', async () => {
    const minimal = { title: ' 最简 ', relations: ['INFO'], rosterIds: [ids[3], ids[0], ids[2]] }
    const parsed = SurveyInput.parse(minimal)
    const a = await s.surveys.create(SYSTEM, p.community, parsed, hashes(parsed.rosterIds))
    expect(a).toMatchObject({
      title: '最简',
      status: 'draft',
      scale: DEFAULT_SCALE,
      attitudes: false,
      wave: 1,
      deadline: null,
      respondentIds: minimal.rosterIds,
    })
    // what a caller that did not parse its input gets: the same defaults
    const b = await s.surveys.create(SYSTEM, p.community, minimal as never, hashes(minimal.rosterIds))
    expect(b).toEqual({ ...a, id: b.id, title: ' 最简 ', createdAt: b.createdAt, updatedAt: b.updatedAt })
    expect(await s.surveys.get(p.community, b.id)).toEqual(b)
    expect(await s.surveys.responses(p.community, b.id)).toEqual(
      minimal.rosterIds.map((respondentId) => ({
        ...NOT_STARTED,
        surveyId: b.id,
        communityId: p.community,
        respondentId,
      })),
    )
    // unknown keys are dropped, at any depth
    const c = await s.surveys.create(
      SYSTEM,
      p.community,
      { ...parsed, colour: 'red', scale: { min: 0, max: 1, extra: true } } as never,
      hashes(parsed.rosterIds),
    )
    expect(c).not.toHaveProperty('colour')
    expect(c.scale).toEqual({ min: 0, max: 1 })
    expect(await s.surveys.get(p.community, c.id)).toEqual(c)
    // a survey may have no respondents (yet)
    const d = await s.surveys.create(SYSTEM, p.community, { ...parsed, respondentIds: [] }, {})
    expect(d.respondentIds).toEqual([])
    expect(await s.surveys.responses(p.community, d.id)).toEqual([])
  })

  it('names the roster entry or respondent that is not an actor of the community; stores nothing then', async () => {
    const there = await s.actors.create(SYSTEM, other.community, buildActor({ territoryId: other.community }))
    const cases: [Partial<SurveyInput>, string][] = [
      [{ rosterIds: [ids[0], 'ghost'] }, 'rosterIds.1'],
      [{ rosterIds: [ids[0], ids[1], there.id] }, 'rosterIds.2'],
      [{ rosterIds: [ids[0], ids[1]], respondentIds: [ids[1], 'ghost'] }, 'respondentIds.1'],
      // an actor of the community, but not on the roster (SurveyInput refuses it too)
      [{ rosterIds: [ids[0], ids[1]], respondentIds: [ids[2]] }, 'respondentIds.0'],
    ]
    const before = (await s.surveys.list(p.community)).length
    const audited = (await s.audit.list({ communityId: p.community })).length
    for (const [over, field] of cases) {
      const input = buildSurvey({ rosterIds: [], ...over })
      const e = await storeError(
        s.surveys.create(SYSTEM, p.community, input, hashes(input.respondentIds ?? input.rosterIds)),
      )
      expect([e.code, e.field], field).toEqual(['E_REFERENCE', field])
      expect(e.message).toContain(field)
    }
    const input = buildSurvey({ rosterIds: [ids[0], ids[1]] })
    const e = await storeError(s.surveys.create(SYSTEM, 'no-community', input, hashes(input.rosterIds)))
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'communityId'])
    expect((await s.surveys.list(p.community)).length).toBe(before)
    expect((await s.audit.list({ communityId: p.community })).length).toBe(audited)
  })

  it('refuses a taken id or link token, and a respondent without a token hash', async () => {
    const roster = [ids[0], ids[1]]
    const tokens = hashes(roster)
    const a = await s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), tokens)
    let e = await storeError(
      s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), hashes(roster), a.id),
    )
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'id'])
    e = await storeError(
      s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), {
        ...hashes(roster),
        [ids[1]]: tokens[ids[0]]!,
      }),
    )
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'tokenHash'])
    expect(e.message).not.toContain(tokens[ids[0]]!)
    // two respondents of one survey with the same hash
    const same = randomBytes(32).toString('hex')
    e = await storeError(
      s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), { [ids[0]]: same, [ids[1]]: same }),
    )
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'tokenHash'])
    await expect(
      s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), { [ids[0]]: 'h' }),
    ).rejects.toThrow(TypeError)
    await expect(
      s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: ['constructor', ids[0]] }), {}),
    ).rejects.toThrow(/no link token hash for respondent "constructor"/)
  })

  it('opens a survey and response by the hash of its link token, in any community', async () => {
    const q = await buildPlace(s)
    const x = await s.actors.create(SYSTEM, q.community, buildActor({ territoryId: q.community }))
    const y = await s.actors.create(SYSTEM, q.community, buildActor({ territoryId: q.community }))
    const tokens = hashes([x.id, y.id])
    const survey = await s.surveys.create(SYSTEM, q.community, buildSurvey({ rosterIds: [x.id, y.id] }), tokens)
    const found = await s.surveys.byToken(tokens[y.id]!)
    expect(found).toEqual({
      survey,
      response: { ...NOT_STARTED, surveyId: survey.id, communityId: q.community, respondentId: y.id },
    })
    expect(await s.surveys.byToken(randomBytes(32).toString('hex'))).toBeUndefined()
    expect(await s.surveys.byToken('')).toBeUndefined()
  })

  it('saves answers (in progress), then submits them; returns undefined for a response that does not exist', async () => {
    const roster = [ids[0], ids[1], ids[2]]
    const tokens = hashes(roster)
    const survey = await s.surveys.create(
      SYSTEM,
      p.community,
      buildSurvey({ rosterIds: roster, attitudes: true }),
      tokens,
    )
    const partial: Answers = { ties: { INFO: { [ids[1]]: 3 } }, attitudes: { trust: 4 } }
    const saved = await s.surveys.saveAnswers(SYSTEM, p.community, survey.id, ids[0], partial, false)
    expect(saved).toEqual({
      ...NOT_STARTED,
      surveyId: survey.id,
      communityId: p.community,
      respondentId: ids[0],
      status: 'in_progress',
      answers: partial,
      updatedAt: expect.any(String),
    })
    expect((await s.surveys.byToken(tokens[ids[0]]!))!.response).toEqual(saved)
    await tick()
    const full: Answers = {
      ties: { INFO: { [ids[1]]: 3, [ids[2]]: 0 }, JOINT_ACTION: { [ids[1]]: 1, [ids[2]]: 4 } },
      attitudes: { trust: 4, consensus: 2 },
    }
    const submitted = await s.surveys.saveAnswers(SYSTEM, p.community, survey.id, ids[0], full, true)
    expect(submitted).toMatchObject({ status: 'submitted', answers: full, submittedAt: submitted!.updatedAt })
    expect(submitted!.updatedAt! > saved!.updatedAt!).toBe(true)
    const responses = await s.surveys.responses(p.community, survey.id)
    expect(responses.map((r) => r.status)).toEqual(['submitted', 'not_started', 'not_started'])
    expect(responses[0]).toEqual(submitted)
    // answers keep only what the schema knows
    const odd = { ties: { INFO: { [ids[0]]: 2 } }, attitudes: {}, comment: 'x' } as Answers
    const kept = await s.surveys.saveAnswers(SYSTEM, p.community, survey.id, ids[1], odd, false)
    expect(kept!.answers).toEqual({ ties: { INFO: { [ids[0]]: 2 } }, attitudes: {} })
    const bare = await s.surveys.saveAnswers(SYSTEM, p.community, survey.id, ids[2], {} as Answers, false)
    expect(bare!.answers).toEqual({ ties: {}, attitudes: {} })
    // nothing to save into
    expect(await s.surveys.saveAnswers(SYSTEM, p.community, survey.id, ids[3], full, false)).toBeUndefined()
    expect(await s.surveys.saveAnswers(SYSTEM, p.community, 'nowhere', ids[0], full, false)).toBeUndefined()
  })

  it('counts reminders, also when they are sent at once', async () => {
    const roster = [ids[0], ids[1]]
    const survey = await s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), hashes(roster))
    const first = await s.surveys.remind(STAFF, p.community, survey.id, ids[1])
    expect(first).toMatchObject({ respondentId: ids[1], status: 'not_started', reminders: 1 })
    expect(first!.remindedAt).toEqual(expect.any(String))
    await Promise.all(Array.from({ length: 5 }, () => s.surveys.remind(STAFF, p.community, survey.id, ids[1])))
    const [r0, r1] = await s.surveys.responses(p.community, survey.id)
    expect([r0!.reminders, r1!.reminders]).toEqual([0, 6])
    expect(r0!.remindedAt).toBeNull()
    expect(r1!.remindedAt! >= first!.remindedAt!).toBe(true)
    expect(await s.surveys.remind(STAFF, p.community, survey.id, ids[3])).toBeUndefined()
    expect(await s.surveys.remind(STAFF, p.community, 'nowhere', ids[0])).toBeUndefined()
    const log = await s.audit.list({ entity: 'response', entityId: `${survey.id}:${ids[1]}` })
    expect(log.map((e) => (e.after as { reminders: number }).reminders)).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('resets a link token: the old hash opens nothing, the new one opens the same response', async () => {
    const roster = [ids[0], ids[1]]
    const tokens = hashes(roster)
    const survey = await s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), tokens)
    await s.surveys.saveAnswers(
      SYSTEM,
      p.community,
      survey.id,
      ids[0],
      { ties: { INFO: { [ids[1]]: 2 } }, attitudes: {} },
      false,
    )
    const fresh = randomBytes(32).toString('hex')
    expect(await s.surveys.resetToken(STAFF, p.community, survey.id, ids[0], fresh)).toBe(true)
    expect(await s.surveys.byToken(tokens[ids[0]]!)).toBeUndefined()
    const found = await s.surveys.byToken(fresh)
    expect(found!.response).toMatchObject({ respondentId: ids[0], status: 'in_progress' })
    expect(found!.response.answers.ties).toEqual({ INFO: { [ids[1]]: 2 } })
    // the other respondent's link still works
    expect((await s.surveys.byToken(tokens[ids[1]]!))!.response.respondentId).toBe(ids[1])
    expect(await s.surveys.resetToken(STAFF, p.community, survey.id, ids[3], randomBytes(8).toString('hex'))).toBe(
      false,
    )
    const e = await storeError(s.surveys.resetToken(STAFF, p.community, survey.id, ids[1], fresh))
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'tokenHash'])
    expect((await s.surveys.byToken(tokens[ids[1]]!))!.response.respondentId).toBe(ids[1])
  })

  it('sets the status, with an audit entry per change', async () => {
    const roster = [ids[0], ids[1]]
    const survey = await s.surveys.create(STAFF, p.community, buildSurvey({ rosterIds: roster }), hashes(roster))
    await tick()
    const opened = await s.surveys.setStatus(STAFF, p.community, survey.id, 'open')
    expect(opened).toEqual({ ...survey, status: 'open', updatedAt: expect.any(String) })
    expect(opened!.updatedAt > survey.updatedAt).toBe(true)
    expect(await s.surveys.get(p.community, survey.id)).toEqual(opened)
    // the same status again changes nothing
    expect(await s.surveys.setStatus(STAFF, p.community, survey.id, 'open')).toEqual(opened)
    const closed = await s.surveys.setStatus(STAFF, p.community, survey.id, 'closed')
    expect(closed).toMatchObject({ status: 'closed', createdAt: survey.createdAt })
    expect(await s.surveys.setStatus(STAFF, p.community, 'nowhere', 'open')).toBeUndefined()
    const log = await s.audit.list({ communityId: p.community, entity: 'survey', entityId: survey.id })
    expect(log.map((e) => [e.action, e.accountId, e.before, e.after])).toEqual([
      ['create', 'acc-staff', null, survey],
      ['update', 'acc-staff', survey, opened],
      ['update', 'acc-staff', opened, closed],
    ])
  })

  it('deletes a survey with its responses; its actors can go then', async () => {
    const q = await buildPlace(s)
    const c = q.community
    const x = await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
    const y = await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
    const tokens = hashes([x.id, y.id])
    const survey = await s.surveys.create(STAFF, c, buildSurvey({ rosterIds: [x.id, y.id] }), tokens)
    await s.surveys.saveAnswers(SYSTEM, c, survey.id, x.id, { ties: { INFO: { [y.id]: 1 } }, attitudes: {} }, true)
    expect(await s.surveys.delete(STAFF, c, survey.id)).toBe(true)
    expect(await s.surveys.get(c, survey.id)).toBeUndefined()
    expect(await s.surveys.responses(c, survey.id)).toEqual([])
    expect(await s.surveys.byToken(tokens[x.id]!)).toBeUndefined()
    expect(await s.surveys.delete(STAFF, c, survey.id)).toBe(false)
    expect(await s.surveys.saveAnswers(SYSTEM, c, survey.id, x.id, { ties: {}, attitudes: {} }, false)).toBeUndefined()
    // the same id and tokens may be used again
    await s.surveys.create(STAFF, c, buildSurvey({ rosterIds: [x.id, y.id] }), tokens, survey.id)
    expect(await s.surveys.delete(STAFF, c, survey.id)).toBe(true)
    expect(await s.actors.delete(SYSTEM, c, x.id)).toBe(true)
    expect(await s.actors.delete(SYSTEM, c, y.id)).toBe(true)
    const log = await s.audit.list({ communityId: c, entity: 'survey', entityId: survey.id })
    expect(log.map((e) => e.action)).toEqual(['create', 'delete', 'create', 'delete'])
    expect(log[1]!.before).toEqual(survey)
    const responses = await s.audit.list({ communityId: c, entity: 'response', entityId: `${survey.id}:${x.id}` })
    expect(responses.map((e) => e.action)).toEqual(['create', 'update', 'delete', 'create', 'delete'])
    expect(responses[2]).toMatchObject({
      before: { status: 'submitted', answered: { ties: 1, attitudes: 0 } },
      after: null,
    })
  })

  it('keeps an actor that a survey roster names, naming the survey', async () => {
    const q = await buildPlace(s)
    const c = q.community
    const mk = async () => (await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))).id
    const [x, y, z] = [await mk(), await mk(), await mk()]
    // z is on the roster only (it does not answer): no foreign key holds it, the store does
    const survey = await s.surveys.create(
      SYSTEM,
      c,
      buildSurvey({ title: '网格员关系调查', rosterIds: [x, y, z], respondentIds: [x, y] }),
      hashes([x, y]),
      'sv1',
    )
    for (const id of [z, x]) {
      const e = await storeError(s.actors.delete(SYSTEM, c, id))
      expect(e.code).toBe('E_IN_USE')
      expect(e.message).toContain('1 survey ("网格员关系调查", sv1)')
      expect(await s.actors.get(c, id)).toBeDefined()
    }
    // with other records too, and more surveys
    await s.ties.create(SYSTEM, c, buildTie({ sourceId: x, targetId: y }))
    await s.surveys.create(
      SYSTEM,
      c,
      buildSurvey({ title: '第二轮', rosterIds: [x, y], wave: 2 }),
      hashes([x, y]),
      'sv2',
    )
    const e = await storeError(s.actors.delete(SYSTEM, c, x))
    expect(e.message).toMatch(/used by 1 tie and 2 surveys \("网格员关系调查", sv1; "第二轮", sv2\)$/)
    expect(await s.surveys.delete(SYSTEM, c, survey.id)).toBe(true)
    expect(await s.actors.delete(SYSTEM, c, z)).toBe(true)
    expect((await s.audit.list({ entity: 'actor', entityId: x })).map((a) => a.action)).toEqual(['create'])
  })

  it('keeps communities apart: another community id reads, changes and deletes nothing', async () => {
    const roster = [ids[0], ids[1]]
    const tokens = hashes(roster)
    const survey = await s.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), tokens)
    const o = other.community
    const answers: Answers = { ties: { INFO: { [ids[1]]: 4 } }, attitudes: {} }
    expect(await s.surveys.get(o, survey.id)).toBeUndefined()
    expect(await s.surveys.list(o)).toEqual([])
    expect(await s.surveys.responses(o, survey.id)).toEqual([])
    expect(await s.surveys.setStatus(SYSTEM, o, survey.id, 'open')).toBeUndefined()
    expect(await s.surveys.saveAnswers(SYSTEM, o, survey.id, ids[0], answers, true)).toBeUndefined()
    expect(await s.surveys.remind(SYSTEM, o, survey.id, ids[0])).toBeUndefined()
    expect(await s.surveys.resetToken(SYSTEM, o, survey.id, ids[0], randomBytes(32).toString('hex'))).toBe(false)
    expect(await s.surveys.delete(SYSTEM, o, survey.id)).toBe(false)
    expect(await s.surveys.get(p.community, survey.id)).toEqual(survey)
    expect((await s.surveys.byToken(tokens[ids[0]]!))!.response).toMatchObject(NOT_STARTED)
    // the same survey id and actor ids in another community are another survey
    const oa = await s.actors.create(SYSTEM, o, buildActor({ territoryId: o }), ids[0])
    const ob = await s.actors.create(SYSTEM, o, buildActor({ territoryId: o }), ids[1])
    const twin = await s.surveys.create(
      SYSTEM,
      o,
      buildSurvey({ rosterIds: [oa.id, ob.id] }),
      hashes(roster),
      survey.id,
    )
    expect(twin.communityId).toBe(o)
    await s.surveys.saveAnswers(SYSTEM, o, survey.id, ids[0], answers, true)
    expect((await s.surveys.responses(p.community, survey.id))[0]).toMatchObject(NOT_STARTED)
    expect(await s.surveys.delete(SYSTEM, o, survey.id)).toBe(true)
    expect(await s.surveys.get(p.community, survey.id)).toEqual(survey)
  })

  it('audits responses by status and counts, never the answers or a token hash', async () => {
    const q = await buildPlace(s)
    const c = q.community
    const roster: string[] = []
    for (const name of ['alpha-actor', 'beta-actor', 'gamma-actor'])
      roster.push((await s.actors.create(SYSTEM, c, buildActor({ territoryId: c, name }), `${name}-${uid()}`)).id)
    const [a, b, g] = roster as [string, string, string]
    const tokens = hashes(roster)
    const survey = await s.surveys.create(STAFF, c, buildSurvey({ rosterIds: roster, attitudes: true }), tokens)
    await s.surveys.saveAnswers(SYSTEM, c, survey.id, a, { ties: { INFO: { [b]: 7 } }, attitudes: {} }, false)
    await s.surveys.saveAnswers(
      SYSTEM,
      c,
      survey.id,
      a,
      { ties: { INFO: { [b]: 3, [g]: 1 }, JOINT_ACTION: { [b]: 2, [g]: 9 } }, attitudes: { senseOfSafety: 5 } },
      true,
    )
    await s.surveys.remind(STAFF, c, survey.id, b)
    const fresh = randomBytes(32).toString('hex')
    await s.surveys.resetToken(STAFF, c, survey.id, b, fresh)

    const log = await s.audit.list({ communityId: c, entity: 'response' })
    expect(log.map((e) => [e.action, e.entityId, e.accountId])).toEqual([
      ['create', `${survey.id}:${a}`, 'acc-staff'],
      ['create', `${survey.id}:${b}`, 'acc-staff'],
      ['create', `${survey.id}:${g}`, 'acc-staff'],
      ['update', `${survey.id}:${a}`, null],
      ['update', `${survey.id}:${a}`, null],
      ['update', `${survey.id}:${b}`, 'acc-staff'],
      ['update', `${survey.id}:${b}`, 'acc-staff'],
    ])
    const state = (status: string, ties: number, attitudes: number, reminders = 0) => ({
      status,
      answered: { ties, attitudes },
      reminders,
    })
    expect(log.map((e) => [e.before, e.after])).toEqual([
      [null, state('not_started', 0, 0)],
      [null, state('not_started', 0, 0)],
      [null, state('not_started', 0, 0)],
      [state('not_started', 0, 0), state('in_progress', 1, 0)],
      [state('in_progress', 1, 0), state('submitted', 4, 1)],
      [state('not_started', 0, 0), state('not_started', 0, 0, 1)],
      [state('not_started', 0, 0, 1), { ...state('not_started', 0, 0, 1), tokenResetAt: log[6]!.at }],
    ])
    // no entry of the community holds a link token's hash; no response entry names who was rated or how
    const text = JSON.stringify(await s.audit.list({ communityId: c }))
    for (const hash of [...Object.values(tokens), fresh]) expect(text).not.toContain(hash)
    const responseText = JSON.stringify(log.map((e) => [e.before, e.after]))
    for (const secret of [...roster, 'INFO', 'JOINT_ACTION', 'senseOfSafety'])
      expect(responseText).not.toContain(secret)
  })

  it('works inside transactions: all or none', async () => {
    const roster = [ids[0], ids[1]]
    const before = (await s.surveys.list(p.community)).length
    await expect(
      s.transaction(async (tx) => {
        const made = await tx.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), hashes(roster))
        await tx.surveys.setStatus(SYSTEM, p.community, made.id, 'open')
        expect((await tx.surveys.get(p.community, made.id))!.status).toBe('open')
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect((await s.surveys.list(p.community)).length).toBe(before)
    const tokens = hashes(roster)
    const kept = await s.transaction(async (tx) => {
      const made = await tx.surveys.create(SYSTEM, p.community, buildSurvey({ rosterIds: roster }), tokens)
      // a failed write inside the transaction is undone alone
      const e = await tx.surveys
        .create(SYSTEM, p.community, buildSurvey({ rosterIds: [ids[0], 'ghost'] }), hashes([ids[0], 'ghost']))
        .catch((x: unknown) => x)
      expect(e).toMatchObject({ code: 'E_REFERENCE', field: 'rosterIds.1' })
      await tx.surveys.setStatus(SYSTEM, p.community, made.id, 'open')
      await tx.surveys.saveAnswers(SYSTEM, p.community, made.id, ids[0], { ties: {}, attitudes: {} }, false)
      return made.id
    })
    expect((await s.surveys.get(p.community, kept))!.status).toBe('open')
    expect((await s.surveys.byToken(tokens[ids[0]]!))!.response.status).toBe('in_progress')
  })
})
