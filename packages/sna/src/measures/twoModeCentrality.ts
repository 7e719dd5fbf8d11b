// Two-mode centrality: 二模中心性 — degree, closeness and betweenness of an affiliation network, normalised per mode.
//
// Borgatti & Everett (1997), "Network analysis of 2-mode data", Social Networks 19: 243–269,
// compute the ordinary measures on the bipartite graph (rows 0 .. n1−1, columns n1 .. n−1, ties
// binary and undirected) and divide by the largest value a node of that mode can reach in a
// bipartite graph of the same size (n1 = rows, n2 = columns; a column node swaps n1 and n2):
//   degree       d / n2
//   closeness    (n2 + 2(n1 − 1)) / Σ d(u, v): one step to every column, two to every other row
//   betweenness  b / ½[n2²(s+1)² + n2(s+1)(2t−s−1) − t(2s−t+3)], s = (n1−1) div n2, t = (n1−1) mod n2
// The betweenness maximum is printed as above in Borgatti & Halgin (2011), "Analyzing affiliation
// networks", Sage Handbook of Social Network Analysis, and used by networkx
// `bipartite.betweenness_centrality`; one formula covers n1 ≤ n2 too (s = 0 gives
// ½n2(n2−1) + ½(n1−1)(n1−2) + (n1−1)(n2−1)). A variant quoted with −t(2s−t+1) overshoots when
// t > 0 (n1 = 4, n2 = 2: 7, the true maximum is 6); the test checks the formula against every
// bipartite graph with n1·n2 ≤ 12. UCINET's 2-MODE CENTRALITY (NETWORK > 2-MODE NETWORKS) cites
// the same paper and divides by "the maximum possible scores in an equivalently sized connected
// two mode network" (its help page, which prints no formulas).
// Raw betweenness is Brandes' on the undirected bipartite graph (unordered pairs, pathSweep).
// Disconnected graphs (our choice; the paper assumes a connected graph): distances are summed
// over reachable nodes only, the minimum in the numerator counts only the rows and columns the
// node reaches, and the result is scaled by the share of the n − 1 others it reaches, as
// Wasserman–Faust closeness does (paths.ts). So on a connected graph closeness is exactly the
// formula above, it stays within [0, 1], and an isolate scores 0. networkx
// `bipartite.closeness_centrality` differs there: it keeps the whole-graph minimum, which can
// exceed 1 in a small component. Directions and weights are ignored; self-loops too.

import { Graph } from '../graph.js'
import { weakComponents } from './components.js'
import { pathSweep } from './paths.js'

export interface TwoModeCentrality {
  /** n1 and n2: nodes 0 .. rows−1 are rows, the rest columns. */
  rows: number
  columns: number
  /** Normalised per mode (Borgatti & Everett 1997), each in [0, 1]. */
  degree: Float64Array
  closeness: Float64Array
  betweenness: Float64Array
  /** Number of neighbours (all in the other mode). */
  rawDegree: Float64Array
  /** Σ of distances to the nodes reached, and how many are reached. */
  farness: Float64Array
  reached: Float64Array
  /** Brandes betweenness on the undirected bipartite graph (unordered pairs). */
  rawBetweenness: Float64Array
}

/**
 * The largest betweenness a node can have in a bipartite graph where its own mode has `own`
 * nodes and the other mode `other` (Borgatti & Everett 1997; Borgatti & Halgin 2011).
 *
 * @example
 * twoModeBetweennessMax(1, 4) // 6: the centre of a star links every pair of its 4 columns
 */
export function twoModeBetweennessMax(own: number, other: number): number {
  if (own < 1 || other < 1) return 0
  const s = Math.floor((own - 1) / other)
  const t = (own - 1) % other
  return (other * other * (s + 1) * (s + 1) + other * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2
}

/**
 * Degree, closeness and betweenness of a two-mode graph, normalised per mode as Borgatti &
 * Everett (1997), with the raw values. Throws a RangeError when the graph is not two-mode.
 *
 * @example
 * const c = twoModeCentrality(network.graph) // davis: women are rows, events columns
 * c.betweenness[0] // Evelyn's betweenness as a share of the most a woman could have
 */
export function twoModeCentrality(g: Graph): TwoModeCentrality {
  const n = g.n
  const rows = g.twoModeRows
  if (rows === null)
    throw new RangeError('twoModeCentrality: not a two-mode graph (twoModeRows is not set); see asTwoMode')
  if (!Number.isInteger(rows) || rows < 0 || rows > n)
    throw new RangeError(`twoModeCentrality: twoModeRows must be an integer in 0..${n}, got ${rows}`)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    if (s < rows === t < rows) {
      const ids = g.nodes.ids
      throw new RangeError(
        `twoModeCentrality: the tie ${ids[s]} - ${ids[t]} joins two ${s < rows ? 'rows' : 'columns'}; ties must join a row and a column`,
      )
    }
  }
  const columns = n - rows
  const ug = g.directed ? undirectedView(g) : g
  const sweep = pathSweep(ug, { betweenness: true })
  const rawBetweenness = sweep.betweenness!
  const farness = sweep.outDistanceSum
  const reached = sweep.outReach
  // rows and columns in each component: what a node could reach at best
  const { membership, count } = weakComponents(ug)
  const compRows = new Float64Array(count)
  const compColumns = new Float64Array(count)
  for (let u = 0; u < n; u++) {
    if (u < rows) compRows[membership[u]!]!++
    else compColumns[membership[u]!]!++
  }
  const rawDegree = new Float64Array(n)
  const degree = new Float64Array(n)
  const closeness = new Float64Array(n)
  const betweenness = new Float64Array(n)
  const maxRow = twoModeBetweennessMax(rows, columns)
  const maxColumn = twoModeBetweennessMax(columns, rows)
  for (let u = 0; u < n; u++) {
    const isRow = u < rows
    const other = isRow ? columns : rows
    const d = ug.outDegree(u)
    rawDegree[u] = d
    degree[u] = other > 0 ? d / other : 0
    // the nearest the reached nodes could be: 1 step to each of the other mode, 2 to each of its own
    const c = membership[u]!
    const ownReached = (isRow ? compRows[c]! : compColumns[c]!) - 1
    const otherReached = isRow ? compColumns[c]! : compRows[c]!
    const r = reached[u]!
    closeness[u] = r > 0 ? ((otherReached + 2 * ownReached) / farness[u]!) * (r / (n - 1)) : 0
    const max = isRow ? maxRow : maxColumn
    betweenness[u] = max > 0 ? rawBetweenness[u]! / max : 0
  }
  return { rows, columns, degree, closeness, betweenness, rawDegree, farness, reached, rawBetweenness }
}

/** The undirected, unweighted graph on the same nodes (u–v tied when u→v or v→u). */
function undirectedView(g: Graph): Graph {
  const { offsets, targets } = g.skeleton()
  let m = 0
  for (let u = 0; u < g.n; u++) for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (targets[e]! > u) m++
  const tieSource = new Int32Array(m)
  const tieTarget = new Int32Array(m)
  let k = 0
  // skeleton rows are sorted, so the ties come out in canonical order (source < target, ascending)
  for (let u = 0; u < g.n; u++)
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!
      if (v <= u) continue
      tieSource[k] = u
      tieTarget[k++] = v
    }
  return new Graph({
    directed: false,
    nodes: g.nodes,
    relation: g.relation,
    tieSource,
    tieTarget,
    tieWeight: new Float64Array(m).fill(1),
    twoModeRows: g.twoModeRows,
  })
}
