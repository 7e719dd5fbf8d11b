// Dyad and triad censuses and k-step reachability: 二元组普查 / 三元组普查 / k 步可达性.
//
// Dyad census: every unordered pair of distinct nodes is mutual (u→v and v→u), asymmetric (one
// arc) or null (none); an undirected tie counts as mutual, as in R sna `dyad.census` and igraph
// `dyad_census`. Counts are plain numbers (floats), so C(n,2) past 2^31 is fine.
//
// Triad census: every unordered triple is one of the 16 isomorphism classes of Holland &
// Leinhardt's MAN labelling (Mutual, Asymmetric, Null dyads, then D(own), U(p), C(yclic),
// T(ransitive)), listed in the standard order of TRIAD_TYPES (R sna `triad.census`, igraph
// `triad_census`, networkx `triadic_census`, UCINET): 003 012 102 021D 021U 021C 111D 111U 030T
// 030C 201 120D 120U 120C 210 300. In igraph's words: 021D A<-B->C, 021U A->B<-C, 021C A->B->C,
// 111D A<->B<-C, 111U A<->B->C, 030T A->B<-C A->C, 030C A<-B<-C A->C, 120D A<-B->C A<->C,
// 120U A->B<-C A<->C, 120C A->B->C A<->C, 210 A->B<->C A<->C. Undirected graphs count every tie
// as mutual (as R sna and igraph do), so only 003, 102, 201 and 300 occur. Computed with
// Batagelj & Mrvar's subquadratic algorithm (2001, "A subquadratic triad census algorithm for
// large sparse networks with small maximum degree", Social Networks 23: 237–243): every triad
// with at least one tie is visited once from its lowest tied pair, O(m·Δ); the triads with a
// single tie are counted by formula per tie, and 003 is what is left of C(n,3).
//
// Reachability: for every node the number of other nodes within k steps (k = maxSteps, default
// unbounded), following arcs outward ('out', default), inward ('in') or either way ('all');
// share = reach / (n−1), UCINET's k-step reach centrality; proportion = reached ordered pairs /
// n(n−1). BFS per node stopped at depth k; unbounded undirected reach is component size − 1.
// Self-loops are ignored throughout; tie weights are ignored (a tie is present or not).

import type { Graph, Skeleton } from '../graph.js'
import { withDefaults } from '../options.js'

/** The 16 triad types in the standard order; `triadCensus(g)[i]` counts type `TRIAD_TYPES[i]`. */
export const TRIAD_TYPES = [
  '003',
  '012',
  '102',
  '021D',
  '021U',
  '021C',
  '111D',
  '111U',
  '030T',
  '030C',
  '201',
  '120D',
  '120U',
  '120C',
  '210',
  '300',
] as const

export type TriadType = (typeof TRIAD_TYPES)[number]

export interface DyadCensus {
  /** Unordered pairs tied both ways (undirected: every tie). */
  mutual: number
  /** Unordered pairs tied one way only (0 for undirected graphs). */
  asymmetric: number
  /** Unordered pairs not tied. */
  null: number
}

/**
 * Dyad census: mutual, asymmetric and null pairs (MAN).
 *
 * @example
 * dyadCensus(edges('a->b b->a b->c', { directed: true })) // { mutual: 1, asymmetric: 1, null: 1 }
 */
export function dyadCensus(g: Graph): DyadCensus {
  const n = g.n
  const pairs = (n * (n - 1)) / 2
  if (!g.directed) return { mutual: g.m, asymmetric: 0, null: pairs - g.m }
  const { offsets, targets, mult } = g.skeleton()
  let mutual = 0
  let asymmetric = 0
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      if (targets[e]! < u) continue
      if (mult[e] === 2) mutual++
      else asymmetric++
    }
  }
  return { mutual, asymmetric, null: pairs - mutual - asymmetric }
}

// Directions of a skeleton entry u–w: OUT when u→w, IN when w→u, both for a mutual or undirected tie.
const OUT = 1
const IN = 2

/** One direction code per skeleton entry, aligned with `skeleton().targets`. */
function skeletonDirections(g: Graph, s: Skeleton): Uint8Array {
  const dir = new Uint8Array(s.targets.length)
  if (!g.directed) return dir.fill(OUT | IN)
  // a skeleton row is the merge of the sorted out-row and in-row, in the same order as here
  for (let u = 0; u < g.n; u++) {
    let i = g.outOffsets[u]!
    const ie = g.outOffsets[u + 1]!
    let j = g.inOffsets[u]!
    const je = g.inOffsets[u + 1]!
    let k = s.offsets[u]!
    while (i < ie || j < je) {
      const a = i < ie ? g.outTargets[i]! : 0x7fffffff
      const b = j < je ? g.inSources[j]! : 0x7fffffff
      if (a === b) {
        dir[k++] = OUT | IN
        i++
        j++
      } else if (a < b) {
        dir[k++] = OUT
        i++
      } else {
        dir[k++] = IN
        j++
      }
    }
  }
  return dir
}

