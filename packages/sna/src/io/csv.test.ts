// CSV/TSV edge lists, node tables and adjacency matrices: real-world files and malformed ones.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import { parseCsv, readCsv, readMatrixCsv, writeCsv, writeMatrixCsv, writeNodesCsv } from './csv.js'
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
