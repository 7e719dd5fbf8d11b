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

/** Columns of an edge list found from its first row, and whether that row is a header (first = 1). */
interface EdgeColumns {
  sCol: number
  tCol: number
  wCol: number
  typeCol: number
  relCol: number
  first: 0 | 1
}

/** Finds the columns from the first row (a header, or the first tie); throws E_HEADER when neither. */
function edgeColumns(header: string[], line: number, delimiter: Delimiter, source: string | undefined): EdgeColumns {
  let sCol = findColumn(header, SOURCE_NAMES)
  let tCol = findColumn(header, TARGET_NAMES)
  let wCol = findColumn(header, WEIGHT_NAMES)
  const typeCol = findColumn(header, TYPE_NAMES)
  const relCol = findColumn(header, RELATION_NAMES)
  let first: 0 | 1 = 1
  if (sCol < 0 || tCol < 0) {
    if (sCol >= 0 || tCol >= 0) {
      throw new ParseError(
        'E_HEADER',
        { source, line },
        `the header names ${sCol >= 0 ? 'a source' : 'a target'} column but not ${sCol >= 0 ? 'a target' : 'a source'} column; got "${truncate(header.join(delimiter), 80)}"`,
      )
    }
    const looksLikeHeader =
      header.length >= 3 && header.slice(2).some((f) => f.trim() !== '' && !Number.isFinite(Number(f)))
    if (looksLikeHeader || header.length < 2) {
      throw new ParseError(
        'E_HEADER',
        { source, line },
        `expected a header with source and target columns, got "${truncate(header.join(delimiter), 80)}"`,
      )
    }
    // no header: source, target[, weight]
    sCol = 0
    tCol = 1
    wCol = header.length >= 3 ? 2 : -1
    first = 0
  }
  return { sCol, tCol, wCol, typeCol, relCol, first }
}

const isDirectionWord = (v: string): boolean => DIRECTION_WORDS.has(v.trim().toLowerCase())

/**
 * Reads a CSV/TSV edge list. The header names the columns in any case: source/target (also
 * from/to, Gephi's Source/Target), optional weight, Gephi's Type (Directed/Undirected) and a
 * relation column (one relation per distinct value). A node table adds isolates, labels and
 * attributes (numbers become numbers). Without a recognisable header the first two columns are
 * source and target and the third, if numeric, the weight.
 *
 * Large files take a fast path: UTF-8 bytes are scanned directly, each distinct id is decoded
 * and looked up once, and no string is built per line. Anything it does not handle (quotes
 * holding line breaks or doubled quotes, other encodings, any error) goes to the general
 * reader, which gives the same network, warnings and errors.
 *
 * @example
 * const { network, warnings } = readCsv(bytes, { source: 'ties.csv', directed: true })
 */
export function readCsv(input: string | Uint8Array, opts: CsvReadOptions = {}): ReadResult {
  try {
    const fast = readCsvFast(input, opts)
    if (fast) return fast
  } catch (e) {
    // a problem in the input: the general reader finds it again and reports it as it always has
    if (!(e instanceof ParseError)) throw e
  }
  return readCsvGeneral(input, opts)
}

