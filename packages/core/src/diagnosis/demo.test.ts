// The demo C community diagnosed: findings in every dimension whose inputs it has, as the thesis found them.

import { describe, expect, it } from 'vitest'
import { DEMO_PERIOD, demoCommunity } from '../demo.js'
import type { Activity, Actor, Tie } from '../records.js'
import { diagnose, type Finding } from './evaluate.js'
import { summariseDiagnosis } from './summary.js'

const c = demoCommunity().communities[0]!
const own = { communityId: c.id, createdAt: '', updatedAt: '' }
const records = {
  actors: c.actors.map((a) => ({ ...a, ...own })) as Actor[],
  activities: c.activities.map((a) => ({ ...a, ...own })) as Activity[],
  ties: c.ties.map((a) => ({ ...a, ...own })) as Tie[],
  responsibilities: c.responsibilities,
}
const d = diagnose({ records, period: { ...DEMO_PERIOD } })
const get = (id: string): Finding => d.findings.find((f) => f.rule === id)!

describe('the demo community', () => {
  it('has fired findings in every dimension', () => {
    const fired = new Set(d.findings.filter((f) => f.status === 'fired').map((f) => f.dimension))
    expect(fired).toEqual(new Set(['concept', 'participation', 'structure', 'mechanism', 'content']))
  })

  it('flags what the thesis found', () => {
    for (const id of ['CON-3', 'CON-4', 'PAR-3', 'STR-2', 'STR-3', 'STR-5', 'MEC-8', 'CNT-2', 'CNT-3', 'CNT-7'])
      expect([id, get(id).status]).toEqual([id, 'fired'])
    expect(get('STR-3').evidence.actors[0]!.id).toBe('c-rc')
    expect(get('STR-3').value!).toBeGreaterThan(0.4)
    expect(get('STR-5').value!).toBeLessThan(0)
    expect(get('CON-3').value!).toBeGreaterThan(0.6)
    expect(get('CON-4').value!).toBeLessThan(0.3)
    expect(get('CNT-2').evidence.details!.topDomain).toBe('PUBLIC_ORDER')
    expect(get('CNT-7').evidence.values.multiActorDrills).toBe(1)
  })

  it('says what it lacks instead of guessing', () => {
    for (const id of ['CON-1', 'CON-5', 'PAR-8', 'MEC-1', 'MEC-5', 'MEC-9', 'STR-8', 'CNT-6'])
      expect([id, get(id).status]).toEqual([id, 'insufficient-data'])
    expect(get('CON-5').needs!.en).toBe('needs a survey with the attitude block')
  })

  it('recommends with named actors, in both languages', () => {
    for (const f of d.findings.filter((x) => x.status === 'fired')) {
      expect(f.recommendations.length, f.rule).toBeGreaterThan(0)
      for (const r of f.recommendations) {
        expect(r.text.zh, f.rule).not.toMatch(/\{\w+\}/)
        expect(r.text.en, f.rule).not.toMatch(/\{\w+\}/)
      }
    }
    expect(get('CON-4').recommendations[0]!.text.en).toBe(
      "C Community Residents' Committee reports back to Grid worker, grids 1–2 on what became of its information; set up an outcome board",
    )
    expect(get('CON-4').recommendations[0]!.text.zh).toMatch(/^网格员（第 1、2 网格）|C 社区居民委员会/)
    expect(get('CON-3').recommendations[0]!.text.en).toMatch(/^X Street Office consults (?!X Street Office)/)
    expect(get('STR-3').explanation.en).toMatch(/^C Community Residents' Committee holds/)
    expect(get('STR-3').explanation.zh).toMatch(/^C 社区居民委员会 占全部中介中心度/)
  })

  it('serialises as the issue’s JSON: one entry per rule with rule, dimension, status, severity, evidence, recommendations', () => {
    const json = JSON.parse(JSON.stringify(d)) as { findings: Record<string, unknown>[] }
    expect(json.findings).toHaveLength(40)
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'dimension', 'status', 'severity', 'evidence', 'recommendations']),
      )
  })

  it('summarises: counts per dimension, fired rules most severe first', () => {
    const s = summariseDiagnosis(d)
    expect(s.evaluated).toEqual(['concept', 'participation', 'structure', 'mechanism', 'content'])
    const total = Object.values(s.byDimension).reduce((n, x) => n + x.fired + x.clear + x['insufficient-data'], 0)
    expect(total).toBe(40)
    expect(s.byDimension.structure.fired).toBeGreaterThanOrEqual(5)
    expect(s.fired.slice(0, 2)).toEqual(['CON-3', 'PAR-3'])
    expect(s.fired).toHaveLength(d.findings.filter((f) => f.status === 'fired').length)
  })

  it('is deterministic', () => {
    expect(JSON.parse(JSON.stringify(diagnose({ records, period: { ...DEMO_PERIOD } })))).toEqual(
      JSON.parse(JSON.stringify(d)),
    )
  })
})
