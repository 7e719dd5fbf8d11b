// Error answers in the request's language: schema issues through zod's zh-CN locale, the
// server's and the store's own texts through the catalogue, English untouched.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fixture, login, type Fixture, type Session } from './server.test-util.js'
import { CATALOGUE, requestLang, translate } from './messages.js'

let f: Fixture
let staff: Session
beforeAll(async () => {
  f = await fixture()
  staff = await login(f.app, 'staff')
})
afterAll(async () => f.close())

const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }
const hasHan = (s: string): boolean => /[\u4e00-\u9fff]/.test(s)

describe('error answers follow the request language', () => {
  it('picks the language from lang, else Accept-Language', () => {
    expect(requestLang({ query: {}, headers: zh })).toBe('zh-CN')
    expect(requestLang({ query: {}, headers: { 'accept-language': 'en-GB,zh;q=0.5' } })).toBe('en')
    expect(requestLang({ query: { lang: 'zh-CN' }, headers: { 'accept-language': 'en' } })).toBe('zh-CN')
    expect(requestLang({ query: {}, headers: {} })).toBe('en')
  })

  it('a body that fails the schema: Chinese reasons for a Chinese request, English otherwise', async () => {
    const body = { type: 'police', sector: 'G', name: '', territoryId: 'c1' }
    const en = await call(f.app, staff, 'POST', '/api/communities/c1/actors', body)
    expect(en.statusCode).toBe(400)
    const enIssue = en.json().error.issues.find((i: { field: string }) => i.field === 'body.name')
    expect(hasHan(enIssue.reason)).toBe(false)
    const r = await call(f.app, staff, 'POST', '/api/communities/c1/actors', body, zh)
    expect(r.statusCode).toBe(400)
    const issue = r.json().error.issues.find((i: { field: string }) => i.field === 'body.name')
    expect(issue.reason).not.toBe(enIssue.reason)
    expect(hasHan(issue.reason)).toBe(true)
    expect(r.json().error.code).toBe('VALIDATION') // codes stay machine-readable
  })

  it("the server's own texts: not found, wrong password", async () => {
    const nf = await call(f.app, staff, 'GET', '/api/communities/c1/actors/nope', undefined, zh)
    expect(nf.statusCode).toBe(404)
    expect(nf.json().error.message).toBe('本社区没有行动者“nope”')
    const login = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff', password: 'wrong' },
      headers: zh,
    })
    expect(login.statusCode).toBe(401)
    expect(login.json().error.message).toBe('用户名或密码错误')
    const en = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff', password: 'wrong' },
    })
    expect(en.json().error.message).toBe('wrong user name or password')
  })

  it('a conflict (a step decided on an old version of a matter) in Chinese, its field issue too', async () => {
    const created = await call(f.app, staff, 'POST', '/api/communities/c1/matters', {
      source: 'grid',
      category: 'fire_passage',
      description: '消防通道被堵',
      location: { gridId: 'g1', address: '3号楼' },
      reporterActorId: 'pc',
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    const stale = await call(
      f.app,
      staff,
      'POST',
      `/api/communities/c1/matters/${id}/steps`,
      { kind: 'dispatch', leadId: 'pc', version: 99 },
      zh,
    )
    expect(stale.statusCode, stale.body).toBe(409)
    expect(stale.json().error.message).toBe('事项已是第 1 版，不是第 99 版：有人先办理了一步（请刷新）')
    expect(stale.json().error.issues).toEqual([{ field: 'body.version', reason: '事项已是第 1 版' }])
  })

  it('every catalogue entry has Chinese with the same placeholders', () => {
    for (const [en, zhText] of CATALOGUE) {
      expect(hasHan(zhText), en).toBe(true)
      const names = (s: string) => [...s.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1]).sort()
      expect(names(zhText), en).toEqual(names(en))
    }
    expect(translate('body.name: expected an e-mail address; body.x: unknown words', 'zh-CN')).toBe(
      'body.name：需要电子邮件地址；body.x：unknown words',
    )
    expect(translate('wrong user name or password', 'en')).toBe('wrong user name or password')
  })
})
