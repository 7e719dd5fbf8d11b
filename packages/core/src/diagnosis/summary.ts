// The summary of a diagnosis: 诊断摘要 — counts per dimension and the fired findings, most severe first.

import type { Diagnosis, Finding, FindingStatus } from './evaluate.js'
import { DIMENSIONS, type Dimension, type Severity } from './rulebook.js'

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 }

export interface DiagnosisSummary {
  /** Findings per dimension and status, every dimension present. */
  byDimension: Record<Dimension, Record<FindingStatus, number>>
  /** Rule ids of the fired findings, high severity first, then in rulebook order. */
  fired: string[]
  /** Dimensions with at least one rule that could be evaluated. */
  evaluated: Dimension[]
  /** Veto items that fired (一票否决): any one fails the overall assessment. */
  vetoHits: string[]
  /** Veto items that could not be evaluated: the overall assessment is provisional while any remain. */
  vetoUnknown: string[]
}

/**
 * Counts per dimension and the fired rules by severity.
 *
 * @example
 * summariseDiagnosis(diagnose(inputs)).fired // ['CON-3', 'STR-2', …]
 */
export function summariseDiagnosis(d: Diagnosis): DiagnosisSummary {
  const byDimension = Object.fromEntries(
    (Object.keys(DIMENSIONS) as Dimension[]).map((k) => [k, { fired: 0, clear: 0, 'insufficient-data': 0 }]),
  ) as Record<Dimension, Record<FindingStatus, number>>
  for (const f of d.findings) byDimension[f.dimension][f.status]++
  const order = new Map(d.findings.map((f, k) => [f.rule, k]))
  const fired = d.findings
    .filter((f: Finding) => f.status === 'fired')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || order.get(a.rule)! - order.get(b.rule)!)
    .map((f) => f.rule)
  const evaluated = (Object.keys(byDimension) as Dimension[]).filter(
    (k) => byDimension[k].fired + byDimension[k].clear > 0,
  )
  const vetoHits = d.findings.filter((f) => f.veto && f.status === 'fired').map((f) => f.rule)
  const vetoUnknown = d.findings.filter((f) => f.veto && f.status === 'insufficient-data').map((f) => f.rule)
  return { byDimension, fired, evaluated, vetoHits, vetoUnknown }
}
