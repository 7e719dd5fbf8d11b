// Key players and what-if on graphs whose answers are known.

import { describe, expect, it } from 'vitest'
import { edges } from '../builder.js'
import type { Graph } from '../graph.js'
import { floyd, rng } from './slow.test-util.js'
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
