// A small, strict XML pull parser (no DOM, no Node APIs) for the GraphML and GEXF readers, plus escaping and byte decoding.

import { ParseError, type Warning } from '../errors.js'
import { decodeText, truncate, type DecodedText } from './text.js'

/** Event kinds returned by {@link XmlReader.next}. */
export const XML_EOF = 0
export const XML_START = 1
export const XML_END = 2
export const XML_TEXT = 3
export type XmlEvent = typeof XML_EOF | typeof XML_START | typeof XML_END | typeof XML_TEXT

const LT = 60 // <
const GT = 62 // >
const AMP = 38 // &
const SLASH = 47
const QUEST = 63
const BANG = 33
const EQ = 61
const QUOT = 34
const APOS = 39
const LF = 10
const CR = 13

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === LF || c === CR
}

function isNameStart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
  )
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7
}

/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, LF, CR). */
function isForbidden(c: number): boolean {
  return c < 32 && c !== 9 && c !== LF && c !== CR
}

/**
 * Reads an XML document as a stream of events: element starts (with attributes), element ends
 * and text (entities decoded, CDATA as text). Checks well-formedness as it goes (matching tags,
 * one root element, quoted attributes, known entities, no forbidden characters) and throws
 * ParseError E_XML with line and column otherwise. The XML declaration, comments, processing
 * instructions and a DOCTYPE (with its internal subset) are skipped; entities declared in a
 * DOCTYPE are not supported. Names keep their prefix in `qname`; `name` and attribute lookup
 * use the local name (namespace URIs are not resolved). A self-closing tag gives a start and an
 * end event.
 */
export class XmlReader {
  readonly text: string
  readonly source: string | undefined
  /** The encoding named by the XML declaration, or null. */
  declaredEncoding: string | null = null
  /** The current event. */
  event: XmlEvent = XML_EOF
  /** Local name (prefix removed) of the current start or end tag. */
  name = ''
  /** Qualified name (with prefix) of the current start or end tag. */
  qname = ''
  /** 1-based line and column of the current event's first character. */
  line = 1
  column = 1
  /** Number of open elements (after a start event: including it). */
  depth = 0

  private pos = 0
  private textStart = 0
  private textEnd = 0
  private textDecoded: string | null = null
  private textRaw = true
  private pendingEnd = false
  private seenRoot = false
  private rootClosed = false
  private readonly openNames: string[] = []
  private readonly openLines: number[] = []
  private readonly openColumns: number[] = []
  private readonly attrNames: string[] = []
  private readonly attrLocal: string[] = []
  private readonly attrValues: string[] = []
  private attrCount = 0
  // incremental line counting: positions only move forward
  private scanPos = 0
  private scanLine = 1
  private scanLineStart = 0

  constructor(text: string, source?: string) {
    this.text = text
    this.source = source
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1
  }

  /** Advances to the next event and returns it. */
  next(): XmlEvent {
    if (this.pendingEnd) {
      this.pendingEnd = false
      if (--this.depth === 0) this.rootClosed = true
      this.event = XML_END
      return XML_END
    }
    const s = this.text
    const len = s.length
    for (;;) {
      const p = this.pos
      if (p >= len) {
        if (this.depth > 0) {
          const k = this.depth - 1
          throw new ParseError(
            'E_XML',
            { source: this.source, line: this.openLines[k], column: this.openColumns[k] },
            `the element <${this.openNames[k]}> is not closed (the input ends first)`,
          )
        }
        if (!this.seenRoot) this.fail(p, 'no root element (the input holds no XML element)')
        this.event = XML_EOF
        return XML_EOF
      }
      const c = s.charCodeAt(p)
      if (c !== LT) {
        if (this.scanText(p)) {
          this.event = XML_TEXT
          return XML_TEXT
        }
        continue
      }
      const c2 = s.charCodeAt(p + 1)
      if (c2 === SLASH) return this.endTag(p)
      if (c2 === QUEST) {
        this.processingInstruction(p)
        continue
      }
      if (c2 === BANG) {
        if (s.startsWith('<!--', p)) {
          this.comment(p)
          continue
        }
        if (s.startsWith('<![CDATA[', p)) {
          if (this.depth === 0) this.fail(p, 'CDATA section outside the root element')
          const end = s.indexOf(']]>', p + 9)
          if (end < 0) this.fail(p, 'the CDATA section is not closed (missing "]]>")')
          this.checkChars(p + 9, end)
          this.setPosition(p)
          this.textStart = p + 9
          this.textEnd = end
          this.textRaw = false
          this.textDecoded = normalizeLineEnds(s.slice(p + 9, end))
          this.pos = end + 3
          this.event = XML_TEXT
          return XML_TEXT
        }
        if (s.startsWith('<!DOCTYPE', p)) {
          if (this.seenRoot) this.fail(p, 'a DOCTYPE after the root element started')
          this.doctype(p)
          continue
        }
        this.fail(p, `unexpected "${truncate(s.slice(p, p + 12), 12)}" (expected a comment, CDATA or DOCTYPE)`)
      }
      return this.startTag(p)
    }
  }

