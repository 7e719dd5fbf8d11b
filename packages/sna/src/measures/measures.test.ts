// Checks the fast kernels against slow textbook versions on small and random graphs.

import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { averageClustering, localClustering, transitivity } from './clustering.js'
import { strongComponents, weakComponents } from './components.js'
import { coreness } from './coreness.js'
import { degree } from './degree.js'
import { eigenvector } from './eigenvector.js'
import { centralization, CENTRALIZATION_MAX, density, reciprocity } from './network.js'
import { pagerank } from './pagerank.js'
import { betweenness, closeness, harmonicCloseness, pathSweep } from './paths.js'
import { floyd, rng, slowBetweenness, slowCloseness } from './slow.test-util.js'
import { dyadicConstraint, structuralHoles } from './structuralHoles.js'

function randomGraph(seed: number, n: number, p: number, directed: boolean, weighted = false): Graph {
  const r = rng(seed)
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  for (let i = 0; i < n; i++)
    for (let j = directed ? 0 : i + 1; j < n; j++)
      if (i !== j && r() < p) b.addTie(i, j, weighted ? 1 + Math.floor(r() * 4) : 1)
  return b.build().network.graph
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-9): void => {
  expect(a.length).toBe(b.length)
  for (let i = 0; i < a.length; i++)
    expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!)))
}

describe('degree and density', () => {
  it('counts neighbours, in+out for digraphs, and strengths', () => {
    const g = edges('a->b:2 b->a:3 a->c', { directed: true })
    expect(Array.from(degree(g))).toEqual([3, 2, 1])
    expect(Array.from(degree(g, { mode: 'in' }))).toEqual([1, 1, 1])
    expect(Array.from(degree(g, { mode: 'out' }))).toEqual([2, 1, 0])
    expect(Array.from(degree(g, { weight: true }))).toEqual([6, 5, 1])
    expect(density(g)).toBeCloseTo(3 / 6)
    expect(reciprocity(g)).toBeCloseTo(2 / 3)
    expect(reciprocity(edges('a-b'))).toBeNull()
  })
  it('gives a star the largest degree centralization', () => {
    const star = edges('c-a c-b c-d c-e')
    expect(centralization(degree(star), CENTRALIZATION_MAX.degree(5))).toBeCloseTo(1)
    const ring = edges('a-b b-c c-d d-a')
    expect(centralization(degree(ring), CENTRALIZATION_MAX.degree(4))).toBe(0)
  })
})

