// Activities as an affiliation network: 主体—活动二模网络 — actors × activities, and its weighted one-mode projection.
//
// Rows are every actor (in record order, as buildNetwork's nodes), columns the activities that
// pass the filter (in record order). An actor is tied to an activity it convened or attended
// (value 1; invited but absent is no tie), exactly the co-presence buildNetwork counts. The
// convener's role stays as attributes: each activity names its convener, each actor counts the
// activities it convened. The projection ties two actors by the number of activities they
// shared, which equals buildNetwork's co-attendance ties for the same filter.

import { NetworkBuilder, type Network } from '@cosafe/sna'
import { activityDay, activityInFilter, ACTIVITY_RELATION, MERGED_RELATION } from './network.js'
import type { Activity, Actor, Id, NetworkFilter } from './records.js'
import { COLLABORATION_RELATIONS, type RelationType } from './vocabulary.js'

/** The relation of the two-mode network: actor attended (or convened) activity. */
export const ATTENDED_RELATION = 'ATTENDED'

export type ActivityFilter = NetworkFilter & {
  /** Phases of the activities to include (default all). */
  phases?: readonly string[]
}

export interface ActivityTwoMode {
  /**
   * Undirected two-mode network (twoModeRows = number of actors). Row attributes: mode 'actor',
   * type, sector, territory, convened; column attributes: mode 'activity', kind, domains
   * (joined by ";"), phase, day, convener, participants; column labels are the titles.
   */
  network: Network
  used: {
    /** Relations of the activity kinds kept (ACTIVITY_RELATION). */
    relations: RelationType[]
    /** Activities kept, including those with a single participant (which tie no two actors). */
    activities: number
    domains: string[] | null
    phases: string[] | null
    from: string | null
    to: string | null
  }
}

type ActorRow = Pick<Actor, 'id' | 'name' | 'type' | 'sector' | 'territoryId'>
type ActivityColumn = Pick<
  Activity,
  'id' | 'kind' | 'title' | 'start' | 'domains' | 'phase' | 'convenerId' | 'attendedIds'
>

/** The relations some activity kind stands for. */
const ACTIVITY_RELATIONS = new Set<RelationType>(Object.values(ACTIVITY_RELATION))

/** The row attributes the projection keeps. */
const ROW_ATTRIBUTES = ['type', 'sector', 'territory', 'convened']

/** Convener and attendees, each once. */
const participants = (act: Pick<Activity, 'convenerId' | 'attendedIds'>): Id[] => [
  ...new Set([act.convenerId, ...act.attendedIds]),
]

/**
 * The actor × activity network of the activities passing a filter (relations via the activity
 * kind, domains, phases, period). Throws when an activity names an actor not given, or when an
 * activity id equals an actor id (the two would share a node).
 *
 * @example
 * const { network } = activityTwoMode(records, { relations: ['CONSULT'], from: '2026-01-01', to: '2026-03-31' })
 * twoModeSummary(network.graph).rowProjection // shared meetings per pair of actors
 */
export function activityTwoMode(
  records: { actors: readonly ActorRow[]; activities: readonly ActivityColumn[] },
  filter: ActivityFilter = {},
): ActivityTwoMode {
  const kept = records.activities.filter(
    (act) => activityInFilter(act, filter) && (!filter.phases || filter.phases.includes(act.phase)),
  )
  const b = new NetworkBuilder({
    directed: false,
    duplicates: 'error',
    unknownNodes: 'error',
    twoModeRows: records.actors.length,
  })
  const convened = new Map<Id, number>()
  for (const act of kept) convened.set(act.convenerId, (convened.get(act.convenerId) ?? 0) + 1)
  for (const a of records.actors) {
    const i = b.addNode(a.id, {
      mode: 'actor',
      type: a.type,
      sector: a.sector,
      territory: a.territoryId,
      convened: convened.get(a.id) ?? 0,
    })
    b.setLabel(i, a.name)
  }
  for (const act of kept) {
    if (b.hasNode(act.id)) throw new RangeError(`activity "${act.id}": its id is also an actor's id`)
    const present = participants(act)
    const i = b.addNode(act.id, {
      mode: 'activity',
      kind: act.kind,
      domains: act.domains.join(';'),
      phase: act.phase,
      day: activityDay(act),
      convener: act.convenerId,
      participants: present.length,
    })
    b.setLabel(i, act.title)
  }
  b.relation(ATTENDED_RELATION)
  for (const act of kept) for (const id of participants(act)) b.addTie(id, act.id, 1, ATTENDED_RELATION)
  const relations = filter.relations ?? COLLABORATION_RELATIONS
  return {
    network: b.build().network,
    used: {
      relations: relations.filter((r) => ACTIVITY_RELATIONS.has(r)),
      activities: kept.length,
      domains: filter.domains ? [...filter.domains] : null,
      phases: filter.phases ? [...filter.phases] : null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    },
  }
}

/**
 * The weighted one-mode projection on the actors: two actors tied (undirected) by the number of
 * activities both attended or convened. Nodes are the rows in order with their attributes
 * (type, sector, territory, convened); the relation is named after the one relation kept, or "ALL".
 *
 * @example
 * activityProjection(activityTwoMode(records, { relations: ['JOINT_ACTION'] })).graph.weight(0, 1)
 */
export function activityProjection(twoMode: ActivityTwoMode): Network {
  const net = twoMode.network
  const rows = net.twoModeRows ?? 0
  const g = net.graph
  const relation = twoMode.used.relations.length === 1 ? twoMode.used.relations[0]! : MERGED_RELATION
  // pair u < v of rows → shared columns
  const shared = new Map<number, number>()
  for (let c = rows; c < net.nodes.size; c++) {
    const lo = g.outOffsets[c]!
    const hi = g.outOffsets[c + 1]!
    for (let x = lo; x < hi; x++)
      for (let y = x + 1; y < hi; y++) {
        // rows are sorted by index, so outTargets[x] < outTargets[y]
        const key = g.outTargets[x]! * rows + g.outTargets[y]!
        shared.set(key, (shared.get(key) ?? 0) + 1)
      }
  }
  const b = new NetworkBuilder({ directed: false, duplicates: 'error', unknownNodes: 'error' })
  for (let u = 0; u < rows; u++) {
    const i = b.addNode(net.nodes.ids[u]!)
    b.setLabel(i, net.nodes.labels[u] ?? null)
    for (const name of ROW_ATTRIBUTES) b.setAttribute(i, name, net.nodes.attribute(name)?.[u] ?? null)
  }
  b.relation(relation)
  for (const [key, w] of [...shared].sort((p, q) => p[0] - q[0]))
    b.addTie(Math.floor(key / rows), key % rows, w, relation)
  return b.build().network
}
