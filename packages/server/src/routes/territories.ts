// Territories (district → street → community → grid) and the communities an account can see.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Id, inScope, PARENT_LEVEL, TERRITORY_LEVEL_CODES, TerritoryInput, type TerritoryLevel } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { authorize, communityFor } from '../access.js'
import { requireAccount } from '../auth.js'
import { HttpError, notFound } from '../errors.js'
import { CommunityParams } from './records.js'

async function checkParent(store: Store, input: TerritoryInput): Promise<void> {
  const want = PARENT_LEVEL[input.level]
  if (want === null) {
    if (input.parentId !== null)
      throw new HttpError(400, 'VALIDATION', 'body.parentId: a district has no parent', [
        { field: 'body.parentId', reason: 'a district has no parent' },
      ])
    return
  }
  const parent = input.parentId ? await store.territories.get(input.parentId) : undefined
  if (!parent || parent.level !== want)
    throw new HttpError(400, 'REFERENCE', `body.parentId: a ${input.level} sits in a ${want}`, [
      { field: 'body.parentId', reason: `must be an existing ${want}` },
    ])
}

export function territoryRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/territories',
    {
      schema: {
        tags: ['territories'],
        summary: 'Territories (any signed-in account: they are the shared map)',
        querystring: z.object({
          level: z.enum(TERRITORY_LEVEL_CODES as [TerritoryLevel, ...TerritoryLevel[]]).optional(),
          parentId: Id.optional(),
        }),
      },
    },
    async (req) => {
      authorize(requireAccount(req), 'read', 'territory')
      return { items: await store.territories.list(req.query) }
    },
  )
  r.get(
    '/api/territories/:id',
    { schema: { tags: ['territories'], summary: 'One territory', params: z.object({ id: Id }) } },
    async (req) => {
      authorize(requireAccount(req), 'read', 'territory')
      const t = await store.territories.get(req.params.id)
      if (!t) throw notFound(`no territory "${req.params.id}"`)
      return t
    },
  )
  r.post(
    '/api/territories',
    { schema: { tags: ['territories'], summary: 'Create a territory (administrators)', body: TerritoryInput } },
    async (req, reply) => {
      const account = requireAccount(req)
      authorize(account, 'write', 'territory')
      await checkParent(store, req.body)
      return reply.code(201).send(await store.territories.create({ accountId: account.id }, req.body))
    },
  )
  r.put(
    '/api/territories/:id',
    {
      schema: {
        tags: ['territories'],
        summary: 'Replace a territory',
        params: z.object({ id: Id }),
        body: TerritoryInput,
      },
    },
    async (req) => {
      const account = requireAccount(req)
      authorize(account, 'write', 'territory')
      await checkParent(store, req.body)
      const t = await store.territories.update({ accountId: account.id }, req.params.id, req.body)
      if (!t) throw notFound(`no territory "${req.params.id}"`)
      return t
    },
  )

  r.get(
    '/api/communities',
    { schema: { tags: ['communities'], summary: 'The communities this account can see' } },
    async (req) => {
      const account = requireAccount(req)
      const all = await store.territories.list({ level: 'community' })
      const visible = []
      for (const c of all) {
        const ancestors = await store.territories.ancestors(c.id)
        if (
          inScope(
            account,
            ancestors.map((t) => t.id),
          )
        )
          visible.push({ ...c, path: ancestors.map((t) => t.nameZh).reverse() })
      }
      return { items: visible }
    },
  )
  r.get(
    '/api/communities/:communityId',
    { schema: { tags: ['communities'], summary: 'A community with its record counts', params: CommunityParams } },
    async (req) => {
      const { community, ancestors } = await communityFor(req, store, req.params.communityId, 'read', 'territory')
      const id = community.id
      const [actors, responsibilities, activities, ties, grids] = await Promise.all([
        store.actors.count(id),
        store.responsibilities.count(id),
        store.activities.count(id),
        store.ties.count(id),
        store.territories.list({ level: 'grid', parentId: id }),
      ])
      return { ...community, ancestors, grids, counts: { actors, responsibilities, activities, ties } }
    },
  )
}
