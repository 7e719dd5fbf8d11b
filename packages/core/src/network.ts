// From records to a network: 由工作记录构建网络 — the community's actors as nodes, one relation per relation type.
//
// Two sources feed each relation: ties recorded directly, and activities, where every two
// actors who attended the same activity are tied (a meeting is consultation, a patrol, drill,
// inspection, education session or project is joint action). A tie's value adds up over the
// period: the number of shared activities plus the recorded values. A network of some safety
// domains uses activities only, as recorded ties carry no domain. Command and supervision
// stay separate relations and are left out unless asked for: they are not collaboration.
// Undirected relation types are written as ties both ways, so every relation of the network
// is directed and shares one node set.

import { NetworkBuilder, type Network } from '@cosafe/sna'
import type { Activity, Actor, NetworkFilter, Tie } from './records.js'
import { COLLABORATION_RELATIONS, RELATION_TYPES, type ActivityKind, type RelationType } from './vocabulary.js'

/** The relation an activity's co-attendance stands for. */
export const ACTIVITY_RELATION: Record<ActivityKind, RelationType> = {
  meeting: 'CONSULT',
  patrol: 'JOINT_ACTION',
  drill: 'JOINT_ACTION',
  education: 'JOINT_ACTION',
  inspection: 'JOINT_ACTION',
  project: 'JOINT_ACTION',
  other: 'JOINT_ACTION',
}

/** The relation name of a merged network. */
export const MERGED_RELATION = 'ALL'

export interface CommunityRecords {
  actors: readonly Actor[]
  activities: readonly Activity[]
  ties: readonly Tie[]
}

export interface BuiltNetwork {
  network: Network
  /** What went in: the filter as applied and the records used. */
  used: { relations: RelationType[]; activities: number; ties: number; from: string | null; to: string | null }
}

/** Does a date or period [from, to] overlap the filter's period? */
function overlaps(from: string, to: string | null | undefined, f: NetworkFilter): boolean {
  if (f.to && from > f.to) return false
  if (f.from && (to ?? from) < f.from) return false
  return true
}

/** The day an activity counts on: the calendar date of its start as recorded (local time, not UTC). */
export function activityDay(act: Pick<Activity, 'start'>): string {
  return act.start.slice(0, 10)
}

/**
 * Does an activity pass a filter: its kind's relation (ACTIVITY_RELATION) among the relations
 * asked for (default every collaboration relation), a domain among those asked for, its day in
 * the period? The one test of every activity-based builder, so that their networks agree.
 */
export function activityInFilter(act: Pick<Activity, 'kind' | 'start' | 'domains'>, filter: NetworkFilter): boolean {
  const relations = filter.relations ?? COLLABORATION_RELATIONS
  if (!relations.includes(ACTIVITY_RELATION[act.kind as ActivityKind])) return false
  if (!overlaps(activityDay(act), null, filter)) return false
  if (filter.domains && !act.domains.some((d) => filter.domains!.includes(d))) return false
  return true
}

/**
 * The community's network for a filter: every actor a node (with type, sector and territory as
 * attributes), one relation per relation type asked for, or with `merge` one relation "ALL"
 * summing them.
 *
 * @example
 * buildNetwork(records, { relations: ['INFO', 'JOINT_ACTION'], from: '2026-01-01', to: '2026-06-30' }).network
 */
export function buildNetwork(
  records: CommunityRecords,
  filter: NetworkFilter = {},
  opts: { merge?: boolean } = {},
): BuiltNetwork {
  const relations = filter.relations ?? COLLABORATION_RELATIONS
  const wanted = new Set<RelationType>(relations)
  // merged: one relation holding every tie asked for, values summed
  const name = (r: RelationType): string => (opts.merge ? MERGED_RELATION : r)
  const b = new NetworkBuilder({ directed: true, duplicates: 'sum', unknownNodes: 'error' })
  for (const a of records.actors) {
    const i = b.addNode(a.id, { type: a.type, sector: a.sector, territory: a.territoryId })
    b.setLabel(i, a.name)
  }
  for (const r of relations) b.relation(name(r))
  const add = (s: string, t: string, value: number, r: RelationType): void => {
    b.addTie(s, t, value, name(r))
    if (!RELATION_TYPES[r].directed) b.addTie(t, s, value, name(r))
  }
  let activities = 0
  for (const act of records.activities) {
    if (!activityInFilter(act, filter)) continue
    const r = ACTIVITY_RELATION[act.kind as ActivityKind]
    const present = [...new Set([act.convenerId, ...act.attendedIds])]
    if (present.length < 2) continue
    activities++
    for (let x = 0; x < present.length; x++)
      for (let y = x + 1; y < present.length; y++) add(present[x]!, present[y]!, 1, r)
  }
  let ties = 0
  for (const t of records.ties) {
    // recorded ties carry no safety domain: a network of some domains is built from activities only
    if (filter.domains || !wanted.has(t.relation)) continue
    const from = t.date ?? t.from!
    if (!overlaps(from, t.date ?? t.to, filter)) continue
    ties++
    add(t.sourceId, t.targetId, t.value, t.relation)
  }
  return {
    network: b.build().network,
    used: { relations: [...relations], activities, ties, from: filter.from ?? null, to: filter.to ?? null },
  }
}
