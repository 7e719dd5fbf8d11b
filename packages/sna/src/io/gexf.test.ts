// GEXF 1.2/1.3: Gephi-style files, kinds as relations, direction rules, malformed files, encodings and round-trips.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { ParseError } from '../errors.js'
import { readGexf, writeGexf } from './gexf.js'
import { readGraphml } from './graphml.js'
import { fail, networkArbitrary, sameFull } from './network.test-util.js'
import { tieSet } from './roundtrip.test-util.js'
import { fixture, REFERENCE } from '../../test/reference.js'

const codes = (ws: { code: string }[]): string[] => ws.map((w) => w.code)

/** A file as Gephi 0.10 exports it (GEXF 1.2draft with viz data). */
const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta lastmodifieddate="2024-05-01">
    <creator>Gephi 0.10.1</creator>
    <description></description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="sector" title="sector" type="string"></attribute>
      <attribute id="staff" title="staff" type="integer">
        <default>0</default>
      </attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="note" title="note" type="string"></attribute>
    </attributes>
    <nodes>
      <node id="n0" label="Street Office">
        <attvalues>
          <attvalue for="sector" value="government"></attvalue>
          <attvalue for="staff" value="12"></attvalue>
        </attvalues>
        <viz:size value="10.0"></viz:size>
        <viz:position x="-1.5" y="2.0" z="0.0"></viz:position>
        <viz:color r="153" g="153" b="153"></viz:color>
      </node>
      <node id="n1" label="Police &amp; Fire">
        <attvalues>
          <attvalue for="sector" value="police"></attvalue>
        </attvalues>
      </node>
      <node id="n2" label="Volunteers"></node>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1" weight="2.0">
        <attvalues>
          <attvalue for="note" value="weekly"></attvalue>
        </attvalues>
        <viz:color r="1" g="2" b="3"></viz:color>
      </edge>
      <edge id="1" source="n1" target="n2" type="undirected" weight="0.5"></edge>
    </edges>
  </graph>
