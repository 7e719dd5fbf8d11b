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
