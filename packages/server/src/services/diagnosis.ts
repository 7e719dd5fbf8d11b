// The diagnosis and the reports as operations: shared by the HTTP routes and the `cosafe diagnose` / `cosafe report` commands.
//
// The store is read here, on the caller's thread (it is I/O); the evaluation, the what-ifs, the
// layout and the rendering run in a worker thread (diagnosisWorker.ts) through the same pool as
// the analyses, so that a large community or a street of them does not hold up other requests.
// A community is diagnosed with its previous period (same length; the calendar period before for
// a year, quarter or month) as the 'previous' basis and the other communities of its street in the
// same period as the 'peer' basis.

import {
  aggregateSurvey,
  localDay,
  mattersForDiagnosis,
  previousPeriod,
  summariseDiagnosis,
  type Account,
  type Actor,
  type CommunityRecords,
  type Diagnosis,
  type DiagnosisInputs,
  type DiagnosisSummary,
  type Id,
  type ReportLang,
  type SizeMeasure,
  type Territory,
} from '@cosafe/core'
import type { RenderedReport, ReportFormat } from '@cosafe/report'
import type { FormatName } from '@cosafe/sna'
import type { Store } from '@cosafe/store'
import { viewActor } from '../access.js'
import { runWorker, WorkerError } from '../analysis.js'
import type { CompareResult, DiagnoseResult, DiagnosisJob, ResearchResult } from '../diagnosisWorker.js'
import { HttpError, notFound } from '../errors.js'
import { matterRecordTies } from './matters.js'

export interface Period {
  from: string
  to: string
}

const ALL = { limit: 10_000_000 }

/** Everything stored about one community that a diagnosis of any of its periods reads. */
export interface CommunityData {
  community: Territory
  records: CommunityRecords & { responsibilities: NonNullable<DiagnosisInputs['records']>['responsibilities'] }
  matters: Awaited<ReturnType<Store['matters']['list']>>
  surveys: Awaited<ReturnType<Store['surveys']['list']>>
}

/**
 * Loads a community's records (with the ties its safety matters make), responsibilities, matters
 * and surveys. With `pseudonymise` (researchers), individuals appear under their alias.
 */
export async function loadCommunity(
  store: Store,
  community: Territory,
  opts: { pseudonymise?: boolean } = {},
): Promise<CommunityData> {
  const id = community.id
  const [stored, activities, ties, responsibilities, matters, surveys] = await Promise.all([
    store.actors.list(id, ALL),
    store.activities.list(id, ALL),
    store.ties.list(id, ALL),
    store.responsibilities.list(id, ALL),
    store.matters.list(id, {}, ALL),
    store.surveys.list(id),
  ])
  const researcher = { role: 'researcher' } as Account
  const actors: Actor[] = opts.pseudonymise ? stored.map((a) => viewActor(researcher, a)) : stored
  const matterTies = await matterRecordTies(store, id, stored)
  return {
    community,
    records: { actors, activities, ties: [...ties, ...matterTies], responsibilities },
    matters,
    surveys,
  }
}

/** The latest day any record of the community falls on (activities, ties, matters), or null. */
export function lastRecordDay(data: CommunityData): string | null {
  let last: string | null = null
  const see = (d: string | null | undefined) => {
    if (d && (last === null || d > last)) last = d
  }
  for (const a of data.records.activities) see(a.start.slice(0, 10))
  for (const t of data.records.ties) see(t.to ?? t.date ?? t.from ?? null)
  for (const m of data.matters) see(localDay(m.receivedAt))
  return last
}

/**
 * The period diagnosed when none is named: the twelve months up to the community's latest record
 * (up to `today` when it has none).
 */
export function defaultPeriod(data: CommunityData, today: string): Period {
  const to = lastRecordDay(data) ?? today
  const y = Number(to.slice(0, 4)) - 1
  const next = new Date(Date.UTC(y, Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)) + 1))
  return { from: next.toISOString().slice(0, 10), to }
}

const inPeriod = (day: string, p: Period) => day >= p.from && day <= p.to

/**
 * The diagnosis inputs of a community for a period: its records (the engine filters them by the
 * period), the attitudes and response rate of the latest survey closed in the period, the safety
 * matters received in the period (judged at `now`).
 */
