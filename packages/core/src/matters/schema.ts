// Safety matters: 安全事项 — what residents, grid workers, actors and the 12345 hotline report, as zod schemas.
//
// A matter is the fold of its events (lifecycle.ts): the first event, `receive`, carries the
// intake below; every later step is an event with its time, account and acting actor. The
// catalogue of categories, urgencies and sources is data, with Chinese and English names.

import { z } from 'zod'
import { Id, IsoDateTime } from '../records.js'
import { SAFETY_DOMAIN_CODES, type SafetyDomain, type Term } from '../vocabulary.js'

/** Where a matter comes from. */
export const MATTER_SOURCES = {
  resident: { zh: '居民上报', en: 'resident report' },
  grid: { zh: '网格员上报', en: 'grid worker report' },
  actor: { zh: '主体上报', en: 'actor report' },
  hotline12345: { zh: '12345 热线工单', en: '12345 hotline order' },
} as const satisfies Record<string, Term>
export type MatterSource = keyof typeof MATTER_SOURCES
export const MATTER_SOURCE_CODES = Object.keys(MATTER_SOURCES) as MatterSource[]

/** Urgency classes and their default time limits (the 12345 practice: 2 h, 24 h, 7 d, 15 d). */
export const URGENCIES = {
  emergency: { zh: '紧急', en: 'emergency', hours: 2 },
  urgent: { zh: '加急', en: 'urgent', hours: 24 },
  normal: { zh: '一般', en: 'normal', hours: 7 * 24 },
  routine: { zh: '常规', en: 'routine', hours: 15 * 24 },
} as const satisfies Record<string, Term & { hours: number }>
export type Urgency = keyof typeof URGENCIES
export const URGENCY_CODES = Object.keys(URGENCIES) as Urgency[]

export interface CategoryInfo extends Term {
  domain: SafetyDomain
  /** The urgency a report of this category gets when the reporter does not say. */
  urgency: Urgency
}

/** Categories of matters, each in one safety domain. */
export const MATTER_CATEGORIES = {
  fire_passage: { zh: '消防通道堵塞', en: 'blocked fire passage', domain: 'FIRE', urgency: 'urgent' },
  fire_equipment: { zh: '消防设施损坏', en: 'damaged fire equipment', domain: 'FIRE', urgency: 'normal' },
  ebike_charging: { zh: '电动自行车违规充电', en: 'unsafe e-bike charging', domain: 'FIRE', urgency: 'urgent' },
  fire_hazard: { zh: '火灾隐患', en: 'fire hazard', domain: 'FIRE', urgency: 'urgent' },
  gas_leak: { zh: '燃气泄漏', en: 'gas leak', domain: 'GAS', urgency: 'emergency' },
  gas_equipment: { zh: '燃气设施隐患', en: 'unsafe gas installation', domain: 'GAS', urgency: 'normal' },
  falling_object: { zh: '高空坠物隐患', en: 'risk of falling objects', domain: 'BUILDING', urgency: 'urgent' },
  damaged_facility: { zh: '公共设施损坏', en: 'damaged public facility', domain: 'BUILDING', urgency: 'normal' },
  suspicious_activity: {
    zh: '可疑人员或行为',
    en: 'suspicious person or activity',
    domain: 'PUBLIC_ORDER',
    urgency: 'urgent',
  },
  theft: { zh: '盗窃', en: 'theft', domain: 'PUBLIC_ORDER', urgency: 'urgent' },
  noise_disorder: { zh: '噪音扰民与秩序', en: 'noise and disorder', domain: 'PUBLIC_ORDER', urgency: 'normal' },
  illegal_parking: { zh: '违规停车', en: 'illegal parking', domain: 'TRAFFIC', urgency: 'normal' },
  road_hazard: { zh: '道路安全隐患', en: 'road hazard', domain: 'TRAFFIC', urgency: 'urgent' },
  elderly_alone: { zh: '独居老人安全', en: 'older person living alone at risk', domain: 'ELDERLY', urgency: 'urgent' },
  child_safety: { zh: '儿童安全隐患', en: 'risk to children', domain: 'CHILDREN', urgency: 'urgent' },
  waterlogging: { zh: '积水内涝', en: 'flooding', domain: 'DISASTER_ENV', urgency: 'urgent' },
  sanitation: { zh: '环境卫生', en: 'sanitation', domain: 'PUBLIC_HEALTH', urgency: 'routine' },
  fraud: { zh: '电信诈骗线索', en: 'fraud attempt', domain: 'FRAUD', urgency: 'normal' },
  neighbour_dispute: { zh: '邻里纠纷', en: 'neighbour dispute', domain: 'DISPUTE', urgency: 'normal' },
  other: { zh: '其他安全问题', en: 'other safety problem', domain: 'PUBLIC_PLACE', urgency: 'normal' },
} as const satisfies Record<string, CategoryInfo>
export type MatterCategory = keyof typeof MATTER_CATEGORIES
export const MATTER_CATEGORY_CODES = Object.keys(MATTER_CATEGORIES) as MatterCategory[]

