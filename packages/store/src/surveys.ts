// surveys: relational surveys of a community, and survey_responses: one row per respondent, reached by a link token.
//
// The roster is JSON in the survey row, in the order given; no foreign key can hold a list, so the
// store checks it against the community's actors on create and keeps a rostered actor from being
// deleted (actors.ts asks rosterSurveys). Respondents are rows of survey_responses, which refer to
// actors through (community_id, respondent_id) and go with their survey (on delete cascade).
//
// Answers are confidential: audit entries of responses hold the status and how many questions are
// answered, never the values, and never a token hash.

import {
  DEFAULT_SCALE,
  type Answers,
  type RelationType,
  type ResponseStatus,
  type Scale,
  type Survey,
  type SurveyInput,
  type SurveyResponse,
  type SurveyStatus,
} from '@cosafe/core'
import { StoreError, type SurveyRepository, type WriteContext } from './api.js'
import { fieldOf, type Violation } from './errors.js'
import {
  describeMissing,
  fromJson,
  missingReference,
  newId,
  now,
  writeAudit,
  writeAudits,
  type AuditWrite,
  type Reference,
  type Runner,
} from './internal.js'
import type { Db, SurveyResponseRow, SurveyRow } from './schema.js'

/** The scale as stored: known keys only, the schema's default when a caller did not parse its input. */
function scaleOf(s: Scale | undefined): Scale {
  const x = s ?? DEFAULT_SCALE
  return { min: x.min, max: x.max, ...(x.labels ? { labels: x.labels.map((l) => ({ zh: l.zh, en: l.en })) } : {}) }
}

const answersOf = (a: Partial<Answers> | undefined): Answers => ({ ties: a?.ties ?? {}, attitudes: a?.attitudes ?? {} })

const EMPTY_ANSWERS = JSON.stringify(answersOf(undefined))