</gexf>
`

describe('readGexf', () => {
  it('reads a Gephi 1.2 export: labels, typed attributes with defaults, weights, mixed direction', () => {
    const { network, warnings } = readGexf(GEPHI)
    expect(network.directed).toBe(true)
    expect(network.nodes.ids).toEqual(['n0', 'n1', 'n2'])
    expect(network.nodes.labels).toEqual(['Street Office', 'Police & Fire', 'Volunteers'])
    expect(network.nodes.attribute('sector')).toEqual(['government', 'police', null])
    expect(network.nodes.attribute('staff')).toEqual([12, 0, 0])
    expect(tieSet(network)).toEqual(['|n0|n1|2', '|n1|n2|0.5', '|n2|n1|0.5'])
    expect(codes(warnings).sort()).toEqual(['W_ATTRIBUTE', 'W_DIRECTION'])
  })

  it('reads GEXF 1.3: kind as relation, mutual edges, weight and relation attributes, default undirected', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="static">
    <attributes class="edge">
      <attribute id="w" title="Weight" type="double"><default>4</default></attribute>
    </attributes>
    <nodes><node id="1"/><node id="2"/><node id="3"/></nodes>
    <edges>
      <edge source="1" target="2" kind="INFO"/>
      <edge source="1" target="2" kind="COMMAND" weight="3"/>
      <edge source="2" target="3" type="mutual"><attvalues><attvalue for="w" value="1.5"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`
    const { network, warnings } = readGexf(text)
    expect(warnings).toEqual([])
    expect(network.directed).toBe(false)
    expect(network.relationNames()).toEqual(['INFO', 'COMMAND', ''])
    expect(tieSet(network)).toEqual(['COMMAND|1|2|3', 'INFO|1|2|4', '|2|3|1.5'])
    // a graph of mutual edges stays undirected; opts.directed reads one arc per edge
    expect(readGexf(text.replace('mode="static"', 'defaultedgetype="mutual"')).network.directed).toBe(false)
    const forced = readGexf(text, { directed: true })
    expect([forced.network.directed, tieSet(forced.network).length]).toEqual([true, 3])
  })

  it('reads edge relations from an attribute titled relation (how GEXF 1.2 holds them)', () => {
    const text = `<gexf version="1.2"><graph defaultedgetype="directed">
      <attributes class="edge"><attribute id="r" title="relation" type="string"><default>A</default></attribute></attributes>
      <nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge id="0" source="a" target="b"/><edge id="1" source="b" target="a"><attvalues><attvalue for="r" value="B"/></attvalues></edge></edges>
    </graph></gexf>`
    expect(tieSet(readGexf(text).network)).toEqual(['A|a|b|1', 'B|b|a|1'])
  })

  it('ignores time data, hierarchies and later graphs with warnings', () => {
    const text = `<gexf version="1.3"><graph mode="dynamic" defaultedgetype="undirected">
      <attributes class="node" mode="dynamic"><attribute id="0" title="score" type="float"/></attributes>
      <nodes>
        <node id="a" label="A"><attvalues><attvalue for="0" value="1" start="2001" end="2002"/><attvalue for="0" value="2" start="2002"/></attvalues>
          <spells><spell start="2001"/></spells>
          <nodes><node id="a.1"/></nodes>
        </node>
        <node id="b" pid="a"/>
      </nodes>
      <edges><edge source="a" target="b"><spells><spell start="2001"/></spells></edge></edges>
    </graph><graph/></gexf>`
    const { network, warnings } = readGexf(text)
    expect(network.nodes.ids).toEqual(['a', 'b'])
    expect(network.nodes.attribute('score')).toEqual([1, null])
    expect(codes(warnings)).toEqual(['W_IGNORED'])
    expect(warnings[0]!.count).toBeGreaterThanOrEqual(6)
  })

  it('converts every reference data set from GraphML to GEXF 1.2 and 1.3 and back', () => {
    for (const d of REFERENCE.filter((x) => x.inputs.files.graphml)) {
      const net = readGraphml(fixture(d.inputs.files.graphml!)).network
      for (const version of ['1.2', '1.3'] as const) {
        const back = readGexf(writeGexf(net, { version }))
        expect(back.warnings).toEqual([])
        sameFull(back.network, net)
      }
    }
  })

  it('reads davis as two-mode from the mode attribute', () => {
    const net = readGraphml(fixture('data/davis/davis.graphml')).network
    const { network } = readGexf(writeGexf(net), { twoMode: true })
    expect([network.twoModeRows, network.nodes.size, network.graph.m]).toEqual([18, 32, 89])
  })

  it('reads GB18030 bytes and CRLF line ends', () => {
    const enc = (s: string): number[] => Array.from(new TextEncoder().encode(s))
    const gb = [0xc5, 0xc9, 0xb3, 0xf6, 0xcb, 0xf9] // 派出所
    const bytes = new Uint8Array([
      ...enc(
        '<?xml version="1.0" encoding="GBK"?>\r\n<gexf version="1.2">\r\n<graph>\r\n<nodes>\r\n<node id="p" label="',
      ),
      ...gb,
      ...enc(
        '"/>\r\n<node id="q"/>\r\n</nodes>\r\n<edges>\r\n<edge source="p" target="x"/>\r\n</edges></graph></gexf>\r\n',
      ),
    ])
    const e = fail(() => readGexf(bytes))
    expect([e.code, e.where.line, e.where.field]).toEqual(['E_UNKNOWN_NODE', 9, 'target'])
    const { network, warnings } = readGexf(bytes, { unknownNodes: 'create' })
    expect(network.nodes.labels).toEqual(['派出所', null, null])
    expect(codes(warnings)).toEqual(['W_NODE_CREATED'])
  })
})

