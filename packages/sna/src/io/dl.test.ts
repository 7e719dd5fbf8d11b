// Tests of the UCINET DL reader and writer: reference data, every sub-format, errors with locations, encodings, round trips.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIXTURES, REFERENCE, fixture } from '../../test/reference.js'
import { NetworkBuilder } from '../builder.js'
import { isParseError, type ErrorCode, type ParseError } from '../errors.js'
import { Network, type Graph } from '../graph.js'
import { parseCsv } from './csv.js'
import { readDl, writeDl } from './dl.js'
import type { ReadResult } from './types.js'

// ---------------------------------------------------------------------------------------------
// helpers

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

/** Same ids, direction, two-mode rows, relations, ties, weights and kept loops. */
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

/** A graph or a ParseError; anything else thrown fails the property. */
function graphOrParseError(f: () => ReadResult): boolean {
  try {
    return f().network instanceof Network
  } catch (e) {
    if (isParseError(e)) return true
    throw e
  }
}

/** ASCII text and raw bytes glued together. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = []
  for (const p of parts) {
    if (typeof p === 'string') for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i))
    else out.push(...p)
  }
  return new Uint8Array(out)
}

/** Checks every tie of the sibling CSV (source,target,weight) and the tie count. */
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

// random networks -------------------------------------------------------------------------------

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
  /** null: one-mode; else the rows are `twoMode % (n + 1)`. */
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

/** Every tie has its mirror with the same weight (such directed data read back as undirected). */
function reciprocated(g: Graph): boolean {
  for (let e = 0; e < g.m; e++) if (g.weight(g.tieTarget[e]!, g.tieSource[e]!) !== g.tieWeight[e]) return false
  return true
}

// ---------------------------------------------------------------------------------------------

