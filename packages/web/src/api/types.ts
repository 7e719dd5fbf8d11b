// Shapes of the API's answers the pages share (records themselves are @cosafe/core's types).
import type { Account, Role, Territory } from '@cosafe/core'

export type { Account, Actor, Activity, Responsibility, Role, Territory, Tie } from '@cosafe/core'

export interface Me {
  account: Account
  roleName: { zh: string; en: string }
  csrfToken: string
}

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

/** GET /api/communities: the communities the account may see, with their path (district, street, community). */
export interface CommunitySummary extends Territory {
  path: string[]
}

/** GET /api/communities/:id */
export interface CommunityDetail extends Territory {
  ancestors: Territory[]
  grids: Territory[]
  counts: { actors: number; responsibilities: number; activities: number; ties: number }
}

/** GET /api/demo: the demo logins that still work (none outside the demo). */
export interface DemoInfo {
  demo: boolean
  logins: { username: string; password: string; role: Role; displayName: string }[]
}
