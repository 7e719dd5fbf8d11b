// Deadlines of matters: 办理时限 — per category and urgency (defaults 2 h, 24 h, 7 d, 15 d), overdue flags, escalation.
//
// The clock starts when a matter is received (again when it is reopened) and stops when the lead
// reports it done. Escalation rules fire at fractions of the time limit: a warning to the lead
// before the deadline, an overdue notice to lead and dispatcher at the deadline, and escalation
// to the street (a candidate for a whistle) when it is far past.

import { URGENCIES, type EscalationLevel, type MatterCategory, type Urgency } from './schema.js'

export interface EscalationRule {
  level: EscalationLevel
  /** Fraction of the time limit elapsed when the rule fires (1 = at the deadline). */
  at: number
  /** Who is told: the handlers, the dispatcher, the street's supervisors. */
  notify: readonly ('lead' | 'handlers' | 'dispatcher' | 'supervisors')[]
}

export interface DeadlineConfig {
  /** Hours per urgency. */
  hours: Record<Urgency, number>
  /** Hours for some categories, overriding `hours`. */
  byCategory?: Partial<Record<MatterCategory, Partial<Record<Urgency, number>>>>
  escalation: readonly EscalationRule[]
}

export const DEFAULT_ESCALATION: readonly EscalationRule[] = [
  { level: 'warn', at: 0.75, notify: ['lead'] },
  { level: 'overdue', at: 1, notify: ['handlers', 'dispatcher'] },
  { level: 'escalate', at: 1.5, notify: ['dispatcher', 'supervisors'] },
]

export const DEFAULT_DEADLINES: DeadlineConfig = {
  hours: {
    emergency: URGENCIES.emergency.hours,
    urgent: URGENCIES.urgent.hours,
    normal: URGENCIES.normal.hours,
    routine: URGENCIES.routine.hours,
  },
  escalation: DEFAULT_ESCALATION,
}

/** A configuration from partial settings (e.g. a community's), checked: positive hours, rules in order. */
export function deadlineConfig(over: {
  hours?: Partial<Record<Urgency, number>>
  byCategory?: DeadlineConfig['byCategory']
  escalation?: readonly EscalationRule[]
}): DeadlineConfig {
  const cfg: DeadlineConfig = {
    hours: { ...DEFAULT_DEADLINES.hours, ...over.hours },
    byCategory: over.byCategory ?? {},
    escalation: over.escalation ?? DEFAULT_ESCALATION,
  }
  const all = [
    ...Object.entries(cfg.hours),
    ...Object.entries(cfg.byCategory ?? {}).flatMap(([c, h]) =>
      Object.entries(h ?? {}).map(([u, x]) => [`${c}.${u}`, x] as const),
    ),
  ]
  for (const [k, h] of all)
    if (!(typeof h === 'number' && Number.isFinite(h) && h > 0))
      throw new RangeError(`deadline ${k}: expected a positive number of hours, got ${String(h)}`)
  for (let i = 1; i < cfg.escalation.length; i++)
    if (cfg.escalation[i]!.at < cfg.escalation[i - 1]!.at)
      throw new RangeError('escalation rules: list them in the order they fire (at ascending)')
  return cfg
}

/** The time limit in hours of a category and urgency. */
export function limitHours(cfg: DeadlineConfig, category: MatterCategory, urgency: Urgency): number {
  return cfg.byCategory?.[category]?.[urgency] ?? cfg.hours[urgency]
}

const HOUR = 3_600_000
const iso = (ms: number): string => new Date(ms).toISOString()

/** When a matter's deadline runs out: its clock start plus the limit of its category and urgency. */
export function dueAtOf(
  m: { clockFrom: string; category: MatterCategory; urgency: Urgency },
  cfg: DeadlineConfig,
): string {
  return iso(Date.parse(m.clockFrom) + limitHours(cfg, m.category, m.urgency) * HOUR)
}

export interface DeadlineStatus {
  dueAt: string
  limitHours: number
  /** Hours left (negative: overdue by); measured to `now`, or to the time it was done. */
  hoursLeft: number
  /** Share of the time limit used. */
  used: number
  /** The clock has stopped (the lead reported it done). */
  stopped: boolean
  overdue: boolean
  /** Done within the limit (null while the clock runs and the deadline is ahead). */
  withinLimit: boolean | null
  /** The highest escalation level reached (null: none). */
  level: EscalationLevel | null
}

/** Where a matter stands against its deadline at `now`. */
export function deadlineStatus(
  m: { clockFrom: string; dueAt: string; doneAt: string | null; category: MatterCategory; urgency: Urgency },
  now: string,
  cfg: DeadlineConfig,
): DeadlineStatus {
  const limit = limitHours(cfg, m.category, m.urgency)
  const end = m.doneAt ? Date.parse(m.doneAt) : Date.parse(now)
  const due = Date.parse(m.dueAt)
  const used = (end - Date.parse(m.clockFrom)) / (limit * HOUR)
  const overdue = end > due
  let level: EscalationLevel | null = null
  if (!m.doneAt) for (const r of cfg.escalation) if (used >= r.at) level = r.level
  return {
    dueAt: m.dueAt,
    limitHours: limit,
    hoursLeft: (due - end) / HOUR,
    used,
    stopped: m.doneAt !== null,
    overdue,
    withinLimit: m.doneAt ? !overdue : overdue ? false : null,
    level,
  }
}

/** Escalation rules that have come due at `now` and are not yet recorded on the matter (open matters only). */
export function dueEscalations(
  m: {
    clockFrom: string
    dueAt: string
    doneAt: string | null
    category: MatterCategory
    urgency: Urgency
    escalations: readonly EscalationLevel[]
    state: string
  },
  now: string,
  cfg: DeadlineConfig,
): EscalationRule[] {
  if (m.doneAt || ['done', 'verified', 'closed'].includes(m.state)) return []
  const s = deadlineStatus(m, now, cfg)
  return cfg.escalation.filter((r) => s.used >= r.at && !m.escalations.includes(r.level))
}
