// The respondent's side of a survey: a personal link opens a phone-friendly answer page; no account needed.
//
// The link carries a 32-byte random token; the database keeps only its SHA-256. Answers can be
// saved and resumed until submitted; after submission, the deadline or closing, nothing changes.

import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ACTOR_TYPES, Answers, ATTITUDE_ITEMS, checkAnswers, RELATION_TYPES, type Survey } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { HttpError, notFound } from '../errors.js'
import { answerPage } from './answerPage.js'

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a survey link')

/** Why a response can no longer change, or null when it can. */
export function locked(
  survey: Survey,
  submitted: boolean,
  now = new Date(),
): { status: number; code: string; message: string } | null {
  if (survey.status === 'draft')
    return { status: 409, code: 'NOT_OPEN', message: 'this survey has not been opened yet' }
  if (survey.status === 'closed') return { status: 409, code: 'CLOSED', message: 'this survey is closed' }
  if (survey.deadline && Date.parse(survey.deadline) < now.getTime())
    return { status: 409, code: 'DEADLINE', message: `the deadline (${survey.deadline}) has passed` }
  if (submitted)
    return { status: 409, code: 'SUBMITTED', message: 'these answers were submitted and can no longer change' }
  return null
}

export function answerRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const open = async (token: string) => {
    const found = await store.surveys.byToken(tokenHash(token))
    if (!found) throw notFound('this survey link is not valid (it may have been replaced by a newer one)')
    return found
  }
  const limit = { rateLimit: { max: 120, timeWindow: '1 minute' } }

  r.get(
    '/s/:token',
    { schema: { hide: true, params: z.object({ token: z.string() }) }, config: limit },
    async (req, reply) => {
      const lang = /^zh/i.test(String(req.headers['accept-language'] ?? 'zh')) ? 'zh-CN' : 'en'
      return reply.type('text/html; charset=utf-8').send(answerPage(req.params.token, lang))
    },
  )
  r.get(
    '/api/answer/:token',
    {
      schema: {
        tags: ['answers'],
        summary: 'A respondent’s survey and saved answers (by personal link)',
        params: z.object({ token: Token }),
      },
      config: limit,
    },
    async (req) => {
      const { survey, response } = await open(req.params.token)
      const actors = await store.actors.list(survey.communityId, { limit: 1_000_000 })
      const byId = new Map(actors.map((a) => [a.id, a]))
      const me = byId.get(response.respondentId)
      const lock = locked(survey, response.status === 'submitted')
      return {
        survey: {
          title: survey.title,
          status: survey.status,
          deadline: survey.deadline ?? null,
          wave: survey.wave,
          relations: survey.relations.map((code) => ({ code, ...pick(RELATION_TYPES[code]) })),
          scale: survey.scale,
          attitudes: survey.attitudes ? Object.entries(ATTITUDE_ITEMS).map(([code, t]) => ({ code, ...t })) : [],
          roster: survey.rosterIds
            .filter((id) => id !== response.respondentId)
            .map((id) => {
              const a = byId.get(id)
              return { id, name: a?.name ?? id, nameEn: a?.nameEn ?? null, type: a ? ACTOR_TYPES[a.type] : null }
            }),
        },
        respondent: { id: response.respondentId, name: me?.name ?? response.respondentId, nameEn: me?.nameEn ?? null },
        status: response.status,
        answers: response.answers,
        locked: lock?.message ?? null,
        lockedCode: lock?.code ?? null,
      }
    },
  )
  r.put(
    '/api/answer/:token',
    {
      schema: {
        tags: ['answers'],
        summary: 'Save (or submit) a respondent’s answers; a submission must answer everything',
        params: z.object({ token: Token }),
        body: z.object({ answers: Answers, submit: z.boolean().default(false) }),
      },
      config: limit,
    },
    async (req) => {
      // the lock is checked and the answers saved in one transaction: two requests at once cannot
      // both pass the check after a submission
      const saved = await store.transaction(async (tx) => {
        const found = await tx.surveys.byToken(tokenHash(req.params.token))
        if (!found) throw notFound('this survey link is not valid (it may have been replaced by a newer one)')
        const { survey, response } = found
        const lock = locked(survey, response.status === 'submitted')
        if (lock) throw new HttpError(lock.status, lock.code, lock.message)
        const issues = checkAnswers(survey, response.respondentId, req.body.answers, { complete: req.body.submit })
        if (issues.length)
          throw new HttpError(
            400,
            'VALIDATION',
            `nothing was saved: ${issues.length} problem${issues.length > 1 ? 's' : ''} (first: ${issues[0]!.field}: ${issues[0]!.reason})`,
            issues.map((i) => ({ field: `body.answers.${i.field}`, reason: i.reason })),
          )
        return tx.surveys.saveAnswers(
          { accountId: null },
          survey.communityId,
          survey.id,
          response.respondentId,
          req.body.answers,
          req.body.submit,
        )
      })
      return { status: saved!.status, updatedAt: saved!.updatedAt, submittedAt: saved!.submittedAt }
    },
  )
}

const pick = (t: { zh: string; en: string }) => ({ zh: t.zh, en: t.en })
