// Transactions on both dialects: all or nothing, nesting, and many at once without interleaving on SQLite.

import { beforeAll, expect, it } from 'vitest'
import { StoreError, type Store } from './index.js'
import {
  buildActor,
  buildPlace,
  buildResponsibility,
  describeStore,
  SYSTEM,
  uid,
  type Place,
} from './store.test-util.js'

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

describeStore('transactions', (h) => {
  let s: Store
  let p: Place
  beforeAll(async () => {
    s = h().store
    p = await buildPlace(s)
  })

  it('stores every write of a transaction and returns what fn returns', async () => {
    const c = (await buildPlace(s)).community
    const result = await s.transaction(async (tx) => {
      const a = await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
      await tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: a.id }))
      // the transaction sees its own writes
      expect(await tx.actors.get(c, a.id)).toEqual(a)
      return a.id
    })
    expect(await s.actors.get(c, result)).toBeDefined()
    expect(await s.responsibilities.count(c)).toBe(1)
    expect(await s.audit.list({ communityId: c })).toHaveLength(2)
  })

  it('stores nothing, audit entries included, when fn throws', async () => {
    const c = (await buildPlace(s)).community
    const boom = new Error('boom')
    await expect(
      s.transaction(async (tx) => {
        const a = await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
        await tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: a.id }))
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(await s.actors.count(c)).toBe(0)
    expect(await s.responsibilities.count(c)).toBe(0)
    expect(await s.audit.list({ communityId: c })).toEqual([])
  })

  it('rolls back a whole transaction when a StoreError escapes it', async () => {
    const c = (await buildPlace(s)).community
    await expect(
      s.transaction(async (tx) => {
        await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
        await tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: 'ghost' }))
      }),
    ).rejects.toMatchObject({ code: 'E_REFERENCE', field: 'actorId' })
    expect(await s.actors.count(c)).toBe(0)
    expect(await s.audit.list({ communityId: c })).toEqual([])
  })

  it('goes on after a StoreError that fn catches (the failed write alone is undone)', async () => {
    const c = (await buildPlace(s)).community
    await s.transaction(async (tx) => {
      const a = await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
      const e = await tx.responsibilities
        .create(SYSTEM, c, buildResponsibility({ actorId: 'ghost' }))
        .catch((x: unknown) => x)
      expect(e).toBeInstanceOf(StoreError)
      await tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: a.id }))
    })
    expect(await s.actors.count(c)).toBe(1)
    expect(await s.responsibilities.count(c)).toBe(1)
    expect(await s.audit.list({ communityId: c })).toHaveLength(2)
  })

  it('nests: an inner transaction that throws is undone, the outer one goes on', async () => {
    const c = (await buildPlace(s)).community
    await s.transaction(async (tx) => {
      await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }), 'outer')
      await expect(
        tx.transaction(async (inner) => {
          expect(inner).toBe(tx)
          await inner.actors.create(SYSTEM, c, buildActor({ territoryId: c }), 'inner')
          throw new Error('inner fails')
        }),
      ).rejects.toThrow('inner fails')
      await tx.transaction(async (inner) => {
        await inner.actors.create(SYSTEM, c, buildActor({ territoryId: c }), 'kept')
      })
    })
    expect((await s.actors.list(c)).map((a) => a.id).sort()).toEqual(['kept', 'outer'])
  })

  it('refuses the outer store inside fn, and the transaction store after it ends', async () => {
    let leaked: Store | undefined
    await expect(
      s.transaction(async (tx) => {
        leaked = tx
        await s.territories.get(p.community)
      }),
    ).rejects.toThrow(/use the store fn receives/)
    await expect(leaked!.territories.get(p.community)).rejects.toThrow(/transaction has ended/)
    await expect(leaked!.close()).rejects.toThrow()
    // and the store is still usable
    expect(await s.territories.get(p.community)).toBeDefined()
  })

  it('runs 50 transactions at once: every row stored, none interleaved on SQLite', async () => {
    const c = (await buildPlace(s)).community
    const events: string[] = []
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        s.transaction(async (tx) => {
          events.push(`begin ${i}`)
          const a = await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c, name: `A${i}` }))
          await pause(i % 3)
          await tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: a.id }))
          // reading inside the transaction sees its own rows only once per actor
          expect(await tx.responsibilities.count(c)).toBeGreaterThan(0)
          events.push(`end ${i}`)
        }),
      ),
    )
    expect(await s.actors.count(c)).toBe(50)
    expect(await s.responsibilities.count(c)).toBe(50)
    expect(await s.audit.list({ communityId: c })).toHaveLength(100)
    const names = new Set((await s.actors.list(c)).map((a) => a.name))
    expect(names.size).toBe(50)
    if (h().dialect === 'sqlite')
      for (let k = 0; k < events.length; k += 2) expect(events[k + 1]).toBe(events[k]!.replace('begin', 'end'))
  })

  it('keeps parallel transactions apart when some of them fail', async () => {
    const c = (await buildPlace(s)).community
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        s.transaction(async (tx) => {
          await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }), `ok-or-not-${i}`)
          await pause(1)
          if (i % 3 === 0) throw new Error(`transaction ${i} gives up`)
          await tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }), `second-${i}`)
        }),
      ),
    )
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(10)
    const ids = new Set((await s.actors.list(c)).map((a) => a.id))
    expect(ids.size).toBe(40)
    for (let i = 0; i < 30; i++) expect(ids.has(`ok-or-not-${i}`)).toBe(i % 3 !== 0)
    expect(await s.audit.list({ communityId: c })).toHaveLength(40)
  })

  it('runs calls made in parallel inside one transaction one at a time', async () => {
    const c = (await buildPlace(s)).community
    await s.transaction(async (tx) => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i === 7
            ? tx.responsibilities.create(SYSTEM, c, buildResponsibility({ actorId: 'ghost' })).catch(() => 'failed')
            : tx.actors.create(SYSTEM, c, buildActor({ territoryId: c }), `p${i}`),
        ),
      )
    })
    expect(await s.actors.count(c)).toBe(19)
  })

  it('handles many writes and reads outside transactions at once', async () => {
    const c = (await buildPlace(s)).community
    const writes = Array.from({ length: 40 }, () =>
      s.actors.create(SYSTEM, c, buildActor({ territoryId: c }), uid('w')),
    )
    const reads = Array.from({ length: 40 }, () => s.actors.count(c))
    await Promise.all([...writes, ...reads])
    expect(await s.actors.count(c)).toBe(40)
  })

  it('sees in a second store what the first one committed', async () => {
    const other = await h().reopen()
    const c = (await buildPlace(s)).community
    const a = await s.actors.create(SYSTEM, c, buildActor({ territoryId: c }))
    expect(await other.actors.get(c, a.id)).toEqual(a)
    expect(await other.migrate()).toEqual([])
  })
})
