// Safety matters for staff and actors: intake, every life-cycle step, boards, the supervisor's
// overdue list, KPIs, the inbox, escalation sweeps and 12345 order imports.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  DEFAULT_MIN_SAMPLE,
  ESCALATION_LEVELS,
  Id,
  inScope,
  IsoDate,
  MATTER_CATEGORIES,
  MATTER_KPIS,
  MATTER_SOURCE_CODES,
  MATTER_SOURCES,
  MATTER_STATE_CODES,
  MATTER_STATES,
  matterKpis,
  MatterInput,
  MatterStep,
  PERIOD_UNITS,
  periodWindows,
  type PeriodUnit,
  URGENCIES,
  WHISTLE_TYPES,
  FEEDBACK_CHANNELS,
  type MatterSource,
  type MatterState,
} from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { authorize, communityFor } from '../access.js'
import { requireAccount } from '../auth.js'
import { HttpError, notFound } from '../errors.js'
import {
  checkActors,
  importOrders,
  intake,
  OPEN_STATES,
  ORDER_COLUMNS,
  step,
  sweepEscalations,
  viewEvent,
  viewMatter,
  withDeadline,
  type MatterContext,
} from '../services/matters.js'
import { uploadedSheets } from './imports.js'
import { CommunityParams } from './records.js'

const MatterParams = z.object({ communityId: Id, id: Id })

const states = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(MATTER_STATE_CODES as [MatterState, ...MatterState[]])).min(1))

