// The community-owned records over REST: actors, responsibilities, activities and ties, each with list, get, create, replace, delete.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ActivityInput,
  ActorInput,
  Id,
  ResponsibilityInput,
  TieInput,
  type Account,
  type Resource,
  type Territory,
} from '@cosafe/core'
import type { CommunityRepository, Store } from '@cosafe/store'
import { communityFor, viewActivity, viewActor, viewTie } from '../access.js'
import { HttpError, notFound, type Issue } from '../errors.js'

export const CommunityParams = z.object({ communityId: Id })
const RecordParams = z.object({ communityId: Id, id: Id })
const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
})

/** The scope a write happens in: the community and its territories, for reference checks. */
export interface WriteScope {
  store: Store
  account: Account
  community: Territory
  ancestors: Territory[]
}

/** 400 naming every reference that does not exist in the community. */
async function actorsExist(s: WriteScope, refs: [field: string, id: string][]): Promise<void> {
  const known = new Set((await s.store.actors.list(s.community.id, { limit: 1_000_000 })).map((a) => a.id))
  const issues: Issue[] = refs
    .filter(([, id]) => !known.has(id))
    .map(([field, id]) => ({ field: `body.${field}`, reason: `no actor "${id}" in this community` }))
  if (issues.length)
    throw new HttpError(400, 'REFERENCE', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
}

/** A territory a record of this community may sit in: the community, one of its grids, or a territory above it. */
export async function checkTerritory(s: WriteScope, field: string, id: string, above: boolean): Promise<void> {
  if (id === s.community.id || (above && s.ancestors.some((t) => t.id === id))) return
  const t = await s.store.territories.get(id)
  if (t && t.level === 'grid' && t.parentId === s.community.id) return
  const where = above ? 'the community, one of its grids, its street or district' : 'the community or one of its grids'
  throw new HttpError(400, 'REFERENCE', `body.${field}: "${id}" is not ${where}`, [
    { field: `body.${field}`, reason: `not ${where}` },
  ])
}

export const CHECKS = {
  actor: async (s: WriteScope, a: ActorInput) => checkTerritory(s, 'territoryId', a.territoryId, true),
  responsibility: async (s: WriteScope, r: ResponsibilityInput) => actorsExist(s, [['actorId', r.actorId]]),
  activity: async (s: WriteScope, a: ActivityInput) => {
    if (a.territoryId) await checkTerritory(s, 'territoryId', a.territoryId, false)
    await actorsExist(s, [
      ['convenerId', a.convenerId],
      ...a.invitedIds.map((id, k) => [`invitedIds.${k}`, id] as [string, string]),
      ...a.attendedIds.map((id, k) => [`attendedIds.${k}`, id] as [string, string]),
      ...a.actionItems.map((x, k) => [`actionItems.${k}.ownerId`, x.ownerId] as [string, string]),
    ])
  },
  tie: async (s: WriteScope, t: TieInput) => {
    if (s.account.role === 'actor' && s.account.actorId !== t.sourceId && s.account.actorId !== t.targetId)
      throw new HttpError(403, 'FORBIDDEN', 'an actor representative records ties of their own actor only')
    await actorsExist(s, [
      ['sourceId', t.sourceId],
      ['targetId', t.targetId],
    ])
  },
}

interface Kind<I, R> {
  path: string
  resource: Exclude<Resource, 'territory' | 'network' | 'import' | 'account' | 'audit'>
  tag: string
  schema: z.ZodType<I>
  repo: (s: Store) => CommunityRepository<I, R>
  check: (s: WriteScope, input: I) => Promise<void>
  view: (account: Account, r: R) => R
}

function routes<I, R extends { id: string }>(app: FastifyInstance, store: Store, k: Kind<I, R>): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const base = `/api/communities/:communityId/${k.path}`
  r.get(
    base,
    { schema: { tags: [k.tag], summary: `List ${k.path}`, params: CommunityParams, querystring: PageQuery } },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', k.resource)
      const repo = k.repo(store)
      const [items, total] = await Promise.all([
        repo.list(community.id, { limit: req.query.limit, offset: req.query.offset }),
        repo.count(community.id),
      ])
      return { items: items.map((x) => k.view(account, x)), total, limit: req.query.limit, offset: req.query.offset }
    },
  )
  r.get(
    `${base}/:id`,
    { schema: { tags: [k.tag], summary: `One of the ${k.path}`, params: RecordParams } },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', k.resource)
      const found = await k.repo(store).get(community.id, req.params.id)
      if (!found) throw notFound(`no ${k.resource} "${req.params.id}" in this community`)
      return k.view(account, found)
    },
  )
  r.post(
    base,
    { schema: { tags: [k.tag], summary: `Create one of the ${k.path}`, params: CommunityParams, body: k.schema } },
    async (req, reply) => {
      const s = { store, ...(await communityFor(req, store, req.params.communityId, 'write', k.resource)) }
      const input = req.body as I
      await k.check(s, input)
      const created = await k.repo(store).create({ accountId: s.account.id }, s.community.id, input)
      return reply.code(201).send(created)
    },
  )
  r.put(
    `${base}/:id`,
    { schema: { tags: [k.tag], summary: `Replace one of the ${k.path}`, params: RecordParams, body: k.schema } },
    async (req) => {
      const s = { store, ...(await communityFor(req, store, req.params.communityId, 'write', k.resource)) }
      const input = req.body as I
      await k.check(s, input)
      const updated = await k.repo(store).update({ accountId: s.account.id }, s.community.id, req.params.id, input)
      if (!updated) throw notFound(`no ${k.resource} "${req.params.id}" in this community`)
      return updated
    },
  )
  r.delete(
    `${base}/:id`,
    { schema: { tags: [k.tag], summary: `Delete one of the ${k.path}`, params: RecordParams } },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', k.resource)
      if (k.resource === 'tie' && account.role === 'actor') {
        const t = (await store.ties.get(community.id, req.params.id)) as
          { sourceId: string; targetId: string } | undefined
        if (t && t.sourceId !== account.actorId && t.targetId !== account.actorId)
          throw new HttpError(403, 'FORBIDDEN', 'an actor representative records ties of their own actor only')
      }
      const gone = await k.repo(store).delete({ accountId: account.id }, community.id, req.params.id)
      if (!gone) throw notFound(`no ${k.resource} "${req.params.id}" in this community`)
      return reply.code(204).send()
    },
  )
}

export function recordRoutes(app: FastifyInstance, store: Store): void {
  routes(app, store, {
    path: 'actors',
    resource: 'actor',
    tag: 'actors',
    schema: ActorInput,
    repo: (s) => s.actors,
    check: CHECKS.actor,
    view: viewActor,
  })
  routes(app, store, {
    path: 'responsibilities',
    resource: 'responsibility',
    tag: 'responsibilities',
    schema: ResponsibilityInput,
    repo: (s) => s.responsibilities,
    check: CHECKS.responsibility,
    view: (_, x) => x,
  })
  routes(app, store, {
    path: 'activities',
    resource: 'activity',
    tag: 'activities',
    schema: ActivityInput,
    repo: (s) => s.activities,
    check: CHECKS.activity,
    view: viewActivity,
  })
  routes(app, store, {
    path: 'ties',
    resource: 'tie',
    tag: 'ties',
    schema: TieInput,
    repo: (s) => s.ties,
    check: CHECKS.tie,
    view: viewTie,
  })
}
