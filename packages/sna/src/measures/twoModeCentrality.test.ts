// Two-mode centrality against hand-worked graphs, every small bipartite graph, and a slow version.

import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import { Graph, NodeTable } from '../graph.js'
import { floyd, rng, slowBetweenness } from './slow.test-util.js'
import { twoModeBetweennessMax, twoModeCentrality } from './twoModeCentrality.js'

/** A two-mode graph from row ids, column ids and "r-c" ties. */
function twoMode(rows: string, columns: string, ties: string, opts: { directed?: boolean } = {}): Graph {
  const r = rows.split(' ')
  const b = new NetworkBuilder({ directed: opts.directed ?? false, twoModeRows: r.length })
  for (const id of [...r, ...columns.split(' ')]) b.addNode(id)
  for (const t of ties.split(' ').filter(Boolean)) {
    const [x, y, w] = t.split(/[-:]/)
    b.addTie(x!, y!, w ? Number(w) : 1)
  }
  return b.build().network.graph
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-12): void => {
  expect(a.length).toBe(b.length)
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!), `index ${i}`).toBeLessThanOrEqual(tol)
}

describe('twoModeCentrality: hand-worked graphs', () => {
  it('gives the centre of a star every maximum', () => {
    // one row tied to four columns: n1 = 1, n2 = 4
    const c = twoModeCentrality(twoMode('r', 'a b c d', 'r-a r-b r-c r-d'))
    expect([c.rows, c.columns]).toEqual([1, 4])
    close(c.degree, [1, 1, 1, 1, 1])
    // row: 4 / (4 + 0); column: distances 1 + 2·3 = 7 = n1 + 2(n2 − 1)
    close(c.closeness, [1, 1, 1, 1, 1])
    // the row links all C(4,2) = 6 column pairs, the most possible
    close(c.rawBetweenness, [6, 0, 0, 0, 0])
    close(c.betweenness, [1, 0, 0, 0, 0])
  })
  it('gives complete bipartite K(2,3) full degree and closeness, but not full betweenness', () => {
    const c = twoModeCentrality(twoMode('r s', 'a b c', 'r-a r-b r-c s-a s-b s-c'))
    close(c.degree, [1, 1, 1, 1, 1])
    close(c.closeness, [1, 1, 1, 1, 1])
    close(c.farness, [3 + 2, 3 + 2, 2 + 4, 2 + 4, 2 + 4])
    // a row sits on 1 of 2 paths for each of the 3 column pairs: 1.5 of a possible 5;
    // a column sits on 1 of 3 paths between the two rows: 1/3 of a possible 4
    close(c.rawBetweenness, [1.5, 1.5, 1 / 3, 1 / 3, 1 / 3])
    close(c.betweenness, [0.3, 0.3, 1 / 12, 1 / 12, 1 / 12])
  })
  it('reaches the betweenness maximum 6 (not 7) for four rows and two columns', () => {
    // r0 ties both columns, r1 and r2 hang on a, r3 on b. Through r0: a–b, r1–r3, r2–r3, r1–b,
    // r2–b, r3–a = 6, the most a row can broker when n1 = 4, n2 = 2 (the "−t(2s−t+1)" variant says 7)
    const c = twoModeCentrality(twoMode('r0 r1 r2 r3', 'a b', 'r0-a r0-b r1-a r2-a r3-b'))
    expect(c.rawBetweenness[0]).toBe(6)
    expect(twoModeBetweennessMax(4, 2)).toBe(6)
    expect(c.betweenness[0]).toBe(1)
  })
  it('scales closeness by the share reached in a disconnected graph', () => {
    // components {r1, r2, c1}, {r3, c2}, {c3}; n1 = n2 = 3, n − 1 = 5
    const c = twoModeCentrality(twoMode('r1 r2 r3', 'c1 c2 c3', 'r1-c1 r2-c1 r3-c2'))
    close(c.degree, [1 / 3, 1 / 3, 1 / 3, 2 / 3, 1 / 3, 0])
    close(c.farness, [3, 3, 1, 2, 1, 0])
    close(c.reached, [2, 2, 1, 2, 1, 0])
    // r1: best possible over what it reaches (1 column, 1 row) is 1 + 2 = 3 = its farness: 1 · 2/5
    // r3: 1/1 · 1/5; c1: reaches 2 rows at 1, best 2: 1 · 2/5; c3 alone: 0
    close(c.closeness, [0.4, 0.4, 0.2, 0.4, 0.2, 0])
    // c1 links r1–r2; a column's maximum for 3 columns and 3 rows is 8
    close(c.rawBetweenness, [0, 0, 0, 1, 0, 0])
    close(c.betweenness, [0, 0, 0, 1 / 8, 0, 0])
  })
  it('handles an empty mode and isolates', () => {
    const b = new NetworkBuilder({ directed: false, twoModeRows: 2 })
    b.addNode('r')
    b.addNode('s')
    const c = twoModeCentrality(b.build().network.graph)
    expect([c.rows, c.columns]).toEqual([2, 0])
    for (const a of [c.degree, c.closeness, c.betweenness]) close(a, [0, 0])
  })
  it('ignores direction and tie weights', () => {
    const ties = 'r-a r-b s-b s-c t-c u-a u-d'
    const want = twoModeCentrality(twoMode('r s t u', 'a b c d', ties))
    const weighted = twoModeCentrality(twoMode('r s t u', 'a b c d', 'r-a:3 r-b s-b:0.5 s-c t-c u-a:2 u-d'))
    const directed = twoModeCentrality(twoMode('r s t u', 'a b c d', ties, { directed: true }))
    for (const got of [weighted, directed]) {
      close(got.degree, want.degree)
      close(got.closeness, want.closeness)
      close(got.betweenness, want.betweenness)
    }
  })
  it('rejects graphs that are not two-mode', () => {
    const one = new NetworkBuilder({ directed: false })
    one.addTie('a', 'b')
    expect(() => twoModeCentrality(one.build().network.graph)).toThrow(/not a two-mode graph/)
    // a tie between two rows
    expect(() => twoModeCentrality(twoMode('r s', 'a', 'r-a r-s'))).toThrow(RangeError)
    expect(() => twoModeCentrality(twoMode('r s', 'a', 'r-a r-s'))).toThrow(/joins two rows/)
  })
})

