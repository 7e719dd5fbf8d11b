// cosafe JSON: the documented example, strict validation with field paths, syntax errors with line/column, round-trips.

import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import { asTwoMode } from '../twoMode.js'
import { readGraphml } from './graphml.js'
import { locateJsonError, readJson, writeJson } from './json.js'
import { fail, networkArbitrary, sameFull } from './network.test-util.js'
import { tieSet } from './roundtrip.test-util.js'
import { fixture, REFERENCE } from '../../test/reference.js'

const codes = (ws: { code: string }[]): string[] => ws.map((w) => w.code)

describe('readJson', () => {
  it('reads the example of the format documentation', () => {
    const source = readFileSync(new URL('./json.ts', import.meta.url), 'utf8')
    const block = /```json\n([\s\S]*?)\n \* ```/.exec(source)![1]!.replace(/^ \* ?/gm, '')
    const { network, warnings } = readJson(block)
    expect(warnings).toEqual([])
    expect(network.directed).toBe(true)
    expect(network.twoModeRows).toBe(null)
    expect(network.nodes.labels).toEqual(['Street Office', 'Police Station', null])
    expect(network.nodes.attribute('staff')).toEqual([12, null, null])
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND'])
    expect(tieSet(network)).toEqual(['COMMAND|police_station|volunteers|1', 'INFO|street_office|police_station|3'])
    const two = /`(\{"directed": false, "twoMode"[\s\S]*?)`/.exec(source)![1]!.replace(/\n \* +/g, ' ')
    expect(readJson(two).network.twoModeRows).toBe(2)
  })

  it('defines nodes from edges, accepts number ids, reports what it ignores', () => {
    const { network, warnings } = readJson(
      '{"edges": [{"source": 1, "target": 2, "id": "e1"}, {"source": "2", "target": "x"}], "meta": {}}',
    )
    expect(network.nodes.ids).toEqual(['1', '2', 'x'])
    expect(network.directed).toBe(false)
    expect(codes(warnings).sort()).toEqual(['W_ATTRIBUTE', 'W_DIRECTION', 'W_IGNORED'])
    expect(readJson('{"directed": false, "edges": []}', { relation: 'R' }).network.relationNames()).toEqual(['R'])
  })

  it('lets options override direction and unknown nodes, and reads two-mode by the mode rule', () => {
    const text =
      '{"directed": true, "nodes": [{"id": "a", "mode": "p"}, {"id": "e", "mode": "ev"}, {"id": "b", "mode": "p"}], "edges": [{"source": "e", "target": "a"}, {"source": "b", "target": "e"}, {"source": "b", "target": "q"}]}'
    expect(fail(() => readJson(text)).where.field).toBe('edges[2].target')
    const { network, warnings } = readJson(text, { directed: false, unknownNodes: 'create' })
    expect([network.directed, network.nodes.size, codes(warnings)]).toEqual([false, 4, ['W_NODE_CREATED']])
    const two = readJson(text.replace(', {"source": "b", "target": "q"}', ''), { twoMode: true }).network
    expect([two.twoModeRows, two.nodes.ids]).toEqual([2, ['a', 'b', 'e']])
  })

  it('reads GB18030 bytes and CRLF', () => {
    const enc = (s: string): number[] => Array.from(new TextEncoder().encode(s))
    const gb = [0xbe, 0xd3, 0xce, 0xaf, 0xbb, 0xe1] // 居委会
    const bytes = new Uint8Array([
      ...enc('{\r\n"directed": false,\r\n"edges": [{"source": "'),
      ...gb,
      ...enc('", "target": "b"}]\r\n}\r\n'),
    ])
    const { network, warnings } = readJson(bytes)
    expect(network.nodes.ids).toEqual(['居委会', 'b'])
    expect(codes(warnings)).toEqual(['W_ENCODING'])
    const e = fail(() => readJson(new Uint8Array([...bytes.slice(0, -5), ...enc(',\r\n}')])))
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_JSON', 4, 1])
  })
})

