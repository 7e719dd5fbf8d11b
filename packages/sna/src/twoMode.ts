// Two-mode (affiliation) networks: 二模网络 — the row/column split, counts, degrees and projections.
//
// A two-mode network holds a row set (e.g. actors) and a column set (e.g. events) with ties only
// between the sets; its node indices list the rows first (Network.twoModeRows = number of rows).
// Projections count shared neighbours: rows u≠v share (MMᵀ)_uv columns, columns share (MᵀM).
// Projections are binary (tie weights ignored), as UCINET's affiliations and R igraph
// bipartite_projection with multiplicity.

import { NetworkBuilder } from './builder.js'
import { ParseError, type Location } from './errors.js'
import { Graph, Network } from './graph.js'

/**
 * Reorders a network so that the row nodes come first and marks it two-mode. `isRow` says
 * which nodes are rows; by default the nodes whose `mode` attribute equals the first node's
 * (when there is such an attribute), else the nodes that send ties. Throws E_FORMAT when a
 * tie joins two rows or two columns.
 */
export function asTwoMode(network: Network, isRow?: (i: number) => boolean, where: Location = {}): Network {
  const nodes = network.nodes
  const n = nodes.size
  let rowOf = isRow
  if (!rowOf) {
    const mode = nodes.attribute('mode')
    if (mode && n > 0) {
      const first = mode[0]
      rowOf = (i) => mode[i] === first
    } else {
      const sends = new Uint8Array(n)
      for (const g of network.relations) for (let e = 0; e < g.m; e++) sends[g.tieSource[e]!] = 1
      rowOf = (i) => sends[i] === 1
    }
  }
  const order: number[] = []
  for (let i = 0; i < n; i++) if (rowOf(i)) order.push(i)
  const rows = order.length
  for (let i = 0; i < n; i++) if (!rowOf(i)) order.push(i)
  for (const g of network.relations) {
    for (let e = 0; e < g.m; e++) {
      const a = rowOf(g.tieSource[e]!)
      const b = rowOf(g.tieTarget[e]!)
      if (a === b) {
        throw new ParseError(
          'E_FORMAT',
          where,
          `two-mode data: the tie ${nodes.ids[g.tieSource[e]!]} - ${nodes.ids[g.tieTarget[e]!]} joins two ${a ? 'rows' : 'columns'}; ties must join a row and a column`,
        )
      }
    }
  }
  const b = new NetworkBuilder({
    directed: network.directed,
    twoModeRows: rows,
    duplicates: 'error',
    unknownNodes: 'error',
  })
  for (const i of order) {
    const k = b.addNode(nodes.ids[i]!)
    b.setLabel(k, nodes.labels[i] ?? null)
    for (const [name, col] of nodes.attributes) b.setAttribute(k, name, col[i] ?? null)
  }
  for (const g of network.relations) {
    b.relation(g.relation)
    for (let e = 0; e < g.m; e++) {
      // ties run row → column
      let s = g.tieSource[e]!
      let t = g.tieTarget[e]!
      if (!rowOf(s)) [s, t] = [t, s]
      b.addTie(nodes.ids[s]!, nodes.ids[t]!, g.tieWeight[e]!, g.relation)
    }
  }
  return b.build().network
}

export interface TwoModeSummary {
  rows: number
  columns: number
  ties: number
  density: number
  rowDegree: Record<string, number>
  columnDegree: Record<string, number>
  rowProjection: Record<string, Record<string, number>>
  columnProjection: Record<string, Record<string, number>>
  rowProjectionEdges: number
  columnProjectionEdges: number
}

/**
 * Counts, degrees and projections of a two-mode graph (binary).
 *
 * @example
 * twoModeSummary(network.graph).rowProjection['Evelyn']['Laura'] // events both attended
 */
export function twoModeSummary(g: Graph): TwoModeSummary {
  const R = g.twoModeRows
  if (R === null) throw new RangeError('not a two-mode graph (twoModeRows is not set)')
  const n = g.n
  const C = n - R
  const ids = g.nodes.ids
  // skeleton neighbours: every tie joins a row and a column
  const { offsets, targets } = g.skeleton()
  const rowDegree: Record<string, number> = {}
  const columnDegree: Record<string, number> = {}
  for (let u = 0; u < n; u++) (u < R ? rowDegree : columnDegree)[ids[u]!] = offsets[u + 1]! - offsets[u]!
  const project = (from: number, to: number): [Record<string, Record<string, number>>, number] => {
    const out: Record<string, Record<string, number>> = {}
    const count = new Int32Array(n)
    const touched = new Int32Array(n)
    let pairs = 0
    for (let u = from; u < to; u++) {
      let k = 0
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const c = targets[e]!
        for (let f = offsets[c]!; f < offsets[c + 1]!; f++) {
          const v = targets[f]!
          if (v === u) continue
          if (count[v] === 0) touched[k++] = v
          count[v]!++
        }
      }
      if (k > 0) {
        const row: Record<string, number> = {}
        const list = Array.from(touched.subarray(0, k)).sort((a, b) => a - b)
        for (const v of list) {
          row[ids[v]!] = count[v]!
          if (v > u) pairs++
          count[v] = 0
        }
        out[ids[u]!] = row
      }
    }
    return [out, pairs]
  }
  const [rowProjection, rowProjectionEdges] = project(0, R)
  const [columnProjection, columnProjectionEdges] = project(R, n)
  return {
    rows: R,
    columns: C,
    ties: g.m,
    density: R * C > 0 ? g.m / (R * C) : 0,
    rowDegree,
    columnDegree,
    rowProjection,
    columnProjection,
    rowProjectionEdges,
    columnProjectionEdges,
  }
}
