import { describe, expect, it } from 'vitest'
import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { pagerank } from './pagerank.js'

/** Dense PageRank by the definition (METRICS.md), solved directly: (I − αPᵀ)x = (1−α)/n·1 with dangling rows uniform, by Gaussian elimination. */
function densePagerank(n: number, arcs: [number, number, number][], alpha: number, weighted: boolean): number[] {
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (const [u, v, w] of arcs) out[u]![v]! += weighted ? w : 1
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0))
  for (let v = 0; v < n; v++) {
    a[v]![v] = 1
    a[v]![n] = (1 - alpha) / n
  }
  for (let u = 0; u < n; u++) {
    const s = out[u]!.reduce((x, y) => x + y, 0)
    for (let v = 0; v < n; v++) a[v]![u]! -= alpha * (s > 0 ? out[u]![v]! / s : 1 / n)
  }
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r
    ;[a[c], a[p]] = [a[p]!, a[c]!]
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = a[r]![c]! / a[c]![c]!
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!
    }
  }
  const x = a.map((row, i) => row[n]! / row[i]!)
  const sum = x.reduce((s, y) => s + y, 0)
  return x.map((y) => y / sum)
}

function randomDigraph(n: number, p: number, seed: number): { g: Graph; arcs: [number, number, number][] } {
  let s = seed >>> 0
  const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const b = new NetworkBuilder({ directed: true })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  const arcs: [number, number, number][] = []
  for (let u = 0; u < n; u++) {
    // every fourth node has no out-ties: dangling
    if (u % 4 === 3) continue
    for (let v = 0; v < n; v++) {
      if (u !== v && rand() < p) {
        const w = 1 + Math.floor(rand() * 5)
        arcs.push([u, v, w])
        b.addTie(u, v, w)
      }
    }
  }
  return { g: b.build().network.graph, arcs }
}

describe('pagerank against a dense solve', () => {
  it.each([
    [false, 0.85],
    [true, 0.85],
    [false, 0.5],
  ])('random digraph with dangling nodes (weighted %s, α %s)', (weighted, alpha) => {
    const { g, arcs } = randomDigraph(40, 0.08, 12345)
    const got = pagerank(g, { weight: weighted, alpha })
    const want = densePagerank(40, arcs, alpha, weighted)
    let total = 0
    for (let v = 0; v < 40; v++) {
      expect(Math.abs(got[v]! - want[v]!)).toBeLessThan(1e-12)
      total += got[v]!
    }
    expect(total).toBeCloseTo(1, 12)
    // the dangling nodes do not all score alike: the test exercises real structure
    expect(Math.max(...got) / Math.min(...got)).toBeGreaterThan(1.5)
  })
})
