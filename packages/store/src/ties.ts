// ties: relations recorded directly between two actors of a community.

import type { RelationType, Tie, TieInput } from '@cosafe/core'
import type { OwnedSpec } from './owned.js'
import type { TieRow } from './schema.js'

export const tieSpec: OwnedSpec<TieInput, Tie, TieRow> = {
  table: 'ties',
  entity: 'tie',
  columns: (t) => ({
    relation: t.relation,
    source_id: t.sourceId,
    target_id: t.targetId,
    // The schema's default, for callers that did not parse their input.
    value: t.value ?? 1,
    tie_date: t.date ?? null,
    valid_from: t.from ?? null,
    valid_to: t.to ?? null,
    provenance: t.provenance,
    note: t.note ?? null,
  }),
  fromRow: (r) => ({
    id: r.id,
    communityId: r.community_id,
    relation: r.relation as RelationType,
    sourceId: r.source_id,
    targetId: r.target_id,
    value: Number(r.value),
    date: r.tie_date,
    from: r.valid_from,
    to: r.valid_to,
    provenance: r.provenance,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }),
  references: (t) => [
    { field: 'sourceId', to: 'actor', id: t.sourceId },
    { field: 'targetId', to: 'actor', id: t.targetId },
  ],
}
