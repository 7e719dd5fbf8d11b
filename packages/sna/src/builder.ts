// Builds a Network from nodes and ties with explicit, reported policies for loops, duplicates and unknown nodes.

import { ParseError, type Location, type Warning, type WarningCode, WARNING_CODES } from './errors.js'
import { Graph, Network, NodeTable, type AttributeValue } from './graph.js'
import { TieColumns } from './tieColumns.js'

export interface BuildOptions {
  directed: boolean
  /** What to do with a tie from a node to itself. Default 'drop' (kept loops are ignored by measures). */
  selfLoops?: 'drop' | 'keep' | 'error'
  /** What to do when the same tie appears twice. Default 'sum'. */
  duplicates?: 'sum' | 'max' | 'error'
  /** What to do with a tie naming a node that was not added. Default 'create'. */
  unknownNodes?: 'create' | 'error'
  /** Name of the input, used in warnings and errors. */
  source?: string
  /** Two-mode: the number of row nodes (they must be added first). */
  twoModeRows?: number | null
}

export const BUILD_DEFAULTS = {
  selfLoops: 'drop',
  duplicates: 'sum',
  unknownNodes: 'create',
} as const

export interface BuildResult {
  network: Network
  warnings: Warning[]
}

/**
 * Collects nodes and ties, then builds an immutable Network. Every decision it takes
 * (a dropped loop, merged duplicates, a created node) is returned as a warning.
 *
 * @example
 * const b = new NetworkBuilder({ directed: false })
 * b.addTie('a', 'b'); b.addTie('b', 'c', 2)
 * const { network, warnings } = b.build()
 */
export class NetworkBuilder {
  /** May be changed until build(): some formats state direction after their first ties. */
  directed: boolean
  readonly options: Required<Omit<BuildOptions, 'directed' | 'source' | 'twoModeRows'>> & Pick<BuildOptions, 'source'>
  twoModeRows: number | null
  private readonly ids: string[] = []
  private readonly labels: (string | null)[] = []
  /** id → index; null after addNewNodes until the next lookup rebuilds it. */
  private indexMap: Map<string, number> | null = new Map()
  private readonly attrs = new Map<string, AttributeValue[]>()
  private readonly relations: string[] = []
  private readonly relIndex = new Map<string, number>()
  private readonly ties = new TieColumns()
  private readonly warned = new Map<string, Warning>()
  /** Kept self-loops: relation number → node → summed weight. */
  private readonly loops = new Map<number, Map<number, number>>()
  private declared = false

  constructor(opts: BuildOptions) {
    this.directed = opts.directed
    this.options = {
      selfLoops: opts.selfLoops ?? BUILD_DEFAULTS.selfLoops,
      duplicates: opts.duplicates ?? BUILD_DEFAULTS.duplicates,
      unknownNodes: opts.unknownNodes ?? BUILD_DEFAULTS.unknownNodes,
      source: opts.source,
    }
    this.twoModeRows = opts.twoModeRows ?? null
  }

  get nodeCount(): number {
    return this.ids.length
  }

  /**
   * Adds a node (or returns the existing index). Attributes given here are set on it. Once a
   * node has been added, the node set counts as declared: ties naming other nodes follow the
   * `unknownNodes` policy. Without declared nodes, ties define the node set (an edge list).
   */
  addNode(id: string, attributes?: Record<string, AttributeValue>): number {
    this.declared = true
    return this.createNode(id, attributes)
  }

  private createNode(id: string, attributes?: Record<string, AttributeValue>): number {
    const i = this.index.get(id) ?? this.newNode(id)
    if (attributes) for (const k in attributes) this.setAttribute(i, k, attributes[k] ?? null)
    return i
  }

  /** Adds a node known to be new. */
  private newNode(id: string): number {
    const i = this.ids.length
    this.ids.push(id)
    this.labels.push(null)
    this.index.set(id, i)
    return i
  }

