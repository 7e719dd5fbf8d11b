// Structure reports: 结构分析报告 — the structure analyses gathered per question, as plain JSON keyed by actor id.
//
// The measures under measures/ work on node indices and typed arrays. These functions run the
// ones that answer one question together (which subgroups? which positions? what does this
// actor's neighbourhood look like? what if these ties were added?) and return results that can
// be printed, sent over HTTP or stored as they are: ids instead of indices, null instead of NaN,
// options echoed back so that a seeded result can be reproduced. The command line, the server
// and the browser worker all call these, so they show the same numbers.

import { analyze, NETWORK_MEASURES, type NetworkMeasure } from './analyze.js'
import type { Graph, Network } from './graph.js'
import { bicomponents } from './measures/biconnected.js'
import { dyadCensus, reachability, triadCensus, TRIAD_TYPES, type TriadType } from './measures/census.js'
import { twoModeCentrality } from './measures/twoModeCentrality.js'
import { twoModeSummary } from './twoMode.js'
import { maximalCliques, nCliques } from './measures/cliques.js'
import { kPlexes } from './measures/kplexes.js'
import { leiden } from './measures/leiden.js'
import { strongComponents, weakComponents } from './measures/components.js'
import { continuousCoreness, corePeripheryPartition, CORE_PERIPHERY_DEFAULTS } from './measures/corePeriphery.js'
import { coreness } from './measures/coreness.js'
import { egoNetworks } from './measures/egoNetwork.js'
import { factions } from './measures/factions.js'
import { groupsOf } from './measures/groups.js'
import { KEY_PLAYER_DEFAULTS, keyPlayers, type KeyPlayerOptions } from './measures/keyPlayers.js'
import { LOUVAIN_DEFAULTS, louvain, type Communities } from './measures/louvain.js'
import { mrqap } from './measures/mrqap.js'
import { multiplexity } from './measures/multiplex.js'
import { eiDetail, eiTest, PERMUTATION_DEFAULTS, qapTest, type PermutationResult } from './measures/permutation.js'
import { blockmodel, concorTree, cutTree, hierarchicalClustering, structuralEquivalence } from './measures/positions.js'
import { structuralHoles } from './measures/structuralHoles.js'
import { whatIf, type TieChange } from './measures/whatIf.js'

/** A number for JSON: NaN and ±Infinity become null. */
export function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null
}

const idsOf = (g: Graph, set: Iterable<number>): string[] => Array.from(set, (i) => g.nodes.ids[i]!)
const byId = <T>(g: Graph, value: (i: number) => T): Record<string, T> =>
  Object.fromEntries(g.nodes.ids.map((id, i) => [id, value(i)]))

/** Node sets of a membership vector (−1 left out), each listing ids in index order. */
function groupsOfMembership(g: Graph, membership: ArrayLike<number>, count: number): string[][] {
  const out: string[][] = Array.from({ length: count }, () => [])
  for (let i = 0; i < g.n; i++) if (membership[i]! >= 0) out[membership[i]!]!.push(g.nodes.ids[i]!)
  return out
}

/** A permutation test for JSON. */
export interface PermutationReport {
  observed: number | null
  pGreater: number | null
  pLess: number | null
  pTwoSided: number | null
  mean: number | null
  sd: number | null
  permutations: number
}

function permutation(r: PermutationResult): PermutationReport {
  return {
    observed: finiteOrNull(r.observed),
    pGreater: finiteOrNull(r.pGreater),
    pLess: finiteOrNull(r.pLess),
    pTwoSided: finiteOrNull(r.pTwoSided),
    mean: finiteOrNull(r.mean),
    sd: finiteOrNull(r.sd),
    permutations: r.permutations,
  }
}

function whole(n: number, what: string, value: number | undefined, min: number, max = Infinity): number | undefined {
  if (value === undefined) return undefined
  if (!(Number.isInteger(value) && value >= min && value <= max))
    throw new RangeError(
      `${what} must be a whole number ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}${max === n ? ` (the network has ${n} actors)` : ''}, got ${value}`,
    )
  return value
}

