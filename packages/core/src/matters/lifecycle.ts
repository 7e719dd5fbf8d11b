// A matter's life-cycle as a pure state machine: 事项流转 — every step an event, the matter the fold of its events.
//
// received → dispatched → accepted → in_progress → done → verified → closed; a lead handler may
// return it with a reason (→ returned), staff may take it to arbitration and dispatch it again;
// the street may blow the whistle (吹哨) at any open stage, summoning departments whose arrival
// is recorded; verification may fail (→ in_progress); a closed matter may be reopened
// (→ received). One lead handler and any number of co-handlers, each with its own accept,
// return and done steps. No clock here: every event brings its time.

import {
  MATTER_CATEGORIES,
  MATTER_STAGES,
  MATTER_STATES,
  withDefaults,
  type EscalationLevel,
  type EventStamp,
  type MatterEvent,
  type MatterEventBody,
  type MatterInput,
  type MatterState,
  type MatterStep,
  type Urgency,
  type WhistleType,
} from './schema.js'
import type { SafetyDomain, Term } from '../vocabulary.js'
import { dueAtOf, DEFAULT_DEADLINES, type DeadlineConfig } from './deadlines.js'

export type HandlerRole = 'lead' | 'co'
export type HandlerStatus = 'assigned' | 'accepted' | 'in_progress' | 'returned' | 'done' | 'released'

export interface MatterHandler {
  actorId: string
  role: HandlerRole
  status: HandlerStatus
  /** The dispatch (1, 2, …) that named this handler. */
  dispatch: number
  assignedAt: string
  acceptedAt: string | null
  doneAt: string | null
  returnedAt: string | null
  returnReason: string | null
  resolved: boolean | null
}

export interface Whistle {
  seq: number
  type: WhistleType
  whistlerId: string | null
  at: string
  departments: { actorId: string; arrivedAt: string | null }[]
}

/** A matter as its events leave it. */
export interface Matter {
  id: string
  communityId: string
  source: MatterInput['source']
  category: MatterInput['category']
  domain: SafetyDomain
  urgency: Urgency
  description: string
  location: { gridId: string | null; address: string | null; point: { lat: number; lon: number } | null }
  reporter: { name?: string | null; phone?: string | null; email?: string | null } | null
  reporterActorId: string | null
  photo: string | null
  externalId: string | null
  state: MatterState
  /** The number of the last event (the matter's version). */
  version: number
  receivedAt: string
  /** When the current deadline runs out (from receipt, or from the last reopening). */
  dueAt: string
  /** When the deadline clock started (receipt or the last reopening). */
  clockFrom: string
  updatedAt: string
  /** The actor who dispatched it last (the community's residents' committee, the street…). */
  dispatcherId: string | null
  handlers: MatterHandler[]
  /** Dispatches so far, the first included (hand-offs on the way to the resolver). */
  handoffs: number
  whistles: Whistle[]
  /** The first time a lead handler accepted it. */
  firstAcceptedAt: string | null
  /** When the lead handler reported it done (the last time). */
  doneAt: string | null
  verifiedAt: string | null
  closedAt: string | null
  /** The lead's or the verifier's word: was the problem solved? */
  resolved: boolean | null
  /** Revisit rating 1–5 (4–5 satisfied). */
  rating: number | null
  ratedAt: string | null
  feedbacks: number
  firstFeedbackAt: string | null
  reopens: number
  /** Was it ever closed (for the reopen rate)? */
  everClosed: boolean
  /** Escalation levels already recorded for the current deadline. */
  escalations: EscalationLevel[]
  /** The stages of the loop it has passed (MATTER_STAGES order). */
  stages: MatterState[]
  /** The lead when it was done last (the resolver, for per-actor KPIs). */
  resolverId: string | null
}

/** A refused step: a stable code and the reason in both languages. */
export class MatterStepError extends Error {
  constructor(
    readonly code: 'E_STATE' | 'E_ACTOR' | 'E_TIME' | 'E_INPUT',
    readonly reason: Term,
  ) {
    super(reason.en)
    this.name = 'MatterStepError'
  }
}

const refuse = (code: MatterStepError['code'], zh: string, en: string): never => {
  throw new MatterStepError(code, { zh, en })
}

const OPEN: readonly MatterState[] = ['received', 'dispatched', 'accepted', 'in_progress', 'returned', 'arbitration']
export const isOpen = (m: Pick<Matter, 'state'>): boolean => OPEN.includes(m.state)

