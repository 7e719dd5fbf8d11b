// Accounts and sessions on both dialects.

import { beforeAll, expect, it } from 'vitest'
import type { AccountInput } from '@cosafe/core'
import { StoreError, type Session, type Store } from './index.js'
import { buildActor, buildPlace, describeStore, STAFF, SYSTEM, uid, type Place } from './store.test-util.js'

const HOUR = 3600_000
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

describeStore('accounts', (h) => {
  let s: Store
  let p: Place
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
  })

  const staff = (over: Partial<AccountInput> = {}): AccountInput => ({
    username: uid('staff'),
    displayName: '社区工作人员',
    role: 'community',
    scopeId: p.community,
    actorId: null,
    ...over,
  })

  it('round-trips an account; the hash is read only through findByUsername', async () => {
    const input = staff()
    const a = await s.accounts.create(STAFF, input, 'argon2-hash')
    expect(a).toEqual({ ...input, id: expect.any(String), createdAt: expect.any(String) })
    expect(await s.accounts.get(a.id)).toEqual(a)
    expect(await s.accounts.get(a.id)).not.toHaveProperty('passwordHash')
    expect(await s.accounts.findByUsername(input.username)).toEqual({ ...a, passwordHash: 'argon2-hash' })
    expect(await s.accounts.findByUsername('nobody')).toBeUndefined()
    expect((await s.accounts.list()).map((x) => x.id)).toContain(a.id)
    expect((await s.accounts.list()).every((x) => !('passwordHash' in x))).toBe(true)
    const admin = await s.accounts.create(SYSTEM, { ...staff(), role: 'admin', scopeId: null }, 'h', 'acc-admin')
    expect(admin.id).toBe('acc-admin')
  })

  it('refuses a username that is taken', async () => {
    const input = staff()
    await s.accounts.create(SYSTEM, input, 'h1')
    const e = (await s.accounts.create(SYSTEM, { ...input, displayName: 'Other' }, 'h2').catch((x) => x)) as StoreError
    expect(e).toBeInstanceOf(StoreError)
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'username'])
  })

  it('checks the scope and the actor an account names', async () => {
    let e = (await s.accounts.create(SYSTEM, staff({ scopeId: 'nowhere' }), 'h').catch((x) => x)) as StoreError
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'scopeId'])
    e = (await s.accounts.create(SYSTEM, staff({ role: 'actor', actorId: 'ghost' }), 'h').catch((x) => x)) as StoreError
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'actorId'])
    const actor = await s.actors.create(SYSTEM, p.community, buildActor({ territoryId: p.community }))
    const rep = await s.accounts.create(SYSTEM, staff({ role: 'actor', actorId: actor.id }), 'h')
    expect(rep.actorId).toBe(actor.id)
    // the actor of another community is not this community's actor
    const other = await buildPlace(s)
    e = (await s.accounts
      .create(SYSTEM, staff({ role: 'actor', scopeId: other.community, actorId: actor.id }), 'h')
      .catch((x) => x)) as StoreError
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'actorId'])
  })

  it('changes a password and audits it without any hash', async () => {
    const a = await s.accounts.create(STAFF, staff(), 'old-hash')
    expect(await s.accounts.setPassword(STAFF, a.id, 'new-hash')).toBe(true)
    expect((await s.accounts.findByUsername(a.username))!.passwordHash).toBe('new-hash')
    expect(await s.accounts.setPassword(STAFF, 'nobody', 'x')).toBe(false)
    const log = await s.audit.list({ entity: 'account', entityId: a.id })
    expect(log.map((e) => [e.action, e.communityId, e.accountId])).toEqual([
      ['create', null, 'acc-staff'],
      ['update', null, 'acc-staff'],
    ])
    expect(log[0]!.after).toEqual(a)
    expect(log[1]!.before).toEqual(a)
    expect(JSON.stringify(log)).not.toMatch(/hash/i)
  })
})

describeStore('sessions', (h) => {
  let s: Store
  let accountId: string
  beforeAll(async () => {
    s = h().store
    const p = await buildPlace(s)
    accountId = (
      await s.accounts.create(
        SYSTEM,
        { username: uid('u'), displayName: 'U', role: 'community', scopeId: p.community, actorId: null },
        'h',
      )
    ).id
  })

  const session = (expiresAt: string): Session => ({
    tokenHash: uid('tok'),
    accountId,
    csrfToken: uid('csrf'),
    createdAt: at(0),
    expiresAt,
  })

  it('round-trips a session and deletes it', async () => {
    const x = session(at(HOUR))
    await s.sessions.create(x)
    expect(await s.sessions.get(x.tokenHash)).toEqual(x)
    await s.sessions.delete(x.tokenHash)
    expect(await s.sessions.get(x.tokenHash)).toBeUndefined()
    await s.sessions.delete(x.tokenHash)
  })

  it('stores times in UTC', async () => {
    const x = { ...session('2099-01-01T08:00:00+08:00'), createdAt: '2026-03-05T09:30:00+08:00' }
    await s.sessions.create(x)
    expect(await s.sessions.get(x.tokenHash)).toEqual({
      ...x,
      createdAt: '2026-03-05T01:30:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    })
    await expect(s.sessions.create({ ...session('soon'), tokenHash: uid('bad') })).rejects.toThrow(RangeError)
  })

  it('treats an expired session as none, and deletes expired ones only', async () => {
    const live = session(at(HOUR))
    const dead = [session(at(-HOUR)), session(at(-2 * HOUR))]
    for (const x of [live, ...dead]) await s.sessions.create(x)
    expect(await s.sessions.get(dead[0]!.tokenHash)).toBeUndefined()
    expect(await s.sessions.deleteExpired(at(0))).toBe(2)
    expect(await s.sessions.deleteExpired(at(0))).toBe(0)
    expect(await s.sessions.get(live.tokenHash)).toEqual(live)
    // an hour later the live one has expired too
    expect(await s.sessions.deleteExpired(at(2 * HOUR))).toBeGreaterThanOrEqual(1)
    expect(await s.sessions.get(live.tokenHash)).toBeUndefined()
  })

  it('refuses a session of an unknown account or a token in use', async () => {
    const x = session(at(HOUR))
    await s.sessions.create(x)
    let e = (await s.sessions.create({ ...x, csrfToken: 'other' }).catch((y) => y)) as StoreError
    expect([e.code, e.field]).toEqual(['E_DUPLICATE', 'tokenHash'])
    e = (await s.sessions.create({ ...session(at(HOUR)), accountId: 'nobody' }).catch((y) => y)) as StoreError
    expect([e.code, e.field]).toEqual(['E_REFERENCE', 'accountId'])
  })
})