/** A bipartite graph on own + other nodes from a bit mask over the own × other cells. */
function bipartite(own: number, other: number, mask: number, nodes: NodeTable): Graph {
  const src: number[] = []
  const tgt: number[] = []
  for (let i = 0; i < own; i++)
    for (let j = 0; j < other; j++)
      if (mask & (1 << (i * other + j))) {
        src.push(i)
        tgt.push(own + j)
      }
  return new Graph({
    directed: false,
    nodes,
    relation: 'x',
    tieSource: Int32Array.from(src),
    tieTarget: Int32Array.from(tgt),
    tieWeight: new Float64Array(src.length).fill(1),
    twoModeRows: own,
  })
}

describe('twoModeBetweennessMax', () => {
  it('is the largest betweenness over every bipartite graph with n1·n2 ≤ 12', () => {
    for (let n1 = 1; n1 <= 3; n1++)
      for (let n2 = n1; n1 * n2 <= 12 && n2 <= 9; n2++) {
        const nodes = new NodeTable(Array.from({ length: n1 + n2 }, (_, i) => `v${i}`))
        let bestRow = 0
        let bestColumn = 0
        for (let mask = 0; mask < 1 << (n1 * n2); mask++) {
          const c = twoModeCentrality(bipartite(n1, n2, mask, nodes))
          for (let u = 0; u < n1 + n2; u++) {
            if (u < n1) bestRow = Math.max(bestRow, c.rawBetweenness[u]!)
            else bestColumn = Math.max(bestColumn, c.rawBetweenness[u]!)
            expect(c.betweenness[u]!).toBeLessThanOrEqual(1 + 1e-12)
            expect(c.closeness[u]!).toBeLessThanOrEqual(1 + 1e-12)
          }
        }
        expect(bestRow, `rows, n1 = ${n1}, n2 = ${n2}`).toBeCloseTo(twoModeBetweennessMax(n1, n2), 9)
        expect(bestColumn, `columns, n1 = ${n1}, n2 = ${n2}`).toBeCloseTo(twoModeBetweennessMax(n2, n1), 9)
      }
  })
  it('is ½n2(n2−1) + ½(n1−1)(n1−2) + (n1−1)(n2−1) when n1 ≤ n2, and 0 without another mode', () => {
    for (let n2 = 1; n2 <= 30; n2++)
      for (let n1 = 1; n1 <= n2; n1++)
        expect(twoModeBetweennessMax(n1, n2)).toBe(
          (n2 * (n2 - 1)) / 2 + ((n1 - 1) * (n1 - 2)) / 2 + (n1 - 1) * (n2 - 1),
        )
    expect(twoModeBetweennessMax(5, 0)).toBe(0)
    expect(twoModeBetweennessMax(0, 5)).toBe(0)
  })
})