/** The steps that a handler (or its representative) takes; the others are staff's. */
export const HANDLER_STEPS: readonly MatterStep['kind'][] = ['accept', 'start', 'return', 'done', 'arrive']

const stateName = (s: MatterState) => MATTER_STATES[s]

function badState(kind: string, m: Matter, allowed: readonly MatterState[]): never {
  return refuse(
    'E_STATE',
    `事项处于“${stateName(m.state).zh}”状态，不能${kind}（应为：${allowed.map((s) => stateName(s).zh).join('、')}）`,
    `a matter that is ${stateName(m.state).en} cannot be ${kind} (expected ${allowed.map((s) => stateName(s).en).join(', ')})`,
  )
}

const current = (m: Matter) =>
  m.handlers.filter((h) => h.dispatch === m.handoffs && h.status !== 'released' && h.status !== 'returned')
export const leadOf = (m: Matter): MatterHandler | undefined =>
  m.handlers.find((h) => h.role === 'lead' && h.dispatch === m.handoffs && h.status !== 'released')

function handlerOf(m: Matter, actorId: string | null, what: string): MatterHandler {
  if (!actorId) return refuse('E_ACTOR', `${what}需要注明承办主体`, `${what}: name the handling actor`)
  const h = current(m).find((x) => x.actorId === actorId)
  if (!h)
    return refuse(
      'E_ACTOR',
      `${actorId} 不是本事项当前的承办主体`,
      `${actorId} is not a current handler of this matter`,
    )
  return h
}

function passStage(m: Matter, s: MatterState): void {
  if (MATTER_STAGES.includes(s) && !m.stages.includes(s))
    m.stages = MATTER_STAGES.filter((x) => x === s || m.stages.includes(x))
}

function setState(m: Matter, s: MatterState): void {
  m.state = s
  passStage(m, s)
}

/** The matter after its first event (receive). */
function received(id: string, communityId: string, e: MatterEvent & { kind: 'receive' }, cfg: DeadlineConfig): Matter {
  const i = withDefaults(e.input)
  const m: Matter = {
    id,
    communityId,
    source: i.source,
    category: i.category,
    domain: i.domain,
    urgency: i.urgency,
    description: i.description,
    location: {
      gridId: i.location.gridId ?? null,
      address: i.location.address ?? null,
      point: i.location.point ?? null,
    },
    reporter: i.reporter,
    reporterActorId: i.reporterActorId ?? null,
    photo: i.photo ?? null,
    externalId: i.externalId ?? null,
    state: 'received',
    version: e.seq,
    receivedAt: e.at,
    clockFrom: e.at,
    dueAt: '',
    updatedAt: e.at,
    dispatcherId: null,
    handlers: [],
    handoffs: 0,
    whistles: [],
    firstAcceptedAt: null,
    doneAt: null,
    verifiedAt: null,
    closedAt: null,
    resolved: null,
    rating: null,
    ratedAt: null,
    feedbacks: 0,
    firstFeedbackAt: null,
    reopens: 0,
    everClosed: false,
    escalations: [],
    stages: ['received'],
    resolverId: null,
  }
  m.dueAt = dueAtOf(m, cfg)
  return m
}

/**
 * The matter after one more event. Throws MatterStepError when the step is not allowed (wrong
 * state, an actor who is not a handler, a time before the previous event).
 */
