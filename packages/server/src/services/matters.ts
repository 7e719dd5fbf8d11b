// Safety matters on the server: intake, steps with retries on conflicts, escalation sweeps, KPIs,
// ties for the network, the diagnosis input, 12345 order imports, and the notifier hook.
//
// Core decides (life-cycle, deadlines, KPIs); the store keeps (events, matter, handlers, inbox
// in one transaction); this file joins them with the clock, which is injected so that tests
// drive whole life-cycles in minutes of simulated time.

import { createHash, randomBytes, randomUUID } from 'node:crypto'
import {
  deadlineStatus,
  DEFAULT_DEADLINES,
  dueEscalations,
  isOpen,
  leadOf,
  MATTER_CATEGORIES,
  MATTER_CATEGORY_CODES,
  MatterInput,
  MatterStepError,
  mattersForDiagnosis,
  matterTies,
  matterTiesAsRecords,
  receiveMatter,
  takeStep,
  URGENCIES,
  URGENCY_CODES,
  type Account,
  type Actor,
  type DeadlineConfig,
  type EscalationLevel,
  type EventStamp,
  type Matter,
  type MatterCategory,
  type MatterEvent,
  type MatterNotice,
  type MatterState,
  type MatterStep,
  type Matters,
  type Tie,
  type Urgency,
} from '@cosafe/core'
import { StoreError, type NewNotification, type Store } from '@cosafe/store'
import { HttpError, type Issue } from '../errors.js'

/** The states in which a matter is still being handled. */
export const OPEN_STATES: readonly MatterState[] = [
  'received',
  'dispatched',
  'accepted',
  'in_progress',
  'returned',
  'arbitration',
]

/**
 * Delivery outside the app. Every notice is in the actor's inbox first; a notifier may also send
 * it by SMS or e-mail, and tells reporters who left a phone or e-mail. Failures are logged and do
 * not undo the step (the step is stored before anyone is told).
 */
export interface MatterNotifier {
  reporter(msg: {
    communityId: string
    matterId: string
    to: { phone?: string | null; email?: string | null }
    text: { zh: string; en: string }
  }): Promise<void>
  actor(msg: {
    communityId: string
    actorId: string
    matterId: string | null
    kind: string
    text: { zh: string; en: string }
  }): Promise<void>
}

