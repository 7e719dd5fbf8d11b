// Calendar and custom windows, and network series over the same actors, checked at period boundaries.

import { describe, expect, it } from 'vitest'
import type { CommunityRecords } from './network.js'
import { customWindows, networkSeries, parsePeriod, periodWindows, previousPeriod } from './periods.js'
import type { Activity, Tie } from './records.js'
import { actor, owned } from './records.test-util.js'

const patrol = (id: string, start: string, convenerId: string, attendedIds: string[]): Activity => ({
  ...owned,
  id,
  kind: 'patrol',
  title: id,
  start,
  domains: ['PUBLIC_ORDER'],
  phase: 'PREVENT',
  convenerId,
  invitedIds: attendedIds,
  attendedIds,
  decisions: [],
  actionItems: [],
})
const info = (id: string, s: string, t: string, period: { date?: string; from?: string; to?: string }): Tie => ({
  ...owned,
  id,
  relation: 'INFO',
  sourceId: s,
  targetId: t,
  value: 1,
  provenance: 'record',
  ...period,
})

describe('periodWindows', () => {
  it('cuts months, clipping the first and last to the range', () => {
    expect(periodWindows('2026-01-15', '2026-03-10', 'month')).toEqual([
      { label: '2026-01', from: '2026-01-15', to: '2026-01-31' },
      { label: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { label: '2026-03', from: '2026-03-01', to: '2026-03-10' },
    ])
    expect(periodWindows('2026-01-15', '2026-03-10', 'month', { clip: false })[2]).toEqual({
      label: '2026-03',
      from: '2026-03-01',
      to: '2026-03-31',
    })
    // leap years, 30-day months, one-day range
    expect(periodWindows('2024-02-01', '2024-04-30', 'month').map((w) => w.to)).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ])
    expect(periodWindows('2100-02-01', '2100-02-28', 'month')[0]!.to).toBe('2100-02-28')
    expect(periodWindows('2026-06-30', '2026-06-30', 'month')).toEqual([
      { label: '2026-06', from: '2026-06-30', to: '2026-06-30' },
    ])
  })

  it('cuts quarters and years across year ends', () => {
    expect(periodWindows('2025-11-20', '2026-04-01', 'quarter')).toEqual([
      { label: '2025-Q4', from: '2025-11-20', to: '2025-12-31' },
      { label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
      { label: '2026-Q2', from: '2026-04-01', to: '2026-04-01' },
    ])
    expect(periodWindows('2024-05-01', '2026-02-01', 'year', { clip: false })).toEqual([
      { label: '2024', from: '2024-01-01', to: '2024-12-31' },
      { label: '2025', from: '2025-01-01', to: '2025-12-31' },
      { label: '2026', from: '2026-01-01', to: '2026-12-31' },
    ])
  })

  it('rejects bad ranges', () => {
    expect(() => periodWindows('2026-03-01', '2026-02-01', 'month')).toThrow(/before it starts/)
    expect(() => periodWindows('2026-13-01', '2026-12-01', 'month')).toThrow(/YYYY-MM-DD/)
    expect(() => periodWindows('2026-01-01', '2026-12-01', 'week' as 'month')).toThrow(/unit/)
  })
})

describe('customWindows', () => {
  it('checks custom windows and labels them', () => {
    expect(
      customWindows([
        { from: '2026-01-01', to: '2026-01-31' },
        { label: 'wave 2', from: '2026-01-15', to: '2026-02-15' },
      ]),
    ).toEqual([
      { label: '2026-01-01–2026-01-31', from: '2026-01-01', to: '2026-01-31' },
      { label: 'wave 2', from: '2026-01-15', to: '2026-02-15' },
    ])
    expect(() => customWindows([{ from: '2026-02-01', to: '2026-01-01' }])).toThrow(/windows\.0\.to/)
    expect(() =>
      customWindows([
        { label: 'a', from: '2026-01-01', to: '2026-01-02' },
        { label: 'a', from: '2026-01-03', to: '2026-01-04' },
      ]),
    ).toThrow(/two windows/)
  })
})

