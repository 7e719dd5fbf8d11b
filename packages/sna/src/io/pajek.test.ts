// Tests of the Pajek NET reader and writer: reference data, sections, relations, errors with locations, encodings, round trips.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REFERENCE, fixture } from '../../test/reference.js'
import { NetworkBuilder } from '../builder.js'
import { isParseError, type ErrorCode, type ParseError } from '../errors.js'
import { Network, type Graph } from '../graph.js'
import { parseCsv } from './csv.js'
import { readPajek, writePajek } from './pajek.js'
import type { ReadResult } from './types.js'

// ---------------------------------------------------------------------------------------------
// helpers (the same as in dl.test.ts)

function parseError(f: () => unknown): ParseError {
  try {
    f()
  } catch (e) {
    if (isParseError(e)) return e
    throw e
  }
  throw new Error('expected a ParseError, but reading succeeded')
}

function expectError(f: () => unknown, code: ErrorCode, line?: number, column?: number): ParseError {
  const e = parseError(f)
  expect(e.code).toBe(code)
  if (line !== undefined) expect(e.where.line).toBe(line)
  if (column !== undefined) expect(e.where.column).toBe(column)
  return e
}

const codes = (r: ReadResult): string[] => r.warnings.map((w) => w.code)

/** Ties as "a-b:w" (undirected) or "a>b:w" (directed), sorted. */
function ties(g: Graph): string[] {
  const ids = g.nodes.ids
  const out: string[] = []
  for (let e = 0; e < g.m; e++)
    out.push(`${ids[g.tieSource[e]!]}${g.directed ? '>' : '-'}${ids[g.tieTarget[e]!]}:${g.tieWeight[e]}`)
  return out.sort()
}

function expectSameNetwork(actual: Network, wanted: Network): void {
  expect(actual.nodes.ids).toEqual(wanted.nodes.ids)
  expect(actual.directed).toBe(wanted.directed)
  expect(actual.twoModeRows).toBe(wanted.twoModeRows)
  expect(actual.relationNames()).toEqual(wanted.relationNames())
  wanted.relations.forEach((g, k) => {
    const h = actual.relations[k]!
    expect(Array.from(h.tieSource)).toEqual(Array.from(g.tieSource))
    expect(Array.from(h.tieTarget)).toEqual(Array.from(g.tieTarget))
    expect(Array.from(h.tieWeight)).toEqual(Array.from(g.tieWeight))
  })
  const loops = (n: Network): number[] | null => (n.graph.loops ? Array.from(n.graph.loops) : null)
  expect(loops(actual)).toEqual(loops(wanted))
}

function graphOrParseError(f: () => ReadResult): boolean {
  try {
    return f().network instanceof Network
  } catch (e) {
    if (isParseError(e)) return true
    throw e
  }
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = []
  for (const p of parts) {
    if (typeof p === 'string') for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i))
    else out.push(...p)
  }
  return new Uint8Array(out)
}

function expectCsvTies(network: Network, csvPath: string): void {
  const rows = parseCsv(fixture(csvPath).toString('utf8'), ',')
  const g = network.graph
  expect(g.m).toBe(rows.length - 1)
  for (const { fields } of rows.slice(1)) {
    const s = network.nodes.find(fields[0]!)
    const t = network.nodes.find(fields[1]!)
    expect(s, fields[0]).toBeDefined()
    expect(t, fields[1]).toBeDefined()
    expect(g.weight(s!, t!), `${fields[0]} -> ${fields[1]}`).toBe(Number(fields[2]))
  }
}

const UNITS = fc.constantFrom(
  'a',
  'b',
  'Z',
  '1',
  '9',
  ' ',
  ',',
  '"',
  ':',
  '=',
  '!',
  '%',
  '*',
  '.',
  '-',
  '你',
  '好',
  'é',
  '\t',
  '\n',
  '\r',
)
const idArb = fc.string({ unit: UNITS, maxLength: 5 })
const weightArb = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 1000 }),
  fc.double({ min: 1e-9, max: 1e12, noNaN: true, noDefaultInfinity: true }),
)

