// UCINET DL files: fullmatrix, upperhalf/lowerhalf, edgelist1, nodelist1; labels, embedded labels, two-mode, several matrices.

import { NetworkBuilder } from '../builder.js'
import { ParseError, type Location } from '../errors.js'
import type { Network } from '../graph.js'
import { formatNumber } from './csv.js'
import { decodeText, splitLines, truncate } from './text.js'
import { quoteName, TieList } from './tieList.js'
import type { ReadOptions, ReadResult, WriteOptions } from './types.js'

/** A word of a DL file with where it stands. */
interface Tok {
  text: string
  line: number
  column: number
  quoted: boolean
}

/**
 * Splits DL text into tokens: separators are spaces, tabs, commas and `=`; a trailing `:` is
 * its own token; double-quoted names may hold separators (a doubled quote is a quote).
 * Line structure is kept for the list formats.
 */
function tokenizeDl(lines: string[], source?: string): Tok[][] {
  const out: Tok[][] = []
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!
    const toks: Tok[] = []
    let i = 0
    while (i < line.length) {
      const c = line[i]!
      if (c === ' ' || c === '\t' || c === ',' || c === '=') {
        i++
        continue
      }
      if (c === ':') {
        toks.push({ text: ':', line: li + 1, column: i + 1, quoted: false })
        i++
        continue
      }
      if (c === '"') {
        const start = i
        let s = ''
        i++
        for (;;) {
          if (i >= line.length)
            throw new ParseError(
              'E_SYNTAX',
              { source, line: li + 1, column: start + 1 },
              'a quoted label is not closed (missing ")',
            )
          if (line[i] === '"') {
            if (line[i + 1] === '"') {
              s += '"'
              i += 2
              continue
            }
            i++
            break
          }
          s += line[i]
          i++
        }
        toks.push({ text: s, line: li + 1, column: start + 1, quoted: true })
        continue
      }
      const start = i
      while (i < line.length && !' \t,=:'.includes(line[i]!)) i++
      toks.push({ text: line.slice(start, i), line: li + 1, column: start + 1, quoted: false })
    }
    out.push(toks)
  }
  return out
}

type DlFormat = 'fullmatrix' | 'upperhalf' | 'lowerhalf' | 'edgelist1' | 'nodelist1'

const FORMAT_NAMES: Record<string, DlFormat> = {
  fullmatrix: 'fullmatrix',
  fm: 'fullmatrix',
  upperhalf: 'upperhalf',
  uh: 'upperhalf',
  lowerhalf: 'lowerhalf',
  lh: 'lowerhalf',
  edgelist1: 'edgelist1',
  el1: 'edgelist1',
  edgelist: 'edgelist1',
  nodelist1: 'nodelist1',
  nl1: 'nodelist1',
  nodelist: 'nodelist1',
}

/** A cursor over the tokens of all lines, in order. */
class Cursor {
  li = 0
  ti = 0
  constructor(
    readonly lines: Tok[][],
    readonly source?: string,
  ) {}

  peek(): Tok | undefined {
    while (this.li < this.lines.length && this.ti >= this.lines[this.li]!.length) {
      this.li++
      this.ti = 0
    }
    return this.lines[this.li]?.[this.ti]
  }

  next(): Tok | undefined {
    const t = this.peek()
    if (t) this.ti++
    return t
  }

  /** The next token, or E_TRUNCATED naming what was expected (at the last line with content). */
  need(what: string): Tok {
    const t = this.next()
    if (!t)
      throw new ParseError(
        'E_TRUNCATED',
        { source: this.source, line: this.lastLine() },
        `the file ends where ${what} was expected`,
      )
    return t
  }

  lastLine(): number {
    let li = this.lines.length
    while (li > 1 && this.lines[li - 1]!.length === 0) li--
    return li
  }

  where(t: Tok, field?: string): Location {
    return { source: this.source, line: t.line, column: t.column, ...(field ? { field } : {}) }
  }
}

function lower(t: Tok | undefined): string {
  return t && !t.quoted ? t.text.toLowerCase() : ''
}

