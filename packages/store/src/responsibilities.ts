// responsibilities: who is responsible for which safety domain (the designed network).

import type { Responsibility, ResponsibilityInput } from '@cosafe/core'
import type { OwnedSpec } from './owned.js'
import type { ResponsibilityRow } from './schema.js'

export const responsibilitySpec: OwnedSpec<ResponsibilityInput, Responsibility, ResponsibilityRow> = {
  table: 'responsibilities',
  entity: 'responsibility',
  columns: (r) => ({
    domain: r.domain,
    actor_id: r.actorId,
    role: r.role,
    valid_from: r.from,
    valid_to: r.to ?? null,
    source: r.source,
    note: r.note ?? null,
  }),
  fromRow: (r) => ({
    id: r.id,
    communityId: r.community_id,
    domain: r.domain,
    actorId: r.actor_id,
    role: r.role,
    from: r.valid_from,
    to: r.valid_to,
    source: r.source,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }),
  references: (r) => [{ field: 'actorId', to: 'actor', id: r.actorId }],
}
