// Networks built from the records: designed against observed, actor × activity, period series, downloads.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNetwork } from '@cosafe/sna'
import { call, fixture, login, type Fixture, type Session } from './server.test-util.js'

let f: Fixture
let staff: Session

beforeAll(async () => {
  f = await fixture()
  staff = await login(f.app, 'staff')
  const sys = { accountId: null }
  const duty = (actorId: string, role: string, domain = 'FIRE') =>
    f.store.responsibilities.create(sys, 'c1', {
      domain,
      actorId,
      role,
      from: '2026-01-01',
      source: 'duty_list',
    } as never)
  await duty('pc', 'lead')
  await duty('ps', 'co')
  await duty('bh', 'support')
})
afterAll(async () => f.close())

describe('network endpoints', () => {
  it('compares the designed network with what was observed', async () => {
    const r = await call(f.app, staff, 'GET', '/api/communities/c1/network/designed?domains=FIRE')
    expect(r.statusCode, r.body).toBe(200)
    const j = r.json()
    // pc leads: pc → ps, pc → bh; ps and bh (co and support) tied both ways
    expect(j.edges).toHaveLength(4)
    // observed in fire safety: the meeting of rc, ps and pc
    const pairs = (xs: [string, string][]) => xs.map((p) => [...p].sort().join('-')).sort()
    expect(pairs(j.comparison.overlap)).toEqual(['pc-ps'])
    expect(pairs(j.comparison.missing)).toEqual(['bh-pc', 'bh-ps'])
    expect(pairs(j.comparison.unexpected)).toEqual(['pc-rc', 'ps-rc'])
    expect(j.comparison.jaccard).toBeCloseTo(1 / 5, 12)
  })
  it('gives the actor × activity two-mode network', async () => {
    const r = await call(f.app, staff, 'GET', '/api/communities/c1/network/activities?domains=FIRE')
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().twoModeRows).toBe(4)
    // the meeting's convener and two attendees
    expect(r.json().edges).toHaveLength(3)
    const gexf = await call(f.app, staff, 'GET', '/api/communities/c1/network/activities?format=gexf')
    expect(gexf.body).toContain('<gexf')
  })
  it('builds one network per period over the same actors', async () => {
    const r = await call(
      f.app,
      staff,
      'GET',
      '/api/communities/c1/network/series?unit=month&from=2026-01-01&to=2026-02-28',
    )
    expect(r.statusCode, r.body).toBe(200)
    const items = r.json().items as {
      window: { label: string }
      used: { ties: number; activities: number }
      network: { nodes: { id: string }[] }
    }[]
    expect(items.map((x) => x.window.label)).toEqual(['2026-01', '2026-02'])
    expect(items.map((x) => [x.used.ties, x.used.activities])).toEqual([
      [1, 0],
      [0, 1],
    ])
    expect(items[0]!.network.nodes.map((n) => n.id)).toEqual(items[1]!.network.nodes.map((n) => n.id))
    expect(
      (await call(f.app, staff, 'GET', '/api/communities/c1/network/series?from=2026-03-01&to=2026-01-01')).statusCode,
    ).toBe(400)
  })
  it('downloads the network in every engine format, readable back', async () => {
    for (const format of ['csv', 'dl', 'pajek', 'graphml', 'gexf', 'json'] as const) {
      const r = await call(f.app, staff, 'GET', `/api/communities/c1/network?format=${format}&relations=INFO,CONSULT`)
      expect(r.statusCode, format).toBe(200)
      expect(r.headers['content-disposition']).toMatch(/attachment/)
      const { network } = readNetwork(new TextEncoder().encode(r.body), { format, directed: true })
      // a CSV edge list names only actors with ties (bh has none here); the other formats list every actor
      expect(network.nodes.size, format).toBe(format === 'csv' ? 3 : 4)
    }
  })
})