/**
 * Reads a UCINET DL file. One-mode (`n=`) or two-mode (`nr=`, `nc=`) data, one or several
 * matrices (`nm=`, names from `matrix labels:`), formats fullmatrix (default), upperhalf and
 * lowerhalf (`diagonal = present|absent`), edgelist1 and nodelist1; labels from `labels:`,
 * `row labels:`/`column labels:` or embedded in the data (`labels embedded`). Values are tie
 * weights, 0 = no tie. Direction: `opts.directed`, else directed exactly when the data are not
 * symmetric (reported). Undirected data list both directions of a tie, which count once.
 *
 * @example
 * const { network } = readDl('dl n=3\nformat = edgelist1\nlabels:\na b c\ndata:\n1 2\n2 3\n')
 */
export function readDl(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const source = opts.source
  const { text, warnings: encWarnings } = decodeText(input, source)
  const c = new Cursor(tokenizeDl(splitLines(text), source), source)
  const first = c.next()
  if (!first) throw new ParseError('E_EMPTY', { source }, 'the file is empty (expected "dl n=…")')
  if (lower(first) !== 'dl')
    throw new ParseError('E_FORMAT', c.where(first), `a DL file starts with "dl", got "${truncate(first.text)}"`)

  let n: number | undefined
  let nr: number | undefined
  let nc: number | undefined
  let nm = 1
  let format: DlFormat = 'fullmatrix'
  let diagonal = true
  let rowLabels: string[] | undefined
  let colLabels: string[] | undefined
  let matrixLabels: string[] | undefined
  let rowsEmbedded = false
  let colsEmbedded = false

  const integer = (key: Tok): number => {
    const t = c.need(`a number after "${key.text}"`)
    const v = Number(t.text)
    if (!Number.isInteger(v) || v < 0)
      throw new ParseError(
        'E_NUMBER',
        c.where(t, key.text.toUpperCase()),
        `expected a whole number for ${key.text.toUpperCase()}, got "${truncate(t.text)}"`,
      )
    return v
  }
  const colon = (): void => {
    if (c.peek()?.text === ':' && !c.peek()!.quoted) c.next()
  }
  const readLabels = (count: number | undefined, what: string, at: Tok): string[] => {
    if (count === undefined)
      throw new ParseError(
        'E_SYNTAX',
        c.where(at),
        `${what} come before the size is known: put N= (or NR=, NC=, NM=) first`,
      )
    const out: string[] = []
    while (out.length < count) {
      const t = c.peek()
      const kw = lower(t)
      if (
        !t ||
        kw === 'data' ||
        kw === 'row' ||
        kw === 'column' ||
        kw === 'col' ||
        kw === 'matrix' ||
        kw === 'labels'
      ) {
        throw new ParseError(
          'E_COUNT',
          t ? c.where(t) : { source, line: c.lastLine() },
          `expected ${count} ${what}, got ${out.length}`,
        )
      }
      c.next()
      out.push(t.text)
    }
    return out
  }

  // header: keywords until "data:"
  for (;;) {
    const t = c.next()
    if (!t) throw new ParseError('E_TRUNCATED', { source, line: c.lastLine() }, 'the file ends before "data:"')
    const kw = lower(t)
    if (kw === 'n') n = integer(t)
    else if (kw === 'nr') nr = integer(t)
    else if (kw === 'nc') nc = integer(t)
    else if (kw === 'nm') nm = integer(t)
    else if (kw === 'format') {
      const v = c.need('a format name')
      const f = FORMAT_NAMES[v.text.toLowerCase()]
      if (!f)
        throw new ParseError(
          'E_UNSUPPORTED',
          c.where(v, 'format'),
          `format "${truncate(v.text)}" is not supported; expected fullmatrix, upperhalf, lowerhalf, edgelist1 or nodelist1`,
        )
      format = f
    } else if (kw === 'diagonal') {
      const v = lower(c.need('present or absent'))
      if (v !== 'present' && v !== 'absent')
        throw new ParseError('E_FIELD', c.where(t, 'diagonal'), `diagonal must be present or absent, got "${v}"`)
      diagonal = v === 'present'
    } else if (kw === 'labels' || kw === 'row' || kw === 'column' || kw === 'col' || kw === 'matrix') {
      const which = kw
      if (which !== 'labels') {
        const l = c.next()
        if (lower(l) !== 'labels')
          throw new ParseError(
            'E_SYNTAX',
            c.where(l ?? t),
            `expected "${which} labels", got "${truncate(l?.text ?? '')}"`,
          )
      }
      if (lower(c.peek()) === 'embedded') {
        c.next()
        colon()
        if (which === 'labels' || which === 'row') rowsEmbedded = true
        if (which === 'labels' || which === 'column' || which === 'col') colsEmbedded = true
        continue
      }
      const col = c.next()
      if (col?.text !== ':')
        throw new ParseError(
          'E_SYNTAX',
          c.where(col ?? t),
          `expected ":" after "${which === 'labels' ? 'labels' : `${which} labels`}"`,
        )
      if (which === 'matrix') matrixLabels = readLabels(nm, 'matrix labels', t)
      else if (which === 'labels') {
        const count = n ?? (nr !== undefined && nr === nc ? nr : undefined)
        rowLabels = readLabels(count, 'labels', t)
        colLabels = rowLabels
      } else if (which === 'row') rowLabels = readLabels(nr ?? n, 'row labels', t)
      else colLabels = readLabels(nc ?? n, 'column labels', t)
    } else if (kw === 'data') {
      colon()
      break
    } else {
      throw new ParseError(
        'E_SYNTAX',
        c.where(t),
        `unknown DL keyword "${truncate(t.text)}"; expected N=, NR=, NC=, NM=, FORMAT=, labels: or data:`,
      )
    }
  }

  const twoMode = n === undefined && nr !== undefined && nc !== undefined
  if (n === undefined && !twoMode) {
    if (nr !== undefined || nc !== undefined)
      throw new ParseError('E_SYNTAX', { source, line: 1 }, 'a two-mode DL file needs both NR= and NC=')
    throw new ParseError('E_SYNTAX', { source, line: 1 }, 'the DL header gives no size: expected N= (or NR= and NC=)')
  }
  const R = twoMode ? nr! : n!
  const C = twoMode ? nc! : n!
  if (twoMode && (format === 'upperhalf' || format === 'lowerhalf')) {
    throw new ParseError(
      'E_UNSUPPORTED',
      { source, line: 1, field: 'format' },
      `${format} needs a square matrix (N=), not NR=/NC=`,
    )
  }
  const relations =
    matrixLabels ?? (nm === 1 ? [opts.relation ?? ''] : Array.from({ length: nm }, (_, k) => String(k + 1)))

  // node ids: row labels then (two-mode) column labels; embedded labels are learnt from the data
  const b = new NetworkBuilder({
    directed: false,
    selfLoops: opts.selfLoops,
    duplicates: opts.duplicates,
    unknownNodes: 'error',
    source,
    twoModeRows: twoMode ? R : null,
  })
  const embedded = format === 'fullmatrix' ? rowsEmbedded || colsEmbedded : rowsEmbedded
  const ids: (string | undefined)[] = new Array(twoMode ? R + C : R)
  const nodeIndex = new Map<string, number>()
  const declare = (k: number, id: string, at: Location): void => {
    const prev = nodeIndex.get(id)
    if (prev !== undefined && prev !== k)
      throw new ParseError('E_DUPLICATE_NODE', at, `label "${truncate(id)}" names two nodes`)
    nodeIndex.set(id, k)
    ids[k] = id
  }
  if (rowLabels) rowLabels.forEach((id, k) => declare(k, id, { source, field: 'labels' }))
  if (twoMode && colLabels) colLabels.forEach((id, k) => declare(R + k, id, { source, field: 'column labels' }))

  const ties = new TieList()
  const number = (t: Tok): number => {
    const v = Number(t.text)
    if (t.quoted || t.text === '' || !Number.isFinite(v))
      throw new ParseError('E_NUMBER', c.where(t), `expected a number, got "${truncate(t.text)}"`)
    if (v < 0) throw new ParseError('E_WEIGHT', c.where(t), `weight must be a number >= 0, got "${t.text}"`)
    return v
  }
  const colNode = (j: number): number => (twoMode ? R + j : j)

  if (format === 'fullmatrix' || format === 'upperhalf' || format === 'lowerhalf') {
    for (let m = 0; m < nm; m++) {
      let colOrder: number[] | null = null
      if (format === 'fullmatrix' && colsEmbedded) {
        colOrder = []
        for (let j = 0; j < C; j++) {
          const t = c.need(`column label ${j + 1}`)
          const known = nodeIndex.get(t.text)
          const k = known ?? colNode(j)
          if (known === undefined) declare(k, t.text, c.where(t))
          colOrder.push(k)
        }
      }
      for (let i = 0; i < R; i++) {
        let row = i
        if (format === 'fullmatrix' && rowsEmbedded) {
          const t = c.need(`the label of row ${i + 1}`)
          const known = nodeIndex.get(t.text)
          if (known === undefined) declare(i, t.text, c.where(t))
          row = known ?? i
        }
        const lo = format === 'upperhalf' ? (diagonal ? i : i + 1) : 0
        const hi = format === 'lowerhalf' ? (diagonal ? i + 1 : i) : C
        for (let j = lo; j < hi; j++) {
          const t = c.need(`row ${i + 1}, column ${j + 1} of matrix ${m + 1}`)
          const v = number(t)
          if (v === 0) continue
          const col = colOrder ? colOrder[j]! : colNode(j)
          ties.push(row, col, v, m, t.line, t.column)
          if (format !== 'fullmatrix' && row !== col) ties.push(col, row, v, m, t.line, t.column)
        }
      }
    }
    const extra = c.peek()
    if (extra)
      throw new ParseError(
        'E_COUNT',
        c.where(extra),
        `more values than the ${nm > 1 ? `${nm} ` : ''}${R}×${C} matrix${nm > 1 ? 'es' : ''} declared, starting with "${truncate(extra.text)}"`,
      )
  } else {
    // list formats: one line per entry; a line "!" starts the next matrix
    const node = (t: Tok, rowSide: boolean): number => {
      if (embedded) {
        let k = nodeIndex.get(t.text)
        if (k === undefined) {
          // new embedded label: the next free slot of its side
          const base = twoMode && !rowSide ? R : 0
          const size = twoMode ? (rowSide ? R : C) : R
          let slot = base
          while (slot < base + size && ids[slot] !== undefined) slot++
          if (slot >= base + size)
            throw new ParseError(
              'E_COUNT',
              c.where(t),
              `more than ${size} distinct labels; the header declares ${twoMode ? (rowSide ? 'NR' : 'NC') : 'N'}=${size}`,
            )
          declare(slot, t.text, c.where(t))
          k = slot
        }
        return k
      }
      const v = Number(t.text)
      const size = twoMode ? (rowSide ? R : C) : R
      if (!Number.isInteger(v)) {
        if (nodeIndex.has(t.text)) return nodeIndex.get(t.text)!
        throw new ParseError(
          'E_NUMBER',
          c.where(t),
          `expected a node number 1..${size}, got "${truncate(t.text)}" (for names, use "labels embedded")`,
        )
      }
      if (v < 1 || v > size) throw new ParseError('E_INDEX', c.where(t), `node number ${v} is outside 1..${size}`)
      return twoMode && !rowSide ? R + v - 1 : v - 1
    }
    let m = 0
    const startLine = c.li
    for (let li = startLine; li < c.lines.length; li++) {
      const toks = li === startLine ? c.lines[li]!.slice(c.ti) : c.lines[li]!
      if (toks.length === 0) continue
      if (toks.length === 1 && toks[0]!.text === '!' && !toks[0]!.quoted) {
        m++
        if (m >= nm) throw new ParseError('E_COUNT', c.where(toks[0]!), `more matrices than NM=${nm}`)
        continue
      }
      if (format === 'edgelist1') {
        if (toks.length < 2 || toks.length > 3)
          throw new ParseError(
            'E_COUNT',
            c.where(toks[0]!),
            `an edgelist1 line holds "from to [value]", got ${toks.length} item${toks.length === 1 ? '' : 's'}`,
          )
        const s = node(toks[0]!, true)
        const t = node(toks[1]!, false)
        const v = toks.length === 3 ? number(toks[2]!) : 1
        if (v !== 0) ties.push(s, t, v, m, toks[0]!.line, toks[0]!.column)
      } else {
        const s = node(toks[0]!, true)
        for (let k = 1; k < toks.length; k++) {
          const t = node(toks[k]!, false)
          ties.push(s, t, 1, m, toks[k]!.line, toks[k]!.column)
        }
      }
    }
  }

  // direction: as asked, else from the symmetry of the data (two-mode ties are undirected)
  const symmetric = ties.symmetric()
  let directed = opts.directed ?? (!twoMode && !symmetric)
  if (twoMode && opts.directed === undefined) directed = false
  if (opts.directed === undefined && !twoMode)
    b.warn(
      'W_DIRECTION',
      { line: 1 },
      `direction decided from the data: ${directed ? 'directed (the matrix is not symmetric)' : 'undirected (the data are symmetric)'}`,
    )
  if (!directed && !twoMode && !symmetric && format === 'fullmatrix') b.warn('W_ASYMMETRIC', { line: 1 })
  b.directed = directed
  const total = twoMode ? R + C : R
  for (let k = 0; k < total; k++) {
    const id = ids[k] ?? (twoMode ? (k < R ? `R${k + 1}` : `C${k - R + 1}`) : String(k + 1))
    if (ids[k] === undefined && nodeIndex.has(id))
      throw new ParseError(
        'E_DUPLICATE_NODE',
        { source, field: 'labels' },
        `label "${id}" is also the default name of node ${k + 1}`,
      )
    b.addNode(id)
  }
  for (const r of relations) b.relation(r)
  ties.addTo(b, relations, directed)
  const { network, warnings } = b.build()
  return { network, warnings: [...encWarnings, ...warnings] }
}

