// Open311 GeoReport v2 at the edge: the service list, request submission and request status, in JSON
// and XML as the standard defines (http://wiki.open311.org/GeoReport_v2), so that existing civic
// reporting apps can submit and follow matters. A jurisdiction is a community (its id or code);
// internal states map onto open (being handled) and closed (done, verified, closed). Errors come
// back as the standard's list of { code, description }. Only matters that came in through the
// public channels (the form, Open311) are shown, without their description, contact or photo:
// what a resident typed may name people and homes. The standard documents these routes, so
// they stay out of cosafe's OpenAPI document (which lists /api/ only).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  isOpen,
  leadOf,
  MATTER_CATEGORIES,
  MATTER_CATEGORY_CODES,
  SAFETY_DOMAINS,
  type Matter,
  type MatterCategory,
  type Territory,
} from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { HttpError } from '../errors.js'
import type { MatterContext } from '../services/matters.js'
import { residentReport, ResidentReport } from './publicReports.js'

type Format = 'json' | 'xml'
type Row = Record<string, string | number | boolean | null>

const xmlEsc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** A list of flat records as the standard's XML: <root><item><field>value</field>…</item>…</root>. */
export function toXml(root: string, item: string, rows: readonly Row[]): string {
  const body = rows
    .map(
      (r) =>
        `<${item}>${Object.entries(r)
          .map(([k, v]) => (v === null || v === undefined ? `<${k}/>` : `<${k}>${xmlEsc(String(v))}</${k}>`))
          .join('')}</${item}>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`
}

function send(reply: FastifyReply, format: Format, root: string, item: string, rows: readonly Row[], status = 200) {
  if (format === 'xml')
    return reply
      .code(status)
      .type('text/xml; charset=utf-8')
      .send(toXml(root, item, rows))
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(rows))
}

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description)
  }
}

const fail = (status: number, description: string): never => {
  throw new Open311Error(status, description)
}

type Locale = 'en' | 'zh'
const localeOf = (q: Record<string, string>): Locale => (/^zh/i.test(q.locale ?? '') ? 'zh' : 'en')
const named = (x: { zh: string; en: string }, l: Locale) => (l === 'zh' ? x.zh : x.en)

/** The standard's status of a matter. */
export const open311Status = (m: Matter): 'open' | 'closed' => (isOpen(m) ? 'open' : 'closed')

function requestRow(m: Matter, names: Map<string, string>, l: Locale, lastNote: string | null): Row {
  const lead = leadOf(m)
  return {
    service_request_id: m.id,
    status: open311Status(m),
    status_notes: lastNote,
    service_name: named(MATTER_CATEGORIES[m.category], l),
    service_code: m.category,
    description: null,
    agency_responsible: lead ? (names.get(lead.actorId) ?? lead.actorId) : null,
    service_notice: null,
    requested_datetime: m.receivedAt,
    updated_datetime: m.updatedAt,
    expected_datetime: m.dueAt,
    address: m.location.address,
    address_id: null,
    zipcode: null,
    lat: m.location.point?.lat ?? null,
    long: m.location.point?.lon ?? null,
    media_url: null,
  }
}

/** The body as fields: form-urlencoded (the standard's) or JSON. */
function fields(req: FastifyRequest): Record<string, string> {
  const b = req.body
  if (b && typeof b === 'object' && !Buffer.isBuffer(b))
    return Object.fromEntries(
      Object.entries(b as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)]),
    )
  return {}
}

