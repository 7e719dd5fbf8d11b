// The graphology side of the benchmark: graphology-metrics and graphology-cores (and graphology-communities-louvain and graphology-components when installed), plus source-sampled replicas of its betweenness and closeness loops for estimates.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { DirectedGraph, UndirectedGraph } from 'graphology'
import type { AbstractGraph as Graph } from 'graphology-types'

// graphology-metrics and its helpers are CommonJS: require() gives module.exports, the function itself.
const require = createRequire(import.meta.url)
type Betweenness = typeof import('graphology-metrics/centrality/betweenness.js').default
type Closeness = typeof import('graphology-metrics/centrality/closeness.js').default
type Pagerank = typeof import('graphology-metrics/centrality/pagerank.js').default
type Eigenvector = typeof import('graphology-metrics/centrality/eigenvector.js').default
type BrandesLib = typeof import('graphology-shortest-path/indexed-brandes.js')
type NeighborhoodLib = typeof import('graphology-indices/neighborhood.js')
type FixedDequeClass = typeof import('mnemonist/fixed-deque.js').default
type SparseSetClass = typeof import('mnemonist/sparse-set.js').default

export const betweennessCentrality = require('graphology-metrics/centrality/betweenness.js') as Betweenness
export const closenessCentrality = require('graphology-metrics/centrality/closeness.js') as Closeness
export const pagerankCentrality = require('graphology-metrics/centrality/pagerank.js') as Pagerank
export const eigenvectorCentrality = require('graphology-metrics/centrality/eigenvector.js') as Eigenvector
/** graphology-cores (a separate package of the graphology project): core numbers. */
// its index.d.ts declares (assign, graph); the export is already bound to assign = false
const { coreNumber } = require('graphology-cores') as { coreNumber: (g: Graph) => Record<string, number> }
const brandesLib = require('graphology-shortest-path/indexed-brandes.js') as BrandesLib
const { NeighborhoodIndex } = require('graphology-indices/neighborhood.js') as NeighborhoodLib
const FixedDeque = require('mnemonist/fixed-deque.js') as FixedDequeClass
const SparseSet = require('mnemonist/sparse-set.js') as SparseSetClass

export const graphologyVersion = packageVersion('graphology')
export const metricsVersion = packageVersion('graphology-metrics')
export const coresVersion = packageVersion('graphology-cores')

/** A package that is not a dependency of the repository: loaded when installed, else null. */
function optional<T>(name: string): T | null {
  try {
    return require(name) as T
  } catch {
    return null
  }
}

type LouvainFn = (g: Graph, opts?: { rng?: () => number; getEdgeWeight?: string | null }) => Record<string, number>
const louvainLib = optional<LouvainFn>('graphology-communities-louvain')
const componentsLib = optional<{
  connectedComponents: (g: Graph) => string[][]
  stronglyConnectedComponents: (g: Graph) => string[][]
}>('graphology-components')
export const louvainVersion = louvainLib ? packageVersion('graphology-communities-louvain') : null
export const componentsVersion = componentsLib ? packageVersion('graphology-components') : null

/** Version of an installed package (found from its entry point: some packages do not export package.json). */
function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name))
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === name) return pkg.version ?? '?'
    } catch {
      // no package.json here: go up
    }
    const up = path.dirname(dir)
    if (up === dir) return '?'
    dir = up
  }
}

/** The ties of a benchmark graph: nodes 0 .. n-1, arcs when directed. */
export interface Ties {
  n: number
  directed: boolean
  source: Int32Array
  target: Int32Array
}

/** The same graph in graphology, node keys "0" .. "n-1" in index order. */
export function toGraphology(t: Ties): Graph {
  const g = t.directed
    ? new DirectedGraph({ multi: false, allowSelfLoops: false })
    : new UndirectedGraph({ multi: false, allowSelfLoops: false })
  for (let i = 0; i < t.n; i++) g.addNode(String(i))
  for (let e = 0; e < t.source.length; e++) g.addEdge(String(t.source[e]), String(t.target[e]))
  return g
}

/**
 * The undirected view of a directed graph that k-core and Louvain read: one edge per adjacent
 * pair, weight a_uv + a_vu (what cosafe's Louvain uses; k-core ignores weights).
 */
export function undirectedView(t: Ties): Graph {
  if (!t.directed) return toGraphology(t)
  const g = new UndirectedGraph({ multi: false, allowSelfLoops: false })
  for (let i = 0; i < t.n; i++) g.addNode(String(i))
  for (let e = 0; e < t.source.length; e++) {
    const u = String(t.source[e])
    const v = String(t.target[e])
    if (g.hasEdge(u, v)) g.updateEdgeAttribute(u, v, 'weight', (w: number) => w + 1)
    else g.addEdge(u, v, { weight: 1 })
  }
  return g
}

/** Core number of every node (graphology-cores). */
export function kcore(g: Graph): Record<string, number> {
  return coreNumber(g)
}