describe('networkSeries', () => {
  const records: CommunityRecords = {
    actors: [
      actor('rc', 'Q', 'residents_committee'),
      actor('ps', 'G', 'police_station'),
      actor('pc', 'M', 'property_company'),
    ],
    activities: [
      // the last minutes of 31 January (local time) belong to January
      patrol('p1', '2026-01-31T23:30:00+08:00', 'ps', ['rc']),
      // the first minute of February belongs to February
      patrol('p2', '2026-02-01T00:00:00+08:00', 'ps', ['pc']),
      // the last day of a quarter
      patrol('p3', '2026-03-31T18:00:00+08:00', 'rc', ['pc']),
    ],
    ties: [
      // a tie period spanning January and February is in both
      info('t1', 'rc', 'pc', { from: '2026-01-20', to: '2026-02-10' }),
      // a period ending on the first day of March touches March
      info('t2', 'pc', 'ps', { from: '2026-02-15', to: '2026-03-01' }),
      info('t3', 'ps', 'rc', { date: '2026-04-01' }),
    ],
  }
  const w = (r: ReturnType<typeof networkSeries>[number], rel: string, s: string, t: string) =>
    r.network.findRelation(rel)!.weight(r.network.nodes.get(s), r.network.nodes.get(t))

  it('puts each record in every window it overlaps, over the same actors', () => {
    const series = networkSeries(records, periodWindows('2026-01-01', '2026-04-30', 'month'), {
      relations: ['INFO', 'JOINT_ACTION'],
    })
    expect(series.map((s) => s.window.label)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04'])
    for (const s of series) {
      expect(s.network.nodes.ids).toEqual(['rc', 'ps', 'pc'])
      expect(s.network.relationNames()).toEqual(['INFO', 'JOINT_ACTION'])
    }
    const [jan, feb, mar, apr] = series as [
      (typeof series)[0],
      (typeof series)[0],
      (typeof series)[0],
      (typeof series)[0],
    ]
    expect(jan.used).toMatchObject({ activities: 1, ties: 1, from: '2026-01-01', to: '2026-01-31' })
    expect(w(jan, 'JOINT_ACTION', 'ps', 'rc')).toBe(1)
    expect(w(jan, 'JOINT_ACTION', 'ps', 'pc')).toBe(0)
    expect(w(feb, 'JOINT_ACTION', 'ps', 'pc')).toBe(1)
    expect(w(feb, 'JOINT_ACTION', 'ps', 'rc')).toBe(0)
    expect(w(jan, 'INFO', 'rc', 'pc')).toBe(1)
    expect(w(feb, 'INFO', 'rc', 'pc')).toBe(1)
    expect(w(mar, 'INFO', 'rc', 'pc')).toBe(0)
    expect(w(feb, 'INFO', 'pc', 'ps')).toBe(1)
    expect(w(mar, 'INFO', 'pc', 'ps')).toBe(1)
    expect(w(mar, 'JOINT_ACTION', 'rc', 'pc')).toBe(1)
    expect(apr.used).toMatchObject({ activities: 0, ties: 1 })
    expect(w(apr, 'INFO', 'ps', 'rc')).toBe(1)
    // quarters: the activity on 31 March is in Q1, the tie on 1 April in Q2
    const [q1, q2] = networkSeries(records, periodWindows('2026-01-01', '2026-06-30', 'quarter'), {
      relations: ['INFO', 'JOINT_ACTION'],
    })
    expect(q1!.used).toMatchObject({ activities: 3, ties: 2 })
    expect(q2!.used).toMatchObject({ activities: 0, ties: 1 })
    // an actor without ties in a window is still a node
    expect(apr.network.nodes.size).toBe(3)
  })

  it('takes custom windows and merges when asked', () => {
    const [first, second] = networkSeries(
      records,
      customWindows([
        { label: 'early', from: '2026-01-01', to: '2026-01-31' },
        { label: 'overlap', from: '2026-01-31', to: '2026-02-01' },
      ]),
      { relations: ['INFO', 'JOINT_ACTION'] },
      { merge: true },
    )
    expect(first!.network.relationNames()).toEqual(['ALL'])
    expect(second!.used).toMatchObject({ activities: 2, ties: 1 })
    expect(w(second!, 'ALL', 'rc', 'ps')).toBe(1)
  })
})

describe('parsePeriod and previousPeriod', () => {
  it('reads years, quarters, months, days and ranges', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' })
    expect(parsePeriod('2026-Q3')).toEqual({ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' })
    expect(parsePeriod('2024-02')).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' })
    expect(parsePeriod('2026-01-01..2026-06-30')).toEqual({
      label: '2026-01-01..2026-06-30',
      from: '2026-01-01',
      to: '2026-06-30',
    })
    expect(parsePeriod('2026-05-04')).toMatchObject({ from: '2026-05-04', to: '2026-05-04' })
  })
  it('refuses what is not a period, saying what is expected', () => {
    expect(() => parsePeriod('2026-13')).toThrow(/month 13 does not exist/)
    expect(() => parsePeriod('2026-Q5')).toThrow(/expected a year \(2026\), a quarter/)
    expect(() => parsePeriod('2026-06-30..2026-01-01')).toThrow(/ends \(2026-01-01\) before it starts/)
    expect(() => parsePeriod('2026-02-30..2026-03-01')).toThrow(/period start/)
    expect(() => parsePeriod('last year')).toThrow(RangeError)
  })
  it('gives the calendar period before, or as many days just before', () => {
    expect(previousPeriod(parsePeriod('2026-Q1'))).toEqual({ label: '2025-Q4', from: '2025-10-01', to: '2025-12-31' })
    expect(previousPeriod(parsePeriod('2026'))).toEqual({ label: '2025', from: '2025-01-01', to: '2025-12-31' })
    expect(previousPeriod(parsePeriod('2026-03'))).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' })
    expect(previousPeriod({ from: '2025-12-01', to: '2026-11-30' })).toEqual({
      label: '2024-12-01..2025-11-30',
      from: '2024-12-01',
      to: '2025-11-30',
    })
    expect(previousPeriod({ from: '2026-01-11', to: '2026-01-20' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-01-10',
    })
  })
})