/** The states of a matter; the first seven are the stages of the grid management loop. */
export const MATTER_STATES = {
  received: { zh: '已受理', en: 'received' },
  dispatched: { zh: '已派单', en: 'dispatched' },
  accepted: { zh: '已接单', en: 'accepted' },
  in_progress: { zh: '办理中', en: 'in progress' },
  done: { zh: '已办结', en: 'done' },
  verified: { zh: '已核查', en: 'verified' },
  closed: { zh: '已结案', en: 'closed' },
  returned: { zh: '已退单', en: 'returned' },
  arbitration: { zh: '争议裁定中', en: 'in arbitration' },
} as const satisfies Record<string, Term>
export type MatterState = keyof typeof MATTER_STATES
export const MATTER_STATE_CODES = Object.keys(MATTER_STATES) as MatterState[]
/** The seven stages of the loop, in order (MEC-5 counts how many a matter passed). */
export const MATTER_STAGES: readonly MatterState[] = [
  'received',
  'dispatched',
  'accepted',
  'in_progress',
  'done',
  'verified',
  'closed',
]

/** Whistle types (吹哨): routine, tough or emergency issues. */
export const WHISTLE_TYPES = {
  routine: { zh: '常规吹哨', en: 'routine' },
  tough: { zh: '疑难吹哨', en: 'tough issue' },
  emergency: { zh: '应急吹哨', en: 'emergency' },
} as const satisfies Record<string, Term>
export type WhistleType = keyof typeof WHISTLE_TYPES

/** How a reporter was told (feedback): automatically by cosafe, or by a person. */
export const FEEDBACK_CHANNELS = {
  auto: { zh: '系统自动通知', en: 'automatic notice' },
  phone: { zh: '电话', en: 'phone' },
  visit: { zh: '上门', en: 'visit' },
  app: { zh: '应用消息', en: 'in-app message' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'e-mail' },
} as const satisfies Record<string, Term>
export type FeedbackChannel = keyof typeof FEEDBACK_CHANNELS

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

/** A WGS-84 point (the coordinates a phone's GPS gives). */
export const GeoPoint = z.object({
  lat: z.number().min(-90, 'latitude between -90 and 90').max(90, 'latitude between -90 and 90'),
  lon: z.number().min(-180, 'longitude between -180 and 180').max(180, 'longitude between -180 and 180'),
})
export type GeoPoint = z.infer<typeof GeoPoint>

export const MatterLocation = z
  .object({
    /** The grid cell, once known (a resident may not know it; staff set it when they classify). */
    gridId: Id.nullish(),
    address: text(200).nullish(),
    point: GeoPoint.nullish(),
  })
  .refine((l) => l.address || l.point || l.gridId, {
    path: ['address'],
    message: 'give an address, a map point or a grid cell',
  })
export type MatterLocation = z.infer<typeof MatterLocation>

export const ReporterContact = z
  .object({
    name: z.string().trim().max(60, 'at most 60 characters').nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+() -]{5,32}$/, 'expected a phone number')
      .nullish(),
    email: z.email({ error: 'expected an e-mail address' }).max(200).nullish(),
  })
  .refine((c) => c.name || c.phone || c.email, { message: 'a contact needs a name, phone or e-mail' })
export type ReporterContact = z.infer<typeof ReporterContact>

/** A photo: one stored with the matter (`photo:<id>`) or a URL (Open311 media_url). */
export const PhotoRef = z
  .string()
  .max(500)
  .regex(/^(photo:[A-Za-z0-9_.:-]{1,64}|https?:\/\/\S+)$/, 'expected photo:<id> or an http(s) URL')

/** What is known when a matter comes in. */
export const MatterInput = z
  .object({
    source: z.enum(MATTER_SOURCE_CODES as [MatterSource, ...MatterSource[]]),
    category: z.enum(MATTER_CATEGORY_CODES as [MatterCategory, ...MatterCategory[]]),
    /** Default: the category's domain. */
    domain: z.enum(SAFETY_DOMAIN_CODES as [SafetyDomain, ...SafetyDomain[]]).nullish(),
    /** Default: the category's urgency. */
    urgency: z.enum(URGENCY_CODES as [Urgency, ...Urgency[]]).nullish(),
    description: z
      .string()
      .trim()
      .min(5, 'describe the problem in at least 5 characters')
      .max(2000, 'at most 2000 characters'),
    location: MatterLocation,
    reporter: ReporterContact.nullish(),
    /** A grid worker or actor who reported it (sources grid and actor). */
    reporterActorId: Id.nullish(),
    photo: PhotoRef.nullish(),
    /** The 12345 order number, or another system's id. */
    externalId: z.string().trim().min(1).max(64).nullish(),
  })
  .superRefine((m, ctx) => {
    if ((m.source === 'grid' || m.source === 'actor') && !m.reporterActorId)
      ctx.addIssue({
        code: 'custom',
        path: ['reporterActorId'],
        message: `a ${m.source} report names the actor who reported it`,
      })
  })
