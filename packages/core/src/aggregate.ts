// Relational survey aggregation: 问卷汇总 — respondents' reports → directed valued matrices → a survey network.
//
// Definitions (n roster actors, in roster order; "report x_ij" = the value respondent i gave to
// actor j for one relation, 0 = no tie):
// - Reports used: only submitted responses, unless `includeInProgress` (then also the answered
//   cells of responses in progress). A roster actor who is not a respondent, or did not respond,
//   has no reports: its row is missing, never read as "no tie".
// - Missing data, `missing`:
//   'missing'      a missing x_ij stays missing.
//   'reconstruct'  a missing x_ij := x_ji when j reported on the dyad (Stork & Richards 1992:
//                  i's tie to j is taken from j's report of its tie to i). Every filled cell is
//                  flagged; cells whose mirror is missing too stay missing.
// - Symmetrisation, `rule`, per unordered dyad {i, j} over the available reports a = x_ij, b = x_ji
//   (after reconstruction, so a reconstructed report counts as a report):
//   'none'  no symmetrisation: the network is directed, ties as reported.
//   'max'   max of the available reports (one report: that one).
//   'min'   min of the available reports (one report: that one).
//   'mean'  mean of the available reports (one report: that one).
//   'both'  both-confirm: a tie only when both report > 0, valued by the mean (a + b) / 2;
//           a report of 0 by either side settles the dyad as no tie (0); a single report > 0
//           leaves the dyad missing.
//   No report at all: the dyad stays missing under every rule. Missing entries are absent from
//   the network (as 0) and listed in `unresolved`, so they can be told apart from a reported 0.
// - Response rate: submitted responses ÷ respondents (in-progress ones never count here).
// The rule, the missing-data method and the response rate travel with the result so that they
// are stored and shown with the network.
//
// Also here: attitude statistics, roster-matrix import (one sheet per relation) and the export of
// raw answers, pseudonymised by a keyed hash (HMAC-SHA-256, written out below: core has no I/O and
// no node: imports).

import { assertNever, NetworkBuilder, type Network } from '@cosafe/sna'
import type { Actor, Id } from './records.js'
import {
  ATTITUDE_ITEM_CODES,
  checkAnswers,
  type Answers,
  type AttitudeItem,
  type Survey,
  type SurveyResponse,
} from './surveys.js'
import { RELATION_TYPE_CODES, RELATION_TYPES, type RelationType, type Sector } from './vocabulary.js'

export type SymmetrizeRule = 'none' | 'max' | 'min' | 'mean' | 'both'
export const SYMMETRIZE_RULES: readonly SymmetrizeRule[] = ['none', 'max', 'min', 'mean', 'both']
export type MissingMethod = 'missing' | 'reconstruct'
export const MISSING_METHODS: readonly MissingMethod[] = ['missing', 'reconstruct']

/** What aggregation needs of a survey; respondents default to the roster. */
export type SurveyDesign = Pick<Survey, 'relations' | 'scale' | 'rosterIds' | 'attitudes'> & {
  respondentIds?: readonly Id[]
}
/** What aggregation needs of a response. */
export type SurveyAnswerSet = Pick<SurveyResponse, 'respondentId' | 'status' | 'answers'>
/** Roster actors as known to the registry: labels, and sectors for the attitude breakdown. */
export type RosterActor = Pick<Actor, 'id' | 'name' | 'sector' | 'type'>

export interface AggregateOptions {
  rule?: SymmetrizeRule
  missing?: MissingMethod
  /** Also use the answered cells of responses still in progress. */
  includeInProgress?: boolean
  /** Roster actors' names, types and sectors (node labels and attributes, attitudes by sector). */
  actors?: readonly RosterActor[]
}

export const AGGREGATE_DEFAULTS = {
  rule: 'none',
  missing: 'missing',
  includeInProgress: false,
} as const satisfies Required<Omit<AggregateOptions, 'actors'>>

export interface SurveyTie {
  source: Id
  target: Id
  value: number
  /**
   * 'reconstructed': rests on a reconstructed report; 'one-report': a symmetrised tie resting on
   * one side's report (missing method 'missing'); null: every report it rests on was given.
   */
  flag: 'reconstructed' | 'one-report' | null
}

