// GraphML: the reference data sets, keys/defaults/direction rules, malformed files, encodings and round-trips.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import { parseCsv } from './csv.js'
import { readGraphml, writeGraphml } from './graphml.js'
import { fail, networkArbitrary, sameFull } from './network.test-util.js'
import { sameNetwork, tieSet } from './roundtrip.test-util.js'
import { fixture, REFERENCE } from '../../test/reference.js'

const codes = (ws: { code: string }[]): string[] => ws.map((w) => w.code)

/** GraphML with the usual header; `body` goes inside <graphml>. */
const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${body}\n</graphml>\n`

describe('readGraphml: reference data sets', () => {
  for (const d of REFERENCE.filter((x) => x.inputs.files.graphml)) {
    it(`${d.dataset}: counts, direction, node table and weights`, () => {
      const { network, warnings } = readGraphml(fixture(d.inputs.files.graphml!), { source: d.dataset })
      expect(warnings).toEqual([])
      expect(network.nodes.size).toBe(d.nodes)
      expect(network.graph.m).toBe(d.edges)
      expect(network.directed).toBe(d.directed)
      // node table: same order, labels and attribute values (numbers where the key is numeric)
      const rows = parseCsv(new TextDecoder().decode(fixture(d.inputs.files.nodesCsv!)), ',')
      const header = rows[0]!.fields
      expect(header.slice(0, 2)).toEqual(['id', 'label'])
      expect(network.nodes.ids).toEqual(rows.slice(1).map((r) => r.fields[0]))
      expect(network.nodes.labels).toEqual(rows.slice(1).map((r) => r.fields[1]))
      expect([...network.nodes.attributes.keys()]).toEqual(header.slice(2))
      for (let c = 2; c < header.length; c++) {
        const col = network.nodes.attribute(header[c]!)!
        rows.slice(1).forEach((r, i) => {
          const v = col[i]
          expect(v === null ? '' : String(v)).toBe(r.fields[c])
          if (v !== null && /^-?[0-9.]+$/.test(r.fields[c]!)) expect(typeof v).toBe('number')
        })
      }
      // ties and weights equal the CSV edge list
      const ties = parseCsv(new TextDecoder().decode(fixture(d.inputs.files.csv!)), ',')
      expect(ties[0]!.fields).toEqual(['source', 'target', 'weight'])
      const wanted = ties.slice(1).map(({ fields: [s, t, w] }) => {
        const [a, b] = d.directed || s! <= t! ? [s, t] : [t, s]
        return `|${a}|${b}|${Number(w)}`
      })
      expect(tieSet(network)).toEqual(wanted.sort())
    })
  }

  it('davis as two-mode: women (the first node’s mode) are the 18 rows, events the 14 columns', () => {
    const { network } = readGraphml(fixture('data/davis/davis.graphml'), { twoMode: true })
    expect(network.twoModeRows).toBe(18)
    expect(network.nodes.size - 18).toBe(14)
    expect(network.graph.m).toBe(89)
    const mode = network.nodes.attribute('mode')!
    expect(mode.slice(0, 18).every((m) => m === 'woman')).toBe(true)
    expect(mode.slice(18).every((m) => m !== 'woman')).toBe(true)
    sameNetwork(readGraphml(writeGraphml(network)).network, network)
  })

  it('every data set round-trips through writeGraphml', () => {
    for (const d of REFERENCE.filter((x) => x.inputs.files.graphml)) {
      const net = readGraphml(fixture(d.inputs.files.graphml!)).network
      sameFull(readGraphml(writeGraphml(net)).network, net)
    }
  })
})

describe('readGraphml: keys, defaults, direction', () => {
  it('reads typed keys with defaults, labels, weights and relations', () => {
    const { network, warnings } = readGraphml(
      doc(`
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="sector" attr.type="string"><default>none</default></key>
  <key id="d2" for="node" attr.name="staff" attr.type="int"/>
  <key id="d3" for="node" attr.name="share" attr.type="double"><default>0.5</default></key>
  <key id="d4" for="node" attr.name="active" attr.type="boolean"/>
  <key id="w" for="edge" attr.name="Weight" attr.type="double"><default>2</default></key>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <desc>test graph</desc>
    <node id="a"><data key="d0">Alpha &amp; Co</data><data key="d1">police</data><data key="d2"> 12 </data><data key="d4">true</data></node>
    <node id="b"><data key="d3">INF</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="w">1.5</data><data key="r">INFO</data></edge>
    <edge source="b" target="c"><data key="r">COMMAND</data></edge>
    <edge source="c" target="a"/>
  </graph>`),
    )
    expect(warnings).toEqual([])
    expect(network.directed).toBe(true)
    expect(network.nodes.labels).toEqual(['Alpha & Co', null, null])
    expect(network.nodes.attribute('sector')).toEqual(['police', 'none', 'none'])
    expect(network.nodes.attribute('staff')).toEqual([12, null, null])
    expect(network.nodes.attribute('share')).toEqual([0.5, Infinity, 0.5])
    expect(network.nodes.attribute('active')).toEqual(['true', null, null])
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND', ''])
    expect(tieSet(network)).toEqual(['COMMAND|b|c|2', 'INFO|a|b|1.5', '|c|a|2'])
  })

  it('takes the relation from a key default and opts.relation, and keeps an empty relation', () => {
    const rel = doc(`<key id="r" for="edge" attr.name="relation"><default>TRUST</default></key>
      <graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>`)
    expect(readGraphml(rel).network.relationNames()).toEqual(['TRUST'])
    const plain = doc(
      '<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>',
    )
    expect(readGraphml(plain, { relation: 'X' }).network.relationNames()).toEqual(['X'])
    const empty = doc(
      '<key id="r" for="edge" attr.name="relation"><default>TRUST</default></key><graph edgedefault="undirected"><node id="a"/></graph>',
    )
    expect(readGraphml(empty).network.relationNames()).toEqual(['TRUST'])
  })

  it('mixed direction: any directed edge makes the graph directed, undirected edges become both arcs', () => {
    const text = doc(`<graph edgedefault="undirected">
      <node id="a"/><node id="b"/><node id="c"/>
      <edge source="a" target="b" directed="true"/>
      <edge source="b" target="c"/>
    </graph>`)
    const { network, warnings } = readGraphml(text)
    expect(network.directed).toBe(true)
    expect(tieSet(network)).toEqual(['|a|b|1', '|b|c|1', '|c|b|1'])
    expect(codes(warnings)).toEqual(['W_DIRECTION'])
    // directed default with one undirected edge
    const d2 = readGraphml(
      doc(
        '<graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b" directed="false"/></graph>',
      ),
    )
    expect(tieSet(d2.network)).toEqual(['|a|b|1', '|b|a|1'])
    // opts.directed overrides: one tie per edge as written
    const forced = readGraphml(text, { directed: false })
    expect([forced.network.directed, forced.network.graph.m, forced.warnings]).toEqual([false, 2, []])
    expect(readGraphml(text, { directed: true }).network.graph.m).toBe(2)
  })

  it('reads a graph without edgedefault as undirected (W_DIRECTION)', () => {
    const { network, warnings } = readGraphml(
      doc('<graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>'),
    )
    expect(network.directed).toBe(false)
    expect(codes(warnings)).toEqual(['W_DIRECTION'])
  })

  it('accepts edges before their nodes, namespace prefixes and CRLF line ends', () => {
    const text =
      '<?xml version="1.0"?>\r\n<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns">\r\n' +
      '<g:graph g:edgedefault="undirected">\r\n<g:edge source="a" target="b"/>\r\n<g:node id="a"/>\r\n<g:node id="b"/>\r\n</g:graph>\r\n</g:graphml>\r\n'
    const { network } = readGraphml(text)
    expect(network.nodes.ids).toEqual(['a', 'b'])
    expect(network.graph.m).toBe(1)
    const e = fail(() => readGraphml(text.replace('target="b"', 'target="q"')))
    expect([e.code, e.where.line, e.where.column, e.where.field]).toEqual(['E_UNKNOWN_NODE', 4, 1, 'target'])
  })

  it('ignores with warnings: later graphs, nested graphs, hyperedges, ports, yFiles data, other edge data', () => {
    const { network, warnings } = readGraphml(
      doc(`<key id="g" for="node" yfiles.type="nodegraphics"/>
      <key id="el" for="edge" attr.name="label" attr.type="string"/>
      <graph edgedefault="undirected">
        <node id="a"><data key="g"><y:ShapeNode xmlns:y="urn:y"><y:NodeLabel>A</y:NodeLabel></y:ShapeNode></data><port name="p"/></node>
        <node id="b"><graph edgedefault="directed"><node id="b.1"/></graph></node>
        <edge source="a" target="b" sourceport="p"><data key="el">knows</data></edge>
        <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
      </graph>
      <graph edgedefault="directed"><node id="z"/></graph>`),
    )
    expect(network.nodes.ids).toEqual(['a', 'b'])
    expect(network.graph.m).toBe(1)
    expect(codes(warnings).sort()).toEqual(['W_ATTRIBUTE', 'W_IGNORED'])
    expect(warnings.find((w) => w.code === 'W_IGNORED')!.count).toBeGreaterThanOrEqual(5)
  })

  it('creates unknown nodes only when asked (W_NODE_CREATED)', () => {
    const text = doc('<graph edgedefault="undirected"><node id="a"/><edge source="a" target="b"/></graph>')
    expect(fail(() => readGraphml(text)).code).toBe('E_UNKNOWN_NODE')
    const { network, warnings } = readGraphml(text, { unknownNodes: 'create' })
    expect(network.nodes.ids).toEqual(['a', 'b'])
    expect(codes(warnings)).toEqual(['W_NODE_CREATED'])
  })

  it('follows the builder policies for loops and duplicates', () => {
    const text = doc(
      '<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="a"/><edge source="a" target="b"/><edge source="b" target="a"/></graph>',
    )
    const { network, warnings } = readGraphml(text)
    expect(tieSet(network)).toEqual(['|a|b|2'])
    expect(codes(warnings)).toEqual(['W_SELF_LOOP_DROPPED', 'W_DUPLICATE_SUMMED'])
    expect(fail(() => readGraphml(text, { duplicates: 'error' })).code).toBe('E_DUPLICATE_TIE')
    const kept = readGraphml(text, { selfLoops: 'keep', duplicates: 'max' }).network
    expect(Array.from(kept.graph.loops!)).toEqual([1, 0])
    expect(readGraphml(writeGraphml(kept), { selfLoops: 'keep' }).network.graph.loops).toEqual(kept.graph.loops)
  })

  it('reads GB18030 bytes, declared or not', () => {
    // <node id="居委会"/> with the id in GB18030
    const gb = [0xbe, 0xd3, 0xce, 0xaf, 0xbb, 0xe1]
    const enc = (s: string): number[] => Array.from(new TextEncoder().encode(s))
    const make = (decl: string): Uint8Array =>
      new Uint8Array([
        ...enc(`${decl}<graphml><graph edgedefault="undirected"><node id="`),
        ...gb,
        ...enc('"/><node id="b"/><edge source="b" target="'),
        ...gb,
        ...enc('"/></graph></graphml>'),
      ])
    let r = readGraphml(make(''))
    expect(r.network.nodes.ids).toEqual(['居委会', 'b'])
    expect(codes(r.warnings)).toEqual(['W_ENCODING'])
    r = readGraphml(make('<?xml version="1.0" encoding="GB2312"?>\n'))
    expect(r.network.nodes.ids).toEqual(['居委会', 'b'])
    expect(r.warnings).toEqual([])
  })
})

