// Who may see and change what: the signed-in account (401), the community in its scope (404), the role's grant (403).

import type { FastifyRequest } from 'fastify'
import {
  ACTOR_TYPES,
  can,
  inScope,
  pseudonymised,
  type Account,
  type Action,
  type Activity,
  type Actor,
  type Id,
  type Resource,
  type Territory,
  type Tie,
} from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { requireAccount } from './auth.js'
import { HttpError, notFound } from './errors.js'

/** 403 unless the account's role grants the action on the resource. */
export function authorize(account: Account, action: Action, resource: Resource): void {
  if (!can(account.role, action, resource))
    throw new HttpError(403, 'FORBIDDEN', `a ${account.role} account may not ${action} ${resource} records`)
}

/**
 * The community a request names, when the account may see it (else 404: another community's
 * records are not even confirmed to exist), after checking the role may do `action` on `resource`.
 */
export async function communityFor(
  req: FastifyRequest,
  store: Store,
  communityId: Id,
  action: Action,
  resource: Resource,
): Promise<{ account: Account; community: Territory; ancestors: Territory[] }> {
  const account = requireAccount(req)
  const ancestors = await store.territories.ancestors(communityId)
  const community = ancestors[0]
  if (
    !community ||
    community.level !== 'community' ||
    !inScope(
      account,
      ancestors.map((t) => t.id),
    )
  )
    throw notFound(`no community "${communityId}"`)
  authorize(account, action, resource)
  return { account, community, ancestors }
}

const alias = (id: string): string => {
  let h = 2166136261
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return (h >>> 0).toString(36).toUpperCase().padStart(7, '0')
}

/** What a researcher sees of an actor: individuals under a hashed alias, no contacts or notes. */
export function viewActor(account: Account, a: Actor): Actor {
  if (!pseudonymised(account.role)) return a
  const individual = ACTOR_TYPES[a.type].individual
  return {
    ...a,
    name: individual ? `${ACTOR_TYPES[a.type].en} ${alias(a.id)}` : a.name,
    nameEn: individual ? null : (a.nameEn ?? null),
    contact: null,
    note: null,
  }
}

export function viewActivity(account: Account, a: Activity): Activity {
  return pseudonymised(account.role) ? { ...a, note: null } : a
}

export function viewTie(account: Account, t: Tie): Tie {
  return pseudonymised(account.role) ? { ...t, note: null } : t
}
