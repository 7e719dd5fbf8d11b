// KPIs of matters: 三率 and more — response, resolution, satisfaction, on-time, reopen rates, hand-offs to resolver.
//
// Every rate is numerator ÷ denominator over the matters received in the period (their
// receipt time on the local calendar, default UTC+8), with its formula published here (and in
// the README and the API). A rate whose denominator is below the minimum sample size is not
// shown (value null, `insufficient` true): a rate of 2 matters says nothing. Per actor, a
// matter counts for the actor who led it: the lead of each dispatch for the response rate, the
// resolver (the lead when it was done) for the others.

import type { Term } from '../vocabulary.js'
import { deadlineStatus, DEFAULT_DEADLINES, type DeadlineConfig } from './deadlines.js'
import type { Matter } from './lifecycle.js'

export interface KpiInfo extends Term {
  formula: Term
}

export const MATTER_KPIS = {
  response: {
    zh: '响应率',
    en: 'response rate',
    formula: {
      zh: '在时限内被牵头单位接单的派单数 ÷ 派单数（每次派单计一次）',
      en: 'dispatches accepted by their lead handler before the deadline ÷ dispatches',
    },
  },
  resolution: {
    zh: '解决率',
    en: 'resolution rate',
    formula: {
      zh: '办结且问题已解决（以核查结论为准）的事项 ÷ 办结的事项',
      en: 'matters done with the problem solved (as verified) ÷ matters done',
    },
  },
  satisfaction: {
    zh: '满意率',
    en: 'satisfaction rate',
    formula: {
      zh: '回访评价为满意（4–5 分）的事项 ÷ 已回访评价的事项',
      en: 'matters rated satisfied (4 or 5 of 5) at the return visit ÷ matters rated',
    },
  },
  onTime: {
    zh: '按期办结率',
    en: 'on-time rate',
    formula: {
      zh: '在时限内办结的事项 ÷（办结的事项 + 未办结但已超期的事项）',
      en: 'matters done within their time limit ÷ (matters done + open matters past their deadline)',
    },
  },
  reopen: {
    zh: '重办率',
    en: 'reopen rate',
    formula: {
      zh: '结案后被重新打开过的事项 ÷ 曾结案的事项',
      en: 'matters reopened after closing or completion ÷ matters ever closed or reopened',
    },
  },
  handoffs: {
    zh: '转办次数',
    en: 'hand-offs to resolver',
    formula: {
      zh: '办结事项派单次数的中位数（首次派单计 1；退单后重派各加 1）',
      en: 'median number of dispatches of matters done (the first counts 1, each re-dispatch adds 1)',
    },
  },
} as const satisfies Record<string, KpiInfo>
export type MatterKpi = keyof typeof MATTER_KPIS
export const MATTER_KPI_CODES = Object.keys(MATTER_KPIS) as MatterKpi[]

export interface KpiValue {
  /** The rate (0–1), or for hand-offs the median; null when the sample is too small. */
  value: number | null
  numerator: number
  denominator: number
  insufficient: boolean
}

export type KpiSet = Record<MatterKpi, KpiValue>

export interface KpiOptions {
  /** The period, YYYY-MM-DD inclusive, on the local calendar. */
  from?: string
  to?: string
  /** Smallest denominator for which a rate is shown (default 5). */
  minSample?: number
  /** The time the open matters are judged at (ISO). */
  now: string
  /** Local time offset in minutes for calendar days (default 480, Beijing). */
  offsetMinutes?: number
  deadlines?: DeadlineConfig
}

export const DEFAULT_MIN_SAMPLE = 5

/** The local calendar day of a moment. */
export function localDay(iso: string, offsetMinutes = 480): string {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

interface Tally {
  n: number
  d: number
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

class Acc {
  readonly t: Record<Exclude<MatterKpi, 'handoffs'>, Tally> = {
    response: { n: 0, d: 0 },
    resolution: { n: 0, d: 0 },
    satisfaction: { n: 0, d: 0 },
    onTime: { n: 0, d: 0 },
    reopen: { n: 0, d: 0 },
  }
  readonly handoffs: number[] = []
  add(k: Exclude<MatterKpi, 'handoffs'>, hit: boolean): void {
    this.t[k].d++
    if (hit) this.t[k].n++
  }
  result(min: number): KpiSet {
    const out = {} as KpiSet
    for (const [k, { n, d }] of Object.entries(this.t) as [Exclude<MatterKpi, 'handoffs'>, Tally][])
      out[k] = { value: d >= min ? n / d : null, numerator: n, denominator: d, insufficient: d < min }
    const ok = this.handoffs.length >= min
    out.handoffs = {
      value: ok ? median(this.handoffs) : null,
      numerator: this.handoffs.reduce((a, b) => a + b, 0),
      denominator: this.handoffs.length,
      insufficient: !ok,
    }
    return out
  }
}

export interface KpiReport {
  period: { from: string | null; to: string | null }
  minSample: number
  matters: number
  community: KpiSet
  /** Per actor who led or resolved matters, by actor id. */
  byActor: Record<string, KpiSet>
  definitions: typeof MATTER_KPIS
}

/** The KPIs of a community's matters over a period, and per actor. */
export function matterKpis(matters: readonly Matter[], opts: KpiOptions): KpiReport {
  const min = opts.minSample ?? DEFAULT_MIN_SAMPLE
  const off = opts.offsetMinutes ?? 480
  const cfg = opts.deadlines ?? DEFAULT_DEADLINES
  const all = new Acc()
  const per = new Map<string, Acc>()
  const acc = (id: string): Acc => {
    let a = per.get(id)
    if (!a) per.set(id, (a = new Acc()))
    return a
  }
  let count = 0
  for (const m of matters) {
    const day = localDay(m.receivedAt, off)
    if ((opts.from && day < opts.from) || (opts.to && day > opts.to)) continue
    count++
    // response: every dispatch, for its lead
    for (const h of m.handlers) {
      if (h.role !== 'lead') continue
      const hit = h.acceptedAt !== null && h.acceptedAt <= m.dueAt
      all.add('response', hit)
      acc(h.actorId).add('response', hit)
    }
    const resolver = m.resolverId ? acc(m.resolverId) : null
    const done = m.doneAt !== null
    if (done) {
      all.add('resolution', m.resolved === true)
      resolver?.add('resolution', m.resolved === true)
      all.handoffs.push(m.handoffs)
      resolver?.handoffs.push(m.handoffs)
    }
    if (m.rating !== null) {
      all.add('satisfaction', m.rating >= 4)
      resolver?.add('satisfaction', m.rating >= 4)
    }
    const s = deadlineStatus(m, opts.now, cfg)
    if (done || s.overdue) {
      const lead =
        resolver ?? (m.handlers.length ? acc(m.handlers.filter((h) => h.role === 'lead').at(-1)!.actorId) : null)
      all.add('onTime', done && !s.overdue)
      lead?.add('onTime', done && !s.overdue)
    }
    if (m.everClosed || m.reopens > 0) {
      all.add('reopen', m.reopens > 0)
      resolver?.add('reopen', m.reopens > 0)
    }
  }
  return {
    period: { from: opts.from ?? null, to: opts.to ?? null },
    minSample: min,
    matters: count,
    community: all.result(min),
    byActor: Object.fromEntries(
      [...per].sort((a, b) => a[0].localeCompare(b[0])).map(([id, a]) => [id, a.result(min)]),
    ),
    definitions: MATTER_KPIS,
  }
}
