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

// ---------------------------------------------------------------------------------------------
// Periods as people write them: 2026, 2026-Q3, 2026-05, 2026-01-01..2026-06-30

/**
 * A period written as a year (`2026`), a quarter (`2026-Q3`), a month (`2026-05`), a day
 * (`2026-05-04`) or a range of days (`2026-01-01..2026-06-30`, both ends included). The label is
 * the text as normalised; a RangeError says what was expected.
 *
 * @example
 * parsePeriod('2026-Q3') // { label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }
 */
export function parsePeriod(text: string): PeriodWindow {
  const s = text.trim()
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})$/.exec(s))) return { label: m[1]!, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }
  if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(s))) {
    const year = Number(m[1])
    const q = Number(m[2])
    const last = q * 3
    return {
      label: `${m[1]}-Q${q}`,
      from: `${m[1]}-${pad(last - 2)}-01`,
      to: `${m[1]}-${pad(last)}-${pad(daysIn(year, last))}`,
    }
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const month = Number(m[2])
    if (month < 1 || month > 12) throw new RangeError(`period "${s}": month ${m[2]} does not exist`)
    return { label: s, from: `${s}-01`, to: `${s}-${pad(daysIn(Number(m[1]), month))}` }
  }
  if ((m = /^(\S+?)\s*(?:\.\.|–|~)\s*(\S+)$/.exec(s))) {
    const [from, to] = [m[1]!, m[2]!]
    checkDate('period start', from)
    checkDate('period end', to)
    if (to < from) throw new RangeError(`period "${s}": it ends (${to}) before it starts (${from})`)
    return { label: `${from}..${to}`, from, to }
  }
  if (IsoDate.safeParse(s).success) return { label: s, from: s, to: s }
  throw new RangeError(
    `period "${s}": expected a year (2026), a quarter (2026-Q3), a month (2026-05) or days (2026-01-01..2026-06-30)`,
  )
}

const dayNo = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
const dayOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10)

/** Days in a period, both ends included. */
export function periodDays(p: { from: string; to: string }): number {
  return dayNo(p.to) - dayNo(p.from) + 1
}

/**
 * The period before: the previous calendar year, quarter or month when the period is exactly one,
 * otherwise the same number of days just before it.
 *
 * @example
 * previousPeriod({ from: '2026-07-01', to: '2026-09-30' }) // { label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' }
 */
export function previousPeriod(p: { from: string; to: string }): PeriodWindow {
  const y = Number(p.from.slice(0, 4))
  const mo = Number(p.from.slice(5, 7))
  const startsMonth = p.from.endsWith('-01')
  const endOf = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}-${pad(daysIn(year, month))}`
  if (startsMonth) {
    for (const months of [12, 3, 1]) {
      if ((mo - 1) % months !== 0) continue
      const lastMonth = mo + months - 1
      if (lastMonth > 12 || p.to !== endOf(y, lastMonth)) continue
      let py = y
      let pm = mo - months
      if (pm < 1) {
        pm += 12
        py--
      }
      const w = periodWindows(
        `${pad(py, 4)}-${pad(pm)}-01`,
        endOf(py, pm + months - 1),
        months === 12 ? 'year' : months === 3 ? 'quarter' : 'month',
      )[0]!
      return w
    }
  }
  const n = periodDays(p)
  const from = dayOf(dayNo(p.from) - n)
  const to = dayOf(dayNo(p.from) - 1)
  return { label: `${from}..${to}`, from, to }
}