const fromRow = (r: SurveyRow): Survey => ({
  id: r.id,
  communityId: r.community_id,
  title: r.title,
  relations: fromJson<RelationType[]>(r.relations),
  scale: fromJson<Scale>(r.scale),
  attitudes: Number(r.attitudes) === 1,
  rosterIds: fromJson<string[]>(r.roster),
  respondentIds: fromJson<string[]>(r.respondents),
  deadline: r.deadline,
  wave: Number(r.wave),
  status: r.status as SurveyStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const responseFromRow = (r: SurveyResponseRow): SurveyResponse => ({
  surveyId: r.survey_id,
  communityId: r.community_id,
  respondentId: r.respondent_id,
  status: r.status as ResponseStatus,
  answers: fromJson<Answers>(r.answers),
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  remindedAt: r.reminded_at,
  reminders: Number(r.reminders),
})

/** What the audit log keeps of a response: its status and counts, never the answers' values. */
function summary(r: SurveyResponseRow) {
  const a = fromJson<Answers>(r.answers)
  return {
    status: r.status as ResponseStatus,
    answered: {
      ties: Object.values(a.ties).reduce((n, row) => n + Object.keys(row).length, 0),
      attitudes: Object.keys(a.attitudes).length,
    },
    reminders: Number(r.reminders),
  }
}

const responseEntityId = (surveyId: string, respondentId: string) => `${surveyId}:${respondentId}`

const findSurvey = (db: Db, communityId: string, id: string) =>
  db.selectFrom('surveys').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst()

const findResponse = (db: Db, communityId: string, surveyId: string, respondentId: string) =>
  db
    .selectFrom('survey_responses')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('survey_id', '=', surveyId)
    .where('respondent_id', '=', respondentId)
    .executeTakeFirst()

/** The surveys of a community whose roster names an actor, oldest first (what keeps the actor from being deleted). */
export async function rosterSurveys(
  db: Db,
  communityId: string,
  actorId: string,
): Promise<{ id: string; title: string }[]> {
  const rows = await db
    .selectFrom('surveys')
    .select(['id', 'title', 'roster'])
    .where('community_id', '=', communityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.filter((r) => fromJson<string[]>(r.roster).includes(actorId)).map((r) => ({ id: r.id, title: r.title }))
}

export function surveyRepository(run: Runner): SurveyRepository {
  /**
   * Constraint violations of survey writes: a taken id or link token; or a reference that the
   * checks before the write did not catch (an actor deleted meanwhile by another transaction).
   */
  const onViolation =
    (what: string, communityId: string, refs: readonly Reference[] = []) =>
    async (db: Db, v: Violation): Promise<Error> => {
      const field = fieldOf(v.columns)
      if (v.kind === 'unique' && field === 'tokenHash')
        return new StoreError('E_DUPLICATE', `${what}: this link token is already in use`, 'tokenHash')
      if (v.kind === 'unique')
        return new StoreError(
          'E_DUPLICATE',
          `${what}: community "${communityId}" already has one with this ${field ?? 'id'}`,
          field ?? 'id',
        )
      const missing = await missingReference(db, communityId, refs)
      return new StoreError(
        'E_REFERENCE',
        `${what}: ${missing ? describeMissing(missing, communityId) : 'refers to a record that does not exist'}`,
        missing?.field ?? field,
      )
    }

  const responseWrite = (
    ctx: WriteContext,
    at: string,
    action: AuditWrite['action'],
    old: SurveyResponseRow | null,
    row: SurveyResponseRow | null,
    extra: Record<string, unknown> = {},
  ): AuditWrite => {
    const r = (row ?? old)!
    return {
      communityId: r.community_id,
      at,
      accountId: ctx.accountId,
      action,
      entity: 'response',
      entityId: responseEntityId(r.survey_id, r.respondent_id),
      before: old && summary(old),
      after: row && { ...summary(row), ...extra },
    }
  }

  return {
    list: (communityId) =>
      run.read(async (db) =>
        (
          await db
            .selectFrom('surveys')
            .selectAll()
            .where('community_id', '=', communityId)
            .orderBy('created_at')
            .orderBy('id')
            .execute()
        ).map(fromRow),
      ),

    get: (communityId, id) => run.read(async (db) => ((r) => r && fromRow(r))(await findSurvey(db, communityId, id))),

    create: async (ctx, communityId, input: SurveyInput, tokenHashes, id = newId()) => {
      const at = now()
      const rosterIds = [...input.rosterIds]
      const respondentIds = [...(input.respondentIds ?? input.rosterIds)]
      const hashOf = (r: string) =>
        Object.hasOwn(tokenHashes, r) && typeof tokenHashes[r] === 'string' && tokenHashes[r] !== ''
          ? tokenHashes[r]
          : undefined
      const unhashed = respondentIds.find((r) => hashOf(r) === undefined)
      if (unhashed !== undefined)
        throw new TypeError(`survey "${id}": tokenHashes: no link token hash for respondent "${unhashed}"`)
      const row: SurveyRow = {
        community_id: communityId,
        id,
        title: input.title,
        relations: JSON.stringify(input.relations),
        scale: JSON.stringify(scaleOf(input.scale)),
        attitudes: input.attitudes ? 1 : 0,
        roster: JSON.stringify(rosterIds),
        respondents: JSON.stringify(respondentIds),
        deadline: input.deadline ?? null,
        wave: input.wave ?? 1,
        status: 'draft',
        created_at: at,
        updated_at: at,
      }
      const responses = respondentIds.map((respondentId): SurveyResponseRow => ({
        community_id: communityId,
        survey_id: id,
        respondent_id: respondentId,
        token_hash: hashOf(respondentId)!,
        status: 'not_started',
        answers: EMPTY_ANSWERS,
        updated_at: null,
        submitted_at: null,
        reminded_at: null,
        reminders: 0,
      }))
      const record = fromRow(row)
      const refs: Reference[] = [
        { field: 'communityId', to: 'territory', id: communityId },
        ...rosterIds.map((a, k): Reference => ({ field: `rosterIds.${k}`, to: 'actor', id: a })),
        ...respondentIds.map((a, k): Reference => ({ field: `respondentIds.${k}`, to: 'actor', id: a })),
      ]
      return run.write(
        async (db) => {
          // No foreign key holds the roster (a JSON list): check it, and the respondents, here.
          const missing = await missingReference(db, communityId, refs)
          if (missing)
            throw new StoreError(
              'E_REFERENCE',
              `survey "${id}": ${describeMissing(missing, communityId)}`,
              missing.field,
            )
          const roster = new Set(rosterIds)
          const outside = respondentIds.findIndex((r) => !roster.has(r))
          if (outside >= 0)
            throw new StoreError(
              'E_REFERENCE',
              `survey "${id}": respondentIds.${outside}: "${respondentIds[outside]}" is not on the roster`,
              `respondentIds.${outside}`,
            )
          await db.insertInto('surveys').values(row).execute()
          // A few hundred rows per statement (10 parameters each) stays far below either database's limit.
          for (let i = 0; i < responses.length; i += 500)
            await db
              .insertInto('survey_responses')
              .values(responses.slice(i, i + 500))
              .execute()
          await writeAudits(db, [
            {
              communityId,
              at,
              accountId: ctx.accountId,
              action: 'create',
              entity: 'survey',
              entityId: id,
              before: null,
              after: record,
            },
            ...responses.map((r) => responseWrite(ctx, at, 'create', null, r)),
          ])
          return record
        },
        onViolation(`survey "${id}"`, communityId, refs),
      )
    },

    setStatus: (ctx, communityId, id, status) =>
      run.write(
        async (db) => {
          const old = await findSurvey(db, communityId, id)
          if (!old) return undefined
          if (old.status === status) return fromRow(old)
          const at = now()
          await db
            .updateTable('surveys')
            .set({ status, updated_at: at })
            .where('community_id', '=', communityId)
            .where('id', '=', id)
            .execute()
          const record = fromRow({ ...old, status, updated_at: at })
          await writeAudit(db, {
            communityId,
            at,
            accountId: ctx.accountId,
            action: 'update',
            entity: 'survey',
            entityId: id,
            before: fromRow(old),
            after: record,
          })
          return record
        },
        onViolation(`survey "${id}"`, communityId),
      ),

    delete: (ctx, communityId, id) =>
      run.write(
        async (db) => {
          const old = await findSurvey(db, communityId, id)
          if (!old) return false
          const responses = await db
            .selectFrom('survey_responses')
            .selectAll()
            .where('community_id', '=', communityId)
            .where('survey_id', '=', id)
            .execute()
          // The responses go with it (on delete cascade).
          await db.deleteFrom('surveys').where('community_id', '=', communityId).where('id', '=', id).execute()
          const at = now()
          const order = new Map(fromJson<string[]>(old.respondents).map((r, k) => [r, k]))
          responses.sort((a, b) => (order.get(a.respondent_id) ?? 0) - (order.get(b.respondent_id) ?? 0))
          await writeAudits(db, [
            ...responses.map((r) => responseWrite(ctx, at, 'delete', r, null)),
            {
              communityId,
              at,
              accountId: ctx.accountId,
              action: 'delete',
              entity: 'survey',
              entityId: id,
              before: fromRow(old),
              after: null,
            },
          ])
          return true
        },
        onViolation(`survey "${id}"`, communityId),
      ),

    responses: (communityId, surveyId) =>
      run.read(async (db) => {
        const survey = await findSurvey(db, communityId, surveyId)
        if (!survey) return []
        const rows = await db
          .selectFrom('survey_responses')
          .selectAll()
          .where('community_id', '=', communityId)
          .where('survey_id', '=', surveyId)
          .execute()
        // In the order the respondents were given.
        const order = new Map(fromJson<string[]>(survey.respondents).map((r, k) => [r, k]))
        return rows
          .sort((a, b) => (order.get(a.respondent_id) ?? 0) - (order.get(b.respondent_id) ?? 0))
          .map(responseFromRow)
      }),

    byToken: (tokenHash) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('survey_responses')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst()
        if (!r) return undefined
        const s = await findSurvey(db, r.community_id, r.survey_id)
        return s && { survey: fromRow(s), response: responseFromRow(r) }
      }),

    saveAnswers: (ctx, communityId, surveyId, respondentId, answers, submit) =>
      run.write(
        async (db) => {
          const old = await findResponse(db, communityId, surveyId, respondentId)
          if (!old) return undefined
          const at = now()
          const set = {
            answers: JSON.stringify(answersOf(answers)),
            status: submit ? 'submitted' : 'in_progress',
            updated_at: at,
            submitted_at: submit ? at : null,
          } satisfies Partial<SurveyResponseRow>
          await db
            .updateTable('survey_responses')
            .set(set)
            .where('community_id', '=', communityId)
            .where('survey_id', '=', surveyId)
            .where('respondent_id', '=', respondentId)
            .execute()
          const row = { ...old, ...set }
          await writeAudit(db, responseWrite(ctx, at, 'update', old, row))
          return responseFromRow(row)
        },
        onViolation(`response "${responseEntityId(surveyId, respondentId)}"`, communityId),
      ),

    remind: (ctx, communityId, surveyId, respondentId) =>
      run.write(
        async (db) => {
          const at = now()
          // Counted by the database, so that two reminders sent at once are both counted.
          const changed = await db
            .updateTable('survey_responses')
            .set((eb) => ({ reminders: eb('reminders', '+', 1), reminded_at: at }))
            .where('community_id', '=', communityId)
            .where('survey_id', '=', surveyId)
            .where('respondent_id', '=', respondentId)
            .executeTakeFirst()
          if (Number(changed.numUpdatedRows) === 0) return undefined
          const row = (await findResponse(db, communityId, surveyId, respondentId))!
          const old = { ...row, reminders: Number(row.reminders) - 1 }
          await writeAudit(db, responseWrite(ctx, at, 'update', old, row))
          return responseFromRow(row)
        },
        onViolation(`response "${responseEntityId(surveyId, respondentId)}"`, communityId),
      ),

    resetToken: (ctx, communityId, surveyId, respondentId, tokenHash) =>
      run.write(
        async (db) => {
          const old = await findResponse(db, communityId, surveyId, respondentId)
          if (!old) return false
          const at = now()
          await db
            .updateTable('survey_responses')
            .set({ token_hash: tokenHash })
            .where('community_id', '=', communityId)
            .where('survey_id', '=', surveyId)
            .where('respondent_id', '=', respondentId)
            .execute()
          // The entry records that the link changed, never a hash.
          await writeAudit(db, responseWrite(ctx, at, 'update', old, old, { tokenResetAt: at }))
          return true
        },
        onViolation(`response "${responseEntityId(surveyId, respondentId)}"`, communityId),
      ),
  }
}
