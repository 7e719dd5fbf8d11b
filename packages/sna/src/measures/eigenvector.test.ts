import { describe, expect, it } from 'vitest'
import { edges, NetworkBuilder } from '../builder.js'
import { eigenvector } from './eigenvector.js'

describe('eigenvector against analytic vectors', () => {
  it('a path (bipartite, one component) gives sin(kπ/(n+1)), normalised', () => {
    const n = 12
    const b = new NetworkBuilder({ directed: false })
    for (let i = 0; i < n; i++) b.addNode(`v${i}`)
    for (let i = 0; i + 1 < n; i++) b.addTie(i, i + 1)
    const x = eigenvector(b.build().network.graph)!
    const want = Array.from({ length: n }, (_, k) => Math.sin(((k + 1) * Math.PI) / (n + 1)))
    const norm = Math.hypot(...want)
    for (let k = 0; k < n; k++) expect(x[k]).toBeCloseTo(want[k]! / norm, 12)
  })

  it('a 6 × 5 grid (bipartite) gives the product of the two paths’ sine vectors', () => {
    const w = 6
    const h = 5
    const b = new NetworkBuilder({ directed: false })
    for (let i = 0; i < w * h; i++) b.addNode(`v${i}`)
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        if (c + 1 < w) b.addTie(r * w + c, r * w + c + 1)
        if (r + 1 < h) b.addTie(r * w + c, (r + 1) * w + c)
      }
    }
    const x = eigenvector(b.build().network.graph)!
    const want: number[] = []
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++)
        want.push(Math.sin(((r + 1) * Math.PI) / (h + 1)) * Math.sin(((c + 1) * Math.PI) / (w + 1)))
    }
    const norm = Math.hypot(...want)
    for (let v = 0; v < w * h; v++) expect(x[v]).toBeCloseTo(want[v]! / norm, 12)
  })

  it('two components: the one with the larger λ₁ carries the vector, the other is 0', () => {
    const x = eigenvector(edges('a-b b-c c-a p-q q-r r-s s-p p-r q-s'))!
    for (const v of [0, 1, 2]) expect(x[v]).toBe(0)
    for (const v of [3, 4, 5, 6]) expect(x[v]).toBeCloseTo(0.5, 12)
  })

  it('two components with the same λ₁: undefined', () => {
    expect(eigenvector(edges('a-b b-c c-a p-q q-r r-p'))).toBeNull()
  })

  it('a directed graph with a single cycle among acyclic arcs: only the cycle and what it reaches score', () => {
    // cycle a→b→c→a (λ₁ = 1), d→a feeds it (d not reached), c→e is reached
    const x = eigenvector(edges('a->b b->c c->a d->a c->e', { directed: true }))!
    expect(x[3]).toBe(0) // d
    expect(x[0]).toBeCloseTo(x[1]!, 12)
    expect(x[4]).toBeCloseTo(x[2]!, 12)
    expect(x[0]! ** 2 * 3 + x[4]! ** 2).toBeCloseTo(1, 12)
  })

  it('acyclic digraph: undefined', () => {
    expect(eigenvector(edges('a->b b->c a->c', { directed: true }))).toBeNull()
  })
})