describe('shortest paths', () => {
  it('gives a path its textbook betweenness and closeness', () => {
    const g = edges('a-b b-c c-d')
    expect(Array.from(betweenness(g))).toEqual([0, 2, 2, 0])
    close(closeness(g), [3 / 6, 3 / 4, 3 / 4, 3 / 6])
    close(harmonicCloseness(g), [
      (1 + 1 / 2 + 1 / 3) / 3,
      (1 + 1 + 1 / 2) / 3,
      (1 + 1 + 1 / 2) / 3,
      (1 + 1 / 2 + 1 / 3) / 3,
    ])
  })
  it('splits betweenness over equally short paths', () => {
    // a square: a-b-c and a-d-c are both shortest
    const g = edges('a-b b-c c-d d-a')
    close(betweenness(g), [0.5, 0.5, 0.5, 0.5])
  })
  it('follows arc direction', () => {
    const g = edges('a->b b->c', { directed: true })
    expect(Array.from(betweenness(g))).toEqual([0, 1, 0])
    close(closeness(g, { mode: 'in' }), [0, (1 / 2) * 1, (2 / 2) * (2 / 3)])
    close(closeness(g, { mode: 'out' }), [(2 / 2) * (2 / 3), (1 / 2) * 1, 0])
  })
  for (const directed of [false, true]) {
    it(`matches the definition on random ${directed ? 'directed' : 'undirected'} graphs`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const g = randomGraph(seed, 18, 0.15, directed)
        const d = floyd(g)
        close(betweenness(g), slowBetweenness(g))
        close(closeness(g, { mode: 'in' }), slowCloseness(g, d, 'in'))
        close(closeness(g, { mode: 'out' }), slowCloseness(g, d, 'out'))
        const r = pathSweep(g)
        let diam = 0
        let sum = 0
        let pairs = 0
        for (let i = 0; i < g.n; i++)
          for (let j = 0; j < g.n; j++)
            if (i !== j && Number.isFinite(d[i]![j]!)) {
              diam = Math.max(diam, d[i]![j]!)
              sum += d[i]![j]!
              pairs++
            }
        expect(r.diameter).toBe(diam)
        expect(r.reachablePairs).toBe(pairs)
        expect(r.distanceSum).toBe(sum)
      }
    })
  }
  it('uses 1/weight as length and treats nearly equal lengths as equal', () => {
    // a→b→d costs 1 + 1/3, a→c→d costs 1/3 + 1: equal in exact arithmetic, not in floating point
    const g = edges('a b c d a->b:1 b->d:3 a->c:3 c->d:1', { directed: true })
    close(betweenness(g, { weight: true }), [0, 0.5, 0.5, 0])
    // 1 + 1/3 + 1 = 2.333…330 but 1 + 1 + 1/3 = 2.333…335: still two shortest a→z paths
    const h = edges('a b c d e z a->b:1 b->c:3 c->z:1 a->d:1 d->e:1 e->z:3', { directed: true })
    close(betweenness(h, { weight: true }), [0, 1.5, 1.5, 1.5, 1.5, 0])
    const wc = closeness(g, { weight: true })
    // d is reached from a (4/3), b (1/3) and c (1): C = (3/3)·(3/(8/3))
    close(wc, [0, 1 / 3, 1, 9 / 8])
  })
  it('matches weighted Floyd–Warshall closeness on random weighted graphs', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const g = randomGraph(seed, 15, 0.2, seed % 2 === 0, true)
      close(closeness(g, { weight: true }), slowCloseness(g, floyd(g, true), 'in'))
    }
  })
  it('gives the same results after renumbering nodes for locality', () => {
    for (const [directed, weight] of [
      [false, false],
      [true, false],
      [true, true],
      [false, true],
    ] as const) {
      const g = randomGraph(11, 120, 0.04, directed, weight)
      const plain = pathSweep(g, { relabel: false, weight })
      const moved = pathSweep(g, { relabel: true, weight })
      close(moved.betweenness!, plain.betweenness!)
      close(moved.inDistanceSum, plain.inDistanceSum)
      close(moved.outHarmonic, plain.outHarmonic)
      expect([moved.diameter, moved.reachablePairs]).toEqual([plain.diameter, plain.reachablePairs])
      const sources = [5, 17, 99]
      close(
        pathSweep(g, { relabel: true, sources, weight }).betweenness!,
        pathSweep(g, { relabel: false, sources, weight }).betweenness!,
      )
    }
  })
  it('reports progress up to the total', () => {
    const g = randomGraph(3, 30, 0.1, false)
    const seen: number[] = []
    pathSweep(g, { onProgress: (d, t) => seen.push(d / t) })
    expect(seen.at(-1)).toBe(1)
  })
})