export interface RelationAggregate {
  relation: RelationType
  /** reports[i][j]: i's value for j after the missing-data step, null = no report (and the diagonal). */
  reports: (number | null)[][]
  /** What the network holds: the reports (rule 'none') or the symmetrised values; null = missing. */
  matrix: (number | null)[][]
  /** The ties of the network (value > 0): directed (rule 'none') or one per dyad, source first on the roster. */
  ties: SurveyTie[]
  flags: {
    /** Reconstructed reports with a value > 0 (rule 'none': these are ties of the network). */
    reconstructedTies: SurveyTie[]
    /** Number of reports filled in by reconstruction, including those of value 0. */
    reconstructedCells: number
    /** Dyads (roster order) on which exactly one side reported. */
    dyadsWithOneReport: [Id, Id][]
    /** Dyads on which neither side reported. */
    dyadsWithoutReport: [Id, Id][]
    /** Entries of `matrix` left missing: ordered pairs (rule 'none') or dyads. Absent from the network. */
    unresolved: [Id, Id][]
    /** Respondents whose reports are missing (no response used). */
    nonRespondents: Id[]
  }
}

export interface AttitudeStats {
  /** Answers given. */
  n: number
  mean: number | null
  /** Share answering 4 or 5 (agree), null when n = 0. */
  agree: number | null
  /** Number of answers 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number]
}

export interface AttitudeSummary {
  items: Record<AttitudeItem, AttitudeStats>
  /** Per sector of the respondent (only sectors with a respondent), when actors were given. */
  bySector: Partial<Record<Sector, Record<AttitudeItem, AttitudeStats>>> | null
}

export interface SurveyAggregate {
  /**
   * Nodes: the roster in order, with attributes respondent and responded ('yes' / 'no'), and type
   * and sector when actors were given. One relation per survey relation; directed for rule
   * 'none', undirected otherwise.
   */
  network: Network
  relations: RelationAggregate[]
  rule: SymmetrizeRule
  missing: MissingMethod
  includeInProgress: boolean
  /** Submitted responses ÷ respondents (0 without respondents). */
  responseRate: number
  counts: { roster: number; respondents: number; submitted: number; inProgress: number; used: number }
  /** Respondents whose reports are missing. */
  nonRespondents: Id[]
  /** Attitude statistics of the responses used; null when the survey has no attitude block. */
  attitudes: AttitudeSummary | null
}

/** The responses to use, checked: one per respondent, every answer on the roster and the scale. */
function usedAnswers(survey: SurveyDesign, responses: readonly SurveyAnswerSet[], includeInProgress: boolean) {
  const respondentIds = survey.respondentIds ?? survey.rosterIds
  const roster = new Set(survey.rosterIds)
  for (const id of respondentIds)
    if (!roster.has(id)) throw new RangeError(`respondentIds: respondent "${id}" is not on the roster`)
  const isRespondent = new Set(respondentIds)
  const used = new Map<Id, Answers>()
  const seen = new Set<Id>()
  let submitted = 0
  let inProgress = 0
  for (const r of responses) {
    if (!isRespondent.has(r.respondentId))
      throw new RangeError(`responses: "${r.respondentId}" is not a respondent of this survey`)
    if (seen.has(r.respondentId)) throw new RangeError(`responses: two responses of "${r.respondentId}"`)
    seen.add(r.respondentId)
    if (r.status === 'submitted') submitted++
    if (r.status === 'in_progress') inProgress++
    if (r.status !== 'submitted' && !(includeInProgress && r.status === 'in_progress')) continue
    const issue = checkAnswers(survey, r.respondentId, r.answers, { complete: false })[0]
    if (issue) throw new RangeError(`responses: "${r.respondentId}" ${issue.field}: ${issue.reason}`)
    used.set(r.respondentId, r.answers)
  }
  return { respondentIds, used, submitted, inProgress }
}