// ---------------------------------------------------------------------------------------------
// Subgroups and communities

export interface SubgroupOptions {
  /** Smallest clique, n-clique and k-plex reported (default 3). */
  minSize?: number
  /** n of the n-cliques: members within n steps of each other (default 2). */
  n?: number
  /** k of the k-plexes: each member tied to all but at most k − 1 others (default 2). */
  k?: number
  /** Number of factions to search for (none when absent). */
  factions?: number
  /** Modularity resolution of Louvain and Leiden (default 1). */
  resolution?: number
  /** Seed of every seeded search (default 1). */
  seed?: number
}

function communities(g: Graph, c: Communities): { count: number; modularity: number | null; groups: string[][] } {
  return {
    count: c.count,
    modularity: finiteOrNull(c.modularity),
    groups: groupsOfMembership(g, c.membership, c.count),
  }
}

/**
 * Cohesive subgroups and communities: components, bi-components and cut-points, k-cores,
 * cliques, n-cliques, k-plexes, Louvain and Leiden communities and (when asked) factions.
 *
 * @example
 * subgroupsReport(g, { minSize: 3, factions: 2 }).cliques // [['a', 'b', 'c'], …]
 */
export function subgroupsReport(g: Graph, opts: SubgroupOptions = {}) {
  const minSize = whole(g.n, 'minSize', opts.minSize, 1) ?? 3
  const n = whole(g.n, 'n', opts.n, 1) ?? 2
  const kPlex = whole(g.n, 'k', opts.k, 1) ?? 2
  // k-plexes smaller than 2k − 1 need not be connected: UCINET's floor
  const kPlexMinSize = Math.max(minSize, 2 * kPlex - 1)
  const k = whole(g.n, 'factions', opts.factions, 1, g.n)
  const seed = whole(g.n, 'seed', opts.seed, 0) ?? 1
  const resolution = opts.resolution ?? LOUVAIN_DEFAULTS.resolution
  if (!(Number.isFinite(resolution) && resolution > 0))
    throw new RangeError(`resolution must be a number > 0, got ${resolution}`)
  const weak = weakComponents(g)
  const strong = g.directed ? strongComponents(g) : null
  const bi = bicomponents(g)
  const core = coreness(g)
  let maxCore = 0
  for (const c of core) maxCore = Math.max(maxCore, c)
  const f = k !== undefined ? factions(g, k, { seed }) : null
  return {
    options: { minSize, n, k: kPlex, kPlexMinSize, factions: k ?? null, resolution, seed },
    components: { count: weak.count, groups: groupsOfMembership(g, weak.membership, weak.count) },
    /** Directed graphs only. */
    strongComponents: strong && { count: strong.count, groups: groupsOfMembership(g, strong.membership, strong.count) },
    bicomponents: {
      count: bi.components.length,
      groups: bi.components.map((c) => idsOf(g, c)),
      cutPoints: g.nodes.ids.filter((_, i) => bi.cutPoints[i] === 1),
    },
    kCores: {
      maxCore,
      mainCore: g.nodes.ids.filter((_, i) => core[i] === maxCore),
      coreness: byId(g, (i) => core[i]!),
    },
    cliques: maximalCliques(g, { minSize }).map((c) => idsOf(g, c)),
    nCliques: nCliques(g, n, { minSize }).map((c) => idsOf(g, c)),
    kPlexes: kPlexes(g, kPlex, { minSize: kPlexMinSize }).map((c) => idsOf(g, c)),
    louvain: communities(g, louvain(g, { resolution, seed })),
    leiden: communities(g, leiden(g, { resolution, seed })),
    /** When a number of factions was asked for. */
    factions: f && { count: f.count, fit: finiteOrNull(f.fit), groups: groupsOfMembership(g, f.membership, f.count) },
  }
}

// ---------------------------------------------------------------------------------------------
// Positions and core–periphery

