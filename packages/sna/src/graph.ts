// The immutable graph core: compressed sparse rows on typed arrays, string ids mapped to indices.

/** Index of a node in a Graph (0 .. n-1). */
export type NodeIndex = number & { readonly __brand: 'NodeIndex' }

/** A node attribute value: text, number, or missing. */
export type AttributeValue = string | number | null

/**
 * The node set shared by every relation of a network: ids, labels and attribute columns,
 * all indexed by NodeIndex.
 */
export class NodeTable {
  readonly ids: readonly string[]
  readonly labels: readonly (string | null)[]
  /** Attribute columns by name, each with one value per node. */
  readonly attributes: ReadonlyMap<string, readonly AttributeValue[]>
  /** id → index, built on the first lookup (analyses in index space never need it). */
  #index: Map<string, number> | undefined

  constructor(
    ids: readonly string[],
    labels?: readonly (string | null)[],
    attributes?: ReadonlyMap<string, readonly AttributeValue[]>,
  ) {
    this.ids = ids
    this.labels = labels ?? ids.map(() => null)
    this.attributes = attributes ?? new Map()
  }

  get #lookup(): Map<string, number> {
    if (this.#index) return this.#index
    const index = new Map<string, number>()
    for (let i = 0; i < this.ids.length; i++) index.set(this.ids[i]!, i)
    return (this.#index = index)
  }

  get size(): number {
    return this.ids.length
  }

  /** Index of a node id, or undefined. */
  find(id: string): NodeIndex | undefined {
    return this.#lookup.get(id) as NodeIndex | undefined
  }

  /** Index of a node id; throws when the id is unknown. */
  get(id: string): NodeIndex {
    const i = this.#lookup.get(id)
    if (i === undefined) throw new RangeError(`unknown node "${id}"`)
    return i as NodeIndex
  }

  /** Display label: the label when set, else the id. */
  label(i: number): string {
    return this.labels[i] ?? this.ids[i]!
  }

  attribute(name: string): readonly AttributeValue[] | undefined {
    return this.attributes.get(name)
  }
}

/** The arrays a Graph is built from (all ties of one relation). */
export interface GraphArrays {
  directed: boolean
  nodes: NodeTable
  relation: string
  /** Ties in canonical order; undirected ties have source < target. */
  tieSource: Int32Array
  tieTarget: Int32Array
  tieWeight: Float64Array
  /** Self-loop weight per node when self-loops were kept, else null (measures ignore loops). */
  loops?: Float64Array | null
  /** Two-mode graphs: node indices 0 .. rows-1 are the row set, the rest the column set. */
  twoModeRows?: number | null
}

/**
 * An immutable graph over a NodeTable: one relation, directed or undirected, weighted ties,
 * no multi-edges. Adjacency is held as compressed sparse rows sorted by neighbour index:
 * the out-neighbours of u are `outTargets[outOffsets[u] .. outOffsets[u + 1])`.
 * Undirected graphs list every tie in both rows and share the in- and out-arrays.
 *
 * Memory: the rows are the only copy of the ties. When the tie arrays given are in canonical
 * order (the builder's), a directed graph's `tieTarget` and `tieWeight` are its out-rows and its
 * `tieSource` is expanded from `outOffsets` on first use; an undirected graph derives all three
 * from the upper half of its rows on first use (then keeps them). About 24 bytes per tie for
 * an undirected graph and 28 for a directed one, plus the node table.
 */
export class Graph {
  readonly directed: boolean
  readonly nodes: NodeTable
  readonly relation: string
  /** Number of nodes. */
  readonly n: number
  /** Number of ties (arcs if directed, edges if undirected). */
  readonly m: number
  /** True when some tie weight differs from 1. */
  readonly weighted: boolean
  readonly loops: Float64Array | null
  readonly twoModeRows: number | null

  // out-adjacency (both directions for undirected graphs)
  readonly outOffsets: Int32Array
  readonly outTargets: Int32Array
  readonly outWeights: Float64Array
  // in-adjacency (the same arrays as out-adjacency for undirected graphs)
  readonly inOffsets: Int32Array
  readonly inSources: Int32Array
  readonly inWeights: Float64Array

