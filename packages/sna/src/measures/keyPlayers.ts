// Key players (Borgatti 2006): 关键行动者 — the set of k actors whose removal fragments the network most, or who reach the most others.
//
// Fragmentation goal (KPP-Neg): remove S and measure F = 1 − Σ_c s_c(s_c − 1) / (n'(n' − 1)) over
// the components c of what remains (n' = n − k nodes); higher = more fragmented. Reach goal
// (KPP-Pos): distance-weighted reach of S, R = Σ_{v∉S} 1/d(S, v) / (n − k), d(S, v) = distance
// from the nearest member (0 contribution when unreachable); higher = S reaches the others
// sooner; with a step limit m, the m-reach: share of the others within m steps. Both on the
// undirected skeleton. Selection: greedy (add the node that helps most), then swaps of a member
// for an outsider while the score improves — Borgatti's optimisation — and the same swaps from
// seeded random starts; the best set wins, so a seed gives the same answer every time.

import type { Graph } from '../graph.js'
import { mulberry32, shuffle } from '../random.js'

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

function reach(
  g: Graph,
  chosen: Uint8Array,
  dist: Int32Array,
  queue: Int32Array,
  k: number,
  maxDistance: number,
): number {
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
    if (dist[v]! >= maxDistance) break // breadth-first: every later node is as far
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!
      if (dist[w] === -1) {
        dist[w] = dist[v]! + 1
        sum += maxDistance === Infinity ? 1 / dist[w]! : 1
        queue[tail++] = w
      }
    }
  }
  return n > k ? sum / (n - k) : 0
}

export interface KeyPlayerOptions {
  /** 'fragment' (KPP-Neg, default) or 'reach' (KPP-Pos). */
  goal?: 'fragment' | 'reach'
  /**
   * Reach goal only: count the others within this many steps (Borgatti's m-reach, a share of
   * n − k); without it, the distance-weighted reach Σ 1/d.
   */
  maxDistance?: number
  /** Random starting sets improved by swaps besides the greedy start (default 10). */
  restarts?: number
  /** Seed of the random starts (default 1): the same seed gives the same set. */
  seed?: number
}

export const KEY_PLAYER_DEFAULTS = { goal: 'fragment', restarts: 10, seed: 1 } as const

/**
 * The k key players for fragmentation or reach.
 *
 * @example
 * keyPlayers(g, 2, { goal: 'fragment' }).set // the two actors whose removal splits the network most
 * keyPlayers(g, 3, { goal: 'reach', maxDistance: 2 }).score // share of others within two steps
 */
export function keyPlayers(g: Graph, k: number, opts: KeyPlayerOptions = {}): KeyPlayers {
  const n = g.n
  if (!(Number.isInteger(k) && k >= 1 && k < n))
    throw new RangeError(`k must be a whole number from 1 to ${n - 1} (the network has ${n} actors), got ${k}`)
  const goal = opts.goal ?? KEY_PLAYER_DEFAULTS.goal
  if (goal !== 'fragment' && goal !== 'reach') throw new RangeError(`goal must be "fragment" or "reach", got "${goal}"`)
  const maxDistance = opts.maxDistance ?? Infinity
  if (!(maxDistance === Infinity || (Number.isInteger(maxDistance) && maxDistance >= 1)))
    throw new RangeError(`maxDistance must be a whole number of steps ≥ 1, got ${maxDistance}`)
  const restarts = opts.restarts ?? KEY_PLAYER_DEFAULTS.restarts
  if (!(Number.isInteger(restarts) && restarts >= 0))
    throw new RangeError(`restarts must be a whole number ≥ 0, got ${restarts}`)
  const rnd = mulberry32(opts.seed ?? KEY_PLAYER_DEFAULTS.seed)
  const inSet = new Uint8Array(n)
  const a = new Int32Array(n)
  const b = new Int32Array(n)
  const score = (): number =>
    goal === 'fragment' ? fragmentation(g, inSet, a, b) : reach(g, inSet, a, b, k, maxDistance)
  // swaps of a member for an outsider while they help (Borgatti's optimisation)
  const improve = (set: number[]): number => {
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
    return current
  }
  // greedy start: add the node that helps most (ties to the lower index)
  let best: number[] = []
  for (let step = 0; step < k; step++) {
    let pick = -1
    let pickScore = -Infinity
    for (let v = 0; v < n; v++) {
      if (inSet[v]) continue
      inSet[v] = 1
      const s = score()
      inSet[v] = 0
      if (s > pickScore + 1e-12) {
        pickScore = s
        pick = v
      }
    }
    inSet[pick] = 1
    best.push(pick)
  }
  let bestScore = improve(best)
  // seeded random starts
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let r = 0; r < restarts; r++) {
    inSet.fill(0)
    shuffle(order, rnd)
    const set = Array.from(order.subarray(0, k))
    for (const v of set) inSet[v] = 1
    const s = improve(set)
    if (s > bestScore + 1e-12) {
      bestScore = s
      best = set
    }
  }
  return { set: [...best].sort((x, y) => x - y), score: bestScore }
}
