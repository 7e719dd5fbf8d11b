// Key players and what-if on graphs whose answers are known.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import type { Graph } from '../graph.js'
import { floyd, rng, slowBetweenness } from './slow.test-util.js'
import { adjacency, randomGraph } from './structure.test-util.js'
import { keyPlayers } from './keyPlayers.js'
import { whatIf } from './whatIf.js'

describe('keyPlayers', () => {
  it('removes the bridge to fragment, and picks the centres to reach', () => {
    // two triangles joined through c-x-d
    const g = edges('a-b b-c c-a c-x x-d d-e e-f f-d')
    // removing x leaves two triangles: F = 1 − (6 + 6)/30 = 0.6 (removing c gives 0.53)
    const frag = keyPlayers(g, 1, { goal: 'fragment' })
    expect(frag.set.map((i) => g.nodes.ids[i])).toEqual(['x'])
    expect(frag.score).toBeCloseTo(0.6, 12)
    const reach = keyPlayers(g, 2, { goal: 'reach' })
    expect(reach.set.map((i) => g.nodes.ids[i]).sort()).toEqual(['c', 'd'])
    // c and d reach a, b, x, e, f in one step: full reach
    expect(reach.score).toBeCloseTo(1, 12)
  })
  it('checks its parameters', () => {
    expect(() => keyPlayers(edges('a-b'), 2)).toThrow(/from 1 to 1/)
    expect(() => keyPlayers(edges('a-b b-c'), 1, { maxDistance: 0 })).toThrow(/maxDistance/)
    expect(() => keyPlayers(edges('a-b b-c'), 1, { restarts: -1 })).toThrow(/restarts/)
  })
  it('counts the others within m steps for m-reach', () => {
    // a path a-b-c-d-e-f-g: c, d and e each reach four others within two steps (ties go to the first)
    const g = edges('a-b b-c c-d d-e e-f f-g')
    const r = keyPlayers(g, 1, { goal: 'reach', maxDistance: 2 })
    expect(g.nodes.ids[r.set[0]!]).toBe('c')
    expect(r.score).toBeCloseTo(4 / 6, 12)
    expect(keyPlayers(g, 2, { goal: 'reach', maxDistance: 1 }).score).toBeCloseTo(4 / 5, 12)
  })
  it('finds the best set on small graphs, and the same set for the same seed', () => {
    // exhaustive search over all k-sets with an obvious score computed by Floyd–Warshall
    for (let seed = 1; seed <= 12; seed++) {
      const next = rng(seed)
      const n = 9
      const ties: string[] = []
      for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (next() < 0.3) ties.push(`n${u}-n${v}`)
      if (ties.length === 0) continue
      const g = edges(ties.join(' '))
      const d = floyd(g)
      const N = g.n
      const frag = (set: number[]): number => {
        const rest = [...Array(N).keys()].filter((v) => !set.includes(v))
        let pairs = 0
        for (const u of rest)
          for (const v of rest) if (u !== v && Number.isFinite(slowDistanceWithout(g, u, v, set))) pairs++
        return rest.length > 1 ? 1 - pairs / (rest.length * (rest.length - 1)) : 0
      }
      const reach2 = (set: number[]): number =>
        [...Array(N).keys()].filter((v) => !set.includes(v) && set.some((s) => d[s]![v]! <= 2)).length /
        (N - set.length)
      for (const k of [1, 2, 3]) {
        if (k >= N) continue
        let bestF = -1
        let bestR = -1
        for (const set of subsets(N, k)) {
          bestF = Math.max(bestF, frag(set))
          bestR = Math.max(bestR, reach2(set))
        }
        const f = keyPlayers(g, k, { seed: 3 })
        expect(f.score).toBeCloseTo(bestF, 12)
        expect(frag(f.set)).toBeCloseTo(f.score, 12)
        const r = keyPlayers(g, k, { goal: 'reach', maxDistance: 2, seed: 3 })
        expect(r.score).toBeCloseTo(bestR, 12)
        expect(reach2(r.set)).toBeCloseTo(r.score, 12)
        expect(keyPlayers(g, k, { seed: 3 })).toEqual(f)
      }
    }
  })
})

/** All k-subsets of 0..n-1. */
function* subsets(n: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc]
    return
  }
  for (let v = from; v < n; v++) yield* subsets(n, k, v + 1, [...acc, v])
}

