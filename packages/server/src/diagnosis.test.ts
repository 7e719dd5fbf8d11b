// The diagnosis and report endpoints on the demo street: findings per rule, the street compared, downloads reopened.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PERIOD, DEMO_TERRITORY, localDay, RULEBOOK } from '@cosafe/core'
import { openStore, type Store } from '@cosafe/store'
import { buildServer } from './app.js'
import { loadDemo } from './demo.js'
import { call, login, type Session } from './server.test-util.js'

let store: Store
let app: FastifyInstance
const s: Record<string, Session> = {}
const C = DEMO_TERRITORY.c
const PERIOD = `from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`
const GRAPHML = new URL('../../sna/test/fixtures/data/governance/governance.graphml', import.meta.url)

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cosafe-diagnosis-'))
  store = await openStore({ file: join(dir, 'demo.db') })
  await store.migrate()
  const logins = await loadDemo(store)
  // the clock just after the demo's year, so that every matter has been judged
  app = await buildServer({ store, clock: () => new Date('2026-12-01T09:00:00+08:00') })
  for (const u of ['c-staff', 'x-street', 'dongcheng', 'researcher', 'c-resident'])
    s[u] = await login(app, u, logins.find((l) => l.username === u)!.password)
})
afterAll(async () => {
  await app.close()
  await store.close()
})

interface Finding {
  rule: string
  dimension: string
  status: 'fired' | 'clear' | 'insufficient-data'
  severity: string
  evidence: { actors: { id: string; name: string }[] }
  recommendations: { text: { en: string } }[]
  needs: { zh: string; en: string } | null
  message: string
}

