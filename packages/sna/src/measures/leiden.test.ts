// Leiden communities: connected communities, the modularity it reports, seeds, resolution and CPM.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { readCsv } from '../io/csv.js'
import { fixture } from '../../test/reference.js'
import { modularity } from './groups.js'
import { leiden } from './leiden.js'
import { louvain, louvainModularity } from './louvain.js'

function karate(): Graph {
  return readCsv(fixture('data/karate/karate.csv')).network.graph
}

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

/** G(n, p), optionally directed, with integer weights 1..3 when `weighted`. */
function randomGraph(n: number, p: number, seed: number, opts: { directed?: boolean; weighted?: boolean } = {}): Graph {
  const rnd = mulberry32(seed)
  const b = new NetworkBuilder({ directed: opts.directed ?? false })
  for (let i = 0; i < n; i++) b.addNode(`v${i}`)
  for (let i = 0; i < n; i++)
    for (let j = opts.directed ? 0 : i + 1; j < n; j++) {
      if (i !== j && rnd() < p) b.addTie(i, j, opts.weighted ? 1 + Math.floor(rnd() * 3) : 1)
    }
  return b.build().network.graph
}

/** `count` cliques of `size` nodes, clique c on nodes c·size .., each joined to the next by one tie. */
function ringOfCliques(count: number, size: number): Graph {
  const b = new NetworkBuilder({ directed: false })
  for (let i = 0; i < count * size; i++) b.addNode(`v${i}`)
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) b.addTie(c * size + i, c * size + j)
    b.addTie(c * size, (((c + 1) % count) * size + 1) % (count * size))
  }
  return b.build().network.graph
}

/** Each community is one connected piece: a BFS that never leaves the community reaches all of it. */
function expectConnectedCommunities(g: Graph, membership: Int32Array): void {
  const { offsets, targets } = g.skeleton()
  const seen = new Uint8Array(g.n)
  const started = new Set<number>()
  for (let s = 0; s < g.n; s++) {
    if (seen[s]) continue
    const c = membership[s]!
    expect(started.has(c), `community ${c} has a second connected piece starting at node ${s}`).toBe(false)
    started.add(c)
    const queue = [s]
    seen[s] = 1
    while (queue.length > 0) {
      const v = queue.pop()!
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!
        if (!seen[u] && membership[u] === c) {
          seen[u] = 1
          queue.push(u)
        }
      }
    }
  }
}

/** Communities numbered 0 .. count-1 by their first node. */
function expectCanonical(membership: Int32Array, count: number): void {
  let next = 0
  for (const c of membership) {
    expect(c).toBeLessThanOrEqual(next)
    if (c === next) next++
  }
  expect(next).toBe(count)
}

