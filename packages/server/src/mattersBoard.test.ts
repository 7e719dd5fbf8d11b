// The board's list of matters a page at a time, with category, urgency and overdue filters done by the database.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fixture, login, type Fixture, type Session } from './server.test-util.js'

let f: Fixture
let staff: Session
let clock = Date.parse('2026-06-01T08:00:00Z')
const base = '/api/communities/c1/matters'

beforeAll(async () => {
  f = await fixture({ clock: () => new Date(clock) })
  staff = await login(f.app, 'staff')
  // 25 matters a minute apart: 15 blocked fire passages (urgent), 10 damaged fire equipment (normal)
  for (let i = 0; i < 25; i++) {
    clock += 60_000
    const r = await call(f.app, staff, 'POST', base, {
      source: 'grid',
      category: i % 5 < 3 ? 'fire_passage' : 'fire_equipment',
      description: `matter ${i}`,
      location: { gridId: 'g1', address: `${i}号楼` },
      reporterActorId: 'pc',
    })
    expect(r.statusCode, r.body).toBe(201)
  }
})
afterAll(async () => f.close())

const list = async (query: string) => {
  const r = await call(f.app, staff, 'GET', `${base}?${query}`)
  expect(r.statusCode, r.body).toBe(200)
  return r.json() as { items: { description: string; category: string; urgency: string }[]; total: number }
}

describe('the matters board, a page at a time', () => {
  it('pages newest first with the total of the whole list', async () => {
    const first = await list('state=received&limit=10')
    expect(first.total).toBe(25)
    expect(first.items.map((m) => m.description)).toEqual(Array.from({ length: 10 }, (_, k) => `matter ${24 - k}`))
    const third = await list('state=received&limit=10&offset=20')
    expect(third.items.map((m) => m.description)).toEqual(['matter 4', 'matter 3', 'matter 2', 'matter 1', 'matter 0'])
    expect(third.total).toBe(25)
  })

  it('filters by category and urgency in the query', async () => {
    const passages = await list('state=received&category=fire_passage&limit=100')
    expect(passages.total).toBe(15)
    expect(new Set(passages.items.map((m) => m.category))).toEqual(new Set(['fire_passage']))
    const normal = await list('urgency=normal&limit=3')
    expect(normal.total).toBe(10)
    expect(normal.items).toHaveLength(3)
    expect(normal.items.every((m) => m.urgency === 'normal')).toBe(true)
    const bad = await call(f.app, staff, 'GET', `${base}?category=volcano`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues[0].field).toBe('querystring.category')
  })

  it('overdue: open matters past their deadline, none in a settled state', async () => {
    expect((await list('overdue=true')).total).toBe(0)
    clock += 3 * 24 * 3600_000 // past the 24 h of the urgent passages, within the normal 7 days
    expect((await list('overdue=true&limit=100')).total).toBe(15)
    expect(await list('overdue=true&state=closed')).toMatchObject({ items: [], total: 0 })
  })
})