  /** Value of the attribute with this local name on the current start tag (namespace declarations excluded). */
  attr(localName: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) if (this.attrLocal[i] === localName) return this.attrValues[i]
    return undefined
  }

  /** Number of attributes of the current start tag. */
  get attributeCount(): number {
    return this.attrCount
  }

  /** Qualified name of attribute i of the current start tag. */
  attributeName(i: number): string {
    return this.attrNames[i]!
  }

  /** Local name of attribute i ('' for namespace declarations). */
  attributeLocalName(i: number): string {
    return this.attrLocal[i]!
  }

  attributeValue(i: number): string {
    return this.attrValues[i]!
  }

  /** Text of the current text event (entities decoded, line ends normalised to LF). */
  get value(): string {
    if (this.textDecoded === null) {
      this.textDecoded = this.textRaw
        ? this.text.slice(this.textStart, this.textEnd)
        : decodeEntities(this.text, this.textStart, this.textEnd, false)
    }
    return this.textDecoded
  }

  /**
   * After a start event: reads up to the matching end tag and returns the element's text.
   * Child elements are skipped; `hadChildren` tells whether there were any.
   */
  readText(): string {
    const depth = this.depth
    let out = ''
    this.hadChildren = false
    for (;;) {
      const e = this.next()
      if (e === XML_TEXT) out += this.value
      else if (e === XML_START) {
        this.hadChildren = true
        this.skipElement()
      } else if (e === XML_END && this.depth < depth) return out
    }
  }

  /** Set by readText(): the element had child elements (which were skipped). */
  hadChildren = false

  /** After a start event: skips everything up to and including the matching end tag. */
  skipElement(): void {
    const depth = this.depth
    for (;;) {
      const e = this.next()
      if (e === XML_END && this.depth < depth) return
    }
  }

  /** A ParseError E_XML at a position of the text. */
  error(pos: number, detail: string): ParseError {
    const { line, column } = this.locate(pos)
    return new ParseError('E_XML', { source: this.source, line, column }, detail)
  }

  /** Line and column (1-based) of a position of the text. */
  locate(pos: number): { line: number; column: number } {
    if (pos < this.scanPos) {
      this.scanPos = 0
      this.scanLine = 1
      this.scanLineStart = 0
    }
    const s = this.text
    let line = this.scanLine
    let start = this.scanLineStart
    for (let i = this.scanPos; i < pos; i++) {
      const c = s.charCodeAt(i)
      if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) {
        line++
        start = i + 1
      }
    }
    this.scanPos = pos
    this.scanLine = line
    this.scanLineStart = start
    return { line, column: pos - start + 1 }
  }

  private setPosition(pos: number): void {
    const { line, column } = this.locate(pos)
    this.line = line
    this.column = column
  }

  private fail(pos: number, detail: string): never {
    throw this.error(pos, detail)
  }

  /** Scans character data from p to the next '<'. Returns true when it is a text event. */
  private scanText(p: number): boolean {
    const s = this.text
    const len = s.length
    let i = p
    let raw = true
    let blank = true
    for (; i < len; i++) {
      const c = s.charCodeAt(i)
      if (c === LT) break
      if (c === AMP) {
        i = checkEntity(this, s, i) - 1
        raw = false
        blank = false
      } else if (c === CR) raw = false
      else if (c === GT) {
        if (i >= p + 2 && s.charCodeAt(i - 1) === 93 && s.charCodeAt(i - 2) === 93)
          this.fail(i - 2, '"]]>" is not allowed in text')
        blank = false
      } else if (!isSpace(c)) {
        if (isForbidden(c)) this.fail(i, `control character U+${hex4(c)} is not allowed in XML`)
        blank = false
      }
    }
    this.pos = i
    if (this.depth === 0) {
      if (!blank)
        this.fail(
          firstNonSpace(s, p),
          this.rootClosed ? 'text after the root element' : 'text outside the root element',
        )
      return false
    }
    this.setPosition(p)
    this.textStart = p
    this.textEnd = i
    this.textRaw = raw
    this.textDecoded = null
    return true
  }

  private startTag(p: number): XmlEvent {
    const s = this.text
    if (this.rootClosed) this.fail(p, 'a second root element (an XML document has exactly one)')
    this.setPosition(p)
    let i = p + 1
    const nameEnd = this.readName(i, 'an element name after "<"')
    const qname = s.slice(i, nameEnd)
    i = nameEnd
    this.attrCount = 0
    for (;;) {
      const before = i
      while (isSpace(s.charCodeAt(i))) i++
      if (i >= s.length) this.fail(p, `the tag <${qname}> is not closed (the input ends first)`)
      const c = s.charCodeAt(i)
      if (c === GT) {
        i++
        break
      }
      if (c === SLASH) {
        if (s.charCodeAt(i + 1) !== GT) this.fail(i, `expected "/>" to end <${qname}>`)
        i += 2
        this.pendingEnd = true
        break
      }
      if (i === before) this.fail(i, `expected a space, ">" or "/>" in <${qname}>, got "${s[i]}"`)
      const an = this.readName(i, `an attribute name, ">" or "/>" in <${qname}>`)
      const aname = s.slice(i, an)
      for (let k = 0; k < this.attrCount; k++) {
        if (this.attrNames[k] === aname) this.fail(i, `attribute "${aname}" is given twice in <${qname}>`)
      }
      i = an
      while (isSpace(s.charCodeAt(i))) i++
      if (i >= s.length) this.fail(p, `the tag <${qname}> is not closed (the input ends first)`)
      if (s.charCodeAt(i) !== EQ) this.fail(i, `expected "=" after attribute "${aname}" in <${qname}>`)
      i++
      while (isSpace(s.charCodeAt(i))) i++
      if (i >= s.length) this.fail(p, `the tag <${qname}> is not closed (the input ends first)`)
      const q = s.charCodeAt(i)
      if (q !== QUOT && q !== APOS) this.fail(i, `the value of attribute "${aname}" must be quoted with " or '`)
      const vStart = i + 1
      let j = vStart
      let plain = true
      for (;;) {
        if (j >= s.length) this.fail(i, `the value of attribute "${aname}" is not closed (the input ends first)`)
        const d = s.charCodeAt(j)
        if (d === q) break
        if (d === LT) this.fail(j, `"<" is not allowed in the value of attribute "${aname}" (write &lt;)`)
        if (d === AMP) {
          j = checkEntity(this, s, j)
          plain = false
          continue
        }
        if (d < 32) {
          if (isForbidden(d)) this.fail(j, `control character U+${hex4(d)} is not allowed in XML`)
          plain = false
        }
        j++
      }
      const k = this.attrCount++
      this.attrNames[k] = aname
      this.attrLocal[k] = aname === 'xmlns' || aname.startsWith('xmlns:') ? '' : localPart(aname)
      this.attrValues[k] = plain ? s.slice(vStart, j) : decodeEntities(s, vStart, j, true)
      i = j + 1
    }
    this.pos = i
    this.seenRoot = true
    const d = this.depth++
    this.openNames[d] = qname
    this.openLines[d] = this.line
    this.openColumns[d] = this.column
    this.qname = qname
    this.name = localPart(qname)
    this.event = XML_START
    return XML_START
  }

  private endTag(p: number): XmlEvent {
    const s = this.text
    this.setPosition(p)
    let i = p + 2
    const nameEnd = this.readName(i, 'an element name after "</"')
    const qname = s.slice(i, nameEnd)
    i = nameEnd
    while (isSpace(s.charCodeAt(i))) i++
    if (s.charCodeAt(i) !== GT) {
      if (i >= s.length) this.fail(p, `the end tag </${qname}> is not closed (the input ends first)`)
      this.fail(i, `expected ">" to end </${qname}>`)
    }
    if (this.depth === 0) this.fail(p, `end tag </${qname}> without a start tag`)
    const k = this.depth - 1
    const open = this.openNames[k]!
    if (open !== qname) {
      this.fail(
        p,
        `mismatched end tag: expected </${open}> (opened at line ${this.openLines[k]}, column ${this.openColumns[k]}), got </${qname}>`,
      )
    }
    this.depth--
    if (this.depth === 0) this.rootClosed = true
    this.pos = i + 1
    this.qname = qname
    this.name = localPart(qname)
    this.event = XML_END
    return XML_END
  }

  private readName(i: number, what: string): number {
    const s = this.text
    if (i >= s.length) this.fail(i, `expected ${what}, but the input ends`)
    if (!isNameStart(s.charCodeAt(i))) this.fail(i, `expected ${what}, got "${truncate(s.slice(i, i + 1), 5)}"`)
    let j = i + 1
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++
    return j
  }

  private processingInstruction(p: number): void {
    const s = this.text
    const end = s.indexOf('?>', p + 2)
    if (end < 0) this.fail(p, 'the processing instruction is not closed (missing "?>")')
    const nameEnd = this.readName(p + 2, 'a name after "<?"')
    const target = s.slice(p + 2, nameEnd)
    this.checkChars(nameEnd, end)
    if (target.toLowerCase() === 'xml') {
      // the declaration may only come first (leading white space tolerated)
      const start = s.charCodeAt(0) === 0xfeff ? 1 : 0
      if (target !== 'xml' || s.slice(start, p).trim() !== '') {
        this.fail(p, 'the XML declaration <?xml ...?> is only allowed at the very start')
      }
      const m = /\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(s.slice(nameEnd, end))
      if (m) this.declaredEncoding = m[1] ?? m[2] ?? null
    }
    this.pos = end + 2
  }

  private comment(p: number): void {
    const s = this.text
    const end = s.indexOf('--', p + 4)
    if (end < 0) this.fail(p, 'the comment is not closed (missing "-->")')
    if (s.charCodeAt(end + 2) !== GT) this.fail(end, '"--" is not allowed inside a comment')
    this.checkChars(p + 4, end)
    this.pos = end + 3
  }

  private doctype(p: number): void {
    const s = this.text
    let i = p + 9
    let quote = 0
    let bracket = 0
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === QUOT || c === APOS) quote = c
      else if (c === 91) bracket++
      else if (c === 93) bracket--
      else if (c === GT && bracket <= 0) {
        this.pos = i + 1
        return
      }
    }
    this.fail(p, 'the DOCTYPE is not closed (missing ">")')
  }

  private checkChars(from: number, to: number): void {
    const s = this.text
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i)
      if (c < 32 && isForbidden(c)) this.fail(i, `control character U+${hex4(c)} is not allowed in XML`)
    }
  }
}

