// GraphML reader and writer (keys with types and defaults, node attributes, edge weights and relations, mixed direction).

import { NetworkBuilder } from '../builder.js'
import { ParseError, type Location, type Warning } from '../errors.js'
import type { AttributeValue, Graph, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import { parseInteger, parseNumber, truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'
import { decodeXml, escapeXmlAttr, escapeXmlText, XML_END, XML_EOF, XML_START, XmlReader } from './xml.js'

// ---------------------------------------------------------------------------------------------
// Shared by the GraphML and GEXF readers and writers

interface PendingTie {
  source: string
  target: string
  weight: number
  relation: string
  directed: boolean
  line: number
  column: number
}

/**
 * Collects the ties of an XML graph format for a NetworkBuilder: edges may name nodes declared
 * later in the file (resolved at the end, then the unknown-node policy applies), and edges may
 * carry their own direction. A graph with any directed edge is directed; its undirected edges
 * then become arcs both ways (reported as W_DIRECTION). A fixed direction (ReadOptions.directed)
 * overrides all that: every edge is then read as one tie source → target.
 */
export class XmlTies {
  /** True once an edge said it is directed. */
  anyDirected = false
  private readonly loc: Location = { line: 0, column: 0 }
  private readonly pending: PendingTie[] = []
  // undirected ties, kept in case the graph turns out directed (plain arrays: no object per tie)
  private readonly uS: number[] = []
  private readonly uT: number[] = []
  private readonly uW: number[] = []
  private readonly uRel: string[] = []
  private readonly uLine: number[] = []
  private sawTie = false

  constructor(
    private readonly b: NetworkBuilder,
    private readonly policy: 'create' | 'error',
    private readonly fixed: boolean | undefined,
    private readonly source: string | undefined,
  ) {}

  /** Adds one edge of the file (weight already checked). */
  add(
    source: string,
    target: string,
    weight: number,
    relation: string,
    directed: boolean,
    line: number,
    column: number,
  ): void {
    this.sawTie = true
    if (directed) this.anyDirected = true
    const s = this.b.findNode(source)
    const t = this.b.findNode(target)
    if (s === undefined || t === undefined) {
      this.pending.push({ source, target, weight, relation, directed, line, column })
      return
    }
    this.emit(s, t, weight, relation, directed, line, column)
  }

  /** True when at least one edge was read. */
  get hasTies(): boolean {
    return this.sawTie
  }

  private emit(s: number, t: number, w: number, rel: string, directed: boolean, line: number, column: number): void {
    this.loc.line = line
    this.loc.column = column
    this.b.addTie(s, t, w, rel, this.loc)
    if (!directed && this.fixed === undefined && s !== t && w !== 0) {
      this.uS.push(s)
      this.uT.push(t)
      this.uW.push(w)
      this.uRel.push(rel)
      this.uLine.push(line)
    }
  }

  private resolve(id: string, p: PendingTie, field: 'source' | 'target'): number {
    const i = this.b.findNode(id)
    if (i !== undefined) return i
    const where: Location = { source: this.source, line: p.line, column: p.column, field }
    if (this.policy === 'error')
      throw new ParseError('E_UNKNOWN_NODE', where, `the edge names node "${truncate(id)}", which no <node> declares`)
    this.b.warn(
      'W_NODE_CREATED',
      where,
      `nodes created for edges naming nodes that were not declared (first: "${truncate(id)}")`,
    )
    return this.b.addNode(id)
  }

  /** Resolves forward references and sets the direction of the builder. */
  finish(defaultDirected: boolean): void {
    for (const p of this.pending) {
      const s = this.resolve(p.source, p, 'source')
      const t = this.resolve(p.target, p, 'target')
      this.emit(s, t, p.weight, p.relation, p.directed, p.line, p.column)
    }
    if (this.fixed !== undefined) {
      this.b.directed = this.fixed
      return
    }
    const directed = defaultDirected || this.anyDirected
    this.b.directed = directed
    if (directed && this.uS.length > 0) {
      this.b.warn(
        'W_DIRECTION',
        { line: this.uLine[0] },
        `the graph has directed edges, so its ${this.uS.length} undirected edge(s) were read as arcs both ways`,
      )
      for (let k = 0; k < this.uS.length; k++) {
        this.loc.line = this.uLine[k]!
        this.loc.column = 0
        this.b.addTie(this.uT[k]!, this.uS[k]!, this.uW[k]!, this.uRel[k]!, this.loc)
      }
    }
  }
}

/** Parses an attribute value: text as is, or a number (xsd INF, -INF and NaN allowed) for numeric types. */
export function typedValue(raw: string, numeric: boolean, where: Location): AttributeValue {
  if (!numeric) return raw
  const t = raw.trim()
  if (t === '') return null
  if (t === 'INF' || t === '+INF') return Infinity
  if (t === '-INF') return -Infinity
  if (t === 'NaN') return NaN
  return parseNumber(t, where, `a number for "${where.field ?? 'the attribute'}"`)
}

/** Parses a tie weight: a number >= 0 (E_NUMBER / E_WEIGHT with the place). */
export function parseWeight(raw: string, where: Location): number {
  const w = parseNumber(raw, where, 'a number as weight')
  if (w < 0) throw new ParseError('E_WEIGHT', where, `weight must be a number >= 0, got "${truncate(raw.trim())}"`)
  return w
}

/** Number as XML Schema writes it (shortest round-trip form; INF, -INF, NaN). */
export function xmlNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return 'INF'
  if (x === -Infinity) return '-INF'
  return Object.is(x, -0) ? '-0' : String(x)
}

/** XML Schema type of an attribute column: string unless every value is a number (or missing). */
export function columnType(col: readonly AttributeValue[]): 'string' | 'int' | 'long' | 'double' {
  let numbers = 0
  let type: 'int' | 'long' | 'double' = 'int'
  for (const v of col) {
    if (v === null || v === undefined) continue
    if (typeof v === 'string') return 'string'
    numbers++
    if (!Number.isInteger(v) || Object.is(v, -0)) type = 'double'
    else if (type === 'int' && (v > 2147483647 || v < -2147483648)) type = Number.isSafeInteger(v) ? 'long' : 'double'
    else if (type === 'long' && !Number.isSafeInteger(v)) type = 'double'
  }
  return numbers === 0 ? 'string' : type
}

/** The relations a writer writes: all, or the one named by opts.relation (E_OPTION when absent). */
export function selectRelations(network: Network, opts: WriteOptions): readonly Graph[] {
  if (opts.relation === undefined) return network.relations
  const g = network.findRelation(opts.relation)
  if (!g) {
    throw new ParseError(
      'E_OPTION',
      { field: 'relation' },
      `no relation "${truncate(opts.relation)}"; the network has ${network
        .relationNames()
        .map((r) => `"${r}"`)
        .join(', ')}`,
    )
  }
  return [g]
}

/** Weight type for the written ties (int when all weights are integers), or null when all are 1. */
export function weightType(graphs: readonly Graph[]): 'int' | 'double' | null {
  let weighted = false
  let integral = true
  const check = (w: number): void => {
    if (w !== 1) weighted = true
    if (!Number.isInteger(w) || w > 2147483647) integral = false
  }
  for (const g of graphs) for (let e = 0; e < g.m; e++) check(g.tieWeight[e]!)
  for (const g of graphs) if (g.loops) for (let i = 0; i < g.loops.length; i++) if (g.loops[i] !== 0) check(g.loops[i]!)
  return weighted ? (integral ? 'int' : 'double') : null
}

// ---------------------------------------------------------------------------------------------
// GraphML

interface Key {
  id: string
  name: string
  numeric: boolean
  forNode: boolean
  forEdge: boolean
  /** yFiles graphics and other XML-valued keys: ignored. */
  ignored: boolean
  def: string | null
  index: number
  line: number
  column: number
  for: string
}

const NUMERIC_TYPES = new Set(['int', 'long', 'float', 'double'])

/**
 * Opens an XML network document: decodes it, checks the root element and makes the builder
 * (direction decided later from the file; undeclared nodes are an error unless asked otherwise).
 */
export function openXmlNetwork(
  input: string | Uint8Array,
  opts: ReadOptions,
  root: string,
  title: string,
): { x: XmlReader; b: NetworkBuilder; encWarnings: Warning[] } {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeXml(input, source)
  if (text.trim() === '')
    throw new ParseError('E_EMPTY', { source }, `the input is empty (expected a ${title} document)`)
  const x = new XmlReader(text, source)
  if (x.next() !== XML_START || x.name !== root) {
    throw new ParseError(
      'E_FORMAT',
      { source, line: x.line, column: x.column },
      `expected a <${root}> root element, got <${x.qname}>`,
    )
  }
  const b = new NetworkBuilder({
    directed: false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: opts.unknownNodes ?? 'error',
    source,
  })
  return { x, b, encWarnings }
}

/**
 * Reads GraphML. Keys (`<key id for attr.name attr.type>` with an optional `<default>`) give:
 * the node label (attr.name `label`), node attributes (int/long/float/double as numbers,
 * string/boolean as text; a key's default fills nodes without a value), the tie weight (edge
 * key named `weight` in any case; default 1 or the key's default) and the relation (edge key
 * named `relation` in any case; one relation per value). Other edge keys such as `label` or
 * `type` are not kept (W_ATTRIBUTE): they are usually per-edge display labels, not relations.
 * Direction comes from `edgedefault` (missing: undirected, W_DIRECTION) and per-edge
 * `directed`; a graph with any directed edge is directed and its undirected edges become arcs
 * both ways (W_DIRECTION). `opts.directed` overrides the file: every edge is then one tie
 * source → target. Edges may name nodes declared later; nodes never declared are an error
 * E_UNKNOWN_NODE unless `opts.unknownNodes` is 'create'. Only the first `<graph>` is read;
 * nested graphs, hyperedges, ports and XML-valued data (yFiles graphics) are skipped (W_IGNORED).
 * A graph-level key `twoModeRows` (written by writeGraphml) marks a two-mode network; with
 * `opts.twoMode` and no such key, rows are the nodes whose `mode` attribute equals the first
 * node's (else the nodes that send ties), see asTwoMode.
 *
 * @example
 * const { network, warnings } = readGraphml(bytes, { source: 'network.graphml' })
 */
export function readGraphml(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { x, b, encWarnings } = openXmlNetwork(input, opts, 'graphml', 'GraphML')
  const keys = new Map<string, Key>()
  const keyList: Key[] = []
  let graphSeen = false
  let twoModeRows: number | null = null
  const whereAt = (line: number, column: number, field: string): Location => ({ source, line, column, field })
  const at = (field?: string): Location => ({ source, line: x.line, column: x.column, ...(field ? { field } : {}) })
  const ignore = (what: string): void => {
    b.warn('W_IGNORED', { line: x.line, column: x.column }, `ignored: ${what}`)
    x.skipElement()
  }

  const readKey = (): void => {
    const id = x.attr('id')
    if (id === undefined) throw new ParseError('E_FORMAT', at('id'), '<key> has no id attribute')
    if (keys.has(id)) throw new ParseError('E_FORMAT', at('id'), `key "${truncate(id)}" is declared twice`)
    const domain = x.attr('for') ?? 'all'
    const type = (x.attr('attr.type') ?? 'string').toLowerCase()
    const key: Key = {
      id,
      name: x.attr('attr.name') ?? id,
      numeric: NUMERIC_TYPES.has(type),
      forNode: domain === 'node' || domain === 'all',
      forEdge: domain === 'edge' || domain === 'all',
      ignored: x.attr('yfiles.type') !== undefined,
      def: null,
      index: keyList.length,
      line: x.line,
      column: x.column,
      for: domain,
    }
    keys.set(id, key)
    keyList.push(key)
    while (x.next() !== XML_END) {
      if (x.event !== XML_START) continue
      if (x.name === 'default') {
        key.def = x.readText()
        if (x.hadChildren) key.ignored = true
      } else x.skipElement()
    }
  }

  const dataKey = (): Key => {
    const k = x.attr('key')
    if (k === undefined) throw new ParseError('E_FORMAT', at('key'), '<data> has no key attribute')
    const key = keys.get(k)
    if (!key)
      throw new ParseError(
        'E_FORMAT',
        at('key'),
        `<data> refers to key "${truncate(k)}", which no <key> declares (keys must come before the graph)`,
      )
    return key
  }

  const readGraph = (): void => {
    const ed = x.attr('edgedefault')
    let defaultDirected = false
    if (ed === 'directed') defaultDirected = true
    else if (ed === undefined) b.warn('W_DIRECTION', at(), 'the graph has no edgedefault: read as undirected')
    else if (ed !== 'undirected')
      throw new ParseError(
        'E_FORMAT',
        at('edgedefault'),
        `edgedefault must be "directed" or "undirected", got "${truncate(ed)}"`,
      )
    const ties = new XmlTies(b, opts.unknownNodes ?? 'error', opts.directed, source)
    // per-node bookkeeping of which keys were given (stamps avoid a set per node)
    const stamp = new Int32Array(keyList.length)
    let nodeNo = 0
    const nodeDefaults = keyList.filter((k) => k.forNode && k.def !== null && !k.ignored)
    const nodeDefaultValues = nodeDefaults.map((k) =>
      k.name === 'label'
        ? k.def
        : typedValue(k.def!, k.numeric, { source, line: k.line, column: k.column, field: k.name }),
    )
    let weightDefault = 1
    let relationDefault: string | null = null
    for (const k of keyList) {
      if (!k.forEdge || k.def === null || k.ignored) continue
      const n = k.name.toLowerCase()
      if (n === 'weight') weightDefault = parseWeight(k.def, { source, line: k.line, column: k.column, field: k.name })
      else if (n === 'relation' && relationDefault === null) relationDefault = k.def
    }
    const fallbackRelation = opts.relation ?? ''
    // node keys give attribute columns in key order, also when no node has a value
    for (const k of keyList) if (k.for === 'node' && !k.ignored && k.name !== 'label') b.setAttribute(0, k.name, null)

    const readNode = (): void => {
      const id = x.attr('id')
      if (id === undefined) throw new ParseError('E_FORMAT', at('id'), '<node> has no id attribute')
      if (b.hasNode(id)) throw new ParseError('E_DUPLICATE_NODE', at('id'), `node "${truncate(id)}" is declared twice`)
      const i = b.addNode(id)
      nodeNo++
      while (x.next() !== XML_END) {
        if (x.event !== XML_START) continue
        const name = x.name
        if (name === 'data') {
          const key = dataKey()
          const where = at(key.name)
          const raw = x.readText()
          if (key.ignored || x.hadChildren) {
            b.warn('W_IGNORED', where, `ignored: XML-valued data (key "${truncate(key.id)}", e.g. yFiles graphics)`)
            continue
          }
          stamp[key.index] = nodeNo
          if (key.name === 'label') b.setLabel(i, raw)
          else b.setAttribute(i, key.name, typedValue(raw, key.numeric, where))
        } else if (name === 'desc') x.skipElement()
        else if (name === 'graph') ignore('nested graphs (only the top-level graph is read)')
        else if (name === 'port') ignore('ports')
        else ignore(`<${x.qname}> in a node`)
      }
      for (let k = 0; k < nodeDefaults.length; k++) {
        const key = nodeDefaults[k]!
        if (stamp[key.index] === nodeNo) continue
        const v = nodeDefaultValues[k]!
        if (key.name === 'label') b.setLabel(i, v as string)
        else b.setAttribute(i, key.name, v)
      }
    }

    const readEdge = (): void => {
      const line = x.line
      const column = x.column
      const s = x.attr('source')
      const t = x.attr('target')
      if (s === undefined) throw new ParseError('E_FORMAT', at('source'), '<edge> has no source attribute')
      if (t === undefined) throw new ParseError('E_FORMAT', at('target'), '<edge> has no target attribute')
      const d = x.attr('directed')
      let directed = defaultDirected
      if (d !== undefined) {
        if (d === 'true' || d === '1') directed = true
        else if (d === 'false' || d === '0') directed = false
        else
          throw new ParseError('E_FORMAT', at('directed'), `directed must be "true" or "false", got "${truncate(d)}"`)
      }
      if (x.attr('sourceport') !== undefined || x.attr('targetport') !== undefined) {
        b.warn('W_IGNORED', at(), 'ignored: ports of edges')
      }
      let w = -1
      let rel: string | null = null
      while (x.next() !== XML_END) {
        if (x.event !== XML_START) continue
        const name = x.name
        if (name === 'data') {
          const key = dataKey()
          const dl = x.line
          const dc = x.column
          const raw = x.readText()
          if (key.ignored || x.hadChildren) {
            b.warn(
              'W_IGNORED',
              whereAt(dl, dc, key.name),
              `ignored: XML-valued data (key "${truncate(key.id)}", e.g. yFiles graphics)`,
            )
            continue
          }
          const n = key.name.toLowerCase()
          if (n === 'weight') {
            const v = Number(raw)
            w = v > 0 && v !== Infinity ? v : parseWeight(raw, whereAt(dl, dc, key.name))
          } else if (n === 'relation') rel = raw
          else
            b.warn(
              'W_ATTRIBUTE',
              whereAt(dl, dc, key.name),
              `edge data other than weight and relation is not kept (first: "${truncate(key.name)}")`,
            )
        } else if (name === 'desc') x.skipElement()
        else if (name === 'graph') ignore('nested graphs (only the top-level graph is read)')
        else ignore(`<${x.qname}> in an edge`)
      }
      ties.add(s, t, w < 0 ? weightDefault : w, rel ?? relationDefault ?? fallbackRelation, directed, line, column)
    }

    while (x.next() !== XML_END) {
      if (x.event !== XML_START) continue
      const name = x.name
      if (name === 'node') readNode()
      else if (name === 'edge') readEdge()
      else if (name === 'data') {
        const key = dataKey()
        const where = at(key.name)
        const raw = x.readText()
        if (key.name === 'twoModeRows' && !x.hadChildren) twoModeRows = parseInteger(raw, where, 'a number of rows')
        else b.warn('W_IGNORED', where, `ignored: graph-level data (key "${truncate(key.id)}")`)
      } else if (name === 'desc') x.skipElement()
      else if (name === 'hyperedge') ignore('hyperedges')
      else ignore(`<${x.qname}> in a graph`)
    }
    ties.finish(defaultDirected)
    if (!ties.hasTies) b.relation(relationDefault ?? fallbackRelation)
  }

  while (x.next() !== XML_END) {
    if (x.event !== XML_START) continue
    const name: string = x.name
    if (name === 'key') readKey()
    else if (name === 'graph') {
      if (graphSeen) ignore('graphs after the first')
      else {
        graphSeen = true
        readGraph()
      }
    } else if (name === 'desc') x.skipElement()
    else ignore(`<${x.qname}> in <graphml>`)
  }
  while (x.next() !== XML_EOF) {
    // only comments and white space may follow the root element; the reader checks that
  }
  if (!graphSeen) throw new ParseError('E_FORMAT', { source }, 'the GraphML document has no <graph> element')
  const { network, warnings } = b.build()
  let net = network
  if (twoModeRows !== null && opts.twoMode !== false) {
    const R = twoModeRows
    if (R > network.nodes.size) {
      throw new ParseError(
        'E_FIELD',
        { source, field: 'twoModeRows' },
        `twoModeRows is ${R}, but the graph has ${network.nodes.size} nodes`,
      )
    }
    net = asTwoMode(network, (i) => i < R, { source })
  } else if (opts.twoMode) net = asTwoMode(network, undefined, { source })
  return { network: net, warnings: [...encWarnings, ...warnings] }
}

/**
 * Writes GraphML: keys for the label, every node attribute (attr.type int/long/double when the
 * column holds only numbers, else string), the weight (int or double; left out when every
 * weight is 1), the relation (when there are several relations or one with a name; every edge
 * carries it) and, for two-mode networks, a graph-level `twoModeRows`. `edgedefault` gives the
 * direction. Kept self-loops are written as edges from a node to itself. Reads back with
 * readGraphml to the same network (a column mixing text and numbers reads back as text).
 */
export function writeGraphml(network: Network, opts: WriteOptions = {}): string {
  const graphs = selectRelations(network, opts)
  const nodes = network.nodes
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]
  const hasLabels = nodes.labels.some((l) => l !== null)
  if (hasLabels) out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>')
  const columns: { keyId: string; values: readonly AttributeValue[] }[] = []
  for (const [name, values] of nodes.attributes) {
    if (name === 'label') continue // cannot be told from the label
    const keyId = escapeXmlAttr(`v_${name}`, 'an attribute name')
    out.push(
      `  <key id="${keyId}" for="node" attr.name="${escapeXmlAttr(name, 'an attribute name')}" attr.type="${columnType(values)}"/>`,
    )
    columns.push({ keyId, values })
  }
  const wType = weightType(graphs)
  if (wType) out.push(`  <key id="weight" for="edge" attr.name="weight" attr.type="${wType}"/>`)
  const withRelation = graphs.length > 1 || graphs[0]!.relation !== ''
  if (withRelation) {
    out.push(
      `  <key id="relation" for="edge" attr.name="relation" attr.type="string"><default>${escapeXmlText(graphs[0]!.relation, 'a relation name')}</default></key>`,
    )
  }
  if (network.twoModeRows !== null)
    out.push('  <key id="twoModeRows" for="graph" attr.name="twoModeRows" attr.type="int"/>')
  out.push(`  <graph id="G" edgedefault="${network.directed ? 'directed' : 'undirected'}">`)
  if (network.twoModeRows !== null) out.push(`    <data key="twoModeRows">${network.twoModeRows}</data>`)
  const ids = nodes.ids.map((id) => escapeXmlAttr(id, 'a node id'))
  for (let i = 0; i < nodes.size; i++) {
    const data: string[] = []
    const label = nodes.labels[i]
    if (label !== null && label !== undefined)
      data.push(`      <data key="label">${escapeXmlText(label, 'a label')}</data>`)
    for (const c of columns) {
      const v = c.values[i]
      if (v === null || v === undefined) continue
      data.push(
        `      <data key="${c.keyId}">${typeof v === 'number' ? xmlNumber(v) : escapeXmlText(v, 'an attribute value')}</data>`,
      )
    }
    if (data.length === 0) out.push(`    <node id="${ids[i]}"/>`)
    else out.push(`    <node id="${ids[i]}">`, ...data, '    </node>')
  }
  let k = 0
  const edge = (s: number, t: number, w: number, rel: string | null): void => {
    let body = ''
    if (wType) body += `<data key="weight">${xmlNumber(w)}</data>`
    if (rel !== null) body += `<data key="relation">${rel}</data>`
    out.push(
      body
        ? `    <edge id="e${k++}" source="${ids[s]}" target="${ids[t]}">${body}</edge>`
        : `    <edge id="e${k++}" source="${ids[s]}" target="${ids[t]}"/>`,
    )
  }
  for (const g of graphs) {
    const rel = withRelation ? escapeXmlText(g.relation, 'a relation name') : null
    for (let e = 0; e < g.m; e++) edge(g.tieSource[e]!, g.tieTarget[e]!, g.tieWeight[e]!, rel)
  }
  for (const g of graphs) {
    const loops = g.loops
    if (!loops) continue
    const rel = withRelation ? escapeXmlText(g.relation, 'a relation name') : null
    for (let i = 0; i < loops.length; i++) if (loops[i] !== 0) edge(i, i, loops[i]!, rel)
  }
  out.push('  </graph>', '</graphml>')
  return out.join('\n') + '\n'
}