export type MatterInput = z.infer<typeof MatterInput>

/** The intake with its defaults applied (domain and urgency from the category). */
export function withDefaults(
  m: MatterInput,
): MatterInput & { domain: SafetyDomain; urgency: Urgency; reporter: ReporterContact | null } {
  const c = MATTER_CATEGORIES[m.category]
  return {
    ...m,
    domain: m.domain ?? c.domain,
    urgency: m.urgency ?? c.urgency,
    reporter: m.reporter ?? null,
    reporterActorId: m.reporterActorId ?? null,
    photo: m.photo ?? null,
    externalId: m.externalId ?? null,
    location: {
      gridId: m.location.gridId ?? null,
      address: m.location.address ?? null,
      point: m.location.point ?? null,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Steps: what a caller asks for (the event adds time, account and acting actor).

const Reason = text(500)
const uniqueActors = z
  .array(Id)
  .max(30)
  .refine((xs) => new Set(xs).size === xs.length, 'an actor is listed twice')

export const MatterStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('classify'),
    category: z.enum(MATTER_CATEGORY_CODES as [MatterCategory, ...MatterCategory[]]).optional(),
    domain: z.enum(SAFETY_DOMAIN_CODES as [SafetyDomain, ...SafetyDomain[]]).optional(),
    urgency: z.enum(URGENCY_CODES as [Urgency, ...Urgency[]]).optional(),
    gridId: Id.optional(),
  }),
  z.object({
    kind: z.literal('dispatch'),
    leadId: Id,
    coHandlerIds: uniqueActors.default([]),
    note: Reason.optional(),
  }),
  z.object({ kind: z.literal('accept') }),
  z.object({ kind: z.literal('start') }),
  z.object({ kind: z.literal('return'), reason: Reason }),
  z.object({ kind: z.literal('done'), resolved: z.boolean(), note: Reason.optional() }),
  z.object({ kind: z.literal('arbitrate'), note: Reason.optional() }),
  z.object({
    kind: z.literal('whistle'),
    whistleType: z.enum(Object.keys(WHISTLE_TYPES) as [WhistleType, ...WhistleType[]]),
    departmentIds: uniqueActors.min(1, 'summon at least one department'),
    note: Reason.optional(),
  }),
  z.object({ kind: z.literal('arrive') }),
  z.object({ kind: z.literal('verify'), passed: z.boolean(), note: Reason.optional() }),
  z.object({ kind: z.literal('close'), note: Reason.optional() }),
  z.object({ kind: z.literal('reopen'), reason: Reason }),
  z.object({
    kind: z.literal('feedback'),
    channel: z.enum(Object.keys(FEEDBACK_CHANNELS) as [FeedbackChannel, ...FeedbackChannel[]]),
    message: text(1000),
  }),
  z.object({
    kind: z.literal('revisit'),
    /** 1 very dissatisfied … 5 very satisfied; 4 and 5 count as satisfied. */
    rating: z.number().int().min(1, 'rate from 1 to 5').max(5, 'rate from 1 to 5'),
    note: Reason.optional(),
  }),
])
export type MatterStep = z.infer<typeof MatterStep>
export type MatterStepKind = MatterStep['kind']

export const ESCALATION_LEVELS = {
  warn: { zh: '临期预警', en: 'deadline near' },
  overdue: { zh: '已超期', en: 'overdue' },
  escalate: { zh: '超期升级', en: 'escalated for lateness' },
} as const satisfies Record<string, Term>
export type EscalationLevel = keyof typeof ESCALATION_LEVELS

/** Who acts and when: every event carries them. */
export interface EventStamp {
  /** ISO 8601 with offset; never before the matter's previous event. */
  at: string
  /** The signed-in account; null for the public form, imports by the system and timers. */
  accountId: string | null
  /** The actor on whose behalf the step is taken (a handler, the dispatcher), when there is one. */
  actorId: string | null
}

export type MatterEventBody =
  { kind: 'receive'; input: MatterInput } | MatterStep | { kind: 'escalation'; level: EscalationLevel }

/** One event of a matter's life, numbered from 1. */
export type MatterEvent = MatterEventBody & EventStamp & { seq: number }

export const EventStampSchema = z.object({
  at: IsoDateTime,
  accountId: Id.nullable(),
  actorId: Id.nullable(),
})
