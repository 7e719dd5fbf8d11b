// The analysis worker's work, free of worker globals so that it runs (and is tested) anywhere:
// read a network with @cosafe/sna, keep it by key, and answer analyses, structure reports and
// what-ifs about it as plain data.

import {
  analysisToJson,
  analyze,
  approximateBetweenness,
  connectivityReport,
  continuousCoreness,
  corePeripheryPartition,
  egoReport,
  eiIndex,
  eiReport,
  finiteOrNull,
  Graph,
  groupsOf,
  isParseError,
  keyPlayersReport,
  layout,
  modularity,
  NETWORK_MEASURES,
  NODE_MEASURES,
  positionsReport,
  readJson,
  readNetwork,
  subgroupsReport,
  whatIf,
  type Network,
  type TieChange,
} from '@cosafe/sna'
import type {
  AnalysisData,
  AnalysisNote,
  NetworkData,
  NetworkSource,
  Progress,
  Request,
  Results,
  Stage,
  WhatIfData,
  WorkerError,
} from './protocol.js'

/** Shortest-path work (sources × (nodes + ties)) above which betweenness is estimated and the other path measures left out. */
export const PATH_WORK_LIMIT = 2e9
/** Error of the estimated betweenness on the ordered-pair scale. */
export const APPROXIMATE_EPSILON = 0.01

/** Members the server adds to its cosafe JSON (the filter used, the comparison…): not part of the network. */
const SERVER_MEMBERS = ['filter', 'used', 'comparison', 'twoModeRows']

interface Entry {
  network: Network
  /** Graphs of relation sets, by the names joined. */
  graphs: Map<string, Graph>
}

export type ProgressFn = (p: Progress) => void

/** The networks held by one worker, by key, and the requests about them. */
export class Engine {
  readonly #entries = new Map<string, Entry>()
  readonly #pathWorkLimit: number

  constructor(opts: { pathWorkLimit?: number } = {}) {
    this.#pathWorkLimit = opts.pathWorkLimit ?? PATH_WORK_LIMIT
  }

  /** Answers one request; throws what the reader or measure threw. */
  run<K extends Request['kind']>(req: Extract<Request, { kind: K }>, progress: ProgressFn = () => {}): Results[K] {
    const r = req as Request
    switch (r.kind) {
      case 'load':
        return this.load(r.key, r.source, progress) as Results[K]
      case 'analyse':
        return this.analyse(r, progress) as Results[K]
      case 'structure':
        return this.structure(r, progress) as Results[K]
      case 'whatIf':
        return this.whatIf(r, progress) as Results[K]
      case 'unload':
        this.#entries.delete(r.key)
        return null as Results[K]
    }
  }

  has(key: string): boolean {
    return this.#entries.has(key)
  }

  load(key: string, source: NetworkSource, progress: ProgressFn = () => {}): NetworkData {
    progress({ stage: 'read', done: 0, total: 1 })
    let read
    if (source.kind === 'file') {
      read = readNetwork(new Uint8Array(source.bytes), {
        source: source.name,
        format: source.format,
        directed: source.directed,
        twoMode: source.twoMode,
      })
    } else {
      const doc = { ...(source.document as Record<string, unknown>) }
      for (const k of SERVER_MEMBERS) delete doc[k]
      read = { ...readJson(JSON.stringify(doc), { source: source.name }), format: 'json' as const }
    }
    const { network, warnings, format } = read
    this.#entries.set(key, { network, graphs: new Map() })
    progress({ stage: 'read', done: 1, total: 1 })
    return toData(key, source.kind === 'file' ? source.name : (source.name ?? null), format, network, warnings)
  }