export interface DlWriteOptions extends WriteOptions {
  /** fullmatrix (default up to 40 nodes) or edgelist1 (default above). */
  format?: 'fullmatrix' | 'edgelist1'
}

/**
 * Writes a DL file: `fullmatrix` for small networks, `edgelist1` for larger ones; every
 * relation as one matrix (`nm=`, `matrix labels:`); two-mode networks with row and column
 * labels. Undirected ties are written in both directions, as UCINET expects.
 */
export function writeDl(network: Network, opts: DlWriteOptions = {}): string {
  const graphs =
    opts.relation !== undefined ? network.relations.filter((g) => g.relation === opts.relation) : network.relations
  if (graphs.length === 0) throw new ParseError('E_OPTION', { field: 'relation' }, `no relation "${opts.relation}"`)
  const ids = network.nodes.ids
  const R = network.twoModeRows
  const n = ids.length
  const format = opts.format ?? (n <= 40 ? 'fullmatrix' : 'edgelist1')
  const out: string[] = []
  const nm = graphs.length
  if (R !== null) out.push(`dl nr=${R}, nc=${n - R}${nm > 1 ? `, nm=${nm}` : ''}`)
  else out.push(`dl n=${n}${nm > 1 ? `, nm=${nm}` : ''}`)
  out.push(`format = ${format}`)
  if (R !== null) {
    out.push('row labels:', ...ids.slice(0, R).map((s) => quoteName(s)))
    out.push('column labels:', ...ids.slice(R).map((s) => quoteName(s)))
  } else out.push('labels:', ...ids.map((s) => quoteName(s)))
  if (nm > 1 || graphs[0]!.relation !== '')
    out.push('matrix labels:', ...graphs.map((g) => quoteName(g.relation, true)))
  out.push('data:')
  graphs.forEach((g, m) => {
    if (format === 'fullmatrix') {
      const rows = R ?? n
      const cols = R === null ? n : n - R
      const off = R ?? 0
      const row = new Float64Array(cols)
      for (let u = 0; u < rows; u++) {
        row.fill(0)
        for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) row[g.outTargets[e]! - off] = g.outWeights[e]!
        if (R === null && g.loops) row[u] = g.loops[u]!
        out.push(Array.from(row, formatNumber).join(' '))
      }
    } else {
      if (m > 0) out.push('!')
      const col = (v: number): number => (R === null ? v + 1 : v - R + 1)
      for (let e = 0; e < g.m; e++) {
        const s = g.tieSource[e]!
        const t = g.tieTarget[e]!
        const w = formatNumber(g.tieWeight[e]!)
        if (R !== null) out.push(`${Math.min(s, t) + 1} ${col(Math.max(s, t))} ${w}`)
        else {
          out.push(`${s + 1} ${t + 1} ${w}`)
          if (!g.directed) out.push(`${t + 1} ${s + 1} ${w}`)
        }
      }
      if (R === null && g.loops)
        for (let u = 0; u < n; u++) if (g.loops[u]) out.push(`${u + 1} ${u + 1} ${formatNumber(g.loops[u]!)}`)
    }
  })
  return out.join('\n') + '\n'
}