describe('readGraphml: malformed input', () => {
  const ok = doc(`<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<key id="n" for="node" attr.name="size" attr.type="int"/>
<graph edgedefault="undirected">
<node id="a"><data key="n">3</data></node>
<node id="b"/>
<edge source="a" target="b"><data key="w">2</data></edge>
</graph>`)

  it('the sample is valid', () => {
    expect(readGraphml(ok).network.graph.tieWeight[0]).toBe(2)
  })

  it('truncated XML and unclosed tags: E_XML with line and column', () => {
    let e = fail(() => readGraphml(ok.slice(0, ok.indexOf('<edge') + 10)))
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 8, 1])
    e = fail(() => readGraphml(ok.slice(0, ok.indexOf('</graph>'))))
    expect([e.code, e.where.line]).toEqual(['E_XML', 5])
    e = fail(() => readGraphml(ok.replace('</node>', '</nod>')))
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 6, 36])
    e = fail(() => readGraphml(ok.replace('<node id="b"/>', '<node id="b">')))
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 9, 1])
  })

  it('bad numbers, negative weights, unknown keys and nodes: code, line and field', () => {
    let e = fail(() =>
      readGraphml(ok.replace('<data key="w">2</data>', '<data key="w">heavy</data>'), { source: 'g.graphml' }),
    )
    expect([e.code, e.where.line, e.where.column, e.where.field, e.where.source]).toEqual([
      'E_NUMBER',
      8,
      29,
      'weight',
      'g.graphml',
    ])
    e = fail(() => readGraphml(ok.replace('<data key="w">2</data>', '<data key="w">-1</data>')))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_WEIGHT', 8, 'weight'])
    e = fail(() => readGraphml(ok.replace('<data key="n">3</data>', '<data key="n">three</data>')))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_NUMBER', 6, 'size'])
    e = fail(() => readGraphml(ok.replace('<data key="n">', '<data key="zz">')))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_FORMAT', 6, 'key'])
    e = fail(() => readGraphml(ok.replace('target="b"', 'target="c"')))
    expect([e.code, e.where.line, e.where.column, e.where.field]).toEqual(['E_UNKNOWN_NODE', 8, 1, 'target'])
    e = fail(() => readGraphml(ok.replace('<node id="b"/>', '<node id="a"/>')))
    expect([e.code, e.where.line]).toEqual(['E_DUPLICATE_NODE', 7])
    e = fail(() => readGraphml(ok.replace('<edge source="a" ', '<edge ')))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_FORMAT', 8, 'source'])
    e = fail(() => readGraphml(ok.replace('edgedefault="undirected"', 'edgedefault="both"')))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_FORMAT', 5, 'edgedefault'])
    e = fail(() => readGraphml(ok.replace('<edge source', '<edge directed="yes" source')))
    expect([e.code, e.where.field]).toEqual(['E_FORMAT', 'directed'])
  })

  it('wrong documents: empty, not GraphML, no graph, binary garbage', () => {
    expect(fail(() => readGraphml('')).code).toBe('E_EMPTY')
    expect(fail(() => readGraphml('  \n')).code).toBe('E_EMPTY')
    expect(fail(() => readGraphml('<gexf/>')).code).toBe('E_FORMAT')
    expect(fail(() => readGraphml('<graphml></graphml>')).code).toBe('E_FORMAT')
    expect(fail(() => readGraphml('source,target\na,b\n')).code).toBe('E_XML')
    let e = fail(() => readGraphml(new Uint8Array([0x3c, 0x67, 0x3e, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x00])))
    expect([e.code, e.where.line]).toEqual(['E_ENCODING', 2])
    e = fail(() => readGraphml('<graphml>\n\u0000\u0001</graphml>'))
    expect([e.code, e.where.line]).toEqual(['E_XML', 2])
  })

  it('yields a network or a ParseError for any input, never another exception (property)', () => {
    const mutated = fc
      .tuple(fc.nat(ok.length), fc.nat(8), fc.string({ maxLength: 4 }))
      .map(([at, cut, insert]) => ok.slice(0, at) + insert + ok.slice(at + cut))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          mutated,
          fc.uint8Array({ maxLength: 200 }).map((b) => b as Uint8Array),
        ),
        (input) => {
          try {
            readGraphml(input)
          } catch (e) {
            if (!(e instanceof ParseError)) throw e
          }
        },
      ),
      { numRuns: 1500 },
    )
  })
})

