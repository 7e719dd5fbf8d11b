// Every whole-network and node measure of METRICS.md in one call, keyed as the reference JSON.

import type { AttributeValue, Graph } from './graph.js'
import { maximalCliques } from './measures/cliques.js'
import { concor } from './measures/concor.js'
import {
  BROKERAGE_ROLES,
  brokerage,
  corePeripheryFit,
  eiIndex,
  groupsOf,
  modularity,
  qapCorrelation,
} from './measures/groups.js'
import { weakComponents, strongComponents } from './measures/components.js'
import { averageClustering, localClustering, transitivity } from './measures/clustering.js'
import { coreness } from './measures/coreness.js'
import { degree } from './measures/degree.js'
import { eigenvector } from './measures/eigenvector.js'
import { CENTRALIZATION_MAX, centralization, density, reciprocity } from './measures/network.js'
import { pagerank } from './measures/pagerank.js'
import { betweennessScale, pathSweep, scaleHarmonic, wfCloseness } from './measures/paths.js'
import { structuralHoles } from './measures/structuralHoles.js'

/** Names of the node measures, in report order. */
export const NODE_MEASURES = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'inStrength',
  'outStrength',
  'degreeNormalized',
  'inDegreeNormalized',
  'outDegreeNormalized',
  'closeness',
  'harmonicCloseness',
  'outCloseness',
  'outHarmonicCloseness',
  'betweenness',
  'betweennessNormalized',
  'eigenvector',
  'pagerank',
  'weightedPagerank',
  'localClustering',
  'coreness',
  'constraint',
  'effectiveSize',
  'efficiency',
  'hierarchy',
  'weightedBetweenness',
  'weightedBetweennessNormalized',
  'weightedCloseness',
] as const

/** Names of the whole-network measures, in report order. */
export const NETWORK_MEASURES = [
  'nodes',
  'edges',
  'density',
  'reciprocity',
  'transitivity',
  'averageClustering',
  'components',
  'strongComponents',
  'diameter',
  'averageGeodesicDistance',
  'degreeCentralization',
  'inDegreeCentralization',
  'outDegreeCentralization',
  'betweennessCentralization',
  'closenessCentralization',
] as const

export type NodeMeasure = (typeof NODE_MEASURES)[number]
export type NetworkMeasure = (typeof NETWORK_MEASURES)[number]

/** Measure families: asking for one member computes the family (they share one pass). */
const GROUPS: Record<string, readonly string[]> = {
  paths: [
    'closeness',
    'harmonicCloseness',
    'outCloseness',
    'outHarmonicCloseness',
    'betweenness',
    'betweennessNormalized',
    'diameter',
    'averageGeodesicDistance',
    'betweennessCentralization',
    'closenessCentralization',
  ],
  weightedPaths: ['weightedBetweenness', 'weightedBetweennessNormalized', 'weightedCloseness'],
  holes: ['constraint', 'effectiveSize', 'efficiency', 'hierarchy'],
}

export interface AnalyzeOptions {
  /** Measures to compute (node or network names); default all. Unknown names throw RangeError. */
  measures?: readonly string[]
  /** Progress of the long parts (path sweeps), with a label. */
  onProgress?: (label: string, done: number, total: number) => void
}

/** Per-node values keyed by measure; null = undefined for that node. */
export type NodeValues = Partial<Record<NodeMeasure, Float64Array | Int32Array>>

export interface Analysis {
  network: Partial<Record<NetworkMeasure, number>>
  /** Columns of node values (index space); NaN marks an undefined value. */
  nodes: NodeValues
}

/**
 * Computes the whole-network and node measures of METRICS.md that apply to the graph:
 * directed-only keys for directed graphs, weighted keys when some weight differs from 1,
 * eigenvector only when defined.
 *
 * @example
 * const a = analyze(g, { measures: ['betweenness', 'density'] })
 * a.network.density; a.nodes.betweenness
 */
