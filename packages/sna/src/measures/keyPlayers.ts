// Key players (Borgatti 2006): 关键行动者 — the set of k actors whose removal fragments the network most, or who reach the most others.
//
// Fragmentation goal (KPP-Neg): remove S and measure F = 1 − Σ_c s_c(s_c − 1) / (n'(n' − 1)) over
// the components c of what remains (n' = n − k nodes); higher = more fragmented. Reach goal
// (KPP-Pos): distance-weighted reach of S, R = Σ_{v∉S} 1/d(S, v) / (n − k), d(S, v) = distance
// from the nearest member (0 contribution when unreachable); higher = S reaches the others
// sooner. Both on the undirected skeleton. Selection: greedy (add the node that helps most),
// then swaps of a member for an outsider while the score improves — Borgatti's optimisation,
// deterministic (ties go to the lower index).

import type { Graph } from '../graph.js'

export interface KeyPlayers {
  /** Chosen node indices, ascending. */
  set: number[]
  score: number
}

function fragmentation(g: Graph, removed: Uint8Array, scratch: Int32Array, stack: Int32Array): number {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  scratch.fill(-1)
  let remaining = 0
  let pairs = 0
  for (let s = 0; s < n; s++) {
    if (removed[s] || scratch[s] !== -1) continue
    let size = 0
    let sp = 0
    stack[sp++] = s
    scratch[s] = s
    while (sp > 0) {
      const v = stack[--sp]!
      size++
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!
        if (!removed[w] && scratch[w] === -1) {
          scratch[w] = s
          stack[sp++] = w
        }
      }
    }
    remaining += size
    pairs += size * (size - 1)
  }
  return remaining > 1 ? 1 - pairs / (remaining * (remaining - 1)) : 0
}

function reach(g: Graph, chosen: Uint8Array, dist: Int32Array, queue: Int32Array, k: number): number {
  const { offsets, targets } = g.skeleton()
  const n = g.n
  dist.fill(-1)
  let tail = 0
  for (let v = 0; v < n; v++)
    if (chosen[v]) {
      dist[v] = 0
      queue[tail++] = v
    }
  let head = 0
  let sum = 0
  while (head < tail) {
    const v = queue[head++]!
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!
      if (dist[w] === -1) {
        dist[w] = dist[v]! + 1
        sum += 1 / dist[w]!
        queue[tail++] = w
      }
    }
  }
  return n > k ? sum / (n - k) : 0
}

/**
 * The k key players for fragmentation or reach.
 *
 * @example
 * keyPlayers(g, 2, { goal: 'fragment' }).set // the two actors whose removal splits the network most
 */
export function keyPlayers(g: Graph, k: number, opts: { goal?: 'fragment' | 'reach' } = {}): KeyPlayers {
  const n = g.n
  if (!(Number.isInteger(k) && k >= 1 && k < n))
    throw new RangeError(`k must be a whole number from 1 to ${n - 1}, got ${k}`)
  const goal = opts.goal ?? 'fragment'
  const inSet = new Uint8Array(n)
  const a = new Int32Array(n)
  const b = new Int32Array(n)
  const score = (): number => (goal === 'fragment' ? fragmentation(g, inSet, a, b) : reach(g, inSet, a, b, k))
  // greedy
  const set: number[] = []
  for (let step = 0; step < k; step++) {
    let best = -1
    let bestScore = -Infinity
    for (let v = 0; v < n; v++) {
      if (inSet[v]) continue
      inSet[v] = 1
      const s = score()
      inSet[v] = 0
      if (s > bestScore + 1e-12) {
        bestScore = s
        best = v
      }
    }
    inSet[best] = 1
    set.push(best)
  }
  // swaps while they help
  let current = score()
  for (let improved = true; improved;) {
    improved = false
    for (let i = 0; i < set.length && !improved; i++) {
      for (let v = 0; v < n && !improved; v++) {
        if (inSet[v]) continue
        const u = set[i]!
        inSet[u] = 0
        inSet[v] = 1
        const s = score()
        if (s > current + 1e-12) {
          set[i] = v
          current = s
          improved = true
        } else {
          inSet[v] = 0
          inSet[u] = 1
        }
      }
    }
  }
  return { set: [...set].sort((x, y) => x - y), score: current }
}
