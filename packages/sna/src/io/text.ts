// Text as real files come: byte decoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK), line ends, tokens.

import { ParseError, type Location, type Warning } from '../errors.js'

export interface DecodedText {
  text: string
  /** WHATWG encoding label the text was decoded with (utf-8, utf-16le, gb18030, …). */
  encoding: string
  warnings: Warning[]
}

/**
 * Decodes an input to text. Strings pass through (a leading BOM is removed). Bytes are read as
 * UTF-8 when valid, UTF-16 when a UTF-16 BOM says so, else as GB18030 (a superset of GBK, which
 * Chinese Windows tools such as UCINET write). Binary data is refused with E_ENCODING.
 */
export function decodeText(input: string | Uint8Array, source?: string): DecodedText {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    return { text, encoding: 'utf-8', warnings: [] }
  }
  const b = input
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: strictDecode('utf-8', b.subarray(3), source), encoding: 'utf-8', warnings: [] }
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: strictDecode('utf-16le', b.subarray(2), source), encoding: 'utf-16le', warnings: [] }
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: strictDecode('utf-16be', b.subarray(2), source), encoding: 'utf-16be', warnings: [] }
  }
  checkNotBinary(b, source)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8', warnings: [] }
  } catch {
    // not UTF-8: try GB18030 below
  }
  let text: string
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(b)
  } catch {
    throw new ParseError('E_ENCODING', { source, line: firstBadUtf8Line(b) }, 'the text is neither UTF-8 nor GB18030')
  }
  return {
    text,
    encoding: 'gb18030',
    warnings: [
      { code: 'W_ENCODING', message: 'the text was read as GB18030 (not UTF-8)', count: 1, where: { source } },
    ],
  }
}

function strictDecode(encoding: string, b: Uint8Array, source?: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b)
  } catch {
    throw new ParseError(
      'E_ENCODING',
      { source },
      `the text has a ${encoding} byte-order mark but is not valid ${encoding}`,
    )
  }
}

/** Text files have no NUL bytes and few control characters; anything else is refused early. */
function checkNotBinary(b: Uint8Array, source?: string): void {
  const len = Math.min(b.length, 65536)
  let control = 0
  let line = 1
  for (let i = 0; i < len; i++) {
    const c = b[i]!
    if (c === 0x0a) line++
    if (c === 0)
      throw new ParseError('E_ENCODING', { source, line }, 'binary data (a NUL byte) where text was expected')
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1a)) control++
  }
  if (len > 0 && control / len > 0.1) {
    throw new ParseError('E_ENCODING', { source }, 'binary data where text was expected')
  }
}

function firstBadUtf8Line(b: Uint8Array): number {
  // line of the first byte that is not ASCII: good enough to point a user at the place
  let line = 1
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) line++
    else if (b[i]! >= 0x80) return line
  }
  return line
}

/** Splits text into lines on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

/** A whitespace-separated token with its 1-based column. */
export interface Token {
  text: string
  column: number
  quoted: boolean
}

/**
 * Splits a line into tokens separated by whitespace (and optionally commas); double-quoted
 * tokens may contain separators (a doubled quote inside is a quote).
 */