/** One dyad's value from its available reports under a rule (not 'none'); null = missing. */
function combine(rule: Exclude<SymmetrizeRule, 'none'>, a: number | null, b: number | null): number | null {
  if (a === null && b === null) return null
  if (a === null || b === null) {
    const v = (a ?? b)!
    if (rule !== 'both') return v
    return v === 0 ? 0 : null
  }
  switch (rule) {
    case 'max':
      return Math.max(a, b)
    case 'min':
      return Math.min(a, b)
    case 'mean':
      return (a + b) / 2
    case 'both':
      return a > 0 && b > 0 ? (a + b) / 2 : 0
    default:
      return assertNever(rule)
  }
}

function aggregateRelation(
  relation: RelationType,
  roster: readonly Id[],
  used: ReadonlyMap<Id, Answers>,
  rule: SymmetrizeRule,
  missing: MissingMethod,
  nonRespondents: Id[],
): RelationAggregate {
  const n = roster.length
  const index = new Map(roster.map((id, k) => [id, k]))
  const observed: (number | null)[][] = roster.map(() => new Array<number | null>(n).fill(null))
  for (const [id, answers] of used) {
    const i = index.get(id)!
    for (const [target, value] of Object.entries(answers.ties[relation] ?? {})) observed[i]![index.get(target)!] = value
  }
  const reports = observed.map((row) => row.slice())
  const filled = new Uint8Array(n * n)
  const reconstructedTies: SurveyTie[] = []
  let reconstructedCells = 0
  if (missing === 'reconstruct') {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const mirror = observed[j]![i]!
        if (i === j || observed[i]![j] !== null || mirror === null) continue
        reports[i]![j] = mirror
        filled[i * n + j] = 1
        reconstructedCells++
        if (mirror > 0)
          reconstructedTies.push({ source: roster[i]!, target: roster[j]!, value: mirror, flag: 'reconstructed' })
      }
  }
  const dyadsWithOneReport: [Id, Id][] = []
  const dyadsWithoutReport: [Id, Id][] = []
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const given = Number(observed[i]![j] !== null) + Number(observed[j]![i] !== null)
      if (given === 1) dyadsWithOneReport.push([roster[i]!, roster[j]!])
      else if (given === 0) dyadsWithoutReport.push([roster[i]!, roster[j]!])
    }
  const ties: SurveyTie[] = []
  const unresolved: [Id, Id][] = []
  let matrix: (number | null)[][]
  if (rule === 'none') {
    matrix = reports.map((row) => row.slice())
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue
        const v = reports[i]![j]!
        if (v === null) unresolved.push([roster[i]!, roster[j]!])
        else if (v > 0)
          ties.push({
            source: roster[i]!,
            target: roster[j]!,
            value: v,
            flag: filled[i * n + j] ? 'reconstructed' : null,
          })
      }
  } else {
    matrix = roster.map(() => new Array<number | null>(n).fill(null))
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = combine(rule, reports[i]![j]!, reports[j]![i]!)
        matrix[i]![j] = v
        matrix[j]![i] = v
        if (v === null) {
          unresolved.push([roster[i]!, roster[j]!])
          continue
        }
        if (v === 0) continue
        const given = Number(observed[i]![j] !== null) + Number(observed[j]![i] !== null)
        const flag = given === 2 ? null : missing === 'reconstruct' ? 'reconstructed' : 'one-report'
        ties.push({ source: roster[i]!, target: roster[j]!, value: v, flag })
      }
  }
  return {
    relation,
    reports,
    matrix,
    ties,
    flags: {
      reconstructedTies,
      reconstructedCells,
      dyadsWithOneReport,
      dyadsWithoutReport,
      unresolved,
      nonRespondents: nonRespondents.slice(),
    },
  }
}

/**
 * Aggregates a survey's responses into one valued relation per survey relation, with the
 * symmetrisation rule, the missing-data method and the response rate recorded in the result.
 *
 * @example
 * const agg = aggregateSurvey(survey, responses, { rule: 'max', missing: 'reconstruct' })
 * agg.network.findRelation('INFO') // undirected, value = max of the two reports
 * agg.relations[0].flags.reconstructedTies
 */
