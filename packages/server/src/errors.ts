// Errors as answers: user mistakes get 4xx with the field and the reason, never a 500.

import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { StoreError } from '@cosafe/store'
import { ZodError } from 'zod'
import { requestLang, translate, zhIssueText, type Lang } from './messages.js'

/** One problem with a request: the field (dotted path, with row for imports) and why. */
export interface Issue {
  field: string
  reason: string
  line?: number
}

/** An error the client caused or may see: status, stable code, message, and field-level issues. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (what = 'not found'): HttpError => new HttpError(404, 'NOT_FOUND', what)
export const badRequest = (message: string, issues: Issue[] = []): HttpError =>
  new HttpError(400, 'BAD_REQUEST', message, issues)

/** zod issues as field–reason pairs; `prefix` names the part of the request (body, query, params). */
export function zodIssues(e: ZodError, prefix?: string, lang: Lang = 'en'): Issue[] {
  return e.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    reason: lang === 'zh-CN' ? zhIssueText(i as never) : i.message,
  }))
}

/** An error's message and issues in the request's language (see messages.ts). */
function localised(lang: Lang, message: string, issues: Issue[]): [string, Issue[]] {
  if (lang === 'en') return [message, issues]
  return [translate(message, lang), issues.map((i) => ({ ...i, reason: translate(i.reason, lang) }))]
}

/** The answer body of every error. */
function body(status: number, code: string, message: string, issues: Issue[] = []) {
  return { error: { status, code, message, ...(issues.length ? { issues } : {}) } }
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(body(404, 'NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`))
  })
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const lang = requestLang(req)
    const send = (status: number, code: string, message: string, issues: Issue[] = []) => {
      const [m, list] = localised(lang, message, issues)
      return reply.code(status).send(body(status, code, m, list))
    }
    const joined = (issues: Issue[]): string => issues.map((i) => `${i.field}: ${i.reason}`).join('; ')
    if (err instanceof HttpError) return send(err.status, err.code, err.message, err.issues)
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError).validationContext ?? 'body'
      const issues = err.validation.map((v) => ({
        field: [
          part,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        reason:
          lang === 'zh-CN'
            ? zhIssueText({ ...(v.params as object), code: v.keyword, message: v.message })
            : (v.message ?? 'invalid'),
      }))
      const message = lang === 'zh-CN' ? `${part} 有误：${joined(issues)}` : `invalid ${part}: ${joined(issues)}`
      return reply.code(400).send(body(400, 'VALIDATION', message, issues))
    }
    if (err instanceof ZodError) {
      const issues = zodIssues(err, 'body', lang)
      return reply.code(400).send(body(400, 'VALIDATION', joined(issues), issues))
    }
    if (err instanceof StoreError) {
      const status = err.code === 'E_REFERENCE' ? 400 : 409
      const issues = err.field ? [{ field: `body.${err.field}`, reason: err.message }] : []
      return send(status, err.code, err.message, issues)
    }
    const fe = err as FastifyError
    // Fastify's own client errors: malformed JSON, payload too large, unsupported media type, rate limit
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
      return send(fe.statusCode, fe.code ?? 'BAD_REQUEST', fe.message)
    req.log.error(err)
    return send(500, 'INTERNAL', 'internal error; it has been logged')
  })
}