/** The general edge-list reader: decodes the text, tokenises every row, then builds (readCsv without the fast path). */
export function readCsvGeneral(input: string | Uint8Array, opts: CsvReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const delimiter = detectDelimiter(text)
  const rows = parseCsv(text, delimiter, source)
  if (rows.length === 0)
    throw new ParseError('E_EMPTY', { source }, 'the edge list is empty (expected a header and ties)')
  const header = rows[0]!.fields
  const columns = edgeColumns(header, rows[0]!.line, delimiter, source)
  const { sCol, tCol, wCol, first } = columns
  let { typeCol, relCol } = columns
  // A "type" column holding something other than Directed/Undirected names the tie type
  // (information, joint action, …): it is the relation column when there is none.
  if (typeCol >= 0 && relCol < 0 && first === 1) {
    if (rows.slice(1).some((r) => !isDirectionWord(r.fields[typeCol] ?? ''))) {
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
    directionWarning(builder, rows[0]!.line, header[typeCol]!, directed)
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

function directionWarning(builder: NetworkBuilder, line: number, field: string, directed: boolean): void {
  builder.warn(
    'W_DIRECTION',
    { line, field },
    `direction taken from the "${field}" column: ${directed ? 'directed' : 'undirected'}`,
  )
}

// ---------------------------------------------------------------------------------------------
// The fast path. It reads UTF-8 bytes (a string is encoded first) in two passes:
//   1. scan: split rows and fields on the bytes, intern every source and target by its bytes
//      in an open-addressing table (FNV-1a hash; a key is the offset and length of its first
//      occurrence), parse weights, and keep per tie only numbers: two keys, weight, line;
//   2. build: decode each distinct key once (ASCII with String.fromCharCode, else TextDecoder),
//      resolve it to a node through the builder's id map (so ids that differ only by Unicode
//      white space still meet), and add ties by index.
// It returns null, or throws a ParseError, for anything the general reader must judge.
// ---------------------------------------------------------------------------------------------

const QUOTE = 34
// slot layout of ByteKeys
const HASH = 0
const KEY = 1
const START = 2
const LEN = 3
const SLOT = 4
const LF = 10
const CR = 13

/** ASCII white space that String.prototype.trim removes inside a line: tab, VT, FF, space. */
const isBlankByte = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12

let utf8Decoder: TextDecoder | undefined
/** UTF-8 decoder that keeps a leading U+FEFF (the general reader keeps it inside the text). */
const utf8 = (): TextDecoder => (utf8Decoder ??= new TextDecoder('utf-8', { ignoreBOM: true }))

/** Text of b[a .. e): ASCII through String.fromCharCode (a flat string), anything else decoded. */
function decodeRange(b: Uint8Array, a: number, e: number, ascii: boolean): string {
  if (ascii && e - a <= 1024) return String.fromCharCode.apply(null, b.subarray(a, e) as unknown as number[])
  return utf8().decode(b.subarray(a, e))
}

/** Growable columns of scanned ties: key numbers, weight, line, and keys of the type and relation cells. */
class ScannedTies {
  source: Int32Array
  target: Int32Array
  weight: Float64Array
  line: Int32Array
  /** Key of the relation cell (-1: the row has no such cell), when there is a relation column. */
  rel: Int32Array | null
  /** Key of the type cell, when there is a type column. */
  type: Int32Array | null
  length = 0

  constructor(capacity: number, rel: boolean, type: boolean) {
    const n = Math.max(16, capacity)
    this.source = new Int32Array(n)
    this.target = new Int32Array(n)
    this.weight = new Float64Array(n)
    this.line = new Int32Array(n)
    this.rel = rel ? new Int32Array(n) : null
    this.type = type ? new Int32Array(n) : null
  }

  /** Index of a new row (columns grown as needed). */
  add(): number {
    if (this.length === this.source.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2)
        b.set(a)
        return b
      }
      this.source = grow(this.source)
      this.target = grow(this.target)
      this.weight = grow(this.weight)
      this.line = grow(this.line)
      if (this.rel) this.rel = grow(this.rel)
      if (this.type) this.type = grow(this.type)
    }
    return this.length++
  }
}

/**
 * Byte strings interned to key numbers 0, 1, 2, … by an open-addressing hash table (linear
 * probing, load at most 1/2). A slot holds hash, key + 1, offset and length of the key's first
 * occurrence, side by side, so a probe reads one cache line before it compares bytes.
 */
class ByteKeys {
  readonly bytes: Uint8Array
  /** The whole input is ASCII (every key's text is its bytes as character codes). */
  readonly ascii: boolean
  size = 0
  private slots: Int32Array // [hash, key + 1 (0 = empty), start, length] per slot
  private mask: number
  /** Slot of each key, in key order. */
  private slotOf = new Int32Array(512)

  constructor(bytes: Uint8Array, ascii: boolean, expected = 512) {
    this.bytes = bytes
    this.ascii = ascii
    let size = 1024
    while (size < 2 * expected && size < 1 << 22) size *= 2
    this.slots = new Int32Array(size * SLOT)
    this.mask = size - 1
  }

  /** Key of bytes[a .. e) (non-empty), added when new. */
  intern(a: number, e: number): number {
    const b = this.bytes
    let h = 0x811c9dc5 | 0
    for (let i = a; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193)
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d)
    h ^= h >>> 12
    const n = e - a
    const slots = this.slots
    const mask = this.mask
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const o = i * SLOT
      const k1 = slots[o + KEY]!
      if (k1 === 0) return this.add(i, a, n, h)
      if (slots[o + HASH] === h && slots[o + LEN] === n) {
        const from = slots[o + START]!
        let j = 0
        while (j < n && b[from + j] === b[a + j]) j++
        if (j === n) return k1 - 1
      }
    }
  }

  /** The key's text, decoded from its bytes (short ASCII keys character by character). */
  text(k: number): string {
    const o = this.slotOf[k]! * SLOT
    const a = this.slots[o + START]!
    const e = a + this.slots[o + LEN]!
    const b = this.bytes
    if (this.ascii) {
      const f = String.fromCharCode
      switch (e - a) {
        case 1:
          return f(b[a]!)
        case 2:
          return f(b[a]!, b[a + 1]!)
        case 3:
          return f(b[a]!, b[a + 1]!, b[a + 2]!)
        case 4:
          return f(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!)
        case 5:
          return f(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!)
        case 6:
          return f(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!)
        case 7:
          return f(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!)
        case 8:
          return f(b[a]!, b[a + 1]!, b[a + 2]!, b[a + 3]!, b[a + 4]!, b[a + 5]!, b[a + 6]!, b[a + 7]!)
        default:
          return decodeRange(b, a, e, true)
      }
    }
    let ascii = true
    for (let i = a; i < e; i++) {
      if (b[i]! >= 0x80) {
        ascii = false
        break
      }
    }
    return decodeRange(b, a, e, ascii)
  }

  private add(slot: number, a: number, n: number, h: number): number {
    const k = this.size++
    if (k === this.slotOf.length) {
      const grown = new Int32Array(k * 2)
      grown.set(this.slotOf)
      this.slotOf = grown
    }
    const o = slot * SLOT
    this.slots[o + HASH] = h
    this.slots[o + KEY] = k + 1
    this.slots[o + START] = a
    this.slots[o + LEN] = n
    this.slotOf[k] = slot
    if (2 * this.size > this.mask) this.rehash()
    return k
  }

  private rehash(): void {
    const old = this.slots
    const count = (this.mask + 1) * 2
    const slots = new Int32Array(count * SLOT)
    const mask = count - 1
    for (let k = 0; k < this.size; k++) {
      const from = this.slotOf[k]! * SLOT
      let i = old[from + HASH]! & mask
      while (slots[i * SLOT + KEY] !== 0) i = (i + 1) & mask
      const to = i * SLOT
      slots[to + HASH] = old[from + HASH]!
      slots[to + KEY] = old[from + KEY]!
      slots[to + START] = old[from + START]!
      slots[to + LEN] = old[from + LEN]!
      this.slotOf[k] = i
    }
    this.slots = slots
    this.mask = mask
  }
}