/** Shortest path length from u to v avoiding the removed nodes (plain BFS over the tie list). */
function slowDistanceWithout(g: Graph, u: number, v: number, removed: number[]): number {
  const dist = new Map<number, number>([[u, 0]])
  const queue = [u]
  while (queue.length) {
    const x = queue.shift()!
    for (let e = 0; e < g.m; e++) {
      const a = g.tieSource[e]!
      const b = g.tieTarget[e]!
      const y = a === x ? b : b === x ? a : -1
      if (y >= 0 && !removed.includes(y) && !dist.has(y)) {
        dist.set(y, dist.get(x)! + 1)
        queue.push(y)
      }
    }
  }
  return dist.get(v) ?? Infinity
}

describe('whatIf', () => {
  it('shows a star losing its broker when the periphery is linked', () => {
    const star = edges('c-a c-b c-d c-e')
    const r = whatIf(
      star,
      {
        add: [
          { source: 1, target: 2 },
          { source: 3, target: 4 },
          { source: 2, target: 3 },
          { source: 4, target: 1 },
        ],
      },
      [0, 1, 1, 1, 1],
    )
    expect(r.before.betweennessCentralization).toBeCloseTo(1, 12)
    expect(r.after.betweennessCentralization!).toBeLessThan(0.5)
    expect(r.before.betweennessShare[0]).toBe(1)
    expect(r.after.betweennessShare[0]!).toBeLessThan(1)
    expect(r.after.density).toBeCloseTo(8 / 10, 12)
    // the centre's group is 0, the rest 1: new ties are all internal to group 1
    expect(r.after.eiIndex!).toBeLessThan(r.before.eiIndex!)
    expect(r.graph.m).toBe(8)
  })
  it('removes ties and reports impossible changes', () => {
    const g = edges('a-b b-c')
    const r = whatIf(g, {
      remove: [
        { source: 1, target: 0 },
        { source: 0, target: 2 },
      ],
      add: [{ source: 1, target: 2, weight: 3 }],
    })
    expect(r.graph.m).toBe(1)
    expect(r.graph.weight(1, 2)).toBe(3)
    expect(r.notes.length).toBe(2)
  })
  it('removes actors with their ties and maps shares back', () => {
    // a star around c plus a-b: removing c leaves a-b and two isolates
    const g = edges('c-a c-b c-d c-e a-b')
    const c = g.nodes.get('c')
    const r = whatIf(g, { removeNodes: [c] })
    expect(r.graph.n).toBe(4)
    expect(r.graph.m).toBe(1)
    expect(Array.from(r.kept, (i) => g.nodes.ids[i])).toEqual(g.nodes.ids.filter((id) => id !== 'c'))
    expect(r.after.betweennessShare[c]).toBeNaN()
    expect(r.after.betweennessShare.length).toBe(5)
    const byKey = Object.fromEntries(r.measures.map((m) => [m.key, m]))
    expect(byKey.nodes).toEqual({ key: 'nodes', before: 5, after: 4, change: -1 })
    expect(byKey.edges).toEqual({ key: 'edges', before: 5, after: 1, change: -4 })
    expect(byKey.components!.after).toBe(3)
    expect(byKey.density!.change).toBeCloseTo(1 / 6 - 5 / 10, 12)
  })
  it('rejects impossible changes', () => {
    const g = edges('a-b b-c')
    expect(() => whatIf(g, { add: [{ source: 0, target: 7 }] })).toThrow(/no actor with index 7/)
    expect(() => whatIf(g, { removeNodes: [0], add: [{ source: 0, target: 2 }] })).toThrow(/being removed/)
    expect(() => whatIf(g, { add: [{ source: 0, target: 2, weight: 0 }] })).toThrow(/weight/)
  })
})

