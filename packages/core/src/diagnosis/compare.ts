// Comparisons of diagnoses: 比较 — a community against its previous period, and communities of a street or district against each other.
//
// A diagnosis gives each rule's value; these functions set the values side by side. `previousValues`
// and `peerValues` turn earlier or neighbouring diagnoses into the `previous` and `peers` inputs of
// the next one, so that the 'previous' and 'peer' bases of the rulebook apply.

import type { Diagnosis, FindingStatus } from './evaluate.js'
import { percentileRank } from './evaluate.js'
import { RULEBOOK, type Rule, type Rulebook } from './rulebook.js'

/** Which way is better for a rule: from its first band (below → higher is better; above → lower is better). */
export type Direction = 'higher-is-better' | 'lower-is-better' | 'two-sided'

export function direction(rule: Rule): Direction {
  const b = rule.checks[0]?.band as {
    below?: number
    above?: number
    belowPercentile?: number
    abovePercentile?: number
  }
  const low = b?.below !== undefined || b?.belowPercentile !== undefined
  const high = b?.above !== undefined || b?.abovePercentile !== undefined
  return low && high ? 'two-sided' : low ? 'higher-is-better' : 'lower-is-better'
}

/** Each rule's value in a diagnosis (rules without a value left out), as the `previous` input of the next period. */
export function previousValues(d: Diagnosis): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of d.findings) if (f.value !== null && Number.isFinite(f.value)) out[f.rule] = f.value
  return out
}

/** The values of the other communities, by rule, as the `peers` input of one community's diagnosis. */
export function peerValues(others: readonly Diagnosis[]): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  for (const d of others) for (const [rule, v] of Object.entries(previousValues(d))) (out[rule] ??= []).push(v)
  return out
}

export interface PeriodChange {
  rule: string
  before: number | null
  after: number | null
  change: number | null
  statusBefore: FindingStatus | null
  statusAfter: FindingStatus
  /** True when the change goes the better way for the rule (null when it cannot tell). */
  improved: boolean | null
}

/**
 * A community against its previous period, rule by rule.
 *
 * @example
 * compareWithPrevious(thisQuarter, lastQuarter).filter((c) => c.improved === false)
 */
export function compareWithPrevious(
  current: Diagnosis,
  previous: Diagnosis,
  rulebook: Rulebook = RULEBOOK,
): PeriodChange[] {
  const before = new Map(previous.findings.map((f) => [f.rule, f]))
  return current.findings.map((f) => {
    const p = before.get(f.rule)
    const b = p?.value ?? null
    const change = b !== null && f.value !== null ? f.value - b : null
    const rule = rulebook.find((r) => r.id === f.rule)
    const dir = rule ? direction(rule) : 'two-sided'
    const improved =
      change === null || dir === 'two-sided' || change === 0
        ? null
        : dir === 'higher-is-better'
          ? change > 0
          : change < 0
    return {
      rule: f.rule,
      before: b,
      after: f.value,
      change,
      statusBefore: p?.status ?? null,
      statusAfter: f.status,
      improved,
    }
  })
}

export interface CommunityRank {
  community: string
  value: number
  /** 1 = best (for two-sided rules: nearest the peers' median). */
  rank: number
  /** Percentile rank of the value among all the communities, 0–100. */
  percentile: number
  status: FindingStatus
}

export interface RuleComparison {
  rule: string
  direction: Direction
  communities: CommunityRank[]
  /** Communities where the rule could not be evaluated. */
  insufficient: string[]
}

/**
 * Communities of a street or district against each other: per rule, each community's value,
 * rank (1 = best) and percentile.
 *
 * @example
 * compareCommunities([{ community: 'c', diagnosis: dc }, { community: 'd', diagnosis: dd }])[0].communities
 */
export function compareCommunities(
  list: readonly { community: string; diagnosis: Diagnosis }[],
  rulebook: Rulebook = RULEBOOK,
): RuleComparison[] {
  return rulebook.map((rule) => {
    const dir = direction(rule)
    const rows: { community: string; value: number; status: FindingStatus }[] = []
    const insufficient: string[] = []
    for (const { community, diagnosis } of list) {
      const f = diagnosis.findings.find((x) => x.rule === rule.id)
      if (!f || f.value === null || !Number.isFinite(f.value) || f.status === 'insufficient-data')
        insufficient.push(community)
      else rows.push({ community, value: f.value, status: f.status })
    }
    const values = rows.map((r) => r.value)
    const sorted = [...values].sort((a, b) => a - b)
    const median = sorted.length
      ? sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
      : 0
    const score = (v: number): number =>
      dir === 'higher-is-better' ? -v : dir === 'lower-is-better' ? v : Math.abs(v - median)
    const communities = rows.map((r) => ({
      community: r.community,
      value: r.value,
      rank: 1 + rows.filter((o) => score(o.value) < score(r.value)).length,
      percentile: percentileRank(r.value, values),
      status: r.status,
    }))
    communities.sort((a, b) => a.rank - b.rank || a.community.localeCompare(b.community))
    return { rule: rule.id, direction: dir, communities, insufficient }
  })
}