  // tie arrays: given (non-canonical input) or derived from the rows on first use
  #tieSource: Int32Array | undefined
  #tieTarget: Int32Array | undefined
  #tieWeight: Float64Array | undefined
  #skeleton: Skeleton | undefined

  constructor(a: GraphArrays) {
    this.directed = a.directed
    this.nodes = a.nodes
    this.relation = a.relation
    this.n = a.nodes.size
    this.m = a.tieSource.length
    this.loops = a.loops ?? null
    this.twoModeRows = a.twoModeRows ?? null
    let weighted = false
    for (let e = 0; e < this.m; e++) {
      if (a.tieWeight[e] !== 1) {
        weighted = true
        break
      }
    }
    this.weighted = weighted
    const n = this.n
    const canonical = isCanonical(n, a.tieSource, a.tieTarget, a.directed)
    if (!canonical) {
      // any other order: sort into rows, keep the tie arrays as given
      this.#tieSource = a.tieSource
      this.#tieTarget = a.tieTarget
      this.#tieWeight = a.tieWeight
    }
    if (a.directed) {
      if (canonical) {
        // canonical arcs are the out-rows already: share them
        this.outOffsets = rowOffsets(n, a.tieSource, null)
        this.outTargets = a.tieTarget
        this.outWeights = a.tieWeight
        ;[this.inOffsets, this.inSources, this.inWeights] = transpose(n, a.tieSource, a.tieTarget, a.tieWeight)
      } else {
        ;[this.outOffsets, this.outTargets, this.outWeights] = csr(n, a.tieSource, a.tieTarget, a.tieWeight, false)
        ;[this.inOffsets, this.inSources, this.inWeights] = csr(n, a.tieTarget, a.tieSource, a.tieWeight, false)
      }
    } else {
      ;[this.outOffsets, this.outTargets, this.outWeights] = canonical
        ? symmetricRows(n, a.tieSource, a.tieTarget, a.tieWeight)
        : csr(n, a.tieSource, a.tieTarget, a.tieWeight, true)
      this.inOffsets = this.outOffsets
      this.inSources = this.outTargets
      this.inWeights = this.outWeights
    }
  }

