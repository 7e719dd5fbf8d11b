// UCINET DL: the reference files, every sub-format, round-trips, and malformed input with file, line and column.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixture, REFERENCE } from '../../test/reference.js'
import { ParseError } from '../errors.js'
import { readCsv } from './csv.js'
import { lineNetwork } from './lineFormats.test-util.js'
import { sameNetwork, tieSet } from './roundtrip.test-util.js'
import { readDl, writeDl } from './ucinetDl.js'
import { fail } from './network.test-util.js'

describe('readDl on the reference set', () => {
  for (const r of REFERENCE) {
    it(`${r.dataset}: same nodes, ties and weights as the CSV`, () => {
      const dl = readDl(fixture(r.inputs.files.dl), { directed: r.directed, twoMode: r.twoMode }).network
      const csv = readCsv(fixture(r.inputs.files.csv), {
        directed: r.directed,
        twoMode: r.twoMode,
        nodes: fixture(r.inputs.files.nodesCsv),
      }).network
      expect(dl.graph.n).toBe(r.nodes)
      expect(dl.graph.m).toBe(r.edges)
      expect(tieSet(dl)).toEqual(tieSet(csv))
      expect(dl.twoModeRows).toBe(csv.twoModeRows)
    })
  }
})

describe('readDl', () => {
  it('reads labels separated by commas, spaces and lines, in any case, header over several lines', () => {
    const { network } = readDl(
      'DL\r\nN = 3 FORMAT=EdgeList1\r\nLABELS:\r\n"Street Office", police\r\nfire\r\nDATA:\r\n1 2 2.5\r\n2 3\r\n',
      { directed: true },
    )
    expect(network.nodes.ids).toEqual(['Street Office', 'police', 'fire'])
    expect(network.graph.weight(0, 1)).toBe(2.5)
  })
  it('decides direction from symmetry when not told, and reports it', () => {
    const sym = readDl('dl n=3\ndata:\n0 1 0\n1 0 2\n0 2 0\n')
    expect(sym.network.directed).toBe(false)
    expect(sym.network.graph.m).toBe(2)
    expect(sym.network.graph.weight(1, 2)).toBe(2)
    expect(sym.warnings.map((w) => w.code)).toContain('W_DIRECTION')
    expect(readDl('dl n=2\ndata:\n0 1\n0 0\n').network.directed).toBe(true)
  })
  it('keeps the larger value of an asymmetric matrix read as undirected, and says so', () => {
    const { network, warnings } = readDl('dl n=2\ndata:\n0 3\n1 0\n', { directed: false })
    expect(network.graph.tieWeight[0]).toBe(3)
    expect(warnings.map((w) => w.code)).toContain('W_ASYMMETRIC')
  })
  it('reads upper and lower halves with and without diagonal', () => {
    const up = readDl('dl n=3 format=upperhalf diagonal=absent\ndata:\n1 0\n1\n').network
    const low = readDl('dl n=3 format=lowerhalf diagonal=present\ndata:\n0\n1 0\n0 1 0\n').network
    expect(tieSet(up)).toEqual(tieSet(low))
    expect(up.directed).toBe(false)
    expect(up.graph.m).toBe(2)
  })
  it('reads embedded labels in matrices and edge lists', () => {
    const m = readDl(
      'dl n=3\nlabels embedded\nformat = fullmatrix\ndata:\nBill Jan Jim\nBill 0 1 0\nJan 1 0 1\nJim 0 1 0\n',
    ).network
    expect(m.nodes.ids).toEqual(['Bill', 'Jan', 'Jim'])
    expect(m.graph.m).toBe(2)
    const e = readDl('DL n=3\nformat = edgelist1\nlabels embedded:\ndata:\ngeorge sally\ngeorge jim\n', {
      directed: true,
    }).network
    expect(e.nodes.ids).toEqual(['george', 'sally', 'jim'])
    expect(e.graph.m).toBe(2)
  })
  it('reads nodelist1', () => {
    const { network } = readDl('dl n=4 format=nodelist1\ndata:\n1 2 3 4\n2 3\n', { directed: true })
    expect(network.graph.m).toBe(4)
    expect(network.graph.hasTie(1, 2)).toBe(true)
  })
  it('reads two-mode data and several matrices as relations', () => {
    const two = readDl('dl nr=2, nc=3\nrow labels:\nann bob\ncolumn labels:\ne1 e2 e3\ndata:\n1 1 0\n0 1 1\n').network
    expect(two.twoModeRows).toBe(2)
    expect(two.nodes.ids).toEqual(['ann', 'bob', 'e1', 'e2', 'e3'])
    expect(two.graph.m).toBe(4)
    const multi = readDl('dl n=2 nm=2\nmatrix labels:\nINFO COMMAND\ndata:\n0 1\n0 0\n0 0\n1 0\n', {
      directed: true,
    }).network
    expect(multi.relationNames()).toEqual(['INFO', 'COMMAND'])
    expect(multi.findRelation('COMMAND')!.hasTie(1, 0)).toBe(true)
    const lists = readDl('dl n=2 nm=2 format=edgelist1\ndata:\n1 2\n!\n2 1 3\n', { directed: true }).network
    expect(lists.relationNames()).toEqual(['1', '2'])
    expect(lists.findRelation('2')!.tieWeight[0]).toBe(3)
  })
  it('reads GB18030 labels (UCINET on Chinese Windows)', () => {
    // "dl n=2\nlabels:\n居委会 派出所\ndata:\n0 1\n1 0\n" with the labels in GB18030
    const head = new TextEncoder().encode('dl n=2\nlabels:\n')
    const labels = new Uint8Array([0xbe, 0xd3, 0xce, 0xaf, 0xbb, 0xe1, 0x20, 0xc5, 0xc9, 0xb3, 0xf6, 0xcb, 0xf9, 0x0a])
    const tail = new TextEncoder().encode('data:\n0 1\n1 0\n')
    const { network } = readDl(new Uint8Array([...head, ...labels, ...tail]))
    expect(network.nodes.ids).toEqual(['居委会', '派出所'])
  })
  it('names file, line and column in errors', () => {
    const cases: [string, string, number][] = [
      ['dl n=3\ndata:\n0 1 0\n1 0 x\n0 0 0\n', 'E_NUMBER', 4],
      ['dl n=3\ndata:\n0 1 0\n1 0 1\n', 'E_TRUNCATED', 4],
      ['dl n=2\ndata:\n0 1\n1 0\n1\n', 'E_COUNT', 5],
      ['dl n=3\nlabels:\na b\ndata:\n0 1 0\n', 'E_COUNT', 4],
      ['dl n=3 format=edgelist1\ndata:\n1 2\n1 4\n', 'E_INDEX', 4],
      ['dl n=3 format=edgelist1\ndata:\n1 2\n1 two\n', 'E_NUMBER', 4],
      ['dl n=2 format=edgelist1 labels embedded\ndata:\na b\nc a\n', 'E_COUNT', 4],
      ['dl n=2 format=edgelist1\ndata:\n1 2 -1\n', 'E_WEIGHT', 3],
      ['dl n=3\nformat = blockmatrix\ndata:\n', 'E_UNSUPPORTED', 2],
      ['dl n=2\nrows = 4\n', 'E_SYNTAX', 2],
      ['graph n=2\n', 'E_FORMAT', 1],
      ['dl n=2\nlabels:\n"open\ndata:\n', 'E_SYNTAX', 3],
      ['dl n=2\nlabels:\na a\ndata:\n0 1\n1 0\n', 'E_DUPLICATE_NODE', 0],
    ]
    for (const [text, code, line] of cases) {
      const e = fail(() => readDl(text, { source: 'net.dl' }))
      expect([e.code, e.where.source], text).toEqual([code, 'net.dl'])
      if (line) expect(e.where.line, text).toBe(line)
    }
    expect(fail(() => readDl('')).code).toBe('E_EMPTY')
    expect(fail(() => readDl(new Uint8Array([0x64, 0x6c, 0x00, 0xff]))).code).toBe('E_ENCODING')
  })
})