describe('writeGraphml', () => {
  it('round-trips ids, labels, typed attributes, weights, relations and direction', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addNode('a & "b"', { sector: 'police <station>', staff: 12, share: 0.25 })
    b.addNode('居委会', { sector: null, staff: -3, share: 1e-9 })
    b.addNode('\tspaced id ', { sector: 'x\r\ny', staff: null, share: null })
    b.setLabel(0, 'A & B')
    b.setLabel(1, '')
    b.addTie('a & "b"', '居委会', 2.5, 'INFO')
    b.addTie('居委会', '\tspaced id ', 1, 'COMMAND')
    b.addTie('\tspaced id ', 'a & "b"', 3, '')
    const net = b.build().network
    const text = writeGraphml(net)
    expect(text).toContain('attr.name="staff" attr.type="int"')
    expect(text).toContain('attr.name="share" attr.type="double"')
    expect(text).toContain('attr.name="weight" attr.type="double"')
    expect(text).toContain('edgedefault="directed"')
    const back = readGraphml(text)
    expect(back.warnings).toEqual([])
    sameFull(back.network, net)
  })

  it('writes only the asked relation, and refuses an unknown one', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a', 'b', 1, 'X')
    b.addTie('b', 'c', 1, 'Y')
    const net = b.build().network
    expect(readGraphml(writeGraphml(net, { relation: 'Y' })).network.relationNames()).toEqual(['Y'])
    expect(fail(() => writeGraphml(net, { relation: 'Z' })).code).toBe('E_OPTION')
  })

  it('refuses characters XML cannot hold', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a\u0001', 'b')
    expect(fail(() => writeGraphml(b.build().network)).code).toBe('E_UNSUPPORTED')
  })

  it('round-trips random networks (property)', () => {
    fc.assert(
      fc.property(networkArbitrary(true), (net) => {
        sameFull(readGraphml(writeGraphml(net)).network, net)
      }),
      { numRuns: 300 },
    )
  })
})