describe('eigenvector and PageRank', () => {
  it('gives a triangle equal unit-norm scores', () => {
    close(eigenvector(edges('a-b b-c c-a'))!, [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)])
  })
  it('converges on bipartite graphs (a star)', () => {
    const ev = eigenvector(edges('c-a c-b c-d c-e'))!
    close([ev[0]!], [Math.SQRT1_2])
  })
  it('is undefined for acyclic digraphs and for two equal components', () => {
    expect(eigenvector(edges('a->b b->c', { directed: true }))).toBeNull()
    expect(eigenvector(edges('a-b c-d'))).toBeNull()
  })
  it('satisfies λx = Aᵀx on a random digraph', () => {
    const g = randomGraph(7, 25, 0.2, true)
    const x = eigenvector(g)!
    const y = new Float64Array(g.n)
    for (let e = 0; e < g.m; e++) y[g.tieTarget[e]!]! += x[g.tieSource[e]!]!
    let lambda = 0
    for (let i = 0; i < g.n; i++) lambda += y[i]! * x[i]!
    close(
      y,
      x.map((v) => v * lambda),
      1e-8,
    )
  })
  it('solves the PageRank equations', () => {
    const g = randomGraph(5, 20, 0.15, true)
    const pr = pagerank(g)
    let sum = 0
    for (const v of pr) sum += v
    expect(sum).toBeCloseTo(1, 12)
    // PR(v) = (1−α)/n + α(Σ_{u→v} PR(u)/out(u) + Σ_dangling PR(u)/n)
    const out = degree(g, { mode: 'out' })
    let dangling = 0
    for (let u = 0; u < g.n; u++) if (out[u] === 0) dangling += pr[u]!
    const rhs = new Float64Array(g.n).fill(0.15 / g.n + (0.85 * dangling) / g.n)
    for (let e = 0; e < g.m; e++) rhs[g.tieTarget[e]!]! += (0.85 * pr[g.tieSource[e]!]!) / out[g.tieSource[e]!]!
    close(pr, rhs, 1e-12)
  })
})

