// Pajek NET reader and writer: *Vertices, *Arcs/*Edges (and their list forms), *Matrix, several relations, two-mode.

import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import type { Graph, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import { addArcs, isSymmetric, MAX_DECLARED_NODES, SparseArcs, tokenIndex, tokenValue } from './dl.js'
import { decodeText, TokenCursor, truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

type Section = 'none' | 'vertices' | 'arcs' | 'edges' | 'arcslist' | 'edgeslist' | 'matrix' | 'skip'

/** Pajek's edge/arc drawing keywords: what follows them on a tie line is ignored. */
const TIE_ATTRIBUTES = new Set([
  'w',
  'c',
  'p',
  's',
  'a',
  'l',
  'ap',
  'lp',
  'lr',
  'lc',
  'la',
  'lphi',
  'lpos',
  'fos',
  'font',
  'h1',
  'h2',
  'a1',
  'a2',
  'k1',
  'k2',
  'width',
  'color',
  'pattern',
])

/** What the section loop needs to know while reading. */
interface PajekState {
  cur: TokenCursor
  b: NetworkBuilder
  opts: ReadOptions
  /** Number of vertices (-1 before *Vertices) and two-mode rows (null for one-mode). */
  n: number
  rows: number | null
  /** Vertex lines read: number (0-based) → label, null for a line without one. */
  labels: Map<number, string | null>
  section: Section
  store: SparseArcs | null
  stores: Map<string, SparseArcs>
  relationByNumber: Map<number, string>
  hasArcs: boolean
  hasEdges: boolean
  /** The *Matrix being read: its pairs, rows read so far, line of its header and last row. */
  matrix: SparseArcs | null
  matrixRow: number
  matrixLine: number
}

/**
 * Reads a Pajek .net file. `*Vertices N` (two-mode: `*Vertices N R`, the first R vertices are
 * rows) with lines `k "label" [x y z ...]`: the ids are the labels when every vertex has a label
 * and the labels are unique, else the vertex numbers (labels then kept as labels). Ties:
 * `*Arcs` (directed) and `*Edges` (undirected) with `i j [w]` lines, `*Arcslist`/`*Edgeslist`
 * (`i j k ...`), `*Matrix` (N rows of N values; symmetric = edges). Relations: `*Arcs :k "name"`
 * headers or a `k:` prefix on a tie line; unmarked sections form the relation `opts.relation`
 * (default ""). `*Network` lines and `%` comment lines are allowed; keywords are case-insensitive.
 * Coordinates, colours and other drawing attributes are ignored (W_IGNORED).
 *
 * Direction: `opts.directed`, else directed when the file has arcs; a file mixing arcs and edges
 * is directed and its edges become arcs both ways (W_DIRECTION). Read undirected, arcs u→v and
 * v→u are one tie (the larger weight if they differ, W_ASYMMETRIC).
 *
 * Errors: E_FORMAT (data before *Vertices), E_INDEX (vertex number outside 1..N), E_NUMBER,
 * E_COUNT (vertex numbered above N, wrong number of matrix values or rows), E_TRUNCATED.
 *
 * @example
 * const { network } = readPajek('*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2\n2 3 2\n')
 */
export function readPajek(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const cur = new TokenCursor(text, source, false)
  const st: PajekState = {
    cur,
    b: new NetworkBuilder({
      directed: false,
      selfLoops: opts.selfLoops,
      duplicates: opts.duplicates,
      unknownNodes: 'error',
      source,
    }),
    opts,
    n: -1,
    rows: null,
    labels: new Map(),
    section: 'none',
    store: null,
    stores: new Map(),
    relationByNumber: new Map(),
    hasArcs: false,
    hasEdges: false,
    matrix: null,
    matrixRow: 0,
    matrixLine: 0,
  }
  let any = false
  while (cur.next()) {
    any = true
    if (!cur.tokQuoted) {
      const c = cur.tok.charCodeAt(0)
      if (c === 37) {
        // % comment
        cur.skipLine()
        continue
      }
      if (c === 42) {
        endSection(st, false)
        startSection(st)
        continue
      }
    }
    dataLine(st)
  }
  endSection(st, true)
  if (!any) throw new ParseError('E_EMPTY', { source }, 'the input is empty (expected "*Vertices N")')
  if (st.n < 0)
    throw new ParseError(
      'E_FORMAT',
      { source, line: cur.tokLine },
      'no "*Vertices N" line: this is not a Pajek network',
    )
  return finish(st, encWarnings)
}

function startSection(st: PajekState): void {
  const { cur, b } = st
  const raw = cur.tok.slice(1)
  const colon = raw.indexOf(':')
  const word = (colon >= 0 ? raw.slice(0, colon) : raw).toLowerCase()
  const attached = colon >= 0 ? raw.slice(colon) : null // "*Arcs:2"
  switch (word) {
    case 'network':
      if (st.n >= 0)
        throw new ParseError(
          'E_UNSUPPORTED',
          cur.where(),
          'several networks in one file (a Pajek project) are not supported; save one network per .net file',
        )
      cur.skipLine()
      st.section = 'none'
      return
    case 'vertices':
      if (st.section === 'skip' && st.n >= 0) {
        // "*Partition p" / "*Vector v" sections of a project file repeat "*Vertices N": part of the skipped section
        cur.skipLine()
        return
      }
      readVerticesLine(st)
      return
    case 'arcs':
    case 'edges':
    case 'arcslist':
    case 'edgeslist':
    case 'matrix': {
      if (st.n < 0) throw new ParseError('E_FORMAT', cur.where(), `"*${truncate(raw)}" before "*Vertices N"`)
      st.section = word
      st.store = storeFor(st, relationMarker(st, attached))
      if (word === 'arcs' || word === 'arcslist') st.hasArcs = true
      if (word === 'edges' || word === 'edgeslist') st.hasEdges = true
      if (word === 'matrix') {
        st.matrix = new SparseArcs(st.n, b)
        st.matrixRow = 0
        st.matrixLine = cur.tokLine
      }
      return
    }
    default:
      b.warn('W_IGNORED', { line: cur.tokLine }, `section "*${truncate(raw)}" ignored`)
      cur.skipLine()
      st.section = 'skip'
  }
}

function readVerticesLine(st: PajekState): void {
  const { cur, b } = st
  if (st.n >= 0)
    throw new ParseError(
      'E_UNSUPPORTED',
      cur.where(),
      'a second "*Vertices" line: several networks in one file are not supported',
    )
  const line = cur.tokLine
  if (!cur.nextOnLine())
    throw new ParseError('E_HEADER', { source: cur.source, line }, 'expected the number of vertices after "*Vertices"')
  const n = wholeNumber(cur, 'the number of vertices')
  if (n > MAX_DECLARED_NODES)
    throw new ParseError('E_UNSUPPORTED', cur.where(), `${n} vertices; at most ${MAX_DECLARED_NODES} are supported`)
  if (cur.nextOnLine()) {
    const rows = wholeNumber(cur, 'the number of two-mode rows')
    if (rows > n)
      throw new ParseError('E_COUNT', cur.where(), `two-mode rows (${rows}) exceed the number of vertices (${n})`)
    st.rows = rows
    if (cur.nextOnLine()) {
      b.warn('W_IGNORED', { line }, 'extra items after "*Vertices N R" ignored')
      cur.skipLine()
    }
  }
  st.n = n
  st.section = 'vertices'
}

function wholeNumber(cur: TokenCursor, what: string): number {
  const v = !cur.tokQuoted && /^\d+$/.test(cur.tok) ? Number(cur.tok) : NaN
  if (!Number.isSafeInteger(v))
    throw new ParseError('E_NUMBER', cur.where(), `expected ${what}, got "${truncate(cur.tok)}"`)
  return v
}

/** Reads ` :k "name"` after a section keyword; returns the relation name. */
function relationMarker(st: PajekState, attached: string | null): string {
  const { cur, b } = st
  const line = cur.tokLine
  let marker = attached
  if (marker === null && cur.nextOnLine()) {
    if (!cur.tokQuoted && cur.tok.startsWith(':')) marker = cur.tok
    else {
      b.warn('W_IGNORED', { line }, `"${truncate(cur.tok)}" after a section keyword ignored`)
      cur.skipLine()
      return st.opts.relation ?? ''
    }
  }
  if (marker === null) return st.opts.relation ?? ''
  let digits = marker.slice(1)
  if (digits === '') {
    if (!cur.nextOnLine()) throw new ParseError('E_NUMBER', cur.where(), 'expected a relation number after ":"')
    digits = cur.tok
  }
  if (!/^\d+$/.test(digits))
    throw new ParseError('E_NUMBER', cur.where(), `expected a relation number after ":", got "${truncate(digits)}"`)
  const k = Number(digits)
  const name = cur.nextOnLine() ? cur.tok : undefined
  if (!cur.atLineEnd()) {
    b.warn('W_IGNORED', { line }, 'extra items after a relation name ignored')
    cur.skipLine()
  }
  return relationNumbered(st, k, name)
}

function relationNumbered(st: PajekState, k: number, name?: string): string {
  let known = st.relationByNumber.get(k)
  if (known === undefined) {
    known = name ?? String(k)
    st.relationByNumber.set(k, known)
  }
  return known
}

function storeFor(st: PajekState, relation: string): SparseArcs {
  let s = st.stores.get(relation)
  if (!s) {
    s = new SparseArcs(st.n, st.b)
    st.stores.set(relation, s)
  }
  return s
}

/** Ends a section: a *Matrix must be complete, and it counts as edges when symmetric. */
function endSection(st: PajekState, atEnd: boolean): void {
  const m = st.matrix
  if (st.section !== 'matrix' || !m) return
  const expected = st.rows ?? st.n
  if (st.matrixRow < expected) {
    throw new ParseError(
      atEnd ? 'E_TRUNCATED' : 'E_COUNT',
      { source: st.cur.source, line: st.matrixLine },
      `*Matrix: expected ${expected} rows, got ${st.matrixRow}`,
    )
  }
  // a two-mode matrix holds row → column ties: edges
  if (st.rows !== null || isSymmetric(m)) st.hasEdges = true
  else st.hasArcs = true
  const store = st.store!
  m.forEach((s, t, w, line) => store.add(s, t, w, line, 0))
  st.matrix = null
}

function dataLine(st: PajekState): void {
  const { cur } = st
  if (st.n < 0) {
    if (st.section === 'skip') {
      cur.skipLine()
      return
    }
    throw new ParseError('E_FORMAT', cur.where(), `data before "*Vertices N": "${truncate(cur.tok)}"`)
  }
  switch (st.section) {
    case 'vertices':
      vertexLine(st)
      return
    case 'arcs':
    case 'edges':
      tieLine(st, st.section === 'edges')
      return
    case 'arcslist':
    case 'edgeslist':
      listLine(st, st.section === 'edgeslist')
      return
    case 'matrix':
      matrixLine(st)
      return
    default:
      cur.skipLine()
  }
}

function vertexLine(st: PajekState): void {
  const { cur, b } = st
  const v = !cur.tokQuoted && /^\d+$/.test(cur.tok) ? Number(cur.tok) : NaN
  if (!Number.isSafeInteger(v))
    throw new ParseError('E_NUMBER', cur.where(), `expected a vertex number, got "${truncate(cur.tok)}"`)
  if (v < 1) throw new ParseError('E_INDEX', cur.where(), `vertex number ${v} is out of range 1..${st.n}`)
  if (v > st.n)
    throw new ParseError('E_COUNT', cur.where(), `vertex ${v} is listed, but "*Vertices ${st.n}" declares ${st.n}`)
  if (st.labels.has(v - 1)) throw new ParseError('E_DUPLICATE_NODE', cur.where(), `vertex ${v} is listed twice`)
  const line = cur.tokLine
  st.labels.set(v - 1, cur.nextOnLine() ? cur.tok : null)
  if (!cur.atLineEnd()) {
    b.warn('W_IGNORED', { line }, 'vertex coordinates, shapes and colours ignored')
    cur.skipLine()
  }
}

/** A vertex number on a tie line (1..N, returned 0-based). */
function vertex(st: PajekState): number {
  return tokenIndex(st.cur, st.n)
}

/** Adds a tie read from the file (edges are stored in both directions). */
function addTie(
  st: PajekState,
  store: SparseArcs,
  s: number,
  t: number,
  w: number,
  edge: boolean,
  column: number,
): void {
  const { cur } = st
  const line = cur.tokLine
  if (st.rows !== null && s < st.rows === t < st.rows) {
    throw new ParseError(
      'E_FORMAT',
      { source: cur.source, line, column },
      `two-mode network: the tie ${s + 1} - ${t + 1} joins two ${s < st.rows ? 'rows' : 'columns'}`,
    )
  }
  if (w === 0) {
    st.b.warn('W_ZERO_WEIGHT', { line })
    return
  }
  store.add(s, t, w, line, column)
  if (edge && s !== t) store.add(t, s, w, line, column, false)
}

function tieLine(st: PajekState, edge: boolean): void {
  const { cur, b } = st
  const line = cur.tokLine
  let store = st.store!
  if (!cur.tokQuoted && /^\d+:$/.test(cur.tok)) {
    // "k: i j w" — a tie of relation k
    store = storeFor(st, relationNumbered(st, Number(cur.tok.slice(0, -1))))
    if (!cur.nextOnLine())
      throw new ParseError('E_COUNT', { source: cur.source, line }, 'expected "i j [weight]" after the relation number')
  }
  const column = cur.tokColumn
  const s = vertex(st)
  if (!cur.nextOnLine())
    throw new ParseError(
      'E_COUNT',
      { source: cur.source, line },
      'expected "i j [weight]" on a tie line, got one number',
    )
  const t = vertex(st)
  let w = 1
  if (cur.nextOnLine()) {
    if (!cur.tokQuoted && TIE_ATTRIBUTES.has(cur.tok.toLowerCase())) {
      b.warn('W_IGNORED', { line }, 'tie colours, labels and other drawing attributes ignored')
      cur.skipLine()
    } else {
      w = tokenValue(cur)
      if (!cur.atLineEnd()) {
        b.warn('W_IGNORED', { line }, 'tie colours, labels and other drawing attributes ignored')
        cur.skipLine()
      }
    }
  }
  addTie(st, store, s, t, w, edge, column)
}

function listLine(st: PajekState, edge: boolean): void {
  const { cur } = st
  const store = st.store!
  const s = vertex(st)
  while (cur.nextOnLine()) addTie(st, store, s, vertex(st), 1, edge, cur.tokColumn)
}

function matrixLine(st: PajekState): void {
  const { cur } = st
  const m = st.matrix!
  const rows = st.rows ?? st.n
  const base = st.rows ?? 0
  const cols = st.n - base
  const line = cur.tokLine
  if (st.matrixRow >= rows) throw new ParseError('E_COUNT', cur.where(), `*Matrix: more than ${rows} rows`)
  const r = st.matrixRow++
  st.matrixLine = line
  for (let c = 0; ; c++) {
    if (c > 0 && !cur.nextOnLine()) {
      if (c < cols)
        throw new ParseError(
          'E_COUNT',
          { source: cur.source, line },
          `*Matrix row ${r + 1}: expected ${cols} values, got ${c}`,
        )
      break
    }
    if (c >= cols) throw new ParseError('E_COUNT', cur.where(), `*Matrix row ${r + 1}: more than ${cols} values`)
    const w = tokenValue(cur)
    if (w !== 0) m.add(r, base + c, w, line, cur.tokColumn)
  }
}

function finish(st: PajekState, encWarnings: ReadResult['warnings']): ReadResult {
  const { b, opts, n } = st
  let directed = opts.directed
  if (directed === undefined) {
    directed = st.hasArcs
    if (st.hasArcs && st.hasEdges)
      b.warn('W_DIRECTION', undefined, 'the file has both arcs and edges: read as directed, each edge as two arcs')
  }
  b.directed = directed
  b.twoModeRows = st.rows
  // ids: the labels when all vertices have distinct labels, else the numbers
  const labels = st.labels
  let byLabel = labels.size === n
  if (byLabel) {
    const distinct = new Set<string>()
    for (const label of labels.values()) if (label !== null) distinct.add(label)
    byLabel = distinct.size === n
  }
  for (let i = 0; i < n; i++) {
    if (byLabel) b.addNode(labels.get(i)!)
    else {
      const k = b.addNode(String(i + 1))
      const label = labels.get(i)
      if (label) b.setLabel(k, label)
    }
  }
  if (st.stores.size === 0) b.relation(opts.relation ?? '')
  for (const name of st.stores.keys()) b.relation(name)
  for (const [name, store] of st.stores) addArcs(b, store, name, directed, false)
  const { network, warnings } = b.build()
  return {
    network: opts.twoMode && st.rows === null ? asTwoMode(network, undefined, { source: opts.source }) : network,
    warnings: [...encWarnings, ...warnings],
  }
}

/**
 * Writes a network as Pajek .net: `*Vertices N` (two-mode: `*Vertices N R`), one `k "id"` line
 * per vertex, then `*Arcs` (directed) or `*Edges` (undirected) with `i j weight` lines. Several
 * relations (or one with a name) are written as `*Arcs :k "name"` sections. Kept self-loops are
 * written in the first section. The file reads back to the same network with readPajek.
 *
 * @example
 * const text = writePajek(network)
 */
export function writePajek(network: Network, opts: WriteOptions = {}): string {
  const ids = network.nodes.ids
  const n = ids.length
  const R = network.twoModeRows
  let graphs: Graph[] = [...network.relations]
  if (opts.relation !== undefined) {
    const g = network.findRelation(opts.relation)
    if (!g)
      throw new ParseError(
        'E_OPTION',
        { field: 'relation' },
        `no relation "${truncate(opts.relation)}"; the network has ${network
          .relationNames()
          .map((x) => `"${x}"`)
          .join(', ')}`,
      )
    graphs = [g]
  }
  const out: string[] = [R !== null ? `*Vertices ${n} ${R}` : `*Vertices ${n}`]
  for (let i = 0; i < n; i++) out.push(`${i + 1} ${pajekQuote(ids[i]!)}`)
  const keyword = network.directed ? '*Arcs' : '*Edges'
  const marked = graphs.length > 1 || graphs[0]!.relation !== ''
  graphs.forEach((g, k) => {
    out.push(marked ? `${keyword} :${k + 1} ${pajekQuote(g.relation)}` : keyword)
    for (let e = 0; e < g.m; e++) out.push(`${g.tieSource[e]! + 1} ${g.tieTarget[e]! + 1} ${String(g.tieWeight[e]!)}`)
    const loops = R === null ? g.loops : null
    if (loops) for (let i = 0; i < n; i++) if (loops[i] !== 0) out.push(`${i + 1} ${i + 1} ${String(loops[i]!)}`)
  })
  return out.join('\n') + '\n'
}

/** A Pajek label: always quoted (a quote inside is doubled). */
function pajekQuote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`
}