function localPart(qname: string): string {
  const k = qname.indexOf(':')
  return k < 0 ? qname : qname.slice(k + 1)
}

function firstNonSpace(s: string, p: number): number {
  while (p < s.length && isSpace(s.charCodeAt(p))) p++
  return p
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0')
}

function normalizeLineEnds(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Checks the entity or character reference at s[i] === '&'; returns the index after its ';'. */
function checkEntity(r: XmlReader, s: string, i: number): number {
  const semi = s.indexOf(';', i + 1)
  if (semi < 0 || semi - i > 40)
    throw r.error(i, '"&" must start an entity such as &amp; (write &amp; for a literal "&")')
  const body = s.slice(i + 1, semi)
  if (body.charCodeAt(0) === 35) {
    const cp = charRef(body)
    if (cp < 0) throw r.error(i, `invalid character reference "&${truncate(body, 20)};"`)
    return semi + 1
  }
  if (!Object.prototype.hasOwnProperty.call(ENTITIES, body)) {
    throw r.error(
      i,
      `unknown entity "&${truncate(body, 20)};" (only &amp; &lt; &gt; &quot; &apos; and character references are supported)`,
    )
  }
  return semi + 1
}

/** Code point of a character reference body ("#65" or "#x41"), or -1 when invalid or not an XML character. */
function charRef(body: string): number {
  const hexRef = body.charCodeAt(1) === 120 // x
  const digits = body.slice(hexRef ? 2 : 1)
  if (digits === '' || !(hexRef ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || digits.length > 8) return -1
  const cp = parseInt(digits, hexRef ? 16 : 10)
  if (cp === 9 || cp === 10 || cp === 13) return cp
  if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff || cp > 0x10ffff) return -1
  return cp
}

/**
 * Decodes s[from, to): entities and character references (already checked), CRLF/CR → LF, and
 * in attribute values literal tab/LF/CR → space (XML attribute-value normalisation).
 */
function decodeEntities(s: string, from: number, to: number, attribute: boolean): string {
  let out = ''
  let last = from
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i)
    if (c === AMP) {
      out += s.slice(last, i)
      const semi = s.indexOf(';', i + 1)
      const body = s.slice(i + 1, semi)
      out += body.charCodeAt(0) === 35 ? String.fromCodePoint(charRef(body)) : ENTITIES[body]!
      i = semi
      last = semi + 1
    } else if (c === CR || (attribute && (c === LF || c === 9))) {
      out += s.slice(last, i)
      if (c === CR && s.charCodeAt(i + 1) === LF) i++
      out += attribute ? ' ' : '\n'
      last = i + 1
    }
  }
  return out + s.slice(last, to)
}