export function applyEvent(m: Matter, e: MatterEvent, cfg: DeadlineConfig = DEFAULT_DEADLINES): Matter {
  if (e.kind === 'receive') return refuse('E_STATE', '事项已受理', 'the matter has already been received')
  if (e.seq !== m.version + 1)
    refuse('E_INPUT', `事件序号应为 ${m.version + 1}`, `event number ${e.seq} should be ${m.version + 1}`)
  if (Date.parse(e.at) < Date.parse(m.updatedAt))
    refuse(
      'E_TIME',
      `时间 ${e.at} 早于上一步（${m.updatedAt}）`,
      `time ${e.at} is before the previous step (${m.updatedAt})`,
    )
  const n: Matter = structuredClone(m)
  n.version = e.seq
  n.updatedAt = e.at
  switch (e.kind) {
    case 'classify': {
      if (!isOpen(m)) badState('classified', m, OPEN)
      if (e.category) n.category = e.category
      if (e.domain) n.domain = e.domain
      else if (e.category) n.domain = MATTER_CATEGORIES[e.category].domain
      if (e.urgency) n.urgency = e.urgency
      if (e.gridId) n.location = { ...n.location, gridId: e.gridId }
      n.dueAt = dueAtOf(n, cfg)
      // a new time limit: its escalations start afresh
      if (n.dueAt !== m.dueAt) n.escalations = []
      break
    }
    case 'dispatch': {
      const from: MatterState[] = ['received', 'returned', 'arbitration']
      if (!from.includes(m.state)) badState('dispatched', m, from)
      if (e.coHandlerIds.includes(e.leadId))
        refuse('E_INPUT', '牵头单位不能同时是协办单位', 'the lead handler cannot also be a co-handler')
      for (const h of n.handlers)
        if (h.status !== 'returned' && h.status !== 'done' && h.status !== 'released') h.status = 'released'
      n.handoffs++
      n.dispatcherId = e.actorId
      const assign = (actorId: string, role: HandlerRole): MatterHandler => ({
        actorId,
        role,
        status: 'assigned',
        dispatch: n.handoffs,
        assignedAt: e.at,
        acceptedAt: null,
        doneAt: null,
        returnedAt: null,
        returnReason: null,
        resolved: null,
      })
      n.handlers.push(assign(e.leadId, 'lead'), ...e.coHandlerIds.map((id) => assign(id, 'co')))
      setState(n, 'dispatched')
      break
    }
    case 'accept': {
      const h = handlerOf(n, e.actorId, '接单')
      if (h.status !== 'assigned') refuse('E_STATE', '该承办主体已接单', 'this handler has already accepted')
      h.status = 'accepted'
      h.acceptedAt = e.at
      if (h.role === 'lead') {
        n.firstAcceptedAt ??= e.at
        setState(n, 'accepted')
      }
      break
    }
    case 'start': {
      const h = handlerOf(n, e.actorId, '开始办理')
      if (h.status !== 'accepted') refuse('E_STATE', '请先接单再开始办理', 'accept the matter before starting')
      h.status = 'in_progress'
      if (h.role === 'lead') setState(n, 'in_progress')
      break
    }
    case 'return': {
      const h = handlerOf(n, e.actorId, '退单')
      if (h.status === 'done') refuse('E_STATE', '已办结的承办主体不能退单', 'a handler that is done cannot return')
      h.status = 'returned'
      h.returnedAt = e.at
      h.returnReason = e.reason
      if (h.role === 'lead') {
        for (const c of current(n)) c.status = c.status === 'done' ? 'done' : 'released'
        n.state = 'returned'
      }
      break
    }
    case 'done': {
      const h = handlerOf(n, e.actorId, '办结')
      if (h.status !== 'accepted' && h.status !== 'in_progress')
        refuse('E_STATE', '请先接单再办结', 'accept the matter before reporting it done')
      h.status = 'done'
      h.doneAt = e.at
      h.resolved = e.resolved
      if (h.role === 'lead') {
        passStage(n, 'in_progress')
        setState(n, 'done')
        n.doneAt = e.at
        n.resolved = e.resolved
        n.resolverId = h.actorId
      }
      break
    }
    case 'arbitrate': {
      if (m.state !== 'returned') badState('taken to arbitration', m, ['returned'])
      n.state = 'arbitration'
      break
    }
    case 'whistle': {
      if (!isOpen(m)) badState('escalated by a whistle', m, OPEN)
      n.whistles.push({
        seq: e.seq,
        type: e.whistleType,
        whistlerId: e.actorId,
        at: e.at,
        departments: e.departmentIds.map((actorId) => ({ actorId, arrivedAt: null })),
      })
      break
    }
    case 'arrive': {
      if (!e.actorId) refuse('E_ACTOR', '报到需要注明部门', 'arrival: name the department')
      const w = [...n.whistles].reverse().find((x) => x.departments.some((d) => d.actorId === e.actorId))
      const d = w?.departments.find((x) => x.actorId === e.actorId)
      if (!w || !d) refuse('E_ACTOR', `${e.actorId} 没有被吹哨召集`, `${e.actorId} was not summoned by a whistle`)
      if (d!.arrivedAt) refuse('E_STATE', '该部门已报到', 'this department has already arrived')
      d!.arrivedAt = e.at
      // an arriving department joins the handling as a co-handler
      if (isOpen(n) && n.handoffs > 0 && !current(n).some((h) => h.actorId === e.actorId))
        n.handlers.push({
          actorId: e.actorId!,
          role: 'co',
          status: 'accepted',
          dispatch: n.handoffs,
          assignedAt: e.at,
          acceptedAt: e.at,
          doneAt: null,
          returnedAt: null,
          returnReason: null,
          resolved: null,
        })
      break
    }
    case 'verify': {
      if (m.state !== 'done') badState('verified', m, ['done'])
      if (e.passed) {
        setState(n, 'verified')
        n.verifiedAt = e.at
      } else {
        // not solved: back to the lead
        n.state = 'in_progress'
        n.doneAt = null
        n.resolved = null
        const lead = leadOf(n)
        if (lead) {
          lead.status = 'in_progress'
          lead.doneAt = null
          lead.resolved = null
        }
      }
      break
    }
    case 'close': {
      if (m.state !== 'verified') badState('closed', m, ['verified'])
      setState(n, 'closed')
      n.closedAt = e.at
      n.everClosed = true
      // co-handlers still at work are released: the matter leaves their boards
      for (const h of n.handlers) if (['assigned', 'accepted', 'in_progress'].includes(h.status)) h.status = 'released'
      break
    }
    case 'reopen': {
      const from: MatterState[] = ['done', 'verified', 'closed']
      if (!from.includes(m.state)) badState('reopened', m, from)
      n.state = 'received'
      n.reopens++
      n.clockFrom = e.at
      n.dueAt = dueAtOf(n, cfg)
      n.escalations = []
      n.doneAt = null
      n.verifiedAt = null
      n.closedAt = null
      n.resolved = null
      n.rating = null
      n.ratedAt = null
      for (const h of n.handlers) if (h.status !== 'returned' && h.status !== 'done') h.status = 'released'
      break
    }
    case 'feedback': {
      n.feedbacks++
      n.firstFeedbackAt ??= e.at
      break
    }
    case 'revisit': {
      const from: MatterState[] = ['done', 'verified', 'closed']
      if (!from.includes(m.state)) badState('rated', m, from)
      n.rating = e.rating
      n.ratedAt = e.at
      break
    }
    case 'escalation': {
      if (!n.escalations.includes(e.level)) n.escalations.push(e.level)
      break
    }
  }
  return n
}

