// Residents' reports without an account: the form page, its JSON endpoint (rate-limited, idempotent
// with a client key), and the tracking page and endpoint a tracking code opens.

import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  GeoPoint,
  Id,
  MATTER_CATEGORY_CODES,
  MATTER_STATES,
  MatterInput,
  type Matter,
  type MatterCategory,
  type Territory,
} from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { HttpError, notFound, zodIssues } from '../errors.js'
import { intake, sha256, trackingCode, type MatterContext } from '../services/matters.js'
import { reportPage, trackPage, type Lang } from './reportPage.js'

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional())

/** What the public form sends. Empty strings count as not given. */
export const ResidentReport = z
  .object({
    category: z.enum(MATTER_CATEGORY_CODES as [MatterCategory, ...MatterCategory[]], {
      error: 'choose the kind of problem',
    }),
    description: z
      .string({ error: 'describe the problem' })
      .trim()
      .min(5, 'describe the problem in at least 5 characters')
      .max(2000, 'at most 2000 characters'),
    address: opt(z.string().trim().max(200, 'at most 200 characters')),
    gridId: opt(Id),
    lat: opt(GeoPoint.shape.lat),
    lon: opt(GeoPoint.shape.lon),
    name: opt(z.string().trim().max(60, 'at most 60 characters')),
    phone: opt(
      z
        .string()
        .trim()
        .regex(/^[0-9+() -]{5,32}$/, 'expected a phone number'),
    ),
    email: opt(z.email({ error: 'expected an e-mail address' }).max(200)),
    /** A photo as a data URL (image/jpeg, png, webp or gif; at most 2 MB). */
    photo: opt(z.string().max(3_000_000, 'the photo is larger than 2 MB')),
    /** A random key made by the form: the same report sent twice is stored once. */
    clientKey: opt(z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'expected 16–100 letters, digits, _ or -')),
  })
  .superRefine((r, ctx) => {
    if (!r.address && (r.lat === undefined || r.lon === undefined))
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'give the place, or a map point (lat and lon)' })
    if ((r.lat === undefined) !== (r.lon === undefined))
      ctx.addIssue({ code: 'custom', path: [r.lat === undefined ? 'lat' : 'lon'], message: 'give both lat and lon' })
  })
export type ResidentReport = z.infer<typeof ResidentReport>

const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
}
const MAX_PHOTO = 2 * 1024 * 1024

/** A data URL checked: a known image type whose bytes say so, at most 2 MB. */
export function parsePhoto(dataUrl: string): { mediaType: string; data: string } {
  const m = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl)
  const bad = (reason: string) =>
    new HttpError(400, 'VALIDATION', `body.photo: ${reason}`, [{ field: 'body.photo', reason }])
  if (!m) throw bad('expected an image as a data URL (data:image/jpeg;base64,…)')
  const check = PHOTO_TYPES[m[1]!]
  if (!check) throw bad(`${m[1]} is not accepted: send JPEG, PNG, WebP or GIF`)
  const bytes = Buffer.from(m[2]!, 'base64')
  if (bytes.length > MAX_PHOTO) throw bad('the photo is larger than 2 MB')
  if (!check(bytes)) throw bad(`the data is not a ${m[1]} image`)
  return { mediaType: m[1]!, data: m[2]! }
}

export const langOf = (req: FastifyRequest, asked?: string): Lang =>
  asked === 'en' || asked === 'zh-CN' || asked === 'zh'
    ? asked === 'en'
      ? 'en'
      : 'zh-CN'
    : /^zh/i.test(String(req.headers['accept-language'] ?? 'zh'))
      ? 'zh-CN'
      : 'en'

/** A community by id (404 for anything else). */
export async function publicCommunity(store: Store, id: string): Promise<Territory> {
  const t = await store.territories.get(id)
  if (!t || t.level !== 'community') throw notFound(`no community "${id}"`)
  return t
}