  #entry(key: string): Entry {
    const e = this.#entries.get(key)
    if (!e) throw new RangeError(`no network "${key}" is loaded`)
    return e
  }

  /** The graph of some relations (all when none named): one relation as it is, several merged with their values summed. */
  graph(key: string, relations?: readonly string[], progress: ProgressFn = () => {}): Graph {
    const entry = this.#entry(key)
    const net = entry.network
    const names = relations && relations.length > 0 ? [...new Set(relations)] : net.relationNames()
    for (const name of names) if (!net.findRelation(name)) throw new RangeError(`the network has no relation "${name}"`)
    if (names.length === 1) return net.findRelation(names[0]!)!
    const cacheKey = names.join('\u0000')
    const cached = entry.graphs.get(cacheKey)
    if (cached) return cached
    progress({ stage: 'merge', done: 0, total: names.length })
    const n = net.nodes.size
    const sums = new Map<number, number>()
    names.forEach((name, k) => {
      const g = net.findRelation(name)!
      for (let e = 0; e < g.m; e++) {
        const s = g.tieSource[e]!
        const t = g.tieTarget[e]!
        const id = net.directed || s < t ? s * n + t : t * n + s
        sums.set(id, (sums.get(id) ?? 0) + g.tieWeight[e]!)
      }
      progress({ stage: 'merge', done: k + 1, total: names.length })
    })
    const source = new Int32Array(sums.size)
    const target = new Int32Array(sums.size)
    const weight = new Float64Array(sums.size)
    let e = 0
    for (const [id, w] of sums) {
      source[e] = Math.floor(id / n)
      target[e] = id % n
      weight[e++] = w
    }
    const g = new Graph({
      directed: net.directed,
      nodes: net.nodes,
      relation: names.join('+'),
      tieSource: source,
      tieTarget: target,
      tieWeight: weight,
      twoModeRows: net.twoModeRows,
    })
    entry.graphs.set(cacheKey, g)
    return g
  }

  analyse(req: Extract<Request, { kind: 'analyse' }>, progress: ProgressFn = () => {}): AnalysisData {
    const net = this.#entry(req.key).network
    const g = this.graph(req.key, req.relations, progress)
    const notes: AnalysisNote[] = []
    const all: string[] = [...NODE_MEASURES, ...NETWORK_MEASURES]
    let measures = req.measures && req.measures.length > 0 ? [...req.measures] : all
    const work = g.n * (g.n + g.m) * (g.weighted ? 2 : 1)
    let betweenness: Float64Array | undefined
    if (work > this.#pathWorkLimit) {
      const paths = new Set([
        'closeness',
        'harmonicCloseness',
        'outCloseness',
        'outHarmonicCloseness',
        'diameter',
        'averageGeodesicDistance',
        'closenessCentralization',
        'weightedBetweenness',
        'weightedBetweennessNormalized',
        'weightedCloseness',
      ])
      const dropped = measures.filter((m) => paths.has(m))
      measures = measures.filter((m) => !paths.has(m))
      if (dropped.length > 0) notes.push({ code: 'pathMeasuresSkipped', nodes: g.n, ties: g.m })
      if (measures.some((m) => m.startsWith('betweenness'))) {
        const a = approximateBetweenness(g, {
          epsilon: APPROXIMATE_EPSILON,
          onProgress: (done, total) => progress({ stage: 'approximateBetweenness', done, total }),
        })
        betweenness = a.values
        notes.push({
          code: 'approximateBetweenness',
          epsilon: a.epsilon,
          errorBound: a.errorBound,
          samples: a.samples,
        })
      }
    }
    progress({ stage: 'measures', done: 0, total: 1 })
    const a = analyze(g, {
      measures,
      betweenness: betweenness ? { paths: betweenness } : undefined,
      onProgress: (label, done, total) =>
        progress({ stage: label === 'paths' ? 'paths' : 'weightedPaths', done, total }),
    })
    progress({ stage: 'measures', done: 1, total: 1 })
    const nodes: Record<string, Float64Array> = {}
    for (const k of NODE_MEASURES) {
      const col = a.nodes[k]
      if (col) nodes[k] = col instanceof Float64Array ? col : Float64Array.from(col)
    }
    let groups: AnalysisData['groups'] = null
    const column = req.attribute !== undefined ? net.nodes.attribute(req.attribute) : undefined
    if (column) {
      progress({ stage: 'groups', done: 0, total: 1 })
      const { membership } = groupsOf(column)
      const ei = eiIndex(g, membership)
      groups = {
        attribute: req.attribute!,
        ei: finiteOrNull(ei.ei),
        external: ei.external,
        internal: ei.internal,
        modularity: finiteOrNull(modularity(g, membership)),
      }
    }
    let xy: Float64Array | null = null
    if (req.layout) {
      progress({ stage: 'layout', done: 0, total: 1 })
      xy = layout(g, { seed: 1 })
      progress({ stage: 'layout', done: 1, total: 1 })
    }
    const network: Record<string, number> = {}
    for (const [k, v] of Object.entries(a.network)) if (v !== undefined) network[k] = v
    return {
      key: req.key,
      relations: req.relations && req.relations.length > 0 ? [...req.relations] : net.relationNames(),
      directed: g.directed,
      weighted: g.weighted,
      network,
      nodes,
      groups,
      layout: xy,
      notes,
    }
  }

  structure(req: Extract<Request, { kind: 'structure' }>, progress: ProgressFn = () => {}): Record<string, unknown> {
    const net = this.#entry(req.key).network
    const g = this.graph(req.key, req.relations, progress)
    const o = req.options ?? {}
    const num = (k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined)
    progress({ stage: 'structure', done: 0, total: 1 })
    let out: Record<string, unknown>
    switch (req.report) {
      case 'subgroups':
        out = subgroupsReport(g, {
          minSize: num('minSize'),
          n: num('n'),
          k: num('k'),
          factions: num('factions'),
          seed: num('seed'),
        })
        break
      case 'positions':
        out = positionsReport(g, { depth: num('depth'), seed: num('seed') })
        break
      case 'corePeriphery': {
        const cp = corePeripheryPartition(g, { seed: num('seed') ?? 1 })
        const cc = continuousCoreness(g)
        const ids = g.nodes.ids
        out = {
          core: ids.filter((_, i) => cp.core[i] === 1),
          periphery: ids.filter((_, i) => cp.core[i] === 0),
          fit: finiteOrNull(cp.fit),
          coreness: Object.fromEntries(ids.map((id, i) => [id, finiteOrNull(cc.coreness[i])])),
        }
        break
      }
      case 'ego':
        if (typeof o.id !== 'string') throw new RangeError('the ego report needs the actor\'s "id"')
        out = egoReport(g, o.id)
        break
      case 'keyPlayers':
        out = keyPlayersReport(g, num('k') ?? 2, {
          goal: o.goal === 'reach' ? 'reach' : 'fragment',
          seed: num('seed'),
        })
        break
      case 'connectivity':
        out = connectivityReport(g, { steps: num('steps') })
        break
      case 'ei': {
        const name = typeof o.attribute === 'string' ? o.attribute : 'sector'
        const column = net.nodes.attribute(name)
        if (!column) throw new RangeError(`the actors have no attribute "${name}"`)
        out = eiReport(g, column, { seed: num('seed'), permutations: num('permutations') })
        break
      }
    }
    progress({ stage: 'structure', done: 1, total: 1 })
    return out
  }

  whatIf(req: Extract<Request, { kind: 'whatIf' }>, progress: ProgressFn = () => {}): WhatIfData {
    const net = this.#entry(req.key).network
    const g = this.graph(req.key, req.relations, progress)
    const node = (id: string, what: string): number => {
      const i = g.nodes.find(id)
      if (i === undefined) throw new RangeError(`${what}: no actor "${id}" in the network`)
      return i
    }
    const tie = ([s, t]: [string, string], what: string): TieChange => ({
      source: node(s, what),
      target: node(t, what),
    })
    let membership: Int32Array | undefined
    if (req.attribute !== undefined) {
      const col = net.nodes.attribute(req.attribute)
      if (col) membership = groupsOf(col).membership
    }
    progress({ stage: 'whatIf', done: 0, total: 3 })
    const r = whatIf(
      g,
      {
        add: (req.add ?? []).map((t) => tie(t, 'add')),
        remove: (req.remove ?? []).map((t) => tie(t, 'remove')),
        removeNodes: (req.removeActors ?? []).map((id) => node(id, 'remove actor')),
      },
      membership,
    )
    progress({ stage: 'whatIf', done: 1, total: 3 })
    const before = analysisToJson(g, analyze(g)).nodes
    progress({ stage: 'whatIf', done: 2, total: 3 })
    const after = analysisToJson(r.graph, analyze(r.graph)).nodes
    progress({ stage: 'whatIf', done: 3, total: 3 })
    const measures = r.measures.map((m) => ({ ...m }))
    if (membership) {
      const b = finiteOrNull(r.before.eiIndex ?? undefined)
      const a = finiteOrNull(r.after.eiIndex ?? undefined)
      measures.push({ key: 'eiIndex' as never, before: b, after: a, change: b !== null && a !== null ? a - b : null })
    }
    const nodes: WhatIfData['nodes'] = {}
    for (const id of g.nodes.ids) nodes[id] = { before: before[id]!, after: after[id] ?? null }
    return { measures, nodes, notes: r.notes }
  }
}