/** The slow version: Floyd–Warshall distances, betweenness from its definition, the normalisations spelled out. */
function slowTwoMode(g: Graph): { degree: number[]; closeness: number[]; betweenness: number[] } {
  const n = g.n
  const n1 = g.twoModeRows!
  const n2 = n - n1
  const d = floyd(g)
  const bc = slowBetweenness(g)
  const maxB = (own: number, other: number): number => {
    if (own < 1 || other < 1) return 0
    if (own <= other) return (other * (other - 1)) / 2 + ((own - 1) * (own - 2)) / 2 + (own - 1) * (other - 1)
    const s = Math.floor((own - 1) / other)
    const t = (own - 1) % other
    return (other ** 2 * (s + 1) ** 2 + other * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2
  }
  const degree: number[] = []
  const closeness: number[] = []
  const betweenness: number[] = []
  for (let u = 0; u < n; u++) {
    const row = u < n1
    let deg = 0
    let sum = 0
    let sameReached = 0
    let otherReached = 0
    for (let v = 0; v < n; v++) {
      if (v === u) continue
      if (g.hasTie(u, v)) deg++
      if (!Number.isFinite(d[u]![v]!)) continue
      sum += d[u]![v]!
      if (v < n1 === row) sameReached++
      else otherReached++
    }
    const other = row ? n2 : n1
    degree.push(other ? deg / other : 0)
    const r = sameReached + otherReached
    closeness.push(r ? ((otherReached + 2 * sameReached) / sum) * (r / (n - 1)) : 0)
    const max = row ? maxB(n1, n2) : maxB(n2, n1)
    betweenness.push(max ? bc[u]! / max : 0)
  }
  return { degree, closeness, betweenness }
}

describe('twoModeCentrality: random graphs', () => {
  it('matches the slow version, connected or not', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed)
      const n1 = 1 + Math.floor(r() * 12)
      const n2 = 1 + Math.floor(r() * 12)
      const p = [0.08, 0.15, 0.3, 0.6][seed % 4]!
      const b = new NetworkBuilder({ directed: false, twoModeRows: n1 })
      for (let i = 0; i < n1 + n2; i++) b.addNode(`v${i}`)
      for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) if (r() < p) b.addTie(i, n1 + j)
      const g = b.build().network.graph
      const fast = twoModeCentrality(g)
      const slow = slowTwoMode(g)
      close(fast.degree, slow.degree)
      close(fast.closeness, slow.closeness)
      close(fast.betweenness, slow.betweenness, 1e-10)
      for (const a of [fast.degree, fast.closeness, fast.betweenness])
        for (const x of a) expect(x >= 0 && x <= 1 + 1e-12).toBe(true)
    }
  })
})
