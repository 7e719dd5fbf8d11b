// Dyad and triad censuses and k-step reachability against hand-worked examples and slow versions.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { dyadCensus, reachability, TRIAD_TYPES, triadCensus, type TriadType } from './census.js'
import { floyd, rng } from './slow.test-util.js'

/** The 16 types as igraph documents them, nodes A = 0, B = 1, C = 2 (e.g. 021D: A<-B->C). */
const TRIAD_ARCS: Record<TriadType, [number, number][]> = {
  '003': [],
  '012': [[0, 1]],
  '102': [
    [0, 1],
    [1, 0],
  ],
  '021D': [
    [1, 0],
    [1, 2],
  ],
  '021U': [
    [0, 1],
    [2, 1],
  ],
  '021C': [
    [0, 1],
    [1, 2],
  ],
  '111D': [
    [0, 1],
    [1, 0],
    [2, 1],
  ],
  '111U': [
    [0, 1],
    [1, 0],
    [1, 2],
  ],
  '030T': [
    [0, 1],
    [2, 1],
    [0, 2],
  ],
  '030C': [
    [1, 0],
    [2, 1],
    [0, 2],
  ],
  '201': [
    [0, 1],
    [1, 0],
    [1, 2],
    [2, 1],
  ],
  '120D': [
    [1, 0],
    [1, 2],
    [0, 2],
    [2, 0],
  ],
  '120U': [
    [0, 1],
    [2, 1],
    [0, 2],
    [2, 0],
  ],
  '120C': [
    [0, 1],
    [1, 2],
    [0, 2],
    [2, 0],
  ],
  '210': [
    [0, 1],
    [1, 2],
    [2, 1],
    [0, 2],
    [2, 0],
  ],
  '300': [
    [0, 1],
    [1, 0],
    [1, 2],
    [2, 1],
    [0, 2],
    [2, 0],
  ],
}

/** A triad's signature: its nodes' (out-degree, in-degree) pairs, sorted; it tells the 16 types apart. */
function signature(arc: (x: number, y: number) => boolean): string {
  const degs: string[] = []
  for (let x = 0; x < 3; x++) {
    let out = 0
    let inn = 0
    for (let y = 0; y < 3; y++) {
      if (y === x) continue
      if (arc(x, y)) out++
      if (arc(y, x)) inn++
    }
    degs.push(`${out}${inn}`)
  }
  return degs.sort().join(' ')
}

const TYPE_OF_SIGNATURE = new Map<string, number>(
  TRIAD_TYPES.map((t, i) => [signature((x, y) => TRIAD_ARCS[t].some(([a, b]) => a === x && b === y)), i]),
)

/** The obvious O(n³) census: classify every triple by its signature. */
function slowTriadCensus(g: Graph): number[] {
  const census = new Array<number>(16).fill(0)
  const nodes = [0, 0, 0]
  const arc = (x: number, y: number): boolean => g.hasTie(nodes[x]!, nodes[y]!)
  for (let i = 0; i < g.n; i++)
    for (let j = i + 1; j < g.n; j++)
      for (let k = j + 1; k < g.n; k++) {
        nodes[0] = i
        nodes[1] = j
        nodes[2] = k
        census[TYPE_OF_SIGNATURE.get(signature(arc))!]!++
      }
  return census
}

function slowDyadCensus(g: Graph): [number, number, number] {
  const c: [number, number, number] = [0, 0, 0]
  for (let i = 0; i < g.n; i++)
    for (let j = i + 1; j < g.n; j++) {
      const k = Number(g.hasTie(i, j)) + Number(g.hasTie(j, i))
      c[k === 2 ? 0 : k === 1 ? 1 : 2]++
    }
  return c
}

/** Random graph: each unordered pair is mutual with probability pm, else one-way with probability pa. */
function randomGraph(seed: number, n: number, pm: number, pa: number, directed = true): Graph {
  const r = rng(seed)
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const x = r()
      if (x < pm) {
        b.addTie(i, j)
        if (directed) b.addTie(j, i)
      } else if (x < pm + pa) {
        if (r() < 0.5) b.addTie(i, j)
        else b.addTie(j, i)
      }
    }
  return b.build().network.graph
}

const choose3 = (n: number): number => (n * (n - 1) * (n - 2)) / 6

function byType(census: Float64Array): Partial<Record<TriadType, number>> {
  const out: Partial<Record<TriadType, number>> = {}
  TRIAD_TYPES.forEach((t, i) => {
    if (census[i]! !== 0) out[t] = census[i]!
  })
  return out
}