describe('leiden', () => {
  it('separates two cliques joined by one tie', () => {
    const g = edges('a-b a-c a-d b-c b-d c-d d-e e-f e-g e-h f-g f-h g-h')
    const r = leiden(g)
    expect(r.count).toBe(2)
    expect(Array.from(r.membership)).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
  })

  it('finds the best known split of the karate club for every seed', () => {
    const g = karate()
    for (let seed = 1; seed <= 10; seed++) {
      const r = leiden(g, { seed })
      // the best known modularity of the karate club is 0.41979 (Brandes et al. 2008)
      expect(r.modularity).toBeGreaterThanOrEqual(0.4188)
      expect(r.modularity).toBeLessThanOrEqual(0.41979 + 1e-5)
      expectConnectedCommunities(g, r.membership)
      expectCanonical(r.membership, r.count)
    }
  })

  it('reports the modularity of its partition', () => {
    const g = karate()
    const r = leiden(g, { seed: 3 })
    expect(r.modularity).toBeCloseTo(modularity(g, r.membership), 12)
    expect(r.quality).toBe(r.modularity)
    for (let seed = 1; seed <= 5; seed++) {
      const h = randomGraph(60, 0.08, seed, { weighted: true })
      const q = leiden(h, { seed, weight: true })
      expect(q.modularity).toBeCloseTo(modularity(h, q.membership, { weight: true }), 12)
      const q2 = leiden(h, { seed, resolution: 1.7 })
      expect(q2.modularity).toBeCloseTo(louvainModularity(h, q2.membership, { resolution: 1.7 }), 12)
    }
  })

  it('stays within 0.02 of Louvain on the karate club, and never far below it', () => {
    const g = karate()
    let bestLouvain = -Infinity
    for (let seed = 1; seed <= 10; seed++) {
      const lv = louvain(g, { seed }).modularity
      const ld = leiden(g, { seed }).modularity
      bestLouvain = Math.max(bestLouvain, lv)
      expect(ld).toBeGreaterThanOrEqual(lv - 0.02)
    }
    expect(Math.abs(leiden(g, { seed: 2 }).modularity - louvain(g, { seed: 2 }).modularity)).toBeLessThanOrEqual(0.02)
    expect(Math.abs(leiden(g).modularity - bestLouvain)).toBeLessThanOrEqual(0.02)
  })

  it('gives the same partition for the same seed', () => {
    const g = karate()
    for (const seed of [1, 11, 12345]) {
      const a = leiden(g, { seed })
      const b = leiden(g, { seed })
      expect(Array.from(a.membership)).toEqual(Array.from(b.membership))
      expect(a).toEqual(b)
    }
    const h = randomGraph(200, 0.03, 9)
    expect(leiden(h, { seed: 4, randomness: 1 })).toEqual(leiden(h, { seed: 4, randomness: 1 }))
  })

  it('returns connected communities on random graphs, directed or not, with any quality', () => {
    // the check itself catches a community in two pieces
    expect(() => expectConnectedCommunities(edges('a-b c-d'), Int32Array.of(0, 0, 0, 0))).toThrow()
    for (let seed = 1; seed <= 30; seed++) {
      const directed = seed % 3 === 0
      const g = randomGraph(40 + seed * 3, 3 / (40 + seed * 3), seed, { directed, weighted: seed % 2 === 0 })
      const opts = [
        { seed },
        { seed, weight: true, resolution: 0.6 },
        { seed, resolution: 2.5, randomness: 0.5 },
        { seed, quality: 'cpm' as const, resolution: 0.2 },
        { seed, maxIterations: 1 },
      ]
      for (const o of opts) {
        const r = leiden(g, o)
        expectConnectedCommunities(g, r.membership)
        expectCanonical(r.membership, r.count)
      }
    }
  })

  it('finds the cliques of a ring of cliques', () => {
    const g = ringOfCliques(6, 5)
    const expected = Array.from({ length: 30 }, (_, i) => Math.floor(i / 5))
    for (let seed = 1; seed <= 5; seed++) expect(Array.from(leiden(g, { seed }).membership)).toEqual(expected)
    // 30 cliques of 5: modularity merges neighbours (the resolution limit), CPM does not
    const big = ringOfCliques(30, 5)
    const cpm = leiden(big, { quality: 'cpm', resolution: 0.5 })
    expect(Array.from(cpm.membership)).toEqual(Array.from({ length: 150 }, (_, i) => Math.floor(i / 5)))
    // CPM quality: 30 cliques × (2 · 10 ties − 0.5 · 5 · 4)
    expect(cpm.quality).toBeCloseTo(30 * (20 - 10), 12)
    expect(leiden(big).count).toBeLessThan(30)
  })

  it('finds more communities at higher resolution', () => {
    const g = karate()
    const counts = [0.25, 0.5, 1, 2, 4].map((resolution) => leiden(g, { resolution, seed: 2 }).count)
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!)
    expect(counts[4]!).toBeGreaterThan(counts[0]!)
    const high = leiden(g, { resolution: 2, seed: 2 })
    expect(high.modularity).toBeCloseTo(louvainModularity(g, high.membership, { resolution: 2 }), 12)
    const cpmCounts = [0.05, 0.2, 0.5].map((resolution) => leiden(g, { quality: 'cpm', resolution }).count)
    expect(cpmCounts[0]!).toBeLessThan(cpmCounts[1]!)
    expect(cpmCounts[1]!).toBeLessThan(cpmCounts[2]!)
  })

  it('handles empty graphs and isolates', () => {
    const empty = new NetworkBuilder({ directed: false }).build().network.graph
    const r0 = leiden(empty)
    expect(r0.count).toBe(0)
    expect(r0.membership.length).toBe(0)
    const isolates = edges('a b c')
    const r1 = leiden(isolates)
    expect(Array.from(r1.membership)).toEqual([0, 1, 2])
    expect(r1.count).toBe(3)
    expect(r1.modularity).toBeNaN()
    // a triangle, a pair and two isolates
    const g = edges('a-b b-c c-a x y d-e')
    const r2 = leiden(g)
    expect(Array.from(r2.membership)).toEqual([0, 0, 0, 1, 2, 3, 3])
    expect(leiden(g, { quality: 'cpm', resolution: 0.5 }).membership).toEqual(r2.membership)
  })

  it('uses weights when asked and reads directed graphs as undirected', () => {
    // a–b strong, b–c weak: weighted, c leaves a and b
    const b = new NetworkBuilder({ directed: false })
    b.addTie('a', 'b', 10)
    b.addTie('b', 'c', 1)
    b.addTie('c', 'd', 10)
    b.addNode('z')
    const r = leiden(b.build().network.graph, { weight: true })
    expect(Array.from(r.membership)).toEqual([0, 0, 1, 1, 2])
    const d = edges('a->b b->c c->a c->d d->e e->f f->d', { directed: true })
    const rd = leiden(d)
    expect(Array.from(rd.membership)).toEqual([0, 0, 0, 1, 1, 1])
    expect(rd.modularity).toBeCloseTo(louvainModularity(d, rd.membership), 12)
  })

  it('stops after maxIterations and when an iteration changes nothing', () => {
    const g = randomGraph(300, 0.02, 5)
    expect(leiden(g, { maxIterations: 1 }).iterations).toBe(1)
    const r = leiden(g)
    // the last iteration changed nothing: one more from its result keeps it
    expect(r.iterations).toBeGreaterThanOrEqual(2)
    expect(r.modularity).toBeGreaterThanOrEqual(leiden(g, { maxIterations: 1 }).modularity - 1e-12)
  })

  it('rejects bad options', () => {
    const g = karate()
    expect(() => leiden(g, { resolution: 0 })).toThrow(RangeError)
    expect(() => leiden(g, { resolution: NaN })).toThrow(RangeError)
    expect(() => leiden(g, { randomness: 0 })).toThrow(RangeError)
    expect(() => leiden(g, { maxIterations: 0 })).toThrow(RangeError)
    expect(() => leiden(g, { maxIterations: 1.5 })).toThrow(RangeError)
    expect(() => leiden(g, { quality: 'surprise' as 'cpm' })).toThrow(RangeError)
  })
})
