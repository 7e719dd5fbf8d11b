// The governance records as zod schemas: the single source of truth for their shape, checks and types.
//
// Each record has an input schema (what a client sends to create or replace it) and a stored
// type (the input plus id, owning community and timestamps). Checks that need other records
// (an actor id must exist in the same community, a street's parent must be a district) are done
// where those records are: in the store and the server; the rules themselves live here.

import { z } from 'zod'
import {
  ACTIVITY_KIND_CODES,
  ACTOR_TYPE_CODES,
  ACTOR_TYPES,
  PHASE_CODES,
  RELATION_TYPE_CODES,
  RESPONSIBILITY_ROLES,
  RESPONSIBILITY_SOURCES,
  SAFETY_DOMAIN_CODES,
  SECTOR_CODES,
  TERRITORY_LEVEL_CODES,
  TIE_PROVENANCES,
  type ActorType,
  type RelationType,
  type Sector,
  type TerritoryLevel,
} from './vocabulary.js'

/** Record ids: opaque strings (the store issues UUIDs; imports may bring their own). */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and _ . : - only')
export type Id = z.infer<typeof Id>

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' })
/** A moment with its offset, e.g. 2026-03-05T09:30:00+08:00. */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  error: 'expected a date and time as 2026-03-05T09:30:00+08:00',
})

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)
const optionalText = (max: number) => text(max).nullish()

/** Mainland resident identity card numbers (18 digits, the last may be X; or the old 15 digits). */
const ID_CARD = /(^|\D)(\d{17}[\dXx]|\d{15})(\D|$)/

/** True when a text holds something that looks like an identity document number. */
export function looksLikeIdNumber(s: string): boolean {
  return ID_CARD.test(s)
}

const noIdNumbers = (s: string | null | undefined): boolean => s == null || !looksLikeIdNumber(s)
const NO_ID_MESSAGE = 'must not contain an identity document number'

// ---------------------------------------------------------------------------------------------
// Territories

export const TerritoryInput = z.object({
  level: z.enum(TERRITORY_LEVEL_CODES as [TerritoryLevel, ...TerritoryLevel[]]),
  /** Administrative code (e.g. 110101 for Dongcheng) or any stable local code. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, _ and - only'),
  nameZh: text(100),
  nameEn: text(100),
  /** The territory one level up; null only for a district. */
  parentId: Id.nullable(),
})
export type TerritoryInput = z.infer<typeof TerritoryInput>
export interface Territory extends TerritoryInput {
  id: Id
}

/** The level a territory's parent must have (null: no parent). */
export const PARENT_LEVEL: Record<TerritoryLevel, TerritoryLevel | null> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
}

// ---------------------------------------------------------------------------------------------
// Actors

const Contact = z.object({
  person: optionalText(60),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+() -]{3,32}$/, 'expected a phone number')
    .nullish(),
  email: z.email({ error: 'expected an e-mail address' }).nullish(),
})

export const ActorInput = z
  .object({
    type: z.enum(ACTOR_TYPE_CODES as [ActorType, ...ActorType[]]),
    sector: z.enum(SECTOR_CODES as [Sector, ...Sector[]]),
    /** The organisation's name; for an individual, a stable pseudonymous alias (e.g. "Volunteer 07"). */
    name: text(120).refine(noIdNumbers, NO_ID_MESSAGE),
    nameEn: optionalText(120).refine(noIdNumbers, NO_ID_MESSAGE),
    /** Where the actor sits: a grid or the community, or a street or district for outside bodies. */
    territoryId: Id,
    /** Organisations only: a registry code that links this actor's registrations in several communities. */
    orgCode: z
      .string()
      .trim()
      .max(32)
      .regex(/^[A-Za-z0-9-]+$/, 'use letters, digits and - only')
      .nullish(),
    contact: Contact.nullish(),
    activeFrom: IsoDate.nullish(),
    activeTo: IsoDate.nullish(),
    note: optionalText(500).refine(noIdNumbers, NO_ID_MESSAGE),
  })
  .superRefine((a, ctx) => {
    const info = ACTOR_TYPES[a.type]
    if (!(info.sectors as readonly Sector[]).includes(a.sector))
      ctx.addIssue({
        code: 'custom',
        path: ['sector'],
        message: `a ${info.en} belongs to sector ${info.sectors.join(' or ')}, not ${a.sector}`,
      })
    if (info.individual) {
      if (a.contact)
        ctx.addIssue({
          code: 'custom',
          path: ['contact'],
          message: 'individuals are stored under an alias only: no contact details',
        })
      if (a.orgCode) ctx.addIssue({ code: 'custom', path: ['orgCode'], message: 'individuals have no registry code' })
    }
    if (a.activeFrom && a.activeTo && a.activeTo < a.activeFrom)
      ctx.addIssue({ code: 'custom', path: ['activeTo'], message: 'the active period ends before it starts' })
  })
