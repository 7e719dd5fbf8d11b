// The web app (packages/web/dist) at `/`, with its routes falling back to index.html, and the demo's sign-in hint.
//
// Hashed assets (/assets/*) are cached for a year; index.html is revalidated on every visit so a
// new build is picked up at once. The server's own paths (/api/…, survey links /s/…, residents'
// /report/… pages, /open311/…) never fall back to the app: an unknown one is a 404 like any other. Without a build, `/` says how to make one.

import { existsSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { demoCommunity, type Role } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { verifyPassword } from './auth.js'
import { notFound } from './errors.js'

/** packages/web/dist, seen from src/ (tests) and from dist/ (built) alike. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url))

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cosafe</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; line-height: 1.6">
<h1>cosafe</h1>
<p>The web app has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds and serves), then reload this page.</p>
<p>网页应用尚未构建。请运行 <code>npm run build</code>（或 <code>npm start</code>，它会构建并启动服务），然后刷新本页。</p>
<p>The API and its documentation are available: <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`

/** Paths served by the server itself (API, survey links, residents' report pages, Open311): never the app. */
const NOT_THE_APP = ['/api/', '/s/', '/report/', '/open311/']

export interface DemoHint {
  demo: boolean
  logins: { username: string; password: string; role: Role; displayName: string }[]
}

/**
 * The demo logins that still work on this database (none once their passwords are changed or
 * the accounts are gone, so a real installation shows no hint). The demo passwords are derived
 * from a fixed seed in public source code: showing them adds nothing an attacker lacks.
 */
async function demoHint(store: Store): Promise<DemoHint> {
  const data = demoCommunity()
  if (!(await store.territories.get(data.communities[0]!.id))) return { demo: false, logins: [] }
  const checked = await Promise.all(
    data.accounts.map(async (a) => {
      const stored = await store.accounts.findByUsername(a.username)
      return stored && (await verifyPassword(stored.passwordHash, a.password)) ? a : null
    }),
  )
  const logins = checked
    .filter((a) => a !== null)
    .map((a) => ({ username: a.username, password: a.password, role: a.role, displayName: a.displayName }))
  return { demo: logins.length > 0, logins }
}

export async function webRoutes(app: FastifyInstance, store: Store, dist: string = WEB_DIST): Promise<void> {
  let hint: { at: number; value: Promise<DemoHint> } | undefined
  app.get(
    '/api/demo',
    {
      schema: {
        tags: ['auth'],
        summary: 'The demo community’s logins that still work (empty outside the demo), for the sign-in page',
      },
    },
    async () => {
      if (!hint || Date.now() - hint.at > 60_000) hint = { at: Date.now(), value: demoHint(store) }
      return hint.value
    },
  )

  const root = resolve(dist)
  const built = existsSync(join(root, 'index.html'))
  if (built) await app.register(fastifyStatic, { root, serve: false })

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0]!
    if (path === '/api' || NOT_THE_APP.some((prefix) => path.startsWith(prefix))) throw notFound(`no route GET ${path}`)
    if (!built) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT)
    let file: string
    try {
      file = decodeURIComponent(path).replace(/^\/+/, '')
    } catch {
      throw notFound(`no file ${path}`)
    }
    const full = resolve(root, file)
    if (file !== '' && full.startsWith(root + sep) && existsSync(full) && statSync(full).isFile()) {
      const hashed = file.startsWith('assets/')
      return hashed
        ? reply.sendFile(file, { maxAge: 365 * 24 * 3600_000, immutable: true })
        : reply.sendFile(file, { cacheControl: false })
    }
    // a missing file (an old asset, a typo) is a 404; any other path is a page of the app
    if (extname(file) !== '') throw notFound(`no file ${path}`)
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false })
  })
}