/**
 * Triad type index of each of the 64 arc patterns on three nodes v, u, w. Pattern bits:
 * v→u 1, u→v 2, v→w 4, w→v 8, u→w 16, w→u 32 (so a pair's direction code shifts into place).
 */
const TYPE_OF_PATTERN: Uint8Array = (() => {
  const table = new Uint8Array(64)
  const index = (t: TriadType): number => TRIAD_TYPES.indexOf(t)
  // the pairs (from, to) behind each bit, nodes v = 0, u = 1, w = 2
  const arcs = [
    [0, 1],
    [1, 0],
    [0, 2],
    [2, 0],
    [1, 2],
    [2, 1],
  ] as const
  for (let p = 0; p < 64; p++) {
    const out = [0, 0, 0]
    const inn = [0, 0, 0]
    for (let b = 0; b < 6; b++) {
      if (!(p & (1 << b))) continue
      const [x, y] = arcs[b]!
      out[x]!++
      inn[y]!++
    }
    // dyads: bits (0,1) v–u, (2,3) v–w, (4,5) u–w
    let M = 0
    let A = 0
    for (let d = 0; d < 3; d++) {
      const pair = (p >> (2 * d)) & 3
      if (pair === 3) M++
      else if (pair !== 0) A++
    }
    const N = 3 - M - A
    const sendsTwo = out.some((x, i) => x === 2 && inn[i] === 0) // a node that only sends, to both others
    const getsTwo = inn.some((x, i) => x === 2 && out[i] === 0) // a node that only receives, from both others
    let t: TriadType
    const man = `${M}${A}${N}`
    if (man === '003' || man === '012' || man === '102' || man === '201' || man === '210' || man === '300') t = man
    else if (man === '021') t = sendsTwo ? '021D' : getsTwo ? '021U' : '021C'
    else if (man === '111')
      // A<->B<-C: B receives from both others; A<->B->C: B sends to both
      t = inn.some((x) => x === 2) ? '111D' : '111U'
    else if (man === '030') t = out.some((x) => x === 2) ? '030T' : '030C'
    else t = sendsTwo ? '120D' : getsTwo ? '120U' : '120C' // man === '120'
    table[p] = index(t)
  }
  return table
})()

const T012 = 1
const T102 = 2

/**
 * Triad census (Batagelj & Mrvar 2001, O(m·Δ)): counts of the 16 MAN triad types, in the order
 * of TRIAD_TYPES. The counts add up to C(n,3).
 *
 * @example
 * const census = triadCensus(edges('a->b b->c c->a', { directed: true }))
 * census[TRIAD_TYPES.indexOf('030C')] // 1
 */
export function triadCensus(g: Graph): Float64Array {
  const n = g.n
  const census = new Float64Array(TRIAD_TYPES.length)
  const s = g.skeleton()
  const off = s.offsets
  const tgt = s.targets
  const dir = skeletonDirections(g, s)
  const NONE = 0x7fffffff
  for (let v = 0; v < n; v++) {
    const vs = off[v]!
    const ve = off[v + 1]!
    for (let e = vs; e < ve; e++) {
      const u = tgt[e]!
      if (u <= v) continue
      const dvu = dir[e]! // bit 1: v→u, bit 2: u→v
      // walk S = N(v) ∪ N(u) \ {u, v} as a merge of the two sorted rows
      let i = vs
      let j = off[u]!
      const je = off[u + 1]!
      let size = 0
      while (i < ve || j < je) {
        const a = i < ve ? tgt[i]! : NONE
        const b = j < je ? tgt[j]! : NONE
        let w: number
        let dvw = 0
        let duw = 0
        if (a === b) {
          w = a
          dvw = dir[i++]!
          duw = dir[j++]!
        } else if (a < b) {
          w = a
          dvw = dir[i++]!
        } else {
          w = b
          duw = dir[j++]!
        }
        if (w === u || w === v) continue
        size++
        // each tied triad once: from its pair (v, u) with v < u < w, or v < w < u when w–v is untied
        if (u < w || (v < w && dvw === 0)) census[TYPE_OF_PATTERN[dvu | (dvw << 2) | (duw << 4)]!]!++
      }
      // the third node tied to neither: one tie only
      census[dvu === (OUT | IN) ? T102 : T012]! += n - size - 2
    }
  }
  let tied = 0
  for (let t = 1; t < census.length; t++) tied += census[t]!
  census[0] = choose3(n) - tied
  return census
}