export function open311Routes(
  app: FastifyInstance,
  ctx: MatterContext,
  opts: { reportsPerMinute: number; jurisdiction?: string },
) {
  const store: Store = ctx.store
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded'))
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    })

  /** The community a jurisdiction_id names (id or code); without one, the configured or only community. */
  async function jurisdiction(id: string | undefined): Promise<Territory> {
    const wanted = id?.trim() || opts.jurisdiction
    const communities = await store.territories.list({ level: 'community' })
    if (!wanted) {
      if (communities.length === 1) return communities[0]!
      return fail(400, 'jurisdiction_id is required: the id or code of a community')
    }
    const c = communities.find((x) => x.id === wanted) ?? communities.find((x) => x.code === wanted)
    return c ?? fail(404, `jurisdiction_id "${wanted}" is not a community`)
  }

  const handle =
    (
      fn: (
        req: FastifyRequest,
        format: Format,
      ) => Promise<{ root: string; item: string; rows: Row[]; status?: number }>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const format: Format = req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json'
      try {
        const out = await fn(req, format)
        return send(reply, format, out.root, out.item, out.rows, out.status)
      } catch (e) {
        const status = e instanceof Open311Error ? e.status : e instanceof HttpError ? e.status : 500
        if (status === 500) req.log.error(e)
        const description =
          e instanceof HttpError && e.issues.length
            ? e.issues.map((i) => `${i.field.replace(/^body\./, '')}: ${i.reason}`).join('; ')
            : status === 500
              ? 'internal error; it has been logged'
              : (e as Error).message
        return send(reply, format, 'errors', 'error', [{ code: status, description }], status)
      }
    }

  const limit = { rateLimit: { max: opts.reportsPerMinute, timeWindow: '1 minute' } }
  const reads = { rateLimit: { max: 300, timeWindow: '1 minute' } }
  const tags = ['open311']

  for (const ext of ['json', 'xml'] as const) {
    app.get(
      `/open311/v2/services.${ext}`,
      {
        schema: { hide: true, tags, summary: `Open311 service list (${ext.toUpperCase()})`, security: [] },
        config: reads,
      },
      handle(async (req) => {
        const q = req.query as Record<string, string>
        await jurisdiction(q.jurisdiction_id)
        const l = localeOf(q)
        return {
          root: 'services',
          item: 'service',
          rows: MATTER_CATEGORY_CODES.map((code) => {
            const c = MATTER_CATEGORIES[code]
            return {
              service_code: code,
              service_name: named(c, l),
              description: `${c.zh} / ${c.en}`,
              metadata: false,
              type: 'realtime',
              keywords: [c.domain.toLowerCase(), code].join(','),
              group: named(SAFETY_DOMAINS[c.domain], l),
            }
          }),
        }
      }),
    )

    app.post(
      `/open311/v2/requests.${ext}`,
      {
        bodyLimit: 64 * 1024,
        schema: { hide: true, tags, summary: `Open311: submit a request (${ext.toUpperCase()})`, security: [] },
        config: limit,
      },
      handle(async (req) => {
        const f = { ...(req.query as Record<string, string>), ...fields(req) }
        const community = await jurisdiction(f.jurisdiction_id)
        if (!f.service_code) fail(400, 'service_code is required')
        if (!(MATTER_CATEGORY_CODES as string[]).includes(f.service_code!))
          fail(404, `service_code "${f.service_code}" is not a service (see services.${ext})`)
        const lat = f.lat?.trim() ? Number(f.lat) : undefined
        const lon = f.long?.trim() ? Number(f.long) : undefined
        const name = [f.first_name, f.last_name].filter((x) => x?.trim()).join(' ')
        const parsed = ResidentReport.safeParse({
          category: f.service_code as MatterCategory,
          description: f.description ?? '',
          address: f.address_string || f.address_id || undefined,
          lat,
          lon,
          name: name || undefined,
          phone: f.phone || undefined,
          email: f.email || undefined,
        })
        if (!parsed.success)
          fail(
            400,
            parsed.error.issues
              .map(
                (i) =>
                  `${{ address: 'address_string', lon: 'long' }[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`,
              )
              .join('; '),
          )
        // an http(s) media_url becomes the matter's photo reference
        const mediaUrl =
          f.media_url && /^https?:\/\/\S+$/.test(f.media_url) && f.media_url.length <= 500 ? f.media_url : null
        const { matter } = await residentReport(ctx, community, parsed.data!, { photoUrl: mediaUrl })
        return {
          root: 'service_requests',
          item: 'request',
          status: 201,
          rows: [{ service_request_id: matter.id, service_notice: null, account_id: null }],
        }
      }),
    )

    app.get(
      `/open311/v2/requests.${ext}`,
      {
        schema: {
          hide: true,
          tags,
          summary: `Open311: requests and their status (${ext.toUpperCase()})`,
          security: [],
        },
        config: reads,
      },
      handle(async (req) => {
        const q = req.query as Record<string, string>
        const community = await jurisdiction(q.jurisdiction_id)
        const l = localeOf(q)
        const ids = q.service_request_id
          ?.split(',')
          .map((x) => x.trim())
          .filter(Boolean)
        let matters: Matter[]
        if (ids?.length) {
          if (ids.length > 100) fail(400, 'at most 100 service_request_id values at once')
          matters = (await Promise.all(ids.map((id) => store.matters.get(community.id, id)))).filter(
            (m): m is Matter => m?.source === 'resident',
          )
        } else {
          const end = q.end_date ? Date.parse(q.end_date) : ctx.now().getTime()
          const start = q.start_date ? Date.parse(q.start_date) : end - 90 * 86_400_000
          if (Number.isNaN(start) || Number.isNaN(end)) fail(400, 'start_date and end_date are W3C date-times')
          if (end < start) fail(400, 'end_date is before start_date')
          matters = await store.matters.list(
            community.id,
            { from: new Date(start).toISOString(), to: new Date(end).toISOString(), source: 'resident' },
            { limit: 1000 },
          )
          if (q.service_code) {
            const codes = q.service_code.split(',')
            matters = matters.filter((m) => codes.includes(m.category))
          }
          if (q.status) {
            const st = q.status.split(',')
            if (st.some((s) => s !== 'open' && s !== 'closed')) fail(400, 'status is open or closed')
            matters = matters.filter((m) => st.includes(open311Status(m)))
          }
        }
        return { root: 'service_requests', item: 'request', rows: await rowsOf(community.id, matters, l) }
      }),
    )
  }

  app.get(
    '/open311/v2/requests/:file',
    {
      schema: { hide: true, tags, summary: 'Open311: one request (requests/{id}.json or .xml)', security: [] },
      config: reads,
    },
    handle(async (req) => {
      const file = (req.params as { file: string }).file
      const m = /^([A-Za-z0-9_.:-]+)\.(json|xml)$/.exec(file)
      if (!m) fail(404, 'ask for requests/{service_request_id}.json or .xml')
      const q = req.query as Record<string, string>
      const community = await jurisdiction(q.jurisdiction_id)
      const matter = await store.matters.get(community.id, m![1]!)
      if (matter?.source !== 'resident') fail(404, `no service request "${m![1]}"`)
      return { root: 'service_requests', item: 'request', rows: await rowsOf(community.id, [matter!], localeOf(q)) }
    }),
  )

  async function rowsOf(communityId: string, matters: readonly Matter[], l: Locale): Promise<Row[]> {
    const actors = await store.actors.list(communityId, { limit: 1_000_000 })
    const names = new Map(actors.map((a) => [a.id, l === 'en' ? (a.nameEn ?? a.name) : a.name]))
    const rows: Row[] = []
    for (const m of matters) {
      const events = await store.matters.events(communityId, m.id)
      const last = [...events].reverse().find((e) => e.kind === 'feedback')
      const note =
        last && last.kind === 'feedback' ? (last.message.split(' / ')[l === 'en' ? 1 : 0] ?? last.message) : null
      rows.push(requestRow(m, names, l, note))
    }
    return rows
  }
}