describe('readGexf: malformed input', () => {
  const ok = `<gexf version="1.3">
<graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="size" type="integer"/></attributes>
<nodes>
<node id="a"><attvalues><attvalue for="0" value="3"/></attvalues></node>
<node id="b"/>
</nodes>
<edges>
<edge id="0" source="a" target="b" weight="2"/>
</edges>
</graph>
</gexf>`

  it('the sample is valid', () => {
    expect(tieSet(readGexf(ok).network)).toEqual(['|a|b|2'])
  })

  it('reports code, line, column and field', () => {
    const cases: [string, string, string, number, number | undefined, string | undefined][] = [
      ['weight="2"', 'weight="two"', 'E_NUMBER', 9, 1, 'weight'],
      ['weight="2"', 'weight="-2"', 'E_WEIGHT', 9, 1, 'weight'],
      ['value="3"', 'value="x"', 'E_NUMBER', 5, 25, 'size'],
      ['for="0"', 'for="9"', 'E_FORMAT', 5, 25, 'for'],
      ['target="b"', 'target="z"', 'E_UNKNOWN_NODE', 9, 1, 'target'],
      ['<node id="b"/>', '<node id="a"/>', 'E_DUPLICATE_NODE', 6, 1, 'id'],
      ['weight="2"', 'weight="2" type="both"', 'E_FORMAT', 9, 1, 'type'],
      ['defaultedgetype="directed"', 'defaultedgetype="x"', 'E_FORMAT', 2, 1, 'defaultedgetype'],
      ['</attvalues></node>', '</attvalues>', 'E_XML', 7, 1, undefined],
      ['<node id="b"/>', '<node id="b">', 'E_XML', 7, 1, undefined],
    ]
    for (const [from, to, code, line, column, field] of cases) {
      const e = fail(() => readGexf(ok.replace(from, to)))
      expect([to, e.code, e.where.line, e.where.column, e.where.field]).toEqual([to, code, line, column, field])
    }
    const e = fail(() => readGexf(ok.slice(0, ok.indexOf('weight'))))
    expect([e.code, e.where.line, e.where.column]).toEqual(['E_XML', 9, 1])
  })

  it('wrong documents: empty, not GEXF, no graph, binary garbage', () => {
    expect(fail(() => readGexf('')).code).toBe('E_EMPTY')
    expect(fail(() => readGexf('<graphml/>')).code).toBe('E_FORMAT')
    expect(fail(() => readGexf('<gexf version="1.3"><meta/></gexf>')).code).toBe('E_FORMAT')
    expect(fail(() => readGexf('{"nodes": []}')).code).toBe('E_XML')
    expect(fail(() => readGexf(new Uint8Array([0x3c, 0x00, 0x01, 0x02, 0x03]))).code).toBe('E_ENCODING')
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
            readGexf(input)
          } catch (e) {
            if (!(e instanceof ParseError)) throw e
          }
        },
      ),
      { numRuns: 1500 },
    )
  })
})

describe('writeGexf', () => {
  const sample = () => {
    const b = new NetworkBuilder({ directed: false })
    b.addNode('a<1>', { sector: 'x & y', staff: 3, share: 0.5 })
    b.addNode('b "2"', { sector: null, staff: 2 ** 40, share: null })
    b.addNode('中', { sector: 'tab\there', staff: null, share: -1.25 })
    b.setLabel(0, 'Ä')
    b.addTie('a<1>', 'b "2"', 3, 'INFO')
    b.addTie('b "2"', '中', 1, 'COMMAND')
    b.addTie('中', 'a<1>', 0.5, 'INFO')
    return b.build().network
  }

  it('writes 1.3 by default with kinds, 1.2 with a relation attribute; both round-trip', () => {
    const net = sample()
    const v13 = writeGexf(net)
    expect(v13).toContain('version="1.3"')
    expect(v13).toContain('kind="COMMAND"')
    expect(v13).toContain('type="long"')
    const v12 = writeGexf(net, { version: '1.2' })
    expect(v12).toContain('xmlns="http://www.gexf.net/1.2draft"')
    expect(v12).not.toContain('kind=')
    for (const text of [v13, v12]) {
      const back = readGexf(text)
      expect(back.warnings).toEqual([])
      sameFull(back.network, net)
    }
  })

  it('refuses a bad version and an unknown relation', () => {
    expect(fail(() => writeGexf(sample(), { version: '2.0' as '1.3' })).code).toBe('E_OPTION')
    expect(fail(() => writeGexf(sample(), { relation: 'NONE' })).code).toBe('E_OPTION')
    const only = readGexf(writeGexf(sample(), { relation: 'COMMAND' })).network
    expect([only.relationNames(), tieSet(only)]).toEqual([['COMMAND'], ['COMMAND|b "2"|中|1']])
  })

  it('round-trips random networks in both versions (property)', () => {
    fc.assert(
      fc.property(networkArbitrary(true), fc.constantFrom('1.2' as const, '1.3' as const), (net, version) => {
        sameFull(readGexf(writeGexf(net, { version })).network, net)
      }),
      { numRuns: 300 },
    )
  })
})
