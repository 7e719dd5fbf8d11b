// Errors as answers: user mistakes get 4xx with the field and the reason, never a 500.

import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { StoreError } from '@cosafe/store'
import { ZodError } from 'zod'

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
export function zodIssues(e: ZodError, prefix?: string): Issue[] {
  return e.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    reason: i.message,
  }))
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
    if (err instanceof HttpError)
      return reply.code(err.status).send(body(err.status, err.code, err.message, err.issues))
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as FastifyError).validationContext ?? 'body'
      const issues = err.validation.map((v) => ({
        field: [
          part,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        reason: v.message ?? 'invalid',
      }))
      return reply
        .code(400)
        .send(
          body(
            400,
            'VALIDATION',
            `invalid ${part}: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`,
            issues,
          ),
        )
    }
    if (err instanceof ZodError) {
      const issues = zodIssues(err, 'body')
      return reply
        .code(400)
        .send(body(400, 'VALIDATION', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues))
    }
    if (err instanceof StoreError) {
      const status = err.code === 'E_REFERENCE' ? 400 : 409
      const issues = err.field ? [{ field: `body.${err.field}`, reason: err.message }] : []
      return reply.code(status).send(body(status, err.code, err.message, issues))
    }
    const fe = err as FastifyError
    // Fastify's own client errors: malformed JSON, payload too large, unsupported media type, rate limit
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
      return reply.code(fe.statusCode).send(body(fe.statusCode, fe.code ?? 'BAD_REQUEST', fe.message))
    req.log.error(err)
    return reply.code(500).send(body(500, 'INTERNAL', 'internal error; it has been logged'))
  })
}
