// The community's network built from its records, and its measures computed in a worker thread.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  activityTwoMode,
  buildNetwork,
  compareNetworks,
  designedNetwork,
  networkSeries,
  PERIOD_UNITS,
  periodWindows,
  PHASE_CODES,
  type PeriodUnit,
  IsoDate,
  NetworkFilter,
  RELATION_TYPE_CODES,
  SAFETY_DOMAIN_CODES,
  type CommunityRecords,
  type Id,
} from '@cosafe/core'
import {
  FORMATS,
  NETWORK_MEASURES,
  NODE_MEASURES,
  writeJson,
  writeNetwork,
  type FormatName,
  type Network,
} from '@cosafe/sna'
import type { FastifyReply } from 'fastify'
import type { Store } from '@cosafe/store'
import { communityFor } from '../access.js'
import { runAnalysis } from '../analysis.js'
import { CommunityParams } from './records.js'
import { HttpError } from '../errors.js'
import { matterRecordTies } from '../services/matters.js'

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
  /** Download the network in another format the engine writes (default: cosafe JSON with the filter). */
  format: z.enum(['json', 'csv', 'matrix', 'dl', 'pajek', 'graphml', 'gexf']).optional(),
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
  // dispatches (command), co-handling (joint action) and whistles (supervision) of safety matters
  return { actors, activities, ties: [...ties, ...(await matterRecordTies(store, communityId, actors))] }
}

const MEDIA: Record<FormatName, string> = {
  json: 'application/json',
  csv: 'text/csv',
  matrix: 'text/csv',
  dl: 'text/plain',
  pajek: 'text/plain',
  graphml: 'application/xml',
  gexf: 'application/xml',
}

/** A network as a download in one of the engine's formats. */
export function sendNetwork(reply: FastifyReply, network: Network, format: FormatName, name: string): FastifyReply {
  const ext = FORMATS.find((f) => f.name === format)!.extensions[0] ?? 'csv'
  return reply
    .type(`${MEDIA[format]}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${name}.${ext}"`)
    .send(writeNetwork(network, format))
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
    async (req, reply) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const { format, ...query } = req.query
      const filter = NetworkFilter.parse(query)
      const built = buildNetwork(await records(store, community.id), filter)
      if (format === undefined) return { ...JSON.parse(writeJson(built.network)), filter: built.used }
      return sendNetwork(reply, built.network, format, `${community.code}-network`)
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
  const Format = z.enum(['json', 'csv', 'matrix', 'dl', 'pajek', 'graphml', 'gexf']).optional()
  const asJson = (network: Network) => JSON.parse(writeJson(network)) as Record<string, unknown>
  r.get(
    '/api/communities/:communityId/network/designed',
    {
      schema: {
        tags: ['network'],
        summary: 'The designed network (responsibilities: lead → others per domain) compared with the observed one',
        params: CommunityParams,
        querystring: z.object({
          domains: list(SAFETY_DOMAIN_CODES).optional(),
          on: IsoDate.optional(),
          from: IsoDate.optional(),
          to: IsoDate.optional(),
          format: Format,
        }),
      },
    },
    async (req, reply) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const { format, ...filter } = req.query
      const recs = await records(store, community.id)
      const responsibilities = await store.responsibilities.list(community.id, { limit: 10_000_000 })
      const designed = designedNetwork(recs.actors, responsibilities, filter)
      if (format !== undefined) return sendNetwork(reply, designed.network, format, `${community.code}-designed`)
      // observed: collaboration over the same domains and period
      const observed = buildNetwork(recs, {
        domains: filter.domains,
        from: filter.from ?? filter.on,
        to: filter.to ?? filter.on,
      })
      return {
        ...asJson(designed.network),
        used: designed.used,
        comparison: { observed: observed.used, ...compareNetworks(designed.network, observed.network) },
      }
    },
  )
  r.get(
    '/api/communities/:communityId/network/activities',
    {
      schema: {
        tags: ['network'],
        summary: 'The two-mode actor × activity network (convener counts as an attribute)',
        params: CommunityParams,
        querystring: FilterQuery.extend({ phases: list(PHASE_CODES).optional() }),
      },
    },
    async (req, reply) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const { format, ...filter } = req.query
      const two = activityTwoMode(await records(store, community.id), filter)
      if (format !== undefined) return sendNetwork(reply, two.network, format, `${community.code}-activities`)
      return { ...asJson(two.network), twoModeRows: two.network.twoModeRows, used: two.used }
    },
  )
  r.get(
    '/api/communities/:communityId/network/series',
    {
      schema: {
        tags: ['network'],
        summary: 'One network per month, quarter or year over the same actors, for comparing periods',
        params: CommunityParams,
        querystring: z.object({
          unit: z.enum(PERIOD_UNITS as [PeriodUnit, ...PeriodUnit[]]).default('quarter'),
          from: IsoDate,
          to: IsoDate,
          relations: list(RELATION_TYPE_CODES).optional(),
          domains: list(SAFETY_DOMAIN_CODES).optional(),
        }),
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const { unit, from, to, ...filter } = req.query
      let windows
      try {
        windows = periodWindows(from, to, unit)
      } catch (e) {
        throw new HttpError(400, 'VALIDATION', (e as Error).message)
      }
      if (windows.length > 120)
        throw new HttpError(
          400,
          'VALIDATION',
          `${windows.length} windows: choose a longer unit or a shorter period (at most 120)`,
        )
      const series = networkSeries(await records(store, community.id), windows, filter)
      return {
        items: series.map((s) => ({ window: s.window, used: s.used, network: asJson(s.network) })),
      }
    },
  )
}
