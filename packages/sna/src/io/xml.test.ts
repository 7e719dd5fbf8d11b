// The XML pull parser: events, entities, CDATA, namespaces, line/column of errors, escaping and byte decoding.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ParseError } from '../errors.js'
import { fail } from './network.test-util.js'
import {
  decodeXml,
  escapeXmlAttr,
  escapeXmlText,
  isXmlSafe,
  XML_END,
  XML_EOF,
  XML_START,
  XML_TEXT,
  XmlReader,
} from './xml.js'

/** Every event of a document as text: "<name a=v>", "</name>", "'text'". */
function events(xml: string): string[] {
  const r = new XmlReader(xml)
  const out: string[] = []
  for (;;) {
    const e = r.next()
    if (e === XML_EOF) return out
    if (e === XML_START) {
      let s = `<${r.name}`
      for (let i = 0; i < r.attributeCount; i++)
        if (r.attributeLocalName(i)) s += ` ${r.attributeLocalName(i)}=${r.attributeValue(i)}`
      out.push(s + '>')
    } else if (e === XML_END) out.push(`</${r.name}>`)
    else if (e === XML_TEXT && r.value.trim() !== '') out.push(`'${r.value}'`)
  }
}

const xmlError = (xml: string): ParseError => fail(() => events(xml))

