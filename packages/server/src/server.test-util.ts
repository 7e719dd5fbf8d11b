// A server over a fresh SQLite store with two communities and one account per role, for route tests.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Role } from '@cosafe/core'
import { openStore, type Store } from '@cosafe/store'
import { buildServer, type ServerOptions } from './app.js'
import { hashPassword } from './auth.js'

export const PASSWORD = 'correct horse battery'

export interface Fixture {
  app: FastifyInstance
  store: Store
  close(): Promise<void>
}

/** Accounts of the fixture: one per role, plus staff of the second community. */
export const USERS: Record<string, { role: Role; scopeId: string | null; actorId?: string }> = {
  admin: { role: 'admin', scopeId: null },
  district: { role: 'district', scopeId: 'd1' },
  street: { role: 'street', scopeId: 's1' },
  staff: { role: 'community', scopeId: 'c1' },
  rep: { role: 'actor', scopeId: 'c1', actorId: 'pc' },
  researcher: { role: 'researcher', scopeId: 's1' },
  resident: { role: 'resident', scopeId: 'c1' },
  staff2: { role: 'community', scopeId: 'c2' },
}

export async function fixture(
  opts: { loginsPerMinute?: number } & Omit<Partial<ServerOptions>, 'store'> = {},
): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cosafe-server-'))
  const store = await openStore({ file: join(dir, 'test.db') })
  await store.migrate()
  const sys = { accountId: null }
  const T = store.territories
  await T.create(
    sys,
    { level: 'district', code: '110101', nameZh: '东城区', nameEn: 'Dongcheng', parentId: null },
    'd1',
  )
  await T.create(
    sys,
    { level: 'street', code: 's1', nameZh: '和平街道', nameEn: 'Heping Street', parentId: 'd1' },
    's1',
  )
  await T.create(sys, { level: 'community', code: 'c1', nameZh: 'C 社区', nameEn: 'C Community', parentId: 's1' }, 'c1')
  await T.create(sys, { level: 'community', code: 'c2', nameZh: 'D 社区', nameEn: 'D Community', parentId: 's1' }, 'c2')
  await T.create(sys, { level: 'grid', code: 'g1', nameZh: '第一网格', nameEn: 'Grid 1', parentId: 'c1' }, 'g1')
  const A = store.actors
  await A.create(sys, 'c1', { type: 'residents_committee', sector: 'Q', name: '居委会', territoryId: 'c1' }, 'rc')
  await A.create(
    sys,
    'c1',
    { type: 'police_station', sector: 'G', name: '派出所', territoryId: 's1', orgCode: 'PS-1' },
    'ps',
  )
  await A.create(sys, 'c1', { type: 'property_company', sector: 'M', name: '物业公司', territoryId: 'g1' }, 'pc')
  await A.create(
    sys,
    'c1',
    { type: 'building_head', sector: 'I', name: '3号楼楼门长', territoryId: 'g1', note: 'lives at 3-2-401' },
    'bh',
  )
  await A.create(sys, 'c2', { type: 'residents_committee', sector: 'Q', name: 'D 居委会', territoryId: 'c2' }, 'rc2')
  await A.create(
    sys,
    'c2',
    { type: 'police_station', sector: 'G', name: '派出所', territoryId: 's1', orgCode: 'PS-1' },
    'ps2',
  )
  await store.ties.create(
    sys,
    'c2',
    { relation: 'INFO', sourceId: 'rc2', targetId: 'ps2', value: 1, date: '2026-01-01', provenance: 'record' },
    't-c2',
  )
  await store.ties.create(
    sys,
    'c1',
    { relation: 'INFO', sourceId: 'rc', targetId: 'ps', value: 2, date: '2026-01-05', provenance: 'record' },
    't1',
  )
  await store.activities.create(
    sys,
    'c1',
    {
      kind: 'meeting',
      title: '消防联席会议',
      start: '2026-02-01T09:00:00+08:00',
      domains: ['FIRE'],
      phase: 'PREVENT',
      convenerId: 'rc',
      invitedIds: ['ps', 'pc'],
      attendedIds: ['ps', 'pc'],
      decisions: ['清理楼道杂物'],
      actionItems: [{ text: '清理3号楼楼道', ownerId: 'pc', due: '2026-02-15', status: 'done', doneOn: '2026-02-14' }],
    },
    'm1',
  )
  const hash = await hashPassword(PASSWORD)
  for (const [username, u] of Object.entries(USERS))
    await store.accounts.create(
      sys,
      { username, displayName: username, role: u.role, scopeId: u.scopeId, actorId: u.actorId ?? null },
      hash,
      `acc-${username}`,
    )
  const app = await buildServer({ ...opts, store, loginsPerMinute: opts.loginsPerMinute ?? 1000 })
  return {
    app,
    store,
    close: async () => {
      await app.close()
      await store.close()
    },
  }
}

export interface Session {
  cookie: string
  csrf: string
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`)
  const c = r.cookies.find((x) => x.name === 'cosafe_session')!
  return { cookie: `cosafe_session=${c.value}`, csrf: r.json().csrfToken }
}

/** A request as a signed-in account (or anonymous with null), CSRF header included on writes. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as string } : {}),
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
  })
}
