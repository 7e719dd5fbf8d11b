// The graph core: rows from canonical and non-canonical tie arrays, tie arrays derived from the rows, one copy of the ties.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from './builder.js'
import { Graph, NodeTable } from './graph.js'

/** The obvious rows: for each node, its (neighbour, weight) pairs sorted by neighbour. */
function slowRows(n: number, s: number[], t: number[], w: number[], both: boolean): [number, number][][] {
  const rows: [number, number][][] = Array.from({ length: n }, () => [])
  for (let e = 0; e < s.length; e++) {
    rows[s[e]!]!.push([t[e]!, w[e]!])
    if (both) rows[t[e]!]!.push([s[e]!, w[e]!])
  }
  for (const r of rows) r.sort((a, b) => a[0] - b[0])
  return rows
}

function rowsOf(offsets: Int32Array, targets: Int32Array, weights: Float64Array): [number, number][][] {
  const rows: [number, number][][] = []
  for (let u = 0; u + 1 < offsets.length; u++) {
    const r: [number, number][] = []
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) r.push([targets[e]!, weights[e]!])
    rows.push(r)
  }
  return rows
}

function graphOf(n: number, directed: boolean, s: number[], t: number[], w: number[]): Graph {
  const ids = Array.from({ length: n }, (_, i) => `v${i}`)
  return new Graph({
    directed,
    nodes: new NodeTable(ids),
    relation: '',
    tieSource: Int32Array.from(s),
    tieTarget: Int32Array.from(t),
    tieWeight: Float64Array.from(w),
  })
}

/** Random simple ties on n nodes as [source, target, weight] (undirected: each pair once). */
const simpleTies = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean()).chain(([n, directed]) =>
  fc
    .uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), {
      selector: ([a, b]) => (directed ? `${a}>${b}` : `${Math.min(a, b)}-${Math.max(a, b)}`),
      maxLength: 40,
    })
    .map((ties) => ({ n, directed, ties: ties.filter(([a, b]) => a !== b) })),
)

describe('Graph', () => {
  it('builds the same sorted rows from ties in any order as from canonical ones (property)', () => {
    fc.assert(
      fc.property(simpleTies, fc.boolean(), ({ n, directed, ties }, shuffle) => {
        const list = shuffle ? [...ties].reverse() : ties
        const s = list.map((x) => x[0])
        const t = list.map((x) => x[1])
        const w = list.map((x) => x[2])
        const g = graphOf(n, directed, s, t, w)
        expect(rowsOf(g.outOffsets, g.outTargets, g.outWeights)).toEqual(slowRows(n, s, t, w, !directed))
        expect(rowsOf(g.inOffsets, g.inSources, g.inWeights)).toEqual(slowRows(n, t, s, w, !directed))
        expect(g.m).toBe(list.length)
        // canonical graphs from the builder: tie arrays derived from the rows, in canonical order
        const b = new NetworkBuilder({ directed })
        for (let i = 0; i < n; i++) b.addNode(`v${i}`)
        for (const [a, c, x] of list) b.addTie(a, c, x)
        const h = b.build().network.graph
        const canonical = list
          .map(([a, c, x]) => (directed || a < c ? [a, c, x] : [c, a, x]))
          .sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!)
        expect(Array.from(h.tieSource)).toEqual(canonical.map((x) => x[0]))
        expect(Array.from(h.tieTarget)).toEqual(canonical.map((x) => x[1]))
        expect(Array.from(h.tieWeight)).toEqual(canonical.map((x) => x[2]))
        expect(rowsOf(h.outOffsets, h.outTargets, h.outWeights)).toEqual(slowRows(n, s, t, w, !directed))
      }),
    )
  })
  it('keeps tie arrays given in another order as given', () => {
    const g = graphOf(3, true, [2, 0], [0, 1], [1, 2])
    expect(Array.from(g.tieSource)).toEqual([2, 0])
    expect(Array.from(g.tieTarget)).toEqual([0, 1])
    expect(Array.from(g.outTargets)).toEqual([1, 0])
  })
  it('holds one copy of the ties: a digraph shares its out-rows with its tie arrays', () => {
    const g = graphOf(3, true, [0, 0, 1], [1, 2, 2], [1, 1, 3])
    expect(g.tieTarget).toBe(g.outTargets)
    expect(g.tieWeight).toBe(g.outWeights)
    expect(Array.from(g.tieSource)).toEqual([0, 0, 1])
    expect(g.tieSource).toBe(g.tieSource) // derived once
    const u = graphOf(3, false, [0, 1], [2, 2], [4, 5])
    expect(u.inSources).toBe(u.outTargets)
    expect(Array.from(u.outTargets)).toEqual([2, 2, 0, 1])
    expect(Array.from(u.tieSource)).toEqual([0, 1])
    expect(Array.from(u.tieWeight)).toEqual([4, 5])
  })
})