describe('GET /api/communities/:id/diagnosis', () => {
  let body: { findings: Finding[]; [k: string]: unknown }
  beforeAll(async () => {
    const r = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis?${PERIOD}&lang=en`)
    expect(r.statusCode, r.body).toBe(200)
    body = r.json()
  })

  it('gives one finding per rule, with findings in every dimension whose inputs the demo has', () => {
    expect(body.findings.map((f) => f.rule)).toEqual(RULEBOOK.map((r) => r.id))
    for (const f of body.findings)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'dimension', 'status', 'severity', 'evidence', 'recommendations']),
      )
    const fired = new Set(body.findings.filter((f) => f.status === 'fired').map((f) => f.dimension))
    expect(fired).toEqual(new Set(['concept', 'participation', 'structure', 'mechanism', 'content']))
    expect(body.findings.find((f) => f.rule === 'STR-3')!.evidence.actors[0]!.id).toBe('c-rc')
    for (const f of body.findings.filter((x) => x.status === 'fired'))
      expect(f.recommendations.length, f.rule).toBeGreaterThan(0)
  })

  it('says what each rule lacking data needs, in the language asked', () => {
    const missing = body.findings.filter((f) => f.status === 'insufficient-data')
    expect(missing.length).toBeGreaterThan(0)
    for (const f of missing) {
      expect(f.needs!.en, f.rule).toMatch(/^needs /)
      expect(f.message, f.rule).toBe(f.needs!.en)
    }
    expect(body.findings.find((f) => f.rule === 'CON-5')!.message).toBe('needs a survey with the attitude block')
  })

  it('compares with the previous period and takes the street’s other community as peer', () => {
    expect(body.period).toEqual(DEMO_PERIOD)
    expect(body.previousPeriod).toEqual({ from: '2024-12-01', to: '2025-11-30' })
    expect(body.peers).toEqual([DEMO_TERRITORY.d])
    expect(body.comparedWithPrevious).toHaveLength(RULEBOOK.length)
    const summary = body.summary as { fired: string[]; evaluated: string[] }
    expect(summary.fired).toEqual(
      body.findings
        .filter((f) => f.status === 'fired')
        .map((f) => f.rule)
        .sort((a, b) => summary.fired.indexOf(a) - summary.fired.indexOf(b)),
    )
    expect(summary.evaluated).toHaveLength(5)
  })

  it('takes the twelve months up to the latest record when no period is named, and reads 2026-Q3', async () => {
    const r = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis`)
    expect(r.statusCode, r.body).toBe(200)
    const p = r.json().period as { from: string; to: string }
    expect(p.to >= '2026-11-01' && p.to <= DEMO_PERIOD.to).toBe(true)
    expect(r.json().findings[0].message).toMatch(/[\u4e00-\u9fff]/)
    const q = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis?period=2026-Q3`)
    expect(q.json().period).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(q.json().previousPeriod).toEqual({ from: '2026-04-01', to: '2026-06-30' })
  })

  it('refuses a bad period with the field and the reason', async () => {
    const half = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis?from=2026-01-01`)
    expect(half.statusCode).toBe(400)
    expect(half.json().error.issues[0].field).toBe('querystring.to')
    const word = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis?period=2026-Q5`)
    expect(word.statusCode).toBe(400)
    expect(word.json().error.issues[0]).toMatchObject({ field: 'querystring.period' })
    const backwards = await call(
      app,
      s['c-staff']!,
      'GET',
      `/api/communities/${C}/diagnosis?from=2026-06-30&to=2026-01-01`,
    )
    expect(backwards.statusCode).toBe(400)
  })

  it('shows researchers individuals only under their alias', async () => {
    const staff = JSON.stringify(body)
    expect(staff).toContain('Building head, Building 3')
    const r = await call(app, s.researcher!, 'GET', `/api/communities/${C}/diagnosis?${PERIOD}&lang=en`)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.body).not.toContain('Building head, Building 3')
    expect(r.body).not.toContain('楼门长 3号楼')
  })
})

describe('GET /api/territories/:id/diagnosis/comparison', () => {
  it('ranks the demo street’s communities per rule with percentiles', async () => {
    const r = await call(
      app,
      s['x-street']!,
      'GET',
      `/api/territories/${DEMO_TERRITORY.street}/diagnosis/comparison?${PERIOD}`,
    )
    expect(r.statusCode, r.body).toBe(200)
    const j = r.json() as {
      communities: { id: string; fired: number }[]
      rules: {
        rule: string
        communities: { community: string; rank: number; percentile: number }[]
        insufficient: string[]
      }[]
    }
    expect(j.communities.map((c) => c.id).sort()).toEqual([DEMO_TERRITORY.c, DEMO_TERRITORY.d])
    expect(j.rules).toHaveLength(RULEBOOK.length)
    const ranked = j.rules.filter((x) => x.communities.length === 2)
    expect(ranked.length).toBeGreaterThan(10)
    for (const x of ranked) {
      expect(x.communities[0]!.rank, x.rule).toBe(1)
      for (const c of x.communities) expect(c.percentile).toBeGreaterThanOrEqual(0)
      for (const c of x.communities) expect(c.percentile).toBeLessThanOrEqual(100)
    }
    // the C community's residents' committee brokers more than D's: C ranks below D on STR-3
    const str3 = j.rules.find((x) => x.rule === 'STR-3')!
    expect(str3.communities.map((c) => c.community)).toEqual([DEMO_TERRITORY.d, DEMO_TERRITORY.c])
  })
  it('answers for a street without communities, with an empty ranking', async () => {
    await store.territories.create(
      { accountId: null },
      { level: 'street', code: 'empty', nameZh: '空街道', nameEn: 'Empty Street', parentId: DEMO_TERRITORY.district },
      'empty-street',
    )
    const admin = await call(app, s['x-street']!, 'GET', '/api/territories/empty-street/diagnosis/comparison')
    expect(admin.statusCode).toBe(404) // outside the X street account's scope
    const d = await call(app, s.dongcheng!, 'GET', '/api/territories/empty-street/diagnosis/comparison?period=2026')
    expect(d.statusCode, d.body).toBe(200)
    expect(d.json().communities).toEqual([])
    expect(d.json().rules).toEqual([])
    expect(d.json().period).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
  it('is refused to residents and unknown outside the account’s scope', async () => {
    expect(
      (await call(app, s['c-resident']!, 'GET', `/api/territories/${DEMO_TERRITORY.street}/diagnosis/comparison`))
        .statusCode,
    ).toBe(404)
    expect(
      (await call(app, s['c-staff']!, 'GET', `/api/territories/${DEMO_TERRITORY.street}/diagnosis/comparison`))
        .statusCode,
    ).toBe(404)
  })
})

describe('GET /api/communities/:id/report', () => {
  it('downloads the HTML report with the community’s name', async () => {
    const r = await call(
      app,
      s['c-staff']!,
      'GET',
      `/api/communities/${C}/report?format=html&lang=en&${PERIOD}&sizeBy=betweenness`,
    )
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200)
    expect(r.headers['content-type']).toMatch(/^text\/html/)
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename=".+-report-2025-12-01_2026-11-30\.html"/)
    expect(r.body.trimStart().toLowerCase().startsWith('<!doctype html>')).toBe(true)
    expect(r.body).toContain('C Community')
    const zh = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/report?${PERIOD}`)
    expect(zh.body).toContain('C 社区')
  })
  it('downloads DOCX and XLSX that reopen and carry the title', async () => {
    const docx = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/report?format=docx&lang=en&${PERIOD}`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toMatch(/\.docx"/)
    const zip = await JSZip.loadAsync(docx.rawPayload)
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('C Community')
    const xlsx = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/report?format=xlsx&lang=en&${PERIOD}`)
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.length).toBeGreaterThan(2)
    const cells: string[] = []
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))))
    expect(cells.join(' ')).toContain('C Community')
  })
  it('refuses an unknown format or size measure', async () => {
    const r = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/report?format=pdf`)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.issues[0].field).toMatch(/^querystring\.format/)
    expect((await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/report?sizeBy=height`)).statusCode).toBe(400)
  })
})