  private get index(): Map<string, number> {
    if (this.indexMap) return this.indexMap
    const map = new Map<string, number>()
    for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i]!, i)
    return (this.indexMap = map)
  }

  /**
   * Adds nodes without looking each up, for a reader that has interned the ids already (by
   * their bytes, say) and so knows they are distinct: they get indices 0, 1, 2, … in order, as
   * ties naming them would have created them. Only for an empty builder; the caller guarantees
   * that the ids are distinct. The id index is built on the next lookup, if there is one:
   * loading an edge list then builds no map at all.
   */
  addNewNodes(ids: readonly string[]): void {
    if (this.ids.length > 0) throw new RangeError('addNewNodes: the builder already has nodes')
    for (const id of ids) {
      this.ids.push(id)
      this.labels.push(null)
    }
    this.indexMap = null
  }

  hasNode(id: string): boolean {
    return this.index.has(id)
  }

  findNode(id: string): number | undefined {
    return this.index.get(id)
  }

  setLabel(i: number, label: string | null): void {
    this.labels[i] = label
  }

  setAttribute(i: number, name: string, value: AttributeValue): void {
    if (name === 'label') {
      this.labels[i] = value === null ? null : String(value)
      return
    }
    let col = this.attrs.get(name)
    if (!col) {
      col = []
      this.attrs.set(name, col)
    }
    col[i] = value
  }

  /** Declares a relation name so that it exists even without ties; returns its number. */
  relation(name: string): number {
    let r = this.relIndex.get(name)
    if (r === undefined) {
      r = this.relations.length
      this.relations.push(name)
      this.relIndex.set(name, r)
    }
    return r
  }

  /** Records a warning (aggregated by code: count and first location). */
  warn(code: WarningCode, where?: Location, message?: string): void {
    const prev = this.warned.get(code)
    if (prev) {
      prev.count++
      return
    }
    this.warned.set(code, {
      code,
      message: message ?? WARNING_CODES[code].en,
      count: 1,
      where: where
        ? { source: this.options.source, ...where }
        : this.options.source
          ? { source: this.options.source }
          : undefined,
    })
  }

  /**
   * Adds a tie by node id (unknown ids follow the `unknownNodes` policy) or by index.
   * A weight of 0 means no tie (it is reported); weights must be finite and >= 0.
   */
  addTie(source: string | number, target: string | number, weight = 1, relation = '', where?: Location): void {
    const s = this.resolve(source, where, 'source')
    const t = this.resolve(target, where, 'target')
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ParseError('E_WEIGHT', this.at(where, 'weight'), `weight must be a number >= 0, got ${String(weight)}`)
    }
    this.addResolved(s, t, weight, this.relation(relation), where)
  }

  /**
   * The node a tie names by id, following the `unknownNodes` policy exactly as `addTie` does
   * (it may create the node, warn or throw), for readers that look each distinct id up once and
   * then add ties by index with `addTieAt`. `line` (1-based, 0 when unknown) goes into warnings.
   */
  tieEnd(id: string, field: 'source' | 'target', line = 0): number {
    const i = this.index.get(id)
    if (i !== undefined) return i
    if (!this.declared) return this.newNode(id)
    return this.resolve(id, line > 0 ? { line } : undefined, field)
  }

  /** Makes room for `count` more ties, so that a reader that knows how many are coming grows the columns once. */
  reserveTies(count: number): void {
    const T = this.ties
    const size = T.length + Math.max(0, Math.floor(count))
    if (size <= T.src.length) return
    const to = <A extends Int32Array | Float64Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(size)
      b.set(a.subarray(0, T.length))
      return b
    }
    T.src = to(T.src)
    T.dst = to(T.dst)
    T.w = to(T.w)
    T.rel = to(T.rel)
    T.line = to(T.line)
    T.col = to(T.col)
  }

  /**
   * `addTie` for node indices and a relation number (from `relation()`) read at `line`,
   * without a lookup or an object per tie: the inner loop of readers of large files.
   */
  addTieAt(source: number, target: number, weight: number, relation: number, line = 0): void {
    const where = line > 0 ? { line } : undefined
    const s = this.resolve(source, where, 'source')
    const t = this.resolve(target, where, 'target')
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ParseError('E_WEIGHT', this.at(where, 'weight'), `weight must be a number >= 0, got ${String(weight)}`)
    }
    if (!(relation >= 0 && relation < this.relations.length) || !Number.isInteger(relation))
      throw new RangeError(`relation number ${relation} out of range 0..${this.relations.length - 1}`)
    this.addResolved(s, t, weight, relation, where)
  }

  private addResolved(s: number, t: number, weight: number, r: number, where: Location | undefined): void {
    if (weight === 0) {
      this.warn('W_ZERO_WEIGHT', where)
      return
    }
    if (s === t) {
      const policy = this.options.selfLoops
      if (policy === 'error') {
        throw new ParseError(
          'E_SELF_LOOP',
          this.at(where),
          `tie from "${this.ids[s]}" to itself (self-loops are not allowed)`,
        )
      }
      if (policy === 'drop') {
        this.warn('W_SELF_LOOP_DROPPED', where)
        return
      }
      this.warn('W_SELF_LOOP_KEPT', where)
      let byNode = this.loops.get(r)
      if (!byNode) this.loops.set(r, (byNode = new Map()))
      byNode.set(s, (byNode.get(s) ?? 0) + weight)
      return
    }
    this.ties.push(s, t, weight, r, where?.line ?? 0, where?.column ?? 0)
  }

  private at(where: Location | undefined, field?: string): Location {
    const loc: Location = { source: this.options.source, ...where }
    if (field && !loc.field) loc.field = field
    return loc
  }

  private resolve(x: string | number, where: Location | undefined, field: string): number {
    if (typeof x === 'number') {
      if (!Number.isInteger(x) || x < 0 || x >= this.ids.length) {
        throw new ParseError('E_INDEX', this.at(where, field), `node index ${x} out of range 0..${this.ids.length - 1}`)
      }
      return x
    }
    const i = this.index.get(x)
    if (i !== undefined) return i
    if (!this.declared) return this.createNode(x)
    if (this.options.unknownNodes === 'error') {
      throw new ParseError('E_UNKNOWN_NODE', this.at(where, field), `unknown node "${x}"`)
    }
    this.warn('W_NODE_CREATED', where, `nodes created for ties naming nodes that were not declared (first: "${x}")`)
    return this.createNode(x)
  }

  /** Builds the network; throws ParseError for a duplicate tie when duplicates = 'error'. */
  build(): BuildResult {
    const n = this.ids.length
    const attributes = new Map<string, AttributeValue[]>()
    for (const [name, col] of this.attrs) {
      const full: AttributeValue[] = new Array(n)
      for (let i = 0; i < n; i++) full[i] = col[i] ?? null
      attributes.set(name, full)
    }
    const nodes = new NodeTable(this.ids.slice(), this.labels.slice(), attributes)
    if (this.relations.length === 0) this.relation('')
    const graphs: Graph[] = []
    for (let r = 0; r < this.relations.length; r++) graphs.push(this.buildRelation(r, nodes))
    const network = new Network(nodes, this.directed, graphs, this.twoModeRows)
    return { network, warnings: [...this.warned.values()] }
  }

  private buildRelation(r: number, nodes: NodeTable): Graph {
    const kept = this.loops.get(r)
    const loops = kept ? new Float64Array(nodes.size) : null
    if (loops && kept) for (const [i, w] of kept) loops[i] = w
    const T = this.ties
    const n = nodes.size
    const directed = this.directed
    const all = this.relations.length === 1
    // the ties of this relation as canonical pairs (a, b): directed as given, undirected a < b;
    // sorted by (a, b, k) with two stable counting sorts (by b, then by a), so that duplicates
    // sit together with the first listed first, in O(ties) whatever the input order
    const rowCount = new Int32Array(n + 1)
    const colCount = new Int32Array(n + 1)
    let count = 0
    for (let k = 0; k < T.length; k++) {
      if (!all && T.rel[k] !== r) continue
      const s = T.src[k]!
      const t = T.dst[k]!
      const lo = directed || s < t
      rowCount[(lo ? s : t) + 1]!++
      colCount[(lo ? t : s) + 1]!++
      count++
    }
    for (let u = 0; u < n; u++) {
      rowCount[u + 1]! += rowCount[u]!
      colCount[u + 1]! += colCount[u]!
    }
    const byCol = new Int32Array(count)
    for (let k = 0; k < T.length; k++) {
      if (!all && T.rel[k] !== r) continue
      const s = T.src[k]!
      const t = T.dst[k]!
      byCol[colCount[directed || s < t ? t : s]!++] = k
    }
    const sorted = new Int32Array(count)
    const pos = rowCount.slice(0, n)
    for (let i = 0; i < count; i++) {
      const k = byCol[i]!
      const s = T.src[k]!
      const t = T.dst[k]!
      sorted[pos[directed || s < t ? s : t]!++] = k
    }
    // merge duplicates
    const outS = new Int32Array(count)
    const outT = new Int32Array(count)
    const outW = new Float64Array(count)
    let m = 0
    const dup = this.options.duplicates
    for (let u = 0; u < n; u++) {
      const lo = rowCount[u]!
      const hi = rowCount[u + 1]!
      for (let p = lo; p < hi; p++) {
        const k = sorted[p]!
        const s = T.src[k]!
        const t = T.dst[k]!
        const v = directed || s < t ? t : s
        const w = T.w[k]!
        if (p > lo && outT[m - 1] === v) {
          if (dup === 'error') {
            const line = T.line[k]!
            throw new ParseError(
              'E_DUPLICATE_TIE',
              { source: this.options.source, ...(line ? { line } : {}) },
              `tie ${this.ids[u]} ${this.directed ? '->' : '--'} ${this.ids[v]} listed twice${this.relations[r] ? ` in relation "${this.relations[r]}"` : ''}`,
            )
          }
          const line = T.line[k]!
          if (dup === 'sum') {
            outW[m - 1]! += w
            this.warn('W_DUPLICATE_SUMMED', line ? { line } : undefined)
          } else {
            if (w > outW[m - 1]!) outW[m - 1] = w
            this.warn('W_DUPLICATE_MAX', line ? { line } : undefined)
          }
          continue
        }
        outS[m] = u
        outT[m] = v
        outW[m] = w
        m++
      }
    }
    const fit = <A extends Int32Array | Float64Array>(x: A): A => (m === count ? x : (x.slice(0, m) as A))
    return new Graph({
      directed,
      nodes,
      relation: this.relations[r]!,
      tieSource: fit(outS),
      tieTarget: fit(outT),
      tieWeight: fit(outW),
      loops,
      twoModeRows: this.twoModeRows,
    })
  }
}

/** Builds a one-relation network from "a-b b-c" style text: the shortest way to write a test graph. */
export function edges(spec: string, opts: { directed?: boolean } = {}): Graph {
  const b = new NetworkBuilder({ directed: opts.directed ?? false })
  for (const part of spec.trim().split(/\s+/)) {
    if (!part) continue
    const m = /^([^-:>]+)(-|->)([^-:>]+)(?::([0-9.]+))?$/.exec(part)
    if (!m) {
      b.addNode(part)
      continue
    }
    b.addTie(m[1]!, m[3]!, m[4] ? Number(m[4]) : 1)
  }
  return b.build().network.graph
}
