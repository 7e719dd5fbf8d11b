// CSV/TSV edge lists (with an optional node table) and labelled adjacency-matrix CSV.

import { NetworkBuilder } from '../builder.js'
import { ParseError, type Location, type Warning } from '../errors.js'
import type { AttributeValue, Network } from '../graph.js'
import { asTwoMode } from '../twoMode.js'
import { decodeText, parseNumber, truncate } from './text.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

export type Delimiter = ',' | ';' | '\t'

/** A parsed CSV row with the line it started on. */
export interface CsvRow {
  fields: string[]
  line: number
}

/** Picks the delimiter from the first line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let comma = 0
  let semi = 0
  let tab = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (quoted) continue
    else if (c === 10 || c === 13) break
    else if (c === 44) comma++
    else if (c === 59) semi++
    else if (c === 9) tab++
  }
  if (tab > comma && tab >= semi) return '\t'
  if (semi > comma) return ';'
  return ','
}

/**
 * Parses RFC 4180 CSV (quoted fields may hold delimiters, doubled quotes and line breaks; CRLF,
 * CR or LF line ends). Blank lines are skipped. Throws E_SYNTAX for an unclosed quote.
 */
export function parseCsv(text: string, delimiter: Delimiter, source?: string): CsvRow[] {
  const rows: CsvRow[] = []
  const d = delimiter.charCodeAt(0)
  let line = 1
  let i = 0
  const len = text.length
  while (i < len) {
    const startLine = line
    const fields: string[] = []
    let field = ''
    let atFieldStart = true
    let blank = true
    for (;;) {
      if (i >= len) {
        fields.push(field)
        break
      }
      const c = text.charCodeAt(i)
      if (c === 34 && atFieldStart) {
        // quoted field
        const quoteLine = line
        i++
        let closed = false
        while (i < len) {
          const q = text.charCodeAt(i)
          if (q === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              field += '"'
              i += 2
              continue
            }
            i++
            closed = true
            break
          }
          if (q === 10 || (q === 13 && text.charCodeAt(i + 1) !== 10)) line++
          field += text[i]
          i++
        }
        if (!closed)
          throw new ParseError('E_SYNTAX', { source, line: quoteLine }, 'a quoted field is not closed (missing ")')
        blank = false
        atFieldStart = false
        continue
      }
      if (c === d) {
        fields.push(field)
        field = ''
        atFieldStart = true
        blank = false
        i++
        continue
      }
      if (c === 10 || c === 13) {
        fields.push(field)
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1
        line++
        break
      }
      field += text[i]
      if (c !== 32 && c !== 9) blank = false
      atFieldStart = false
      i++
    }
    if (!blank) rows.push({ fields, line: startLine })
  }
  return rows
}

/** Quotes a CSV field when needed. */
export function csvField(s: string, delimiter: Delimiter = ','): string {
  if (s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s)) {
    return `"${s.replaceAll('"', '""')}"`
  }
  return s
}

const SOURCE_NAMES = [
  'source',
  'from',
  'sender',
  'ego',
  'actor1',
  'node1',
  'src',
  'tail',
  'i',
  '起点',
  '来源',
  '发送者',
]
const TARGET_NAMES = [
  'target',
  'to',
  'receiver',
  'alter',
  'actor2',
  'node2',
  'dst',
  'head',
  'j',
  '终点',
  '目标',
  '接收者',
]
const WEIGHT_NAMES = ['weight', 'value', 'strength', 'w', '权重', '强度']
const TYPE_NAMES = ['type', 'directed', 'kind', '类型']
/** Values of a Gephi-style Type column (empty = unstated). */
const DIRECTION_WORDS = new Set(['', 'directed', 'undirected', 'true', 'false', '有向', '无向', 'mutual'])
const RELATION_NAMES = ['relation', 'relationship', 'label', 'tie', 'layer', '关系']
const ID_NAMES = ['id', 'node', 'name', 'key', 'actor', '编号', '节点']

function findColumn(header: string[], names: string[]): number {
  for (const name of names) {
    const k = header.findIndex((h) => h.trim().toLowerCase() === name)
    if (k >= 0) return k
  }
  return -1
}

export interface CsvReadOptions extends ReadOptions {
  /** Node table (id, label, attributes): its text or bytes. */
  nodes?: string | Uint8Array
  /** Name of the node table for messages. */
  nodesSource?: string
}

/**
 * Reads a CSV/TSV edge list. The header names the columns in any case: source/target (also
 * from/to, Gephi's Source/Target), optional weight, Gephi's Type (Directed/Undirected) and a
 * relation column (one relation per distinct value). A node table adds isolates, labels and
 * attributes (numbers become numbers). Without a recognisable header the first two columns are
 * source and target and the third, if numeric, the weight.
 */
