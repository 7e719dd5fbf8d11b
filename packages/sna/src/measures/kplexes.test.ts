// Maximal k-plexes: checked against every subset of small random graphs, and k = 1 against cliques.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { maximalCliques } from './cliques.js'
import { kPlexes } from './kplexes.js'

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomGraph(n: number, p: number, seed: number, directed = false): Graph {
  const rnd = mulberry32(seed)
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`v${i}`)
  for (let i = 0; i < n; i++) for (let j = directed ? 0 : i + 1; j < n; j++) if (i !== j && rnd() < p) b.addTie(i, j)
  return b.build().network.graph
}

function lexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

/**
 * The definition, by brute force: every subset S of the nodes (as a bit mask) is a k-plex when
 * each member has at least |S| − k neighbours in S; a k-plex is maximal when adding any one
 * other node breaks that (enough, since a subset of a k-plex is a k-plex).
 */
function slowKPlexes(g: Graph, k: number, minSize: number): number[][] {
  const n = g.n
  const nbrMask = new Array<number>(n).fill(0)
  for (let e = 0; e < g.m; e++) {
    nbrMask[g.tieSource[e]!]! |= 1 << g.tieTarget[e]!
    nbrMask[g.tieTarget[e]!]! |= 1 << g.tieSource[e]!
  }
  const popcount = (x: number): number => {
    let c = 0
    for (; x !== 0; x &= x - 1) c++
    return c
  }
  const isPlex = new Uint8Array(1 << n)
  for (let S = 0; S < 1 << n; S++) {
    const size = popcount(S)
    let ok = true
    for (let v = 0; v < n && ok; v++) if (S & (1 << v) && popcount(nbrMask[v]! & S) < size - k) ok = false
    isPlex[S] = ok ? 1 : 0
  }
  const out: number[][] = []
  for (let S = 1; S < 1 << n; S++) {
    if (!isPlex[S] || popcount(S) < minSize) continue
    let maximal = true
    for (let v = 0; v < n && maximal; v++) if (!(S & (1 << v)) && isPlex[S | (1 << v)]) maximal = false
    if (!maximal) continue
    const set: number[] = []
    for (let v = 0; v < n; v++) if (S & (1 << v)) set.push(v)
    out.push(set)
  }
  return out.sort(lexicographic)
}

function karate(): Graph {
  return readCsv(fixture('data/karate/karate.csv')).network.graph
}

