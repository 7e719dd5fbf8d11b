// UCINET DL reader and writer: full and half matrices, edge and node lists, one- and two-mode data, several matrices.
//
// Reading takes two steps: the data are first collected as ordered pairs per matrix (an ArcStore),
// then the direction is decided (option, or symmetry of the data) and the pairs become ties.
// UCINET lists an undirected tie in both directions; the two directions make one tie.

import { NetworkBuilder } from '../builder.js'
import { ParseError, type Location } from '../errors.js'
import type { Graph, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import { decodeText, TokenCursor, truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

/** The most nodes a DL or Pajek header may declare. */
export const MAX_DECLARED_NODES = 10_000_000
/** The most relations (matrices) a file may hold (the builder's limit). */
const MAX_RELATIONS = 0xffff

// ---------------------------------------------------------------------------------------------
// Arc stores, shared with the Pajek reader

/** The ties of one relation as read, before the direction is decided: ordered pairs with weights. */
export interface ArcStore {
  /** Weight of the pair s→t, 0 when absent. */
  get(s: number, t: number): number
  /** Calls f for every stored pair with a non-zero weight (line: where it was read, 0 if unknown). */
  forEach(f: (s: number, t: number, w: number, line: number) => void): void
}

/**
 * Ordered pairs in growable typed arrays, keyed by s·n + t. A pair read twice is merged by the
 * builder's `duplicates` policy (sum, max, or E_DUPLICATE_TIE), reported as the builder would.
 */
export class SparseArcs implements ArcStore {
  private slots: Map<number, number> | null = null
  private src = new Int32Array(0)
  private dst = new Int32Array(0)
  private w = new Float64Array(0)
  private lines = new Int32Array(0)
  private count = 0

  constructor(
    private readonly n: number,
    private readonly builder: NetworkBuilder,
  ) {}

  /** Adds w to the pair s→t; `report` = false merges a pair silently (the mirror of an edge). */
  add(s: number, t: number, w: number, line: number, column: number, report = true): void {
    const key = s * this.n + t
    const slots = (this.slots ??= new Map())
    const k = slots.get(key)
    if (k === undefined) {
      if (this.count === this.src.length) this.grow()
      const j = this.count++
      this.src[j] = s
      this.dst[j] = t
      this.w[j] = w
      this.lines[j] = line
      slots.set(key, j)
      return
    }
    const b = this.builder
    const policy = b.options.duplicates
    if (policy === 'error') {
      const first = this.lines[k]!
      throw new ParseError(
        'E_DUPLICATE_TIE',
        { source: b.options.source, line, column },
        `this tie is listed twice${first ? ` (first on line ${first})` : ''}`,
      )
    }
    if (policy === 'sum') {
      this.w[k]! += w
      if (report) b.warn('W_DUPLICATE_SUMMED', { line })
    } else {
      if (w > this.w[k]!) this.w[k] = w
      if (report) b.warn('W_DUPLICATE_MAX', { line })
    }
  }

  get(s: number, t: number): number {
    const k = this.slots?.get(s * this.n + t)
    return k === undefined ? 0 : this.w[k]!
  }

  forEach(f: (s: number, t: number, w: number, line: number) => void): void {
    for (let k = 0; k < this.count; k++) if (this.w[k] !== 0) f(this.src[k]!, this.dst[k]!, this.w[k]!, this.lines[k]!)
  }

  private grow(): void {
    const size = Math.max(64, this.src.length * 2)
    const src = new Int32Array(size)
    src.set(this.src)
    this.src = src
    const dst = new Int32Array(size)
    dst.set(this.dst)
    this.dst = dst
    const w = new Float64Array(size)
    w.set(this.w)
    this.w = w
    const lines = new Int32Array(size)
    lines.set(this.lines)
    this.lines = lines
  }
}

/** A dense rows × cols matrix of cells; column c is node colBase + c. Each cell is set once. */
class DenseArcs implements ArcStore {
  readonly cells: Float64Array
  /** Line where each row started. */
  readonly rowLine: Int32Array

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly colBase: number,
  ) {
    this.cells = new Float64Array(rows * cols)
    this.rowLine = new Int32Array(rows)
  }

  set(r: number, t: number, w: number): void {
    this.cells[r * this.cols + t - this.colBase] = w
  }

  get(s: number, t: number): number {
    const c = t - this.colBase
    if (s < 0 || s >= this.rows || c < 0 || c >= this.cols) return 0
    return this.cells[s * this.cols + c]!
  }

  forEach(f: (s: number, t: number, w: number, line: number) => void): void {
    const { rows, cols, colBase, cells } = this
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const w = cells[r * cols + c]!
        if (w !== 0) f(r, colBase + c, w, this.rowLine[r]!)
      }
    }
  }
}