export interface PositionOptions {
  /** CONCOR depth: up to 2^depth positions (default 2). */
  depth?: number
  /** Structural equivalence: 'correlation' (default) or 'euclidean'. */
  method?: 'correlation' | 'euclidean'
  /** Clusters cut from the structural-equivalence tree (default: as many as CONCOR positions). */
  clusters?: number
  /** Seed of the core–periphery search (default 1). */
  seed?: number
}

/**
 * Positions and roles: CONCOR blockmodel (positions, block densities, image), structural
 * equivalence clustering, and the core–periphery structure (best discrete partition and
 * continuous coreness).
 *
 * @example
 * positionsReport(g, { depth: 2 }).concor.positions // [['a', 'c'], ['b'], …]
 */
export function positionsReport(g: Graph, opts: PositionOptions = {}) {
  const depth = whole(g.n, 'depth', opts.depth, 1, 10) ?? 2
  const method = opts.method ?? 'correlation'
  if (method !== 'correlation' && method !== 'euclidean')
    throw new RangeError(`method must be "correlation" or "euclidean", got "${String(method)}"`)
  const seed = whole(g.n, 'seed', opts.seed, 0) ?? CORE_PERIPHERY_DEFAULTS.seed
  const tree = concorTree(g, { depth })
  const bm = blockmodel(g, tree.membership)
  const matrix = (a: ArrayLike<number>): (number | null)[][] =>
    Array.from({ length: bm.count }, (_, r) =>
      Array.from({ length: bm.count }, (_, c) => finiteOrNull(a[r * bm.count + c]!)),
    )
  const clusters = whole(g.n, 'clusters', opts.clusters, 1, g.n) ?? Math.min(Math.max(tree.count, 1), g.n)
  const se = structuralEquivalence(g, { method })
  // correlation is a similarity: cluster on 1 − r (undefined correlations as the largest distance)
  const dist = method === 'correlation' ? se.map((r) => (Number.isNaN(r) ? 2 : 1 - r)) : se
  const dendrogram = hierarchicalClustering(dist, g.n)
  const seMembership = g.n > 0 ? cutTree(dendrogram, g.n, clusters) : new Int32Array(0)
  const cp = corePeripheryPartition(g, { seed })
  const cc = continuousCoreness(g)
  return {
    options: { depth, method, clusters, seed },
    concor: {
      positions: tree.positions.map((p) => idsOf(g, p)),
      excluded: idsOf(g, tree.excluded),
      density: matrix(bm.density),
      image: matrix(bm.image),
      alpha: finiteOrNull(bm.alpha),
    },
    structuralEquivalence: {
      method,
      merges: dendrogram.merge.map(([a, b], s) => ({ a, b, height: finiteOrNull(dendrogram.height[s]) })),
      clusters: groupsOfMembership(g, seMembership, g.n > 0 ? Math.max(...seMembership) + 1 : 0),
    },
    corePeriphery: {
      core: g.nodes.ids.filter((_, i) => cp.core[i] === 1),
      periphery: g.nodes.ids.filter((_, i) => cp.core[i] === 0),
      fit: finiteOrNull(cp.fit),
      coreness: byId(g, (i) => finiteOrNull(cc.coreness[i])),
      corenessFit: finiteOrNull(cc.fit),
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Ego networks

/**
 * One actor's neighbourhood: alters, ego-network measures and structural holes in both
 * UCINET models (whole network and ego network).
 *
 * @example
 * egoReport(g, 'RC').effectiveSize.whole
 */
export function egoReport(g: Graph, id: string) {
  const ego = g.nodes.find(id)
  if (ego === undefined) throw new RangeError(`no actor "${id}" in the network`)
  const e = egoNetworks(g)
  const whole = structuralHoles(g)
  const local = structuralHoles(g, { model: 'ego' })
  const { offsets, targets } = g.skeleton()
  const alters = idsOf(g, targets.subarray(offsets[ego]!, offsets[ego + 1]!))
  const both = (k: 'constraint' | 'effectiveSize' | 'efficiency' | 'hierarchy'): Record<string, number | null> => ({
    whole: finiteOrNull(whole[k][ego]),
    ego: finiteOrNull(local[k][ego]),
  })
  return {
    ego: id,
    label: g.nodes.label(ego),
    alters,
    size: e.size[ego]!,
    ties: e.ties[ego]!,
    pairs: e.pairs[ego]!,
    density: finiteOrNull(e.density[ego]),
    components: e.components[ego]!,
    brokerage: e.brokerage[ego]!,
    twoStepReach: finiteOrNull(e.twoStepReach[ego]),
    constraint: both('constraint'),
    effectiveSize: both('effectiveSize'),
    efficiency: both('efficiency'),
    hierarchy: both('hierarchy'),
  }
}

// ---------------------------------------------------------------------------------------------
// Key players

/**
 * The k key players for fragmentation or reach, by id.
 *
 * @example
 * keyPlayersReport(g, 2, { goal: 'reach', maxDistance: 2 }).set // ['RC', 'PS']
 */
export function keyPlayersReport(g: Graph, k: number, opts: KeyPlayerOptions = {}) {
  const r = keyPlayers(g, k, opts)
  return {
    options: {
      k,
      goal: opts.goal ?? KEY_PLAYER_DEFAULTS.goal,
      maxDistance: opts.maxDistance ?? null,
      restarts: opts.restarts ?? KEY_PLAYER_DEFAULTS.restarts,
      seed: opts.seed ?? KEY_PLAYER_DEFAULTS.seed,
    },
    set: idsOf(g, r.set),
    score: finiteOrNull(r.score),
  }
}

// ---------------------------------------------------------------------------------------------
// What-if

export interface WhatIfRequest {
  /** Ties to add: [source id, target id] or [source, target, weight]. */
  add?: readonly (readonly [string, string] | readonly [string, string, number])[]
  remove?: readonly (readonly [string, string])[]
  /** Actors removed with all their ties. */
  removeActors?: readonly string[]
  /** Node attribute whose groups give the E-I index before and after. */
  attribute?: string
}

/**
 * Every whole-network measure, the E-I index and each actor's share of betweenness before and
 * after a change, by id.
 *
 * @example
 * whatIfReport(g, { add: [['PC', 'FS']], attribute: 'sector' }).measures
 */
export function whatIfReport(g: Graph, req: WhatIfRequest) {
  const node = (id: string, what: string): number => {
    const i = g.nodes.find(id)
    if (i === undefined) throw new RangeError(`${what}: no actor "${id}" in the network`)
    return i
  }
  const tie = (t: readonly [string, string] | readonly [string, string, number], what: string): TieChange => ({
    source: node(t[0], what),
    target: node(t[1], what),
    ...(t.length === 3 ? { weight: t[2] } : {}),
  })
  let membership: Int32Array | undefined
  if (req.attribute !== undefined) {
    const col = g.nodes.attribute(req.attribute)
    if (!col) throw new RangeError(`the actors have no attribute "${req.attribute}"`)
    membership = groupsOf(col).membership
  }
  const r = whatIf(
    g,
    {
      add: req.add?.map((t) => tie(t, 'add')),
      remove: req.remove?.map((t) => tie(t, 'remove')),
      removeNodes: req.removeActors?.map((id) => node(id, 'remove actor')),
    },
    membership,
  )
  const summary = (key: 'density' | 'degreeCentralization' | 'betweennessCentralization' | 'eiIndex') => {
    const before = finiteOrNull(r.before[key] ?? undefined)
    const after = finiteOrNull(r.after[key] ?? undefined)
    return { key, before, after, change: before !== null && after !== null ? after - before : null }
  }
  return {
    change: {
      add: req.add ?? [],
      remove: req.remove ?? [],
      removeActors: req.removeActors ?? [],
      attribute: req.attribute ?? null,
    },
    measures: [...r.measures, ...(membership ? [summary('eiIndex')] : [])],
    betweennessShare: byId(g, (i) => ({
      before: finiteOrNull(r.before.betweennessShare[i]),
      after: finiteOrNull(r.after.betweennessShare[i]),
    })),
    notes: r.notes,
  }
}

// ---------------------------------------------------------------------------------------------
// Groups: E-I with its permutation test

/**
 * The E-I index of a partition for the whole network, per group and per actor, with a seeded
 * permutation test of the whole-network value.
 *
 * @example
 * eiReport(g, g.nodes.attribute('sector')!).whole.ei
 */
export function eiReport(
  g: Graph,
  attribute: readonly (string | number | null)[],
  opts: { permutations?: number; seed?: number } = {},
) {
  const { membership, names } = groupsOf(attribute)
  const d = eiDetail(g, membership)
  const test = eiTest(g, membership, opts)
  return {
    options: {
      permutations: opts.permutations ?? PERMUTATION_DEFAULTS.permutations,
      seed: opts.seed ?? PERMUTATION_DEFAULTS.seed,
    },
    whole: permutation(test),
    groups: Object.fromEntries(
      d.groups.map((x, k) => [names[k]!, { external: x.external, internal: x.internal, ei: finiteOrNull(x.ei) }]),
    ),
    nodes: byId(g, (i) => finiteOrNull(d.nodes[i])),
  }
}

// ---------------------------------------------------------------------------------------------
// QAP and MRQAP

/** Maps each node of g to the node of h with the same id; throws naming the first one missing. */
export function alignNodes(g: Graph, h: Graph, what = 'the second network'): Int32Array {
  const map = new Int32Array(g.n)
  for (let i = 0; i < g.n; i++) {
    const j = h.nodes.find(g.nodes.ids[i]!)
    if (j === undefined)
      throw new RangeError(`${what} has no actor "${g.nodes.ids[i]}"; both must list the same actors`)
    map[i] = j
  }
  if (h.n !== g.n) throw new RangeError(`${what} has ${h.n} actors, the first ${g.n}; both must list the same actors`)
  return map
}

/**
 * QAP correlation of two relations over the same actors with permutation p-values (seeded).
 *
 * @example
 * qapReport(info, trust, { permutations: 5000, seed: 7 }).plain.pGreater
 */
export function qapReport(g: Graph, h: Graph, opts: { permutations?: number; seed?: number } = {}) {
  const map = alignNodes(g, h)
  return {
    options: {
      permutations: opts.permutations ?? PERMUTATION_DEFAULTS.permutations,
      seed: opts.seed ?? PERMUTATION_DEFAULTS.seed,
    },
    plain: permutation(qapTest(g, h, map, opts)),
    /** With tie values, when either relation is valued. */
    weighted: g.weighted || h.weighted ? permutation(qapTest(g, h, map, { ...opts, weight: true })) : null,
  }
}

/**
 * MRQAP regression of y on several relations (Dekker's double semi-partialling), seeded.
 *
 * @example
 * mrqapReport(collab, [meetings, trust], ['meetings', 'trust']).coefficients
 */
export function mrqapReport(
  y: Graph,
  predictors: readonly Graph[],
  names: readonly string[],
  opts: { permutations?: number; seed?: number; weight?: boolean } = {},
) {
  predictors.forEach((x, k) => alignNodes(y, x, `predictor "${names[k]}"`))
  const r = mrqap(y, predictors, opts)
  return {
    options: {
      permutations: r.permutations,
      seed: opts.seed ?? PERMUTATION_DEFAULTS.seed,
      weight: opts.weight ?? false,
    },
    observations: r.observations,
    r2: finiteOrNull(r.r2),
    adjustedR2: finiteOrNull(r.adjustedR2),
    coefficients: r.coefficients.map((c, k) => ({
      name: k === 0 ? 'intercept' : (names[k - 1] ?? c.name),
      estimate: finiteOrNull(c.estimate),
      standardError: finiteOrNull(c.standardError),
      t: finiteOrNull(c.t),
      pTwoSided: finiteOrNull(c.pTwoSided),
      pGreater: finiteOrNull(c.pGreater),
      pLess: finiteOrNull(c.pLess),
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Multiplex

/**
 * The relations of a multiplex network side by side: whole-network measures per relation,
 * multiplexity, Jaccard overlap and QAP correlation (seeded p-values) between every pair.
 *
 * @example
 * multiplexReport(network).overlap // [{ a: 'info', b: 'trust', jaccard: 0.4, qap: {…} }, …]
 */
export function multiplexReport(network: Network, opts: { permutations?: number; seed?: number } = {}) {
  const rel = network.relations
  const m = multiplexity(network)
  const R = rel.length
  const pairs: { a: string; b: string; jaccard: number | null; qap: PermutationReport }[] = []
  const identity = Int32Array.from({ length: network.nodes.size }, (_, i) => i)
  for (let a = 0; a < R; a++)
    for (let b = a + 1; b < R; b++)
      pairs.push({
        a: rel[a]!.relation,
        b: rel[b]!.relation,
        jaccard: finiteOrNull(m.overlap[a * R + b]),
        qap: permutation(qapTest(rel[a]!, rel[b]!, identity, opts)),
      })
  const g = network.graph
  return {
    options: {
      permutations: opts.permutations ?? PERMUTATION_DEFAULTS.permutations,
      seed: opts.seed ?? PERMUTATION_DEFAULTS.seed,
    },
    relations: rel.map((r) => {
      const a = analyze(r, { measures: NETWORK_MEASURES }).network
      const measures: Partial<Record<NetworkMeasure, number | null>> = {}
      for (const k of NETWORK_MEASURES) if (a[k] !== undefined) measures[k] = finiteOrNull(a[k])
      return { relation: r.relation, measures }
    }),
    tiedDyads: m.tiedDyads,
    multiplexDyads: m.multiplexDyads,
    multiplexity: finiteOrNull(m.multiplexity),
    pairs,
    nodes: byId(g, (i) => ({
      relations: m.nodeRelations[i]!,
      multiplexity: finiteOrNull(m.nodeMultiplexity[i]),
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Connectivity: dyad and triad census, reachability

/**
 * Dyad census, triad census (directed graphs) and reachability: everyone reachable, and within
 * `steps` steps (default 2), per actor and for the whole network.
 *
 * @example
 * connectivityReport(g).triads['030T'] // transitive triads
 */
export function connectivityReport(g: Graph, opts: { steps?: number } = {}) {
  const steps = whole(g.n, 'steps', opts.steps, 1) ?? 2
  const all = reachability(g)
  const near = reachability(g, { maxSteps: steps })
  const tri = g.directed ? triadCensus(g) : null
  return {
    options: { steps },
    dyads: dyadCensus(g),
    /** Directed graphs only (undirected ones have only the 003, 102, 201 and 300 types). */
    triads: tri && (Object.fromEntries(TRIAD_TYPES.map((k, i) => [k, tri[i]!])) as Record<TriadType, number>),
    reachability: {
      /** Share of ordered pairs connected by a path. */
      proportion: all.proportion,
      /** Share of ordered pairs within `steps` steps. */
      withinSteps: near.proportion,
      nodes: byId(g, (i) => ({ reach: all.reach[i]!, share: all.share[i]!, withinSteps: near.share[i]! })),
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Two-mode

/**
 * A two-mode network: counts, densities and degrees (METRICS.md's twoMode keys) and Borgatti &
 * Everett's normalised degree, closeness and betweenness of every row and column node.
 *
 * @example
 * twoModeReport(g).nodes['E1'].betweenness
 */
export function twoModeReport(g: Graph) {
  const c = twoModeCentrality(g)
  return {
    summary: twoModeSummary(g),
    nodes: byId(g, (i) => ({
      mode: i < c.rows ? ('row' as const) : ('column' as const),
      degree: c.rawDegree[i]!,
      degreeNormalized: finiteOrNull(c.degree[i]),
      closenessNormalized: finiteOrNull(c.closeness[i]),
      betweenness: finiteOrNull(c.rawBetweenness[i]),
      betweennessNormalized: finiteOrNull(c.betweenness[i]),
    })),
  }
}