export function readCsv(input: string | Uint8Array, opts: CsvReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const delimiter = detectDelimiter(text)
  const rows = parseCsv(text, delimiter, source)
  if (rows.length === 0)
    throw new ParseError('E_EMPTY', { source }, 'the edge list is empty (expected a header and ties)')
  const header = rows[0]!.fields
  let sCol = findColumn(header, SOURCE_NAMES)
  let tCol = findColumn(header, TARGET_NAMES)
  let wCol = findColumn(header, WEIGHT_NAMES)
  let typeCol = findColumn(header, TYPE_NAMES)
  let relCol = findColumn(header, RELATION_NAMES)
  let first = 1
  if (sCol < 0 || tCol < 0) {
    if (sCol >= 0 || tCol >= 0) {
      throw new ParseError(
        'E_HEADER',
        { source, line: rows[0]!.line },
        `the header names ${sCol >= 0 ? 'a source' : 'a target'} column but not ${sCol >= 0 ? 'a target' : 'a source'} column; got "${truncate(header.join(delimiter), 80)}"`,
      )
    }
    const looksLikeHeader =
      header.length >= 3 && header.slice(2).some((f) => f.trim() !== '' && !Number.isFinite(Number(f)))
    if (looksLikeHeader || header.length < 2) {
      throw new ParseError(
        'E_HEADER',
        { source, line: rows[0]!.line },
        `expected a header with source and target columns, got "${truncate(header.join(delimiter), 80)}"`,
      )
    }
    // no header: source, target[, weight]
    sCol = 0
    tCol = 1
    wCol = header.length >= 3 ? 2 : -1
    first = 0
  }
  // A "type" column holding something other than Directed/Undirected names the tie type
  // (information, joint action, …): it is the relation column when there is none.
  if (typeCol >= 0 && relCol < 0 && first === 1) {
    const isDirection = (v: string): boolean => DIRECTION_WORDS.has(v.trim().toLowerCase())
    if (rows.slice(1).some((r) => !isDirection(r.fields[typeCol] ?? ''))) {
      relCol = typeCol
      typeCol = -1
    }
  }
  let directed = opts.directed ?? false
  const builder = new NetworkBuilder({
    directed: false, // decided below once the Type column has been seen
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: opts.unknownNodes,
    source,
  })
  // A node table comes first so that node order follows it (isolates included).
  if (opts.nodes !== undefined) readNodeTable(builder, opts.nodes, opts.nodesSource ?? 'nodes', encWarnings)
  if (opts.directed === undefined && typeCol >= 0) {
    // Gephi: Type = Directed/Undirected per row; a graph is directed if any row says so
    for (let r = first; r < rows.length; r++) {
      if ((rows[r]!.fields[typeCol] ?? '').trim().toLowerCase() === 'directed') {
        directed = true
        break
      }
    }
    builder.warn(
      'W_DIRECTION',
      { line: rows[0]!.line, field: header[typeCol] },
      `direction taken from the "${header[typeCol]}" column: ${directed ? 'directed' : 'undirected'}`,
    )
  }
  builder.directed = directed
  const defaultRelation = opts.relation ?? ''
  if (relCol < 0) builder.relation(defaultRelation)
  const need = Math.max(sCol, tCol, wCol) + 1
  for (let r = first; r < rows.length; r++) {
    const { fields, line } = rows[r]!
    if (fields.length < Math.max(sCol, tCol) + 1) {
      throw new ParseError(
        'E_COUNT',
        { source, line },
        `expected at least ${Math.max(sCol, tCol) + 1} fields, got ${fields.length}`,
      )
    }
    const s = fields[sCol]!.trim()
    const t = fields[tCol]!.trim()
    if (s === '')
      throw new ParseError('E_FIELD', { source, line, field: header[sCol] ?? 'source' }, 'the source is empty')
    if (t === '')
      throw new ParseError('E_FIELD', { source, line, field: header[tCol] ?? 'target' }, 'the target is empty')
    let w = 1
    if (wCol >= 0 && fields.length >= need) {
      const raw = fields[wCol]!.trim()
      if (raw !== '') {
        const where: Location = { source, line, field: first === 0 ? 'weight' : header[wCol] }
        w = parseNumber(raw, where, 'a number as weight')
        if (w < 0) throw new ParseError('E_WEIGHT', where, `weight must be a number >= 0, got "${raw}"`)
      }
    }
    const rel = relCol >= 0 ? (fields[relCol] ?? '').trim() : defaultRelation
    builder.addTie(s, t, w, rel, { line })
  }
  const { network, warnings } = builder.build()
  return {
    network: opts.twoMode ? asTwoMode(network, undefined, { source }) : network,
    warnings: [...encWarnings, ...warnings],
  }
}