/** The matter its events describe (events in order, the first a `receive`). */
export function foldMatter(
  id: string,
  communityId: string,
  events: readonly MatterEvent[],
  cfg: DeadlineConfig = DEFAULT_DEADLINES,
): Matter {
  const [first, ...rest] = events
  if (!first || first.kind !== 'receive' || first.seq !== 1)
    throw new MatterStepError('E_INPUT', {
      zh: '事项的第一个事件应为受理',
      en: 'the first event of a matter must be receive (seq 1)',
    })
  let m = received(id, communityId, first, cfg)
  for (const e of rest) m = applyEvent(m, e, cfg)
  return m
}

// ---------------------------------------------------------------------------------------------
// Steps with their consequences: the events to append and who to tell.

/** An in-app notice for an actor's inbox. */
export interface MatterNotice {
  actorId: string
  kind: 'assigned' | 'returned' | 'summoned' | 'done' | 'rejected' | 'reopened' | 'escalation' | 'feedback'
  text: Term
}

/** What the reporter is told after a step (null: nothing to tell). */
export function reporterMessage(kind: MatterEventBody['kind'], before: Matter, m: Matter): Term | null {
  switch (kind) {
    case 'dispatch':
      return m.handoffs > 1
        ? { zh: '您反映的问题已重新派给承办单位。', en: 'Your report has been passed to another handler.' }
        : { zh: '您反映的问题已派给承办单位处理。', en: 'Your report has been passed to a handler.' }
    case 'accept':
      return m.state === 'accepted' && before.state !== 'accepted'
        ? { zh: '承办单位已接单。', en: 'The handler has accepted your report.' }
        : null
    case 'whistle':
      return { zh: '街道已召集相关部门到场处置。', en: 'The street office has summoned the departments concerned.' }
    case 'done':
      return m.state === 'done' && before.state !== 'done'
        ? m.resolved
          ? {
              zh: '承办单位报告问题已解决，等待核查。',
              en: 'The handler reports the problem solved; it will be checked.',
            }
          : {
              zh: '承办单位已办结，但问题未能完全解决。',
              en: 'The handler has finished, but the problem could not be fully solved.',
            }
        : null
    case 'close':
      return { zh: '问题已核查并结案，感谢您的反映。', en: 'The problem was checked and the matter closed. Thank you.' }
    case 'reopen':
      return { zh: '事项已重新办理。', en: 'The matter has been reopened.' }
    default:
      return null
  }
}

export interface StepResult {
  matter: Matter
  /** The events to append, in order: the step, then an automatic notice to the reporter if any. */
  events: MatterEvent[]
  notices: MatterNotice[]
}