/** True when b[from ..] is all ASCII (tested four bytes at a time where aligned). */
function isAscii(b: Uint8Array, from: number): boolean {
  let i = from
  const len = b.length
  while (i < len && (b.byteOffset + i) % 4 !== 0) if (b[i++]! >= 0x80) return false
  const words = (len - i) >> 2
  if (words > 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset + i, words)
    for (let k = 0; k < words; k++) if ((w[k]! & 0x80808080) !== 0) return false
    i += words * 4
  }
  while (i < len) if (b[i++]! >= 0x80) return false
  return true
}

/** Mirrors decodeText's refusal of binary data (a NUL byte or many control bytes in the first 64 KiB). */
function looksBinary(b: Uint8Array): boolean {
  const len = Math.min(b.length, 65536)
  let control = 0
  for (let i = 0; i < len; i++) {
    const c = b[i]!
    if (c === 0) return true
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1a)) control++
  }
  return len > 0 && control / len > 0.1
}

/** String.prototype.isWellFormed where the engine has it: a lone surrogate would not survive UTF-8. */
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed
  if (native) return native.call(s)
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
}

/** Weight from b[a .. e) (trimmed, non-empty): digits directly, anything else through Number(); null when not a weight. */
function parseWeight(b: Uint8Array, a: number, e: number): number | null {
  if (e - a <= 15) {
    let v = 0
    let i = a
    for (; i < e; i++) {
      const d = b[i]! - 48
      if (d < 0 || d > 9) break
      v = v * 10 + d
    }
    if (i === e) return v
  }
  for (let i = a; i < e; i++) if (b[i]! >= 0x80) return null
  const v = Number(decodeRange(b, a, e, true))
  return Number.isFinite(v) && v >= 0 ? v : null
}

