// The HTTP API: Fastify with zod validation, OpenAPI 3 at /api/docs, sessions, and the routes of every record.

import Fastify, { type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Store } from '@cosafe/store'
import { installSessions } from './auth.js'
import { installErrorHandler } from './errors.js'
import { adminRoutes } from './routes/admin.js'
import { answerRoutes } from './routes/answers.js'
import { surveyRoutes, type Notifier } from './routes/surveys.js'
import { importRoutes } from './routes/imports.js'
import { networkRoutes } from './routes/network.js'
import { recordRoutes } from './routes/records.js'
import { territoryRoutes } from './routes/territories.js'
import { webRoutes } from './web.js'

export interface ServerOptions {
  store: Store
  /** Fastify's logger: false (default) or true / a pino level. */
  logger?: boolean | { level: string }
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies?: boolean
  /** Logins allowed per address and user name per minute (default 10). */
  loginsPerMinute?: number
  /** Delivers survey reminders (default: logged; the respondent sees them when opening the link). */
  notifier?: Notifier
  /** The built web app to serve at `/` (default packages/web/dist). */
  webDist?: string
}

/** The API, ready to `inject` requests into or to `listen`; it does not listen by itself. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024, trustProxy: false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'cosafe API',
        description:
          'Collaborative public-safety governance records of urban communities and their networks. ' +
          'Sign in with POST /api/auth/login; send the returned csrfToken as the x-csrf-token header on every write.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cosafe_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  installSessions(app, opts.store, {
    secureCookies: opts.secureCookies ?? false,
    loginsPerMinute: opts.loginsPerMinute ?? 10,
  })
  app.get('/api/health', { schema: { tags: ['meta'], summary: 'Liveness and the storage in use' } }, async () => ({
    ok: true,
    storage: opts.store.dialect,
  }))
  territoryRoutes(app, opts.store)
  recordRoutes(app, opts.store)
  networkRoutes(app, opts.store)
  importRoutes(app, opts.store)
  adminRoutes(app, opts.store)
  surveyRoutes(
    app,
    opts.store,
    opts.notifier ?? { remind: async (s, id) => app.log.info({ survey: s.id, respondent: id }, 'survey reminder') },
  )
  answerRoutes(app, opts.store)
  await webRoutes(app, opts.store, opts.webDist)
  return app
}
