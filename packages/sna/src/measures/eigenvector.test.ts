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

/** Dominant eigenvector of a small symmetric matrix by cyclic Jacobi rotations (the textbook dense method). */
function denseDominant(a: number[][]): number[] {
  const n = a.length
  const m = a.map((row) => row.slice())
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)))
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2
    if (off < 1e-30) break
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p]![q]!) < 1e-300) continue
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * m[p]![q]!)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!
          const mkq = m[k]![q]!
          m[k]![p] = c * mkp - s * mkq
          m[k]![q] = s * mkp + c * mkq
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!
          const mqk = m[q]![k]!
          m[p]![k] = c * mpk - s * mqk
          m[q]![k] = s * mpk + c * mqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!
          const vkq = v[k]![q]!
          v[k]![p] = c * vkp - s * vkq
          v[k]![q] = s * vkp + c * vkq
        }
      }
    }
  }
  let best = 0
  for (let i = 1; i < n; i++) if (m[i]![i]! > m[best]![best]!) best = i
  const x = v.map((row) => row[best]!)
  const sign = x.reduce((s, y) => s + y, 0) < 0 ? -1 : 1
  return x.map((y) => sign * y)
}

describe('eigenvector on undirected graphs (Lanczos) against dense and analytic solutions', () => {
  it('agrees with a dense Jacobi solve on random connected graphs', () => {
    let seed = 7
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (const [n, p] of [
      [12, 0.3],
      [25, 0.15],
      [40, 0.1],
      [30, 0.5],
    ] as const) {
      const a = Array.from({ length: n }, () => new Array<number>(n).fill(0))
      const b = new NetworkBuilder({ directed: false })
      for (let i = 0; i < n; i++) b.addNode(`v${i}`)
      for (let i = 0; i + 1 < n; i++) {
        // a path keeps it connected; random chords on top
        a[i]![i + 1] = a[i + 1]![i] = 1
        b.addTie(i, i + 1)
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (rnd() < p) {
            a[i]![j] = a[j]![i] = 1
            b.addTie(i, j)
          }
        }
      }
      const x = eigenvector(b.build().network.graph)!
      const want = denseDominant(a)
      for (let v = 0; v < n; v++) expect(x[v]).toBeCloseTo(want[v]!, 11)
    }
  })

  it('a 60 × 60 grid (second eigenvalue within 0.2 % of the first) matches the sine product', () => {
    const w = 60
    const b = new NetworkBuilder({ directed: false })
    for (let i = 0; i < w * w; i++) b.addNode(`v${i}`)
    for (let r = 0; r < w; r++) {
      for (let c = 0; c < w; c++) {
        if (c + 1 < w) b.addTie(r * w + c, r * w + c + 1)
        if (r + 1 < w) b.addTie(r * w + c, (r + 1) * w + c)
      }
    }
    const x = eigenvector(b.build().network.graph)!
    let norm = 0
    const want: number[] = []
    for (let r = 0; r < w; r++) {
      for (let c = 0; c < w; c++) {
        const y = Math.sin(((r + 1) * Math.PI) / (w + 1)) * Math.sin(((c + 1) * Math.PI) / (w + 1))
        want.push(y)
        norm += y * y
      }
    }
    norm = Math.sqrt(norm)
    for (let v = 0; v < w * w; v++) expect(Math.abs(x[v]! - want[v]! / norm)).toBeLessThan(1e-9)
  })

  it('regular graphs (the start vector is already the answer) and a dominant component beside isolates', () => {
    const k5 = eigenvector(edges('a-b a-c a-d a-e b-c b-d b-e c-d c-e d-e'))!
    for (let v = 0; v < 5; v++) expect(k5[v]).toBeCloseTo(1 / Math.sqrt(5), 14)
    // a star of 4 leaves (λ₁ = 2) beside an edge (λ₁ = 1) and an isolate
    const x = eigenvector(edges('h-a h-b h-c h-d p-q z'))!
    expect(x[0]).toBeCloseTo(Math.SQRT1_2, 12)
    for (const v of [1, 2, 3, 4]) expect(x[v]).toBeCloseTo(Math.SQRT1_2 / 2, 12)
    for (const v of [5, 6, 7]) expect(x[v]).toBe(0)
  })
})