describe('writeDl', () => {
  it('round-trips one-mode networks in both sub-formats (property)', () => {
    for (const format of ['fullmatrix', 'edgelist1'] as const) {
      fc.assert(
        fc.property(lineNetwork(), (net) => {
          const back = readDl(writeDl(net, { format }), { directed: net.directed }).network
          sameNetwork(back, net, { attributes: false })
          expect(back.nodes.ids).toEqual(net.nodes.ids)
        }),
        { numRuns: 150 },
      )
    }
  })
  it('round-trips two-mode networks (property)', () => {
    fc.assert(
      fc.property(lineNetwork({ twoMode: true }), (net) => {
        for (const format of ['fullmatrix', 'edgelist1'] as const) {
          const back = readDl(writeDl(net, { format }), { twoMode: true }).network
          sameNetwork(back, net, { attributes: false })
        }
      }),
      { numRuns: 100 },
    )
  })
  it('yields a network or a ParseError for any input (property)', () => {
    const piece = fc.constantFrom(
      'dl',
      'n=3',
      'nr=2',
      'nc=2',
      'nm=2',
      'format=',
      'edgelist1',
      'nodelist1',
      'upperhalf',
      'labels:',
      'labels embedded',
      'row labels:',
      'data:',
      '1',
      '2',
      '3',
      '0.5',
      '"a b"',
      'x',
      '!',
      '\n',
      ',',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.option(fc.boolean()), (parts, directed) => {
        try {
          readDl(parts.join(' '), { directed: directed ?? undefined })
        } catch (e) {
          if (!(e instanceof ParseError)) throw e
        }
      }),
      { numRuns: 2000 },
    )
  })
})