/** Stores a resident's report; the same client key again returns the first one. */
export async function residentReport(
  ctx: MatterContext,
  community: Territory,
  r: ResidentReport,
  extra: { photoUrl?: string | null } = {},
): Promise<{ matter: Matter; trackingCode: string; duplicate: boolean }> {
  if (r.gridId) {
    const g = await ctx.store.territories.get(r.gridId)
    if (!g || g.level !== 'grid' || g.parentId !== community.id)
      throw new HttpError(400, 'REFERENCE', 'body.gridId: not a grid of this community', [
        { field: 'body.gridId', reason: 'not a grid of this community' },
      ])
  }
  const photo = r.photo ? parsePhoto(r.photo) : null
  const photoId = photo ? (r.clientKey ? `p-${sha256(r.clientKey).slice(0, 32)}` : `p-${randomUUID()}`) : null
  const parsed = MatterInput.safeParse({
    source: 'resident',
    category: r.category,
    description: r.description,
    location: {
      address: r.address ?? null,
      gridId: r.gridId ?? null,
      point: r.lat !== undefined && r.lon !== undefined ? { lat: r.lat, lon: r.lon } : null,
    },
    reporter:
      r.name || r.phone || r.email ? { name: r.name ?? null, phone: r.phone ?? null, email: r.email ?? null } : null,
    photo: photoId ? `photo:${photoId}` : (extra.photoUrl ?? null),
  })
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, 'body')
    throw new HttpError(400, 'VALIDATION', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
  }
  const code = trackingCode(r.clientKey ?? null)
  const { matter, duplicate } = await intake(
    ctx,
    community.id,
    parsed.data,
    { accountId: null, actorId: null },
    {
      clientKey: r.clientKey ?? null,
      trackingHash: sha256(code),
      photo: photo && photoId ? { id: photoId, ...photo } : null,
    },
  )
  return { matter, trackingCode: code, duplicate }
}

/** What a tracking code shows: state, category, times and the messages to the reporter. */
export async function trackingView(store: Store, code: string) {
  const m = await store.matters.byTracking(sha256(code))
  if (!m) return null
  const events = await store.matters.events(m.communityId, m.id)
  return {
    id: m.id,
    state: m.state,
    stateName: MATTER_STATES[m.state],
    category: m.category,
    receivedAt: m.receivedAt,
    updatedAt: m.updatedAt,
    dueAt: m.dueAt,
    timeline: [
      { at: m.receivedAt, message: '您反映的问题已受理。 / Your report has been received.' },
      ...events.flatMap((e) => (e.kind === 'feedback' ? [{ at: e.at, message: e.message }] : [])),
    ],
  }
}

const Code = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a tracking code')

export function publicReportRoutes(app: FastifyInstance, ctx: MatterContext, reportsPerMinute: number): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const store = ctx.store
  const limit = { rateLimit: { max: reportsPerMinute, timeWindow: '1 minute' } }
  const reads = { rateLimit: { max: 120, timeWindow: '1 minute' } }

  r.get(
    '/report/:communityId',
    {
      schema: {
        hide: true,
        params: z.object({ communityId: Id }),
        querystring: z.object({ lang: z.string().optional() }),
      },
      config: reads,
    },
    async (req, reply) => {
      const c = await publicCommunity(store, req.params.communityId)
      return reply.type('text/html; charset=utf-8').send(reportPage(c, langOf(req, req.query.lang)))
    },
  )
  r.get(
    '/report/track/:code',
    {
      schema: {
        hide: true,
        params: z.object({ code: z.string() }),
        querystring: z.object({ lang: z.string().optional() }),
      },
      config: reads,
    },
    async (req, reply) => {
      const ok = Code.safeParse(req.params.code).success
      const view = ok ? await trackingView(store, req.params.code) : null
      return reply
        .code(view ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(trackPage(view, langOf(req, req.query.lang)))
    },
  )
  r.post(
    '/api/public/communities/:communityId/reports',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['public'],
        summary: 'A resident’s report, no account needed (rate-limited; the same clientKey again returns the first)',
        security: [],
        params: z.object({ communityId: Id }),
        body: ResidentReport,
      },
      config: limit,
    },
    async (req, reply) => {
      const community = await publicCommunity(store, req.params.communityId)
      const out = await residentReport(ctx, community, req.body)
      return reply.code(out.duplicate ? 200 : 201).send({
        id: out.matter.id,
        trackingCode: out.trackingCode,
        trackUrl: `/report/track/${out.trackingCode}`,
        state: out.matter.state,
        duplicate: out.duplicate,
        message: { zh: '已受理，感谢您的反映！', en: 'Received — thank you!' },
      })
    },
  )
  r.get(
    '/api/public/reports/:code',
    {
      schema: {
        tags: ['public'],
        summary: 'Where a resident’s report stands (by its tracking code)',
        security: [],
        params: z.object({ code: Code }),
      },
      config: reads,
    },
    async (req) => {
      const view = await trackingView(store, req.params.code)
      if (!view) throw notFound('no report has this tracking code')
      return view
    },
  )
}
