// The web app at `/`: files from the build, SPA fallback for pages only, caching, the not-built page, the demo hint.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoCommunity } from '@cosafe/core'
import { openStore, type Store } from '@cosafe/store'
import { buildServer } from './app.js'
import { loadDemo } from './demo.js'
import type { FastifyInstance } from 'fastify'

let dir: string
let store: Store
let app: FastifyInstance
let bare: FastifyInstance

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cosafe-web-'))
  const dist = join(dir, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><div id="root"></div><script src="/assets/index-abc123.js"></script>',
  )
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")')
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *')
  writeFileSync(join(dir, 'secret.txt'), 'outside the build')
  store = await openStore({ file: join(dir, 'web.db') })
  await store.migrate()
  app = await buildServer({ store, webDist: dist })
  bare = await buildServer({ store, webDist: join(dir, 'missing') })
})
afterAll(async () => {
  await app.close()
  await bare.close()
  await store.close()
})

const get = (a: FastifyInstance, url: string) => a.inject({ method: 'GET', url })

describe('the built web app', () => {
  it('serves index.html at / and for every page path, revalidated on each visit', async () => {
    for (const url of ['/', '/actors', '/activities/calendar?month=2026-03', '/surveys']) {
      const r = await get(app, url)
      expect(r.statusCode, url).toBe(200)
      expect(r.headers['content-type'], url).toMatch(/text\/html/)
      expect(r.body, url).toContain('<div id="root">')
      expect(r.headers['cache-control'], url).toBe('no-cache')
    }
  })
  it('caches hashed assets for a year and serves other files as they are', async () => {
    const js = await get(app, '/assets/index-abc123.js')
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toMatch(/javascript/)
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const robots = await get(app, '/robots.txt')
    expect(robots.body).toBe('User-agent: *')
  })
  it('answers 404 for missing files, files outside the build and unknown API paths', async () => {
    expect((await get(app, '/assets/index-old999.js')).statusCode).toBe(404)
    expect((await get(app, '/..%2fsecret.txt')).statusCode).toBe(404)
    expect((await get(app, '/%2e%2e/secret.txt')).body).not.toContain('outside the build')
    const api = await get(app, '/api/nothing-here')
    expect(api.statusCode).toBe(404)
    expect(api.json().error.code).toBe('NOT_FOUND')
    expect((await get(app, '/s/no/such/link')).statusCode).toBe(404)
    expect((await get(app, '/open311/v2/nothing/here')).statusCode).toBe(404)
    // writes to page paths are not pages
    expect((await app.inject({ method: 'POST', url: '/actors' })).statusCode).toBe(404)
  })
  it('keeps the API working and the static routes out of the OpenAPI document', async () => {
    expect((await get(app, '/api/health')).json().ok).toBe(true)
    const doc = (await get(app, '/api/docs/json')).json() as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).toEqual([])
    expect(Object.keys(doc.paths)).toContain('/api/demo')
  })
})

describe('without a build', () => {
  it('says how to build the app', async () => {
    const r = await get(bare, '/')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('npm run build')
    expect((await get(bare, '/api/health')).statusCode).toBe(200)
  })
})

describe('the demo hint', () => {
  it('is empty on a database without the demo, and lists the working demo logins with it', async () => {
    expect((await get(app, '/api/demo')).json()).toEqual({ demo: false, logins: [] })
    await loadDemo(store)
    // a fresh server (the hint is cached for a minute)
    const fresh = await buildServer({ store, webDist: join(dir, 'missing') })
    const r = (await get(fresh, '/api/demo')).json() as { demo: boolean; logins: { username: string }[] }
    expect(r.demo).toBe(true)
    expect(r.logins.map((l) => l.username)).toEqual(demoCommunity().accounts.map((a) => a.username))
    const staff = demoCommunity().accounts.find((a) => a.username === 'c-staff')!
    const login = await fresh.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: staff.username, password: staff.password },
    })
    expect(login.statusCode).toBe(200)
    await fresh.close()
  })
})