function toData(
  key: string,
  name: string | null,
  format: NetworkData['format'],
  network: Network,
  warnings: NetworkData['warnings'],
): NetworkData {
  const rels = network.relations
  let m = 0
  for (const g of rels) m += g.m
  const source = new Int32Array(m)
  const target = new Int32Array(m)
  const weight = new Float64Array(m)
  const relation = new Int32Array(m)
  let e = 0
  rels.forEach((g, r) => {
    for (let k = 0; k < g.m; k++, e++) {
      source[e] = g.tieSource[k]!
      target[e] = g.tieTarget[k]!
      weight[e] = g.tieWeight[k]!
      relation[e] = r
    }
  })
  const nodes = network.nodes
  const attributes: NetworkData['attributes'] = {}
  for (const [k, col] of nodes.attributes) attributes[k] = [...col]
  return {
    key,
    name,
    format,
    directed: network.directed,
    twoModeRows: network.twoModeRows,
    relations: network.relationNames(),
    ids: [...nodes.ids],
    labels: nodes.ids.map((_, i) => nodes.label(i)),
    attributes,
    ties: { source, target, weight, relation },
    warnings: warnings.map((w) => ({ code: w.code, message: w.message, count: w.count, where: w.where })),
  }
}

/** An error as plain data for the page: a reader's ParseError keeps its code and location. */
export function toWorkerError(e: unknown): WorkerError {
  if (isParseError(e)) return { kind: 'parse', message: e.message, code: e.code, where: e.where, detail: e.detail }
  if (e instanceof RangeError) return { kind: 'input', message: e.message }
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) }
}

/** The typed arrays of a result, to transfer rather than copy. */
export function transferables(result: unknown): Transferable[] {
  const out = new Set<ArrayBuffer>()
  const visit = (v: unknown, depth: number): void => {
    if (depth > 3 || v === null || typeof v !== 'object') return
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer)
      return
    }
    for (const x of Object.values(v as Record<string, unknown>)) visit(x, depth + 1)
  }
  visit(result, 0)
  return [...out]
}

/** Throttles progress to about one message per `ms` (always the last of a stage). */
export function throttle(send: ProgressFn, ms = 80, now: () => number = () => Date.now()): ProgressFn {
  let last = -Infinity
  let stage: Stage | null = null
  return (p) => {
    const t = now()
    if (p.stage !== stage || p.done >= p.total || t - last >= ms) {
      last = t
      stage = p.stage
      send(p)
    }
  }
}
