// Staff's side of relational surveys over HTTP: design, personal links, who has answered, reminders, open/close, waves.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  Id,
  IsoDateTime,
  MISSING_METHODS,
  pseudonymised,
  RELATION_TYPE_CODES,
  SurveyInput,
  SYMMETRIZE_RULES,
  type MissingMethod,
  type RelationType,
  type SymmetrizeRule,
} from '@cosafe/core'
import { csvField, writeJson } from '@cosafe/sna'
import { runAnalysis } from '../analysis.js'
import { HttpError } from '../errors.js'
import { uploadedSheets } from './imports.js'
import { sendNetwork } from './network.js'
import type { Store } from '@cosafe/store'
import { communityFor } from '../access.js'
import { notFound } from '../errors.js'
import {
  aggregateSummary,
  createSurvey,
  importMatrices,
  loadSurvey,
  rawAnswers,
  surveyNetwork,
  nextWave,
  remind,
  resetLink,
  transition,
  withProgress,
  type Notifier,
} from '../services/surveys.js'
import { CommunityParams } from './records.js'

export type { Notifier } from '../services/surveys.js'

const SurveyParams = z.object({ communityId: Id, id: Id })

const Aggregation = z.object({
  rule: z.enum(SYMMETRIZE_RULES as [SymmetrizeRule, ...SymmetrizeRule[]]).default('none'),
  missing: z.enum(MISSING_METHODS as [MissingMethod, ...MissingMethod[]]).default('missing'),
  includeInProgress: z
    .enum(['true', 'false'])
    .transform((x) => x === 'true')
    .default(false),
})