/** Reads a node table into a builder: id column, optional label, every other column an attribute. */
function readNodeTable(builder: NetworkBuilder, input: string | Uint8Array, source: string, warnings: Warning[]): void {
  const { text, warnings: w } = decodeText(input, source)
  warnings.push(...w)
  const rows = parseCsv(text, detectDelimiter(text), source)
  if (rows.length === 0)
    throw new ParseError('E_EMPTY', { source }, 'the node table is empty (expected a header with an id column)')
  const header = rows[0]!.fields.map((h) => h.trim())
  const idCol = findColumn(header, ID_NAMES)
  if (idCol < 0)
    throw new ParseError(
      'E_HEADER',
      { source, line: rows[0]!.line },
      `expected an "id" column, got "${truncate(header.join(','), 80)}"`,
    )
  const labelCol = header.findIndex((h) => h.toLowerCase() === 'label' || h === '标签' || h === '名称')
  // numeric columns: every non-empty value is a number
  const numeric = header.map((_, c) =>
    rows.slice(1).every((r) => {
      const v = (r.fields[c] ?? '').trim()
      return v === '' || Number.isFinite(Number(v))
    }),
  )
  const seen = new Set<string>()
  for (let r = 1; r < rows.length; r++) {
    const { fields, line } = rows[r]!
    const id = (fields[idCol] ?? '').trim()
    if (id === '') throw new ParseError('E_FIELD', { source, line, field: header[idCol] }, 'the node id is empty')
    if (seen.has(id))
      throw new ParseError('E_DUPLICATE_NODE', { source, line, field: header[idCol] }, `node "${id}" is listed twice`)
    if (fields.length > header.length) {
      throw new ParseError('E_COUNT', { source, line }, `expected ${header.length} fields, got ${fields.length}`)
    }
    seen.add(id)
    const i = builder.addNode(id)
    for (let c = 0; c < header.length; c++) {
      if (c === idCol) continue
      const raw = fields[c] ?? ''
      if (c === labelCol) {
        builder.setLabel(i, raw === '' ? null : raw)
        continue
      }
      const value: AttributeValue = raw.trim() === '' ? null : numeric[c] ? Number(raw) : raw
      builder.setAttribute(i, header[c]!, value)
    }
  }
}

export interface CsvWriteOptions extends WriteOptions {
  delimiter?: Delimiter
  /** Write the relation column (default: when the network has several relations). */
  relationColumn?: boolean
}

/** Writes the ties as a CSV edge list (`source,target,weight[,relation]`). Undirected ties once. */
export function writeCsv(network: Network, opts: CsvWriteOptions = {}): string {
  const d = opts.delimiter ?? ','
  const graphs =
    opts.relation !== undefined ? network.relations.filter((g) => g.relation === opts.relation) : network.relations
  const withRel = opts.relationColumn ?? graphs.length > 1
  const ids = network.nodes.ids
  const out: string[] = [['source', 'target', 'weight', ...(withRel ? ['relation'] : [])].join(d)]
  for (const g of graphs) {
    for (let e = 0; e < g.m; e++) {
      const row = [
        csvField(ids[g.tieSource[e]!]!, d),
        csvField(ids[g.tieTarget[e]!]!, d),
        formatNumber(g.tieWeight[e]!),
      ]
      if (withRel) row.push(csvField(g.relation, d))
      out.push(row.join(d))
    }
    // kept self-loops, so that a reader keeping them gets them back
    if (g.loops) {
      for (let u = 0; u < g.n; u++) {
        if (g.loops[u] === 0) continue
        const row = [csvField(ids[u]!, d), csvField(ids[u]!, d), formatNumber(g.loops[u]!)]
        if (withRel) row.push(csvField(g.relation, d))
        out.push(row.join(d))
      }
    }
  }
  return out.join('\n') + '\n'
}

/** Writes the node table: id, label, then every attribute column. */
export function writeNodesCsv(network: Network, opts: { delimiter?: Delimiter } = {}): string {
  const d = opts.delimiter ?? ','
  const nodes = network.nodes
  const names = [...nodes.attributes.keys()]
  const out = [['id', 'label', ...names].map((h) => csvField(h, d)).join(d)]
  for (let i = 0; i < nodes.size; i++) {
    const row = [csvField(nodes.ids[i]!, d), csvField(nodes.labels[i] ?? '', d)]
    for (const name of names) {
      const v = nodes.attributes.get(name)![i]
      row.push(v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : csvField(v, d))
    }
    out.push(row.join(d))
  }
  return out.join('\n') + '\n'
}

