// activities: joint work of actors (meetings, patrols, drills…), with activity_actors naming who took part.
//
// The lists are stored twice on purpose: as JSON in the activity row, so that the record comes back
// exactly as given (order included), and as rows of activity_actors, so that the database keeps
// every named actor in existence and "which activities involve this actor" is one indexed query.

import type { ActionItem, Activity, ActivityInput } from '@cosafe/core'
import { fromJson, type Reference } from './internal.js'
import type { OwnedSpec } from './owned.js'
import type { ActivityActorRow, ActivityRow } from './schema.js'

function actionItems(a: ActivityInput): ActionItem[] {
  return (a.actionItems ?? []).map((x) => ({
    text: x.text,
    ownerId: x.ownerId,
    due: x.due,
    status: x.status,
    doneOn: x.doneOn ?? null,
  }))
}

export const activitySpec: OwnedSpec<ActivityInput, Activity, ActivityRow> = {
  table: 'activities',
  entity: 'activity',
  columns: (a) => ({
    kind: a.kind,
    title: a.title,
    start_at: a.start,
    end_at: a.end ?? null,
    territory_id: a.territoryId ?? null,
    domains: JSON.stringify(a.domains),
    phase: a.phase,
    convener_id: a.convenerId,
    invited_ids: JSON.stringify(a.invitedIds),
    attended_ids: JSON.stringify(a.attendedIds),
    decisions: JSON.stringify(a.decisions ?? []),
    action_items: JSON.stringify(actionItems(a)),
    note: a.note ?? null,
  }),
  fromRow: (r) => ({
    id: r.id,
    communityId: r.community_id,
    kind: r.kind,
    title: r.title,
    start: r.start_at,
    end: r.end_at,
    territoryId: r.territory_id,
    domains: fromJson<string[]>(r.domains),
    phase: r.phase,
    convenerId: r.convener_id,
    invitedIds: fromJson<string[]>(r.invited_ids),
    attendedIds: fromJson<string[]>(r.attended_ids),
    decisions: fromJson<string[]>(r.decisions),
    actionItems: fromJson<ActionItem[]>(r.action_items),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }),
  references: (a) => [
    ...(a.territoryId ? [{ field: 'territoryId', to: 'territory', id: a.territoryId } satisfies Reference] : []),
    { field: 'convenerId', to: 'actor', id: a.convenerId },
    ...a.invitedIds.map((id, i): Reference => ({ field: `invitedIds.${i}`, to: 'actor', id })),
    ...a.attendedIds.map((id, i): Reference => ({ field: `attendedIds.${i}`, to: 'actor', id })),
    ...actionItems(a).map((x, i): Reference => ({ field: `actionItems.${i}.ownerId`, to: 'actor', id: x.ownerId })),
  ],
  afterWrite: async (db, row, input, created) => {
    const c = row.community_id
    if (!created)
      await db.deleteFrom('activity_actors').where('community_id', '=', c).where('activity_id', '=', row.id).execute()
    const seen = new Set<string>()
    const rows: ActivityActorRow[] = []
    const add = (role: ActivityActorRow['role'], ids: readonly string[]) => {
      for (const actor_id of ids)
        if (!seen.has(`${role}:${actor_id}`)) {
          seen.add(`${role}:${actor_id}`)
          rows.push({ community_id: c, activity_id: row.id, actor_id, role })
        }
    }
    add('convener', [input.convenerId])
    add('invited', input.invitedIds)
    add('attended', input.attendedIds)
    add(
      'owner',
      actionItems(input).map((x) => x.ownerId),
    )
    await db.insertInto('activity_actors').values(rows).execute()
  },
}
