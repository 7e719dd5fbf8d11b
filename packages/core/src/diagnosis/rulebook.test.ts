// The rulebook holds every rule of DOMAIN.md §7 once, with sources, bands and templates; thresholds are configurable.

import { describe, expect, it } from 'vitest'
import { DIMENSIONS, fillTemplate, RULEBOOK, SOURCES, withThresholds, type Dimension } from './rulebook.js'

const IDS = [
  ...[1, 2, 3, 4, 5].map((i) => `CON-${i}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `PAR-${i}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `STR-${i}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => `MEC-${i}`),
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `CNT-${i}`),
]
const PREFIX: Record<string, Dimension> = {
  CON: 'concept',
  PAR: 'participation',
  STR: 'structure',
  MEC: 'mechanism',
  CNT: 'content',
}

describe('rulebook', () => {
  it('has every rule of DOMAIN.md §7 once, in order, in its dimension', () => {
    expect(RULEBOOK.map((r) => r.id)).toEqual(IDS)
    for (const r of RULEBOOK) expect(r.dimension, r.id).toBe(PREFIX[r.id.slice(0, 3)])
    expect(Object.keys(DIMENSIONS).sort()).toEqual(Object.values(PREFIX).sort())
  })

  it('gives each rule an indicator, bands, a source, families and templates in both languages', () => {
    for (const r of RULEBOOK) {
      expect(r.indicator.zh && r.indicator.en && r.indicator.formula, r.id).toBeTruthy()
      expect(r.finding.zh && r.finding.en, r.id).toBeTruthy()
      expect(r.actions.zh && r.actions.en, r.id).toBeTruthy()
      expect(r.families.length, r.id).toBeGreaterThan(0)
      expect(r.checks.length, r.id).toBeGreaterThan(0)
      for (const c of r.checks) expect(Object.keys(c.band).length, r.id).toBeGreaterThan(0)
      for (const l of r.source.letters) expect(SOURCES[l], r.id).toBeTruthy()
      expect(r.source.citation, r.id).toMatch(r.source.letters.length ? /^\[[a-x]\]/ : /cosafe default/)
      // placeholders are the same in both languages
      const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(holes(r.actions.zh), r.id).toEqual(holes(r.actions.en))
    }
  })

  it('keeps the thresholds of §7', () => {
    const band = (id: string, k = 0) => RULEBOOK.find((r) => r.id === id)!.checks[k]!
    expect(band('CON-3').band).toEqual({ above: 0.6 })
    expect(band('CON-4').band).toEqual({ below: 0.3 })
    expect(band('STR-1')).toEqual({ basis: 'designed', measure: 'designedRealised', band: { below: 0.5 } })
    expect(band('STR-1', 1)).toEqual({ basis: 'previous', band: { below: -0.2 } })
    expect(band('STR-3', 1)).toEqual({ basis: 'absolute', measure: 'constraintRatio', band: { below: 0.5 } })
    expect(band('MEC-3')).toEqual({ basis: 'peer', band: { belowPercentile: 10, abovePercentile: 90 } })
    expect(band('STR-2').band).toEqual({ above: 0.5 })
    expect(band('STR-5').band).toEqual({ below: 0 })
  })

  it('replaces thresholds per deployment without touching the default', () => {
    const book = withThresholds(RULEBOOK, {
      'STR-2': { checks: [{ basis: 'absolute', band: { above: 0.7 } }] },
      'CNT-2': { checks: [{ basis: 'peer', band: { abovePercentile: 80 } }], severity: 'high' },
      'STR-7': { params: { minSize: 5 } },
    })
    const get = (id: string) => book.find((r) => r.id === id)!
    expect(get('STR-2').checks).toEqual([{ basis: 'absolute', band: { above: 0.7 } }])
    expect(get('STR-2').source.citation).toMatch(/set by this deployment/)
    expect(get('CNT-2').checks).toHaveLength(2)
    expect(get('CNT-2').severity).toBe('high')
    expect(get('STR-7').params).toEqual({ minSize: 5, sectorShare: 0.8 })
    expect(RULEBOOK.find((r) => r.id === 'STR-2')!.checks[0]!.band).toEqual({ above: 0.5 })
    expect(() => withThresholds(RULEBOOK, { 'STR-99': {} })).toThrow(/no rule "STR-99"/)
    expect(() => withThresholds(RULEBOOK, { 'STR-7': { params: { k: 1 } } })).toThrow(/no parameter "k"/)
  })

  it('fills templates', () => {
    expect(fillTemplate('link {a} with {b} in {domain}', { a: 'PC', b: 'FS', domain: 'fire safety' })).toBe(
      'link PC with FS in fire safety',
    )
    expect(fillTemplate('{unknown} stays', {})).toBe('{unknown} stays')
  })
})