/** Index of the first character XML 1.0 cannot hold (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates), or -1. */
function invalidXmlChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20) {
      if (c !== 9 && c !== LF && c !== CR) return i
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1)
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return i
      i++
    } else if (c === 0xfffe || c === 0xffff) return i
  }
  return -1
}

/** True when XML 1.0 can hold every character of the string. */
export function isXmlSafe(s: string): boolean {
  return invalidXmlChar(s) < 0
}

/** Throws E_UNSUPPORTED when a string holds a character XML 1.0 cannot represent. */
function checkXmlChars(s: string, what: string): void {
  const k = invalidXmlChar(s)
  if (k >= 0) {
    throw new ParseError(
      'E_UNSUPPORTED',
      { field: what },
      `XML 1.0 cannot hold the character U+${hex4(s.charCodeAt(k))} (in ${what} "${truncate(s)}")`,
    )
  }
}

/** Escapes text content: & < > and CR (so that it survives line-end normalisation). */
export function escapeXmlText(s: string, what = 'a value'): string {
  checkXmlChars(s, what)
  if (!/[&<>\r]/.test(s)) return s
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'))
}

/** Escapes a double-quoted attribute value: & < > " and tab/LF/CR as character references. */
export function escapeXmlAttr(s: string, what = 'a value'): string {
  checkXmlChars(s, what)
  if (!/[&<>"\t\n\r]/.test(s)) return s
  return s.replace(/[&<>"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  )
}

const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn'])
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii'])

/**
 * Decodes XML bytes: like decodeText (UTF-8, BOMs, GB18030 fallback), plus UTF-16 without a BOM
 * (recognised from "<?" in the first bytes) and the encoding named by the XML declaration when
 * the bytes are not UTF-8 (e.g. ISO-8859-1, Big5; GB2312/GBK/GB18030 are read as GB18030 and,
 * being declared, not warned about).
 */
export function decodeXml(input: string | Uint8Array, source?: string): DecodedText {
  if (typeof input === 'string') return decodeText(input, source)
  const b = input
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) {
    return { text: strict('utf-16le', b, source), encoding: 'utf-16le', warnings: [] }
  }
  if (b.length >= 4 && b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) {
    return { text: strict('utf-16be', b, source), encoding: 'utf-16be', warnings: [] }
  }
  const declared = sniffDeclaredEncoding(b)
  const other =
    declared !== null && !GB_LABELS.has(declared) && !UTF8_LABELS.has(declared) && !declared.startsWith('utf-16')
  let decoded: DecodedText
  try {
    decoded = decodeText(b, source)
  } catch (e) {
    if (other && e instanceof ParseError && e.code === 'E_ENCODING' && !hasNul(b)) {
      const text = tryDecode(declared, b)
      if (text !== null) return { text, encoding: 'utf-8', warnings: [] }
    }
    throw e
  }
  if (decoded.encoding === 'gb18030') {
    if (declared !== null && GB_LABELS.has(declared)) return { ...decoded, warnings: [] }
    if (other) {
      const text = tryDecode(declared, b)
      if (text !== null) return { text, encoding: decoded.encoding, warnings: [] }
    }
    return decoded
  }
  if (declared !== null && decoded.encoding === 'utf-8' && (GB_LABELS.has(declared) || other) && hasNonAscii(b)) {
    const w: Warning = {
      code: 'W_ENCODING',
      message: `the XML declaration says encoding="${declared}", but the bytes are valid UTF-8: read as UTF-8`,
      count: 1,
      where: { source },
    }
    return { ...decoded, warnings: [...decoded.warnings, w] }
  }
  return decoded
}

function strict(encoding: string, b: Uint8Array, source?: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b)
  } catch {
    throw new ParseError('E_ENCODING', { source }, `the XML looks like ${encoding} but is not valid ${encoding}`)
  }
}

function tryDecode(label: string, b: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b)
  } catch {
    return null
  }
}

function hasNul(b: Uint8Array): boolean {
  return b.indexOf(0) >= 0
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return true
  return false
}

/** The encoding label of an XML declaration at the start of the bytes (lower case), or null. */
function sniffDeclaredEncoding(b: Uint8Array): string | null {
  let head = ''
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0
  for (let i = start; i < Math.min(b.length, start + 256); i++) {
    const c = b[i]!
    if (c >= 0x80) break
    head += String.fromCharCode(c)
    if (c === GT) break
  }
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head)
  const label = m ? (m[1] ?? m[2] ?? '') : ''
  return label ? label.trim().toLowerCase() : null
}