export function aggregateSurvey(
  survey: SurveyDesign,
  responses: readonly SurveyAnswerSet[],
  opts: AggregateOptions = {},
): SurveyAggregate {
  const rule = opts.rule ?? AGGREGATE_DEFAULTS.rule
  const missing = opts.missing ?? AGGREGATE_DEFAULTS.missing
  const includeInProgress = opts.includeInProgress ?? AGGREGATE_DEFAULTS.includeInProgress
  if (!SYMMETRIZE_RULES.includes(rule))
    throw new RangeError(`rule: expected one of ${SYMMETRIZE_RULES.join(', ')}, got "${String(rule)}"`)
  if (!MISSING_METHODS.includes(missing))
    throw new RangeError(`missing: expected one of ${MISSING_METHODS.join(', ')}, got "${String(missing)}"`)
  const roster = survey.rosterIds
  const { respondentIds, used, submitted, inProgress } = usedAnswers(survey, responses, includeInProgress)
  const nonRespondents = respondentIds.filter((id) => !used.has(id))
  const relations = survey.relations.map((r) => aggregateRelation(r, roster, used, rule, missing, nonRespondents))

  const actors = new Map((opts.actors ?? []).map((a) => [a.id, a]))
  const isRespondent = new Set(respondentIds)
  const b = new NetworkBuilder({ directed: rule === 'none', duplicates: 'error', unknownNodes: 'error' })
  for (const id of roster) {
    const a = actors.get(id)
    const i = b.addNode(id, {
      respondent: isRespondent.has(id) ? 'yes' : 'no',
      responded: used.has(id) ? 'yes' : 'no',
    })
    if (a) {
      b.setLabel(i, a.name)
      b.setAttribute(i, 'type', a.type)
      b.setAttribute(i, 'sector', a.sector)
    }
  }
  for (const r of relations) {
    b.relation(r.relation)
    for (const t of r.ties) b.addTie(t.source, t.target, t.value, r.relation)
  }
  const answered = responses.filter((r) => used.has(r.respondentId))
  return {
    network: b.build().network,
    relations,
    rule,
    missing,
    includeInProgress,
    responseRate: respondentIds.length ? submitted / respondentIds.length : 0,
    counts: { roster: roster.length, respondents: respondentIds.length, submitted, inProgress, used: used.size },
    nonRespondents,
    attitudes: survey.attitudes
      ? summariseAttitudes(answered, { includeInProgress: true, actors: opts.actors ?? null })
      : null,
  }
}

// ---------------------------------------------------------------------------------------------
// Attitudes

function emptyStats(): Record<AttitudeItem, AttitudeStats> {
  const out = {} as Record<AttitudeItem, AttitudeStats>
  for (const item of ATTITUDE_ITEM_CODES) out[item] = { n: 0, mean: null, agree: null, distribution: [0, 0, 0, 0, 0] }
  return out
}

function finish(stats: Record<AttitudeItem, AttitudeStats>): void {
  for (const s of Object.values(stats)) {
    const d = s.distribution
    s.n = d[0] + d[1] + d[2] + d[3] + d[4]
    s.mean = s.n ? (d[0] + 2 * d[1] + 3 * d[2] + 4 * d[3] + 5 * d[4]) / s.n : null
    s.agree = s.n ? (d[3] + d[4]) / s.n : null
  }
}

/**
 * Per attitude item (1–5 agreement): answers, mean, share agreeing (4–5) and the distribution,
 * over submitted responses (and in-progress ones when asked); per respondent sector when the
 * actors are given. Values off 1..5 are bad input (answers are checked when saved).
 *
 * @example
 * summariseAttitudes(responses, { actors }).items.senseOfSafety.agree // PAR-8
 */
export function summariseAttitudes(
  responses: readonly SurveyAnswerSet[],
  opts: { includeInProgress?: boolean; actors?: readonly Pick<Actor, 'id' | 'sector'>[] | null } = {},
): AttitudeSummary {
  const sectorOf = opts.actors ? new Map(opts.actors.map((a) => [a.id, a.sector])) : null
  const items = emptyStats()
  const bySector: Partial<Record<Sector, Record<AttitudeItem, AttitudeStats>>> = {}
  for (const r of responses) {
    if (r.status !== 'submitted' && !(opts.includeInProgress && r.status === 'in_progress')) continue
    const sector = sectorOf?.get(r.respondentId)
    for (const item of ATTITUDE_ITEM_CODES) {
      const v = r.answers.attitudes[item]
      if (v === undefined) continue
      if (!Number.isInteger(v) || v < 1 || v > 5)
        throw new RangeError(`responses: "${r.respondentId}" attitudes.${item}: expected 1 to 5, got ${v}`)
      items[item].distribution[v - 1]!++
      if (sector) (bySector[sector] ??= emptyStats())[item].distribution[v - 1]!++
    }
  }
  finish(items)
  for (const s of Object.values(bySector)) finish(s)
  return { items, bySector: sectorOf ? bySector : null }
}