/** The fast path of readCsv: the same result, or null (or a ParseError) when the general reader must decide. */
export function readCsvFast(input: string | Uint8Array, opts: CsvReadOptions = {}): ReadResult | null {
  const source = opts.source
  let b: Uint8Array
  let start = 0
  let ascii: boolean
  let text: string | null = null
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    if (!wellFormed(text)) return null
    b = new TextEncoder().encode(text)
    ascii = b.length === text.length
  } else {
    b = input
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      // decodeText drops the mark, and its decoder one more
      start = b.length >= 6 && b[3] === 0xef && b[4] === 0xbb && b[5] === 0xbf ? 6 : 3
    } else if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
      return null // UTF-16
    } else if (looksBinary(b)) {
      return null
    }
    ascii = isAscii(b, start)
    if (!ascii) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(start))
      } catch {
        return null // not UTF-8: the general reader tries GB18030
      }
    }
  }
  const len = b.length

  // header (or first tie): the first line, when it is not blank and holds no open quote
  let headEnd = start
  let quotes = 0
  while (headEnd < len && b[headEnd] !== LF && b[headEnd] !== CR) if (b[headEnd++] === QUOTE) quotes++
  if (quotes % 2 !== 0) return null
  const headText = utf8().decode(b.subarray(start, headEnd))
  const delimiter = detectDelimiter(headText)
  const headRows = parseCsv(headText, delimiter, source)
  if (headRows.length === 0) return null
  const header = headRows[0]!.fields
  const { sCol, tCol, wCol, typeCol, relCol, first } = edgeColumns(header, 1, delimiter, source)

  // pass 1: scan
  let pos = start
  let line = 1
  if (first === 1) {
    pos = headEnd
    if (pos < len) {
      pos += b[pos] === CR && b[pos + 1] === LF ? 2 : 1
      line = 2
    }
  }
  const lines = estimateLines(b, pos)
  const ids = new ByteKeys(b, ascii, lines / 2)
  const cells = typeCol >= 0 || relCol >= 0 ? new ByteKeys(b, ascii) : null
  const ties = new ScannedTies(lines, relCol >= 0, typeCol >= 0)
  const layout: RowLayout = { d: delimiter.charCodeAt(0), sCol, tCol, wCol, relCol, typeCol }
  if (!scanRows(b, pos, line, layout, ids, cells, ties)) return null

  // pass 2: decide the type column, then build exactly as the general reader does
  const cellText = (k: number): string => (k < 0 ? '' : cells!.text(k).trim())
  let rel = ties.rel
  let type = ties.type
  let typeIsRelation = false
  if (type && relCol < 0 && first === 1) {
    const checked = new Uint8Array(cells!.size)
    for (let i = 0; i < ties.length && !typeIsRelation; i++) {
      const k = type[i]!
      if (k < 0 || checked[k]) continue
      checked[k] = 1
      if (!isDirectionWord(cellText(k))) typeIsRelation = true
    }
    if (typeIsRelation) {
      rel = type
      type = null
    }
  }
  const relColumn = typeIsRelation ? typeCol : relCol
  const typeColumn = typeIsRelation ? -1 : typeCol
  let directed = opts.directed ?? false
  const builder = new NetworkBuilder({
    directed: false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: opts.unknownNodes,
    source,
  })
  const encWarnings: Warning[] = []
  if (opts.nodes !== undefined) readNodeTable(builder, opts.nodes, opts.nodesSource ?? 'nodes', encWarnings)
  if (opts.directed === undefined && typeColumn >= 0 && type) {
    for (let i = 0; i < ties.length; i++) {
      const k = type[i]!
      if (k >= 0 && cellText(k).toLowerCase() === 'directed') {
        directed = true
        break
      }
    }
    directionWarning(builder, 1, header[typeColumn]!, directed)
  }
  builder.directed = directed
  builder.reserveTies(ties.length)
  const fixedRelation = relColumn < 0 ? builder.relation(opts.relation ?? '') : -1
  const node = new Int32Array(ids.size).fill(-1)
  if (builder.nodeCount === 0 && ids.ascii) {
    // no node table and ASCII ids: distinct byte strings are distinct ids, and keys were
    // numbered in order of first appearance, as ties create nodes: node k is key k
    const names: string[] = new Array(ids.size)
    for (let k = 0; k < ids.size; k++) names[k] = ids.text(k)
    builder.addNewNodes(names)
    for (let k = 0; k < ids.size; k++) node[k] = k
  }
  const relation = rel ? new Int32Array(cells!.size + 1).fill(-1) : null
  for (let i = 0; i < ties.length; i++) {
    const lineNo = ties.line[i]!
    const sk = ties.source[i]!
    let s = node[sk]!
    if (s < 0) {
      const id = ids.text(sk).trim()
      if (id === '') return null
      s = node[sk] = builder.tieEnd(id, 'source', lineNo)
    }
    const tk = ties.target[i]!
    let t = node[tk]!
    if (t < 0) {
      const id = ids.text(tk).trim()
      if (id === '') return null
      t = node[tk] = builder.tieEnd(id, 'target', lineNo)
    }
    let r = fixedRelation
    if (relation && rel) {
      const k = rel[i]! + 1 // slot 0: no cell
      r = relation[k]!
      if (r < 0) r = relation[k] = builder.relation(cellText(k - 1))
    }
    builder.addTieAt(s, t, ties.weight[i]!, r, lineNo)
  }
  const { network, warnings } = builder.build()
  return {
    network: opts.twoMode ? asTwoMode(network, undefined, { source }) : network,
    warnings: [...encWarnings, ...warnings],
  }
}