/** True when every pair s→t (s ≠ t) has its mirror t→s with the same weight. */
export function isSymmetric(store: ArcStore): boolean {
  let symmetric = true
  store.forEach((s, t, w) => {
    if (symmetric && s !== t && store.get(t, s) !== w) symmetric = false
  })
  return symmetric
}

/**
 * Adds the stored pairs of one relation to a builder. Directed: every pair is an arc.
 * Undirected: a pair and its mirror are one tie; when their weights differ the larger is kept
 * (W_ASYMMETRIC). With `oneWayIsAsymmetric` (full matrices, which list both directions) a pair
 * without its mirror is reported as asymmetric too. Self-loops follow the builder's policy.
 */
export function addArcs(
  b: NetworkBuilder,
  store: ArcStore,
  relation: string,
  directed: boolean,
  oneWayIsAsymmetric: boolean,
): void {
  const where: Location = { line: 0 } // reused: the builder copies locations it keeps
  store.forEach((s, t, w, line) => {
    where.line = line
    if (directed || s === t) {
      b.addTie(s, t, w, relation, where)
      return
    }
    const back = store.get(t, s)
    if (back === 0) {
      if (oneWayIsAsymmetric) b.warn('W_ASYMMETRIC', { line })
      b.addTie(s, t, w, relation, where)
      return
    }
    if (s > t) return // added with its mirror
    if (back !== w) b.warn('W_ASYMMETRIC', { line })
    b.addTie(s, t, Math.max(w, back), relation, where)
  })
}

/** Strict decimal number syntax (no hex, no "Infinity", no empty text). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** Reads the cursor's token as a tie value >= 0 (E_NUMBER for a missing or bad value, E_WEIGHT below 0). */
export function tokenValue(cur: TokenCursor): number {
  const v = !cur.tokQuoted && NUMBER.test(cur.tok) ? Number(cur.tok) : NaN
  if (!Number.isFinite(v)) {
    throw new ParseError(
      'E_NUMBER',
      cur.where(),
      `expected a number, got "${truncate(cur.tok)}" (missing values are not supported)`,
    )
  }
  if (v < 0) throw new ParseError('E_WEIGHT', cur.where('weight'), `tie values must be >= 0, got ${cur.tok}`)
  return v
}

/** Reads the cursor's token as a 1-based node number in 1..max; returns it 0-based. */
export function tokenIndex(cur: TokenCursor, max: number): number {
  const v = !cur.tokQuoted && NUMBER.test(cur.tok) ? Number(cur.tok) : NaN
  if (!Number.isInteger(v))
    throw new ParseError('E_NUMBER', cur.where(), `expected a node number, got "${truncate(cur.tok)}"`)
  if (v < 1 || v > max) throw new ParseError('E_INDEX', cur.where(), `node number ${cur.tok} is out of range 1..${max}`)
  return v - 1
}

// ---------------------------------------------------------------------------------------------
// DL header

type DlFormat = 'fullmatrix' | 'upperhalf' | 'lowerhalf' | 'edgelist1' | 'nodelist1'

const FORMAT_NAMES: Record<string, DlFormat> = {
  fullmatrix: 'fullmatrix',
  fm: 'fullmatrix',
  full: 'fullmatrix',
  upperhalf: 'upperhalf',
  uh: 'upperhalf',
  lowerhalf: 'lowerhalf',
  lh: 'lowerhalf',
  edgelist: 'edgelist1',
  edgelist1: 'edgelist1',
  el1: 'edgelist1',
  edgelist2: 'edgelist1',
  nodelist: 'nodelist1',
  nodelist1: 'nodelist1',
  nl1: 'nodelist1',
  nodelist2: 'nodelist1',
}

interface DlHeader {
  /** Line of the "dl" keyword. */
  line: number
  n: number
  nr: number
  nc: number
  nm: number
  format: DlFormat
  diagonal: boolean
  rowLabels: string[] | null
  colLabels: string[] | null
  matrixLabels: string[] | null
  matrixLabelsLine: number
  rowEmbedded: boolean
  colEmbedded: boolean
}