/** Shortest text that reads back as the same double. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(x)
}

/**
 * Reads a labelled adjacency matrix: the first row holds the column labels (its first cell
 * empty or a caption), every other row a label and n values. Rows and columns must name the
 * same nodes in the same order; a value of 0 or empty is no tie. Undirected by default only
 * when the matrix is symmetric.
 */
export function readMatrixCsv(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const rows = parseCsv(text, detectDelimiter(text), source)
  if (rows.length === 0)
    throw new ParseError('E_EMPTY', { source }, 'the matrix is empty (expected a header row of labels)')
  const header = rows[0]!.fields.slice(1).map((s) => s.trim())
  const n = header.length
  if (n === 0)
    throw new ParseError('E_HEADER', { source, line: rows[0]!.line }, 'expected column labels after the first cell')
  if (rows.length - 1 !== n) {
    throw new ParseError(
      'E_COUNT',
      { source, line: rows[rows.length - 1]!.line },
      `expected ${n} rows (one per column label), got ${rows.length - 1}`,
    )
  }
  const values = new Float64Array(n * n)
  for (let r = 0; r < n; r++) {
    const { fields, line } = rows[r + 1]!
    const label = (fields[0] ?? '').trim()
    if (label !== header[r]) {
      throw new ParseError(
        'E_HEADER',
        { source, line, column: 1 },
        `row ${r + 1} is labelled "${truncate(label)}" but column ${r + 1} is "${truncate(header[r]!)}"; rows and columns must list the nodes in the same order`,
      )
    }
    if (fields.length - 1 !== n)
      throw new ParseError(
        'E_COUNT',
        { source, line },
        `expected ${n} values after the label, got ${fields.length - 1}`,
      )
    for (let c = 0; c < n; c++) {
      const raw = fields[c + 1]!.trim()
      const v = raw === '' ? 0 : parseNumber(raw, { source, line, column: c + 2, field: header[c] }, 'a number')
      if (v < 0)
        throw new ParseError(
          'E_WEIGHT',
          { source, line, column: c + 2, field: header[c] },
          `weight must be a number >= 0, got "${raw}"`,
        )
      values[r * n + c] = v
    }
  }
  let symmetric = true
  for (let r = 0; r < n && symmetric; r++)
    for (let c = r + 1; c < n; c++)
      if (values[r * n + c] !== values[c * n + r]) {
        symmetric = false
        break
      }
  const directed = opts.directed ?? !symmetric
  const b = new NetworkBuilder({
    directed,
    selfLoops: opts.selfLoops,
    duplicates: 'max',
    unknownNodes: 'error',
    source,
  })
  const seen = new Set<string>()
  for (let r = 0; r < n; r++) {
    if (seen.has(header[r]!))
      throw new ParseError(
        'E_DUPLICATE_NODE',
        { source, line: rows[0]!.line, column: r + 2 },
        `label "${header[r]}" appears twice`,
      )
    seen.add(header[r]!)
    b.addNode(header[r]!)
  }
  b.relation(opts.relation ?? '')
  if (!directed && !symmetric) b.warn('W_ASYMMETRIC', { line: rows[0]!.line })
  for (let r = 0; r < n; r++) {
    for (let c = directed ? 0 : r; c < n; c++) {
      const v = directed ? values[r * n + c]! : Math.max(values[r * n + c]!, values[c * n + r]!)
      if (v !== 0) b.addTie(r, c, v, opts.relation ?? '', { line: rows[r + 1]!.line, column: c + 2 })
    }
  }
  const { network, warnings } = b.build()
  return { network, warnings: [...encWarnings, ...warnings] }
}

/** Writes the first (or the named) relation as a labelled adjacency matrix. */
export function writeMatrixCsv(network: Network, opts: WriteOptions & { delimiter?: Delimiter } = {}): string {
  const d = opts.delimiter ?? ','
  const g = opts.relation !== undefined ? (network.findRelation(opts.relation) ?? network.graph) : network.graph
  const ids = network.nodes.ids
  const n = ids.length
  const out = [['', ...ids.map((s) => csvField(s, d))].join(d)]
  const row = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    row.fill(0)
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) row[g.outTargets[e]!] = g.outWeights[e]!
    if (g.loops) row[u] = g.loops[u]!
    out.push([csvField(ids[u]!, d), ...Array.from(row, formatNumber)].join(d))
  }
  return out.join('\n') + '\n'
}
