// Accounts and sessions: argon2id passwords, session tokens in HTTP-only cookies, CSRF tokens, login rate limits.
//
// A session token is 32 random bytes in the `cosafe_session` cookie (HttpOnly, SameSite=Lax,
// Secure behind HTTPS); the database keeps only its SHA-256, so a stolen database holds no
// usable session. Each session has a CSRF token, returned at login and in the readable
// `cosafe_csrf` cookie; every write (POST, PUT, PATCH, DELETE) made with a session must echo
// it in the `x-csrf-token` header. Logins are rate-limited per address and user name.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import argon2 from 'argon2'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ROLES, type Account } from '@cosafe/core'
import type { Session, Store } from '@cosafe/store'
import { HttpError } from './errors.js'

export const SESSION_COOKIE = 'cosafe_session'
export const CSRF_COOKIE = 'cosafe_csrf'
export const CSRF_HEADER = 'x-csrf-token'
const SESSION_HOURS = 12

/** OWASP's argon2id setting (19 MiB, 2 passes). */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2)
}

let dummyHash: Promise<string> | undefined
/** Verifies a password; unknown users cost the same time as known ones. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= hashPassword('not a real password, only for timing')
    await argon2.verify(await dummyHash, password)
    return false
  }
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null
    session: Session | null
  }
}

export interface AuthOptions {
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean
  /** Logins allowed per address and user name per minute. */
  loginsPerMinute: number
}

/** Reads the session cookie on every request and checks CSRF tokens on writes. */
export function installSessions(app: FastifyInstance, store: Store, opts: AuthOptions): void {
  app.decorateRequest('account', null)
  app.decorateRequest('session', null)
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await store.sessions.get(sha256(token))
    if (!session || session.expiresAt <= new Date().toISOString()) return
    const account = await store.accounts.get(session.accountId)
    if (!account) return
    req.session = session
    req.account = account
  })
  app.addHook('preHandler', async (req) => {
    // respondents' answers are authorised by their link token, not by the cookie
    if (!req.session || ['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.url.startsWith('/api/answer/')) return
    const given = req.headers[CSRF_HEADER]
    const expected = Buffer.from(req.session.csrfToken)
    const actual = Buffer.from(typeof given === 'string' ? given : '')
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
      throw new HttpError(403, 'CSRF', `missing or wrong ${CSRF_HEADER} header (the csrfToken given at sign-in)`)
  })

  const cookie = (reply: FastifyReply, name: string, value: string, httpOnly: boolean, maxAge: number): void => {
    void reply.setCookie(name, value, { path: '/', httpOnly, sameSite: 'lax', secure: opts.secureCookies, maxAge })
  }

  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
      },
      config: {
        rateLimit: {
          max: opts.loginsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (req, reply) => {
      const stored = await store.accounts.findByUsername(req.body.username.trim().toLowerCase())
      if (!(await verifyPassword(stored?.passwordHash, req.body.password)) || !stored)
        throw new HttpError(401, 'BAD_CREDENTIALS', 'wrong user name or password')
      const token = randomBytes(32).toString('base64url')
      const now = new Date()
      const session: Session = {
        tokenHash: sha256(token),
        accountId: stored.id,
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      }
      await store.sessions.create(session)
      await store.sessions.deleteExpired(now.toISOString())
      cookie(reply, SESSION_COOKIE, token, true, SESSION_HOURS * 3600)
      cookie(reply, CSRF_COOKIE, session.csrfToken, false, SESSION_HOURS * 3600)
      const { passwordHash: _, ...account } = stored
      return { account, roleName: ROLES[account.role], csrfToken: session.csrfToken, expiresAt: session.expiresAt }
    },
  )
  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    if (req.session) await store.sessions.delete(req.session.tokenHash)
    cookie(reply, SESSION_COOKIE, '', true, 0)
    cookie(reply, CSRF_COOKIE, '', false, 0)
    return { ok: true }
  })
  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in account' } }, async (req) => {
    const account = requireAccount(req)
    return { account, roleName: ROLES[account.role], csrfToken: req.session!.csrfToken }
  })
}

/** The signed-in account, or 401. */
export function requireAccount(req: FastifyRequest): Account {
  if (!req.account) throw new HttpError(401, 'UNAUTHENTICATED', 'sign in first (POST /api/auth/login)')
  return req.account
}
