// What-if: 情景模拟 — the network after adding or removing ties, and how the key structural measures move.
//
// Builds the changed graph (same nodes less any removed actors; an added tie that exists gets the new weight; a removed
// tie that does not exist is reported) and compares density, Freeman degree and betweenness
// centralization, the E-I index of a partition, and each node's share of all betweenness —
// the measures a recommendation such as "link the property company with the fire station"
// is meant to move — and every whole-network measure of analyze before and after.

import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { degree } from './degree.js'
import { eiIndex } from './groups.js'
import { CENTRALIZATION_MAX, centralization, density } from './network.js'
import { betweenness } from './paths.js'
import { analyze, NETWORK_MEASURES, type NetworkMeasure } from '../analyze.js'

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

export interface WhatIfChange {
  add?: readonly TieChange[]
  remove?: readonly TieChange[]
  /** Actors taken out of the network with all their ties. */
  removeNodes?: readonly number[]
}

export interface WhatIfResult {
  /** The network after the change (without removed actors). */
  graph: Graph
  /** For each node of `graph`, its index in the original graph. */
  kept: Int32Array
  /** Key measures; `after.betweennessShare` is indexed like the original graph (NaN for removed actors). */
  before: WhatIfSummary
  after: WhatIfSummary
  /** Every whole-network measure that applies, before and after (analyze's keys). */
  measures: { key: NetworkMeasure; before: number | null; after: number | null; change: number | null }[]
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

function checkNode(g: Graph, i: number, what: string): void {
  if (!(Number.isInteger(i) && i >= 0 && i < g.n)) throw new RangeError(`${what}: no actor with index ${i}`)
}

/**
 * The graph with ties added and removed (and actors removed), and the measures before and after.
 *
 * @example
 * whatIf(g, { add: [{ source: property, target: fire }] }, sectors).after.betweennessCentralization
 */
export function whatIf(g: Graph, change: WhatIfChange, membership?: ArrayLike<number>): WhatIfResult {
  const n = g.n
  const notes: string[] = []
  const ids = g.nodes.ids
  const key = (s: number, t: number): number => (g.directed || s < t ? s * n + t : t * n + s)
  const weights = new Map<number, number>()
  for (let e = 0; e < g.m; e++) weights.set(key(g.tieSource[e]!, g.tieTarget[e]!), g.tieWeight[e]!)
  for (const r of change.remove ?? []) {
    checkNode(g, r.source, 'remove')
    checkNode(g, r.target, 'remove')
    if (!weights.delete(key(r.source, r.target))) notes.push(`no tie ${ids[r.source]} – ${ids[r.target]} to remove`)
  }
  const gone = new Uint8Array(n)
  for (const v of change.removeNodes ?? []) {
    checkNode(g, v, 'removeNodes')
    gone[v] = 1
  }
  for (const a of change.add ?? []) {
    checkNode(g, a.source, 'add')
    checkNode(g, a.target, 'add')
    if (a.source === a.target) throw new RangeError(`cannot add a tie from "${ids[a.source]}" to itself`)
    if (gone[a.source] || gone[a.target])
      throw new RangeError(`cannot add a tie ${ids[a.source]} – ${ids[a.target]}: the actor is being removed`)
    const w = a.weight ?? 1
    if (!(Number.isFinite(w) && w > 0)) throw new RangeError(`the weight of an added tie must be > 0, got ${w}`)
    const k = key(a.source, a.target)
    if (weights.has(k)) notes.push(`tie ${ids[a.source]} – ${ids[a.target]} already there: weight set to ${w}`)
    weights.set(k, w)
  }
  const kept = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !gone[i])
  const newIndex = new Int32Array(n).fill(-1)
  kept.forEach((old, i) => (newIndex[old] = i))
  const b = new NetworkBuilder({ directed: g.directed })
  for (const old of kept) {
    const i = b.addNode(ids[old]!)
    b.setLabel(i, g.nodes.labels[old] ?? null)
    for (const [name, col] of g.nodes.attributes) b.setAttribute(i, name, col[old] ?? null)
  }
  b.relation(g.relation)
  for (const [k, w] of weights) {
    const s = newIndex[Math.floor(k / n)]!
    const t = newIndex[k % n]!
    if (s >= 0 && t >= 0) b.addTie(s, t, w, g.relation)
  }
  const graph = b.build().network.graph
  const keptMembership = membership ? Array.from(kept, (old) => membership[old]!) : undefined
  const after = summary(graph, keptMembership)
  const share = new Float64Array(n).fill(NaN)
  kept.forEach((old, i) => (share[old] = after.betweennessShare[i]!))
  after.betweennessShare = share
  const a0 = analyze(g, { measures: NETWORK_MEASURES }).network
  const a1 = analyze(graph, { measures: NETWORK_MEASURES }).network
  const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null)
  const measures = NETWORK_MEASURES.filter((k) => a0[k] !== undefined || a1[k] !== undefined).map((k) => {
    const before = finite(a0[k])
    const afterValue = finite(a1[k])
    return {
      key: k,
      before,
      after: afterValue,
      change: before !== null && afterValue !== null ? afterValue - before : null,
    }
  })
  return { graph, kept, before: summary(g, membership), after, measures, notes }
}
