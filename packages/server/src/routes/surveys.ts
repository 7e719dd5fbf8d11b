// Staff's side of relational surveys over HTTP: design, personal links, who has answered, reminders, open/close, waves.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Id, IsoDateTime, SurveyInput } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { communityFor } from '../access.js'
import { notFound } from '../errors.js'
import {
  createSurvey,
  loadSurvey,
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
}
