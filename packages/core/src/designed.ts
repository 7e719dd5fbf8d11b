// The designed network: 设计网络 — who duty lists, the dispatch catalogue and committee rosters say should work together.
//
// Per safety domain, from the responsibilities in force: the lead (牵头) → every other actor
// responsible for the domain (directed), and the co-responsible (协同负责) and supporting (配合)
// actors tied to each other both ways. A tie's value is the number of domains that call for it.
// An actor listed twice in a domain counts once, as lead when any of its entries is lead.
// `compareNetworks` then sets the designed network against an observed one, dyad by dyad.

import { NetworkBuilder, type Graph, type Network } from '@cosafe/sna'
import type { Actor, Id, ResponsibilityInput } from './records.js'

/** The relation name of a designed network. */
export const DESIGNED_RELATION = 'DESIGNED'

export interface DesignedFilter {
  /** Safety domains to include (default all). */
  domains?: readonly string[]
  /** Only responsibilities in force on this date (YYYY-MM-DD). */
  on?: string
  /** Only responsibilities in force at some time in [from, to] (either end may be open). */
  from?: string
  to?: string
}

export type NetworkActor = Pick<Actor, 'id' | 'name' | 'type' | 'sector' | 'territoryId'>

export interface BuiltDesignedNetwork {
  /** Every actor a node (as buildNetwork: type, sector, territory), one directed relation DESIGNED. */
  network: Network
  used: { responsibilities: number; domains: string[]; on: string | null; from: string | null; to: string | null }
}

function inForce(r: Pick<ResponsibilityInput, 'from' | 'to'>, f: DesignedFilter): boolean {
  const end = r.to ?? '9999-12-31'
  if (f.on && (r.from > f.on || end < f.on)) return false
  if (f.to && r.from > f.to) return false
  if (f.from && end < f.from) return false
  return true
}

/**
 * The designed network of the responsibilities in force, over every actor given (so that it
 * compares with buildNetwork's). Throws when a responsibility names an actor not given.
 *
 * @example
 * designedNetwork(actors, responsibilities, { domains: ['FIRE'], on: '2026-03-01' }).network
 */
export function designedNetwork(
  actors: readonly NetworkActor[],
  responsibilities: readonly Pick<ResponsibilityInput, 'domain' | 'actorId' | 'role' | 'from' | 'to'>[],
  filter: DesignedFilter = {},
): BuiltDesignedNetwork {
  const b = new NetworkBuilder({ directed: true, duplicates: 'sum', unknownNodes: 'error' })
  for (const a of actors) {
    const i = b.addNode(a.id, { type: a.type, sector: a.sector, territory: a.territoryId })
    b.setLabel(i, a.name)
  }
  b.relation(DESIGNED_RELATION)
  // domain → actor → lead?
  const byDomain = new Map<string, Map<Id, boolean>>()
  let used = 0
  for (const r of responsibilities) {
    if (filter.domains && !filter.domains.includes(r.domain)) continue
    if (!inForce(r, filter)) continue
    used++
    let members = byDomain.get(r.domain)
    if (!members) byDomain.set(r.domain, (members = new Map()))
    members.set(r.actorId, members.get(r.actorId) === true || r.role === 'lead')
  }
  for (const members of byDomain.values()) {
    const ids = [...members.keys()]
    for (const s of ids)
      for (const t of ids) {
        if (s === t) continue
        // the lead reaches every other member; non-leads are tied to each other both ways
        if (members.get(s) || !members.get(t)) b.addTie(s, t, 1, DESIGNED_RELATION)
      }
  }
  return {
    network: b.build().network,
    used: {
      responsibilities: used,
      domains: [...byDomain.keys()],
      on: filter.on ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    },
  }
}

export interface NetworkComparison {
  /** Dyads tied in both (ids in the designed network's node order). */
  overlap: [Id, Id][]
  /** Designed but not observed. */
  missing: [Id, Id][]
  /** Observed but not designed. */
  unexpected: [Id, Id][]
  counts: { designed: number; observed: number; overlap: number; missing: number; unexpected: number }
  /** |overlap| ÷ |designed ∪ observed|; null when neither has a tie. */
  jaccard: number | null
}

/** Unordered dyads {u, v} (u < v) tied in either direction in any of the graphs, as u * n + v. */
function dyads(graphs: readonly Graph[], order: readonly number[]): Set<number> {
  const n = order.length
  const out = new Set<number>()
  for (const g of graphs)
    for (let e = 0; e < g.m; e++) {
      const u = order[g.tieSource[e]!]!
      const v = order[g.tieTarget[e]!]!
      if (u !== v) out.add(u < v ? u * n + v : v * n + u)
    }
  return out
}

/**
 * Compares two networks over the same node ids on unordered dyads: a dyad is tied when some
 * relation has a tie between its two nodes in either direction (weights and direction ignored).
 *
 * @example
 * const c = compareNetworks(designedNetwork(actors, duties).network, buildNetwork(records).network)
 * c.missing // duty-list partners who never worked together
 */
export function compareNetworks(
  designed: Network | Graph,
  observed: Network | Graph,
  opts: { relations?: readonly string[] } = {},
): NetworkComparison {
  const graphsOf = (x: Network | Graph): readonly Graph[] => {
    const all = 'relations' in x ? x.relations : [x]
    return opts.relations ? all.filter((g) => opts.relations!.includes(g.relation)) : all
  }
  const ids = designed.nodes.ids
  const other = observed.nodes
  if (other.size !== ids.length || ids.some((id) => other.find(id) === undefined)) {
    const extra = other.ids.find((id) => designed.nodes.find(id) === undefined)
    const lacking = ids.find((id) => other.find(id) === undefined)
    throw new RangeError(
      `compareNetworks: the networks have different nodes (${lacking !== undefined ? `"${lacking}" only in the designed one` : `"${extra}" only in the observed one`})`,
    )
  }
  const n = ids.length
  const identity = ids.map((_, k) => k)
  const d = dyads(graphsOf(designed), identity)
  const o = dyads(
    graphsOf(observed),
    other.ids.map((id) => designed.nodes.get(id)),
  )
  const pair = (key: number): [Id, Id] => [ids[Math.floor(key / n)]!, ids[key % n]!]
  const sorted = (keys: Iterable<number>) => [...keys].sort((a, b) => a - b).map(pair)
  const overlap = sorted([...d].filter((k) => o.has(k)))
  const missing = sorted([...d].filter((k) => !o.has(k)))
  const unexpected = sorted([...o].filter((k) => !d.has(k)))
  const union = overlap.length + missing.length + unexpected.length
  return {
    overlap,
    missing,
    unexpected,
    counts: {
      designed: d.size,
      observed: o.size,
      overlap: overlap.length,
      missing: missing.length,
      unexpected: unexpected.length,
    },
    jaccard: union ? overlap.length / union : null,
  }
}