export interface MatterContext {
  store: Store
  now: () => Date
  deadlines: DeadlineConfig
  notifier: MatterNotifier
  log: (obj: object, msg: string) => void
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

/** The tracking code of a resident report: derived from the client's idempotency key, so a retry gets the same code. */
export function trackingCode(clientKey: string | null): string {
  return clientKey
    ? createHash('sha256').update(`cosafe-track:${clientKey}`).digest('base64url').slice(0, 24)
    : randomBytes(18).toString('base64url')
}

function stepError(e: unknown): never {
  if (e instanceof MatterStepError)
    throw new HttpError(409, e.code, `${e.reason.en} (${e.reason.zh})`, [{ field: 'body.kind', reason: e.reason.en }])
  throw e
}

/** Actor ids named by a step that must be actors of the community. */
function namedActors(step: MatterStep, actorId: string | null): [string, string][] {
  const out: [string, string][] = []
  if (actorId) out.push(['actorId', actorId])
  if (step.kind === 'dispatch') {
    out.push(['leadId', step.leadId])
    step.coHandlerIds.forEach((id, k) => out.push([`coHandlerIds.${k}`, id]))
  }
  if (step.kind === 'whistle') step.departmentIds.forEach((id, k) => out.push([`departmentIds.${k}`, id]))
  return out
}

/** 400 naming every actor reference that is not an actor of the community. */
export function checkActors(actors: readonly Actor[], refs: readonly [string, string][], prefix = 'body'): void {
  const known = new Set(actors.map((a) => a.id))
  const issues: Issue[] = refs
    .filter(([, id]) => !known.has(id))
    .map(([field, id]) => ({ field: `${prefix}.${field}`, reason: `no actor "${id}" in this community` }))
  if (issues.length)
    throw new HttpError(400, 'REFERENCE', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
}

/** The actor a staff account speaks for when it does not name one: the residents' committee, or the street office. */
export function defaultActor(account: Account, actors: readonly Actor[]): string | null {
  if (account.role === 'actor') return account.actorId
  const types =
    account.role === 'street' || account.role === 'district'
      ? ['street_office', 'street_party_committee']
      : ['residents_committee', 'community_party_committee']
  for (const t of types) {
    const a = actors.find((x) => x.type === t)
    if (a) return a.id
  }
  return null
}

const HANDLER_KINDS = new Set(['accept', 'start', 'return', 'done', 'arrive'])

/** Stores the notices' deliveries outside the app, after the write (never undoing it). */
async function deliver(
  ctx: MatterContext,
  m: Matter,
  events: readonly MatterEvent[],
  notices: readonly NewNotification[],
) {
  for (const n of notices)
    await ctx.notifier
      .actor({
        communityId: m.communityId,
        actorId: n.actorId,
        matterId: n.matterId ?? null,
        kind: n.kind,
        text: n.text,
      })
      .catch((e: unknown) => ctx.log({ err: String(e), actorId: n.actorId }, 'matter notice delivery failed'))
  const to = { phone: m.reporter?.phone ?? null, email: m.reporter?.email ?? null }
  if (!to.phone && !to.email) return
  for (const e of events)
    if (e.kind === 'feedback' && e.channel === 'auto') {
      const [zh, en] = e.message.split(' / ')
      await ctx.notifier
        .reporter({
          communityId: m.communityId,
          matterId: m.id,
          to,
          text: { zh: zh ?? e.message, en: en ?? e.message },
        })
        .catch((err: unknown) => ctx.log({ err: String(err), matterId: m.id }, 'reporter notice delivery failed'))
    }
}

const withMatter = (id: string, notices: readonly MatterNotice[]): NewNotification[] =>
  notices.map((n) => ({ actorId: n.actorId, kind: n.kind, text: n.text, matterId: id }))

export interface IntakeOptions {
  clientKey?: string | null
  trackingHash?: string | null
  photo?: { id: string; mediaType: string; data: string } | null
  /** Time of receipt (default: now). */
  at?: string
}

/** Stores a new matter. With a client key already used, returns the matter stored the first time (`duplicate`). */
export async function intake(
  ctx: MatterContext,
  communityId: string,
  input: MatterInput,
  stamp: Omit<EventStamp, 'at'>,
  opts: IntakeOptions = {},
): Promise<{ matter: Matter; duplicate: boolean }> {
  // a key seen before is found by the unique index (one write, no read first)
  const id = randomUUID()
  const r = receiveMatter(id, communityId, input, { ...stamp, at: opts.at ?? ctx.now().toISOString() }, ctx.deadlines)
  try {
    await ctx.store.matters.create(communityId, r.matter, r.events, {
      clientKey: opts.clientKey ?? null,
      trackingHash: opts.trackingHash ?? null,
      photo: opts.photo ?? null,
    })
  } catch (e) {
    // the same key sent again, or twice at once: the first request stored it
    // (the database may name the tracking hash, which the key determines, rather than the key)
    if (e instanceof StoreError && e.code === 'E_DUPLICATE' && opts.clientKey) {
      const seen = await ctx.store.matters.byClientKey(communityId, opts.clientKey)
      if (seen) return { matter: seen, duplicate: true }
    }
    throw e
  }
  return { matter: r.matter, duplicate: false }
}

/** Steps on one matter in this process run one at a time (another process's are caught by the version). */
const queues = new Map<string, Promise<unknown>>()
function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const result = before.then(fn, fn)
  const tail = result.catch(() => undefined)
  queues.set(key, tail)
  void tail.then(() => queues.get(key) === tail && queues.delete(key))
  return result
}

/**
 * Takes a step on a stored matter: checks who may take it, computes it with core, appends it at
 * the version read (retrying when another process's step came first) and tells the actors concerned.
 */
export async function step(
  ctx: MatterContext,
  communityId: string,
  id: string,
  input: MatterStep | { kind: 'escalation'; level: EscalationLevel },
  who: { account: Account | null; actorId?: string | null; version?: number },
  extraNotices: (m: Matter) => NewNotification[] = () => [],
): Promise<{ matter: Matter; events: MatterEvent[] }> {
  const r = await serialised(`${communityId}\u0000${id}`, () => stepNow(ctx, communityId, id, input, who, extraNotices))
  // told after the step is stored, outside the queue (a slow SMS gateway holds no one up)
  await deliver(ctx, r.matter, r.events, r.notices)
  return { matter: r.matter, events: r.events }
}

async function stepNow(
  ctx: MatterContext,
  communityId: string,
  id: string,
  input: MatterStep | { kind: 'escalation'; level: EscalationLevel },
  who: { account: Account | null; actorId?: string | null; version?: number },
  extraNotices: (m: Matter) => NewNotification[] = () => [],
): Promise<{ matter: Matter; events: MatterEvent[]; notices: NewNotification[] }> {
  const account = who.account
  let actorId = who.actorId ?? null
  if (account && input.kind !== 'escalation') {
    const actors = await ctx.store.actors.list(communityId, { limit: 1_000_000 })
    if (account.role === 'actor') {
      if (!HANDLER_KINDS.has(input.kind))
        throw new HttpError(
          403,
          'FORBIDDEN',
          `an actor representative takes the handler's steps only (accept, start, return, done, arrive), not ${input.kind}`,
        )
      if (actorId && actorId !== account.actorId)
        throw new HttpError(403, 'FORBIDDEN', 'an actor representative acts for their own actor only')
      actorId = account.actorId
    } else if (!actorId) {
      if (HANDLER_KINDS.has(input.kind))
        throw new HttpError(400, 'VALIDATION', 'body.actorId: name the handler this step is recorded for', [
          { field: 'body.actorId', reason: 'name the handler this step is recorded for' },
        ])
      actorId = defaultActor(account, actors)
    }
    checkActors(actors, namedActors(input, actorId))
  }
  for (let attempt = 0; ; attempt++) {
    const m = await ctx.store.matters.get(communityId, id)
    if (!m) throw new HttpError(404, 'NOT_FOUND', `no matter "${id}" in this community`)
    if (who.version !== undefined && who.version !== m.version)
      throw new HttpError(
        409,
        'E_CONFLICT',
        `the matter is at version ${m.version}, not ${who.version}: another step came first (reload it)`,
        [{ field: 'body.version', reason: `the matter is at version ${m.version}` }],
      )
    let r
    try {
      r = takeStep(m, input, { at: ctx.now().toISOString(), accountId: account?.id ?? null, actorId }, ctx.deadlines)
    } catch (e) {
      stepError(e)
    }
    const notices = [...withMatter(id, r.notices), ...extraNotices(r.matter)]
    try {
      const stored = await ctx.store.matters.append(communityId, id, m.version, r.events, r.matter, notices)
      if (!stored) throw new HttpError(404, 'NOT_FOUND', `no matter "${id}" in this community`)
    } catch (e) {
      if (e instanceof StoreError && e.code === 'E_CONFLICT' && attempt < 20) continue
      throw e
    }
    return { matter: r.matter, events: r.events, notices }
  }
}

/** Supervisors of a community: its street office and street party committee registrations. */
const supervisors = (actors: readonly Actor[]): string[] =>
  actors.filter((a) => a.type === 'street_office' || a.type === 'street_party_committee').map((a) => a.id)

/**
 * Records the escalations that have come due at `now` in every open matter of the given
 * communities (default all), notifying whom each rule names. Returns how many were recorded.
 */
export async function sweepEscalations(ctx: MatterContext, communityIds?: readonly string[]): Promise<number> {
  const ids = communityIds ?? (await ctx.store.territories.list({ level: 'community' })).map((t) => t.id)
  let recorded = 0
  const now = ctx.now().toISOString()
  for (const c of ids) {
    const open = await ctx.store.matters.list(c, { states: OPEN_STATES })
    const due = open.filter((m) => dueEscalations(m, now, ctx.deadlines).length)
    if (!due.length) continue
    const actors = await ctx.store.actors.list(c, { limit: 1_000_000 })
    const sup = supervisors(actors)
    for (const m of due)
      for (const rule of dueEscalations(m, now, ctx.deadlines)) {
        const text = escalationText(rule.level, m)
        try {
          await step(ctx, c, m.id, { kind: 'escalation', level: rule.level }, { account: null }, (after) => {
            const to = new Set<string>()
            const lead = leadOf(after)
            for (const who of rule.notify) {
              if (who === 'lead' && lead) to.add(lead.actorId)
              if (who === 'handlers')
                for (const h of after.handlers)
                  if (h.dispatch === after.handoffs && ['assigned', 'accepted', 'in_progress'].includes(h.status))
                    to.add(h.actorId)
              if (who === 'dispatcher' && after.dispatcherId) to.add(after.dispatcherId)
              if (who === 'supervisors') for (const s of sup) to.add(s)
            }
            return [...to].map((actorId) => ({ actorId, kind: 'escalation', matterId: m.id, text }))
          })
          recorded++
        } catch (e) {
          // a step taken meanwhile may have closed the matter: the next sweep sees it as it is
          if (!(e instanceof HttpError && e.status === 409)) throw e
        }
      }
  }
  return recorded
}

function escalationText(level: EscalationLevel, m: Matter): { zh: string; en: string } {
  const c = MATTER_CATEGORIES[m.category]
  if (level === 'warn') return { zh: `即将超期（${m.dueAt} 前办结）：${c.zh}`, en: `Due soon (by ${m.dueAt}): ${c.en}` }
  if (level === 'overdue') return { zh: `已超期：${c.zh}`, en: `Overdue: ${c.en}` }
  return { zh: `严重超期，请督办或吹哨：${c.zh}`, en: `Far overdue, supervise or blow the whistle: ${c.en}` }
}

/** The community's matter ties as recorded ties, for buildNetwork (actors the community no longer has left out). */
export async function matterRecordTies(store: Store, communityId: string, actors: readonly Actor[]): Promise<Tie[]> {
  const all = await store.matters.allEvents(communityId)
  const ties = [...all].flatMap(([id, events]) => matterTies(id, events))
  return matterTiesAsRecords(communityId, ties, new Set(actors.map((a) => a.id)))
}

/** The `matters` input of the diagnosis for a community, judged at `now`. */
export async function diagnosisMatters(
  store: Store,
  communityId: string,
  now: string,
  opts: { deadlines?: DeadlineConfig; cityReference?: Matters['cityReference'] } = {},
): Promise<Matters> {
  const matters = await store.matters.list(communityId)
  return mattersForDiagnosis(
    matters.map((matter) => ({ matter })),
    { now, deadlines: opts.deadlines, cityReference: opts.cityReference },
  )
}

/** A matter with where it stands against its deadline. */
export function withDeadline(m: Matter, now: string, cfg: DeadlineConfig = DEFAULT_DEADLINES) {
  return { ...m, deadline: deadlineStatus(m, now, cfg), open: isOpen(m) }
}

/**
 * What an account sees of a matter: researchers no reporter contact, no description beyond the
 * category, no address; actor representatives the reporter's contact only on matters their actor
 * handles or handled.
 */
export function viewMatter(account: Account | null, m: Matter): Matter {
  if (account?.role === 'actor' && m.reporter && !m.handlers.some((h) => h.actorId === account.actorId))
    return { ...m, reporter: null }
  if (account?.role !== 'researcher') return m
  return {
    ...m,
    reporter: null,
    description: MATTER_CATEGORIES[m.category].en,
    location: { ...m.location, address: null },
  }
}

export function viewEvent(account: Account | null, e: MatterEvent, m?: Matter): MatterEvent {
  if (account?.role === 'actor' && e.kind === 'receive' && m && viewMatter(account, m).reporter === null)
    return { ...e, input: { ...e.input, reporter: null } }
  if (account?.role !== 'researcher') return e
  const x = { ...e, accountId: null } as MatterEvent
  if (x.kind === 'receive')
    x.input = { ...x.input, reporter: null, description: '', location: { gridId: x.input.location.gridId } }
  return x
}

// ---------------------------------------------------------------------------------------------
// 12345 orders from CSV or XLSX: one row per order, with its history when the hotline exported it.

/** The columns of an order file: English key and Chinese header, either accepted. */
export const ORDER_COLUMNS = {
  externalId: { zh: '工单编号', required: true },
  receivedAt: { zh: '受理时间', required: true },
  category: { zh: '问题分类', required: true },
  urgency: { zh: '紧急程度', required: false },
  description: { zh: '诉求内容', required: true },
  address: { zh: '地址', required: false },
  gridId: { zh: '网格', required: false },
  lat: { zh: '纬度', required: false },
  lon: { zh: '经度', required: false },
  reporterName: { zh: '联系人', required: false },
  phone: { zh: '联系电话', required: false },
  leadId: { zh: '承办单位', required: false },
  coHandlerIds: { zh: '协办单位', required: false },
  dispatchedAt: { zh: '派单时间', required: false },
  acceptedAt: { zh: '接单时间', required: false },
  doneAt: { zh: '办结时间', required: false },
  resolved: { zh: '是否解决', required: false },
  closedAt: { zh: '结案时间', required: false },
  revisitAt: { zh: '回访时间', required: false },
  rating: { zh: '满意度', required: false },
} as const
type OrderColumn = keyof typeof ORDER_COLUMNS

export interface OrderRow {
  line: number
  cells: Record<string, string>
}

export interface ParsedOrder {
  line: number
  input: MatterInput
  receivedAt: string
  steps: { at: string; step: MatterStep; actorId: string | null }[]
}

/** '2026-03-02 09:30', '2026/3/2 9:30', or ISO with offset; times without offset are Beijing time. */
export function parseOrderTime(s: string): string | null {
  const t = s.trim()
  if (!t) return null
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t)
  const iso = m
    ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}T${(m[4] ?? '00').padStart(2, '0')}:${m[5] ?? '00'}:${m[6] ?? '00'}+08:00`
    : t
  const ms = Date.parse(iso)
  if (Number.isNaN(ms) || (!m && !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(t))) return null
  return new Date(ms).toISOString()
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '已解决', 'resolved'])
const NO = new Set(['否', 'n', 'no', 'false', '0', '未解决', 'unresolved'])
const RATINGS: Record<string, number> = { 满意: 5, 基本满意: 4, 一般: 3, 不满意: 1, 非常不满意: 1 }

function lookupCategory(v: string): MatterCategory | null {
  const x = v.trim()
  if ((MATTER_CATEGORY_CODES as string[]).includes(x)) return x as MatterCategory
  for (const [code, c] of Object.entries(MATTER_CATEGORIES))
    if (c.zh === x || c.en.toLowerCase() === x.toLowerCase()) return code as MatterCategory
  return null
}

function lookupUrgency(v: string): Urgency | null {
  const x = v.trim()
  if ((URGENCY_CODES as string[]).includes(x)) return x as Urgency
  for (const [code, u] of Object.entries(URGENCIES)) if (u.zh === x || u.en === x.toLowerCase()) return code as Urgency
  return null
}

/** An actor by id, organisation code, or name (Chinese or English). */
function lookupActor(actors: readonly Actor[], v: string): Actor | undefined {
  const x = v.trim()
  return (
    actors.find((a) => a.id === x) ??
    actors.find((a) => a.orgCode === x) ??
    actors.find((a) => a.name === x || (a.nameEn ?? '').toLowerCase() === x.toLowerCase())
  )
}

/**
 * Checks every row of an order file; returns the orders, or every problem with its line, field
 * and reason (nothing is imported when there is one).
 */
export function parseOrders(
  header: readonly string[],
  rows: readonly OrderRow[],
  actors: readonly Actor[],
  dispatcherId: string | null,
): { orders: ParsedOrder[]; issues: Issue[] } {
  const issues: Issue[] = []
  const colOf = new Map<string, OrderColumn>()
  for (const [k, c] of Object.entries(ORDER_COLUMNS) as [OrderColumn, (typeof ORDER_COLUMNS)[OrderColumn]][]) {
    colOf.set(k.toLowerCase(), k)
    colOf.set(c.zh, k)
  }
  const known = new Set<OrderColumn>()
  for (const h of header) {
    const k = colOf.get(h.trim()) ?? colOf.get(h.trim().toLowerCase())
    if (k) known.add(k)
    else if (h.trim())
      issues.push({
        line: 1,
        field: h,
        reason: `unknown column "${h}" (known: ${Object.keys(ORDER_COLUMNS).join(', ')})`,
      })
  }
  for (const [k, c] of Object.entries(ORDER_COLUMNS))
    if (c.required && !known.has(k as OrderColumn))
      issues.push({ line: 1, field: k, reason: `missing column ${k} (${c.zh})` })
  if (issues.length) return { orders: [], issues }
  const orders: ParsedOrder[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const get = (k: OrderColumn): string => {
      for (const [h, v] of Object.entries(row.cells))
        if ((colOf.get(h.trim()) ?? colOf.get(h.trim().toLowerCase())) === k) return v.trim()
      return ''
    }
    const bad = (field: string, reason: string) => issues.push({ line: row.line, field, reason })
    const time = (k: OrderColumn): string | null => {
      const v = get(k)
      if (!v) return null
      const t = parseOrderTime(v)
      if (!t) bad(k, `"${v}" is not a time (use 2026-03-02 09:30, Beijing time, or ISO 8601 with an offset)`)
      return t
    }
    const externalId = get('externalId')
    if (!externalId) bad('externalId', 'must not be empty')
    else if (seen.has(externalId)) bad('externalId', `order ${externalId} is also on line ${seen.get(externalId)}`)
    else seen.set(externalId, row.line)
    const receivedAt = time('receivedAt')
    if (!get('receivedAt')) bad('receivedAt', 'must not be empty')
    const category = lookupCategory(get('category'))
    if (!category)
      bad('category', `unknown category "${get('category')}" (use a code such as fire_passage or its Chinese name)`)
    let urgency: Urgency | null = null
    if (get('urgency')) {
      urgency = lookupUrgency(get('urgency'))
      if (!urgency)
        bad('urgency', `unknown urgency "${get('urgency')}" (${URGENCY_CODES.join(', ')} or 紧急/加急/一般/常规)`)
    }
    const num = (k: 'lat' | 'lon'): number | null => {
      const v = get(k)
      if (!v) return null
      const x = Number(v)
      if (!Number.isFinite(x)) bad(k, `"${v}" is not a number`)
      return x
    }
    const lat = num('lat')
    const lon = num('lon')
    if ((lat === null) !== (lon === null))
      bad(lat === null ? 'lat' : 'lon', 'give both latitude and longitude, or neither')
    const actor = (field: string, v: string): string | null => {
      const a = lookupActor(actors, v)
      if (!a) bad(field, `no actor "${v}" in this community (use its id, organisation code or name)`)
      return a?.id ?? null
    }
    const leadRaw = get('leadId')
    const lead = leadRaw ? actor('leadId', leadRaw) : null
    const coHandlers = get('coHandlerIds')
      .split(/[;；、|]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((v, k) => actor(`coHandlerIds.${k}`, v))
    const dispatchedAt = time('dispatchedAt')
    const acceptedAt = time('acceptedAt')
    const doneAt = time('doneAt')
    const closedAt = time('closedAt')
    const revisitAt = time('revisitAt')
    let resolved: boolean | null = null
    if (get('resolved')) {
      const v = get('resolved').toLowerCase()
      resolved = YES.has(v) ? true : NO.has(v) ? false : null
      if (resolved === null) bad('resolved', `"${get('resolved')}" is not yes or no (是/否)`)
    }
    let rating: number | null = null
    if (get('rating')) {
      const v = get('rating')
      rating = RATINGS[v] ?? (/^[1-5]$/.test(v) ? Number(v) : null)
      if (rating === null) bad('rating', `"${v}" is not a rating (1–5, or 满意/基本满意/不满意)`)
    }
    if ((acceptedAt || doneAt || closedAt) && !lead) bad('leadId', 'an order accepted or done names its handling unit')
    if (doneAt && resolved === null && get('resolved') === '')
      bad('resolved', 'a done order says whether it was resolved (是/否)')
    if (rating !== null && !doneAt) bad('rating', 'only a done order has a satisfaction rating')
    const parsed = MatterInput.safeParse({
      source: 'hotline12345',
      category: category ?? 'other',
      urgency,
      description: get('description'),
      location: {
        address: get('address') || null,
        gridId: get('gridId') || null,
        point: lat !== null && lon !== null ? { lat, lon } : null,
      },
      reporter:
        get('reporterName') || get('phone') ? { name: get('reporterName') || null, phone: get('phone') || null } : null,
      externalId: externalId || null,
    })
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const path = i.path.map(String)
        const field =
          path[0] === 'location'
            ? path[1] === 'point'
              ? 'lat'
              : (path[1] ?? 'address')
            : path[0] === 'reporter'
              ? path[1] === 'phone'
                ? 'phone'
                : 'reporterName'
              : (path[0] ?? '(row)')
        bad(field, i.message)
      }
    if (!receivedAt || !parsed.success || issues.some((i) => i.line === row.line)) continue
    // the times must follow each other
    const chain: [string, string | null][] = [
      ['receivedAt', receivedAt],
      ['dispatchedAt', dispatchedAt ?? (lead ? receivedAt : null)],
      ['acceptedAt', acceptedAt],
      ['doneAt', doneAt],
      ['closedAt', closedAt],
    ]
    let prev = receivedAt
    for (const [k, t] of chain) {
      if (!t) continue
      if (t < prev) bad(k, `${k} is before the step before it`)
      prev = t
    }
    if (revisitAt && doneAt && revisitAt < doneAt) bad('revisitAt', 'the return visit is before the order was done')
    if (issues.some((i) => i.line === row.line)) continue
    const steps: ParsedOrder['steps'] = []
    if (lead) {
      steps.push({
        at: dispatchedAt ?? receivedAt,
        step: { kind: 'dispatch', leadId: lead, coHandlerIds: coHandlers.filter((x): x is string => x !== null) },
        actorId: dispatcherId,
      })
      if (acceptedAt || doneAt) steps.push({ at: acceptedAt ?? doneAt!, step: { kind: 'accept' }, actorId: lead })
      if (doneAt) steps.push({ at: doneAt, step: { kind: 'done', resolved: resolved ?? false }, actorId: lead })
      if (doneAt && closedAt) {
        steps.push({ at: closedAt, step: { kind: 'verify', passed: true }, actorId: dispatcherId })
        steps.push({ at: closedAt, step: { kind: 'close' }, actorId: dispatcherId })
      }
      if (rating !== null)
        steps.push({ at: revisitAt ?? closedAt ?? doneAt!, step: { kind: 'revisit', rating }, actorId: dispatcherId })
    }
    steps.sort((a, b) => a.at.localeCompare(b.at))
    orders.push({ line: row.line, input: parsed.data, receivedAt, steps })
  }
  return { orders, issues }
}

/** The dispatcher of imported orders: the community's 12345 registration, else its residents' committee. */
export function orderDispatcher(actors: readonly Actor[]): string | null {
  return (
    actors.find((a) => a.type === 'hotline_12345')?.id ??
    actors.find((a) => a.type === 'residents_committee')?.id ??
    null
  )
}

/**
 * Imports 12345 orders: every row checked first, then all stored in one transaction, or none
 * (a 400 naming line, field and reason of every problem, including an order number already imported).
 */
export async function importOrders(
  ctx: MatterContext,
  communityId: string,
  header: readonly string[],
  rows: readonly OrderRow[],
  accountId: string | null,
): Promise<{ imported: number; ids: string[] }> {
  const actors = await ctx.store.actors.list(communityId, { limit: 1_000_000 })
  const grids = new Set((await ctx.store.territories.list({ level: 'grid', parentId: communityId })).map((t) => t.id))
  const { orders, issues } = parseOrders(header, rows, actors, orderDispatcher(actors))
  for (const o of orders)
    if (o.input.location.gridId && !grids.has(o.input.location.gridId))
      issues.push({ line: o.line, field: 'gridId', reason: `no grid "${o.input.location.gridId}" in this community` })
  const built: { line: number; matter: Matter; events: MatterEvent[] }[] = []
  for (const o of orders) {
    if (issues.some((i) => i.line === o.line)) continue
    try {
      const id = randomUUID()
      let { matter, events } = receiveMatter(
        id,
        communityId,
        o.input,
        { at: o.receivedAt, accountId, actorId: null },
        ctx.deadlines,
      )
      for (const s of o.steps) {
        const r = takeStep(matter, s.step, { at: s.at, accountId, actorId: s.actorId }, ctx.deadlines)
        matter = r.matter
        events = [...events, ...r.events]
      }
      built.push({ line: o.line, matter, events })
    } catch (e) {
      if (e instanceof MatterStepError) issues.push({ line: o.line, field: '(row)', reason: e.reason.en })
      else throw e
    }
  }
  if (!issues.length && !orders.length) throw new HttpError(400, 'EMPTY', 'the file has a header but no rows')
  if (!issues.length)
    await ctx.store
      .transaction(async (tx) => {
        for (const b of built) {
          if (await tx.matters.byExternalId(communityId, b.matter.externalId!)) {
            issues.push({
              line: b.line,
              field: 'externalId',
              reason: `order ${b.matter.externalId} was imported before`,
            })
            continue
          }
          await tx.matters.create(communityId, b.matter, b.events)
        }
        if (issues.length) throw new HttpError(400, 'IMPORT_REJECTED', 'rolled back')
      })
      .catch((e: unknown) => {
        if (!(e instanceof HttpError && issues.length)) throw e
      })
  if (issues.length) {
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    throw new HttpError(
      400,
      'IMPORT_REJECTED',
      `nothing was imported: ${issues.length} problem${issues.length > 1 ? 's' : ''} (first: line ${issues[0]!.line}, ${issues[0]!.field}: ${issues[0]!.reason})`,
      issues,
    )
  }
  return { imported: built.length, ids: built.map((b) => b.matter.id) }
}