describe('readJson: errors', () => {
  it('syntax errors: E_JSON with line and column', () => {
    const cases: [string, number, number][] = [
      ['{\n  "directed": true,\n  "nodes": [\n    {"id": "a",}\n  ]\n}', 4, 16],
      ["{'directed': true}", 1, 2],
      ['{"edges": [\n  {"source": "a" "target": "b"}\n]}', 2, 18],
      ['{"edges": [{"source": "a\nb"}]}', 1, 25],
      ['{"edges": [{"source": "a', 1, 23],
      ['{"edges": [', 1, 12],
      ['{"directed": tru}', 1, 14],
      ['{"x": 01}', 1, 8],
      ['{"x": NaN}', 1, 7],
      ['{"x": 1}\r\n\r\n}', 3, 1],
      ['{"x": "\\q"}', 1, 8],
    ]
    for (const [text, line, column] of cases) {
      const e = fail(() => readJson(text, { source: 'n.json' }))
      expect([text, e.code, e.where.line, e.where.column, e.where.source]).toEqual([
        text,
        'E_JSON',
        line,
        column,
        'n.json',
      ])
    }
  })

  it('wrong types and values: E_FIELD (or a more precise code) with the field path', () => {
    const base = { directed: true, nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ source: 'a', target: 'b' }] }
    const cases: [unknown, string, string][] = [
      [{ ...base, directed: 'yes' }, 'E_FIELD', 'directed'],
      [{ ...base, nodes: {} }, 'E_FIELD', 'nodes'],
      [{ ...base, edges: 'a-b' }, 'E_FIELD', 'edges'],
      [{ ...base, nodes: [{ id: 'a' }, 'b'] }, 'E_FIELD', 'nodes[1]'],
      [{ ...base, nodes: [{ id: 'a' }, { label: 'B' }] }, 'E_FIELD', 'nodes[1].id'],
      [{ ...base, nodes: [{ id: 'a' }, { id: { x: 1 } }] }, 'E_FIELD', 'nodes[1].id'],
      [{ ...base, nodes: [{ id: 'a', label: 5 }, { id: 'b' }] }, 'E_FIELD', 'nodes[0].label'],
      [{ ...base, nodes: [{ id: 'a', active: true }, { id: 'b' }] }, 'E_FIELD', 'nodes[0].active'],
      [{ ...base, nodes: [{ id: 'a' }, { id: 'a' }] }, 'E_DUPLICATE_NODE', 'nodes[1].id'],
      [{ ...base, edges: [{ source: 'a', target: 'b' }, null] }, 'E_FIELD', 'edges[1]'],
      [{ ...base, edges: [{ target: 'b' }] }, 'E_FIELD', 'edges[0].source'],
      [{ ...base, edges: [{ source: 'a', target: [] }] }, 'E_FIELD', 'edges[0].target'],
      [
        {
          ...base,
          edges: [
            { source: 'a', target: 'b' },
            { source: 'b', target: 'a' },
            { source: 'a', target: 'b' },
            { source: 'a', target: 'b', weight: '2' },
          ],
        },
        'E_FIELD',
        'edges[3].weight',
      ],
      [{ ...base, edges: [{ source: 'a', target: 'b', weight: -1 }] }, 'E_WEIGHT', 'edges[0].weight'],
      [{ ...base, edges: [{ source: 'a', target: 'b', relation: 5 }] }, 'E_FIELD', 'edges[0].relation'],
      [{ ...base, edges: [{ source: 'a', target: 'z' }] }, 'E_UNKNOWN_NODE', 'edges[0].target'],
      [{ ...base, relations: 'INFO' }, 'E_FIELD', 'relations'],
      [{ ...base, relations: ['A', 1] }, 'E_FIELD', 'relations[1]'],
      [{ ...base, relations: ['A', 'A'] }, 'E_FIELD', 'relations[1]'],
      [
        { ...base, relations: ['A'], edges: [{ source: 'a', target: 'b', relation: 'B' }] },
        'E_FIELD',
        'edges[0].relation',
      ],
      [{ ...base, twoMode: 2 }, 'E_FIELD', 'twoMode'],
      [{ ...base, twoMode: { rows: 1.5 } }, 'E_FIELD', 'twoMode.rows'],
      [{ ...base, twoMode: { rows: 3 } }, 'E_FIELD', 'twoMode.rows'],
      [{ directed: false, edges: [], twoMode: { rows: 0 } }, 'E_FIELD', 'twoMode'],
      [{ ...base, twoMode: { rows: 2 } }, 'E_FORMAT', 'edges[0]'],
    ]
    for (const [doc, code, field] of cases) {
      const e = fail(() => readJson(JSON.stringify(doc)))
      expect([field, e.code, e.where.field]).toEqual([field, code, field])
    }
    const e = fail(() =>
      readJson(JSON.stringify({ ...base, edges: [{ source: 'a', target: 'a' }] }), { selfLoops: 'error' }),
    )
    expect([e.code, e.where.field]).toEqual(['E_SELF_LOOP', 'edges[0]'])
  })

  it('wrong documents: empty, not an object, no nodes or edges, binary garbage', () => {
    expect(fail(() => readJson('')).code).toBe('E_EMPTY')
    expect(fail(() => readJson('[1, 2]')).code).toBe('E_FORMAT')
    expect(fail(() => readJson('{"directed": true}')).code).toBe('E_FORMAT')
    expect(fail(() => readJson('<graphml/>')).code).toBe('E_JSON')
    const e = fail(() => readJson(new Uint8Array([0x7b, 0x0a, 0x00, 0x00, 0x7d])))
    expect([e.code, e.where.line]).toEqual(['E_ENCODING', 2])
  })

  it('yields a network or a ParseError for any input, never another exception (property)', () => {
    const valid = writeJson(readGraphml(fixture('data/kite/kite.graphml')).network)
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(8), fc.string({ maxLength: 4 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut))
    const anyJson = fc.jsonValue().map((v) => JSON.stringify({ directed: true, nodes: [{ id: 'a' }], edges: v }))
    const shaped = fc
      .record(
        {
          directed: fc.jsonValue(),
          nodes: fc.array(fc.dictionary(fc.constantFrom('id', 'label', 'x'), fc.jsonValue())),
          edges: fc.array(
            fc.dictionary(
              fc.constantFrom('source', 'target', 'weight', 'relation'),
              fc.oneof(fc.constantFrom('a', 'b', 1, -1), fc.jsonValue()),
            ),
          ),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          mutated,
          anyJson,
          shaped,
          fc.uint8Array({ maxLength: 100 }).map((b) => b as Uint8Array),
        ),
        (input) => {
          try {
            readJson(input)
          } catch (e) {
            if (!(e instanceof ParseError)) throw e
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('locateJsonError agrees with JSON.parse (property)', () => {
    const nearJson = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.nat(3),
        fc.constantFrom('', ',', '"', '}', ']', '{', '[', ':', '0', '-', '.', 'e', '\\', ' ', 'true', 'n'),
      )
      .map(([s, at, cut, insert]) => s.slice(0, at % (s.length + 1)) + insert + s.slice((at % (s.length + 1)) + cut))
    fc.assert(
      fc.property(fc.oneof(fc.json(), nearJson, fc.string()), (s) => {
        let valid = true
        try {
          JSON.parse(s)
        } catch {
          valid = false
        }
        expect(locateJsonError(s) === null).toBe(valid)
      }),
      { numRuns: 3000 },
    )
    // deep nesting does not overflow the stack
    expect(locateJsonError('['.repeat(200000))).not.toBeNull()
  })
})

describe('writeJson', () => {
  it('round-trips attributes, labels, weights, relations (also empty ones), direction and two-mode rows', () => {
    const b = new NetworkBuilder({ directed: false, twoModeRows: 2 })
    b.addNode('w1', { age: 31, role: 'chair', zero: -0 })
    b.addNode('w2', { age: null, role: 'x"y\\z\n', zero: 0 })
    b.addNode('e1', { age: 1.5e-7, role: null, zero: null })
    b.setLabel(0, 'Woman 1')
    b.setLabel(1, '')
    b.relation('EMPTY')
    b.addTie('w1', 'e1', 2, 'ATTENDED')
    b.addTie('w2', 'e1', 0.25, 'ATTENDED')
    const net = b.build().network
    const text = writeJson(net)
    expect(text.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "directed": false,',
      '  "twoMode": {"rows": 2},',
      '  "relations": ["EMPTY", "ATTENDED"],',
    ])
    const back = readJson(text)
    expect(back.warnings).toEqual([])
    sameFull(back.network, net)
    expect(Object.is(back.network.nodes.attribute('zero')![0], -0)).toBe(true)
  })

  it('round-trips every reference data set (davis as two-mode)', () => {
    for (const d of REFERENCE.filter((x) => x.inputs.files.graphml)) {
      const net = readGraphml(fixture(d.inputs.files.graphml!), { twoMode: d.dataset === 'davis' }).network
      const back = readJson(writeJson(net))
      expect(back.warnings).toEqual([])
      sameFull(back.network, net)
    }
  })

  it('writes kept self-loops and refuses reserved attribute names', () => {
    const b = new NetworkBuilder({ directed: true, selfLoops: 'keep' })
    b.addTie('a', 'a', 2)
    b.addTie('a', 'b', 1)
    const net = b.build().network
    expect(readJson(writeJson(net), { selfLoops: 'keep' }).network.graph.loops).toEqual(net.graph.loops)
    const c = new NetworkBuilder({ directed: true })
    c.addNode('a', { id: 'x' })
    expect(fail(() => writeJson(c.build().network)).code).toBe('E_UNSUPPORTED')
  })

  it('round-trips random networks, also two-mode ones (property)', () => {
    fc.assert(
      fc.property(networkArbitrary(false), fc.boolean(), (net, two) => {
        let n = net
        if (two && net.nodes.size > 0) {
          // make it two-mode: the first half rows, ties kept only from a row to a column
          const R = Math.ceil(net.nodes.size / 2)
          const b = new NetworkBuilder({ directed: net.directed })
          for (let i = 0; i < net.nodes.size; i++) b.addNode(net.nodes.ids[i]!)
          for (const g of net.relations)
            for (let e = 0; e < g.m; e++)
              if (g.tieSource[e]! < R && g.tieTarget[e]! >= R)
                b.addTie(g.tieSource[e]!, g.tieTarget[e]!, g.tieWeight[e]!, g.relation)
          n = asTwoMode(b.build().network, (i) => i < R)
        }
        sameFull(readJson(writeJson(n)).network, n)
      }),
      { numRuns: 300 },
    )
  })
})