describe('dyadCensus', () => {
  it('counts mutual, asymmetric and null pairs', () => {
    // a<->b mutual, b->c asymmetric, a–c, a–d, b–d, c–d null
    expect(dyadCensus(edges('d a->b b->a b->c', { directed: true }))).toEqual({ mutual: 1, asymmetric: 1, null: 4 })
  })
  it('counts every undirected tie as mutual', () => {
    expect(dyadCensus(edges('a-b b-c c-d e'))).toEqual({ mutual: 3, asymmetric: 0, null: 7 })
    expect(dyadCensus(edges('a'))).toEqual({ mutual: 0, asymmetric: 0, null: 0 })
  })
  it('matches pair-by-pair counting on random digraphs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGraph(seed, 5 + seed, 0.15, 0.25)
      const d = dyadCensus(g)
      expect([d.mutual, d.asymmetric, d.null]).toEqual(slowDyadCensus(g))
    }
  })
})

describe('triadCensus', () => {
  it('lists the 16 types in the standard order', () => {
    expect(TRIAD_TYPES).toEqual([
      '003',
      '012',
      '102',
      '021D',
      '021U',
      '021C',
      '111D',
      '111U',
      '030T',
      '030C',
      '201',
      '120D',
      '120U',
      '120C',
      '210',
      '300',
    ])
    // the signatures of the documented triads tell all 16 apart
    expect(TYPE_OF_SIGNATURE.size).toBe(16)
  })
  it('names each documented three-node triad as igraph and networkx do', () => {
    for (const t of TRIAD_TYPES) {
      const spec = TRIAD_ARCS[t].map(([x, y]) => `${'abc'[x]}->${'abc'[y]}`).join(' ')
      const census = triadCensus(edges(`a b c ${spec}`, { directed: true }))
      expect(byType(census), t).toEqual({ [t]: 1 })
    }
  })
  it('gives a hand-checked census that networkx confirms', () => {
    // a<->b, b->c, c->d, d->b, e alone. The ten triads: abc 111U (A<->B->C), abd 111D (A<->B<-D),
    // abe 102, acd 012, ace 003, ade 003, bcd 030C, bce 012, bde 012, cde 012.
    // networkx 3.6.1 triadic_census: {'003': 2, '012': 4, '102': 1, '111D': 1, '111U': 1, '030C': 1}
    const g = edges('a b c d e a->b b->a b->c c->d d->b', { directed: true })
    expect(byType(triadCensus(g))).toEqual({ '003': 2, '012': 4, '102': 1, '111D': 1, '111U': 1, '030C': 1 })
  })
  it('counts undirected ties as mutual', () => {
    // path a-b-c and d: abc 201, abd 102, bcd 102, acd 003
    expect(byType(triadCensus(edges('a-b b-c d')))).toEqual({ '003': 1, '102': 2, '201': 1 })
    expect(byType(triadCensus(edges('a-b b-c c-a')))).toEqual({ '300': 1 })
  })
  it('handles fewer than three nodes and empty graphs', () => {
    expect(Array.from(triadCensus(edges('a-b'))).every((x) => x === 0)).toBe(true)
    expect(byType(triadCensus(edges('a b c d e')))).toEqual({ '003': 10 })
  })
  it('ignores kept self-loops and tie weights', () => {
    const b = new NetworkBuilder({ directed: true, selfLoops: 'keep' })
    b.addTie('a', 'a')
    b.addTie('a', 'b', 3)
    b.addTie('b', 'c', 0.5)
    b.addNode('d')
    expect(byType(triadCensus(b.build().network.graph))).toEqual({ '003': 1, '012': 2, '021C': 1 })
  })
  it('matches the O(n³) enumeration on random digraphs', () => {
    let seen = 0
    for (let seed = 1; seed <= 60; seed++) {
      const n = 3 + (seed % 17)
      const pm = [0.05, 0.15, 0.3, 0.6][seed % 4]!
      const pa = [0.1, 0.3, 0.2, 0.3][(seed >> 2) % 4]!
      const g = randomGraph(seed, n, pm, pa)
      const fast = triadCensus(g)
      const slow = slowTriadCensus(g)
      expect(Array.from(fast), `seed ${seed}`).toEqual(slow)
      expect(fast.reduce((a, b) => a + b, 0)).toBe(choose3(n))
      for (let t = 0; t < 16; t++) if (slow[t]! > 0) seen |= 1 << t
    }
    expect(seen).toBe(0xffff) // every type occurred somewhere
  })
  it('matches the O(n³) enumeration on random undirected graphs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGraph(seed, 4 + seed, 0.2, 0, false)
      expect(Array.from(triadCensus(g)), `seed ${seed}`).toEqual(slowTriadCensus(g))
    }
  })
  it('adds up to C(n,3) on a large sparse graph', () => {
    const n = 3000
    const g = randomGraph(7, n, 0.0005, 0.001)
    expect(triadCensus(g).reduce((a, b) => a + b, 0)).toBe(choose3(n))
  })
})