// ---------------------------------------------------------------------------------------------
// Roster matrix import (one table per relation) and raw answer export

/** One roster matrix: a header row (a corner cell, then actor ids) and one row per respondent. */
export interface MatrixSheet {
  /** The relation: its code (INFO) or its Chinese or English name, often the sheet's name. */
  relation: string
  header: readonly string[]
  /** Line (CSV) or row number (spreadsheet) of the header; default 1. */
  headerLine?: number
  /** Rows: the respondent id, then one cell per header actor (a value on the scale, or empty). */
  rows: readonly { line: number; cells: readonly string[] }[]
  /** File or sheet name, for messages; default the relation as given. */
  source?: string
}

export interface MatrixIssue {
  source: string
  line: number
  field: string
  reason: string
}

function findRelation(name: string): RelationType | undefined {
  const key = name.trim()
  return RELATION_TYPE_CODES.find(
    (r) => r === key.toUpperCase() || RELATION_TYPES[r].zh === key || RELATION_TYPES[r].en === key.toLowerCase(),
  )
}

/**
 * Reads roster matrices (one per relation; CSV or XLSX sheets already split into cells) into
 * answers per respondent. The first column names the respondent, the header row the actors;
 * an empty cell is not answered, and the diagonal (an actor rating itself) is ignored. Every
 * problem comes back with its source, line and field; store nothing when there is any.
 *
 * @example
 * importRosterMatrices(survey, [{ relation: 'INFO', header: ['', 'rc', 'ps'], rows: [{ line: 2, cells: ['rc', '', '3'] }] }])
 * // { answers: { rc: { ties: { INFO: { ps: 3 } }, attitudes: {} } }, issues: [] }
 */