function readHeader(cur: TokenCursor): DlHeader {
  const source = cur.source
  cur.punct = '=:'
  if (!cur.next()) throw new ParseError('E_EMPTY', { source }, 'the input is empty (expected "dl n=...")')
  if (cur.tokQuoted || cur.tok.toLowerCase() !== 'dl') {
    throw new ParseError('E_FORMAT', cur.where(), `a UCINET DL file starts with "dl", got "${truncate(cur.tok)}"`)
  }
  const h: DlHeader = {
    line: cur.tokLine,
    n: -1,
    nr: -1,
    nc: -1,
    nm: 1,
    format: 'fullmatrix',
    diagonal: true,
    rowLabels: null,
    colLabels: null,
    matrixLabels: null,
    matrixLabelsLine: 0,
    rowEmbedded: false,
    colEmbedded: false,
  }
  let afterList = false
  while (cur.next()) {
    const key = cur.tokQuoted ? '' : cur.tok.toLowerCase()
    const listBefore = afterList
    afterList = false
    switch (key) {
      case 'n':
      case 'nr':
      case 'nc':
      case 'nm': {
        const v = headerInteger(cur, key)
        if (key === 'n') h.n = v
        else if (key === 'nr') h.nr = v
        else if (key === 'nc') h.nc = v
        else h.nm = v
        break
      }
      case 'format': {
        const word = headerValue(cur, key).toLowerCase()
        const f = FORMAT_NAMES[word]
        if (!f) {
          throw new ParseError(
            'E_UNSUPPORTED',
            cur.where('format'),
            `DL format "${truncate(word)}" is not supported (fullmatrix, upperhalf, lowerhalf, edgelist1, nodelist1)`,
          )
        }
        h.format = f
        break
      }
      case 'diagonal': {
        const word = headerValue(cur, key).toLowerCase()
        if (word !== 'present' && word !== 'absent') {
          throw new ParseError(
            'E_HEADER',
            cur.where('diagonal'),
            `expected "diagonal = present" or "diagonal = absent", got "${truncate(word)}"`,
          )
        }
        h.diagonal = word === 'present'
        break
      }
      case 'labels':
        afterList = labelsClause(cur, h, 'both')
        break
      case 'row':
      case 'column':
      case 'col':
        expectWord(cur, 'labels')
        afterList = labelsClause(cur, h, key === 'row' ? 'row' : 'col')
        break
      case 'matrix': {
        expectWord(cur, 'labels')
        expectWord(cur, ':')
        h.matrixLabelsLine = cur.tokLine
        h.matrixLabels = readList(cur, h.nm, 'matrix labels', 'E_HEADER')
        afterList = true
        break
      }
      case 'data':
        optionalWord(cur, ':')
        cur.punct = ''
        return h
      default:
        if (listBefore)
          throw new ParseError(
            'E_COUNT',
            cur.where(),
            `more labels than declared, or an unknown keyword: "${truncate(cur.tok)}"`,
          )
        throw new ParseError(
          'E_HEADER',
          cur.where(),
          `unknown keyword "${truncate(cur.tok)}" in the DL header (expected n=, nr=, nc=, nm=, format=, labels:, data: ...)`,
        )
    }
  }
  cur.punct = ''
  return h // no "data:": the data are empty
}

function headerValue(cur: TokenCursor, key: string): string {
  const line = cur.tokLine
  if (!cur.next()) throw new ParseError('E_TRUNCATED', { source: cur.source, line }, `the input ends after "${key}"`)
  if (!cur.tokQuoted && cur.tok === '=' && !cur.next())
    throw new ParseError('E_TRUNCATED', { source: cur.source, line }, `the input ends after "${key} ="`)
  return cur.tok
}

function headerInteger(cur: TokenCursor, key: string): number {
  const text = headerValue(cur, key)
  const v = !cur.tokQuoted && /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(v))
    throw new ParseError(
      'E_NUMBER',
      cur.where(key),
      `expected a whole number after "${key} =", got "${truncate(text)}"`,
    )
  return v
}

function expectWord(cur: TokenCursor, word: string): void {
  const line = cur.tokLine
  if (!cur.next())
    throw new ParseError('E_TRUNCATED', { source: cur.source, line }, `the input ends where "${word}" was expected`)
  if (cur.tokQuoted || cur.tok.toLowerCase() !== word) {
    throw new ParseError('E_HEADER', cur.where(), `expected "${word}", got "${truncate(cur.tok)}"`)
  }
}

function optionalWord(cur: TokenCursor, word: string): void {
  cur.mark()
  if (!cur.next() || cur.tokQuoted || cur.tok.toLowerCase() !== word) cur.reset()
}