  /** Tie sources in canonical order (undirected: source < target). */
  get tieSource(): Int32Array {
    if (this.#tieSource === undefined) this.#deriveTies()
    return this.#tieSource!
  }

  /** Tie targets in canonical order. */
  get tieTarget(): Int32Array {
    if (this.#tieTarget === undefined) this.#deriveTies()
    return this.#tieTarget!
  }

  /** Tie weights in canonical order. */
  get tieWeight(): Float64Array {
    if (this.#tieWeight === undefined) this.#deriveTies()
    return this.#tieWeight!
  }

  /** The canonical tie arrays from the rows: directed, the out-rows; undirected, the entries v > u of row u. */
  #deriveTies(): void {
    const n = this.n
    const offsets = this.outOffsets
    const source = new Int32Array(this.m)
    if (this.directed) {
      for (let u = 0; u < n; u++) source.fill(u, offsets[u]!, offsets[u + 1]!)
      this.#tieSource = source
      this.#tieTarget = this.outTargets
      this.#tieWeight = this.outWeights
      return
    }
    const target = new Int32Array(this.m)
    const weight = new Float64Array(this.m)
    const targets = this.outTargets
    const weights = this.outWeights
    let k = 0
    for (let u = 0; u < n; u++) {
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = targets[e]!
        if (v <= u) continue
        source[k] = u
        target[k] = v
        weight[k++] = weights[e]!
      }
    }
    this.#tieSource = source
    this.#tieTarget = target
    this.#tieWeight = weight
  }

  /** Number of out-neighbours (undirected: neighbours). */
  outDegree(u: number): number {
    return this.outOffsets[u + 1]! - this.outOffsets[u]!
  }

  /** Number of in-neighbours (undirected: neighbours). */
  inDegree(u: number): number {
    return this.inOffsets[u + 1]! - this.inOffsets[u]!
  }

  /** Index of the tie u→v in the out-rows (binary search), or -1. */
  findTie(u: number, v: number): number {
    let lo = this.outOffsets[u]!
    let hi = this.outOffsets[u + 1]! - 1
    const t = this.outTargets
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const x = t[mid]!
      if (x === v) return mid
      if (x < v) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  hasTie(u: number, v: number): boolean {
    return this.findTie(u, v) >= 0
  }

  /** Weight of the tie u→v, or 0 when there is none. */
  weight(u: number, v: number): number {
    const e = this.findTie(u, v)
    return e < 0 ? 0 : this.outWeights[e]!
  }

  /**
   * The undirected skeleton (u–v adjacent iff u→v or v→u), sorted rows, with `mult[e]` =
   * a_uv + a_vu in binary terms (1 or 2 for directed graphs, 2 for undirected ones).
   * Computed once and cached.
   */
  skeleton(): Skeleton {
    if (this.#skeleton) return this.#skeleton
    this.#skeleton = this.directed ? buildSkeleton(this) : undirectedSkeleton(this)
    return this.#skeleton
  }

  /** Maps a per-node array to an object keyed by node id (for results that leave the library). */
  label<T>(values: ArrayLike<T>): Record<string, T> {
    const out: Record<string, T> = {}
    for (let i = 0; i < this.n; i++) out[this.nodes.ids[i]!] = values[i]!
    return out
  }
}

/**
 * True when the ties are in the builder's canonical order: sorted by source, then target, no
 * repeats, every index in 0 .. n-1, and (undirected) source < target.
 */
function isCanonical(n: number, s: Int32Array, t: Int32Array, directed: boolean): boolean {
  const m = s.length
  if (t.length !== m) return false
  let ps = -1
  let pt = -1
  for (let e = 0; e < m; e++) {
    const u = s[e]!
    const v = t[e]!
    if (u < ps || (u === ps && v <= pt) || u < 0 || u >= n || v < 0 || v >= n) return false
    if (!directed && u >= v) return false
    ps = u
    pt = v
  }
  return true
}

/** Row offsets from the row index of every entry (entries need not be grouped: counts only). */
function rowOffsets(n: number, a: Int32Array, b: Int32Array | null): Int32Array {
  const offsets = new Int32Array(n + 1)
  for (let e = 0; e < a.length; e++) offsets[a[e]! + 1]!++
  if (b) for (let e = 0; e < b.length; e++) offsets[b[e]! + 1]!++
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!
  return offsets
}

/**
 * In-rows of canonical arcs in one pass: arcs come sorted by source, so appending each source
 * to its target's row leaves every row sorted.
 */
function transpose(n: number, s: Int32Array, t: Int32Array, w: Float64Array): [Int32Array, Int32Array, Float64Array] {
  const m = s.length
  const offsets = rowOffsets(n, t, null)
  const pos = offsets.slice(0, n)
  const sources = new Int32Array(m)
  const weights = new Float64Array(m)
  for (let e = 0; e < m; e++) {
    const p = pos[t[e]!]!++
    sources[p] = s[e]!
    weights[p] = w[e]!
  }
  return [offsets, sources, weights]
}

/**
 * Both rows of every canonical edge (u < v, sorted) in one pass: row u receives its lower
 * neighbours (from edges w–u, w < u, which come first) in increasing order, then its upper ones.
 */
function symmetricRows(
  n: number,
  s: Int32Array,
  t: Int32Array,
  w: Float64Array,
): [Int32Array, Int32Array, Float64Array] {
  const m = s.length
  const offsets = rowOffsets(n, s, t)
  const pos = offsets.slice(0, n)
  const targets = new Int32Array(2 * m)
  const weights = new Float64Array(2 * m)
  for (let e = 0; e < m; e++) {
    const u = s[e]!
    const v = t[e]!
    const x = w[e]!
    const p = pos[u]!++
    targets[p] = v
    weights[p] = x
    const q = pos[v]!++
    targets[q] = u
    weights[q] = x
  }
  return [offsets, targets, weights]
}

/** The undirected view of a graph used by clustering, cores, cliques and structural holes. */
export interface Skeleton {
  offsets: Int32Array
  targets: Int32Array
  /** a_uv + a_vu (binary): 2 for a reciprocated or undirected tie, 1 for a one-way arc. */
  mult: Uint8Array
}

function undirectedSkeleton(g: Graph): Skeleton {
  const mult = new Uint8Array(g.outTargets.length).fill(2)
  return { offsets: g.outOffsets, targets: g.outTargets, mult }
}

function buildSkeleton(g: Graph): Skeleton {
  const n = g.n
  const offsets = new Int32Array(n + 1)
  // a row of the skeleton = merge of the sorted out-row and in-row
  for (let u = 0; u < n; u++) {
    let i = g.outOffsets[u]!
    const ie = g.outOffsets[u + 1]!
    let j = g.inOffsets[u]!
    const je = g.inOffsets[u + 1]!
    let c = 0
    while (i < ie || j < je) {
      const a = i < ie ? g.outTargets[i]! : 0x7fffffff
      const b = j < je ? g.inSources[j]! : 0x7fffffff
      if (a === b) {
        i++
        j++
      } else if (a < b) i++
      else j++
      c++
    }
    offsets[u + 1] = offsets[u]! + c
  }
  const targets = new Int32Array(offsets[n]!)
  const mult = new Uint8Array(offsets[n]!)
  for (let u = 0; u < n; u++) {
    let i = g.outOffsets[u]!
    const ie = g.outOffsets[u + 1]!
    let j = g.inOffsets[u]!
    const je = g.inOffsets[u + 1]!
    let k = offsets[u]!
    while (i < ie || j < je) {
      const a = i < ie ? g.outTargets[i]! : 0x7fffffff
      const b = j < je ? g.inSources[j]! : 0x7fffffff
      if (a === b) {
        targets[k] = a
        mult[k++] = 2
        i++
        j++
      } else if (a < b) {
        targets[k] = a
        mult[k++] = 1
        i++
      } else {
        targets[k] = b
        mult[k++] = 1
        j++
      }
    }
  }
  return { offsets, targets, mult }
}

/** Builds CSR rows from tie arrays, rows sorted by neighbour index (counting sort, two passes). */
function csr(
  n: number,
  from: Int32Array,
  to: Int32Array,
  w: Float64Array,
  both: boolean,
): [Int32Array, Int32Array, Float64Array] {
  const m = from.length
  const size = both ? 2 * m : m
  const offsets = new Int32Array(n + 1)
  // sort by (row, neighbour): first bucket by neighbour, then stable-bucket by row
  for (let e = 0; e < m; e++) {
    offsets[from[e]! + 1]!++
    if (both) offsets[to[e]! + 1]!++
  }
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!
  // counting sort by neighbour into a temporary order, then place by row: rows come out sorted
  const byNbr = new Int32Array(n + 1)
  for (let e = 0; e < m; e++) {
    byNbr[to[e]! + 1]!++
    if (both) byNbr[from[e]! + 1]!++
  }
  for (let u = 0; u < n; u++) byNbr[u + 1]! += byNbr[u]!
  const order = new Int32Array(size) // entry k: tie index * 2 + (reversed ? 1 : 0)
  for (let e = 0; e < m; e++) {
    order[byNbr[to[e]!]!++] = e << 1
    if (both) order[byNbr[from[e]!]!++] = (e << 1) | 1
  }
  const targets = new Int32Array(size)
  const weights = new Float64Array(size)
  const pos = offsets.slice(0, n)
  for (let k = 0; k < size; k++) {
    const code = order[k]!
    const e = code >> 1
    const rev = code & 1
    const row = rev ? to[e]! : from[e]!
    const col = rev ? from[e]! : to[e]!
    const p = pos[row]!++
    targets[p] = col
    weights[p] = w[e]!
  }
  return [offsets, targets, weights]
}

/**
 * A network: several named relations (multiplex) over one node set, all directed or all
 * undirected. A one-relation network is the common case.
 */
export class Network {
  readonly nodes: NodeTable
  readonly directed: boolean
  readonly relations: readonly Graph[]
  readonly twoModeRows: number | null

  constructor(nodes: NodeTable, directed: boolean, relations: readonly Graph[], twoModeRows: number | null = null) {
    if (relations.length === 0) throw new RangeError('a network needs at least one relation')
    this.nodes = nodes
    this.directed = directed
    this.relations = relations
    this.twoModeRows = twoModeRows
  }

  /** The first relation (the network itself when it has only one). */
  get graph(): Graph {
    return this.relations[0]!
  }

  findRelation(name: string): Graph | undefined {
    return this.relations.find((g) => g.relation === name)
  }

  relationNames(): string[] {
    return this.relations.map((g) => g.relation)
  }
}
