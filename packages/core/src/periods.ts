// Periods: 分期 — calendar or custom windows, and one network per window over the same actors.
//
// Dates are calendar days (YYYY-MM-DD) and windows include both ends. A record belongs to every
// window its day or period overlaps: an activity on 31 January is January's, a tie recorded for
// 20 January–10 February is in both months (buildNetwork's rule). Every network of a series has
// the same nodes in the same order and the same relations, so that they compare index by index.

import { buildNetwork, type BuiltNetwork, type CommunityRecords } from './network.js'
import { IsoDate, type NetworkFilter } from './records.js'

export type PeriodUnit = 'month' | 'quarter' | 'year'
export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year']

export interface PeriodWindow {
  /** '2026-01', '2026-Q1', '2026', or a custom label. */
  label: string
  from: string
  to: string
}

const pad = (x: number, width = 2): string => String(x).padStart(width, '0')

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function checkDate(field: string, s: string): void {
  if (!IsoDate.safeParse(s).success) throw new RangeError(`${field}: expected a date as YYYY-MM-DD, got "${s}"`)
}

/**
 * Calendar windows (months, quarters or years) covering [from, to], the first and last clipped
 * to it unless `clip` is false.
 *
 * @example
 * periodWindows('2026-01-15', '2026-03-10', 'month')
 * // [{ label: '2026-01', from: '2026-01-15', to: '2026-01-31' }, { label: '2026-02', … }, { label: '2026-03', from: '2026-03-01', to: '2026-03-10' }]
 */
export function periodWindows(
  from: string,
  to: string,
  unit: PeriodUnit,
  opts: { clip?: boolean } = {},
): PeriodWindow[] {
  checkDate('from', from)
  checkDate('to', to)
  if (to < from) throw new RangeError(`to: the period ends (${to}) before it starts (${from})`)
  if (!PERIOD_UNITS.includes(unit))
    throw new RangeError(`unit: expected one of ${PERIOD_UNITS.join(', ')}, got "${String(unit)}"`)
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12
  const clip = opts.clip ?? true
  let year = Number(from.slice(0, 4))
  // the first month of the unit holding `from`
  let month = Math.floor((Number(from.slice(5, 7)) - 1) / months) * months + 1
  const out: PeriodWindow[] = []
  for (;;) {
    const start = `${pad(year, 4)}-${pad(month)}-01`
    if (start > to) break
    const lastMonth = month + months - 1
    const end = `${pad(year, 4)}-${pad(lastMonth)}-${pad(daysIn(year, lastMonth))}`
    const label =
      unit === 'month' ? start.slice(0, 7) : unit === 'quarter' ? `${pad(year, 4)}-Q${(month + 2) / 3}` : pad(year, 4)
    out.push({
      label,
      from: clip && start < from ? from : start,
      to: clip && end > to ? to : end,
    })
    month += months
    if (month > 12) {
      month -= 12
      year++
    }
  }
  return out
}

/**
 * Checks custom windows (e.g. survey waves, before/after an intervention): valid dates, each
 * ending on or after its start, labels unique (default "from–to"). Windows may overlap.
 *
 * @example
 * customWindows([{ label: 'before', from: '2025-07-01', to: '2025-12-31' }, { label: 'after', from: '2026-01-01', to: '2026-06-30' }])
 */
export function customWindows(windows: readonly { label?: string; from: string; to: string }[]): PeriodWindow[] {
  const labels = new Set<string>()
  return windows.map((w, k) => {
    checkDate(`windows.${k}.from`, w.from)
    checkDate(`windows.${k}.to`, w.to)
    if (w.to < w.from) throw new RangeError(`windows.${k}.to: the window ends (${w.to}) before it starts (${w.from})`)
    const label = w.label?.trim() || `${w.from}–${w.to}`
    if (labels.has(label)) throw new RangeError(`windows.${k}.label: "${label}" names two windows`)
    labels.add(label)
    return { label, from: w.from, to: w.to }
  })
}

export interface SeriesEntry extends BuiltNetwork {
  window: PeriodWindow
}

/**
 * One buildNetwork per window (the filter's relations and domains, the window's period), all
 * over the records' actors in their order and the same relations.
 *
 * @example
 * networkSeries(records, periodWindows('2026-01-01', '2026-12-31', 'quarter'), { relations: ['INFO'] })
 *   .map((s) => density(s.network.graph))
 */
export function networkSeries(
  records: CommunityRecords,
  windows: readonly PeriodWindow[],
  filter: Omit<NetworkFilter, 'from' | 'to'> = {},
  opts: { merge?: boolean } = {},
): SeriesEntry[] {
  return windows.map((window) => ({
    window,
    ...buildNetwork(records, { ...filter, from: window.from, to: window.to }, opts),
  }))
}
