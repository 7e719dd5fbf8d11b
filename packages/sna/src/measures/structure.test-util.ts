// Small helpers for checking the structure analyses by brute force: random graphs, dense matrices, enumerations.

import { NetworkBuilder } from '../builder.js'
import type { Graph } from '../graph.js'
import { rng } from './slow.test-util.js'

/** A G(n, p) graph from a seed; nodes n0..n{n−1} in that order, weights 1..4 when asked. */
export function randomGraph(seed: number, n: number, p: number, directed: boolean, weighted = false): Graph {
  const r = rng(seed)
  const b = new NetworkBuilder({ directed })
  for (let i = 0; i < n; i++) b.addNode(`n${i}`)
  for (let i = 0; i < n; i++)
    for (let j = directed ? 0 : i + 1; j < n; j++)
      if (i !== j && r() < p) b.addTie(i, j, weighted ? 1 + Math.floor(r() * 4) : 1)
  return b.build().network.graph
}

/** Binary adjacency a[i][j] = 1 when i→j (both cells for an undirected tie). */
export function adjacency(g: Graph): number[][] {
  const a = Array.from({ length: g.n }, () => new Array<number>(g.n).fill(0))
  for (let e = 0; e < g.m; e++) {
    a[g.tieSource[e]!]![g.tieTarget[e]!] = 1
    if (!g.directed) a[g.tieTarget[e]!]![g.tieSource[e]!] = 1
  }
  return a
}

/** Pearson correlation of two equally long lists; NaN when one is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length
  const mx = x.reduce((s, v) => s + v, 0) / n
  const my = y.reduce((s, v) => s + v, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let k = 0; k < n; k++) {
    sxy += (x[k]! - mx) * (y[k]! - my)
    sxx += (x[k]! - mx) ** 2
    syy += (y[k]! - my) ** 2
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN
}

/** Every subset of 0..n−1 as a sorted list. */
export function* allSubsets(n: number): Generator<number[]> {
  for (let mask = 0; mask < 1 << n; mask++) {
    const s: number[] = []
    for (let v = 0; v < n; v++) if (mask & (1 << v)) s.push(v)
    yield s
  }
}

/** Every assignment of n items to k labels (k^n of them). */
export function* allAssignments(n: number, k: number): Generator<number[]> {
  const a = new Array<number>(n).fill(0)
  for (;;) {
    yield [...a]
    let i = 0
    while (i < n && a[i] === k - 1) a[i++] = 0
    if (i === n) return
    a[i]!++
  }
}

/** Every permutation of 0..n−1. */
export function* allPermutations(n: number): Generator<number[]> {
  const rec = function* (prefix: number[], rest: number[]): Generator<number[]> {
    if (rest.length === 0) yield prefix
    for (let k = 0; k < rest.length; k++) yield* rec([...prefix, rest[k]!], [...rest.slice(0, k), ...rest.slice(k + 1)])
  }
  yield* rec([], [...Array(n).keys()])
}

/** Weak components of the nodes in `alive` (all when omitted) over ties in either direction. */
export function componentsOf(a: number[][], alive?: readonly number[]): number[][] {
  const nodes = alive ?? [...a.keys()]
  const inside = new Set(nodes)
  const seen = new Set<number>()
  const out: number[][] = []
  for (const s of nodes) {
    if (seen.has(s)) continue
    const comp = [s]
    seen.add(s)
    for (let k = 0; k < comp.length; k++) {
      const u = comp[k]!
      for (const v of nodes)
        if (inside.has(v) && !seen.has(v) && (a[u]![v] || a[v]![u])) {
          seen.add(v)
          comp.push(v)
        }
    }
    out.push(comp.sort((x, y) => x - y))
  }
  return out
}

/** Sorted copy of a list of node sets, for comparing families of sets. */
export function sortSets(sets: readonly (readonly number[])[]): string[] {
  return sets.map((s) => [...s].sort((x, y) => x - y).join(',')).sort()
}