export type ActorInput = z.infer<typeof ActorInput>

/** Fields every community-owned record carries once stored. */
export interface Owned {
  id: Id
  communityId: Id
  createdAt: string
  updatedAt: string
}
export type Actor = ActorInput & Owned

// ---------------------------------------------------------------------------------------------
// Responsibilities: the designed network

export const ResponsibilityInput = z
  .object({
    domain: z.enum(SAFETY_DOMAIN_CODES as [string, ...string[]]),
    actorId: Id,
    role: z.enum(Object.keys(RESPONSIBILITY_ROLES) as [string, ...string[]]),
    from: IsoDate,
    to: IsoDate.nullish(),
    source: z.enum(Object.keys(RESPONSIBILITY_SOURCES) as [string, ...string[]]),
    note: optionalText(500),
  })
  .refine((r) => !r.to || r.to >= r.from, { path: ['to'], message: 'the period ends before it starts' })
export type ResponsibilityInput = z.infer<typeof ResponsibilityInput>
export type Responsibility = ResponsibilityInput & Owned

// ---------------------------------------------------------------------------------------------
// Activities

export const ActionItem = z
  .object({
    text: text(500),
    ownerId: Id,
    due: IsoDate,
    status: z.enum(['open', 'done', 'cancelled']),
    doneOn: IsoDate.nullish(),
  })
  .refine((a) => a.status === 'done' || !a.doneOn, { path: ['doneOn'], message: 'only a done item has a done date' })
export type ActionItem = z.infer<typeof ActionItem>

const uniqueIds = (what: string) =>
  z
    .array(Id)
    .max(500)
    .refine((xs) => new Set(xs).size === xs.length, `${what} lists an actor twice`)

export const ActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KIND_CODES as [string, ...string[]]),
    title: text(200),
    start: IsoDateTime,
    end: IsoDateTime.nullish(),
    /** A grid or the community itself. */
    territoryId: Id.nullish(),
    domains: z
      .array(z.enum(SAFETY_DOMAIN_CODES as [string, ...string[]]))
      .min(1, 'name at least one safety domain')
      .refine((xs) => new Set(xs).size === xs.length, 'a domain is listed twice'),
    phase: z.enum(PHASE_CODES as [string, ...string[]]),
    convenerId: Id,
    invitedIds: uniqueIds('invited'),
    attendedIds: uniqueIds('attended'),
    decisions: z.array(text(1000)).max(100).default([]),
    actionItems: z.array(ActionItem).max(200).default([]),
    note: optionalText(2000),
  })
  .refine((a) => !a.end || Date.parse(a.end) >= Date.parse(a.start), {
    path: ['end'],
    message: 'the activity ends before it starts',
  })
export type ActivityInput = z.infer<typeof ActivityInput>
export type Activity = ActivityInput & Owned

/** Every actor an activity names (convener, invited, attending, action-item owners). */
export function activityActorIds(a: ActivityInput): Id[] {
  return [...new Set([a.convenerId, ...a.invitedIds, ...a.attendedIds, ...a.actionItems.map((x) => x.ownerId)])]
}

// ---------------------------------------------------------------------------------------------
// Ties recorded directly

export const TieInput = z
  .object({
    relation: z.enum(RELATION_TYPE_CODES as [RelationType, ...RelationType[]]),
    sourceId: Id,
    targetId: Id,
    /** Strength or frequency, > 0 (default 1). */
    value: z.number().positive('must be > 0').max(1e6).default(1),
    /** A single date, or a period from–to. */
    date: IsoDate.nullish(),
    from: IsoDate.nullish(),
    to: IsoDate.nullish(),
    provenance: z.enum(Object.keys(TIE_PROVENANCES) as [string, ...string[]]),
    note: optionalText(500),
  })
  .superRefine((t, ctx) => {
    if (t.sourceId === t.targetId)
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'a tie joins two different actors' })
    if (!t.date && !t.from)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give a date or the start of a period' })
    if (t.date && (t.from || t.to))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'give a date or a period, not both' })
    if (t.from && t.to && t.to < t.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period ends before it starts' })
  })
export type TieInput = z.infer<typeof TieInput>
export type Tie = TieInput & Owned

// ---------------------------------------------------------------------------------------------
// Periods and network filters

export const NetworkFilter = z
  .object({
    /** Relation types to include; default: every collaboration relation (command and supervision apart). */
    relations: z
      .array(z.enum(RELATION_TYPE_CODES as [RelationType, ...RelationType[]]))
      .min(1)
      .optional(),
    /** Safety domains of the activities to include (default all). */
    domains: z
      .array(z.enum(SAFETY_DOMAIN_CODES as [string, ...string[]]))
      .min(1)
      .optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.to >= f.from, { path: ['to'], message: 'the period ends before it starts' })
export type NetworkFilter = z.infer<typeof NetworkFilter>
