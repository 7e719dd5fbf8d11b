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
import { diagnosisRoutes } from './routes/diagnosis.js'
import { recordRoutes } from './routes/records.js'
import { territoryRoutes } from './routes/territories.js'
import { matterRoutes } from './routes/matters.js'
import { open311Routes } from './routes/open311.js'
import { publicReportRoutes } from './routes/publicReports.js'
import { sweepEscalations, type MatterContext, type MatterNotifier } from './services/matters.js'
import { DEFAULT_DEADLINES, type DeadlineConfig } from '@cosafe/core'
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
  /** The clock of matters' steps, deadlines and sweeps (default: the system clock; tests inject one). */
  clock?: () => Date
  /** Time limits and escalation rules of matters (default 2 h, 24 h, 7 d, 15 d). */
  deadlines?: DeadlineConfig
  /** Delivers matter notices and reporter updates by SMS or e-mail (default: logged; the inbox always has them). */
  matterNotifier?: MatterNotifier
  /** Resident reports (form and Open311 POST) allowed per address per minute (default 10). */
  reportsPerMinute?: number
  /** The community Open311 requests go to when they name no jurisdiction_id (default: the only community). */
  open311Jurisdiction?: string
  /** Record due deadline escalations every this many milliseconds (default 0: only through the sweep endpoint). */
  sweepEveryMs?: number
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
  diagnosisRoutes(app, opts.store, opts.clock ?? (() => new Date()))
  importRoutes(app, opts.store)
  adminRoutes(app, opts.store)
  surveyRoutes(
    app,
    opts.store,
    opts.notifier ?? { remind: async (s, id) => app.log.info({ survey: s.id, respondent: id }, 'survey reminder') },
  )
  answerRoutes(app, opts.store)
  const matters: MatterContext = {
    store: opts.store,
    now: opts.clock ?? (() => new Date()),
    deadlines: opts.deadlines ?? DEFAULT_DEADLINES,
    notifier: opts.matterNotifier ?? {
      reporter: async (m) => app.log.info({ matter: m.matterId }, 'matter: reporter update (no SMS/e-mail notifier)'),
      actor: async (m) => app.log.debug({ actor: m.actorId, kind: m.kind }, 'matter notice (in the inbox)'),
    },
    log: (obj, msg) => app.log.warn(obj, msg),
  }
  const reportsPerMinute = opts.reportsPerMinute ?? 10
  matterRoutes(app, matters)
  publicReportRoutes(app, matters, reportsPerMinute)
  open311Routes(app, matters, { reportsPerMinute, jurisdiction: opts.open311Jurisdiction })
  if (opts.sweepEveryMs && opts.sweepEveryMs > 0) {
    let running = false
    const timer = setInterval(() => {
      if (running) return
      running = true
      sweepEscalations(matters)
        .then((n) => n && app.log.info({ recorded: n }, 'matters: escalations recorded'))
        .catch((e: unknown) => app.log.error(e, 'matters: escalation sweep failed'))
        .finally(() => (running = false))
    }, opts.sweepEveryMs)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
  }
  await webRoutes(app, opts.store, opts.webDist)
  return app
}
