// `cosafe diagnose` and `cosafe report` on a network file and on the demo community of a local database.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PERIOD, DEMO_TERRITORY, RULEBOOK } from '@cosafe/core'
import { loadDemo } from '@cosafe/server'
import { openStore } from '@cosafe/store'
import { run } from './cli.test-util.js'

const dir = mkdtempSync(join(tmpdir(), 'cosafe-diagnose-cli-'))
const db = join(dir, 'cli.db')
const GRAPHML = fileURLToPath(new URL('../../sna/test/fixtures/data/governance/governance.graphml', import.meta.url))
const EXAMPLE = fileURLToPath(new URL('../examples/governance.csv', import.meta.url))
const C = DEMO_TERRITORY.c
const PERIOD = `${DEMO_PERIOD.from}..${DEMO_PERIOD.to}`
let saved: string | undefined

beforeAll(async () => {
  saved = process.env.COSAFE_DB
  process.env.COSAFE_DB = db
  const store = await openStore({ file: db })
  await store.migrate()
  await loadDemo(store)
  await store.close()
})
afterAll(() => {
  if (saved === undefined) delete process.env.COSAFE_DB
  else process.env.COSAFE_DB = saved
})

describe('cosafe diagnose', () => {
  it('prints {"findings": […]} with one entry per rule of the rulebook for a community', async () => {
    const r = await run('diagnose', '--community', C, '--period', PERIOD, '--json')
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as { findings: { rule: string; dimension: string; status: string }[] }
    expect(Object.keys(j)).toEqual(['findings'])
    expect(j.findings.map((f) => f.rule)).toEqual(RULEBOOK.map((x) => x.id))
    for (const f of j.findings)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'dimension', 'status', 'severity', 'evidence', 'recommendations']),
      )
    const fired = new Set(j.findings.filter((f) => f.status === 'fired').map((f) => f.dimension))
    expect(fired).toEqual(new Set(['concept', 'participation', 'structure', 'mechanism', 'content']))
  })

  it('prints a table of the rules with status, severity and explanation, in either language', async () => {
    const en = await run('diagnose', '--community', C, '--period', '2026', '--lang', 'en')
    expect(en.code, en.err).toBe(0)
    expect(en.out).toContain('Diagnosis: C Community, 2026-01-01 to 2026-12-31')
    expect(en.out).toMatch(/STR-3\s+collaborative structure\s+fired\s+high/)
    expect(en.out).toMatch(/CON-5 .*insufficient data .*needs a survey with the attitude block/)
    expect(en.out).toContain('Recommendations')
    const zh = await run('diagnose', '--community', C, '--period', '2026-Q3', '--lang', 'zh-CN')
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toContain('诊断：C 社区，2026-07-01 至 2026-09-30')
    expect(zh.out).toMatch(/STR-3\s+协作治理结构\s+触发/)
  })

  it('runs the structural rules on a network file with sectors', async () => {
    const r = await run('diagnose', GRAPHML, '--json')
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as { findings: { rule: string; dimension: string; status: string }[] }
    expect(j.findings).toHaveLength(RULEBOOK.length)
    const structure = j.findings.filter((f) => f.dimension === 'structure' && f.status !== 'insufficient-data')
    expect(structure.length).toBeGreaterThan(2)
    expect(j.findings.find((f) => f.rule === 'CON-5')!.status).toBe('insufficient-data')
    // a CSV edge list with its sibling node table (sector column), read as directed like analyze
    const csv = await run('diagnose', EXAMPLE, '--directed', '--json')
    expect(csv.code, csv.err).toBe(0)
    expect(csv.err).toBe('')
    const str3 = (JSON.parse(csv.out) as { findings: { rule: string; status: string }[] }).findings.find(
      (f) => f.rule === 'STR-3',
    )!
    expect(str3.status).toBe('fired')
    const bad = await run('diagnose', EXAMPLE, '--input-format', 'xyz')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--input-format must be one of/)
  })

  it('exits 2 on a bad period or bad arguments, saying so in the chosen language', async () => {
    const en = await run('diagnose', '--community', C, '--period', '2026-Q5', '--lang', 'en')
    expect(en.code).toBe(2)
    expect(en.err).toMatch(/--period: "2026-Q5" is not a period; expected a year \(2026\)/)
    const zh = await run('diagnose', '--community', C, '--period', '2026-13', '--lang', 'zh-CN')
    expect(zh.code).toBe(2)
    expect(zh.err).toMatch(/--period：无法识别“2026-13”/)
    const none = await run('diagnose', '--lang', 'en')
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/needs a network file or --community ID/)
    const both = await run('diagnose', GRAPHML, '--community', C, '--lang', 'en')
    expect(both.code).toBe(2)
    const nowhere = await run('diagnose', '--community', 'nowhere', '--lang', 'zh-CN')
    expect(nowhere.code).toBe(2)
    expect(nowhere.err).toMatch(/数据库中没有社区“nowhere”/)
    const missing = await run('diagnose', join(dir, 'no-such.graphml'))
    expect(missing.code).toBe(2)
  })
})

describe('cosafe report', () => {
  it('writes the community report as DOCX with --out', async () => {
    const out = join(dir, 'c.docx')
    const r = await run(
      'report',
      '--community',
      C,
      '--period',
      PERIOD,
      '--format',
      'docx',
      '--lang',
      'en',
      '--out',
      out,
    )
    expect(r.code, r.err).toBe(0)
    expect(r.err).toContain(`wrote ${out}`)
    const zip = await JSZip.loadAsync(readFileSync(out))
    expect(await zip.file('word/document.xml')!.async('string')).toContain('C Community')
  })

  it('writes HTML by default and XLSX on request', async () => {
    const html = join(dir, 'c.html')
    const r = await run(
      'report',
      '--community',
      C,
      '--period',
      PERIOD,
      '--lang',
      'zh-CN',
      '--out',
      html,
      '--size-by',
      'betweenness',
    )
    expect(r.code, r.err).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page.trimStart().toLowerCase().startsWith('<!doctype html>')).toBe(true)
    expect(page).toContain('C 社区')
    const xlsx = join(dir, 'gov.xlsx')
    const x = await run('report', GRAPHML, '--format', 'xlsx', '--lang', 'en', '--out', xlsx)
    expect(x.code, x.err).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer)
    expect(wb.worksheets.length).toBeGreaterThan(2)
  })

  it('names the file after the input when --out is absent', async () => {
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const r = await run('report', GRAPHML, '--lang', 'en')
      expect(r.code, r.err).toBe(0)
      expect(existsSync(join(dir, 'governance-report.html'))).toBe(true)
    } finally {
      process.chdir(cwd)
    }
  })

  it('exits 2 on a bad format, size measure or period', async () => {
    const f = await run('report', GRAPHML, '--format', 'pdf', '--lang', 'en')
    expect(f.code).toBe(2)
    expect(f.err).toMatch(/--format must be html, docx or xlsx; got "pdf"/)
    const s = await run('report', GRAPHML, '--size-by', 'height', '--lang', 'zh-CN')
    expect(s.code).toBe(2)
    expect(s.err).toMatch(/--size-by 应为/)
    const p = await run('report', '--community', C, '--period', 'last year', '--lang', 'en')
    expect(p.code).toBe(2)
    const pf = await run('report', GRAPHML, '--period', '2026', '--lang', 'en')
    expect(pf.code).toBe(2)
    expect(pf.err).toMatch(/--period applies to --community/)
  })
})