describe('POST /api/research/report', () => {
  const post = (body: string | Buffer, query: string, type = 'application/xml') =>
    app.inject({
      method: 'POST',
      url: `/api/research/report?${query}`,
      payload: body,
      headers: { cookie: s.researcher!.cookie, 'x-csrf-token': s.researcher!.csrf, 'content-type': type },
    })
  it('reports on a GraphML file whose nodes carry a sector, with the structural findings', async () => {
    const r = await post(readFileSync(GRAPHML), 'format=html&lang=en&name=governance.graphml')
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200)
    expect(r.headers['content-disposition']).toMatch(/filename="governance-report\.html"/)
    expect(r.body).toContain('Network analysis report: governance.graphml')
    expect(r.body).toContain('STR-')
    const xlsx = await post(readFileSync(GRAPHML), 'format=xlsx&lang=zh-CN&name=governance.graphml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.length).toBeGreaterThan(2)
  })
  it('reads a UCINET DL file sent as text', async () => {
    const dl = 'DL N=3 FORMAT=EDGELIST1\nLABELS:\nstreet,police,owners\nDATA:\n1 2\n2 3\n'
    const r = await post(dl, 'format=docx&lang=en&name=small.dl', 'text/plain')
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200)
    const zip = await JSZip.loadAsync(r.rawPayload)
    expect(await zip.file('word/document.xml')!.async('string')).toContain('small.dl')
  })
  it('reads a cosafe JSON network sent as application/json', async () => {
    const net = {
      directed: false,
      nodes: [
        { id: 'so', label: 'Street Office', sector: 'government' },
        { id: 'rc', label: 'Residents Committee', sector: 'Q' },
        { id: 'pc', label: 'Property Company', sector: 'market' },
      ],
      edges: [
        { source: 'so', target: 'rc' },
        { source: 'rc', target: 'pc' },
      ],
    }
    const r = await post(JSON.stringify(net), 'format=html&lang=en&name=tiny.json', 'application/json')
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200)
    expect(r.body).toContain('Property Company')
  })
  it('refuses a malformed file with the line, the field and the reason', async () => {
    const bad = 'DL N=3 FORMAT=FULLMATRIX\nDATA:\n0 1 0\n1 0 x\n0 1 0\n'
    const r = await post(bad, 'name=bad.dl', 'text/plain')
    expect(r.statusCode).toBe(400)
    const issue = r.json().error.issues[0]
    expect(issue.line).toBe(4)
    expect(issue.reason).toBeTruthy()
    expect(issue.field).toBeTruthy()
    expect((await post('', 'name=empty.dl', 'text/plain')).statusCode).toBe(400)
  })
  it('is refused to residents', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/research/report',
      payload: readFileSync(GRAPHML),
      headers: {
        cookie: s['c-resident']!.cookie,
        'x-csrf-token': s['c-resident']!.csrf,
        'content-type': 'application/xml',
      },
    })
    expect(r.statusCode).toBe(403)
  })
})

describe('with a closed survey in the period', () => {
  it('takes the attitudes of the latest closed survey: CON-5 and PAR-8 are evaluated', async () => {
    const sys = { accountId: null }
    const roster = ['c-rc', 'c-property', 'c-owners', 'c-social-work', 'c-police-station']
    const survey = await store.surveys.create(
      sys,
      C,
      { title: 'attitudes', relations: ['INFO'], rosterIds: roster, attitudes: true } as never,
      Object.fromEntries(roster.map((id) => [id, `hash-${id}`])),
    )
    await store.surveys.setStatus(sys, C, survey.id, 'open')
    for (const [k, id] of roster.entries())
      await store.surveys.saveAnswers(
        sys,
        C,
        survey.id,
        id,
        {
          ties: { INFO: { [roster[(k + 1) % roster.length]!]: 1 } },
          attitudes: { trust: 4, consensus: 3, coResponsibility: k < 2 ? 2 : 5, senseOfSafety: 5 },
        },
        true,
      )
    await store.surveys.setStatus(sys, C, survey.id, 'closed')
    // the period runs to today (Beijing time, as the days of matters), the day the survey was closed
    const today = localDay(new Date().toISOString())
    const r = await call(
      app,
      s['c-staff']!,
      'GET',
      `/api/communities/${C}/diagnosis?from=${DEMO_PERIOD.from}&to=${today}`,
    )
    expect(r.statusCode, r.body).toBe(200)
    const j = r.json() as { survey: { id: string; responseRate: number }; findings: Finding[] }
    expect(j.survey).toMatchObject({ id: survey.id, responseRate: 1 })
    const get = (rule: string) => j.findings.find((f) => f.rule === rule)!
    expect(get('CON-5').status).not.toBe('insufficient-data')
    expect(get('PAR-8').status).toBe('clear')
    // without the survey's days in the period, the rules wait for one again
    const before = await call(app, s['c-staff']!, 'GET', `/api/communities/${C}/diagnosis?period=2026-Q1`)
    expect(before.json().survey).toBeNull()
    expect(before.json().findings.find((f: Finding) => f.rule === 'PAR-8').status).toBe('insufficient-data')
  })
})
