// Parallel sweeps give exactly the single-threaded numbers (toEqual on the Float64Arrays: same bits, no tolerance).
//
// The workers run the compiled kernel from dist (`npm test` builds first).

import { afterAll, describe, expect, it } from 'vitest'
import { analyze } from '../analyze.js'
import type { Graph } from '../graph.js'
import {
  betweenness,
  closeness,
  harmonicCloseness,
  pathSweep,
  planPathSweep,
  type PathSweepOptions,
} from '../measures/paths.js'
import { randomGraph } from '../measures/structure.test-util.js'
import { preferentialGraph } from './graphs.test-util.js'
import {
  analyzeInParallel,
  closeSweepWorkers,
  parallelBetweenness,
  parallelCloseness,
  parallelHarmonicCloseness,
  parallelPathSweep,
  sweepThreads,
} from './index.js'

afterAll(() => closeSweepWorkers())

describe('parallelPathSweep', () => {
  const cases: [string, () => Graph, PathSweepOptions, number[]][] = [
    ['undirected, 3,000 nodes', () => preferentialGraph(3000, 1), {}, [2, 3]],
    ['undirected, 4,500 nodes (renumbered for locality)', () => preferentialGraph(4500, 2), {}, [2]],
    [
      'directed, weighted, in 3 pieces with isolates',
      () => preferentialGraph(2500, 3, { directed: true, weighted: true, pieces: 3, isolates: 40 }),
      { weight: true },
      [2, 3],
    ],
    ['undirected, weighted', () => preferentialGraph(2100, 4, { weighted: true }), { weight: true }, [2]],
    [
      'directed, distances only',
      () => preferentialGraph(2600, 5, { directed: true, pieces: 2 }),
      { betweenness: false },
      [2, 5],
    ],
  ]
  for (const [name, graph, opts, threadCounts] of cases) {
    it(`equals pathSweep: ${name}`, async () => {
      const g = graph()
      const one = pathSweep(g, opts)
      for (const threads of threadCounts) expect(await parallelPathSweep(g, { ...opts, threads })).toEqual(one)
    })
  }
  it('equals pathSweep on a list of sources, in the caller’s numbering', async () => {
    const g = preferentialGraph(5000, 6, { directed: true })
    const sources = Array.from({ length: 2100 }, (_, k) => (k * 7919) % g.n)
    expect(await parallelPathSweep(g, { sources, threads: 2 })).toEqual(pathSweep(g, { sources }))
  })
  it('reports progress up to the number of sources', async () => {
    const g = preferentialGraph(2048, 7)
    const seen: number[] = []
    await parallelPathSweep(g, { betweenness: false, threads: 2, onProgress: (d, t) => seen.push(d / t) })
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(1)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })
  it('stays on one thread below 2,048 sources, and checks the thread count', async () => {
    const small = randomGraph(1, 60, 0.1, true, true)
    expect(sweepThreads(small)).toBe(1)
    expect(sweepThreads(small, { threads: 8 })).toBe(1)
    expect(await parallelPathSweep(small, { weight: true, threads: 2 })).toEqual(pathSweep(small, { weight: true }))
    const big = preferentialGraph(2048, 8)
    // sweepThreads predicts planPathSweep's blocks: one below 2,048 sources, 128 from there
    expect(planPathSweep(preferentialGraph(2047, 8), { relabel: false }).blockStarts.length).toBe(2)
    expect(planPathSweep(big, { relabel: false }).blockStarts.length).toBe(129)
    expect(sweepThreads(big, { threads: 3 })).toBe(3)
    expect(sweepThreads(big, { threads: 1 })).toBe(1)
    expect(sweepThreads(big)).toBeGreaterThanOrEqual(1)
    expect(() => sweepThreads(big, { threads: -1 })).toThrow(RangeError)
    expect(() => sweepThreads(big, { threads: 1.5 })).toThrow(RangeError)
  })
  it('reuses its workers across calls and starts new ones after closeSweepWorkers', async () => {
    const g = preferentialGraph(2100, 9)
    const want = pathSweep(g, { betweenness: false })
    expect(await parallelPathSweep(g, { betweenness: false, threads: 2 })).toEqual(want)
    // concurrent calls queue behind each other on the same pool
    const both = await Promise.all([
      parallelPathSweep(g, { betweenness: false, threads: 2 }),
      parallelPathSweep(g, { betweenness: false, threads: 2 }),
    ])
    expect(both[0]).toEqual(want)
    expect(both[1]).toEqual(want)
    await closeSweepWorkers()
    expect(await parallelPathSweep(g, { betweenness: false, threads: 2 })).toEqual(want)
  })
})

describe('parallel measures', () => {
  const g = preferentialGraph(2100, 10, { directed: true, weighted: true })
  it('betweenness equals the single-threaded one, raw and normalised, with and without weights', async () => {
    expect(await parallelBetweenness(g, { threads: 2 })).toEqual(betweenness(g))
    expect(await parallelBetweenness(g, { weight: true, normalized: true, threads: 2 })).toEqual(
      betweenness(g, { weight: true, normalized: true }),
    )
  })
  it('closeness and harmonic closeness equal the single-threaded ones, in and out', async () => {
    for (const [weight, mode] of [
      [false, 'in'],
      [true, 'out'],
    ] as const) {
      expect(await parallelCloseness(g, { weight, mode, threads: 2 })).toEqual(closeness(g, { weight, mode }))
      expect(await parallelHarmonicCloseness(g, { weight, mode, threads: 2 })).toEqual(
        harmonicCloseness(g, { weight, mode }),
      )
    }
  })
  it('analyzeInParallel equals analyze', async () => {
    expect(await analyzeInParallel(g, { threads: 2 })).toEqual(analyze(g))
    const only = ['betweenness', 'diameter']
    expect(await analyzeInParallel(g, { measures: only, threads: 2 })).toEqual(analyze(g, { measures: only }))
  })
})
