// Relational surveys as operations: shared by the HTTP routes and the `cosafe survey` command.
//
// Each operation checks what it needs, writes through the store (audited) and throws HttpError
// for anything the caller got wrong, so both front ends answer alike.

import { randomBytes } from 'node:crypto'
import {
  aggregateSurvey,
  exportAnswers,
  importRosterMatrices,
  SurveyInput,
  type Id,
  type MatrixSheet,
  type MissingMethod,
  type Survey,
  type SurveyAggregate,
  type SymmetrizeRule,
} from '@cosafe/core'
import type { Store, WriteContext } from '@cosafe/store'
import { HttpError, notFound, type Issue } from '../errors.js'
import { tokenHash } from '../routes/answers.js'

/** New personal links for respondents: the tokens (shown once) and their hashes (stored). */
export function newLinks(respondentIds: readonly string[]): {
  tokens: Record<string, string>
  hashes: Record<string, string>
} {
  const tokens: Record<string, string> = {}
  const hashes: Record<string, string> = {}
  for (const id of respondentIds) {
    tokens[id] = randomBytes(32).toString('base64url')
    hashes[id] = tokenHash(tokens[id])
  }
  return { tokens, hashes }
}

export interface Link {
  respondentId: Id
  /** The answer page, relative to the server's address. */
  link: string
}

const links = (tokens: Record<string, string>): Link[] =>
  Object.entries(tokens).map(([respondentId, token]) => ({ respondentId, link: `/s/${token}` }))

/** Checks the roster against the community's actors (400 naming each unknown one). */
async function checkRoster(store: Store, communityId: string, input: SurveyInput): Promise<void> {
  const known = new Set((await store.actors.list(communityId, { limit: 1_000_000 })).map((a) => a.id))
  const issues: Issue[] = input.rosterIds
    .map((id, k) => [id, k] as const)
    .filter(([id]) => !known.has(id))
    .map(([id, k]) => ({ field: `body.rosterIds.${k}`, reason: `no actor "${id}" in this community` }))
  if (issues.length)
    throw new HttpError(400, 'REFERENCE', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
}

export async function loadSurvey(store: Store, communityId: string, id: string): Promise<Survey> {
  const s = await store.surveys.get(communityId, id)
  if (!s) throw notFound(`no survey "${id}" in this community`)
  return s
}

/** A survey with its response summary (who has answered), as staff see it. */
export async function withProgress(store: Store, survey: Survey) {
  const responses = await store.surveys.responses(survey.communityId, survey.id)
  const submitted = responses.filter((r) => r.status === 'submitted').length
  return {
    ...survey,
    progress: {
      respondents: responses.length,
      submitted,
      inProgress: responses.filter((r) => r.status === 'in_progress').length,
      responseRate: responses.length ? submitted / responses.length : 0,
    },
    responses: responses.map((r) => ({
      respondentId: r.respondentId,
      status: r.status,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
      remindedAt: r.remindedAt,
      reminders: r.reminders,
    })),
  }
}

export async function createSurvey(store: Store, ctx: WriteContext, communityId: string, input: SurveyInput) {
  await checkRoster(store, communityId, input)
  const { tokens, hashes } = newLinks(input.respondentIds ?? input.rosterIds)
  const survey = await store.surveys.create(ctx, communityId, input, hashes)
  return { survey: await withProgress(store, survey), links: links(tokens) }
}

export type Transition = 'open' | 'close' | 'reopen'
const TRANSITIONS: Record<Transition, { from: Survey['status'][]; to: Survey['status'] }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
}

export async function transition(store: Store, ctx: WriteContext, communityId: string, id: string, action: Transition) {
  const s = await loadSurvey(store, communityId, id)
  const t = TRANSITIONS[action]
  if (!t.from.includes(s.status))
    throw new HttpError(
      409,
      'STATUS',
      `a ${s.status} survey cannot be ${action === 'close' ? 'closed' : `${action}ed`}`,
    )
  return withProgress(store, (await store.surveys.setStatus(ctx, communityId, s.id, t.to))!)
}

/** Where reminders go: an in-app notice today; SMS or e-mail can be plugged in behind this. */
export interface Notifier {
  remind(survey: Survey, respondentId: string): Promise<void>
}

export async function remind(
  store: Store,
  ctx: WriteContext,
  communityId: string,
  id: string,
  respondentIds: readonly string[] | undefined,
  notifier: Notifier,
): Promise<{ reminded: string[] }> {
  const s = await loadSurvey(store, communityId, id)
  if (s.status !== 'open')
    throw new HttpError(409, 'STATUS', `only an open survey sends reminders; this one is ${s.status}`)
  const responses = await store.surveys.responses(communityId, s.id)
  const wanted = respondentIds ? new Set(respondentIds) : null
  const unknown = [...(wanted ?? [])].filter((r) => !responses.some((x) => x.respondentId === r))
  if (unknown.length)
    throw new HttpError(
      400,
      'REFERENCE',
      `not respondents of this survey: ${unknown.join(', ')}`,
      unknown.map((r) => ({ field: 'body.respondentIds', reason: `"${r}" is not a respondent` })),
    )
  const reminded: string[] = []
  for (const x of responses) {
    if (x.status === 'submitted' || (wanted && !wanted.has(x.respondentId))) continue
    await store.surveys.remind(ctx, communityId, s.id, x.respondentId)
    await notifier.remind(s, x.respondentId)
    reminded.push(x.respondentId)
  }
  return { reminded }
}