/**
 * Can the reporter be told automatically: a phone or e-mail, a reporting actor's inbox, or the
 * tracking page every resident report gets? (A 12345 order without contact is followed up by
 * the hotline's own call-back, recorded as a `feedback` step by hand.)
 */
export const hasReporter = (m: Pick<Matter, 'source' | 'reporter' | 'reporterActorId'>): boolean =>
  m.source === 'resident' || Boolean(m.reporter?.phone || m.reporter?.email) || m.reporterActorId !== null

function noticesFor(before: Matter, after: Matter, e: MatterEvent): MatterNotice[] {
  const out: MatterNotice[] = []
  const say = (actorId: string | null | undefined, kind: MatterNotice['kind'], zh: string, en: string) => {
    if (actorId && actorId !== e.actorId) out.push({ actorId, kind, text: { zh, en } })
  }
  const cat = MATTER_CATEGORIES[after.category]
  switch (e.kind) {
    case 'dispatch':
      say(e.leadId, 'assigned', `新派单（牵头）：${cat.zh}`, `New matter to lead: ${cat.en}`)
      for (const c of e.coHandlerIds)
        say(c, 'assigned', `新派单（协办）：${cat.zh}`, `New matter to co-handle: ${cat.en}`)
      break
    case 'return': {
      const h = before.handlers.find((x) => x.actorId === e.actorId && x.dispatch === before.handoffs)
      if (h?.role === 'lead') {
        say(after.dispatcherId, 'returned', `事项被退回：${e.reason}`, `Matter returned: ${e.reason}`)
        for (const c of current(before))
          if (c.role === 'co')
            say(c.actorId, 'returned', `牵头单位已退单：${cat.zh}`, `The lead returned the matter: ${cat.en}`)
      } else {
        const lead = leadOf(before)
        say(lead?.actorId, 'returned', `协办单位退出：${e.reason}`, `A co-handler withdrew: ${e.reason}`)
        say(after.dispatcherId, 'returned', `协办单位退出：${e.reason}`, `A co-handler withdrew: ${e.reason}`)
      }
      break
    }
    case 'whistle':
      for (const d of e.departmentIds)
        say(d, 'summoned', `吹哨报到：请到场处置 ${cat.zh}`, `Whistle: report in for ${cat.en}`)
      break
    case 'done':
      if (after.state === 'done')
        say(after.dispatcherId, 'done', `已办结，待核查：${cat.zh}`, `Done, to be verified: ${cat.en}`)
      break
    case 'verify':
      if (!e.passed)
        say(
          leadOf(after)?.actorId,
          'rejected',
          `核查未通过，请继续办理：${cat.zh}`,
          `Not verified, please continue: ${cat.en}`,
        )
      break
    case 'reopen':
      say(before.resolverId, 'reopened', `事项已重新打开：${e.reason}`, `Matter reopened: ${e.reason}`)
      break
  }
  return out
}

/**
 * Takes a step: checks it, returns the matter after it, the events to append (the step and, when
 * the reporter should hear of it, an automatic `feedback` event) and the actors to notify.
 */
export function takeStep(
  m: Matter,
  step: MatterStep | { kind: 'escalation'; level: EscalationLevel },
  stamp: EventStamp,
  cfg: DeadlineConfig = DEFAULT_DEADLINES,
): StepResult {
  const e = { ...step, ...stamp, seq: m.version + 1 } as MatterEvent
  const after = applyEvent(m, e, cfg)
  const events: MatterEvent[] = [e]
  let matter = after
  const notices = noticesFor(m, after, e)
  const msg = step.kind === 'feedback' ? null : reporterMessage(step.kind, m, after)
  if (msg && hasReporter(after)) {
    const fb = {
      kind: 'feedback',
      channel: 'auto',
      message: `${msg.zh} / ${msg.en}`,
      at: stamp.at,
      accountId: null,
      actorId: null,
      seq: after.version + 1,
    } as MatterEvent
    matter = applyEvent(after, fb, cfg)
    events.push(fb)
    if (after.reporterActorId) notices.push({ actorId: after.reporterActorId, kind: 'feedback', text: msg })
  }
  return { matter, events, notices }
}

/** The first event of a new matter (receipt is acknowledged by the answer to the report itself). */
export function receiveMatter(
  id: string,
  communityId: string,
  input: MatterInput,
  stamp: EventStamp,
  cfg: DeadlineConfig = DEFAULT_DEADLINES,
): { matter: Matter; events: MatterEvent[] } {
  const first = { kind: 'receive', input, ...stamp, seq: 1 } as MatterEvent
  return { matter: foldMatter(id, communityId, [first], cfg), events: [first] }
}