interface Spec {
  ids: string[]
  directed: boolean
  twoMode: number | null
  relations: string[]
  ties: [number, number, number, number][]
  loops: [number, number][]
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  ids: fc.uniqueArray(idArb, { maxLength: 10 }),
  directed: fc.boolean(),
  twoMode: fc.option(fc.nat(), { freq: 3 }),
  relations: fc.uniqueArray(fc.string({ unit: UNITS, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  ties: fc.array(fc.tuple(fc.nat(), fc.nat(), weightArb, fc.nat()), { maxLength: 40 }),
  loops: fc.array(fc.tuple(fc.nat(), weightArb), { maxLength: 3 }),
})

function buildSpec(spec: Spec): Network {
  const n = spec.ids.length
  const rows = spec.twoMode === null ? null : spec.twoMode % (n + 1)
  const b = new NetworkBuilder({ directed: spec.directed, selfLoops: 'keep', twoModeRows: rows })
  for (const id of spec.ids) b.addNode(id)
  for (const r of spec.relations) b.relation(r)
  for (const [s, t, w, r] of spec.ties) {
    const rel = spec.relations[r % spec.relations.length]!
    if (rows === null) {
      if (n > 0 && s % n !== t % n) b.addTie(s % n, t % n, w, rel)
    } else if (rows > 0 && rows < n) b.addTie(s % rows, rows + (t % (n - rows)), w, rel)
  }
  if (rows === null && n > 0) for (const [i, w] of spec.loops) b.addTie(i % n, i % n, w, spec.relations[0])
  return b.build().network
}

// ---------------------------------------------------------------------------------------------

describe('readPajek: reference data sets', () => {
  for (const ref of REFERENCE) {
    const file = ref.inputs.files.pajek
    it(`${file}: ${ref.nodes} nodes, ${ref.edges} ties, ${ref.directed ? 'directed' : 'undirected'}`, () => {
      const { network } = readPajek(fixture(file), { source: file, directed: ref.directed, twoMode: ref.twoMode })
      const g = network.graph
      expect(g.n).toBe(ref.nodes)
      expect(g.m).toBe(ref.edges)
      expect(network.directed).toBe(ref.directed)
      expectCsvTies(network, ref.inputs.files.csv)
      if (ref.twoMode) {
        expect(network.twoModeRows).toBe(18)
        expect(g.n - network.twoModeRows!).toBe(14)
        expect(g.m).toBe(89)
      } else expect(network.twoModeRows).toBeNull()
    })

    it(`${file}: *Arcs / *Edges give the direction without the option`, () => {
      const { network } = readPajek(fixture(file), { source: file })
      expect(network.directed).toBe(ref.directed)
      expect(network.graph.m).toBe(ref.edges)
      expect(network.twoModeRows).toBe(ref.twoMode ? 18 : null)
    })
  }
})

describe('readPajek: vertices', () => {
  it('uses the labels as ids when every vertex has a distinct label (quoted or not)', () => {
    const { network } = readPajek('*Vertices 3\n1 "Ann Lee"\n2 bob\n3 "c"\n*Edges\n1 2\n')
    expect(network.nodes.ids).toEqual(['Ann Lee', 'bob', 'c'])
  })

  it('uses the numbers as ids when a vertex is not listed, keeping the labels as labels', () => {
    const { network } = readPajek('*Vertices 3\n1 "a"\n3 "c"\n*Edges\n1 2\n')
    expect(network.nodes.ids).toEqual(['1', '2', '3'])
    expect(network.nodes.labels).toEqual(['a', null, 'c'])
    expect(ties(network.graph)).toEqual(['1-2:1'])
  })

  it('uses the numbers as ids when labels repeat or a vertex line has no label', () => {
    expect(readPajek('*Vertices 2\n1 "a"\n2 "a"\n').network.nodes.ids).toEqual(['1', '2'])
    expect(readPajek('*Vertices 2\n1 "a"\n2\n').network.nodes.ids).toEqual(['1', '2'])
    expect(readPajek('*Vertices 2\n').network.nodes.ids).toEqual(['1', '2'])
  })

  it('reads vertex lines in any order and ignores coordinates and shapes (W_IGNORED)', () => {
    const r = readPajek('*Vertices 2\n2 "b" 0.1 0.2 0.5 ic Red\n1 "a" 0.3 0.4 0.5\n*Arcs\n1 2\n')
    expect(r.network.nodes.ids).toEqual(['a', 'b'])
    expect(codes(r)).toContain('W_IGNORED')
  })

  it('accepts *Network, % comments and keywords in any case', () => {
    const { network } = readPajek(
      '% made by hand\n*Network "test net"\n*VERTICES 2\n% a comment\n1 "a"\n2 "b"\n*edges\n1 2 3\n',
    )
    expect(ties(network.graph)).toEqual(['a-b:3'])
  })
})

describe('readPajek: ties', () => {
  it('reads *Arcs as directed and *Edges as undirected, weight 1 when absent', () => {
    expect(ties(readPajek('*Vertices 3\n*Arcs\n1 2\n2 3 2.5\n').network.graph)).toEqual(['1>2:1', '2>3:2.5'])
    expect(ties(readPajek('*Vertices 3\n*Edges\n1 2\n3 2 2.5\n').network.graph)).toEqual(['1-2:1', '2-3:2.5'])
  })

  it('reads a file mixing *Arcs and *Edges as directed, edges as two arcs (W_DIRECTION)', () => {
    const r = readPajek('*Vertices 3\n*Arcs\n1 2 1\n*Edges\n2 3 4\n')
    expect(r.network.directed).toBe(true)
    expect(ties(r.network.graph)).toEqual(['1>2:1', '2>3:4', '3>2:4'])
    expect(codes(r)).toContain('W_DIRECTION')
  })

  it('lets opts.directed override the file', () => {
    const arcs = '*Vertices 3\n*Arcs\n1 2 1\n2 1 3\n2 3 1\n'
    const r = readPajek(arcs, { directed: false })
    expect(ties(r.network.graph)).toEqual(['1-2:3', '2-3:1'])
    expect(codes(r)).toContain('W_ASYMMETRIC')
    expect(ties(readPajek('*Vertices 2\n*Edges\n1 2 5\n', { directed: true }).network.graph)).toEqual([
      '1>2:5',
      '2>1:5',
    ])
  })

  it('ignores drawing attributes after a tie (W_IGNORED)', () => {
    const r = readPajek('*Vertices 3\n*Edges\n1 2 2 c Blue\n2 3 c Red l "x y"\n1 3 1 l "label"\n')
    expect(ties(r.network.graph)).toEqual(['1-2:2', '1-3:1', '2-3:1'])
    expect(codes(r)).toContain('W_IGNORED')
  })

  it('reads *Arcslist and *Edgeslist', () => {
    expect(ties(readPajek('*Vertices 4\n*Arcslist\n1 2 3 4\n2 1\n').network.graph)).toEqual([
      '1>2:1',
      '1>3:1',
      '1>4:1',
      '2>1:1',
    ])
    expect(ties(readPajek('*Vertices 4\n*Edgeslist\n1 2 3\n4\n').network.graph)).toEqual(['1-2:1', '1-3:1'])
  })

  it('reads *Matrix: symmetric as edges, asymmetric as arcs', () => {
    const sym = readPajek('*Vertices 3\n*Matrix\n0 1 0\n1 0 2\n0 2 0\n').network
    expect(sym.directed).toBe(false)
    expect(ties(sym.graph)).toEqual(['1-2:1', '2-3:2'])
    const asym = readPajek('*Vertices 2\n*Matrix\n0 1\n0 0\n').network
    expect(asym.directed).toBe(true)
    expect(ties(asym.graph)).toEqual(['1>2:1'])
  })

  it('reads a two-mode *Matrix as rows × columns', () => {
    const { network } = readPajek('*Vertices 5 2\n*Matrix\n1 0 2\n0 1 0\n')
    expect(network.twoModeRows).toBe(2)
    expect(network.directed).toBe(false)
    expect(ties(network.graph)).toEqual(['1-3:1', '1-5:2', '2-4:1'])
  })

  it('sums a tie listed twice, or refuses it on request', () => {
    const text = '*Vertices 2\n*Edges\n1 2 1\n2 1 2\n'
    const r = readPajek(text)
    expect(ties(r.network.graph)).toEqual(['1-2:3'])
    expect(codes(r)).toContain('W_DUPLICATE_SUMMED')
    expectError(() => readPajek(text, { duplicates: 'error' }), 'E_DUPLICATE_TIE', 4)
  })

  it('drops self-loops by default, keeps them on request', () => {
    const text = '*Vertices 2\n*Edges\n1 1 4\n1 2\n'
    const r = readPajek(text)
    expect(codes(r)).toContain('W_SELF_LOOP_DROPPED')
    expect(Array.from(readPajek(text, { selfLoops: 'keep' }).network.graph.loops!)).toEqual([4, 0])
    expectError(() => readPajek(text, { selfLoops: 'error' }), 'E_SELF_LOOP', 3)
  })

  it('reads weight 0 as no tie (W_ZERO_WEIGHT)', () => {
    const r = readPajek('*Vertices 2\n*Edges\n1 2 0\n')
    expect(r.network.graph.m).toBe(0)
    expect(codes(r)).toContain('W_ZERO_WEIGHT')
  })
})

describe('readPajek: relations and two-mode', () => {
  it('reads relations from *Arcs :k "name" sections, merging repeated sections', () => {
    const text = '*Vertices 3\n*Arcs :1 "friend"\n1 2\n*Arcs :2 "enemy"\n1 3\n*Arcs :1 "friend"\n2 3\n*Edges :3\n1 2\n'
    const { network } = readPajek(text)
    expect(network.relationNames()).toEqual(['friend', 'enemy', '3'])
    expect(network.directed).toBe(true)
    expect(ties(network.relations[0]!)).toEqual(['1>2:1', '2>3:1'])
    expect(ties(network.relations[1]!)).toEqual(['1>3:1'])
    expect(ties(network.relations[2]!)).toEqual(['1>2:1', '2>1:1'])
  })

  it('reads a "k:" relation prefix on tie lines', () => {
    const { network } = readPajek('*Vertices 3\n*Arcs :1 "a"\n*Arcs :2 "b"\n*Arcs\n1: 1 2\n2: 2 3 4\n')
    expect(network.relationNames()).toEqual(['a', 'b', ''])
    expect(ties(network.findRelation('a')!)).toEqual(['1>2:1'])
    expect(ties(network.findRelation('b')!)).toEqual(['2>3:4'])
  })

  it('names unmarked sections opts.relation', () => {
    expect(readPajek('*Vertices 2\n*Edges\n1 2\n', { relation: 'kin' }).network.relationNames()).toEqual(['kin'])
    expect(readPajek('*Vertices 2\n', { relation: 'kin' }).network.relationNames()).toEqual(['kin'])
  })

  it('reads *Vertices N R as two-mode with the first R vertices as rows', () => {
    const { network } = readPajek('*Vertices 4 2\n1 "a"\n2 "b"\n3 "x"\n4 "y"\n*Edges\n1 3\n2 3\n2 4\n')
    expect(network.twoModeRows).toBe(2)
    expect(ties(network.graph)).toEqual(['a-x:1', 'b-x:1', 'b-y:1'])
  })

  it('refuses a two-mode tie between two rows (E_FORMAT)', () => {
    expectError(() => readPajek('*Vertices 4 2\n*Edges\n1 3\n1 2\n'), 'E_FORMAT', 4, 1)
  })

  it('turns a one-mode file into a two-mode network with opts.twoMode', () => {
    // without a mode attribute, the vertices that send arcs are the rows
    const { network } = readPajek('*Vertices 4\n1 a\n2 x\n3 b\n4 y\n*Arcs\n1 2\n3 2\n3 4\n', { twoMode: true })
    expect(network.twoModeRows).toBe(2)
    expect(network.nodes.ids).toEqual(['a', 'b', 'x', 'y'])
  })
})

describe('readPajek: malformed input', () => {
  it('E_EMPTY for empty input, E_FORMAT without *Vertices', () => {
    expectError(() => readPajek(''), 'E_EMPTY')
    expectError(() => readPajek('% only a comment\n'), 'E_FORMAT')
  })

  it('E_FORMAT for data before *Vertices', () => {
    expectError(() => readPajek('\n1 2\n*Vertices 2\n'), 'E_FORMAT', 2, 1)
    expectError(() => readPajek('*Arcs\n1 2\n'), 'E_FORMAT', 1, 1)
  })

  it('E_INDEX for a vertex number outside 1..N', () => {
    expectError(() => readPajek('*Vertices 3\n*Arcs\n1 2\n2 4\n'), 'E_INDEX', 4, 3)
    expectError(() => readPajek('*Vertices 3\n*Edges\n0 1\n'), 'E_INDEX', 3, 1)
    expectError(() => readPajek('*Vertices 3\n*Arcslist\n1 2 3 9\n'), 'E_INDEX', 3, 7)
    expectError(() => readPajek('*Vertices 3\n0 "x"\n'), 'E_INDEX', 2, 1)
  })

  it('E_NUMBER for a bad number', () => {
    expectError(() => readPajek('*Vertices 3\n*Arcs\n1 2 heavy\n'), 'E_NUMBER', 3, 5)
    expectError(() => readPajek('*Vertices 3\n*Arcs\n1 x\n'), 'E_NUMBER', 3, 3)
    expectError(() => readPajek('*Vertices 3\n"a" 1\n'), 'E_NUMBER', 2, 1)
    expectError(() => readPajek('*Vertices three\n'), 'E_NUMBER', 1, 11)
    expectError(() => readPajek('*Vertices 2\n*Matrix\n0 .\n0 0\n'), 'E_NUMBER', 3, 3)
    expectError(() => readPajek('*Vertices 2\n*Arcs :x\n'), 'E_NUMBER', 2)
  })

  it('E_WEIGHT for a negative weight', () => {
    expectError(() => readPajek('*Vertices 2\n*Arcs\n1 2 -1\n'), 'E_WEIGHT', 3, 5)
  })

  it('E_COUNT for vertex lines beyond N and malformed tie lines', () => {
    expectError(() => readPajek('*Vertices 2\n1 "a"\n2 "b"\n3 "c"\n'), 'E_COUNT', 4, 1)
    expectError(() => readPajek('*Vertices 2\n*Edges\n1\n'), 'E_COUNT', 3)
    expectError(() => readPajek('*Vertices 3 4\n'), 'E_COUNT', 1)
  })

  it('E_COUNT / E_TRUNCATED for a *Matrix with the wrong number of values or rows', () => {
    expectError(() => readPajek('*Vertices 2\n*Matrix\n0 1\n1\n'), 'E_COUNT', 4)
    expectError(() => readPajek('*Vertices 2\n*Matrix\n0 1 1\n1 0\n'), 'E_COUNT', 3, 5)
    expectError(() => readPajek('*Vertices 2\n*Matrix\n0 1\n1 0\n1 1\n'), 'E_COUNT', 5, 1)
    expectError(() => readPajek('*Vertices 3\n*Matrix\n0 1 0\n1 0 1\n'), 'E_TRUNCATED', 4)
    expectError(() => readPajek('*Vertices 3\n*Matrix\n0 1 0\n*Edges\n1 2\n'), 'E_COUNT', 3)
  })

  it('E_DUPLICATE_NODE for a vertex listed twice', () => {
    expectError(() => readPajek('*Vertices 2\n1 "a"\n1 "b"\n'), 'E_DUPLICATE_NODE', 3, 1)
  })

  it('E_HEADER for *Vertices without a number; E_UNSUPPORTED for a second network', () => {
    expectError(() => readPajek('*Vertices\n1 "a"\n'), 'E_HEADER', 1)
    expectError(() => readPajek('*Vertices 1\n*Network two\n*Vertices 1\n'), 'E_UNSUPPORTED', 2)
    expectError(() => readPajek('*Vertices 1\n*Vertices 1\n'), 'E_UNSUPPORTED', 2)
    expectError(() => readPajek('*Vertices 99999999999\n'), 'E_UNSUPPORTED', 1)
  })

  it('E_SYNTAX for an unclosed quote', () => {
    // a quoted label may hold a line break, so an unbalanced quote shows where the input ends
    expectError(() => readPajek('*Vertices 1\n1 "a\n'), 'E_SYNTAX', 2, 3)
    expectError(() => readPajek('*Vertices 2\n1 "a"\n2 "b\n'), 'E_SYNTAX', 3, 3)
  })

  it('E_ENCODING for binary data (a NUL byte)', () => {
    expectError(() => readPajek(bytes('*Vertices 2\n', [0, 0, 7])), 'E_ENCODING', 2)
  })

  it('ignores unknown sections (W_IGNORED)', () => {
    const r = readPajek('*Vertices 2\n*Edges\n1 2\n*Partition part\n*Vertices 2\n1\n2\n', {})
    expect(codes(r)).toContain('W_IGNORED')
    expect(r.network.graph.m).toBe(1)
  })
})

describe('readPajek: encodings and line ends', () => {
  it('reads GB18030 labels with W_ENCODING', () => {
    // 你好 = C4E3 BAC3, 张三 = D5C5 C8FD
    const input = bytes(
      '*Vertices 2\n1 "',
      [0xc4, 0xe3, 0xba, 0xc3],
      '"\n2 "',
      [0xd5, 0xc5, 0xc8, 0xfd],
      '"\n*Edges\n1 2\n',
    )
    const r = readPajek(input)
    expect(r.network.nodes.ids).toEqual(['你好', '张三'])
    expect(ties(r.network.graph)).toEqual(['你好-张三:1'])
    expect(codes(r)).toContain('W_ENCODING')
  })

  it('reads CRLF and CR line ends, with the same line numbers in errors', () => {
    for (const eol of ['\r\n', '\r']) {
      const { network } = readPajek(['*Vertices 3', '1 "a"', '2 "b"', '3 "c"', '*Edges', '1 2', '2 3 2', ''].join(eol))
      expect(ties(network.graph)).toEqual(['a-b:1', 'b-c:2'])
      expectError(() => readPajek(['*Vertices 3', '*Edges', '1 2', '2 7', ''].join(eol)), 'E_INDEX', 4, 3)
    }
  })
})

describe('writePajek', () => {
  it('writes *Vertices, quoted ids and *Edges with weights', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a', 'say "hi"', 2)
    b.addTie('a', 'c d', 0.5)
    const net = b.build().network
    const text = writePajek(net)
    expect(text).toBe('*Vertices 3\n1 "a"\n2 "say ""hi"""\n3 "c d"\n*Edges\n1 2 2\n1 3 0.5\n')
    expectSameNetwork(readPajek(text).network, net)
  })

  it('writes *Arcs for directed networks and *Vertices N R for two-mode ones', () => {
    const gov = readPajek(fixture('data/governance/governance.net')).network
    expect(writePajek(gov)).toContain('\n*Arcs\n')
    expectSameNetwork(readPajek(writePajek(gov)).network, gov)
    const davis = readPajek(fixture('data/davis/davis.net')).network
    const text = writePajek(davis)
    expect(text.startsWith('*Vertices 32 18\n1 "Evelyn Jefferson"\n')).toBe(true)
    expectSameNetwork(readPajek(text).network, davis)
  })

  it('round-trips every reference data set', () => {
    for (const ref of REFERENCE) {
      const net = readPajek(fixture(ref.inputs.files.pajek)).network
      expectSameNetwork(readPajek(writePajek(net)).network, net)
    }
  })

  it('writes several relations as *Arcs :k "name" sections', () => {
    const b = new NetworkBuilder({ directed: true })
    for (const id of ['a', 'b', 'c']) b.addNode(id)
    b.relation('empty')
    b.addTie('a', 'b', 1, 'friend')
    b.addTie('b', 'c', 2.25, 'work mate')
    const net = b.build().network
    const text = writePajek(net)
    expect(text).toContain('*Arcs :1 "empty"\n*Arcs :2 "friend"\n1 2 1\n*Arcs :3 "work mate"\n2 3 2.25\n')
    expectSameNetwork(readPajek(text).network, net)
  })

  it('writes one relation on request; an unknown relation is E_OPTION', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addTie('a', 'b', 1, 'x')
    b.addTie('b', 'a', 1, 'y')
    const net = b.build().network
    const back = readPajek(writePajek(net, { relation: 'y' })).network
    expect(back.relationNames()).toEqual(['y'])
    expect(ties(back.graph)).toEqual(['b>a:1'])
    expectError(() => writePajek(net, { relation: 'z' }), 'E_OPTION')
  })

  it('writes kept self-loops', () => {
    const net = readPajek('*Vertices 2\n*Arcs\n1 1 4\n1 2\n', { selfLoops: 'keep' }).network
    expectSameNetwork(readPajek(writePajek(net), { selfLoops: 'keep' }).network, net)
  })
})