describe('eigenvector on directed graphs (restarted Arnoldi) against power iteration', () => {
  it('agrees on random digraphs with several strongly connected parts, and on periodic ones', () => {
    let seed = 11
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (const [n, p] of [
      [30, 0.08],
      [60, 0.05],
      [80, 0.04],
      [120, 0.03],
    ] as const) {
      const b = new NetworkBuilder({ directed: true })
      for (let i = 0; i < n; i++) b.addNode(`v${i}`)
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rnd() < p) b.addTie(i, j)
      const g = b.build().network.graph
      const fast = eigenvector(g)
      const slow = eigenvector(g, { tolerance: 1e-16 }) // another tolerance: power iteration
      if (slow === null) {
        expect(fast).toBeNull()
        continue
      }
      for (let v = 0; v < n; v++) expect(Math.abs(fast![v]! - slow[v]!)).toBeLessThan(1e-9)
    }
    // a directed 6-cycle with a 3-cycle chord structure: period 3, eigenvalues of equal modulus around λ₁
    const periodic = eigenvector(edges('a->b b->c c->a c->d d->e e->f f->a', { directed: true }))!
    const slow = eigenvector(edges('a->b b->c c->a c->d d->e e->f f->a', { directed: true }), { tolerance: 1e-16 })!
    for (let v = 0; v < 6; v++) expect(periodic[v]).toBeCloseTo(slow[v]!, 9)
  })
  it('runs on the dominant part and what it reaches only: 0 upstream, agreement downstream', () => {
    // a dense random strongly connected core (a cycle through it plus chords), an upstream
    // chain feeding it, a downstream tree and a weaker separate cycle it reaches
    let seed = 5
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const core = 200
    const n = core + 150
    const b = new NetworkBuilder({ directed: true })
    for (let i = 0; i < n; i++) b.addNode(`v${i}`)
    for (let i = 0; i < core; i++) b.addTie(i, (i + 1) % core)
    for (let k = 0; k < 6 * core; k++) {
      const u = Math.floor(rnd() * core)
      const v = Math.floor(rnd() * core)
      if (u !== v) b.addTie(u, v)
    }
    for (let i = core; i < core + 50; i++) b.addTie(i, i + 1 < core + 50 ? i + 1 : 0) // upstream chain
    for (let i = core + 50; i < core + 140; i++) b.addTie(Math.floor(rnd() * (i - 50)) % core, i) // downstream
    for (let i = core + 140; i < n; i++) b.addTie(i, i + 1 < n ? i + 1 : core + 140) // a 10-cycle
    b.addTie(3, core + 140)
    const g = b.build().network.graph
    const fast = eigenvector(g)!
    const slow = eigenvector(g, { tolerance: 1e-16 })!
    for (let v = core; v < core + 50; v++) expect(fast[v]).toBe(0)
    let norm = 0
    for (let v = 0; v < n; v++) {
      expect(Math.abs(fast[v]! - slow[v]!)).toBeLessThan(1e-12)
      expect(fast[v]).toBeGreaterThanOrEqual(0)
      norm += fast[v]! ** 2
    }
    expect(norm).toBeCloseTo(1, 14)
    for (let v = core + 50; v < n; v++) expect(fast[v]).toBeGreaterThan(0)
  })

  it('agrees with power iteration on a larger strongly connected digraph (several Ritz checks)', () => {
    let seed = 3
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const n = 2000
    const b = new NetworkBuilder({ directed: true })
    for (let i = 0; i < n; i++) b.addNode(`v${i}`)
    for (let i = 0; i < n; i++) b.addTie(i, (i + 1) % n)
    for (let k = 0; k < 2 * n; k++) {
      // preferential-ish: low indices more often, as in the benchmark's digraph
      const u = Math.floor(rnd() * rnd() * n)
      const v = Math.floor(rnd() * n)
      if (u !== v) b.addTie(v, u)
    }
    const g = b.build().network.graph
    const fast = eigenvector(g)!
    const slow = eigenvector(g, { tolerance: 1e-16 })!
    for (let v = 0; v < n; v++) expect(Math.abs(fast[v]! - slow[v]!)).toBeLessThan(1e-12)
  })
})
