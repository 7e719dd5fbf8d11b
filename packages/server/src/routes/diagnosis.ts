// The diagnosis of a community, a street's communities compared, and the reports (community and research) as downloads.
//
// They need the 'network' read grant and no permission of their own: a diagnosis and a report are
// derived from the same records as the network (the web app's Diagnosis and Reports pages ask for
// the same grant). Researchers get them with individuals under their alias, as everywhere.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  compareWithPrevious,
  Id,
  inScope,
  IsoDate,
  parsePeriod,
  pseudonymised,
  SIZE_MEASURES,
  type ReportLang,
  type SizeMeasure,
} from '@cosafe/core'
import { REPORT_FORMATS, type RenderedReport, type ReportFormat } from '@cosafe/report'
import { FORMATS, type FormatName } from '@cosafe/sna'
import type { Store } from '@cosafe/store'
import { authorize, communityFor } from '../access.js'
import { requireAccount } from '../auth.js'
import { HttpError, notFound } from '../errors.js'
import { compareTerritory, diagnoseCommunity, researchFile, type Period } from '../services/diagnosis.js'
import { CommunityParams } from './records.js'

const Lang = z.enum(['zh-CN', 'en'])
const SizeBy = z.enum(SIZE_MEASURES as unknown as [SizeMeasure, ...SizeMeasure[]])
const Format = z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]])

/** The period as from–to days or as one word (2026, 2026-Q3, 2026-05, 2026-01-01..2026-06-30). */
const PeriodQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  period: z.string().max(40).optional(),
})

function periodOf(q: z.infer<typeof PeriodQuery>): Period | undefined {
  if (q.period !== undefined) {
    if (q.from !== undefined || q.to !== undefined)
      throw new HttpError(400, 'VALIDATION', 'querystring.period: give a period or from and to, not both', [
        { field: 'querystring.period', reason: 'give a period or from and to, not both' },
      ])
    try {
      const p = parsePeriod(q.period)
      return { from: p.from, to: p.to }
    } catch (e) {
      throw new HttpError(400, 'VALIDATION', `querystring.period: ${(e as Error).message}`, [
        { field: 'querystring.period', reason: (e as Error).message },
      ])
    }
  }
  if (q.from === undefined && q.to === undefined) return undefined
  const missing = q.from === undefined ? 'from' : q.to === undefined ? 'to' : null
  if (missing)
    throw new HttpError(400, 'VALIDATION', `querystring.${missing}: give both from and to (or neither)`, [
      { field: `querystring.${missing}`, reason: 'give both from and to (or neither)' },
    ])
  if (q.to! < q.from!)
    throw new HttpError(400, 'VALIDATION', `querystring.to: the period ends (${q.to}) before it starts (${q.from})`, [
      { field: 'querystring.to', reason: `the period ends before it starts (${q.from})` },
    ])
  return { from: q.from!, to: q.to! }
}

/** A header-safe file name, with the UTF-8 original for clients that read it. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\w.-]+/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

function send(reply: FastifyReply, r: RenderedReport, name: string): FastifyReply {
  return reply
    .type(r.contentType)
    .header('content-disposition', disposition(`${name}.${r.extension}`))
    .send(Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength))
}

/** Bodies of network files: XML (GraphML, GEXF), text (DL, Pajek, CSV; registered by the imports) or bytes. */
const FILE_TYPES = ['application/xml', 'text/xml', 'application/octet-stream']