export async function resetLink(
  store: Store,
  ctx: WriteContext,
  communityId: string,
  id: string,
  respondentId: string,
) {
  const s = await loadSurvey(store, communityId, id)
  const { tokens, hashes } = newLinks([respondentId])
  if (!(await store.surveys.resetToken(ctx, communityId, s.id, respondentId, hashes[respondentId]!)))
    throw notFound(`"${respondentId}" is not a respondent of this survey`)
  return { links: links(tokens) }
}

/** The next wave: the same design as a new draft survey with new links. */
export async function nextWave(
  store: Store,
  ctx: WriteContext,
  communityId: string,
  id: string,
  opts: { deadline?: string | null; title?: string },
) {
  const s = await loadSurvey(store, communityId, id)
  const same = (await store.surveys.list(communityId)).filter((x) => x.title === s.title)
  const input: SurveyInput = {
    title: opts.title ?? s.title,
    relations: s.relations,
    scale: s.scale,
    attitudes: s.attitudes,
    rosterIds: s.rosterIds,
    respondentIds: s.respondentIds,
    deadline: opts.deadline ?? null,
    wave: Math.max(s.wave, ...same.map((x) => x.wave)) + 1,
  }
  return createSurvey(store, ctx, communityId, input)
}

// ---------------------------------------------------------------------------------------------
// Data: the survey's network, imported matrices, raw answers

/** The survey's network with the aggregation choices, response rate and flags. */
export async function surveyNetwork(
  store: Store,
  communityId: string,
  id: string,
  opts: { rule?: SymmetrizeRule; missing?: MissingMethod; includeInProgress?: boolean },
) {
  const survey = await loadSurvey(store, communityId, id)
  const responses = await store.surveys.responses(communityId, survey.id)
  const actors = await store.actors.list(communityId, { limit: 1_000_000 })
  try {
    return { survey, aggregate: aggregateSurvey(survey, responses, { ...opts, actors }) }
  } catch (e) {
    if (e instanceof RangeError) throw new HttpError(400, 'BAD_REQUEST', e.message)
    throw e
  }
}

/** What travels with a survey network: the choices, the response rate and what is flagged. */
export function aggregateSummary(a: SurveyAggregate) {
  return {
    rule: a.rule,
    missing: a.missing,
    includeInProgress: a.includeInProgress,
    responseRate: a.responseRate,
    counts: a.counts,
    nonRespondents: a.nonRespondents,
    attitudes: a.attitudes,
    relations: a.relations.map((r) => ({
      relation: r.relation,
      ties: r.ties.length,
      reconstructedTies: r.flags.reconstructedTies.length,
      dyadsWithOneReport: r.flags.dyadsWithOneReport.length,
      unresolved: r.flags.unresolved.length,
      flags: r.flags,
    })),
  }
}

/**
 * Stores answers read from roster matrices as submitted responses (replacing what those
 * respondents had), all or none; every problem comes back with its sheet, line and field.
 */
export async function importMatrices(
  store: Store,
  ctx: WriteContext,
  communityId: string,
  id: string,
  sheets: readonly MatrixSheet[],
): Promise<{ imported: string[] }> {
  const survey = await loadSurvey(store, communityId, id)
  const { answers, issues } = importRosterMatrices(survey, sheets)
  if (issues.length)
    throw new HttpError(
      400,
      'IMPORT_REJECTED',
      `nothing was imported: ${issues.length} problem${issues.length > 1 ? 's' : ''} (first: ${issues[0]!.source} line ${issues[0]!.line}, ${issues[0]!.field}: ${issues[0]!.reason})`,
      issues.map((i) => ({ line: i.line, field: `${i.source}: ${i.field}`, reason: i.reason })),
    )
  const ids = Object.keys(answers)
  await store.transaction(async (tx) => {
    for (const respondent of ids)
      await tx.surveys.saveAnswers(ctx, communityId, survey.id, respondent, answers[respondent]!, true)
  })
  return { imported: ids }
}

/** Raw answers; pseudonymised (stable aliases keyed by a per-survey secret) when asked or for researchers. */
export async function rawAnswers(store: Store, communityId: string, id: string, pseudonymise: boolean) {
  const survey = await loadSurvey(store, communityId, id)
  const responses = await store.surveys.responses(communityId, survey.id)
  const salt = `${process.env.COSAFE_PSEUDONYM_SECRET ?? 'cosafe'}:${survey.id}:${survey.createdAt}`
  return exportAnswers(survey, responses, { pseudonymise: pseudonymise ? { salt } : null })
}
