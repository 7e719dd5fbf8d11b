// Seeded test graphs large enough for parallel sweeps (2,048 nodes or more): preferential attachment, with direction, weights and pieces.

import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { mulberry32 } from '../random.js'

export interface TestGraphOptions {
  directed?: boolean
  /** Integer weights 1..4 (tie lengths 1, 1/2, 1/3, 1/4: many equal-length paths). */
  weighted?: boolean
  /** Split the nodes into this many separate pieces (default 1). */
  pieces?: number
  /** Nodes left without ties (default 0). */
  isolates?: number
}

/**
 * A Barabási–Albert-like graph (m = 3 ties per new node, drawn by degree) from a seed.
 * Directed graphs point each tie either way at random.
 */
export function preferentialGraph(n: number, seed: number, opts: TestGraphOptions = {}): Graph {
  const r = mulberry32(seed)
  const b = new NetworkBuilder({ directed: opts.directed === true })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  const pieces = opts.pieces ?? 1
  const connected = n - (opts.isolates ?? 0)
  for (let p = 0; p < pieces; p++) {
    const lo = Math.floor((p * connected) / pieces)
    const hi = Math.floor(((p + 1) * connected) / pieces)
    const ends: number[] = []
    const tie = (u: number, v: number): void => {
      const flip = opts.directed && r() < 0.5
      b.addTie(flip ? v : u, flip ? u : v, opts.weighted ? 1 + Math.floor(r() * 4) : 1)
      ends.push(u, v)
    }
    for (let u = lo; u < Math.min(lo + 4, hi); u++) for (let v = u + 1; v < Math.min(lo + 4, hi); v++) tie(u, v)
    for (let v = lo + 4; v < hi; v++) {
      const chosen = new Set<number>()
      while (chosen.size < 3) chosen.add(ends[Math.floor(r() * ends.length)]!)
      for (const u of chosen) tie(u, v)
    }
  }
  return b.build().network.graph
}