function bodyBytes(req: FastifyRequest): Uint8Array {
  const b = req.body as unknown
  if (Buffer.isBuffer(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
  if (typeof b === 'string') return new TextEncoder().encode(b)
  // application/json is parsed by Fastify: cosafe JSON networks come back as text
  if (b !== undefined && b !== null && typeof b === 'object') return new TextEncoder().encode(JSON.stringify(b))
  throw new HttpError(
    415,
    'MEDIA_TYPE',
    'send the network file as the body (GraphML/GEXF as application/xml, DL/Pajek/CSV as text/plain or text/csv, cosafe JSON as application/json)',
  )
}

export function diagnosisRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/api/communities/:communityId/diagnosis',
    {
      schema: {
        tags: ['diagnosis'],
        summary:
          'The diagnosis: one finding per rule of the rulebook (fired, clear or insufficient data) with evidence and recommendations, against the previous period and the street’s other communities',
        params: CommunityParams,
        querystring: PeriodQuery.extend({ lang: Lang.default('zh-CN') }),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const d = await diagnoseCommunity(store, community, {
        period: periodOf(req.query),
        now: now().toISOString(),
        pseudonymise: pseudonymised(account.role),
      })
      const zh = req.query.lang === 'zh-CN'
      return {
        community: d.community,
        period: d.period,
        previousPeriod: d.previousPeriod,
        peers: d.peers,
        survey: d.survey,
        lang: req.query.lang,
        summary: d.summary,
        findings: d.diagnosis.findings.map((f) => ({
          ...f,
          message: (f.status === 'insufficient-data' && f.needs ? f.needs : f.explanation)[zh ? 'zh' : 'en'],
        })),
        comparedWithPrevious: compareWithPrevious(d.diagnosis, d.previous),
      }
    },
  )

  r.get(
    '/api/territories/:territoryId/diagnosis/comparison',
    {
      schema: {
        tags: ['diagnosis'],
        summary:
          'The communities of a street or district diagnosed for one period and ranked per rule, with percentiles',
        params: z.object({ territoryId: Id }),
        querystring: PeriodQuery,
      },
    },
    async (req) => {
      const account = requireAccount(req)
      const ancestors = await store.territories.ancestors(req.params.territoryId)
      if (
        !ancestors.length ||
        !inScope(
          account,
          ancestors.map((t) => t.id),
        )
      )
        throw notFound(`no territory "${req.params.territoryId}"`)
      authorize(account, 'read', 'network')
      const territory = ancestors[0]!
      if (territory.level === 'grid')
        throw new HttpError(400, 'VALIDATION', 'params.territoryId: compare the communities of a street or district', [
          { field: 'params.territoryId', reason: 'a grid has no communities to compare' },
        ])
      return compareTerritory(store, territory, {
        period: periodOf(req.query),
        now: now().toISOString(),
        visible: async (c) =>
          inScope(
            account,
            (await store.territories.ancestors(c.id)).map((t) => t.id),
          ),
      })
    },
  )

  r.get(
    '/api/communities/:communityId/report',
    {
      schema: {
        tags: ['diagnosis'],
        summary:
          'The community report (summary, network figure, measure tables, findings, recommendations with their predicted effect, method) as HTML, DOCX or XLSX',
        params: CommunityParams,
        querystring: PeriodQuery.extend({
          format: Format.default('html'),
          lang: Lang.default('zh-CN'),
          sizeBy: SizeBy.optional(),
        }),
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'network')
      const q = req.query
      const d = await diagnoseCommunity(store, community, {
        period: periodOf(q),
        now: now().toISOString(),
        pseudonymise: pseudonymised(account.role),
        report: { format: q.format, lang: q.lang as ReportLang, sizeBy: q.sizeBy },
      })
      return send(reply, d.report!, `${community.code}-report-${d.period.from}_${d.period.to}`)
    },
  )

  r.post(
    '/api/research/report',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['diagnosis'],
        summary:
          'The research report of a network file sent as the body (DL, Pajek, GraphML, GEXF, CSV, cosafe JSON); with a node attribute sector the structural rules run too',
        querystring: z.object({
          format: Format.default('html'),
          lang: Lang.default('zh-CN'),
          sizeBy: SizeBy.optional(),
          /** The file's name: the report's title and a hint for the format. */
          name: z.string().trim().min(1).max(200).default('network'),
          /** The file's format when its content and name do not tell. */
          input: z.enum(FORMATS.map((f) => f.name) as [FormatName, ...FormatName[]]).optional(),
        }),
      },
    },
    async (req, reply) => {
      authorize(requireAccount(req), 'read', 'network')
      const q = req.query
      const result = await researchFile(bodyBytes(req), {
        source: q.name,
        format: q.input,
        lang: q.lang,
        sizeBy: q.sizeBy,
        report: q.format,
        now: now().toISOString(),
      })
      return send(reply, result.report!, `${q.name.replace(/\.[a-z0-9]+$/i, '')}-report`)
    },
  )
}