/** After "labels" / "row labels" / "column labels": a list (":") or "embedded". Returns true for a list. */
function labelsClause(cur: TokenCursor, h: DlHeader, kind: 'both' | 'row' | 'col'): boolean {
  const line = cur.tokLine
  if (!cur.next()) throw new ParseError('E_TRUNCATED', { source: cur.source, line }, 'the input ends after "labels"')
  const word = cur.tokQuoted ? '' : cur.tok.toLowerCase()
  if (word === 'embedded') {
    optionalWord(cur, ':')
    if (kind !== 'col') h.rowEmbedded = true
    if (kind !== 'row') h.colEmbedded = true
    return false
  }
  if (word !== ':')
    throw new ParseError(
      'E_HEADER',
      cur.where(),
      `expected ":" or "embedded" after "labels", got "${truncate(cur.tok)}"`,
    )
  const twoMode = h.nr >= 0 || h.nc >= 0
  let count: number
  if (twoMode) {
    if (kind === 'both')
      throw new ParseError(
        'E_HEADER',
        cur.where(),
        'two-mode data (nr=, nc=) take "row labels:" and "column labels:", not "labels:"',
      )
    count = kind === 'row' ? h.nr : h.nc
  } else count = h.n
  if (count < 0)
    throw new ParseError(
      'E_HEADER',
      cur.where(),
      `labels must come after the ${twoMode ? (kind === 'row' ? 'nr=' : 'nc=') : 'n='} that counts them`,
    )
  const list = readList(cur, count, 'labels', 'E_DUPLICATE_NODE')
  if (kind !== 'col') h.rowLabels = list
  if (kind !== 'row') h.colLabels = list
  return true
}

/** Reads `count` labels (separated by spaces, commas or line ends; quoted when they hold those). */
function readList(cur: TokenCursor, count: number, what: string, duplicate: 'E_DUPLICATE_NODE' | 'E_HEADER'): string[] {
  cur.punct = ''
  const list: string[] = []
  const seen = new Set<string>()
  while (list.length < count) {
    const line = cur.tokLine
    if (!cur.next()) {
      throw new ParseError(
        'E_TRUNCATED',
        { source: cur.source, line },
        `the input ends after ${list.length} of ${count} ${what}`,
      )
    }
    if (!cur.tokQuoted && (cur.tok.endsWith(':') || cur.tok.includes('='))) {
      throw new ParseError(
        'E_COUNT',
        cur.where(),
        `expected ${count} ${what}, got ${list.length} before "${truncate(cur.tok)}" (quote labels that contain ":" or "=")`,
      )
    }
    if (seen.has(cur.tok))
      throw new ParseError(duplicate, cur.where(), `"${truncate(cur.tok)}" appears twice in the ${what}`)
    seen.add(cur.tok)
    list.push(cur.tok)
  }
  cur.punct = '=:'
  return list
}

// ---------------------------------------------------------------------------------------------
// Node names

/** The node names of one mode: declared by a labels list, or collected from embedded labels. */
class Names {
  readonly ids: string[] = []
  private readonly index = new Map<string, number>()
  /** Closed sets (a labels list, or embedded labels once complete) refuse new names. */
  closed: boolean

  constructor(
    readonly limit: number,
    declared: string[] | null,
  ) {
    if (declared) for (const id of declared) this.add(id)
    this.closed = declared !== null
  }

  private add(id: string): number {
    const i = this.ids.length
    this.ids.push(id)
    this.index.set(id, i)
    return i
  }

  /** Closes the set when it holds every declared name. */
  closeIfComplete(): void {
    if (this.ids.length === this.limit) this.closed = true
  }

  /** Index of the cursor's token; an open set adds a new name (E_COUNT beyond the declared number). */
  lookup(cur: TokenCursor): number {
    const i = this.index.get(cur.tok)
    if (i !== undefined) return i
    if (this.closed) throw new ParseError('E_UNKNOWN_NODE', cur.where(), `unknown label "${truncate(cur.tok)}"`)
    if (this.ids.length >= this.limit) {
      throw new ParseError(
        'E_COUNT',
        cur.where(),
        `label "${truncate(cur.tok)}" would be number ${this.limit + 1}, but the header declares ${this.limit}`,
      )
    }
    return this.add(cur.tok)
  }

  /** Defines the cursor's token as a new name (a repeated name is E_DUPLICATE_NODE). */
  define(cur: TokenCursor): number {
    if (this.index.has(cur.tok))
      throw new ParseError('E_DUPLICATE_NODE', cur.where(), `label "${truncate(cur.tok)}" appears twice`)
    return this.lookup(cur)
  }
}

// ---------------------------------------------------------------------------------------------
// DL reader

/** Everything the data readers need besides the cursor. */
interface DlContext {
  h: DlHeader
  b: NetworkBuilder
  twoMode: boolean
  rows: number
  cols: number
  /** Node index of column 0 (0 one-mode, rows two-mode). */
  colBase: number
  /** Number of nodes. */
  total: number
  rowNames: Names
  colNames: Names
}