/** Raw betweenness counting each unordered pair once (graphology halves undirected sums when not normalised). */
export function betweenness(g: Graph): Record<string, number> {
  // getEdgeWeight: null selects the unweighted (BFS) Brandes, as cosafe on a binary graph;
  // the default ('weight') would run the Dijkstra variant.
  return betweennessCentrality(g, { getEdgeWeight: null, normalized: false })
}

/** Wasserman–Faust closeness, as cosafe's closeness (distances to the node on digraphs). */
export function closeness(g: Graph): Record<string, number> {
  return closenessCentrality(g, { wassermanFaust: true })
}

/** Eigenvector centrality with cosafe's stopping rule (L1 change below n · 1e-15). */
export function eigenvector(g: Graph): Record<string, number> {
  return eigenvectorCentrality(g, { getEdgeWeight: null, maxIterations: 100_000, tolerance: 1e-15 })
}

/** Louvain (graphology-communities-louvain) on the undirected view, or null when it is not installed. */
export function louvain(view: Graph, rng: () => number): Record<string, number> | null {
  return louvainLib ? louvainLib(view, { rng, getEdgeWeight: 'weight' }) : null
}

/** Connected (strong, on digraphs) components, or null when graphology-components is not installed. */
export function components(g: Graph): string[][] | null {
  if (!componentsLib) return null
  return g.type === 'directed' ? componentsLib.stronglyConnectedComponents(g) : componentsLib.connectedComponents(g)
}

/**
 * PageRank with the stopping rule of cosafe's default: graphology stops when the L1 change is
 * below n·tolerance, so tolerance = 1e-13 / n stops at an L1 change below 1e-13.
 */
export function pagerank(g: Graph, l1Tolerance: number): Record<string, number> {
  return pagerankCentrality(g, {
    getEdgeWeight: null,
    alpha: 0.85,
    tolerance: l1Tolerance / g.order,
    maxIterations: 10_000,
  })
}

/**
 * graphology-metrics' betweenness loop (centrality/betweenness.js, v2.4) restricted to some
 * sources: the same indexed Brandes routine from graphology-shortest-path and the same
 * accumulation, so its time per source is the library's. The index is built once, here (the
 * library builds it once per call too); the returned function adds the sources' partial sums.
 */
export function betweennessSampler(g: Graph): (sources: ArrayLike<number>) => Float64Array {
  const brandes = brandesLib.createUnweightedIndexedBrandes(g)
  const N = g.order
  const delta = new Float64Array(N)
  const centralities = new Float64Array(N)
  return (sources) => {
    for (let k = 0; k < sources.length; k++) {
      const i = sources[k]!
      const [S, P, sigma] = brandes(i)
      // S is a FixedStack over a typed array: its `items` buffer is not in the typings
      const items = (S as unknown as { items: ArrayLike<number> }).items
      let j = S.size
      while (j--) delta[items[S.size - j]!] = 0
      while (S.size !== 0) {
        const w = S.pop()!
        const coefficient = (1 + delta[w]!) / sigma[w]!
        const pw = P[w]!
        for (let q = 0, m = pw.length; q < m; q++) {
          const v = pw[q]!
          delta[v]! += sigma[v]! * coefficient
        }
        if (w !== i) centralities[w]! += delta[w]!
      }
    }
    return centralities
  }
}

/**
 * graphology-metrics' closeness loop (centrality/closeness.js, v2.4: IndexedBFS over an
 * inbound NeighborhoodIndex, a FixedDeque of [node, distance] pairs and a SparseSet) restricted
 * to some sources. The returned function sets the Wasserman–Faust closeness of those sources.
 */
export function closenessSampler(g: Graph): (sources: ArrayLike<number>) => Float64Array {
  const index = new NeighborhoodIndex(g, 'inbound')
  const queue = new FixedDeque<[number, number]>(Array, g.order)
  const seen = new SparseSet(g.order)
  const N = g.order
  const out = new Float64Array(N)
  return (sources) => {
    for (let k = 0; k < sources.length; k++) {
      const i = sources[k]!
      seen.clear()
      queue.clear()
      seen.add(i)
      queue.push([i, 0])
      let total = 0
      let count = 0
      while (queue.size !== 0) {
        const [n, d] = queue.shift()!
        if (d !== 0) {
          total += d
          count += 1
        }
        const l = index.starts[n + 1]!
        for (let j = index.starts[n]!; j < l; j++) {
          const neighbor = index.neighborhood[j]!
          if (seen.has(neighbor)) continue
          seen.add(neighbor)
          queue.push([neighbor, d + 1])
        }
      }
      out[i] = total > 0 && N > 1 ? (count / total) * (count / (N - 1)) : 0
    }
    return out
  }
}

/** A graphology result keyed "0" .. "n-1" as a Float64Array in index order. */
export function toArray(r: Record<string, number>, n: number): Float64Array {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = r[String(i)]!
  return out
}