export async function inputsFor(
  store: Store,
  data: CommunityData,
  period: Period,
  now: string,
): Promise<{ inputs: DiagnosisInputs; survey: { id: string; title: string; responseRate: number } | null }> {
  const closed = data.surveys
    .filter((s) => s.status === 'closed' && inPeriod(localDay(s.updatedAt), period))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
  let survey: DiagnosisInputs['survey']
  let used: { id: string; title: string; responseRate: number } | null = null
  if (closed) {
    const responses = await store.surveys.responses(data.community.id, closed.id)
    const a = aggregateSurvey(closed, responses, { actors: data.records.actors })
    survey = { attitudes: a.attitudes, responseRate: a.responseRate }
    used = { id: closed.id, title: closed.title, responseRate: a.responseRate }
  }
  const matters = data.matters.filter((m) => inPeriod(localDay(m.receivedAt), period))
  return {
    inputs: {
      records: data.records,
      period,
      ...(survey ? { survey } : {}),
      ...(matters.length
        ? {
            matters: mattersForDiagnosis(
              matters.map((matter) => ({ matter })),
              { now },
            ),
          }
        : {}),
    },
    survey: used,
  }
}

/** The other communities of the community's street (its territory parent). */
export async function streetPeers(store: Store, community: Territory): Promise<Territory[]> {
  if (!community.parentId) return []
  return (await store.territories.communitiesUnder(community.parentId)).filter(
    (c) => c.id !== community.id && c.level === 'community',
  )
}

export interface CommunityDiagnosis {
  community: { id: string; code: string; nameZh: string; nameEn: string | null }
  period: Period
  previousPeriod: Period
  /** Communities whose values formed the peer basis. */
  peers: string[]
  /** The closed survey whose attitudes went in, if any. */
  survey: { id: string; title: string; responseRate: number } | null
  diagnosis: Diagnosis
  previous: Diagnosis
  summary: DiagnosisSummary
  report: RenderedReport | null
}

export interface DiagnoseOptions {
  period?: Period
  /** ISO time: matters' deadlines are judged at it, and the default period ends no later than its day when nothing is recorded. */
  now: string
  pseudonymise?: boolean
  report?: {
    format: ReportFormat
    lang: ReportLang
    sizeBy?: SizeMeasure
  }
}

/** Runs a worker job, turning the worker's errors back into what the caller understands. */
async function work<T>(job: DiagnosisJob): Promise<T> {
  try {
    return await runWorker<T>('diagnosisWorker', job)
  } catch (e) {
    if (e instanceof WorkerError && e.name === 'RangeError') throw new HttpError(400, 'VALIDATION', e.message)
    throw e
  }
}

/** A community diagnosed (and reported, when asked) for a period, against its previous period and its street. */
export async function diagnoseCommunity(
  store: Store,
  community: Territory,
  opts: DiagnoseOptions,
): Promise<CommunityDiagnosis> {
  const data = await loadCommunity(store, community, { pseudonymise: opts.pseudonymise })
  const period = opts.period ?? defaultPeriod(data, localDay(opts.now))
  const before = previousPeriod(period)
  const target = await inputsFor(store, data, period, opts.now)
  const previous = await inputsFor(store, data, before, opts.now)
  const peerTerritories = await streetPeers(store, community)
  const peers: DiagnosisInputs[] = []
  for (const p of peerTerritories)
    peers.push((await inputsFor(store, await loadCommunity(store, p), period, opts.now)).inputs)
  const r = opts.report
  const result = await work<DiagnoseResult>({
    kind: 'diagnose',
    target: target.inputs,
    previous: previous.inputs,
    peers,
    ...(r
      ? {
          report: {
            format: r.format,
            lang: r.lang,
            sizeBy: r.sizeBy,
            community: { id: community.id, name: community.nameZh, nameEn: community.nameEn },
            period,
            method: {
              dataSources: dataSources(data, target.survey !== null, peers.length),
              surveyResponseRate: target.survey?.responseRate ?? null,
            },
            generatedAt: opts.now,
            actors: data.records.actors,
          },
        }
      : {}),
  })
  return {
    community: { id: community.id, code: community.code, nameZh: community.nameZh, nameEn: community.nameEn },
    period,
    previousPeriod: { from: before.from, to: before.to },
    peers: peerTerritories.map((p) => p.id),
    survey: target.survey,
    diagnosis: result.diagnosis,
    previous: result.previous!,
    summary: summariseDiagnosis(result.diagnosis),
    report: result.report,
  }
}

