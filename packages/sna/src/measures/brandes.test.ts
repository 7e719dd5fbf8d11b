// The Brandes kernel in WebAssembly (brandes.wat) against the same kernel in JavaScript, and
// both against betweenness counted pair by pair from all-pairs distances and path counts.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { assemble } from '../../scripts/wasm.mjs'
import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { brandesKernel, type BrandesTuning } from './brandes.js'
import { BRANDES_WASM } from './brandesWasm.js'
import type { PathSweepResult } from './paths.js'
import { rng } from './slow.test-util.js'

function randomGraph(seed: number, n: number, p: number, directed: boolean): Graph {
  const r = rng(seed)
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  for (let i = 0; i < n; i++) for (let j = directed ? 0 : i + 1; j < n; j++) if (i !== j && r() < p) b.addTie(i, j)
  return b.build().network.graph
}

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

/** Betweenness (ordered pairs) from all-pairs BFS: Σ σ_sv·σ_vt/σ_st over s ≠ v ≠ t with d(s,v) + d(v,t) = d(s,t). */
function pairwise(g: Graph): Float64Array {
  const n = g.n
  const dist = Array.from({ length: n }, () => new Int32Array(n).fill(-1))
  const sigma = Array.from({ length: n }, () => new Float64Array(n))
  for (let s = 0; s < n; s++) {
    const d = dist[s]!
    const sg = sigma[s]!
    d[s] = 0
    sg[s] = 1
    const queue = [s]
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!
      for (let e = g.outOffsets[v]!; e < g.outOffsets[v + 1]!; e++) {
        const w = g.outTargets[e]!
        if (d[w]! < 0) {
          d[w] = d[v]! + 1
          queue.push(w)
        }
        if (d[w] === d[v]! + 1) sg[w]! += sg[v]!
      }
    }
  }
  const bc = new Float64Array(n)
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      if (s === t || dist[s]![t]! < 0) continue
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || dist[s]![v]! < 0 || dist[v]![t]! < 0) continue
        if (dist[s]![v]! + dist[v]![t]! === dist[s]![t]!) bc[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!
      }
    }
  return bc
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
      const want = pairwise(g)
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
