// Pajek NET: the reference files, every section kind, round-trips, and malformed input with file, line and column.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixture, REFERENCE } from '../../test/reference.js'
import { ParseError } from '../errors.js'
import { readCsv } from './csv.js'
import { lineNetwork } from './lineFormats.test-util.js'
import { readPajek, writePajek } from './pajekNet.js'
import { sameNetwork, tieSet } from './roundtrip.test-util.js'
import { fail } from './network.test-util.js'

describe('readPajek on the reference set', () => {
  for (const r of REFERENCE) {
    it(`${r.dataset}: same nodes, ties and weights as the CSV`, () => {
      const net = readPajek(fixture(r.inputs.files.pajek)).network
      const csv = readCsv(fixture(r.inputs.files.csv), {
        directed: r.directed,
        twoMode: r.twoMode,
        nodes: fixture(r.inputs.files.nodesCsv),
      }).network
      expect(net.directed).toBe(r.directed)
      expect(net.graph.n).toBe(r.nodes)
      expect(net.graph.m).toBe(r.edges)
      expect(tieSet(net)).toEqual(tieSet(csv))
      expect(net.twoModeRows).toBe(csv.twoModeRows)
    })
  }
})

describe('readPajek', () => {
  it('reads arcs lists, edge lists, matrices, comments and keywords in any case', () => {
    const lists = readPajek(
      '% a comment\r\n*vertices 3\r\n1 "a"\r\n2 "b"\r\n3 "c"\r\n*ARCSLIST\r\n1 2 3\r\n*Edgeslist\r\n2 3\r\n',
    ).network
    expect(lists.directed).toBe(true)
    // 1→2, 1→3, and the edge 2–3 as two arcs
    expect(lists.graph.m).toBe(4)
    const matrix = readPajek('*Vertices 2\n*Matrix\n0 2\n0 0\n').network
    expect(matrix.nodes.ids).toEqual(['1', '2'])
    expect(matrix.graph.weight(0, 1)).toBe(2)
  })
  it('uses numbers as ids when labels are missing or repeated, keeping labels', () => {
    const { network } = readPajek('*Vertices 3\n1 "x"\n2 "x"\n*Edges\n1 2\n')
    expect(network.nodes.ids).toEqual(['1', '2', '3'])
    expect(network.nodes.labels).toEqual(['x', 'x', null])
  })
  it('reads several relations and ignores tie decorations with a note', () => {
    const { network, warnings } = readPajek(
      '*Vertices 2\n1 "a"\n2 "b"\n*Arcs :1 "INFO"\n1 2 1 c Blue\n*Arcs :2 "COMMAND"\n2 1 4\n',
    )
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND'])
    expect(network.findRelation('COMMAND')!.weight(1, 0)).toBe(4)
    expect(warnings.map((w) => w.code)).toContain('W_IGNORED')
  })
  it('reads two-mode vertices', () => {
    const { network } = readPajek('*Vertices 4 2\n1 "ann"\n2 "bob"\n3 "e1"\n4 "e2"\n*Edges\n1 3\n2 3\n2 4\n')
    expect(network.twoModeRows).toBe(2)
    expect(network.graph.m).toBe(3)
  })
  it('lets the caller decide direction', () => {
    const { network } = readPajek('*Vertices 2\n*Arcs\n1 2 2\n2 1 2\n', { directed: false })
    expect(network.directed).toBe(false)
    expect(network.graph.m).toBe(1)
    expect(network.graph.tieWeight[0]).toBe(2)
  })
  it('names file, line and column in errors', () => {
    const cases: [string, string, number, number?][] = [
      ['*Vertices 3\n*Arcs\n1 2\n1 4\n', 'E_INDEX', 4, 3],
      ['*Vertices 3\n*Arcs\n1 2 heavy\n', 'E_NUMBER', 3, 5],
      ['*Vertices 3\n*Arcs\n1 2 -1\n', 'E_WEIGHT', 3, 5],
      ['*Vertices 3\n*Arcs\n1\n', 'E_COUNT', 3],
      ['*Vertices many\n', 'E_NUMBER', 1],
      ['*Vertices 2 5\n', 'E_NUMBER', 1],
      ['1 2\n*Vertices 2\n', 'E_FORMAT', 1],
      ['*Arcs\n1 2\n', 'E_FORMAT', 1],
      ['*Vertices 2\n*Matrix\n0 1\n1\n', 'E_COUNT', 4],
      ['*Vertices 2\n1 "open\n', 'E_SYNTAX', 2],
      ['*Vertices 2\n*Arcs :x\n', 'E_SYNTAX', 2],
    ]
    for (const [text, code, line, column] of cases) {
      const e = fail(() => readPajek(text, { source: 'g.net' }))
      expect([e.code, e.where.source, e.where.line], text).toEqual([code, 'g.net', line])
      if (column !== undefined) expect(e.where.column, text).toBe(column)
    }
    expect(fail(() => readPajek('')).code).toBe('E_EMPTY')
    expect(fail(() => readPajek(new Uint8Array([0x2a, 0x00, 0x01]))).code).toBe('E_ENCODING')
  })
})

describe('writePajek', () => {
  it('round-trips one-mode networks with relations (property)', () => {
    fc.assert(
      fc.property(lineNetwork(), (net) => {
        const back = readPajek(writePajek(net), { directed: net.directed }).network
        sameNetwork(back, net, { attributes: false })
        expect(back.nodes.ids).toEqual(net.nodes.ids)
      }),
      { numRuns: 200 },
    )
  })
  it('round-trips two-mode networks (property)', () => {
    fc.assert(
      fc.property(lineNetwork({ twoMode: true }), (net) => {
        sameNetwork(readPajek(writePajek(net)).network, net, { attributes: false })
      }),
      { numRuns: 100 },
    )
  })
  it('yields a network or a ParseError for any input (property)', () => {
    const piece = fc.constantFrom(
      '*Vertices',
      '*Arcs',
      '*Edges',
      '*Arcslist',
      '*Matrix',
      '*Partition',
      ':2',
      '"r"',
      '3',
      '2',
      '1',
      '0',
      '-1',
      'x',
      '1.5',
      '\n',
      '\r\n',
      '%',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.option(fc.boolean()), (parts, directed) => {
        try {
          readPajek(parts.join(' '), { directed: directed ?? undefined })
        } catch (e) {
          if (!(e instanceof ParseError)) throw e
        }
      }),
      { numRuns: 2000 },
    )
  })
})