export function tokenize(line: string, where: Location, commas = false): Token[] {
  const out: Token[] = []
  let i = 0
  const len = line.length
  while (i < len) {
    const c = line.charCodeAt(i)
    if (c === 32 || c === 9 || (commas && c === 44)) {
      i++
      continue
    }
    if (c === 34) {
      const start = i
      let s = ''
      i++
      for (;;) {
        if (i >= len)
          throw new ParseError('E_SYNTAX', { ...where, column: start + 1 }, 'a quoted name is not closed (missing ")')
        const d = line.charCodeAt(i)
        if (d === 34) {
          if (line.charCodeAt(i + 1) === 34) {
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
      out.push({ text: s, column: start + 1, quoted: true })
      continue
    }
    const start = i
    while (i < len) {
      const d = line.charCodeAt(i)
      if (d === 32 || d === 9 || (commas && d === 44)) break
      i++
    }
    out.push({ text: line.slice(start, i), column: start + 1, quoted: false })
  }
  return out
}

/** Parses a number token strictly (no trailing garbage); throws E_NUMBER naming the place. */
export function parseNumber(text: string, where: Location, what = 'a number'): number {
  const t = text.trim()
  const v = t === '' ? NaN : Number(t)
  if (!Number.isFinite(v)) throw new ParseError('E_NUMBER', where, `expected ${what}, got "${truncate(text)}"`)
  return v
}

/** Parses a positive/non-negative integer token strictly. */
export function parseInteger(text: string, where: Location, what = 'an integer', min = 0): number {
  const v = parseNumber(text, where, what)
  if (!Number.isInteger(v) || v < min)
    throw new ParseError('E_NUMBER', where, `expected ${what}, got "${truncate(text)}"`)
  return v
}

/** Shortens a user's text for an error message. */
export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/**
 * Reads whitespace-separated tokens (optionally also comma-separated) from text, keeping the
 * 1-based line and column of each token, without allocating an object per token. Double-quoted
 * tokens may hold separators and line breaks (a doubled quote inside is a quote). CRLF, CR and
 * LF all end a line. Used by the line-oriented readers (UCINET DL, Pajek).
 *
 * @example
 * const cur = new TokenCursor('a "b c"\n1 2', 'x.txt')
 * while (cur.next()) console.log(cur.tok, cur.tokLine, cur.tokColumn)
 */
export class TokenCursor {
  readonly text: string
  readonly source: string | undefined
  /** Commas separate tokens like spaces. */
  commas: boolean
  /** Characters that are tokens of their own and end words (e.g. "=:" in a DL header). */
  punct = ''
  /** The last token read, its 1-based line and column, and whether it was quoted. */
  tok = ''
  tokLine = 0
  tokColumn = 0
  tokQuoted = false
  private pos = 0
  private line = 1
  private lineStart = 0
  private saved: [number, number, number, string, number, number, boolean] | null = null

  constructor(text: string, source?: string, commas = false) {
    this.text = text
    this.source = source
    this.commas = commas
  }

  /** Reads the next token, across line ends. False at the end of the text. */
  next(): boolean {
    for (;;) {
      const c = this.skipSeparators()
      if (c < 0) return false
      if (c === 10 || c === 13) {
        this.endLine(c)
        continue
      }
      this.read()
      return true
    }
  }

  /** Reads the next token on the current line. False at the line's end (which is not consumed). */
  nextOnLine(): boolean {
    const c = this.skipSeparators()
    if (c < 0 || c === 10 || c === 13) return false
    this.read()
    return true
  }

  /** True when nothing but separators remains on the current line. */
  atLineEnd(): boolean {
    const c = this.skipSeparators()
    return c < 0 || c === 10 || c === 13
  }

  /** Skips the rest of the current line (quotes are not interpreted). */
  skipLine(): void {
    const t = this.text
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos)
      if (c === 10 || c === 13) return
      this.pos++
    }
  }

  /** Remembers the position (one slot) so that `reset` can return to it. */
  mark(): void {
    this.saved = [this.pos, this.line, this.lineStart, this.tok, this.tokLine, this.tokColumn, this.tokQuoted]
  }

  /** Returns to the position saved by `mark`. */
  reset(): void {
    const s = this.saved
    if (!s) return
    ;[this.pos, this.line, this.lineStart, this.tok, this.tokLine, this.tokColumn, this.tokQuoted] = s
  }

  /** Location of the last token (source, line, column), with an optional field name. */
  where(field?: string): Location {
    const loc: Location = { source: this.source, line: this.tokLine, column: this.tokColumn }
    if (field !== undefined) loc.field = field
    return loc
  }

  private isSeparator(c: number): boolean {
    return (
      c === 32 ||
      c === 9 ||
      c === 11 ||
      c === 12 ||
      c === 0xa0 ||
      c === 0x3000 ||
      c === 0xfeff ||
      (this.commas && c === 44)
    )
  }

  /** Skips separators on the line; returns the code at the position, or -1 at the end. */
  private skipSeparators(): number {
    const t = this.text
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos)
      if (!this.isSeparator(c)) return c
      this.pos++
    }
    return -1
  }

  private endLine(c: number): void {
    this.pos += c === 13 && this.text.charCodeAt(this.pos + 1) === 10 ? 2 : 1
    this.line++
    this.lineStart = this.pos
  }

  private read(): void {
    const t = this.text
    const start = this.pos
    this.tokLine = this.line
    this.tokColumn = start - this.lineStart + 1
    const c = t.charCodeAt(start)
    if (c === 34) {
      this.readQuoted()
      return
    }
    this.tokQuoted = false
    if (this.punct !== '' && this.punct.includes(t[start]!)) {
      this.pos++
      this.tok = t[start]!
      return
    }
    let i = start
    while (i < t.length) {
      const d = t.charCodeAt(i)
      if (d === 10 || d === 13 || this.isSeparator(d)) break
      if (this.punct !== '' && this.punct.includes(t[i]!)) break
      i++
    }
    this.pos = i
    this.tok = t.slice(start, i)
  }

  private readQuoted(): void {
    const t = this.text
    const line = this.tokLine
    const column = this.tokColumn
    let s = ''
    let i = this.pos + 1
    let from = i
    for (;;) {
      if (i >= t.length) {
        throw new ParseError(
          'E_SYNTAX',
          { source: this.source, line, column },
          'a quoted name is not closed (missing ")',
        )
      }
      const d = t.charCodeAt(i)
      if (d === 34) {
        s += t.slice(from, i)
        if (t.charCodeAt(i + 1) === 34) {
          s += '"'
          i += 2
          from = i
          continue
        }
        i++
        break
      }
      if (d === 10 || d === 13) {
        // a line break inside quotes: keep it, count the line
        const step = d === 13 && t.charCodeAt(i + 1) === 10 ? 2 : 1
        i += step
        this.line++
        this.lineStart = i
        continue
      }
      i++
    }
    this.pos = i
    this.tok = s
    this.tokQuoted = true
  }
}