/**
 * Reads a UCINET DL file. Header: `dl n=N` (or `nr=R, nc=C` for two-mode data, rows first),
 * `nm=K` matrices (relations named by `matrix labels:`, else "1".."K"), `format =` fullmatrix
 * (default), upperhalf, lowerhalf (`diagonal = present|absent`), edgelist1 or nodelist1;
 * `labels:`, `row labels:`, `column labels:` or `labels embedded`; `data:`. Without labels the
 * ids are "1".."N" (two-mode columns "R+1".."R+C"). Values are weights, 0 = no tie.
 *
 * Direction: `opts.directed`, else undirected when every matrix is symmetric (each pair listed
 * in both directions with the same value, as UCINET writes undirected data) and directed
 * otherwise (reported as W_DIRECTION). Read undirected, the two directions of a pair are one
 * tie; differing values keep the larger (W_ASYMMETRIC). Half matrices are symmetric.
 * Two-mode files always give a two-mode network (undirected unless `opts.directed`).
 *
 * Matrix rows may wrap over several lines, but a row starts on a new line. Errors:
 * E_NUMBER (a bad or missing value), E_COUNT (wrong number of labels, values or rows),
 * E_TRUNCATED, E_INDEX (node number outside 1..N), E_UNKNOWN_NODE (embedded label not listed).
 *
 * @example
 * const { network } = readDl('dl n=3\nformat = edgelist1\nlabels:\na b c\ndata:\n1 2\n2 3 2.5\n')
 */
export function readDl(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const cur = new TokenCursor(text, source, true)
  const h = readHeader(cur)
  const twoMode = h.nr >= 0 || h.nc >= 0
  checkHeader(h, twoMode, source)
  const rows = twoMode ? h.nr : h.n
  const cols = twoMode ? h.nc : h.n
  const b = new NetworkBuilder({
    directed: false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: 'error',
    source,
  })
  const rowNames = new Names(rows, h.rowLabels)
  const ctx: DlContext = {
    h,
    b,
    twoMode,
    rows,
    cols,
    colBase: twoMode ? rows : 0,
    total: twoMode ? rows + cols : rows,
    rowNames,
    colNames: twoMode ? new Names(cols, h.colLabels) : rowNames,
  }
  const matrix = h.format === 'fullmatrix' || h.format === 'upperhalf' || h.format === 'lowerhalf'
  const dataLine = cur.tokLine
  const stores = matrix ? readMatrices(cur, ctx) : readLists(cur, ctx)

  // direction
  let directed = opts.directed
  if (directed === undefined) {
    directed = false
    if (!twoMode) {
      directed = !stores.every(isSymmetric)
      if (h.format !== 'upperhalf' && h.format !== 'lowerhalf') {
        b.warn(
          'W_DIRECTION',
          { line: dataLine },
          directed
            ? 'read as directed: the data are not symmetric (set directed to decide)'
            : 'read as undirected: the data are symmetric (set directed to decide)',
        )
      }
    }
  }
  b.directed = directed
  b.twoModeRows = twoMode ? rows : null

  // nodes
  addNodes(b, ctx, cur)
  // relations and ties
  const names = relationNames(h, opts)
  for (const name of names) b.relation(name)
  const oneWayIsAsymmetric = h.format === 'fullmatrix' && !twoMode
  for (let k = 0; k < stores.length; k++) addArcs(b, stores[k]!, names[k]!, directed, oneWayIsAsymmetric)
  const { network, warnings } = b.build()
  return {
    network: opts.twoMode && !twoMode ? asTwoMode(network, undefined, { source }) : network,
    warnings: [...encWarnings, ...warnings],
  }
}

function checkHeader(h: DlHeader, twoMode: boolean, source: string | undefined): void {
  const at = { source, line: h.line }
  if (twoMode) {
    if (h.n >= 0)
      throw new ParseError(
        'E_HEADER',
        at,
        'the header gives both n= and nr=/nc=; use n= for one-mode data, nr= and nc= for two-mode data',
      )
    if (h.nr < 0 || h.nc < 0) throw new ParseError('E_HEADER', at, 'two-mode data need both nr= and nc=')
    if (h.format === 'upperhalf' || h.format === 'lowerhalf')
      throw new ParseError('E_HEADER', at, `format ${h.format} needs one-mode data (n=), not nr=/nc=`)
    if (!h.diagonal) throw new ParseError('E_HEADER', at, '"diagonal = absent" needs one-mode data (n=)')
  } else if (h.n < 0) {
    throw new ParseError('E_HEADER', at, 'the header has no n= (number of nodes)')
  }
  const total = twoMode ? h.nr + h.nc : h.n
  if (total > MAX_DECLARED_NODES)
    throw new ParseError(
      'E_UNSUPPORTED',
      at,
      `the header declares ${total} nodes; at most ${MAX_DECLARED_NODES} are supported`,
    )
  if (h.nm < 1) throw new ParseError('E_HEADER', at, 'nm= must be at least 1')
  if (h.nm > MAX_RELATIONS)
    throw new ParseError('E_UNSUPPORTED', at, `nm=${h.nm}: at most ${MAX_RELATIONS} matrices are supported`)
  if (h.matrixLabels && h.matrixLabels.length !== h.nm) {
    throw new ParseError(
      'E_COUNT',
      { source, line: h.matrixLabelsLine },
      `expected ${h.nm} matrix labels (nm=${h.nm}), got ${h.matrixLabels.length}; put nm= before "matrix labels:"`,
    )
  }
  if (!twoMode && h.rowLabels && h.colLabels && h.rowLabels.some((x, i) => x !== h.colLabels![i])) {
    throw new ParseError('E_HEADER', at, 'one-mode data: the row labels and the column labels differ')
  }
}