/** Where the columns of an edge list are, and its delimiter byte. */
interface RowLayout {
  d: number
  sCol: number
  tCol: number
  wCol: number
  relCol: number
  typeCol: number
}

/**
 * Pass 1 of the fast path: splits b[pos ..] into rows and fields, interns sources and targets
 * (and type and relation cells) and parses weights into `ties`. False when a row needs the
 * general reader (a quote it does not handle, too few fields, an empty id, a bad weight).
 */
function scanRows(
  b: Uint8Array,
  pos: number,
  line: number,
  layout: RowLayout,
  ids: ByteKeys,
  cells: ByteKeys | null,
  ties: ScannedTies,
): boolean {
  const { d, sCol, tCol, wCol, relCol, typeCol } = layout
  const len = b.length
  const minFields = Math.max(sCol, tCol) + 1
  const need = Math.max(sCol, tCol, wCol) + 1
  while (pos < len) {
    const rowLine = line
    let f = 0
    let quoted = false
    let a0 = pos
    let e0 = pos
    let sA = 0
    let sE = 0
    let tA = 0
    let tE = 0
    let wA = 0
    let wE = 0
    let rA = 0
    let rE = -1
    let yA = 0
    let yE = -1
    for (;;) {
      let a: number
      let e: number
      let c = pos < len ? b[pos]! : -1
      if (c === QUOTE) {
        quoted = true
        a = ++pos
        while (pos < len && (c = b[pos]!) !== QUOTE) {
          if (c === LF || c === CR) return false // a line break inside quotes
          pos++
        }
        if (pos >= len) return false // not closed
        e = pos++
        c = pos < len ? b[pos]! : -1
        if (c !== d && c !== LF && c !== CR && c !== -1) return false // a doubled quote, or text after the closing one
      } else {
        a = pos
        while (pos < len) {
          c = b[pos]!
          if (c === d || c === LF || c === CR) break
          pos++
        }
        e = pos
        if (pos >= len) c = -1
      }
      if (f === 0) {
        a0 = a
        e0 = e
      }
      if (f === sCol) {
        sA = a
        sE = e
      }
      if (f === tCol) {
        tA = a
        tE = e
      }
      if (f === wCol) {
        wA = a
        wE = e
      }
      if (f === relCol) {
        rA = a
        rE = e
      }
      if (f === typeCol) {
        yA = a
        yE = e
      }
      f++
      if (c === d) {
        pos++
        continue
      }
      if (c === CR) {
        pos += b[pos + 1] === LF ? 2 : 1
        line++
      } else if (c === LF) {
        pos++
        line++
      }
      break
    }
    if (f === 1 && !quoted) {
      // a blank line (spaces and tabs only) is no row
      let k = a0
      while (k < e0 && (b[k] === 32 || b[k] === 9)) k++
      if (k === e0) continue
    }
    if (f < minFields) return false
    while (sA < sE && isBlankByte(b[sA]!)) sA++
    while (sE > sA && isBlankByte(b[sE - 1]!)) sE--
    while (tA < tE && isBlankByte(b[tA]!)) tA++
    while (tE > tA && isBlankByte(b[tE - 1]!)) tE--
    if (sA === sE || tA === tE) return false
    const k = ties.add()
    ties.source[k] = ids.intern(sA, sE)
    ties.target[k] = ids.intern(tA, tE)
    ties.line[k] = rowLine
    let w = 1
    if (wCol >= 0 && f >= need) {
      while (wA < wE && isBlankByte(b[wA]!)) wA++
      while (wE > wA && isBlankByte(b[wE - 1]!)) wE--
      if (wA < wE) {
        const x = parseWeight(b, wA, wE)
        if (x === null) return false
        w = x
      }
    }
    ties.weight[k] = w
    if (cells) {
      if (ties.rel) ties.rel[k] = rE < 0 ? -1 : internCell(cells, b, rA, rE)
      if (ties.type) ties.type[k] = yE < 0 ? -1 : internCell(cells, b, yA, yE)
    }
  }

  return true
}

/** About how many lines b[from ..] holds, from the line length of its first 64 KiB (a capacity hint, not a bound). */
function estimateLines(b: Uint8Array, from: number): number {
  const end = Math.min(b.length, from + 65536)
  let ends = 0
  for (let i = from; i < end; i++) if (b[i] === LF || (b[i] === CR && b[i + 1] !== LF)) ends++
  if (end === b.length) return ends + 1
  return Math.ceil(((b.length - from) / (end - from)) * ends * 1.05) + 16
}

/** Key of a type or relation cell b[a .. e), or -1 when it trims to nothing in ASCII. */
function internCell(cells: ByteKeys, b: Uint8Array, a: number, e: number): number {
  while (a < e && isBlankByte(b[a]!)) a++
  while (e > a && isBlankByte(b[e - 1]!)) e--
  return a === e ? -1 : cells.intern(a, e)
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