export function surveyRoutes(app: FastifyInstance, store: Store, notifier: Notifier): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const base = '/api/communities/:communityId/surveys'
  r.get(
    base,
    {
      schema: {
        tags: ['surveys'],
        summary: 'The community’s surveys with their response rates',
        params: CommunityParams,
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'survey')
      const items = await store.surveys.list(community.id)
      return { items: await Promise.all(items.map((s) => withProgress(store, s))) }
    },
  )
  r.post(
    base,
    {
      schema: {
        tags: ['surveys'],
        summary: 'Design a survey (draft); returns each respondent’s personal link once',
        params: CommunityParams,
        body: SurveyInput,
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      return reply.code(201).send(await createSurvey(store, { accountId: account.id }, community.id, req.body))
    },
  )
  r.get(
    `${base}/:id`,
    { schema: { tags: ['surveys'], summary: 'A survey and who has answered', params: SurveyParams } },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'survey')
      return withProgress(store, await loadSurvey(store, community.id, req.params.id))
    },
  )
  r.delete(
    `${base}/:id`,
    { schema: { tags: ['surveys'], summary: 'Delete a survey with its answers', params: SurveyParams } },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      if (!(await store.surveys.delete({ accountId: account.id }, community.id, req.params.id)))
        throw notFound(`no survey "${req.params.id}" in this community`)
      return reply.code(204).send()
    },
  )
  for (const action of ['open', 'close', 'reopen'] as const)
    r.post(
      `${base}/:id/${action}`,
      {
        schema: {
          tags: ['surveys'],
          summary: `${action[0]!.toUpperCase()}${action.slice(1)} a survey`,
          params: SurveyParams,
        },
      },
      async (req) => {
        const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
        return transition(store, { accountId: account.id }, community.id, req.params.id, action)
      },
    )
  r.post(
    `${base}/:id/remind`,
    {
      schema: {
        tags: ['surveys'],
        summary: 'Remind respondents who have not submitted (all of them, or those named)',
        params: SurveyParams,
        body: z.object({ respondentIds: z.array(Id).optional() }).default({}),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      return remind(store, { accountId: account.id }, community.id, req.params.id, req.body.respondentIds, notifier)
    },
  )
  r.post(
    `${base}/:id/links/:respondentId`,
    {
      schema: {
        tags: ['surveys'],
        summary: 'A new personal link for a respondent (the old one stops working)',
        params: z.object({ communityId: Id, id: Id, respondentId: Id }),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      return resetLink(store, { accountId: account.id }, community.id, req.params.id, req.params.respondentId)
    },
  )
  r.post(
    `${base}/:id/wave`,
    {
      schema: {
        tags: ['surveys'],
        summary: 'The next wave: the same design as a new draft survey, with new links',
        params: SurveyParams,
        body: z
          .object({ deadline: IsoDateTime.nullish(), title: z.string().trim().min(1).max(200).optional() })
          .default({}),
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      return reply
        .code(201)
        .send(await nextWave(store, { accountId: account.id }, community.id, req.params.id, req.body))
    },
  )
  r.get(
    `${base}/:id/network`,
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The survey’s network: reports aggregated by a rule, missing respondents left missing or reconstructed',
        params: SurveyParams,
        querystring: Aggregation.extend({
          format: z.enum(['json', 'csv', 'matrix', 'dl', 'pajek', 'graphml', 'gexf']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'survey')
      const { format, ...opts } = req.query
      const { survey, aggregate } = await surveyNetwork(store, community.id, req.params.id, opts)
      if (format !== undefined) return sendNetwork(reply, aggregate.network, format, `survey-${survey.id}-${opts.rule}`)
      return { ...JSON.parse(writeJson(aggregate.network)), aggregation: aggregateSummary(aggregate) }
    },
  )
  r.post(
    `${base}/:id/analysis`,
    {
      schema: {
        tags: ['surveys'],
        summary: 'Measures of one relation of the survey’s network, computed in a worker thread',
        params: SurveyParams,
        body: z.object({
          rule: z.enum(SYMMETRIZE_RULES as [SymmetrizeRule, ...SymmetrizeRule[]]).default('none'),
          missing: z.enum(MISSING_METHODS as [MissingMethod, ...MissingMethod[]]).default('missing'),
          relation: z.enum(RELATION_TYPE_CODES as [RelationType, ...RelationType[]]).optional(),
        }),
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'survey')
      const { survey, aggregate } = await surveyNetwork(store, community.id, req.params.id, req.body)
      const relation = req.body.relation ?? survey.relations[0]!
      if (!survey.relations.includes(relation))
        throw new HttpError(400, 'VALIDATION', `body.relation: the survey does not ask about ${relation}`, [
          { field: 'body.relation', reason: `not one of ${survey.relations.join(', ')}` },
        ])
      const result = await runAnalysis({ network: writeJson(aggregate.network), relation, attribute: 'sector' })
      return {
        relation,
        aggregation: { rule: aggregate.rule, missing: aggregate.missing, responseRate: aggregate.responseRate },
        ...result,
      }
    },
  )
  r.post(
    `${base}/:id/import`,
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Answers collected elsewhere: roster matrices (CSV with ?relation=, or XLSX with one sheet per relation)',
        params: SurveyParams,
        querystring: z.object({ relation: z.string().min(1).max(40).optional() }),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'survey')
      const sheets = await uploadedSheets(req, req.query.relation ?? '')
      if (sheets.length === 1 && sheets[0]!.name === '')
        throw new HttpError(
          400,
          'VALIDATION',
          'querystring.relation: name the relation of a CSV matrix (e.g. ?relation=INFO)',
          [{ field: 'querystring.relation', reason: 'required for a CSV file' }],
        )
      return importMatrices(
        store,
        { accountId: account.id },
        community.id,
        req.params.id,
        sheets.map((s) => ({
          relation: s.name,
          header: s.header,
          headerLine: s.headerLine,
          rows: s.rows,
          source: s.name,
        })),
      )
    },
  )
  r.get(
    `${base}/:id/answers`,
    {
      schema: {
        tags: ['surveys'],
        summary: 'Raw answers (pseudonymised for researchers, or on request), as JSON or CSV',
        params: SurveyParams,
        querystring: z.object({
          format: z.enum(['json', 'csv']).default('json'),
          pseudonymise: z
            .enum(['true', 'false'])
            .transform((x) => x === 'true')
            .default(false),
        }),
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'survey')
      const rows = await rawAnswers(
        store,
        community.id,
        req.params.id,
        req.query.pseudonymise || pseudonymised(account.role),
      )
      if (req.query.format === 'json') return rows
      const lines = [
        'respondent,relation,target,value',
        ...rows.ties.map((t) =>
          [t.respondent, t.relation, t.target, t.value].map((x) => csvField(String(x))).join(','),
        ),
      ]
      if (rows.attitudes.length)
        lines.push(
          '',
          'respondent,item,value',
          ...rows.attitudes.map((a) => [a.respondent, a.item, a.value].map((x) => csvField(String(x))).join(',')),
        )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${req.params.id}-answers.csv"`)
        .send('\uFEFF' + lines.join('\r\n') + '\r\n')
    },
  )
}