function relationNames(h: DlHeader, opts: ReadOptions): string[] {
  if (h.nm === 1) return [opts.relation ?? h.matrixLabels?.[0] ?? '']
  return h.matrixLabels ?? Array.from({ length: h.nm }, (_, k) => String(k + 1))
}

function addNodes(b: NetworkBuilder, ctx: DlContext, cur: TokenCursor): void {
  const { rowNames, colNames, twoMode, rows, cols } = ctx
  const source = cur.source
  const embedded = ctx.h.rowEmbedded || ctx.h.colEmbedded
  const at = { source, line: cur.tokLine }
  const ids = (names: Names, count: number, first: number): string[] => {
    if (names.ids.length === count) return names.ids
    if (names.ids.length === 0 && !embedded) return Array.from({ length: count }, (_, i) => String(first + i))
    throw new ParseError(
      'E_COUNT',
      at,
      `the header declares ${count} ${twoMode ? (names === rowNames ? 'rows' : 'columns') : 'nodes'} but the embedded labels name ${names.ids.length}; list isolates on a line of their own`,
    )
  }
  for (const id of ids(rowNames, rows, 1)) b.addNode(id)
  if (!twoMode) return
  for (const id of ids(colNames, cols, rows + 1)) {
    if (b.hasNode(id))
      throw new ParseError(
        'E_DUPLICATE_NODE',
        at,
        `"${truncate(id)}" names both a row and a column; two-mode ids must differ`,
      )
    b.addNode(id)
  }
}

/** Full, upper-half and lower-half matrices (nm of them, one after the other). */
function readMatrices(cur: TokenCursor, ctx: DlContext): ArcStore[] {
  const { h, rows, cols, colBase, twoMode } = ctx
  const source = cur.source
  const half = h.format !== 'fullmatrix'
  // dense storage only when the text could hold every cell (a cell takes at least one character)
  const dense = rows * cols * h.nm <= cur.text.length
  const stores: ArcStore[] = []
  let lastLine = -1 // line of the last token of the previous row: a row starts on a new line
  let prevRowLine = 0
  const colNode = new Int32Array(cols)
  const rowSeen = new Uint8Array(rows)
  const truncated = (what: string): ParseError =>
    new ParseError(
      'E_TRUNCATED',
      { source, line: cur.tokLine },
      `the input ends in ${what} (expected ${h.nm > 1 ? `${h.nm} matrices of ` : ''}${rows} rows)`,
    )
  for (let k = 0; k < h.nm; k++) {
    const denseStore = dense ? new DenseArcs(rows, cols, colBase) : null
    const sparseStore = dense ? null : new SparseArcs(ctx.total, ctx.b)
    for (let c = 0; c < cols; c++) colNode[c] = colBase + c
    if (h.colEmbedded) {
      // the first row holds the column labels
      for (let c = 0; c < cols; c++) {
        if (!cur.next()) throw truncated('the column labels')
        if (c === 0 && cur.tokLine === lastLine)
          throw new ParseError(
            'E_COUNT',
            { source, line: prevRowLine },
            'a row has more values than the header declares',
          )
        colNode[c] = colBase + (ctx.colNames.closed ? ctx.colNames.lookup(cur) : ctx.colNames.define(cur))
      }
      ctx.colNames.closeIfComplete()
      lastLine = cur.tokLine
      prevRowLine = cur.tokLine
    }
    rowSeen.fill(0)
    for (let r = 0; r < rows; r++) {
      let lo = 0
      let hi = cols
      let skip = -1
      if (h.format === 'lowerhalf') hi = h.diagonal ? r + 1 : r
      else if (h.format === 'upperhalf') lo = h.diagonal ? r : r + 1
      else if (!h.diagonal) skip = r
      const count = hi - lo - (skip >= lo && skip < hi ? 1 : 0)
      if (count <= 0 && !h.rowEmbedded) continue
      if (!cur.next()) throw truncated(`row ${r + 1}${h.nm > 1 ? ` of matrix ${k + 1}` : ''}`)
      if (cur.tokLine === lastLine) {
        throw new ParseError(
          'E_COUNT',
          { source, line: prevRowLine },
          `the row starting on line ${prevRowLine} does not have the declared number of values (rows start on a new line)`,
        )
      }
      prevRowLine = cur.tokLine
      let node = r
      if (h.rowEmbedded) {
        node = ctx.rowNames.closed ? ctx.rowNames.lookup(cur) : ctx.rowNames.define(cur)
        if (rowSeen[node])
          throw new ParseError('E_DUPLICATE_NODE', cur.where(), `row "${truncate(cur.tok)}" appears twice`)
        rowSeen[node] = 1
      } else if (denseStore) denseStore.rowLine[r] = cur.tokLine
      if (h.rowEmbedded && denseStore) denseStore.rowLine[node] = cur.tokLine
      let first = !h.rowEmbedded
      for (let c = lo; c < hi; c++) {
        if (c === skip) continue
        if (!first && !cur.next()) throw truncated(`row ${r + 1}${h.nm > 1 ? ` of matrix ${k + 1}` : ''}`)
        first = false
        const w = tokenValue(cur)
        if (w === 0) continue
        const t = colNode[c]!
        if (denseStore) {
          denseStore.set(node, t, w)
          if (half && t !== node) denseStore.set(t, node, w)
        } else {
          sparseStore!.add(node, t, w, cur.tokLine, cur.tokColumn)
          if (half && t !== node) sparseStore!.add(t, node, w, cur.tokLine, cur.tokColumn)
        }
      }
      lastLine = cur.tokLine
    }
    if (h.rowEmbedded) ctx.rowNames.closeIfComplete()
    stores.push(denseStore ?? sparseStore!)
  }
  if (cur.next()) {
    throw new ParseError(
      'E_COUNT',
      cur.where(),
      `more data than the header declares (${h.nm > 1 ? `${h.nm} matrices of ` : ''}${rows} rows${twoMode ? ` × ${cols} columns` : ''})`,
    )
  }
  return stores
}

