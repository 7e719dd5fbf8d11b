// Loads the demo community into an empty database, in one transaction.

import { DEMO_TERRITORY, demoCommunity, demoMatters, type DemoData } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { hashPassword } from './auth.js'

export interface DemoLogin {
  username: string
  password: string
  role: string
  displayName: string
}

/** True when the database holds no territory yet (a fresh installation). */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.territories.list()).length === 0
}

/**
 * Writes the demo community (territories, actors, responsibilities, activities, ties, the C
 * community's safety matters and one account per role); returns the demo logins to print.
 */
export async function loadDemo(store: Store, data: DemoData = demoCommunity()): Promise<DemoLogin[]> {
  const hashes = await Promise.all(data.accounts.map((a) => hashPassword(a.password)))
  const system = { accountId: null }
  await store.transaction(async (tx) => {
    for (const { id, ...t } of data.territories) await tx.territories.create(system, t, id)
    for (const c of data.communities) {
      for (const { id, ...a } of c.actors) await tx.actors.create(system, c.id, a, id)
      for (const { id, ...r } of c.responsibilities) await tx.responsibilities.create(system, c.id, r, id)
      for (const { id, ...a } of c.activities) await tx.activities.create(system, c.id, a, id)
      for (const { id, ...t } of c.ties) await tx.ties.create(system, c.id, t, id)
    }
    // half a year of safety matters in the C community (reports, 12345 orders, grid cases)
    if (data.communities.some((c) => c.id === DEMO_TERRITORY.c))
      for (const { matter, events } of demoMatters()) await tx.matters.create(DEMO_TERRITORY.c, matter, events)
    for (const [k, a] of data.accounts.entries()) {
      const { password: _, ...input } = a
      await tx.accounts.create(system, input, hashes[k]!)
    }
  })
  return data.accounts.map((a) => ({
    username: a.username,
    password: a.password,
    role: a.role,
    displayName: a.displayName,
  }))
}