function dataSources(data: CommunityData, survey: boolean, peers: number): { zh: string; en: string }[] {
  const out = [
    { zh: '主体、活动与关系记录', en: 'records of actors, activities and ties' },
    { zh: '职责清单（设计网络）', en: 'responsibilities (the designed network)' },
  ]
  if (data.matters.length)
    out.push({ zh: '安全事项（接诉即办、网格案件、吹哨）', en: 'safety matters (12345 orders, grid cases, whistles)' })
  if (survey) out.push({ zh: '关系问卷（态度题）', en: 'relational survey (attitude items)' })
  out.push({ zh: '上一时期的诊断（比较基准）', en: 'the previous period’s diagnosis (comparison basis)' })
  if (peers)
    out.push({
      zh: `同街道其他 ${peers} 个社区（同期比较）`,
      en: `the street’s ${peers} other communities (peer comparison)`,
    })
  return out
}

export interface TerritoryComparison {
  territory: { id: string; level: string; nameZh: string; nameEn: string | null }
  period: Period
  communities: { id: string; code: string; nameZh: string; nameEn: string | null; fired: number }[]
  rules: CompareResult['comparison']
}

/**
 * The communities under a street or district (those `visible`), each diagnosed for the period
 * against the others, ranked per rule with percentiles.
 */
export async function compareTerritory(
  store: Store,
  territory: Territory,
  opts: { period?: Period; now: string; visible?: (c: Territory) => boolean | Promise<boolean> },
): Promise<TerritoryComparison> {
  const under = territory.level === 'community' ? [territory] : await store.territories.communitiesUnder(territory.id)
  const communities: Territory[] = []
  for (const c of under) if (c.level === 'community' && (!opts.visible || (await opts.visible(c)))) communities.push(c)
  const loaded = await Promise.all(communities.map((c) => loadCommunity(store, c)))
  // one period for all: the one named, else the twelve months up to the latest record of any of them
  const period =
    opts.period ??
    defaultPeriod(
      {
        community: territory,
        records: {
          actors: [],
          activities: loaded.flatMap((d) => d.records.activities),
          ties: loaded.flatMap((d) => d.records.ties),
          responsibilities: [],
        },
        matters: loaded.flatMap((d) => d.matters),
        surveys: [],
      },
      localDay(opts.now),
    )
  const list: { community: string; inputs: DiagnosisInputs }[] = []
  for (const d of loaded)
    list.push({ community: d.community.id, inputs: (await inputsFor(store, d, period, opts.now)).inputs })
  const result = list.length ? await work<CompareResult>({ kind: 'compare', list }) : { diagnoses: [], comparison: [] }
  return {
    territory: { id: territory.id, level: territory.level, nameZh: territory.nameZh, nameEn: territory.nameEn },
    period,
    communities: communities.map((c) => ({
      id: c.id,
      code: c.code,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      fired:
        result.diagnoses.find((d) => d.community === c.id)?.diagnosis.findings.filter((f) => f.status === 'fired')
          .length ?? 0,
    })),
    rules: result.comparison,
  }
}

/**
 * A network file (any format sna reads) diagnosed by the structural rules when its nodes carry a
 * sector, and its research report rendered when `report` names a format. A file sna cannot read
 * is a 400 naming the line, the field and the reason.
 */
export async function researchFile(
  bytes: Uint8Array,
  opts: {
    source: string
    format?: FormatName
    lang: ReportLang
    sizeBy?: SizeMeasure
    report?: ReportFormat
    now: string
  },
): Promise<ResearchResult> {
  if (bytes.length === 0) throw new HttpError(400, 'EMPTY', 'the file is empty: send a network file as the body')
  try {
    return await work<ResearchResult>({
      kind: 'research',
      bytes,
      source: opts.source,
      format: opts.format,
      lang: opts.lang,
      sizeBy: opts.sizeBy,
      report: opts.report,
      generatedAt: opts.now,
    })
  } catch (e) {
    if (e instanceof WorkerError && e.name === 'ParseError') {
      const where = (e.fields.where ?? {}) as { line?: number; field?: string; source?: string }
      throw new HttpError(400, 'FORMAT', `the file could not be read: ${e.message}`, [
        {
          ...(where.line !== undefined ? { line: where.line } : {}),
          field: where.field ?? String(e.fields.code ?? 'file'),
          reason: String(e.fields.detail ?? e.message),
        },
      ])
    }
    throw e
  }
}

/** A community for the command line: 400-style errors become the CLI's usage errors there. */
export async function communityById(store: Store, id: Id): Promise<Territory> {
  const t = await store.territories.get(id)
  if (!t || t.level !== 'community') throw notFound(`no community "${id}" in the database`)
  return t
}
