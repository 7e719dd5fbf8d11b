// Multiplexity and n-cliques on small networks.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import { maximalCliques, nCliques } from './cliques.js'
import { multiplexity } from './multiplex.js'
import { rng } from './slow.test-util.js'
import { adjacency, allSubsets, randomGraph, sortSets } from './structure.test-util.js'

describe('multiplexity', () => {
  it('counts dyads tied in two or more relations', () => {
    const b = new NetworkBuilder({ directed: true })
    for (const id of ['a', 'b', 'c', 'd']) b.addNode(id)
    b.addTie('a', 'b', 1, 'INFO')
    b.addTie('b', 'c', 1, 'INFO')
    b.addTie('b', 'a', 1, 'RESOURCE') // same dyad as a→b: multiplex
    b.addTie('c', 'd', 1, 'RESOURCE')
    const m = multiplexity(b.build().network)
    expect([m.tiedDyads, m.multiplexDyads]).toEqual([3, 1])
    expect(m.multiplexity).toBeCloseTo(1 / 3, 12)
    // INFO {ab, bc}, RESOURCE {ab, cd}: Jaccard 1/3
    expect(m.overlap[1]).toBeCloseTo(1 / 3, 12)
    expect(Array.from(m.nodeRelations)).toEqual([2, 2, 2, 1])
    expect(m.nodeMultiplexity[0]).toBe(1)
    expect(m.nodeMultiplexity[1]).toBeCloseTo(1 / 2, 12)
  })
})

describe('nCliques', () => {
  it('equals maximal cliques for n = 1 and widens with n', () => {
    const g = edges('a-b b-c c-d d-e')
    expect(nCliques(g, 1, { minSize: 2 })).toEqual(maximalCliques(g, { minSize: 2 }))
    // a path of five: 2-cliques are three consecutive nodes
    expect(nCliques(g, 2)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
    ])
    expect(nCliques(g, 4)).toEqual([[0, 1, 2, 3, 4]])
  })
})

describe('nCliques against brute force', () => {
  it('lists the maximal sets whose members are all within n steps in the whole graph', () => {
    // Alba's n-clique, as the doc comment says and UCINET computes it: distances are geodesics
    // of the whole graph (a path may leave the set), on the skeleton
    for (let s = 1; s <= 16; s++) {
      const g = randomGraph(1900 + s, 6 + (s % 5), 0.2 + (s % 3) * 0.08, s % 2 === 0)
      const a = adjacency(g)
      const N = g.n
      const d = a.map((row, i) => row.map((x, j) => (i === j ? 0 : x || a[j]![i] ? 1 : Infinity)))
      for (let k = 0; k < N; k++)
        for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!)
      for (const n of [1, 2, 3]) {
        for (const minSize of [2, 3]) {
          const ok = [...allSubsets(N)].filter((S) => S.every((u) => S.every((v) => d[u]![v]! <= n)))
          const maximal = ok.filter(
            (S) => S.length >= minSize && !ok.some((T) => T.length > S.length && S.every((x) => T.includes(x))),
          )
          expect(sortSets(nCliques(g, n, { minSize }))).toEqual(sortSets(maximal))
        }
      }
    }
  })
  it('lets a 2-clique rely on paths through nodes outside it', () => {
    // a 6-cycle: besides the six runs of three neighbours, {a, c, e} and {b, d, f} are 2-cliques,
    // held together only by the nodes between them (with no tie inside: not 2-clans)
    const g = edges('a-b b-c c-d d-e e-f f-a')
    const sets = nCliques(g, 2).map((s) => s.map((i) => g.nodes.ids[i]).join(''))
    expect(sets.sort()).toEqual(['abc', 'abf', 'ace', 'aef', 'bcd', 'bdf', 'cde', 'def'])
  })
})

describe('multiplexity against counting every dyad', () => {
  it('counts the relations tied on each unordered pair', () => {
    for (let s = 1; s <= 8; s++) {
      const next = rng(2000 + s)
      const names = ['INFO', 'MONEY', 'TRUST']
      const n = 9
      const b = new NetworkBuilder({ directed: s % 2 === 0 })
      for (let i = 0; i < n; i++) b.addNode(`n${i}`)
      const tie: Set<string>[] = names.map(() => new Set())
      for (const [r, name] of names.entries())
        for (let u = 0; u < n; u++)
          for (let v = 0; v < n; v++)
            if (u !== v && next() < 0.15) {
              b.addTie(u, v, 1, name)
              tie[r]!.add(`${Math.min(u, v)},${Math.max(u, v)}`)
            }
      const m = multiplexity(b.build().network)
      const R = names.length
      const dyads = new Set(tie.flatMap((t) => [...t]))
      const count = (key: string): number => tie.filter((t) => t.has(key)).length
      expect(m.tiedDyads).toBe(dyads.size)
      expect(m.multiplexDyads).toBe([...dyads].filter((k) => count(k) >= 2).length)
      expect(m.multiplexity).toBeCloseTo(m.multiplexDyads / m.tiedDyads, 12)
      for (let a = 0; a < R; a++)
        for (let c = 0; c < R; c++) {
          const both = [...tie[a]!].filter((k) => tie[c]!.has(k)).length
          const either = new Set([...tie[a]!, ...tie[c]!]).size
          expect(m.overlap[a * R + c]).toBeCloseTo(a === c ? 1 : both / either, 12)
        }
      for (let u = 0; u < n; u++) {
        const mine = [...dyads].filter((k) => k.split(',').map(Number).includes(u))
        expect(m.nodeRelations[u]).toBe(tie.filter((t) => [...t].some((k) => mine.includes(k))).length)
        const multi = mine.filter((k) => count(k) >= 2).length
        if (mine.length === 0) expect(m.nodeMultiplexity[u]).toBeNaN()
        else expect(m.nodeMultiplexity[u]).toBeCloseTo(multi / mine.length, 12)
      }
    }
  })
})