describe('Pajek properties', () => {
  it('random networks round-trip (ids, direction, ties, weights, relations, two-mode rows)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const net = buildSpec(spec)
        const text = writePajek(net)
        expectSameNetwork(readPajek(text, { selfLoops: 'keep' }).network, net)
      }),
      { numRuns: 300 },
    )
  })

  it('random text and bytes give a graph or a ParseError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => graphOrParseError(() => readPajek(s))),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => graphOrParseError(() => readPajek(`*Vertices 3\n${s}`))),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => graphOrParseError(() => readPajek(b))),
      { numRuns: 500 },
    )
  })

  const TOKENS = [
    '*Vertices',
    '*Arcs',
    '*Edges',
    '*Arcslist',
    '*Edgeslist',
    '*Matrix',
    '*Network',
    '*Partition',
    ':1',
    ':2',
    '"x"',
    '"a b"',
    '"',
    '%',
    '1',
    '2',
    '3',
    '4',
    '0',
    '2.5',
    '.',
    '-1',
    '1e400',
    '2:',
    'c',
    'Blue',
    'l',
    'x',
    '你',
  ]
  const SEPARATORS = [' ', '\n', '\r\n', '\t', '\r']

  it('token soup that looks like Pajek gives a graph or a ParseError', () => {
    const soup = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
    fc.assert(
      fc.property(soup, fc.boolean(), (parts, head) => {
        const body = parts.map(([t, s]) => t + s).join('')
        return graphOrParseError(() => readPajek((head ? '*Vertices 4 2\n' : '*Vertices 4\n') + body))
      }),
      { numRuns: 1000 },
    )
  })

  it('mutated valid files give a graph or a ParseError', () => {
    const samples = [
      writePajek(readPajek(fixture('data/kite/kite.net')).network),
      '*Vertices 3\n*Arcs :1 "friend"\n1 2\n*Arcs :2 "enemy"\n1 3\n*Edges :3\n1 2\n',
      '*Vertices 5 2\n*Matrix\n1 0 2\n0 1 0\n',
      '% c\n*Network n\n*Vertices 4\n1 "a" 0.1 0.2\n2 "b"\n*Arcslist\n1 2 3\n*Edgeslist\n4 1\n',
    ]
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(...TOKENS, ...SEPARATORS),
    )
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let t = text
        for (const [at, kind, token] of edits) {
          const i = at % (t.length + 1)
          if (kind === 'delete') t = t.slice(0, i) + t.slice(i + token.length)
          else if (kind === 'insert') t = t.slice(0, i) + token + t.slice(i)
          else t = t.slice(0, i) + token + t.slice(i + 1)
        }
        return (
          graphOrParseError(() => readPajek(t)) &&
          graphOrParseError(() =>
            readPajek(t, { directed: false, duplicates: 'error', selfLoops: 'error', twoMode: true }),
          )
        )
      }),
      { numRuns: 1500 },
    )
  })
})
