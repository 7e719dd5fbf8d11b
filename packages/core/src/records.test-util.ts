// Stored-record helpers for tests: the fields every community-owned record carries, and a plain actor.

import type { Actor } from './records.js'

export const owned = {
  communityId: 'c',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

/** An actor of community "c" named by its upper-cased id. */
export const actor = (id: string, sector: Actor['sector'], type: Actor['type']): Actor => ({
  ...owned,
  id,
  type,
  sector,
  name: id.toUpperCase(),
  territoryId: 'c',
})