export function analyze(g: Graph, opts: AnalyzeOptions = {}): Analysis {
  const all = new Set<string>([...NODE_MEASURES, ...NETWORK_MEASURES])
  let want: Set<string>
  if (opts.measures && opts.measures.length > 0) {
    want = new Set()
    for (const name of opts.measures) {
      if (!all.has(name)) throw new RangeError(`unknown measure "${name}"`)
      want.add(name)
    }
  } else want = all
  const wants = (k: string): boolean => want.has(k)
  const wantsAny = (ks: readonly string[]): boolean => ks.some((k) => want.has(k))
  const n = g.n
  const dir = g.directed
  const wtd = g.weighted
  const net: Analysis['network'] = {}
  const nodes: NodeValues = {}
  const put = (k: NetworkMeasure, v: number | null): void => {
    if (wants(k) && v !== null && Number.isFinite(v)) net[k] = v
  }
  const col = (k: NodeMeasure, v: Float64Array | Int32Array): void => {
    if (wants(k)) nodes[k] = v
  }

  put('nodes', n)
  put('edges', g.m)
  put('density', density(g))
  if (dir) put('reciprocity', reciprocity(g))
  if (wants('transitivity')) put('transitivity', transitivity(g))
  if (wants('averageClustering')) put('averageClustering', averageClustering(g))
  if (wants('components')) put('components', weakComponents(g).count)
  if (dir && wants('strongComponents')) put('strongComponents', strongComponents(g).count)

  // degrees
  if (wantsAny(['degree', 'degreeNormalized', 'degreeCentralization'])) {
    const d = degree(g)
    col('degree', d)
    col(
      'degreeNormalized',
      d.map((x) => (n > 1 ? x / (n - 1) : 0)),
    )
    if (!dir) put('degreeCentralization', centralization(d, CENTRALIZATION_MAX.degree(n)))
  }
  if (dir) {
    if (wantsAny(['inDegree', 'inDegreeNormalized', 'inDegreeCentralization'])) {
      const d = degree(g, { mode: 'in' })
      col('inDegree', d)
      col(
        'inDegreeNormalized',
        d.map((x) => (n > 1 ? x / (n - 1) : 0)),
      )
      put('inDegreeCentralization', centralization(d, CENTRALIZATION_MAX.directedDegree(n)))
    }
    if (wantsAny(['outDegree', 'outDegreeNormalized', 'outDegreeCentralization'])) {
      const d = degree(g, { mode: 'out' })
      col('outDegree', d)
      col(
        'outDegreeNormalized',
        d.map((x) => (n > 1 ? x / (n - 1) : 0)),
      )
      put('outDegreeCentralization', centralization(d, CENTRALIZATION_MAX.directedDegree(n)))
    }
  }
  if (wtd) {
    col('strength', degree(g, { weight: true }))
    if (dir) {
      col('inStrength', degree(g, { weight: true, mode: 'in' }))
      col('outStrength', degree(g, { weight: true, mode: 'out' }))
    }
  }

  // shortest paths: one sweep for all of them
  if (wantsAny(GROUPS.paths!)) {
    const needBc = wantsAny(['betweenness', 'betweennessNormalized', 'betweennessCentralization'])
    const r = pathSweep(g, {
      betweenness: needBc,
      onProgress: opts.onProgress && ((d, t) => opts.onProgress!('paths', d, t)),
    })
    const close = wfCloseness(n, r.inDistanceSum, r.inReach)
    col('closeness', close)
    col('harmonicCloseness', scaleHarmonic(n, r.inHarmonic))
    if (dir) {
      col('outCloseness', wfCloseness(n, r.outDistanceSum, r.outReach))
      col('outHarmonicCloseness', scaleHarmonic(n, r.outHarmonic))
    }
    if (r.betweenness) {
      const bc = r.betweenness
      col('betweenness', bc)
      const s = betweennessScale(g)
      col(
        'betweennessNormalized',
        bc.map((x) => (s > 0 ? x / s : 0)),
      )
      put('betweennessCentralization', centralization(bc, CENTRALIZATION_MAX.betweenness(n, dir)))
    }
    put('diameter', r.diameter)
    put('averageGeodesicDistance', r.reachablePairs > 0 ? r.distanceSum / r.reachablePairs : 0)
    if (!dir) put('closenessCentralization', centralization(close, CENTRALIZATION_MAX.closeness(n)))
  }
  if (wtd && wantsAny(GROUPS.weightedPaths!)) {
    const needBc = wantsAny(['weightedBetweenness', 'weightedBetweennessNormalized'])
    const r = pathSweep(g, {
      weight: true,
      betweenness: needBc,
      onProgress: opts.onProgress && ((d, t) => opts.onProgress!('weighted paths', d, t)),
    })
    if (r.betweenness) {
      col('weightedBetweenness', r.betweenness)
      const s = betweennessScale(g)
      col(
        'weightedBetweennessNormalized',
        r.betweenness.map((x) => (s > 0 ? x / s : 0)),
      )
    }
    col('weightedCloseness', wfCloseness(n, r.inDistanceSum, r.inReach))
  }

  if (wants('eigenvector')) {
    const ev = eigenvector(g)
    if (ev) nodes.eigenvector = ev
  }
  if (wants('pagerank')) nodes.pagerank = pagerank(g)
  if (wtd && wants('weightedPagerank')) nodes.weightedPagerank = pagerank(g, { weight: true })
  if (wants('localClustering')) nodes.localClustering = localClustering(g)
  if (wants('coreness')) nodes.coreness = coreness(g)
  if (wantsAny(GROUPS.holes!)) {
    const h = structuralHoles(g)
    col('constraint', h.constraint)
    col('effectiveSize', h.effectiveSize)
    col('efficiency', h.efficiency)
    col('hierarchy', h.hierarchy)
  }
  return { network: net, nodes }
}

