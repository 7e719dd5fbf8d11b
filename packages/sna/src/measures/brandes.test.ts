// The Brandes kernel in WebAssembly (brandes.wat) against the same kernel in JavaScript, and
// both against betweenness straight from its definition (slowBetweenness).

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { assemble } from '../../scripts/wasm.mjs'
import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { brandesKernel, type BrandesTuning } from './brandes.js'
import { BRANDES_WASM } from './brandesWasm.js'
import type { PathSweepResult } from './paths.js'
import { slowBetweenness } from './slow.test-util.js'
import { randomGraph } from './structure.test-util.js'

function sweep(g: Graph, tuning: BrandesTuning, sources: Int32Array | null, from = 0, to = g.n): PathSweepResult {
  const res: PathSweepResult = {
    betweenness: new Float64Array(g.n),
    inDistanceSum: new Float64Array(g.directed ? g.n : 0),
    inReach: new Float64Array(g.directed ? g.n : 0),
    inHarmonic: new Float64Array(g.directed ? g.n : 0),
    outDistanceSum: new Float64Array(g.n),
    outReach: new Float64Array(g.n),
    outHarmonic: new Float64Array(g.n),
    diameter: 0,
    reachablePairs: 0,
    distanceSum: 0,
  }
  const progress: number[] = []
  brandesKernel(g, tuning)(res, sources, from, to, to, (done) => progress.push(done))
  expect(progress.length).toBeGreaterThan(0)
  return res
}

describe('Brandes kernel', () => {
  it('gives identical numbers in WebAssembly and in JavaScript, directed and undirected', () => {
    expect(WebAssembly.validate(Uint8Array.from(atob(BRANDES_WASM), (c) => c.charCodeAt(0)))).toBe(true)
    for (const [seed, n, p, directed] of [
      [1, 120, 0.04, false],
      [2, 120, 0.03, true],
      [3, 150, 0.008, false], // many components and isolated nodes
      [4, 60, 0.4, true],
    ] as const) {
      const g = randomGraph(seed, n, p, directed)
      const sources = Int32Array.from([5, 5, 0, n - 1, 17, 3, 3, 40, 41, 42])
      for (const [src, from, to] of [
        [null, 0, n],
        [null, 10, n - 5],
        [sources, 0, sources.length],
      ] as const) {
        const a = sweep(g, {}, src, from, to)
        const b = sweep(g, { wasm: false }, src, from, to)
        const what = `seed ${seed}, sources ${src ? 'chosen' : `${from}..${to}`}`
        for (const key of [
          'betweenness',
          'outDistanceSum',
          'outReach',
          'outHarmonic',
          'inDistanceSum',
          'inReach',
          'inHarmonic',
        ] as const) {
          expect(Array.from(a[key]!), `${what}: ${key}`).toEqual(Array.from(b[key]!))
        }
        expect(a.diameter, what).toBe(b.diameter)
        expect(a.reachablePairs, what).toBe(b.reachablePairs)
        expect(a.distanceSum, what).toBe(b.distanceSum)
      }
    }
  })
  it('equals betweenness counted pair by pair, and its distance sums', () => {
    for (const [seed, n, p, directed] of [
      [5, 40, 0.1, false],
      [6, 40, 0.08, true],
      [7, 45, 0.03, false],
    ] as const) {
      const g = randomGraph(seed, n, p, directed)
      // the kernel sums ordered pairs; slowBetweenness halves undirected graphs
      const want = slowBetweenness(g).map((x) => (directed ? x : 2 * x))
      for (const tuning of [{}, { wasm: false }]) {
        const res = sweep(g, tuning, null)
        for (let v = 0; v < n; v++) expect(res.betweenness![v]!).toBeCloseTo(want[v]!, 9)
      }
    }
    // a star's centre lies on every path between two leaves: 8 · 7 ordered pairs
    const b = new NetworkBuilder({ directed: false })
    for (let i = 1; i < 9; i++) b.addTie('hub', `leaf${i}`)
    const star = b.build().network.graph
    const res = sweep(star, {}, null)
    expect(res.betweenness![0]).toBe(8 * 7)
    expect(res.diameter).toBe(2)
    expect(res.reachablePairs).toBe(9 * 8)
    expect(res.distanceSum).toBe(8 + 8 * (1 + 7 * 2))
  })
  it('keeps no state between calls: each block sums from zero', () => {
    const g = randomGraph(8, 90, 0.05, false)
    const kernel = brandesKernel(g)
    const run = (): Float64Array => {
      const res = sweep(g, {}, null)
      const again: PathSweepResult = { ...res, betweenness: new Float64Array(g.n) }
      kernel(again, null, 0, g.n, g.n, undefined)
      kernel(again, null, 0, 0, g.n, undefined)
      expect(Array.from(again.betweenness!)).toEqual(Array.from(res.betweenness!))
      return again.betweenness!
    }
    run()
    expect(Array.from(run())).toEqual(Array.from(sweep(g, { wasm: false }, null).betweenness!))
  })
  it('carries the bytes of brandes.wat as assembled (run `npm run wasm -w @cosafe/sna` after editing it)', async () => {
    const wat = fileURLToPath(new URL('./brandes.wat', import.meta.url))
    expect(readFileSync(wat, 'utf8')).toContain('(func (export "source")')
    expect((await assemble(wat)).toString('base64')).toBe(BRANDES_WASM)
  })
})
