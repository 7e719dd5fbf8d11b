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
import {
  betweennessScale,
  pathSweep,
  scaleHarmonic,
  wfCloseness,
  type PathSweepOptions,
  type PathSweepResult,
} from './measures/paths.js'
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
  /** Raw betweenness computed elsewhere (e.g. approximateBetweenness), used instead of Brandes: `paths` unweighted, `weightedPaths` weighted. */
  betweenness?: { paths?: Float64Array; weightedPaths?: Float64Array }
  /** The sweeps that {@link analyzeSweeps} names, already run (e.g. on worker threads by `@cosafe/sna/node`). */
  sweeps?: { paths?: PathSweepResult; weightedPaths?: PathSweepResult }
}

const BETWEENNESS_KEYS = {
  paths: ['betweenness', 'betweennessNormalized', 'betweennessCentralization'],
  weightedPaths: ['weightedBetweenness', 'weightedBetweennessNormalized'],
} as const

/**
 * The shortest-path sweeps analyze(g, opts) runs, as pathSweep options: `paths` (unweighted)
 * and `weightedPaths`, each absent when no measure asked for needs it. Betweenness given in
 * `opts.betweenness` is not swept for.
 *
 * @example
 * const s = analyzeSweeps(g) // { paths: { weight: false, betweenness: true }, … }
 * analyze(g, { sweeps: { paths: await parallelPathSweep(g, s.paths) } })
 */
export function analyzeSweeps(
  g: Graph,
  opts: Pick<AnalyzeOptions, 'measures' | 'betweenness'> = {},
): { paths?: PathSweepOptions; weightedPaths?: PathSweepOptions } {
  const want = wanted(opts.measures)
  const family = (key: 'paths' | 'weightedPaths'): PathSweepOptions | undefined => {
    const bcKeys: readonly string[] = BETWEENNESS_KEYS[key]
    const needBc = !opts.betweenness?.[key] && bcKeys.some((k) => want.has(k))
    const needDistances = GROUPS[key]!.some((k) => want.has(k) && !bcKeys.includes(k))
    return needBc || needDistances ? { weight: key === 'weightedPaths', betweenness: needBc } : undefined
  }
  const out: { paths?: PathSweepOptions; weightedPaths?: PathSweepOptions } = {}
  const paths = family('paths')
  if (paths) out.paths = paths
  const weighted = g.weighted ? family('weightedPaths') : undefined
  if (weighted) out.weightedPaths = weighted
  return out
}

/** The measures asked for (all when none); unknown names throw RangeError. */
function wanted(measures: readonly string[] | undefined): Set<string> {
  const all = new Set<string>([...NODE_MEASURES, ...NETWORK_MEASURES])
  if (!measures || measures.length === 0) return all
  const want = new Set<string>()
  for (const name of measures) {
    if (!all.has(name)) throw new RangeError(`unknown measure "${name}"`)
    want.add(name)
  }
  return want
}

/** A sweep that analyzeSweeps names: given in `opts.sweeps`, or run here. */
function sweepFor(
  g: Graph,
  key: 'paths' | 'weightedPaths',
  need: PathSweepOptions | undefined,
  opts: AnalyzeOptions,
): PathSweepResult | null {
  if (!need) return null
  const given = opts.sweeps?.[key]
  if (given) {
    if (need.betweenness && !given.betweenness)
      throw new RangeError(`sweeps.${key} has no betweenness, which the measures asked for need`)
    return given
  }
  const label = key === 'paths' ? 'paths' : 'weighted paths'
  return pathSweep(g, { ...need, onProgress: opts.onProgress && ((d, t) => opts.onProgress!(label, d, t)) })
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
  const want = wanted(opts.measures)
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
  const sweeps = analyzeSweeps(g, opts)
  if (wantsAny(GROUPS.paths!)) {
    const r = sweepFor(g, 'paths', sweeps.paths, opts)
    const close = r ? wfCloseness(n, r.inDistanceSum, r.inReach) : null
    if (r && close) {
      col('closeness', close)
      col('harmonicCloseness', scaleHarmonic(n, r.inHarmonic))
      if (dir) {
        col('outCloseness', wfCloseness(n, r.outDistanceSum, r.outReach))
        col('outHarmonicCloseness', scaleHarmonic(n, r.outHarmonic))
      }
    }
    const bc = opts.betweenness?.paths ?? r?.betweenness
    if (bc) {
      col('betweenness', bc)
      const s = betweennessScale(g)
      col(
        'betweennessNormalized',
        bc.map((x) => (s > 0 ? x / s : 0)),
      )
      put('betweennessCentralization', centralization(bc, CENTRALIZATION_MAX.betweenness(n, dir)))
    }
    if (r && close) {
      put('diameter', r.diameter)
      put('averageGeodesicDistance', r.reachablePairs > 0 ? r.distanceSum / r.reachablePairs : 0)
      if (!dir) put('closenessCentralization', centralization(close, CENTRALIZATION_MAX.closeness(n)))
    }
  }
  if (wtd && wantsAny(GROUPS.weightedPaths!)) {
    const r = sweepFor(g, 'weightedPaths', sweeps.weightedPaths, opts)
    const bc = opts.betweenness?.weightedPaths ?? r?.betweenness
    if (bc) {
      col('weightedBetweenness', bc)
      const s = betweennessScale(g)
      col(
        'weightedBetweennessNormalized',
        bc.map((x) => (s > 0 ? x / s : 0)),
      )
    }
    if (r) col('weightedCloseness', wfCloseness(n, r.inDistanceSum, r.inReach))
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