/** C(n,3), exact while it is below 2^53: 3 divides n(n−1)/2 or n−2. */
function choose3(n: number): number {
  if (n < 3) return 0
  const pairs = (n * (n - 1)) / 2
  return pairs % 3 === 0 ? (pairs / 3) * (n - 2) : pairs * ((n - 2) / 3)
}

export interface ReachabilityOptions {
  /** Largest number of steps (default Infinity: any distance). */
  maxSteps?: number
  /** Directed graphs: follow arcs outward ('out', default), inward ('in') or either way ('all'). */
  mode?: 'out' | 'in' | 'all'
}

export const REACHABILITY_DEFAULTS = { maxSteps: Infinity, mode: 'out' } as const

export interface Reachability {
  /** Per node: other nodes reached within maxSteps. */
  reach: Int32Array
  /** Per node: reach / (n−1), UCINET's k-step reach (0 when n < 2). */
  share: Float64Array
  /** Reached ordered pairs / n(n−1) (0 when n < 2). */
  proportion: number
}

/**
 * k-step reachability: how many nodes each node reaches within `maxSteps` steps, as a count and
 * as a share of the n−1 others, and the share of ordered pairs reached.
 *
 * @example
 * reachability(edges('a-b b-c c-d'), { maxSteps: 2 }).reach // Int32Array [2, 3, 3, 2]
 */
export function reachability(g: Graph, opts: ReachabilityOptions = {}): Reachability {
  const o = withDefaults(REACHABILITY_DEFAULTS, opts)
  const k = o.maxSteps
  if (!(k === Infinity || (Number.isInteger(k) && k >= 1)))
    throw new RangeError(`reachability: maxSteps must be an integer >= 1 or Infinity, got ${String(k)}`)
  if (o.mode !== 'out' && o.mode !== 'in' && o.mode !== 'all')
    throw new RangeError(`reachability: mode must be 'out', 'in' or 'all', got ${String(o.mode)}`)
  const n = g.n
  const symmetric = !g.directed || o.mode === 'all'
  let offsets: Int32Array
  let targets: Int32Array
  if (!g.directed) [offsets, targets] = [g.outOffsets, g.outTargets]
  else if (o.mode === 'all') ({ offsets, targets } = g.skeleton())
  else if (o.mode === 'in') [offsets, targets] = [g.inOffsets, g.inSources]
  else [offsets, targets] = [g.outOffsets, g.outTargets]
  const reach = new Int32Array(n)
  const queue = new Int32Array(n)
  if (symmetric && k === Infinity) componentReach(n, offsets, targets, queue, reach)
  else {
    // BFS from every node, level by level, stopped after level k; mark[] holds the source + 1
    const mark = new Int32Array(n)
    for (let src = 0; src < n; src++) {
      mark[src] = src + 1
      queue[0] = src
      let head = 0
      let tail = 1
      for (let level = 0; level < k && head < tail; level++) {
        const end = tail
        for (; head < end; head++) {
          const v = queue[head]!
          for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
            const w = targets[e]!
            if (mark[w] !== src + 1) {
              mark[w] = src + 1
              queue[tail++] = w
            }
          }
        }
      }
      reach[src] = tail - 1
    }
  }
  const share = new Float64Array(n)
  let pairs = 0
  for (let u = 0; u < n; u++) {
    pairs += reach[u]!
    if (n > 1) share[u] = reach[u]! / (n - 1)
  }
  return { reach, share, proportion: n > 1 ? pairs / (n * (n - 1)) : 0 }
}

/** Unbounded reach on a symmetric adjacency: every node reaches the rest of its component. */
function componentReach(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  queue: Int32Array,
  reach: Int32Array,
): void {
  const seen = new Uint8Array(n)
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue
    seen[s] = 1
    queue[0] = s
    let head = 0
    let tail = 1
    while (head < tail) {
      const v = queue[head++]!
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!
        if (!seen[w]) {
          seen[w] = 1
          queue[tail++] = w
        }
      }
    }
    for (let i = 0; i < tail; i++) reach[queue[i]!] = tail - 1
  }
}
