// The community's network built from its records, and its measures computed in a worker thread.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  buildNetwork,
  IsoDate,
  NetworkFilter,
  RELATION_TYPE_CODES,
  SAFETY_DOMAIN_CODES,
  type CommunityRecords,
  type Id,
} from '@cosafe/core'
import { NETWORK_MEASURES, NODE_MEASURES, writeJson } from '@cosafe/sna'
import type { Store } from '@cosafe/store'
import { communityFor } from '../access.js'
import { runAnalysis } from '../analysis.js'
import { CommunityParams } from './records.js'

const list = <T extends string>(codes: readonly T[]) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(codes as [T, ...T[]])).min(1))

/** The filter as query parameters: relations=INFO,JOINT_ACTION&domains=FIRE&from=2026-01-01&to=2026-06-30. */
const FilterQuery = z.object({
  relations: list(RELATION_TYPE_CODES).optional(),
  domains: list(SAFETY_DOMAIN_CODES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
})

async function records(store: Store, communityId: Id): Promise<CommunityRecords> {
  const all = { limit: 10_000_000 }
  const [actors, activities, ties] = await Promise.all([
    store.actors.list(communityId, all),
    store.activities.list(communityId, all),
    store.ties.list(communityId, all),
  ])
  return { actors, activities, ties }
}

export function networkRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/communities/:communityId/network',
    {
      schema: {
        tags: ['network'],
        summary: 'The network built from the records, in cosafe JSON (one relation per relation type)',
        params: CommunityParams,
        querystring: FilterQuery,
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const filter = NetworkFilter.parse(req.query)
      const built = buildNetwork(await records(store, community.id), filter)
      return { ...JSON.parse(writeJson(built.network)), filter: built.used }
    },
  )
  r.post(
    '/api/communities/:communityId/analysis',
    {
      schema: {
        tags: ['network'],
        summary: 'Measures of the network (all relations asked for, merged), computed in a worker thread',
        params: CommunityParams,
        body: z.object({
          filter: NetworkFilter.default({}),
          measures: z
            .array(z.enum([...NODE_MEASURES, ...NETWORK_MEASURES] as [string, ...string[]]))
            .min(1)
            .optional(),
        }),
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const built = buildNetwork(await records(store, community.id), req.body.filter, { merge: true })
      const result = await runAnalysis({
        network: writeJson(built.network),
        measures: req.body.measures,
        attribute: 'sector',
      })
      return { filter: built.used, ...result }
    },
  )
}