describe('kPlexes', () => {
  it('matches the brute-force definition on small random graphs, k = 1, 2, 3', () => {
    let checked = 0
    let found = 0
    for (let seed = 1; seed <= 120; seed++) {
      const rnd = mulberry32(1000 + seed)
      const n = 1 + Math.floor(rnd() * 12)
      const p = 0.15 + 0.75 * rnd()
      const g = randomGraph(n, p, seed, seed % 4 === 0)
      for (const k of [1, 2, 3]) {
        for (const minSize of [undefined, 1, 2, 4, 6]) {
          const expected = slowKPlexes(g, k, minSize ?? 2 * k - 1)
          expect(
            kPlexes(g, k, minSize === undefined ? {} : { minSize }),
            `seed ${seed} k ${k} minSize ${minSize}`,
          ).toEqual(expected)
          checked++
          found += expected.length
        }
      }
    }
    expect(checked).toBe(120 * 3 * 5)
    expect(found).toBeGreaterThan(1000) // the comparison is not vacuous
  })

  it('gives the maximal cliques for k = 1', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGraph(40, 0.1 + seed * 0.01, seed, seed % 2 === 0)
      for (const minSize of [1, 2, 3, 4]) {
        const cliques = maximalCliques(g, { minSize }).sort(lexicographic)
        expect(kPlexes(g, 1, { minSize })).toEqual(cliques)
      }
    }
    const g = karate()
    expect(kPlexes(g, 1, { minSize: 3 })).toEqual(maximalCliques(g).sort(lexicographic))
  })

  it('lists the same large k-plexes with and without the two-step pruning (karate club)', () => {
    // maximality does not depend on minSize: the sets of ≥ q nodes among all maximal k-plexes
    const g = karate()
    for (const k of [2, 3]) {
      const all = kPlexes(g, k, { minSize: 1 })
      for (let q = 2 * k - 1; q <= 2 * k + 3; q++) {
        expect(kPlexes(g, k, { minSize: q })).toEqual(all.filter((s) => s.length >= q))
      }
    }
    // the default: 2k − 1, and every such k-plex has diameter ≤ 2 inside itself (Seidman & Foster 1978)
    const plexes = kPlexes(g, 2)
    expect(plexes.length).toBeGreaterThan(0)
    for (const s of plexes) {
      expect(s.length).toBeGreaterThanOrEqual(3)
      for (const u of s)
        for (const v of s) {
          if (u >= v || g.hasTie(u, v)) continue
          expect(s.some((w) => g.hasTie(u, w) && g.hasTie(w, v))).toBe(true)
        }
    }
  })

  it('finds the k-plexes of small graphs worked out by hand', () => {
    // a 4-cycle: each node misses only the opposite one, so the whole cycle is a 2-plex
    expect(kPlexes(edges('a-b b-c c-d d-a'), 2)).toEqual([[0, 1, 2, 3]])
    // a 5-cycle: the maximal 2-plexes of ≥ 3 nodes are the five paths of three consecutive
    // nodes (a path of four leaves its ends one neighbour short); the whole cycle is a 3-plex
    const c5 = edges('a-b b-c c-d d-e e-a')
    expect(kPlexes(c5, 2)).toEqual([
      [0, 1, 2],
      [0, 1, 4],
      [0, 3, 4],
      [1, 2, 3],
      [2, 3, 4],
    ])
    expect(kPlexes(c5, 3)).toEqual([[0, 1, 2, 3, 4]])
    // a star with four leaves: leaves are mutually non-adjacent, so only the centre with two
    // leaves is a 2-plex, and with the default 2k − 1 = 5 no 3-plex reaches five nodes
    const star = edges('o-a o-b o-c o-d')
    expect(kPlexes(star, 2)).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 1, 4],
      [0, 2, 3],
      [0, 2, 4],
      [0, 3, 4],
    ])
    expect(kPlexes(star, 3)).toEqual([])
    expect(kPlexes(star, 3, { minSize: 4 })).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 4],
      [0, 1, 3, 4],
      [0, 2, 3, 4],
    ])
    // isolates and empty graphs
    expect(kPlexes(edges('a b'), 1)).toEqual([[0], [1]])
    expect(kPlexes(edges('a b'), 2, { minSize: 1 })).toEqual([[0, 1]])
    expect(kPlexes(new NetworkBuilder({ directed: false }).build().network.graph, 2)).toEqual([])
  })

  it('stops with a RangeError past the limit', () => {
    const g = randomGraph(30, 0.3, 7)
    const all = kPlexes(g, 2)
    expect(all.length).toBeGreaterThan(3)
    expect(() => kPlexes(g, 2, { limit: 3 })).toThrow(RangeError)
    expect(kPlexes(g, 2, { limit: all.length })).toEqual(all)
  })

  it('rejects bad k, minSize and limit', () => {
    const g = edges('a-b b-c')
    expect(() => kPlexes(g, 0)).toThrow(RangeError)
    expect(() => kPlexes(g, 1.5)).toThrow(RangeError)
    expect(() => kPlexes(g, NaN)).toThrow(RangeError)
    expect(() => kPlexes(g, 2, { minSize: 0 })).toThrow(RangeError)
    expect(() => kPlexes(g, 2, { minSize: 2.5 })).toThrow(RangeError)
    expect(() => kPlexes(g, 2, { limit: -1 })).toThrow(RangeError)
  })
})