describe('clustering, cores, components, structural holes', () => {
  it('counts triangles on the skeleton', () => {
    const g = edges('a-b b-c c-a c-d')
    close(localClustering(g), [1, 1, 1 / 3, 0])
    expect(transitivity(g)).toBeCloseTo(3 / 5)
    expect(averageClustering(g)).toBeCloseTo((1 + 1 + 1 / 3) / 4)
    const d = edges('a->b b->c c->a', { directed: true })
    close(localClustering(d), [1, 1, 1])
  })
  it('peels k-cores', () => {
    expect(Array.from(coreness(edges('a-b b-c c-a c-d d-e')))).toEqual([2, 2, 2, 1, 1])
    expect(Array.from(coreness(edges('a-b a-c a-d b-c b-d c-d d-e')))).toEqual([3, 3, 3, 3, 1])
  })
  it('peels k-cores like the definition, level by level and past the bucket switch', () => {
    // reference: repeatedly remove a node of minimum remaining degree; its core is the running max
    const naive = (g: Graph): number[] => {
      const { offsets, targets } = g.skeleton()
      const deg = Array.from({ length: g.n }, (_, v) => offsets[v + 1]! - offsets[v]!)
      const gone = new Array<boolean>(g.n).fill(false)
      const core = new Array<number>(g.n).fill(0)
      let k = 0
      for (let step = 0; step < g.n; step++) {
        let v = -1
        for (let u = 0; u < g.n; u++) if (!gone[u] && (v < 0 || deg[u]! < deg[v]!)) v = u
        k = Math.max(k, deg[v]!)
        core[v] = k
        gone[v] = true
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) if (!gone[targets[e]!]) deg[targets[e]!]!--
      }
      return core
    }
    for (const [seed, n, p, directed] of [
      [1, 60, 0.1, false],
      [2, 80, 0.3, true],
      [3, 120, 0.05, false],
      [4, 40, 0.9, false],
    ] as const) {
      const g = randomGraph(seed, n, p, directed)
      expect(Array.from(coreness(g))).toEqual(naive(g))
    }
    // nested cliques K_2 … K_45 chained: 44 distinct core levels, more than the level scans
    const b = new NetworkBuilder({ directed: false })
    let base = 0
    for (let size = 2; size <= 45; size++) {
      for (let i = 0; i < size; i++) b.addNode(`c${size}_${i}`)
      for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) b.addTie(base + i, base + j)
      if (base > 0) b.addTie(base - 1, base)
      base += size
    }
    const nested = b.build().network.graph
    const cores = coreness(nested)
    expect(Array.from(cores)).toEqual(naive(nested))
    expect(new Set(cores).size).toBe(44)
  })
  it('finds weak and strong components', () => {
    const g = edges('a->b b->c c->a c->d e', { directed: true })
    expect(weakComponents(g).count).toBe(2)
    expect(strongComponents(g).count).toBe(3)
    expect(Array.from(strongComponents(g).membership)).toEqual([0, 0, 0, 1, 2])
  })
  it('numbers weak components by their first node, as a plain search does', () => {
    for (const [seed, n, p, directed] of [
      [5, 300, 0.004, false],
      [6, 300, 0.003, true],
      [7, 50, 0.2, true],
    ] as const) {
      const g = randomGraph(seed, n, p, directed)
      const want = new Array<number>(g.n).fill(-1)
      let count = 0
      for (let s = 0; s < g.n; s++) {
        if (want[s] !== -1) continue
        const todo = [s]
        want[s] = count
        while (todo.length) {
          const v = todo.pop()!
          const next = [
            ...g.outTargets.subarray(g.outOffsets[v]!, g.outOffsets[v + 1]!),
            ...g.inSources.subarray(g.inOffsets[v]!, g.inOffsets[v + 1]!),
          ]
          for (const w of next) {
            if (want[w] !== -1) continue
            want[w] = count
            todo.push(w)
          }
        }
        count++
      }
      const got = weakComponents(g)
      expect(got.count).toBe(count)
      expect(Array.from(got.membership)).toEqual(want)
      expect(count).toBeGreaterThan(directed && n === 50 ? 0 : 20) // sparse graphs: many parts
    }
  })
  it('computes Burt constraint and effective size', () => {
    // a star centre has no redundancy: constraint = Σ (1/k)², effective size = k
    const h = structuralHoles(edges('a-b a-c a-d x'))
    close([h.constraint[0]!, h.effectiveSize[0]!, h.efficiency[0]!], [3 / 9, 3, 1])
    expect(Number.isNaN(h.constraint[4]!)).toBe(true)
    // triangle: every alter redundant through the other: c = 2·(1/2 + 1/4)², size = 2 − 2·1/2 = 1
    const t = structuralHoles(edges('a-b b-c c-a'))
    close([t.constraint[0]!, t.effectiveSize[0]!], [2 * 0.75 ** 2, 1])
  })
  it('splits constraint into dyadic parts and measures hierarchy', () => {
    // i's alters a and b are tied; a also reaches x outside i's neighbourhood
    const g = edges('i-a i-b a-b a-x')
    const whole = structuralHoles(g)
    const d = dyadicConstraint(g, 0)
    expect(Array.from(d.alters)).toEqual([1, 2])
    close(d.values, [(1 / 2 + 1 / 4) ** 2, (1 / 2 + 1 / 6) ** 2])
    close([whole.constraint[0]!], [d.values[0]! + d.values[1]!])
    // hierarchy: Σ r ln r / (N ln N), r_j = c_ij / (C/N)
    const c = d.values[0]! + d.values[1]!
    const r = Array.from(d.values, (v) => v / (c / 2))
    close([whole.hierarchy[0]!], [(r[0]! * Math.log(r[0]!) + r[1]! * Math.log(r[1]!)) / (2 * Math.log(2))])
    // a star centre's alters weigh alike: no hierarchy; one neighbour: undefined
    expect(structuralHoles(edges('c-a c-b c-d')).hierarchy[0]).toBeCloseTo(0, 12)
    expect(Number.isNaN(whole.hierarchy[3]!)).toBe(true)
  })
  it('counts only ties inside the ego network in the ego model', () => {
    const g = edges('i-a i-b a-b a-x')
    // ego model: a invests half in b (its tie to x is outside i's neighbourhood)
    const ego = structuralHoles(g, { model: 'ego' })
    close([ego.constraint[0]!], [2 * 0.75 ** 2])
    close(dyadicConstraint(g, 0, { model: 'ego' }).values, [0.5625, 0.5625])
    expect(ego.constraint[0]!).toBeGreaterThan(structuralHoles(g).constraint[0]!)
  })
})