describe('XmlReader', () => {
  it('reads declaration, comments, PIs, DOCTYPE, CDATA, entities, both quotes, prefixes and self-closing tags', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<!DOCTYPE graphml [ <!ELEMENT graphml ANY> <!ATTLIST x y CDATA "]>"> ]>',
      '<!-- a comment with <tags> & stuff -->',
      '<?xml-stylesheet href="a.xsl"?>',
      '<g:root xmlns:g="urn:g" xmlns="urn:d" a="1" g:b=\'two "q"\'>',
      '  <leaf x="&lt;&amp;&gt;&quot;&apos;&#65;&#x4E2D;"/>',
      '  <t>a &amp; b<![CDATA[ <raw> & ]]>c</t>',
      '  <!-- between -->',
      '</g:root>',
      '<!-- trailing comment -->',
    ].join('\n')
    expect(events(xml)).toEqual([
      '<root a=1 b=two "q">',
      '<leaf x=<&>"\'A中>',
      '</leaf>',
      '<t>',
      "'a & b'",
      "' <raw> & '",
      "'c'",
      '</t>',
      '</root>',
    ])
    const r = new XmlReader(xml)
    r.next()
    expect(r.declaredEncoding).toBe('UTF-8')
    expect([r.qname, r.name, r.attr('b'), r.attr('g'), r.line, r.column]).toEqual([
      'g:root',
      'root',
      'two "q"',
      undefined,
      5,
      1,
    ])
  })

  it('reads text with readText (children skipped) and skips elements', () => {
    const r = new XmlReader('<a><b>x<c>ignored</c>y</b><d><e/><e>z</e></d><f/></a>')
    expect(r.next()).toBe(XML_START)
    expect(r.next()).toBe(XML_START)
    expect(r.readText()).toBe('xy')
    expect(r.hadChildren).toBe(true)
    expect(r.next()).toBe(XML_START)
    expect(r.name).toBe('d')
    r.skipElement()
    expect(r.next()).toBe(XML_START)
    expect(r.readText()).toBe('')
    expect(r.hadChildren).toBe(false)
    expect(r.next()).toBe(XML_END)
    expect(r.next()).toBe(XML_EOF)
  })

  it('normalises line ends (CRLF, CR) in text and white space in attribute values', () => {
    const r = new XmlReader('<a x="1\r\n2\t3&#10;4">l1\r\nl2\rl3&#13;</a>')
    r.next()
    expect(r.attr('x')).toBe('1 2 3\n4')
    r.next()
    expect(r.value).toBe('l1\nl2\nl3\r')
  })

  it('counts lines over CRLF, CR and LF for positions', () => {
    const r = new XmlReader('<a>\r\n<b/>\r<c/>\n  <d/></a>')
    const seen: string[] = []
    while (r.next() !== XML_EOF) if (r.event === XML_START) seen.push(`${r.name}@${r.line}:${r.column}`)
    expect(seen).toEqual(['a@1:1', 'b@2:1', 'c@3:1', 'd@4:3'])
  })

  it('reports mismatched and unclosed tags with line and column', () => {
    let e = xmlError('<a>\n  <b>\n  </c>\n</a>')
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 3, 3])
    expect(e.message).toContain('expected </b>')
    e = xmlError('<a>\r\n  <b>\r\n    text')
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 2, 3])
    expect(e.message).toContain('<b> is not closed')
    e = xmlError('<a>\n<b x="1"')
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 2, 1])
    e = xmlError('<a></a>\n</a>')
    expect([e.code, e.where.line]).toEqual(['E_XML', 2])
  })

  it('refuses malformed markup', () => {
    const cases: [string, number, number][] = [
      ['<a x=1/>', 1, 6],
      ['<a x="1" x="2"/>', 1, 10],
      ['<a x="1"y="2"/>', 1, 9],
      ['<a x="a<b"/>', 1, 8],
      ['<a>&nbsp;</a>', 1, 4],
      ['<a>AT&T</a>', 1, 6],
      ['<a>&#0;</a>', 1, 4],
      ['<a>&#xD800;</a>', 1, 4],
      ['<a>\n\u0001</a>', 2, 1],
      ['<a>x]]>y</a>', 1, 5],
      ['<a/><b/>', 1, 5],
      ['<a/>text', 1, 5],
      ['text<a/>', 1, 1],
      ['<!-- x -- y --><a/>', 1, 8],
      ['<!-- open <a/>', 1, 1],
      ['<a><![CDATA[x</a>', 1, 4],
      [' <a/><?xml version="1.0"?>', 1, 6],
      ['<a><1/></a>', 1, 5],
      ['<a></ a>', 1, 6],
      ['', 1, 1],
      ['<!-- only a comment -->', 1, 24],
    ]
    for (const [xml, line, column] of cases) {
      const e = xmlError(xml)
      expect([xml, e.code, e.where.line, e.where.column]).toEqual([xml, 'E_XML', line, column])
    }
  })

  it('yields events or E_XML for any input, never another exception (property)', () => {
    const piece = fc.constantFrom(
      '<a>',
      '</a>',
      '<b x="1">',
      '</b>',
      '<c/>',
      '&amp;',
      '&',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<?',
      '?>',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      'x',
      '<!DOCTYPE',
      '[',
      ']',
      '>',
      '<',
      '&#x41;',
      '&#',
      ';',
      '\u0000',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
        ),
        (text) => {
          try {
            events(text)
          } catch (e) {
            if (!(e instanceof ParseError) || e.code !== 'E_XML') throw e
            expect(e.where.line).toBeGreaterThanOrEqual(1)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('escaping', () => {
  const xmlString = fc
    .string({ unit: 'grapheme', maxLength: 12 })
    .chain((s) => fc.constantFrom(s, `${s}&<>"'\t\n\r\r\n]]>`, ` ${s} `))
    .filter(isXmlSafe)

  it('escapeXmlAttr and escapeXmlText read back unchanged (property)', () => {
    fc.assert(
      fc.property(xmlString, xmlString, (a, t) => {
        const r = new XmlReader(`<x v="${escapeXmlAttr(a)}">${escapeXmlText(t)}</x>`)
        r.next()
        expect(r.attr('v')).toBe(a)
        expect(r.readText()).toBe(t)
      }),
    )
  })

  it('refuses characters XML 1.0 cannot hold', () => {
    const e = fail(() => escapeXmlText('bell\u0007'))
    expect(e.code).toBe('E_UNSUPPORTED')
    expect(fail(() => escapeXmlAttr('\uD800x')).code).toBe('E_UNSUPPORTED')
  })
})

describe('decodeXml', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
  // "居委会" in GB18030
  const gb = [0xbe, 0xd3, 0xce, 0xaf, 0xbb, 0xe1]
  const bytes = (head: string, tail: string): Uint8Array => new Uint8Array([...enc(head), ...gb, ...enc(tail)])

  it('reads GB18030 bytes, without a warning when the declaration names GBK/GB2312', () => {
    let d = decodeXml(bytes('<a>', '</a>'))
    expect([d.text, d.warnings.map((w) => w.code)]).toEqual(['<a>居委会</a>', ['W_ENCODING']])
    d = decodeXml(bytes('<?xml version="1.0" encoding="GB2312"?><a>', '</a>'))
    expect([d.text.slice(-10), d.warnings]).toEqual(['<a>居委会</a>', []])
  })

  it('honours other declared encodings and UTF-16 without a BOM', () => {
    const latin = new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...enc('</a>')])
    expect(decodeXml(latin).text.endsWith('<a>é</a>')).toBe(true)
    const s = '<?xml version="1.0" encoding="UTF-16"?><a>中</a>'
    const le = new Uint8Array(s.length * 2)
    for (let i = 0; i < s.length; i++) {
      le[2 * i] = s.charCodeAt(i) & 0xff
      le[2 * i + 1] = s.charCodeAt(i) >> 8
    }
    expect(decodeXml(le).text).toBe(s)
    const be = new Uint8Array(le.length)
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!
      be[i + 1] = le[i]!
    }
    expect(decodeXml(be).text).toBe(s)
  })

  it('warns when a declared encoding is contradicted by valid UTF-8', () => {
    const d = decodeXml(enc('<?xml version="1.0" encoding="GBK"?><a>中</a>'))
    expect(d.text.endsWith('<a>中</a>')).toBe(true)
    expect(d.warnings.map((w) => w.code)).toEqual(['W_ENCODING'])
  })

  it('refuses binary data', () => {
    const e = fail(() => decodeXml(new Uint8Array([0x3c, 0x61, 0x3e, 0x0a, 0x00, 0xff, 0x3c])))
    expect([e.code, e.where.line]).toEqual(['E_ENCODING', 2])
  })
})