/** edgelist1 (`i j [value]` per line) and nodelist1 (`i j k ...`); "!" lines separate matrices. */
function readLists(cur: TokenCursor, ctx: DlContext): ArcStore[] {
  const { h, b, rows, cols, colBase } = ctx
  const embedded = h.rowEmbedded || h.colEmbedded
  const nodelist = h.format === 'nodelist1'
  const stores: SparseArcs[] = [new SparseArcs(ctx.total, b)]
  let store = stores[0]!
  const rowNode = (): number => (embedded ? ctx.rowNames.lookup(cur) : tokenIndex(cur, rows))
  const colNode = (): number => colBase + (embedded ? ctx.colNames.lookup(cur) : tokenIndex(cur, cols))
  while (cur.next()) {
    const line = cur.tokLine
    if (!cur.tokQuoted && cur.tok === '!') {
      if (stores.length >= h.nm)
        throw new ParseError('E_COUNT', cur.where(), `more matrices than the nm=${h.nm} declared`)
      store = new SparseArcs(ctx.total, b)
      stores.push(store)
      cur.skipLine()
      continue
    }
    const s = rowNode()
    if (nodelist) {
      while (cur.nextOnLine()) store.add(s, colNode(), 1, line, cur.tokColumn)
      continue
    }
    if (!cur.nextOnLine()) continue // a node on its own line (an isolate, with embedded labels)
    const t = colNode()
    const column = cur.tokColumn
    let w = 1
    if (cur.nextOnLine()) w = tokenValue(cur)
    if (cur.nextOnLine())
      throw new ParseError('E_COUNT', cur.where(), 'expected "i j [value]" on a line, got more items')
    if (w === 0) {
      b.warn('W_ZERO_WEIGHT', { line })
      continue
    }
    store.add(s, t, w, line, column)
  }
  while (stores.length < h.nm) stores.push(new SparseArcs(ctx.total, b))
  return stores
}

// ---------------------------------------------------------------------------------------------
// DL writer

export interface DlWriteOptions extends WriteOptions {
  /** fullmatrix (default up to 40 nodes) or edgelist1 (default above). */
  format?: 'fullmatrix' | 'edgelist1'
}

/**
 * Writes a network as UCINET DL: `dl n=N` with `labels:` (quoted when needed), `format =
 * fullmatrix` (N <= 40, by default) or `edgelist1` (1-based `i j value` lines). Undirected ties
 * appear in both directions (a symmetric matrix), as UCINET expects. Two-mode networks are
 * written as `dl nr=R, nc=C` with row and column labels; several relations as `nm=K` with
 * `matrix labels:` (edge lists separate the matrices with "!" lines). Kept self-loops go on the
 * diagonal of the first matrix. The file reads back to the same network with readDl (pass
 * `directed` for a directed network whose ties are all reciprocated with equal weights: DL does
 * not store the direction).
 *
 * @example
 * const text = writeDl(network, { format: 'edgelist1' })
 */
