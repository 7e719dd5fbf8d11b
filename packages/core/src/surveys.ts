// Relational surveys: 关系问卷 — design, answers and their checks.
//
// A survey asks each respondent, for every relation, how strongly it is tied to each actor of
// the roster (a value on the survey's scale; 0 = no tie), and optionally an attitude block
// (trust, goal consensus, co-responsibility, sense of safety) on a 1–5 agreement scale. Each
// respondent answers through a personal link (no account); answers can be saved and resumed
// until submitted or the deadline passes. Surveys are repeated as waves.

import { z } from 'zod'
import { Id, IsoDateTime } from './records.js'
import { RELATION_TYPE_CODES, type RelationType, type Term } from './vocabulary.js'

export const ATTITUDE_ITEMS = {
  trust: {
    zh: '我信任本社区其他参与主体会履行其安全职责',
    en: 'I trust the other actors of this community to do their part for safety',
  },
  consensus: { zh: '各参与主体对社区安全目标有共识', en: 'The actors share the same goals for community safety' },
  coResponsibility: {
    zh: '社区安全是各方共同的责任，而不只是政府的工作',
    en: 'Community safety is everyone’s responsibility, not only the government’s',
  },
  senseOfSafety: { zh: '我在本社区感到安全', en: 'I feel safe in this community' },
} as const satisfies Record<string, Term>
export type AttitudeItem = keyof typeof ATTITUDE_ITEMS
export const ATTITUDE_ITEM_CODES = Object.keys(ATTITUDE_ITEMS) as AttitudeItem[]

/** The value scale of the relation questions: whole numbers min..max, 0 meaning no tie. */
export const Scale = z
  .object({
    min: z.number().int().min(0).max(0, 'the scale starts at 0 (no tie)'),
    max: z.number().int().min(1).max(10),
    /** A label per value, min..max, in both languages (e.g. 0 never … 4 weekly). */
    labels: z
      .array(z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) }))
      .optional(),
  })
  .refine((s) => !s.labels || s.labels.length === s.max - s.min + 1, {
    path: ['labels'],
    message: 'give one label per scale value',
  })
export type Scale = z.infer<typeof Scale>

export const DEFAULT_SCALE: Scale = {
  min: 0,
  max: 4,
  labels: [
    { zh: '从不', en: 'never' },
    { zh: '每年几次', en: 'a few times a year' },
    { zh: '每月', en: 'monthly' },
    { zh: '每周', en: 'weekly' },
    { zh: '几乎每天', en: 'almost daily' },
  ],
}

export const SurveyInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** Relations asked about (DOMAIN.md §5). */
    relations: z
      .array(z.enum(RELATION_TYPE_CODES as [RelationType, ...RelationType[]]))
      .min(1, 'ask about at least one relation')
      .refine((xs) => new Set(xs).size === xs.length, 'a relation is listed twice'),
    scale: Scale.default(DEFAULT_SCALE),
    /** Include the attitude block. */
    attitudes: z.boolean().default(false),
    /** The actors asked about (from the actor registry). */
    rosterIds: z
      .array(Id)
      .min(2, 'a roster needs at least two actors')
      .max(500)
      .refine((xs) => new Set(xs).size === xs.length, 'the roster lists an actor twice'),
    /** The actors who answer (each gets a personal link); default: the whole roster. */
    respondentIds: z
      .array(Id)
      .max(500)
      .refine((xs) => new Set(xs).size === xs.length, 'a respondent is listed twice')
      .optional(),
    deadline: IsoDateTime.nullish(),
    /** Wave number (1 for a first survey; later waves copy the design). */
    wave: z.number().int().min(1).default(1),
  })
  .superRefine((s, ctx) => {
    const roster = new Set(s.rosterIds)
    s.respondentIds?.forEach((id, k) => {
      if (!roster.has(id))
        ctx.addIssue({ code: 'custom', path: ['respondentIds', k], message: `respondent "${id}" is not on the roster` })
    })
  })
export type SurveyInput = z.infer<typeof SurveyInput>

export type SurveyStatus = 'draft' | 'open' | 'closed'

export interface Survey extends SurveyInput {
  id: Id
  communityId: Id
  status: SurveyStatus
  /** The respondents (defaulted to the roster). */
  respondentIds: Id[]
  createdAt: string
  updatedAt: string
}

/** One respondent's answers: per relation, the value given to each roster actor (absent = not answered). */
export const Answers = z.object({
  ties: z.record(z.string(), z.record(z.string(), z.number())).default({}),
  /** Attitude items on 1–5 (absent = not answered). */
  attitudes: z.record(z.string(), z.number()).default({}),
})
export type Answers = z.infer<typeof Answers>

export type ResponseStatus = 'not_started' | 'in_progress' | 'submitted'

export interface SurveyResponse {
  surveyId: Id
  communityId: Id
  respondentId: Id
  status: ResponseStatus
  answers: Answers
  updatedAt: string | null
  submittedAt: string | null
  remindedAt: string | null
  reminders: number
}

export interface AnswerIssue {
  field: string
  reason: string
}

/**
 * Checks a respondent's answers against the survey: relations asked about, actors on the
 * roster (not the respondent itself), whole values on the scale, attitude items 1–5. With
 * `complete`, every relation × roster actor must be answered (for submission).
 *
 * @example
 * checkAnswers(survey, 'rc', { ties: { INFO: { ps: 3 } }, attitudes: {} }, { complete: false }) // []
 */
export function checkAnswers(
  survey: Pick<Survey, 'relations' | 'scale' | 'attitudes' | 'rosterIds'>,
  respondentId: Id,
  answers: Answers,
  opts: { complete: boolean },
): AnswerIssue[] {
  const issues: AnswerIssue[] = []
  const roster = new Set(survey.rosterIds)
  const asked = new Set<string>(survey.relations)
  for (const [relation, row] of Object.entries(answers.ties)) {
    if (!asked.has(relation)) {
      issues.push({ field: `ties.${relation}`, reason: `the survey does not ask about ${relation}` })
      continue
    }
    for (const [actor, value] of Object.entries(row)) {
      const field = `ties.${relation}.${actor}`
      if (!roster.has(actor)) issues.push({ field, reason: `"${actor}" is not on the survey's roster` })
      else if (actor === respondentId) issues.push({ field, reason: 'a respondent does not rate its own actor' })
      else if (!Number.isInteger(value) || value < survey.scale.min || value > survey.scale.max)
        issues.push({
          field,
          reason: `expected a whole number from ${survey.scale.min} to ${survey.scale.max}, got ${value}`,
        })
    }
  }
  for (const [item, value] of Object.entries(answers.attitudes)) {
    const field = `attitudes.${item}`
    if (!survey.attitudes) issues.push({ field, reason: 'the survey has no attitude block' })
    else if (!(ATTITUDE_ITEM_CODES as string[]).includes(item)) issues.push({ field, reason: 'unknown attitude item' })
    else if (!Number.isInteger(value) || value < 1 || value > 5)
      issues.push({ field, reason: `expected a whole number from 1 to 5, got ${value}` })
  }
  if (opts.complete) {
    for (const relation of survey.relations)
      for (const actor of survey.rosterIds)
        if (actor !== respondentId && answers.ties[relation]?.[actor] === undefined)
          issues.push({ field: `ties.${relation}.${actor}`, reason: 'not answered yet' })
  }
  return issues
}