export function importRosterMatrices(
  survey: Pick<Survey, 'relations' | 'scale' | 'rosterIds'> & { respondentIds?: readonly Id[] },
  sheets: readonly MatrixSheet[],
): { answers: Record<Id, Answers>; issues: MatrixIssue[] } {
  const roster = new Set(survey.rosterIds)
  const respondents = new Set(survey.respondentIds ?? survey.rosterIds)
  const { min, max } = survey.scale
  const issues: MatrixIssue[] = []
  const ties = new Map<Id, Map<RelationType, Map<Id, number>>>()
  const sheetOf = new Map<RelationType, string>()
  for (const sheet of sheets) {
    const source = sheet.source ?? sheet.relation
    const headerLine = sheet.headerLine ?? 1
    const issue = (line: number, field: string, reason: string) => issues.push({ source, line, field, reason })
    const relation = findRelation(sheet.relation)
    if (!relation || !survey.relations.includes(relation)) {
      issue(
        headerLine,
        'relation',
        `"${sheet.relation}" is not a relation of this survey; expected one of ${survey.relations.join(', ')}`,
      )
      continue
    }
    const before = sheetOf.get(relation)
    if (before !== undefined) {
      issue(headerLine, 'relation', `${relation} is also given in "${before}"`)
      continue
    }
    sheetOf.set(relation, source)
    const columns: (Id | null)[] = [null]
    const seenColumn = new Set<Id>()
    sheet.header.slice(1).forEach((h, k) => {
      const id = h.trim()
      const field = id || `column ${k + 2}`
      if (id === '') columns.push(null)
      else if (!roster.has(id)) {
        issue(headerLine, field, `actor "${id}" is not on the survey's roster`)
        columns.push(null)
      } else if (seenColumn.has(id)) {
        issue(headerLine, field, `actor "${id}" heads two columns`)
        columns.push(null)
      } else {
        seenColumn.add(id)
        columns.push(id)
      }
    })
    const seenRow = new Map<Id, number>()
    for (const row of sheet.rows) {
      const cells = row.cells.map((c) => c.trim())
      const respondent = cells[0] ?? ''
      if (cells.every((c) => c === '')) continue
      if (respondent === '') {
        issue(row.line, 'respondent', 'the first cell must name the respondent')
        continue
      }
      if (!roster.has(respondent)) {
        issue(row.line, 'respondent', `respondent "${respondent}" is not on the survey's roster`)
        continue
      }
      if (!respondents.has(respondent)) {
        issue(row.line, 'respondent', `"${respondent}" is on the roster but not a respondent of this survey`)
        continue
      }
      const first = seenRow.get(respondent)
      if (first !== undefined) {
        issue(row.line, 'respondent', `respondent "${respondent}" also on line ${first}`)
        continue
      }
      seenRow.set(respondent, row.line)
      for (let k = 1; k < cells.length; k++) {
        const raw = cells[k]!
        if (raw === '') continue
        const field = sheet.header[k]?.trim() || `column ${k + 1}`
        if (k >= columns.length || sheet.header[k]!.trim() === '') {
          issue(row.line, field, 'a value in a column without an actor id in the header')
          continue
        }
        // a column whose header was reported above, or the diagonal: nothing to read
        const target = columns[k]
        if (!target || target === respondent) continue
        const value = /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
        if (!Number.isInteger(value) || value < min || value > max) {
          issue(
            row.line,
            field,
            `expected a whole number from ${min} to ${max}, got ${Number.isNaN(value) ? `"${raw}"` : raw}`,
          )
          continue
        }
        let byRelation = ties.get(respondent)
        if (!byRelation) ties.set(respondent, (byRelation = new Map()))
        let values = byRelation.get(relation)
        if (!values) byRelation.set(relation, (values = new Map()))
        values.set(target, value)
      }
    }
  }
  const answers: Record<Id, Answers> = Object.fromEntries(
    [...ties].map(([respondent, byRelation]) => [
      respondent,
      {
        ties: Object.fromEntries([...byRelation].map(([r, values]) => [r, Object.fromEntries(values)])),
        attitudes: {},
      },
    ]),
  )
  return { answers, issues }
}

export interface AnswerRow {
  respondent: string
  relation: RelationType
  target: string
  value: number
}

export interface AttitudeRow {
  respondent: string
  item: AttitudeItem
  value: number
}

export interface ExportAnswersOptions {
  includeInProgress?: boolean
  /** Replace ids by stable aliases keyed by a secret salt (both by default; the same id gets the same alias in both). */
  pseudonymise?: { salt: string; respondents?: boolean; targets?: boolean } | null
}

/**
 * Raw answers as rows (respondent, relation, target, value) and (respondent, item, value), for
 * researchers: answered cells only, relations in survey order, targets in roster order. With
 * `pseudonymise`, ids become aliases and rows are sorted by alias, so their order tells nothing.
 *
 * @example
 * exportAnswers(survey, responses, { pseudonymise: { salt: secret } }).ties[0] // { respondent: 'P1a2b…', … }
 */