const ListQuery = z.object({
  state: states.optional(),
  /** Matters this actor currently handles. */
  actorId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  source: z.enum(MATTER_SOURCE_CODES as [MatterSource, ...MatterSource[]]).optional(),
  gridId: Id.optional(),
  category: z.enum(Object.keys(MATTER_CATEGORIES) as [string, ...string[]]).optional(),
  urgency: z.enum(Object.keys(URGENCIES) as [string, ...string[]]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

/** A step as sent: the step, and the actor it is recorded for (staff acting for a handler; default their own). */
const StepBody = z.intersection(
  MatterStep,
  z.object({
    actorId: Id.optional(),
    /** The matter's version the step was decided on: refused (409) when another step came first. */
    version: z.number().int().min(1).optional(),
  }),
)

/** Calendar days on the Beijing calendar as UTC bounds. */
const dayStart = (d: string) => `${d}T00:00:00+08:00`
const dayEnd = (d: string) => `${d}T23:59:59.999+08:00`

export function matterRoutes(app: FastifyInstance, ctx: MatterContext): void {
  const store: Store = ctx.store
  const r = app.withTypeProvider<ZodTypeProvider>()
  const base = '/api/communities/:communityId/matters'
  const now = () => ctx.now().toISOString()

  r.get(
    '/api/matters/catalogue',
    {
      schema: { tags: ['matters'], summary: 'Sources, categories, urgencies and limits, states, steps, KPI formulas' },
    },
    async () => ({
      sources: MATTER_SOURCES,
      categories: MATTER_CATEGORIES,
      urgencies: Object.fromEntries(
        Object.entries(URGENCIES).map(([k, u]) => [
          k,
          { ...u, hours: ctx.deadlines.hours[k as keyof typeof URGENCIES] },
        ]),
      ),
      byCategory: ctx.deadlines.byCategory ?? {},
      escalation: ctx.deadlines.escalation,
      escalationLevels: ESCALATION_LEVELS,
      states: MATTER_STATES,
      whistleTypes: WHISTLE_TYPES,
      feedbackChannels: FEEDBACK_CHANNELS,
      kpis: MATTER_KPIS,
      minSample: DEFAULT_MIN_SAMPLE,
      orderColumns: ORDER_COLUMNS,
    }),
  )

  r.get(
    base,
    {
      schema: {
        tags: ['matters'],
        summary:
          'The board: matters newest first, by state, handler, overdue, source, grid, category, urgency or period, a page at a time (limit, offset; total)',
        params: CommunityParams,
        querystring: ListQuery,
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const q = req.query
      const at = now()
      const filter = {
        states: q.overdue === 'true' ? (q.state ?? OPEN_STATES).filter((s) => OPEN_STATES.includes(s)) : q.state,
        actorId: q.actorId,
        dueBefore: q.overdue === 'true' ? at : undefined,
        source: q.source,
        gridId: q.gridId,
        category: q.category,
        urgency: q.urgency,
        from: q.from ? dayStart(q.from) : undefined,
        to: q.to ? dayEnd(q.to) : undefined,
      }
      // overdue concerns open matters only: a closed state asked for with it has none
      if (filter.states && filter.states.length === 0) return { items: [], total: 0, limit: q.limit, offset: q.offset }
      const [items, total] = await Promise.all([
        store.matters.list(community.id, filter, { limit: q.limit, offset: q.offset }),
        store.matters.count(community.id, filter),
      ])
      return {
        items: items.map((m) => withDeadline(viewMatter(account, m), at, ctx.deadlines)),
        total,
        limit: q.limit,
        offset: q.offset,
      }
    },
  )

  r.post(
    base,
    {
      schema: {
        tags: ['matters'],
        summary: 'Record a matter (grid worker, actor, staff or a 12345 order typed in)',
        params: CommunityParams,
        body: MatterInput,
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'matter')
      const input = req.body
      if (account.role === 'actor' && (input.source !== 'actor' || input.reporterActorId !== account.actorId))
        throw new HttpError(
          403,
          'FORBIDDEN',
          'an actor representative reports matters as their own actor (source actor, reporterActorId their actor)',
        )
      const actors = await store.actors.list(community.id, { limit: 1_000_000 })
      if (input.reporterActorId) checkActors(actors, [['reporterActorId', input.reporterActorId]])
      if (input.location.gridId) {
        const g = await store.territories.get(input.location.gridId)
        if (!g || g.level !== 'grid' || g.parentId !== community.id)
          throw new HttpError(400, 'REFERENCE', 'body.location.gridId: not a grid of this community', [
            { field: 'body.location.gridId', reason: 'not a grid of this community' },
          ])
      }
      const { matter } = await intake(ctx, community.id, input, {
        accountId: account.id,
        actorId: input.reporterActorId ?? null,
      })
      return reply.code(201).send(withDeadline(matter, now(), ctx.deadlines))
    },
  )

  r.get(
    `${base}/overdue`,
    {
      schema: {
        tags: ['matters'],
        summary: 'Supervisor view: open matters past their deadline, latest first',
        params: CommunityParams,
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const at = now()
      const items = await store.matters.list(community.id, { states: OPEN_STATES, dueBefore: at })
      return {
        at,
        items: items
          .map((m) => withDeadline(viewMatter(account, m), at, ctx.deadlines))
          .sort((a, b) => a.deadline.hoursLeft - b.deadline.hoursLeft),
      }
    },
  )

  r.get(
    '/api/territories/:territoryId/matters/overdue',
    {
      schema: {
        tags: ['matters'],
        summary: 'Supervisor view across a street or district: overdue matters and counts per community',
        params: z.object({ territoryId: Id }),
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
      authorize(account, 'read', 'matter')
      const at = now()
      const communities = []
      for (const c of await store.territories.communitiesUnder(req.params.territoryId)) {
        const anc = await store.territories.ancestors(c.id)
        if (
          !inScope(
            account,
            anc.map((t) => t.id),
          )
        )
          continue
        const items = await store.matters.list(c.id, { states: OPEN_STATES, dueBefore: at })
        communities.push({
          community: { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn },
          open: await store.matters.count(c.id, { states: OPEN_STATES }),
          overdue: items.length,
          items: items
            .map((m) => withDeadline(viewMatter(account, m), at, ctx.deadlines))
            .sort((a, b) => a.deadline.hoursLeft - b.deadline.hoursLeft),
        })
      }
      return { at, communities }
    },
  )

  r.get(
    `${base}/board`,
    {
      schema: {
        tags: ['matters'],
        summary: 'Counts for the board: per state, overdue, and open matters per handler',
        params: CommunityParams,
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const at = now()
      const open = await store.matters.list(community.id, { states: OPEN_STATES })
      const byState: Record<string, number> = {}
      for (const s of MATTER_STATE_CODES) byState[s] = await store.matters.count(community.id, { states: [s] })
      const byHandler: Record<string, { lead: number; co: number; overdue: number }> = {}
      let overdue = 0
      for (const m of open) {
        const late = Date.parse(m.dueAt) < Date.parse(at)
        if (late) overdue++
        for (const h of m.handlers)
          if (h.dispatch === m.handoffs && ['assigned', 'accepted', 'in_progress'].includes(h.status)) {
            const x = (byHandler[h.actorId] ??= { lead: 0, co: 0, overdue: 0 })
            x[h.role]++
            if (late) x.overdue++
          }
      }
      return { at, byState, open: open.length, overdue, byHandler }
    },
  )

  r.get(
    `${base}/kpis`,
    {
      schema: {
        tags: ['matters'],
        summary: 'KPIs (response, resolution, satisfaction, on-time, reopen, hand-offs) with their formulas',
        params: CommunityParams,
        querystring: z.object({
          from: IsoDate.optional(),
          to: IsoDate.optional(),
          minSample: z.coerce.number().int().min(1).max(1000).default(DEFAULT_MIN_SAMPLE),
          /** With from and to: the community's KPIs per month, quarter or year as well. */
          unit: z.enum(PERIOD_UNITS as [PeriodUnit, ...PeriodUnit[]]).optional(),
        }),
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const matters = await store.matters.list(community.id)
      const q = req.query
      const opts = { now: now(), minSample: q.minSample, deadlines: ctx.deadlines }
      const report = matterKpis(matters, { ...opts, from: q.from, to: q.to })
      if (!q.unit) return report
      if (!q.from || !q.to)
        throw new HttpError(400, 'VALIDATION', 'querystring.from: a series per unit needs from and to', [
          { field: 'querystring.from', reason: 'a series per unit needs from and to' },
        ])
      let windows
      try {
        windows = periodWindows(q.from, q.to, q.unit, { clip: true })
      } catch (e) {
        throw new HttpError(400, 'VALIDATION', (e as Error).message)
      }
      if (windows.length > 120) throw new HttpError(400, 'VALIDATION', 'at most 120 periods: choose a longer unit')
      return {
        ...report,
        series: windows.map((w) => ({
          window: w,
          community: matterKpis(matters, { ...opts, from: w.from, to: w.to }).community,
        })),
      }
    },
  )

  r.post(
    `${base}/sweep`,
    {
      schema: {
        tags: ['matters'],
        summary: 'Record the deadline escalations due now (warnings, overdue, escalation) and notify',
        params: CommunityParams,
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'write', 'matter')
      return { recorded: await sweepEscalations(ctx, [community.id]) }
    },
  )

  r.post(
    `${base}/import`,
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['matters'],
        summary: 'Import 12345 orders from a CSV (text/csv) or XLSX body, with their history; all rows or none',
        params: CommunityParams,
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'import')
      const sheet = (await uploadedSheets(req, 'orders'))[0]!
      const rows = sheet.rows.map((x) => ({
        line: x.line,
        cells: Object.fromEntries(sheet.header.map((h, i) => [h, x.cells[i] ?? ''])),
      }))
      return reply.code(201).send(await importOrders(ctx, community.id, sheet.header, rows, account.id))
    },
  )

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags: ['matters'],
        summary: 'A matter with its deadline and every event (who, when, what)',
        params: MatterParams,
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const m = await store.matters.get(community.id, req.params.id)
      if (!m) throw notFound(`no matter "${req.params.id}" in this community`)
      const events = await store.matters.events(community.id, m.id)
      return {
        ...withDeadline(viewMatter(account, m), now(), ctx.deadlines),
        events: events.map((e) => viewEvent(account, e, m)),
      }
    },
  )

  r.post(
    `${base}/:id/steps`,
    {
      schema: {
        tags: ['matters'],
        summary:
          'Take a step: classify, dispatch, accept, start, return, done, arbitrate, whistle, arrive, verify, close, reopen, feedback, revisit',
        params: MatterParams,
        body: StepBody,
      },
    },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'matter')
      const { actorId, version, ...body } = req.body as MatterStep & { actorId?: string; version?: number }
      if (body.kind === 'classify' && body.gridId) {
        const g = await store.territories.get(body.gridId)
        if (!g || g.level !== 'grid' || g.parentId !== community.id)
          throw new HttpError(400, 'REFERENCE', 'body.gridId: not a grid of this community', [
            { field: 'body.gridId', reason: 'not a grid of this community' },
          ])
      }
      const r = await step(ctx, community.id, req.params.id, body as MatterStep, { account, actorId, version })
      return reply.code(201).send({ ...withDeadline(r.matter, now(), ctx.deadlines), appended: r.events })
    },
  )

  r.get(
    `${base}/:id/photo`,
    { schema: { tags: ['matters'], summary: 'The photo sent with a report', params: MatterParams } },
    async (req, reply) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      if (account.role === 'researcher') throw new HttpError(403, 'FORBIDDEN', 'photos are not shown to researchers')
      const m = await store.matters.get(community.id, req.params.id)
      if (!m?.photo?.startsWith('photo:')) throw notFound('this matter has no stored photo')
      const p = await store.matters.photo(community.id, m.photo.slice('photo:'.length))
      if (!p) throw notFound('this matter has no stored photo')
      return reply
        .type(p.mediaType)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(p.data, 'base64'))
    },
  )

  r.get(
    '/api/communities/:communityId/inbox',
    {
      schema: {
        tags: ['matters'],
        summary: 'An actor’s inbox (an actor representative’s own; staff name the actor)',
        params: CommunityParams,
        querystring: z.object({
          actorId: Id.optional(),
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'read', 'matter')
      const actorId = inboxActor(account, req.query.actorId)
      const unreadOnly = req.query.unread === 'true'
      const [items, total, unread] = await Promise.all([
        store.notifications.list(
          community.id,
          actorId,
          { unreadOnly },
          { limit: req.query.limit, offset: req.query.offset },
        ),
        store.notifications.count(community.id, actorId, { unreadOnly }),
        store.notifications.count(community.id, actorId, { unreadOnly: true }),
      ])
      return { actorId, items, total, unread }
    },
  )

  r.post(
    '/api/communities/:communityId/inbox/:id/read',
    {
      schema: {
        tags: ['matters'],
        summary: 'Mark a notice read',
        params: MatterParams,
        querystring: z.object({ actorId: Id.optional() }),
      },
    },
    async (req) => {
      const { account, community } = await communityFor(req, store, req.params.communityId, 'write', 'matter')
      const actorId = inboxActor(account, req.query.actorId)
      if (!(await store.notifications.markRead(community.id, actorId, req.params.id, now())))
        throw notFound(`no notice "${req.params.id}" in this inbox`)
      return { ok: true }
    },
  )
}

function inboxActor(account: { role: string; actorId: string | null }, asked: string | undefined): string {
  if (account.role === 'actor') {
    if (asked && asked !== account.actorId)
      throw new HttpError(403, 'FORBIDDEN', 'an actor representative reads their own inbox only')
    return account.actorId!
  }
  if (!asked)
    throw new HttpError(400, 'VALIDATION', 'querystring.actorId: name the actor whose inbox to open', [
      { field: 'querystring.actorId', reason: 'name the actor whose inbox to open' },
    ])
  return asked
}