describe('whatIf against rebuilding the network by hand', () => {
  /** Density, Freeman degree centralization (in-degree when directed), E-I and betweenness shares, by their formulas. */
  const slowSummary = (g: Graph, membership: readonly number[]) => {
    const n = g.n
    const a = adjacency(g)
    const deg = a.map((_, i) => a.reduce((t, row, j) => t + (g.directed ? row[i]! : a[i]![j]!), 0))
    const top = Math.max(...deg)
    const bc = slowBetweenness(g)
    const total = bc.reduce((t, x) => t + x, 0)
    let external = 0
    for (let e = 0; e < g.m; e++) if (membership[g.tieSource[e]!] !== membership[g.tieTarget[e]!]) external++
    return {
      density: (g.directed ? g.m : 2 * g.m) / (n * (n - 1)),
      degreeCentralization: deg.reduce((t, d) => t + top - d, 0) / (g.directed ? (n - 1) ** 2 : (n - 1) * (n - 2)),
      eiIndex: (2 * external - g.m) / g.m,
      betweennessShare: Array.from(bc, (x) => (total > 0 ? x / total : 0)),
    }
  }
  it('applies the changes and reports the measures of the graph it builds', () => {
    for (let s = 1; s <= 10; s++) {
      const directed = s % 2 === 0
      const g = randomGraph(2200 + s, 9, 0.3, directed, true)
      const next = rng(s)
      const ids = g.nodes.ids
      const key = (u: number, v: number): string =>
        directed || ids[u]! < ids[v]! ? `${ids[u]}>${ids[v]}` : `${ids[v]}>${ids[u]}`
      const expected = new Map<string, number>()
      for (let e = 0; e < g.m; e++) expected.set(key(g.tieSource[e]!, g.tieTarget[e]!), g.tieWeight[e]!)
      // remove two ties that exist and one that may not; add three, perhaps over existing ones
      const remove = [0, 1].map((k) => ({ source: g.tieSource[k]!, target: g.tieTarget[k]! }))
      remove.push({ source: 3, target: 8 })
      const add = [0, 1, 2].map(() => {
        const u = Math.floor(next() * 9)
        return { source: u, target: (u + 1 + Math.floor(next() * 8)) % 9, weight: 1 + Math.floor(next() * 5) }
      })
      const gone = s % 3 === 0 ? [4] : []
      const plannedAdd = add.filter((t) => !gone.includes(t.source) && !gone.includes(t.target))
      let notes = 0
      for (const r of remove) if (!expected.delete(key(r.source, r.target))) notes++
      for (const t of plannedAdd) {
        if (expected.has(key(t.source, t.target))) notes++
        expected.set(key(t.source, t.target), t.weight)
      }
      for (const k of [...expected.keys()]) if (gone.some((v) => k.split('>').includes(ids[v]!))) expected.delete(k)
      const membership = Array.from({ length: g.n }, (_, i) => i % 3)
      const r = whatIf(g, { remove, add: plannedAdd, removeNodes: gone }, membership)
      // the graph: kept actors in order, the expected ties with their weights
      expect(Array.from(r.kept)).toEqual([...Array(g.n).keys()].filter((v) => !gone.includes(v)))
      const got = new Map<string, number>()
      for (let e = 0; e < r.graph.m; e++) {
        const [u, v] = [r.graph.nodes.ids[r.graph.tieSource[e]!]!, r.graph.nodes.ids[r.graph.tieTarget[e]!]!]
        got.set(directed || u < v ? `${u}>${v}` : `${v}>${u}`, r.graph.tieWeight[e]!)
      }
      expect(got).toEqual(expected)
      expect(r.notes.length).toBe(notes)
      // the measures, before and after
      for (const [summary, graph, m] of [
        [r.before, g, membership],
        [r.after, r.graph, Array.from(r.kept, (v) => membership[v]!)],
      ] as const) {
        const want = slowSummary(graph, m)
        expect(summary.density).toBeCloseTo(want.density, 12)
        expect(summary.degreeCentralization!).toBeCloseTo(want.degreeCentralization, 12)
        expect(summary.eiIndex!).toBeCloseTo(want.eiIndex, 12)
      }
      const before = slowSummary(g, membership).betweennessShare
      r.before.betweennessShare.forEach((x, v) => expect(x).toBeCloseTo(before[v]!, 12))
      const after = slowSummary(r.graph, []).betweennessShare
      for (let v = 0; v < g.n; v++) {
        const i = Array.from(r.kept).indexOf(v)
        if (i < 0) expect(r.after.betweennessShare[v]).toBeNaN()
        else expect(r.after.betweennessShare[v]).toBeCloseTo(after[i]!, 12)
      }
    }
  })
})