export function writeDl(network: Network, opts: DlWriteOptions = {}): string {
  const graphs = selectRelations(network, opts.relation)
  const ids = network.nodes.ids
  const n = ids.length
  const R = network.twoModeRows
  const format = opts.format ?? (n <= 40 ? 'fullmatrix' : 'edgelist1')
  const K = graphs.length
  const named = K > 1 || graphs[0]!.relation !== ''
  const out: string[] = []
  out.push(`${R !== null ? `dl nr=${R}, nc=${n - R}` : `dl n=${n}`}${named ? `, nm=${K}` : ''}`)
  out.push(`format = ${format}`)
  if (R !== null) {
    out.push('row labels:')
    for (let i = 0; i < R; i++) out.push(dlLabel(ids[i]!))
    out.push('column labels:')
    for (let i = R; i < n; i++) out.push(dlLabel(ids[i]!))
  } else {
    out.push('labels:')
    for (const id of ids) out.push(dlLabel(id))
  }
  if (named) {
    out.push('matrix labels:')
    for (const g of graphs) out.push(dlLabel(g.relation))
  }
  out.push('data:')
  graphs.forEach((g, k) => {
    const loops = g.loops
    if (format === 'fullmatrix') writeMatrix(out, g, loops, R)
    else {
      if (k > 0) out.push('!')
      writeEdgeList(out, g, loops, R)
    }
  })
  return out.join('\n') + '\n'
}

function selectRelations(network: Network, relation: string | undefined): Graph[] {
  if (relation === undefined) return [...network.relations]
  const g = network.findRelation(relation)
  if (!g)
    throw new ParseError(
      'E_OPTION',
      { field: 'relation' },
      `no relation "${truncate(relation)}"; the network has ${network
        .relationNames()
        .map((x) => `"${x}"`)
        .join(', ')}`,
    )
  return [g]
}

/** A label as DL writes it: quoted (with doubled quotes) when it holds separators or specials. */
function dlLabel(s: string): string {
  return s === '' || /[\s,"=:!]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** Shortest text that reads back as the same double. */
function num(x: number): string {
  return String(x)
}

function writeMatrix(out: string[], g: Graph, loops: Float64Array | null, R: number | null): void {
  const n = g.n
  const rows = R ?? n
  const base = R ?? 0
  const cols = n - base
  const row = new Float64Array(cols)
  for (let u = 0; u < rows; u++) {
    row.fill(0)
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++)
      placeCell(row, g.outTargets[e]!, g.outWeights[e]!, base, g, u)
    if (R !== null && g.directed) {
      // two-mode ties from a column to a row are written as row → column
      for (let e = g.inOffsets[u]!; e < g.inOffsets[u + 1]!; e++)
        placeCell(row, g.inSources[e]!, g.inWeights[e]!, base, g, u)
    }
    if (loops && R === null && loops[u] !== 0) row[u] = loops[u]!
    out.push(Array.from(row, num).join(' '))
  }
  if (R !== null) checkTwoMode(g, R)
}

function placeCell(row: Float64Array, v: number, w: number, base: number, g: Graph, u: number): void {
  const c = v - base
  if (c < 0)
    throw new ParseError(
      'E_UNSUPPORTED',
      {},
      `two-mode network: the tie ${g.nodes.ids[u]} - ${g.nodes.ids[v]} joins two rows and cannot be written`,
    )
  if (row[c] === 0) row[c] = w
}

function checkTwoMode(g: Graph, R: number): void {
  for (let e = 0; e < g.m; e++) {
    if (g.tieSource[e]! >= R && g.tieTarget[e]! >= R) {
      throw new ParseError(
        'E_UNSUPPORTED',
        {},
        `two-mode network: the tie ${g.nodes.ids[g.tieSource[e]!]} - ${g.nodes.ids[g.tieTarget[e]!]} joins two columns and cannot be written`,
      )
    }
  }
}

function writeEdgeList(out: string[], g: Graph, loops: Float64Array | null, R: number | null): void {
  const n = g.n
  if (R !== null) {
    checkTwoMode(g, R)
    for (let e = 0; e < g.m; e++) {
      let s = g.tieSource[e]!
      let t = g.tieTarget[e]!
      if (s >= R) [s, t] = [t, s]
      if (t < R)
        throw new ParseError(
          'E_UNSUPPORTED',
          {},
          `two-mode network: the tie ${g.nodes.ids[s]} - ${g.nodes.ids[t]} joins two rows and cannot be written`,
        )
      out.push(`${s + 1} ${t - R + 1} ${num(g.tieWeight[e]!)}`)
    }
    return
  }
  for (let u = 0; u < n; u++) {
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++)
      out.push(`${u + 1} ${g.outTargets[e]! + 1} ${num(g.outWeights[e]!)}`)
    if (loops && loops[u] !== 0) out.push(`${u + 1} ${u + 1} ${num(loops[u]!)}`)
  }
}
