// What-if: 情景模拟 — the network after adding or removing ties, and how the key structural measures move.
//
// Builds the changed graph (same nodes; an added tie that exists gets the new weight; a removed
// tie that does not exist is reported) and compares density, Freeman degree and betweenness
// centralization, the E-I index of a partition, and each node's share of all betweenness —
// the measures a recommendation such as "link the property company with the fire station"
// is meant to move.

import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { degree } from './degree.js'
import { eiIndex } from './groups.js'
import { CENTRALIZATION_MAX, centralization, density } from './network.js'
import { betweenness } from './paths.js'

export interface TieChange {
  source: number
  target: number
  /** Weight of an added tie (default 1). */
  weight?: number
}

export interface WhatIfSummary {
  density: number
  degreeCentralization: number | null
  betweennessCentralization: number | null
  /** E-I index of the partition, when one is given. */
  eiIndex: number | null
  /** Each node's share of the total betweenness (0 when nobody brokers). */
  betweennessShare: Float64Array
}

export interface WhatIfResult {
  graph: Graph
  before: WhatIfSummary
  after: WhatIfSummary
  /** Removals of ties that were not there, and additions of ties that were (weight replaced). */
  notes: string[]
}

function summary(g: Graph, membership?: ArrayLike<number>): WhatIfSummary {
  const bc = betweenness(g)
  let total = 0
  for (const x of bc) total += x
  const deg = g.directed ? degree(g, { mode: 'in' }) : degree(g)
  return {
    density: density(g),
    degreeCentralization: centralization(
      deg,
      g.directed ? CENTRALIZATION_MAX.directedDegree(g.n) : CENTRALIZATION_MAX.degree(g.n),
    ),
    betweennessCentralization: centralization(bc, CENTRALIZATION_MAX.betweenness(g.n, g.directed)),
    eiIndex: membership ? eiIndex(g, membership).ei : null,
    betweennessShare: bc.map((x) => (total > 0 ? x / total : 0)),
  }
}

/**
 * The graph with ties added and removed, and the measures before and after.
 *
 * @example
 * whatIf(g, { add: [{ source: property, target: fire }] }, sectors).after.betweennessCentralization
 */
export function whatIf(
  g: Graph,
  change: { add?: readonly TieChange[]; remove?: readonly TieChange[] },
  membership?: ArrayLike<number>,
): WhatIfResult {
  const n = g.n
  const notes: string[] = []
  const key = (s: number, t: number): number => (g.directed || s < t ? s * n + t : t * n + s)
  const weights = new Map<number, number>()
  for (let e = 0; e < g.m; e++) weights.set(key(g.tieSource[e]!, g.tieTarget[e]!), g.tieWeight[e]!)
  const ids = g.nodes.ids
  for (const r of change.remove ?? []) {
    if (!weights.delete(key(r.source, r.target))) notes.push(`no tie ${ids[r.source]} – ${ids[r.target]} to remove`)
  }
  for (const a of change.add ?? []) {
    if (a.source === a.target) throw new RangeError(`cannot add a tie from "${ids[a.source]}" to itself`)
    const k = key(a.source, a.target)
    if (weights.has(k))
      notes.push(`tie ${ids[a.source]} – ${ids[a.target]} already there: weight set to ${a.weight ?? 1}`)
    weights.set(k, a.weight ?? 1)
  }
  const b = new NetworkBuilder({ directed: g.directed })
  ids.forEach((id, i) => {
    b.addNode(id)
    b.setLabel(i, g.nodes.labels[i] ?? null)
    for (const [name, col] of g.nodes.attributes) b.setAttribute(i, name, col[i] ?? null)
  })
  b.relation(g.relation)
  for (const [k, w] of weights) b.addTie(Math.floor(k / n), k % n, w, g.relation)
  const graph = b.build().network.graph
  return { graph, before: summary(g, membership), after: summary(graph, membership), notes }
}