/** Converts an Analysis to the reference JSON shape: `{network, nodes: {id: {measure: value|null}}}`. */
export function analysisToJson(
  g: Graph,
  a: Analysis,
): { network: Record<string, number>; nodes: Record<string, Record<string, number | null>> } {
  const nodes: Record<string, Record<string, number | null>> = {}
  const cols = NODE_MEASURES.filter((k) => a.nodes[k] !== undefined)
  for (let i = 0; i < g.n; i++) {
    const row: Record<string, number | null> = {}
    for (const k of cols) {
      const v = a.nodes[k]![i]!
      row[k] = Number.isFinite(v) ? v : null
    }
    nodes[g.nodes.ids[i]!] = row
  }
  return { network: { ...a.network } as Record<string, number>, nodes }
}

export interface GroupOptions {
  /** Node attribute values that define groups (E-I, modularity, brokerage). */
  attribute?: readonly AttributeValue[]
  /** Core/periphery partition: true = core. */
  core?: ArrayLike<boolean>
  /** A second relation over the same node ids, for QAP correlation. */
  relation2?: Graph
}

/**
 * Group-level measures keyed as the reference JSON's `groups`: attribute-based ones when an
 * attribute is given, brokerage on directed graphs, QAP correlation when a second relation is
 * given, maximal cliques and the first CONCOR split always, core–periphery fit with a partition.
 */
export function analyzeGroups(g: Graph, opts: GroupOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const ids = g.nodes.ids
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)
  if (opts.attribute) {
    const { membership } = groupsOf(opts.attribute)
    const ei = eiIndex(g, membership)
    out.eiIndex = finite(ei.ei)
    out.externalTies = ei.external
    out.internalTies = ei.internal
    out.modularity = finite(modularity(g, membership))
    if (g.weighted) out.weightedModularity = finite(modularity(g, membership, { weight: true }))
    if (g.directed) {
      const b = brokerage(g, membership)
      const byNode: Record<string, Record<string, number>> = {}
      for (let v = 0; v < g.n; v++) {
        const row: Record<string, number> = {}
        let total = 0
        BROKERAGE_ROLES.forEach((role, k) => {
          row[role] = b[v * 5 + k]!
          total += b[v * 5 + k]!
        })
        row.total = total
        byNode[ids[v]!] = row
      }
      out.brokerage = byNode
    }
  }
  if (opts.relation2) {
    const h = opts.relation2
    const map = new Int32Array(g.n)
    for (let i = 0; i < g.n; i++) {
      const j = h.nodes.find(ids[i]!)
      if (j === undefined) throw new RangeError(`the second relation has no node "${ids[i]}"`)
      map[i] = j
    }
    out.qapCorrelation = finite(qapCorrelation(g, h, map))
    if (g.weighted || h.weighted) out.weightedQapCorrelation = finite(qapCorrelation(g, h, map, { weight: true }))
  }
  out.maximalCliques = maximalCliques(g).map((c) => c.map((i) => ids[i]!).sort())
  const c = concor(g)
  out.concor = {
    split: c.split.map((part) => part.map((i) => ids[i]!).sort()),
    excluded: c.excluded.map((i) => ids[i]!).sort(),
  }
  if (opts.core) {
    out.corePeripheryFit = finite(corePeripheryFit(g, opts.core))
    out.corePeripheryFitMissingCP = finite(corePeripheryFit(g, opts.core, { missingCP: true }))
  }
  return out
}
