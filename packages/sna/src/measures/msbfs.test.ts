// The multi-source BFS sweep (distances only) against the one-source-at-a-time Brandes sweep,
// which computes the same distance sums on its own path.

import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { assemble } from '../../scripts/wasm.mjs'
import { multiSourceKernel, type MultiSourceTuning } from './msbfs.js'
import { MSBFS_WASM } from './msbfsWasm.js'
import { pathSweep, type PathSweepResult } from './paths.js'
import { randomGraph } from './structure.test-util.js'

/** A path of n nodes: one long chain, many levels per batch. */
function path(n: number, directed: boolean): Graph {
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`p${i}`)
  for (let i = 0; i + 1 < n; i++) b.addTie(i, i + 1)
  return b.build().network.graph
}

/** Equal to 1e-12 relative (harmonic sums add the same terms in another order). */
function near(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)))
}

function same(g: Graph, sources?: number[], relabel?: boolean): void {
  const fast = pathSweep(g, { betweenness: false, sources, relabel })
  const slow = pathSweep(g, { betweenness: true, sources, relabel })
  for (const key of ['outDistanceSum', 'outReach', 'inDistanceSum', 'inReach'] as const) {
    expect(Array.from(fast[key]), key).toEqual(Array.from(slow[key]))
  }
  for (const key of ['outHarmonic', 'inHarmonic'] as const) {
    for (let v = 0; v < g.n; v++) expect(fast[key][v]!).toBeCloseTo(slow[key][v]!, 12)
  }
  expect(fast.diameter).toBe(slow.diameter)
  expect(fast.reachablePairs).toBe(slow.reachablePairs)
  expect(fast.distanceSum).toBe(slow.distanceSum)
}

describe('multi-source BFS sweep', () => {
  it('equals the classic sweep on random graphs, directed and undirected, sparse and dense', () => {
    for (const [seed, n, p, directed] of [
      [1, 70, 0.05, false],
      [2, 70, 0.05, true],
      [3, 100, 0.015, false], // many components
      [4, 100, 0.02, true],
      [5, 40, 0.5, true],
      [6, 33, 0.2, false], // one full batch and one source more
    ] as const) {
      const g = randomGraph(seed, n, p, directed)
      same(g)
      same(g, undefined, true)
    }
  })
  it('handles long paths (many levels) and chosen sources, repeated ones included', () => {
    same(path(200, false))
    same(path(150, true))
    const g = randomGraph(9, 90, 0.04, true)
    same(
      g,
      [
        5, 5, 7, 80, 3, 3, 3, 12, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
        61, 62, 63, 64, 0,
      ],
    )
    // a path has no shortcut: the far end is at distance n − 1
    expect(pathSweep(path(200, false), { betweenness: false }).diameter).toBe(199)
  })
  it('gives the same sums pushing, pulling or switching, partial batches included', () => {
    // sizes that leave partial words and partial batches; a graph with isolated nodes and a
    // long tail (many levels), and a dense directed one (saturation within a few levels)
    expect(WebAssembly.validate(Uint8Array.from(atob(MSBFS_WASM), (c) => c.charCodeAt(0)))).toBe(true)
    const graphs = [
      randomGraph(11, 300, 0.012, false),
      randomGraph(12, 260, 0.01, true),
      randomGraph(13, 120, 0.3, true),
      randomGraph(14, 700, 0.005, false), // two full batches of 256 and a partial one
    ]
    const tunings: MultiSourceTuning[] = [
      { pullRatio: 0 },
      { pullRatio: 0, wasm: false },
      { pullRatio: Infinity },
      { pullRatio: 0.2 },
      { pullRatio: 0.2, wasm: false },
      { pullRatio: 1 },
    ]
    for (const g of graphs) {
      const slow = pathSweep(g, { betweenness: true, relabel: false })
      for (const tuning of tunings) {
        const res: PathSweepResult = {
          betweenness: null,
          inDistanceSum: new Float64Array(g.n),
          inReach: new Float64Array(g.n),
          inHarmonic: new Float64Array(g.n),
          outDistanceSum: new Float64Array(g.n),
          outReach: new Float64Array(g.n),
          outHarmonic: new Float64Array(g.n),
          diameter: 0,
          reachablePairs: 0,
          distanceSum: 0,
        }
        multiSourceKernel(g, tuning)(res, null, 0, g.n, g.n, undefined)
        const what = `${g.n} nodes, ${JSON.stringify(tuning)}`
        expect(Array.from(res.outDistanceSum), what).toEqual(Array.from(slow.outDistanceSum))
        expect(Array.from(res.outReach), what).toEqual(Array.from(slow.outReach))
        if (g.directed) {
          expect(Array.from(res.inDistanceSum), what).toEqual(Array.from(slow.inDistanceSum))
          expect(Array.from(res.inReach), what).toEqual(Array.from(slow.inReach))
          for (let v = 0; v < g.n; v++) near(res.inHarmonic[v]!, slow.inHarmonic[v]!)
        }
        for (let v = 0; v < g.n; v++) near(res.outHarmonic[v]!, slow.outHarmonic[v]!)
        expect(res.diameter, what).toBe(slow.diameter)
        expect(res.reachablePairs, what).toBe(slow.reachablePairs)
      }
    }
  })
  it('carries the bytes of msbfs.wat as assembled (run `npm run wasm -w @cosafe/sna` after editing it)', async () => {
    const wat = fileURLToPath(new URL('./msbfs.wat', import.meta.url))
    expect(readFileSync(wat, 'utf8')).toContain('(func (export "pull")')
    expect((await assemble(wat)).toString('base64')).toBe(MSBFS_WASM)
  })
})