describe('readDl: reference data sets', () => {
  for (const ref of REFERENCE) {
    const file = ref.inputs.files.dl
    it(`${file}: ${ref.nodes} nodes, ${ref.edges} ties, ${ref.directed ? 'directed' : 'undirected'}`, () => {
      const { network } = readDl(fixture(file), { source: file, directed: ref.directed, twoMode: ref.twoMode })
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

    it(`${file}: the symmetry of the data gives the right direction without the option`, () => {
      const r = readDl(fixture(file), { source: file })
      expect(r.network.directed).toBe(ref.directed)
      expect(r.network.graph.m).toBe(ref.edges)
      if (!ref.twoMode) expect(codes(r)).toContain('W_DIRECTION')
    })
  }

  it('reads the fixtures from disk by path (sanity)', () => {
    expect(FIXTURES).toMatch(/fixtures$/)
  })
})

describe('readDl: header', () => {
  const variants = [
    'dl n=3 format=fullmatrix\ndata:\n0 1 0\n1 0 1\n0 1 0\n',
    'DL N = 3, FORMAT = FULLMATRIX\nDATA:\n0 1 0\n1 0 1\n0 1 0\n',
    'dl\nn\n=\n3\nformat =\nfullmatrix\ndata :\n0 1 0\n1 0 1\n0 1 0\n',
    'Dl n =3,format= fm data:\n0,1,0\n1,0,1\n0,1,0\n',
    'dl n=3\ndata: 0 1 0\n1 0 1\n0 1 0',
    'dl n 3\ndata:\n0 1 0\n1 0 1\n0 1 0\n',
  ]
  for (const text of variants) {
    it(`accepts ${JSON.stringify(text.split('\n').slice(0, 3).join(' | '))}`, () => {
      const { network } = readDl(text)
      expect(network.nodes.ids).toEqual(['1', '2', '3'])
      expect(network.directed).toBe(false)
      expect(ties(network.graph)).toEqual(['1-2:1', '2-3:1'])
    })
  }

  it('takes labels separated by commas, spaces and line ends, quoted when they hold spaces', () => {
    const { network } = readDl(
      'dl n=4\nlabels:\n"Ann Lee", bob\n  "c,d"\t"e""f"\ndata:\n0 1 0 0\n1 0 0 0\n0 0 0 0\n0 0 0 0\n',
    )
    expect(network.nodes.ids).toEqual(['Ann Lee', 'bob', 'c,d', 'e"f'])
    expect(ties(network.graph)).toEqual(['Ann Lee-bob:1'])
  })

  it('takes labels on the labels: line itself', () => {
    const { network } = readDl('dl n=2 labels: x y data: 0 1\n1 0\n')
    expect(network.nodes.ids).toEqual(['x', 'y'])
  })

  it('reads a header without data: as empty data (isolates for lists)', () => {
    const { network } = readDl('dl n=3 format=edgelist1')
    expect(network.graph.n).toBe(3)
    expect(network.graph.m).toBe(0)
  })

  it('reads n=0', () => {
    const { network } = readDl('dl n=0\ndata:\n')
    expect(network.graph.n).toBe(0)
  })
})

describe('readDl: matrices', () => {
  it('reads weights (numbers, not only 0/1); a symmetric pair is one tie, not the sum', () => {
    const { network } = readDl('dl n=3\nlabels:\na,b,c\ndata:\n0 2.5 0\n2.5 0 1e2\n0 100 0\n')
    expect(network.directed).toBe(false)
    expect(ties(network.graph)).toEqual(['a-b:2.5', 'b-c:100'])
  })

  it('reads an asymmetric matrix as directed (W_DIRECTION) unless told', () => {
    const text = 'dl n=3\ndata:\n0 1 0\n0 0 2\n3 0 0\n'
    const r = readDl(text)
    expect(r.network.directed).toBe(true)
    expect(codes(r)).toContain('W_DIRECTION')
    expect(ties(r.network.graph)).toEqual(['1>2:1', '2>3:2', '3>1:3'])
    const u = readDl(text, { directed: false })
    expect(u.network.directed).toBe(false)
    expect(ties(u.network.graph)).toEqual(['1-2:1', '1-3:3', '2-3:2'])
    expect(codes(u)).toContain('W_ASYMMETRIC')
    expect(codes(u)).not.toContain('W_DIRECTION')
  })

  it('keeps the larger value when the two directions differ (undirected)', () => {
    const r = readDl('dl n=2\ndata:\n0 4\n7 0\n', { directed: false })
    expect(ties(r.network.graph)).toEqual(['1-2:7'])
    expect(codes(r)).toContain('W_ASYMMETRIC')
  })

  it('reads a symmetric matrix as two arcs when directed', () => {
    const { network } = readDl('dl n=2\ndata:\n0 3\n3 0\n', { directed: true })
    expect(ties(network.graph)).toEqual(['1>2:3', '2>1:3'])
  })

  it('drops diagonal values by default (W_SELF_LOOP_DROPPED), keeps or refuses them on request', () => {
    const text = 'dl n=2\ndata:\n5 1\n1 0\n'
    const r = readDl(text)
    expect(codes(r)).toContain('W_SELF_LOOP_DROPPED')
    expect(r.network.graph.m).toBe(1)
    expect(r.network.graph.loops).toBeNull()
    const k = readDl(text, { selfLoops: 'keep' })
    expect(Array.from(k.network.graph.loops!)).toEqual([5, 0])
    expectError(() => readDl(text, { selfLoops: 'error' }), 'E_SELF_LOOP', 3)
  })

  it('reads upperhalf with the diagonal', () => {
    const { network } = readDl('dl n=3 format=upperhalf\ndata:\n0 1 2\n0 3\n0\n')
    expect(network.directed).toBe(false)
    expect(ties(network.graph)).toEqual(['1-2:1', '1-3:2', '2-3:3'])
  })

  it('reads lowerhalf without the diagonal; directed gives both arcs', () => {
    const text = 'dl n=3 format=lowerhalf diagonal=absent\ndata:\n1\n2 3\n'
    expect(ties(readDl(text).network.graph)).toEqual(['1-2:1', '1-3:2', '2-3:3'])
    expect(readDl(text, { directed: true }).network.graph.m).toBe(6)
  })

  it('reads upperhalf without the diagonal', () => {
    const { network } = readDl('dl n=3\nformat = upperhalf\ndiagonal = absent\ndata:\n1 2\n3\n')
    expect(ties(network.graph)).toEqual(['1-2:1', '1-3:2', '2-3:3'])
  })

  it('reads a full matrix without the diagonal', () => {
    const { network } = readDl('dl n=3 diagonal = absent\ndata:\n1 0\n1 1\n0 1\n')
    expect(ties(network.graph)).toEqual(['1-2:1', '2-3:1'])
  })

  it('lets a long row wrap over several lines', () => {
    const { network } = readDl('dl n=4\ndata:\n0 1\n0 0\n1 0 0 1\n0 0\n0 0\n0 1 0 0\n')
    expect(ties(network.graph)).toEqual(['1-2:1', '2-4:1'])
  })

  it('reads labels embedded in a full matrix', () => {
    const text =
      'dl n = 5\nlabels embedded\nformat = fullmatrix\ndata:\nBill Jan Jim Sue Zoe\nBill 0 0 1 0 0\nJan 0 0 0 1 1\nJim 1 0 0 1 0\nSue 0 1 1 0 0\nZoe 0 1 0 0 0\n'
    const { network } = readDl(text)
    expect(network.nodes.ids).toEqual(['Bill', 'Jan', 'Jim', 'Sue', 'Zoe'])
    expect(ties(network.graph)).toEqual(['Bill-Jim:1', 'Jan-Sue:1', 'Jan-Zoe:1', 'Jim-Sue:1'])
  })

  it('reads embedded rows in any order when the labels are declared', () => {
    const { network } = readDl('dl n=2\nlabels: a b\nrow labels embedded\ndata:\nb 3 0\na 0 1\n', { directed: true })
    expect(ties(network.graph)).toEqual(['a>b:1', 'b>a:3'])
  })

  it('reads several matrices as relations named by matrix labels', () => {
    const text =
      'dl n=3 nm=2\nformat = fullmatrix\nlabels: a b c\nmatrix labels: friend, "work mate"\ndata:\n0 1 0\n1 0 0\n0 0 0\n0 0 1\n0 0 1\n0 0 0\n'
    const { network } = readDl(text)
    expect(network.relationNames()).toEqual(['friend', 'work mate'])
    expect(network.directed).toBe(true) // the second matrix is not symmetric
    expect(ties(network.relations[0]!)).toEqual(['a>b:1', 'b>a:1'])
    expect(ties(network.relations[1]!)).toEqual(['a>c:1', 'b>c:1'])
  })

  it('names unlabelled matrices "1", "2"; one matrix takes opts.relation', () => {
    const { network } = readDl('dl n=2 nm=2\ndata:\n0 1\n1 0\n0 0\n0 0\n')
    expect(network.relationNames()).toEqual(['1', '2'])
    expect(network.relations[1]!.m).toBe(0)
    expect(readDl('dl n=2\ndata:\n0 1\n1 0\n', { relation: 'kin' }).network.relationNames()).toEqual(['kin'])
  })
})

describe('readDl: two-mode', () => {
  it('reads nr/nc with row and column labels; rows come first', () => {
    const text = 'dl nr=2, nc=3\nrow labels:\n"Ann Lee" Bob\ncolumn labels:\nE1 E2 E3\ndata:\n1 0 2\n0 1 1\n'
    const { network } = readDl(text)
    expect(network.twoModeRows).toBe(2)
    expect(network.nodes.ids).toEqual(['Ann Lee', 'Bob', 'E1', 'E2', 'E3'])
    expect(network.directed).toBe(false)
    expect(ties(network.graph)).toEqual(['Ann Lee-E1:1', 'Ann Lee-E3:2', 'Bob-E2:1', 'Bob-E3:1'])
    expect(network.graph.twoModeRows).toBe(2)
  })

  it('numbers unlabelled columns after the rows', () => {
    const { network } = readDl('dl nr=2 nc=3\ndata:\n1 0 2\n0 1 1\n')
    expect(network.nodes.ids).toEqual(['1', '2', '3', '4', '5'])
    expect(ties(network.graph)).toEqual(['1-3:1', '1-5:2', '2-4:1', '2-5:1'])
  })

  it('reads a two-mode edge list (i = row, j = column)', () => {
    const { network } = readDl('dl nr=2 nc=3 format=edgelist1\ndata:\n1 1\n1 3 2\n2 2\n2 3\n')
    expect(network.twoModeRows).toBe(2)
    expect(ties(network.graph)).toEqual(['1-3:1', '1-5:2', '2-4:1', '2-5:1'])
    expectError(() => readDl('dl nr=2 nc=3 format=edgelist1\ndata:\n1 1\n2 4\n'), 'E_INDEX', 4, 3)
  })

  it('reads embedded two-mode labels', () => {
    const { network } = readDl('dl nr=2 nc=2 labels embedded\ndata:\nx y\na 1 0\nb 1 1\n')
    expect(network.nodes.ids).toEqual(['a', 'b', 'x', 'y'])
    expect(ties(network.graph)).toEqual(['a-x:1', 'b-x:1', 'b-y:1'])
  })

  it('refuses a label that names both a row and a column', () => {
    expectError(() => readDl('dl nr=1 nc=1\nrow labels: a\ncolumn labels: a\ndata:\n1\n'), 'E_DUPLICATE_NODE')
  })

  it('turns a one-mode file into a two-mode network with opts.twoMode', () => {
    const { network } = readDl('dl n=4 format=edgelist1\nlabels: a x b y\ndata:\n1 2\n3 2\n3 4\n', { twoMode: true })
    expect(network.twoModeRows).toBe(2)
    expect(network.nodes.ids).toEqual(['a', 'b', 'x', 'y'])
  })
})

describe('readDl: edge and node lists', () => {
  const el = 'dl n=4 format=edgelist1\nlabels:\na b c d\ndata:\n1 2\n2 3 2.5\n3 1 0\n'

  it('reads edgelist1 with and without values; value 0 is no tie (W_ZERO_WEIGHT)', () => {
    const r = readDl(el, { directed: false })
    expect(r.network.nodes.ids).toEqual(['a', 'b', 'c', 'd'])
    expect(ties(r.network.graph)).toEqual(['a-b:1', 'b-c:2.5'])
    expect(codes(r)).toContain('W_ZERO_WEIGHT')
  })

  it('reads a list with one-way arcs as directed unless told', () => {
    const r = readDl(el)
    expect(r.network.directed).toBe(true)
    expect(codes(r)).toContain('W_DIRECTION')
  })

  it('reads both directions of an undirected tie as one tie; differing values keep the larger', () => {
    const text = 'dl n=3 format=edgelist1\ndata:\n1 2 1\n2 1 1\n2 3 4\n3 2 5\n'
    const r = readDl(text, { directed: false })
    expect(ties(r.network.graph)).toEqual(['1-2:1', '2-3:5'])
    expect(codes(r)).toContain('W_ASYMMETRIC')
    expect(readDl(text).network.directed).toBe(true)
    expect(readDl('dl n=3 format=edgelist1\ndata:\n1 2 1\n2 1 1\n').network.directed).toBe(false)
  })

  it('sums a tie listed twice in the same direction, or refuses it on request', () => {
    const text = 'dl n=2 format=edgelist1\ndata:\n1 2 1\n1 2 2\n'
    const r = readDl(text, { directed: true })
    expect(ties(r.network.graph)).toEqual(['1>2:3'])
    expect(codes(r)).toContain('W_DUPLICATE_SUMMED')
    expectError(() => readDl(text, { directed: true, duplicates: 'error' }), 'E_DUPLICATE_TIE', 4)
  })

  it('reads nodelist1 (ego followed by alters) with isolates', () => {
    const { network } = readDl('dl n=4 format=nodelist1\ndata:\n1 2 3\n2 1\n3 1\n4\n')
    expect(network.directed).toBe(false)
    expect(ties(network.graph)).toEqual(['1-2:1', '1-3:1'])
    expect(network.graph.n).toBe(4)
  })

  it('reads embedded labels in an edge list, nodes in order of appearance', () => {
    const { network } = readDl(
      'DL n=5\nformat = edgelist1\nlabels embedded:\ndata:\ngeorge sally\ngeorge jim\nsally jim\nbilly george\njane jim\n',
    )
    expect(network.nodes.ids).toEqual(['george', 'sally', 'jim', 'billy', 'jane'])
    expect(network.directed).toBe(true)
    expect(network.graph.m).toBe(5)
  })

  it('reads embedded labels in a node list, with an isolate on its own line', () => {
    const { network } = readDl('dl n=3 format=nodelist1 labels embedded\ndata:\nann bob\nbob ann\n"c c"\n')
    expect(network.nodes.ids).toEqual(['ann', 'bob', 'c c'])
    expect(ties(network.graph)).toEqual(['ann-bob:1'])
  })

  it('reads several edge lists separated by "!" lines', () => {
    const { network } = readDl('dl n=3 nm=2 format=edgelist1\nmatrix labels: x y\ndata:\n1 2\n2 1\n!\n2 3\n3 2\n')
    expect(network.relationNames()).toEqual(['x', 'y'])
    expect(ties(network.relations[0]!)).toEqual(['1-2:1'])
    expect(ties(network.relations[1]!)).toEqual(['2-3:1'])
  })
})

describe('readDl: malformed input', () => {
  it('E_EMPTY for empty input', () => {
    expectError(() => readDl(''), 'E_EMPTY')
    expectError(() => readDl('  \n\n'), 'E_EMPTY')
  })

  it('E_FORMAT when the file does not start with dl', () => {
    expectError(() => readDl('\n\nn=3 data: 0'), 'E_FORMAT', 3, 1)
  })

  it('E_TRUNCATED for a matrix that ends early', () => {
    expectError(() => readDl('dl n=3\ndata:\n0 1 0\n1 0 1\n'), 'E_TRUNCATED', 4)
    expectError(() => readDl('dl n=3\ndata:\n0 1 0\n1 0'), 'E_TRUNCATED', 4)
  })

  it('E_COUNT for a short row (reported on the row) and a long row', () => {
    expectError(() => readDl('dl n=3\ndata:\n0 1 0\n1 0\n0 1 0\n'), 'E_COUNT', 4)
    expectError(() => readDl('dl n=3\ndata:\n0 1 0 1\n1 0 1\n0 1 0\n'), 'E_COUNT', 3)
  })

  it('E_COUNT for more data than declared', () => {
    expectError(() => readDl('dl n=2\ndata:\n0 1\n1 0\n1 1\n'), 'E_COUNT', 5, 1)
    expectError(() => readDl('dl n=2 format=edgelist1\ndata:\n1 2\n!\n2 1\n'), 'E_COUNT', 4)
    expectError(() => readDl('dl n=2 format=edgelist1\ndata:\n1 2 3 4\n'), 'E_COUNT', 3, 7)
  })

  it('E_COUNT for fewer or more labels than n', () => {
    expectError(() => readDl('dl n=3\nlabels:\na b\ndata:\n0 0 0\n0 0 0\n0 0 0\n'), 'E_COUNT', 4)
    expectError(() => readDl('dl n=2\nlabels:\na b c\ndata:\n0 0\n0 0\n'), 'E_COUNT', 3, 5)
    expectError(() => readDl('dl n=3\nlabels:\na b'), 'E_TRUNCATED', 3)
  })

  it('E_COUNT for embedded labels naming more or fewer nodes than n', () => {
    expectError(() => readDl('dl n=2 format=edgelist1 labels embedded\ndata:\na b\nb c\n'), 'E_COUNT', 4, 3)
    expectError(() => readDl('dl n=3 format=edgelist1 labels embedded\ndata:\na b\n'), 'E_COUNT')
  })

  it('E_COUNT for matrix labels that do not match nm', () => {
    // too few labels: reported where the list is cut short
    expectError(() => readDl('dl n=1 nm=2\nmatrix labels: a\ndata:\n0\n0\n'), 'E_COUNT', 3, 1)
    // nm given after the labels
    expectError(() => readDl('dl n=1\nmatrix labels: a\nnm=2\ndata:\n0\n0\n'), 'E_COUNT', 2)
  })

  it('E_NUMBER for a missing value (.) or a bad number, with line and column', () => {
    expectError(() => readDl('dl n=3\ndata:\n0 1 0\n1 . 1\n0 1 0\n'), 'E_NUMBER', 4, 3)
    expectError(() => readDl('dl n=2\ndata:\n0 x1\n1 0\n'), 'E_NUMBER', 3, 3)
    expectError(() => readDl('dl n=2 format=edgelist1\ndata:\n1 2 abc\n'), 'E_NUMBER', 3, 5)
    expectError(() => readDl('dl n=2 format=edgelist1\ndata:\n1.5 2\n'), 'E_NUMBER', 3, 1)
    expectError(() => readDl('dl n=abc\ndata:\n'), 'E_NUMBER', 1)
    expectError(() => readDl('dl n=2\ndata:\n0 Infinity\n1 0\n'), 'E_NUMBER', 3, 3)
    expectError(() => readDl('dl n=2\ndata:\n0 0x10\n1 0\n'), 'E_NUMBER', 3, 3)
  })

  it('E_WEIGHT for a negative value', () => {
    expectError(() => readDl('dl n=2\ndata:\n0 -1\n1 0\n'), 'E_WEIGHT', 3, 3)
  })

  it('E_INDEX for a node number outside 1..n', () => {
    expectError(() => readDl('dl n=3 format=edgelist1\ndata:\n1 2\n1 4\n'), 'E_INDEX', 4, 3)
    expectError(() => readDl('dl n=3 format=edgelist1\ndata:\n0 2\n'), 'E_INDEX', 3, 1)
    expectError(() => readDl('dl n=3 format=nodelist1\ndata:\n1 2 3 7\n'), 'E_INDEX', 3, 7)
  })

  it('E_UNKNOWN_NODE for an embedded label not in the labels list', () => {
    expectError(
      () => readDl('dl n=2 format=edgelist1\nlabels: a b\nlabels embedded\ndata:\na b\nb zed\n'),
      'E_UNKNOWN_NODE',
      6,
      3,
    )
    expectError(() => readDl('dl n=2 labels embedded\ndata:\na b\na 0 1\nc 1 0\n'), 'E_UNKNOWN_NODE', 5, 1)
  })

  it('E_DUPLICATE_NODE for a label listed twice', () => {
    expectError(() => readDl('dl n=3\nlabels: a b a\ndata:\n'), 'E_DUPLICATE_NODE', 2, 13)
  })

  it('E_SYNTAX for an unclosed quote', () => {
    expectError(() => readDl('dl n=2\nlabels:\n"a b\ndata:\n0 0\n0 0\n'), 'E_SYNTAX', 3, 1)
  })

  it('E_HEADER for an unknown keyword, a missing n, or n together with nr', () => {
    expectError(() => readDl('dl n=2 colour=red\ndata:\n'), 'E_HEADER', 1, 8)
    expectError(() => readDl('dl format=fullmatrix\ndata:\n'), 'E_HEADER', 1)
    expectError(() => readDl('dl n=2 nr=1 nc=1\ndata:\n'), 'E_HEADER', 1)
    expectError(() => readDl('dl nr=2\ndata:\n'), 'E_HEADER', 1)
    expectError(() => readDl('dl nr=2 nc=2 format=lowerhalf\ndata:\n'), 'E_HEADER', 1)
    expectError(() => readDl('dl labels: a b n=2\ndata:\n'), 'E_HEADER', 1)
  })

  it('E_UNSUPPORTED for formats not supported and absurd sizes', () => {
    expectError(() => readDl('dl n=2 format=blockmatrix\ndata:\n'), 'E_UNSUPPORTED', 1)
    expectError(() => readDl('dl n=999999999999\ndata:\n'), 'E_UNSUPPORTED', 1)
  })

  it('E_ENCODING for binary data (a NUL byte)', () => {
    expectError(() => readDl(bytes('dl n=2\ndata:\n', [0, 1, 0, 2])), 'E_ENCODING', 3)
    expectError(() => readDl(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'E_ENCODING', 1)
  })
})

describe('readDl: encodings and line ends', () => {
  it('reads GB18030 labels (UCINET on Chinese Windows) with W_ENCODING', () => {
    // 你好 = C4E3 BAC3, 张三 = D5C5 C8FD
    const input = bytes(
      'dl n=2\nlabels:\n',
      [0xc4, 0xe3, 0xba, 0xc3],
      ' ',
      [0xd5, 0xc5, 0xc8, 0xfd],
      '\ndata:\n0 1\n1 0\n',
    )
    const r = readDl(input)
    expect(r.network.nodes.ids).toEqual(['你好', '张三'])
    expect(ties(r.network.graph)).toEqual(['你好-张三:1'])
    expect(codes(r)).toContain('W_ENCODING')
  })

  it('reads UTF-8 with a byte-order mark', () => {
    const utf8 = new TextEncoder().encode('\uFEFFdl n=2\nlabels: 李四 朋友\ndata:\n0 1\n1 0\n')
    expect(readDl(utf8).network.nodes.ids).toEqual(['李四', '朋友'])
  })

  it('reads CRLF and CR line ends, with the same line numbers in errors', () => {
    for (const eol of ['\r\n', '\r']) {
      const { network } = readDl(['dl n=3', 'labels:', 'a b c', 'data:', '0 1 0', '1 0 1', '0 1 0', ''].join(eol))
      expect(ties(network.graph)).toEqual(['a-b:1', 'b-c:1'])
      expectError(() => readDl(['dl n=2', 'data:', '0 1', '1 ?', ''].join(eol)), 'E_NUMBER', 4, 3)
      expectError(() => readDl(['dl n=2', 'data:', '0 1', ''].join(eol)), 'E_TRUNCATED', 3)
    }
  })
})

describe('writeDl', () => {
  const karate = (): Network => readDl(fixture('data/karate/karate.dl'), { directed: false }).network

  it('writes a full matrix for up to 40 nodes and an edge list above', () => {
    expect(writeDl(karate())).toContain('format = fullmatrix')
    const ba = readDl(fixture('data/ba500/ba500.dl'), { directed: false }).network
    const text = writeDl(ba)
    expect(text).toContain('format = edgelist1')
    expectSameNetwork(readDl(text).network, ba)
  })

  it('writes an undirected network as a symmetric matrix that reads back as the same ties', () => {
    const net = karate()
    const text = writeDl(net)
    expect(text.split('\n').slice(0, 2)).toEqual(['dl n=34', 'format = fullmatrix'])
    expectSameNetwork(readDl(text).network, net)
    expectSameNetwork(readDl(writeDl(net, { format: 'edgelist1' })).network, net)
  })

  it('round-trips every reference data set in both formats', () => {
    for (const ref of REFERENCE) {
      const opts = { directed: ref.directed, twoMode: ref.twoMode }
      const net = readDl(fixture(ref.inputs.files.dl), opts).network
      for (const format of ['fullmatrix', 'edgelist1'] as const) {
        expectSameNetwork(readDl(writeDl(net, { format }), opts).network, net)
        // without the option the direction comes back from the symmetry of the data
        expectSameNetwork(readDl(writeDl(net, { format })).network, net)
      }
    }
  })

  it('quotes labels that need it', () => {
    const b = new NetworkBuilder({ directed: false })
    b.addTie('Ann Lee', 'x,y', 2)
    b.addTie('say "hi"', 'a:b', 0.5)
    b.addTie('', 'ok', 3)
    const net = b.build().network
    const text = writeDl(net)
    expect(text).toContain('"Ann Lee"\n"x,y"\n"say ""hi"""\n"a:b"\n""\nok\n')
    expectSameNetwork(readDl(text).network, net)
  })

  it('writes two-mode networks as nr/nc with row and column labels', () => {
    const net = readDl(fixture('data/davis/davis.dl'), { twoMode: true }).network
    const text = writeDl(net)
    expect(text.startsWith('dl nr=18, nc=14\nformat = fullmatrix\nrow labels:\n"Evelyn Jefferson"\n')).toBe(true)
    expect(text).toContain('column labels:\nE1\n')
    expectSameNetwork(readDl(text).network, net)
    expectSameNetwork(readDl(writeDl(net, { format: 'edgelist1' })).network, net)
  })

  it('writes several relations with nm and matrix labels', () => {
    const b = new NetworkBuilder({ directed: true })
    for (const id of ['a', 'b', 'c']) b.addNode(id)
    b.addTie('a', 'b', 1, 'friend')
    b.addTie('b', 'c', 2.25, 'work mate')
    const net = b.build().network
    const text = writeDl(net)
    expect(text.split('\n')[0]).toBe('dl n=3, nm=2')
    expect(text).toContain('matrix labels:\nfriend\n"work mate"\n')
    expectSameNetwork(readDl(text).network, net)
    const el = writeDl(net, { format: 'edgelist1' })
    expect(el).toContain('\n!\n')
    expectSameNetwork(readDl(el).network, net)
  })

  it('writes one relation on request; an unknown relation is E_OPTION', () => {
    const b = new NetworkBuilder({ directed: true })
    b.addTie('a', 'b', 1, 'x')
    b.addTie('b', 'a', 1, 'y')
    const net = b.build().network
    const back = readDl(writeDl(net, { relation: 'y' }), { directed: true }).network
    expect(back.relationNames()).toEqual(['y'])
    expect(ties(back.graph)).toEqual(['b>a:1'])
    expectError(() => writeDl(net, { relation: 'z' }), 'E_OPTION')
  })

  it('prints weights so that they read back identically', () => {
    const b = new NetworkBuilder({ directed: true })
    const ws = [0.1, 1 / 3, 1e-7, 123456789.123, 2 ** 52 + 1, 5e-324]
    ws.forEach((w, i) => b.addTie(`n${i}`, `m${i}`, w))
    const net = b.build().network
    expectSameNetwork(readDl(writeDl(net), { directed: true }).network, net)
  })

  it('writes kept self-loops on the diagonal', () => {
    const net = readDl('dl n=2\ndata:\n5 1\n1 0\n', { selfLoops: 'keep' }).network
    expectSameNetwork(readDl(writeDl(net), { selfLoops: 'keep' }).network, net)
    expectSameNetwork(readDl(writeDl(net, { format: 'edgelist1' }), { selfLoops: 'keep' }).network, net)
  })
})

describe('DL properties', () => {
  it('random networks round-trip (ids, direction, ties, weights, relations, two-mode rows)', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom('fullmatrix', 'edgelist1' as const), (spec, format) => {
        const net = buildSpec(spec)
        const text = writeDl(net, { format })
        expectSameNetwork(readDl(text, { directed: net.directed, selfLoops: 'keep' }).network, net)
        if (net.twoModeRows === null) {
          const auto = readDl(text, { selfLoops: 'keep' }).network
          expect(auto.directed).toBe(net.directed && !net.relations.every(reciprocated))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('random text gives a graph or a ParseError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => graphOrParseError(() => readDl(s))),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => graphOrParseError(() => readDl(`dl ${s}`))),
      { numRuns: 500 },
    )
  })

  it('random bytes give a graph or a ParseError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => graphOrParseError(() => readDl(b))),
      { numRuns: 500 },
    )
  })

  const TOKENS = [
    'dl',
    'n',
    'nr',
    'nc',
    'nm',
    '=',
    ':',
    '3',
    '2',
    '1',
    '0',
    '4',
    '99',
    '2.5',
    '.',
    '-1',
    '1e400',
    '"',
    '"a b"',
    'x',
    'format',
    'fullmatrix',
    'edgelist1',
    'nodelist1',
    'lowerhalf',
    'upperhalf',
    'diagonal',
    'absent',
    'labels',
    'labels:',
    'row',
    'column',
    'matrix',
    'embedded',
    'data:',
    '!',
    '你',
  ]
  const SEPARATORS = [' ', '\n', ',', '\r\n', '\t', '\r']

  it('token soup that looks like DL gives a graph or a ParseError', () => {
    const soup = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
    fc.assert(
      fc.property(soup, (parts) => graphOrParseError(() => readDl('dl ' + parts.map(([t, s]) => t + s).join('')))),
      { numRuns: 1000 },
    )
  })

  it('mutated valid files give a graph or a ParseError', () => {
    const samples = [
      writeDl(readDl(fixture('data/kite/kite.dl')).network),
      writeDl(readDl(fixture('data/kite/kite.dl')).network, { format: 'edgelist1' }),
      'dl nr=2, nc=3\nrow labels:\n"Ann Lee" Bob\ncolumn labels:\nE1 E2 E3\ndata:\n1 0 2\n0 1 1\n',
      'dl n=3 nm=2 format=lowerhalf labels embedded\ndata:\na b c\na 0\nb 1 0\nc 1 1 0\na b c\na 0\nb 0 0\nc 2 0 0\n',
      'dl n=3 format=nodelist1 labels embedded\ndata:\nann bob\nbob ann\n"c c"\n',
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
          graphOrParseError(() => readDl(t)) &&
          graphOrParseError(() => readDl(t, { directed: false, duplicates: 'error', selfLoops: 'error' }))
        )
      }),
      { numRuns: 1500 },
    )
  })
})
