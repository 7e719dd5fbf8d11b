// CSV/TSV edge lists, node tables and adjacency matrices: real-world files and malformed ones.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import {
  parseCsv,
  readCsv,
  readCsvFast,
  readCsvGeneral,
  readMatrixCsv,
  writeCsv,
  writeMatrixCsv,
  writeNodesCsv,
  type CsvReadOptions,
} from './csv.js'
import type { ReadResult } from './types.js'
import { sameNetwork } from './roundtrip.test-util.js'
import { fail } from './network.test-util.js'

describe('readCsv', () => {
  it('reads Gephi files: Source,Target,Type,Weight in any case', () => {
    const { network } = readCsv('Source,Target,Type,Weight\r\na,b,Directed,2\r\nb,c,Directed,1.5\r\n')
    expect(network.directed).toBe(true)
    expect(network.graph.m).toBe(2)
    expect(network.graph.weight(1, 2)).toBe(1.5)
  })
  it('reads a type column naming tie types (not directions) as the relation', () => {
    const { network, warnings } = readCsv('source,target,type\na,b,info\nb,c,info\na,b,trust\n')
    expect(network.relationNames()).toEqual(['info', 'trust'])
    expect(network.findRelation('trust')!.m).toBe(1)
    expect(network.directed).toBe(false)
    expect(warnings).toEqual([])
  })
  it('detects semicolons and tabs, and reads files without a header', () => {
    expect(readCsv('source;target;weight\na;b;3\n').network.graph.tieWeight[0]).toBe(3)
    expect(readCsv('from\tto\na\tb\nb\tc\n').network.graph.m).toBe(2)
    const { network } = readCsv('a,b,2\nb,c,4\n')
    expect(network.graph.m).toBe(2)
    expect(network.graph.tieWeight[1]).toBe(4)
  })
  it('reads quoted names with delimiters, quotes and line breaks, CR line ends and a BOM', () => {
    const text = '\uFEFFsource,target\r"Smith, J.","say ""hi"""\r"two\nlines",x\r'
    const { network } = readCsv(text)
    expect(network.nodes.ids).toEqual(['Smith, J.', 'say "hi"', 'two\nlines', 'x'])
  })
  it('reads GB18030 bytes (Chinese Windows tools)', () => {
    // "居委会,派出所" in GB18030
    const bytes = new Uint8Array([
      0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x2c, 0x74, 0x61, 0x72, 0x67, 0x65, 0x74, 0x0a, 0xbe, 0xd3, 0xce, 0xaf, 0xbb,
      0xe1, 0x2c, 0xc5, 0xc9, 0xb3, 0xf6, 0xcb, 0xf9, 0x0a,
    ])
    const { network, warnings } = readCsv(bytes)
    expect(network.nodes.ids).toEqual(['居委会', '派出所'])
    expect(warnings.map((w) => w.code)).toContain('W_ENCODING')
  })
  it('takes node order, isolates, labels and typed attributes from the node table', () => {
    const nodes = 'id,label,sector,size\nz,Zed,G,3\na,Ay,M,\nq,,S,1.5\n'
    const { network } = readCsv('source,target\na,z\n', { nodes })
    expect(network.nodes.ids).toEqual(['z', 'a', 'q'])
    expect(network.nodes.labels).toEqual(['Zed', 'Ay', null])
    expect(network.nodes.attribute('sector')).toEqual(['G', 'M', 'S'])
    expect(network.nodes.attribute('size')).toEqual([3, null, 1.5])
  })
  it('splits a relation column into relations', () => {
    const { network } = readCsv('source,target,relation\na,b,INFO\nb,c,COMMAND\na,c,INFO\n', { directed: true })
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND'])
    expect(network.findRelation('INFO')!.m).toBe(2)
  })
  it('names file, line and field in errors', () => {
    let e = fail(() => readCsv('source,target,weight\na,b,1\na,c,high\n', { source: 'ties.csv' }))
    expect([e.code, e.where.line, e.where.field, e.where.source]).toEqual(['E_NUMBER', 3, 'weight', 'ties.csv'])
    e = fail(() => readCsv('source,target,weight\na,b,-2\n'))
    expect([e.code, e.where.line]).toEqual(['E_WEIGHT', 2])
    e = fail(() => readCsv('source,target\na\n'))
    expect([e.code, e.where.line]).toEqual(['E_COUNT', 2])
    e = fail(() => readCsv('source,target\n,b\n'))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_FIELD', 2, 'source'])
    e = fail(() => readCsv('source,target\n"a,b\n'))
    expect([e.code, e.where.line]).toEqual(['E_SYNTAX', 2])
    e = fail(() => readCsv(''))
    expect(e.code).toBe('E_EMPTY')
    e = fail(() => readCsv('name,kind,colour\nx,y,z\n'))
    expect([e.code, e.where.line]).toEqual(['E_HEADER', 1])
    e = fail(() => readCsv(new Uint8Array([0x73, 0x2c, 0x74, 0x0a, 0x00, 0x01, 0x02])))
    expect([e.code, e.where.line]).toEqual(['E_ENCODING', 2])
    e = fail(() => readCsv('source,target\na,b\n', { nodes: 'id,label\na,A\na,B\n', nodesSource: 'n.csv' }))
    expect([e.code, e.where.line, e.where.source]).toEqual(['E_DUPLICATE_NODE', 3, 'n.csv'])
    e = fail(() => readCsv('source,target\na,q\n', { nodes: 'id\na\n', unknownNodes: 'error' }))
    expect([e.code, e.where.line]).toEqual(['E_UNKNOWN_NODE', 2])
  })
  it('round-trips edge list and node table', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addNode('x, y', { sector: 'G', n: 2 })
    b.addNode('居委会', { sector: 'Q', n: 0.25 })
    b.addTie('x, y', '居委会', 2.5)
    b.addTie('居委会', 'x, y', 1)
    b.addNode('isolate "q"')
    const net = b.build().network
    const back = readCsv(writeCsv(net), { directed: true, nodes: writeNodesCsv(net) }).network
    sameNetwork(back, net)
  })
  it('round-trips random networks (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 9 })), {
          maxLength: 30,
        }),
        fc.boolean(),
        (ties, directed) => {
          const b = new NetworkBuilder({ directed, duplicates: 'max' })
          for (const [s, t, w] of ties) if (s.trim() === s && t.trim() === t) b.addTie(s, t, w)
          const net = b.build().network
          const back = readCsv(writeCsv(net), { directed, nodes: writeNodesCsv(net) }).network
          sameNetwork(back, net)
        },
      ),
    )
  })
  it('yields a network or a ParseError for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 200 }).map((b) => b as Uint8Array),
        ),
        (input) => {
          try {
            readCsv(input)
          } catch (e) {
            if (!(e instanceof ParseError)) throw e
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

/** Everything a read gives, as plain data: the network in full and the warnings, or the error. */
function outcome(read: () => ReadResult | null): unknown {
  try {
    const r = read()
    if (r === null) return null
    const { network: net, warnings } = r
    return {
      directed: net.directed,
      ids: net.nodes.ids,
      labels: net.nodes.labels,
      attributes: [...net.nodes.attributes],
      twoModeRows: net.twoModeRows,
      relations: net.relations.map((g) => ({
        name: g.relation,
        ties: [Array.from(g.tieSource), Array.from(g.tieTarget), Array.from(g.tieWeight)],
        loops: g.loops && Array.from(g.loops),
      })),
      warnings,
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    return { code: e.code, where: e.where, message: e.message }
  }
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('readCsv fast path', () => {
  const bigEdgeList = (n: number, sep: string, eol: string): string => {
    const lines = [`source${sep}target${sep}weight`]
    for (let i = 0; i < n; i++) lines.push(`n${i % 97}${sep}"n${(i * 7) % 101}"${sep}${i % 5 === 0 ? '0.5' : i % 3}`)
    return lines.join(eol) + eol
  }
  it('takes common files: UTF-8 bytes or text, , ; or tab, CRLF, simple quotes, BOM, no header', () => {
    for (const [sep, eol] of [
      [',', '\n'],
      [';', '\r\n'],
      ['\t', '\r'],
    ] as const) {
      const text = bigEdgeList(500, sep, eol)
      expect(readCsvFast(text, { source: 'x.csv' })).not.toBeNull()
      expect(readCsvFast(utf8(text))).not.toBeNull()
      expect(outcome(() => readCsv(utf8(text), { source: 'x.csv' }))).toEqual(
        outcome(() => readCsvGeneral(text, { source: 'x.csv' })),
      )
    }
    expect(readCsvFast(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n居委会,派出所\n')]))).not.toBeNull()
    expect(readCsvFast('居委会,派出所,2\n派出所,消防站,1\n')!.network.nodes.ids).toEqual(['居委会', '派出所', '消防站'])
  })
  it('leaves unusual files to the general reader', () => {
    expect(readCsvFast('source,target\n"a ""q""",b\n')).toBeNull() // a doubled quote
    expect(readCsvFast('source,target\n"a\nb",c\n')).toBeNull() // a line break inside quotes
    expect(readCsvFast(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toBeNull() // UTF-16
    expect(readCsvFast(new Uint8Array([0x61, 0x2c, 0xbe, 0xd3, 0x0a]))).toBeNull() // GB18030
    expect(readCsvFast('a\ud800,b\n')).toBeNull() // a lone surrogate
  })
  it('gives the same network, warnings and errors as the general reader (property)', () => {
    const pieces = [
      'a',
      'b',
      'c',
      'n1',
      '居',
      'é',
      ',',
      ',',
      ';',
      '\t',
      '"',
      '""',
      ' ',
      '\r',
      '\n',
      '\n',
      '\r\n',
      '1',
      '0',
      '2.5',
      '-1',
      '1e999',
      '0x1f',
      '\u3000',
      '\u00a0',
      '\ufeff',
      '\u000b',
      'directed',
      'Undirected',
      'info',
    ]
    const headers = [
      '',
      'source,target\n',
      'source,target,weight\n',
      'Source;Target;Type;Weight\r\n',
      'from\tto\tweight\trelation\n',
      'source,target,type\n',
      'source,target,type,label\n',
      '\ufeffsource,target\n',
      ' source , target \n',
    ]
    const soup = fc
      .tuple(fc.constantFrom(...headers), fc.array(fc.constantFrom(...pieces), { maxLength: 60 }))
      .map(([h, body]) => h + body.join(''))
    // well-formed rows: fields of a few pieces, sometimes quoted or padded, one delimiter per file
    const field = fc
      .tuple(
        fc.array(fc.constantFrom('a', 'b', 'n1', '居', 'é', '1', '2.5', ' ', '\u3000', 'info', 'directed', '0'), {
          minLength: 0,
          maxLength: 3,
        }),
        fc.constantFrom('', '"', ' '),
      )
      .map(([p, q]) => (q === '"' ? `"${p.join('')}"` : q + p.join('') + q))
    const rows = fc
      .tuple(
        fc.constantFrom(...headers),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
      )
      .map(([h, d, eol, body]) => h.replace(/[,;\t]/g, d) + body.map((r) => r.join(d)).join(eol))
    const text = fc.oneof(soup, rows)
    const options: fc.Arbitrary<CsvReadOptions> = fc.record(
      {
        directed: fc.boolean(),
        selfLoops: fc.constantFrom('drop' as const, 'keep' as const, 'error' as const),
        duplicates: fc.constantFrom('sum' as const, 'max' as const, 'error' as const),
        unknownNodes: fc.constantFrom('create' as const, 'error' as const),
        nodes: fc.constantFrom('id,label\nb,Bee\nq,Q\n', 'id\n居\n'),
        relation: fc.constantFrom('', 'r'),
        twoMode: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(text, options, fc.constantFrom('text', 'bytes', 'bom'), (t, opts, form) => {
        const input = form === 'text' ? t : form === 'bytes' ? utf8(t) : new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)])
        const opt = { source: 'f.csv', ...opts }
        const wanted = outcome(() => readCsvGeneral(input, opt))
        expect(outcome(() => readCsv(input, opt))).toEqual(wanted)
        const fast = outcome(() => readCsvFast(input, opt))
        // the fast path itself: the same result, or it declines (null), or it throws for the general reader to report
        if (fast !== null && !(typeof fast === 'object' && 'code' in fast)) expect(fast).toEqual(wanted)
      }),
      { numRuns: 3000 },
    )
  })
  it('reads a larger edge list identically on both paths', () => {
    const lines = ['source,target,weight']
    for (let i = 0; i < 20_000; i++) lines.push(`v${(i * 7919) % 5003},v${(i * 104729) % 4999},${1 + (i % 4)}`)
    const bytes = utf8(lines.join('\n'))
    expect(readCsvFast(bytes, { directed: true })).not.toBeNull()
    expect(outcome(() => readCsv(bytes, { directed: true }))).toEqual(
      outcome(() => readCsvGeneral(bytes, { directed: true })),
    )
  })
})

describe('parseCsv', () => {
  it('keeps the line a row starts on across quoted line breaks', () => {
    const rows = parseCsv('a,"x\ny"\n\nb,c\n', ',')
    expect(rows.map((r) => r.line)).toEqual([1, 4])
  })
})

describe('adjacency matrix CSV', () => {
  it('reads a labelled matrix, symmetric = undirected', () => {
    const { network } = readMatrixCsv(',a,b,c\na,0,2,0\nb,2,0,1\nc,0,1,0\n')
    expect(network.directed).toBe(false)
    expect(network.graph.m).toBe(2)
    expect(network.graph.weight(0, 1)).toBe(2)
    expect(readMatrixCsv(',a,b\na,0,1\nb,0,0\n').network.directed).toBe(true)
  })
  it('round-trips', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addTie('a', 'b', 3)
    b.addTie('b', 'c', 0.5)
    b.addNode('d')
    const net = b.build().network
    sameNetwork(readMatrixCsv(writeMatrixCsv(net), { directed: true }).network, net)
  })
  it('refuses mismatched labels, wrong counts and bad numbers', () => {
    expect(fail(() => readMatrixCsv(',a,b\nb,0,1\na,1,0\n')).code).toBe('E_HEADER')
    const e = fail(() => readMatrixCsv(',a,b\na,0,1\nb,1\n'))
    expect([e.code, e.where.line]).toEqual(['E_COUNT', 3])
    const f = fail(() => readMatrixCsv(',a,b\na,0,x\nb,1,0\n'))
    expect([f.code, f.where.line, f.where.column]).toEqual(['E_NUMBER', 2, 3])
    expect(fail(() => readMatrixCsv(',a,b\na,0,1\n')).code).toBe('E_COUNT')
  })
})