/** Reach counts straight from all-pairs distances. */
function slowReach(g: Graph, k: number, mode: 'out' | 'in' | 'all'): number[] {
  const d = floyd(g)
  const out: number[] = []
  for (let u = 0; u < g.n; u++) {
    let c = 0
    for (let v = 0; v < g.n; v++) {
      if (v === u) continue
      const x = mode === 'out' ? d[u]![v]! : mode === 'in' ? d[v]![u]! : Math.min(d[u]![v]!, d[v]![u]!)
      if (Number.isFinite(x) && x <= k) c++
    }
    out.push(c)
  }
  return out
}

/** The undirected version of a graph, for 'all' reach (distances along ties either way). */
function undirected(g: Graph): Graph {
  const b = new NetworkBuilder({ directed: false, duplicates: 'max' })
  for (let i = 0; i < g.n; i++) b.addNode(g.nodes.ids[i]!)
  for (let e = 0; e < g.m; e++) b.addTie(g.tieSource[e]!, g.tieTarget[e]!)
  return b.build().network.graph
}

describe('reachability', () => {
  it('counts nodes within k steps on a path', () => {
    const g = edges('a-b b-c c-d e')
    const r = reachability(g, { maxSteps: 2 })
    expect(Array.from(r.reach)).toEqual([2, 3, 3, 2, 0])
    expect(Array.from(r.share)).toEqual([2 / 4, 3 / 4, 3 / 4, 2 / 4, 0])
    expect(r.proportion).toBeCloseTo(10 / 20, 12)
    expect(Array.from(reachability(g).reach)).toEqual([3, 3, 3, 3, 0])
    expect(Array.from(reachability(g, { maxSteps: 1 }).reach)).toEqual([1, 2, 2, 1, 0])
  })
  it('follows arcs out, in, or either way', () => {
    const g = edges('a->b b->c d->c', { directed: true })
    expect(Array.from(reachability(g).reach)).toEqual([2, 1, 0, 1])
    expect(Array.from(reachability(g, { mode: 'in' }).reach)).toEqual([0, 1, 3, 0])
    expect(Array.from(reachability(g, { mode: 'all' }).reach)).toEqual([3, 3, 3, 3])
    expect(Array.from(reachability(g, { mode: 'all', maxSteps: 1 }).reach)).toEqual([1, 2, 2, 1])
    expect(reachability(g).proportion).toBeCloseTo(4 / 12, 12)
  })
  it('handles tiny graphs', () => {
    expect(reachability(edges('a'))).toEqual({ reach: new Int32Array(1), share: new Float64Array(1), proportion: 0 })
  })
  it('rejects bad options', () => {
    const g = edges('a-b')
    for (const maxSteps of [0, -1, 1.5, NaN]) expect(() => reachability(g, { maxSteps })).toThrow(RangeError)
    expect(() => reachability(g, { mode: 'both' as 'all' })).toThrow(RangeError)
  })
  it('matches Floyd–Warshall on random graphs for every k and mode', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const directed = seed % 3 !== 0
      const n = 6 + (seed % 13)
      const g = randomGraph(seed, n, 0.04, 0.12, directed)
      const gu = undirected(g)
      for (const maxSteps of [1, 2, 3, 5, Infinity]) {
        for (const mode of ['out', 'in', 'all'] as const) {
          const r = reachability(g, { maxSteps, mode })
          const want = directed && mode !== 'all' ? slowReach(g, maxSteps, mode) : slowReach(gu, maxSteps, 'out')
          expect(Array.from(r.reach), `seed ${seed} k ${maxSteps} ${mode}`).toEqual(want)
          const total = want.reduce((a, b) => a + b, 0)
          expect(r.proportion).toBeCloseTo(total / (n * (n - 1)), 12)
          for (let u = 0; u < n; u++) expect(r.share[u]).toBeCloseTo(want[u]! / (n - 1), 12)
        }
      }
    }
  })
})