export function exportAnswers(
  survey: Pick<Survey, 'relations' | 'rosterIds'>,
  responses: readonly SurveyAnswerSet[],
  opts: ExportAnswersOptions = {},
): { ties: AnswerRow[]; attitudes: AttitudeRow[]; pseudonymised: boolean } {
  const p = opts.pseudonymise ?? null
  const aliases = new Map<Id, string>()
  const alias = (id: Id): string => {
    let a = aliases.get(id)
    if (a === undefined) aliases.set(id, (a = pseudonym(id, p!.salt)))
    return a
  }
  if (p) {
    // an alias collision would merge two actors: check the whole id set once
    const ids = new Set([...survey.rosterIds, ...responses.map((r) => r.respondentId)])
    const seen = new Map<string, Id>()
    for (const id of ids) {
      const a = alias(id)
      if (seen.has(a)) throw new Error(`pseudonym collision between "${seen.get(a)}" and "${id}"`)
      seen.set(a, id)
    }
  }
  const who = (id: Id) => (p && p.respondents !== false ? alias(id) : id)
  const whom = (id: Id) => (p && p.targets !== false ? alias(id) : id)
  const rank = new Map(survey.rosterIds.map((id, k) => [id, k]))
  const used = responses.filter(
    (r) => r.status === 'submitted' || (opts.includeInProgress === true && r.status === 'in_progress'),
  )
  const ties: AnswerRow[] = []
  const attitudes: AttitudeRow[] = []
  for (const r of used) {
    const respondent = who(r.respondentId)
    for (const relation of survey.relations) {
      const row = r.answers.ties[relation] ?? {}
      const targets = Object.keys(row).sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity))
      for (const t of targets) ties.push({ respondent, relation, target: whom(t), value: row[t]! })
    }
    for (const item of ATTITUDE_ITEM_CODES) {
      const v = r.answers.attitudes[item]
      if (v !== undefined) attitudes.push({ respondent, item, value: v })
    }
  }
  if (p) {
    const relRank = (x: RelationType) => survey.relations.indexOf(x)
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    ties.sort(
      (a, b) =>
        cmp(a.respondent, b.respondent) ||
        relRank(a.relation) - relRank(b.relation) ||
        (p.targets !== false ? cmp(a.target, b.target) : 0),
    )
    attitudes.sort((a, b) => cmp(a.respondent, b.respondent))
  }
  return { ties, attitudes, pseudonymised: p !== null }
}

/**
 * A stable alias for an id: "P" and the first 12 hex digits of HMAC-SHA-256(salt, id). Without
 * the salt the alias cannot be traced back, even though the roster is short; keep the salt
 * secret and the same across waves to link them.
 *
 * @example
 * pseudonym('rc', 'a long secret') // 'P' + 12 hex digits, the same on every call
 */
export function pseudonym(id: string, salt: string): string {
  if (salt.length < 8) throw new RangeError('pseudonymise.salt: use a secret of at least 8 characters')
  return `P${toHex(hmacSha256(utf8(salt), utf8(id))).slice(0, 12)}`
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

/** Lower-case hex digits of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const x of bytes) s += x.toString(16).padStart(2, '0')
  return s
}

// SHA-256 (FIPS 180-4): initial hash = fractional parts of the square roots of the first 8 primes,
// round constants = those of the cube roots of the first 64 primes.
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const rotr = (x: number, k: number): number => (x >>> k) | (x << (32 - k))

/** SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): Uint8Array {
  const len = bytes.length
  const size = (((len + 9 + 63) / 64) | 0) * 64
  const m = new Uint8Array(size)
  m.set(bytes)
  m[len] = 0x80
  const dv = new DataView(m.buffer)
  dv.setUint32(size - 8, Math.floor(len / 0x20000000))
  dv.setUint32(size - 4, (len << 3) >>> 0)
  const h = H0.slice()
  const w = new Uint32Array(64)
  for (let off = 0; off < size; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = dv.getUint32(off + 4 * t)
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!
      const y = w[t - 2]!
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number]
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) >>> 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] = (h[0]! + a) >>> 0
    h[1] = (h[1]! + b) >>> 0
    h[2] = (h[2]! + c) >>> 0
    h[3] = (h[3]! + d) >>> 0
    h[4] = (h[4]! + e) >>> 0
    h[5] = (h[5]! + f) >>> 0
    h[6] = (h[6]! + g) >>> 0
    h[7] = (h[7]! + hh) >>> 0
  }
  const out = new Uint8Array(32)
  const ov = new DataView(out.buffer)
  for (let k = 0; k < 8; k++) ov.setUint32(4 * k, h[k]!)
  return out
}

/** HMAC-SHA-256 (RFC 2104) of a message under a key. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k0 = new Uint8Array(64)
  k0.set(key.length > 64 ? sha256(key) : key)
  const inner = new Uint8Array(64 + message.length)
  const outer = new Uint8Array(64 + 32)
  for (let i = 0; i < 64; i++) {
    inner[i] = k0[i]! ^ 0x36
    outer[i] = k0[i]! ^ 0x5c
  }
  inner.set(message, 64)
  outer.set(sha256(inner), 64)
  return sha256(outer)
}
