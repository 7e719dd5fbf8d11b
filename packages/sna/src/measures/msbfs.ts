// Multi-source BFS (Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal",
// VLDB 2015) for the distance-only sweeps: closeness, harmonic closeness, diameter.
//
// A batch of up to 32·W sources runs at once, one bit each, in W 32-bit words per node:
// seen[v] holds the sources that have reached v, front[v] those that reached it at the current
// level. A node is in the frontier once per distinct distance from the batch, not once per
// source, so a batch costs a few BFS, not 256; the W words of a node share a cache line, so a
// tie costs one memory miss for all of them.
// Each level goes one of two ways (direction-optimising BFS, Beamer et al. 2012, per batch):
// - push, while the frontier is small: each frontier node ORs its bits into its targets;
// - pull, once the frontier's ties outnumber a share of the ties still to settle: each node that
//   has not yet seen the whole batch ORs the frontier words of its in-neighbours (reads only,
//   no scattered writes), and nodes that have seen every source are skipped from then on.
// Per-source counts come from vertical (bit-sliced) counters: each level's new words are added
// into 32-bit planes, plane j holding bit j of every source's count, read out once per level.
// Per-node sums (the "in" side of a directed graph) take the popcount of the new words.
// Every float sum runs in a fixed order (levels, then bits), so one thread and many agree.

import type { Adjacency } from './locality.js'
import type { PathSweepOptions, PathSweepResult } from './paths.js'

/** Sweeps the sources at positions from .. to into `res` (see paths.ts `Kernel`). */
export type MultiSourceKernel = (
  res: PathSweepResult,
  sources: Int32Array | null,
  from: number,
  to: number,
  count: number,
  onProgress: PathSweepOptions['onProgress'],
) => void

/** Words per node in a batch: 8 × 32 = 256 sources at once. */
export const BATCH_WORDS = 8
/** Sources per batch; sweep blocks start on multiples of it. */
export const BATCH_SOURCES = 32 * BATCH_WORDS

/** Knobs for tests and benchmarks; the defaults are what the library uses. */
export interface MultiSourceTuning {
  /** Pull a level when the frontier's ties ≥ pullRatio × the ties of nodes not yet saturated (0: always pull, Infinity: always push). */
  pullRatio?: number
}

const PULL_RATIO = 0.2

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

// The level loops are small functions of typed arrays, written out for 8 words: V8 optimises
// them once and for all (one large closure was deoptimised and re-optimised mid-sweep).

/** Pull: every unsaturated node ORs its in-neighbours' frontier words; returns how many nodes got new bits (listed in `out`). */
function pullLevel(
  n: number,
  inOff: Int32Array,
  inSrc: Int32Array,
  full: Uint8Array,
  inFront: Uint8Array,
  fr: Int32Array,
  sn: Int32Array,
  nx: Int32Array,
  out: Int32Array,
): number {
  let nl = 0
  for (let v = 0; v < n; v++) {
    if (full[v] === 1) continue
    const e1 = inOff[v + 1]!
    let a0 = 0
    let a1 = 0
    let a2 = 0
    let a3 = 0
    let a4 = 0
    let a5 = 0
    let a6 = 0
    let a7 = 0
    for (let e = inOff[v]!; e < e1; e++) {
      const u = inSrc[e]!
      if (inFront[u] === 0) continue
      const ub = u << 3
      a0 |= fr[ub]!
      a1 |= fr[ub + 1]!
      a2 |= fr[ub + 2]!
      a3 |= fr[ub + 3]!
      a4 |= fr[ub + 4]!
      a5 |= fr[ub + 5]!
      a6 |= fr[ub + 6]!
      a7 |= fr[ub + 7]!
    }
    const vb = v << 3
    a0 &= ~sn[vb]!
    a1 &= ~sn[vb + 1]!
    a2 &= ~sn[vb + 2]!
    a3 &= ~sn[vb + 3]!
    a4 &= ~sn[vb + 4]!
    a5 &= ~sn[vb + 5]!
    a6 &= ~sn[vb + 6]!
    a7 &= ~sn[vb + 7]!
    if ((a0 | a1 | a2 | a3 | a4 | a5 | a6 | a7) === 0) continue
    sn[vb] = sn[vb]! | a0
    sn[vb + 1] = sn[vb + 1]! | a1
    sn[vb + 2] = sn[vb + 2]! | a2
    sn[vb + 3] = sn[vb + 3]! | a3
    sn[vb + 4] = sn[vb + 4]! | a4
    sn[vb + 5] = sn[vb + 5]! | a5
    sn[vb + 6] = sn[vb + 6]! | a6
    sn[vb + 7] = sn[vb + 7]! | a7
    nx[vb] = a0
    nx[vb + 1] = a1
    nx[vb + 2] = a2
    nx[vb + 3] = a3
    nx[vb + 4] = a4
    nx[vb + 5] = a5
    nx[vb + 6] = a6
    nx[vb + 7] = a7
    out[nl++] = v
  }
  return nl
}

/** Push: each frontier node ORs its words into its unsaturated targets; returns how many nodes got new bits (listed in `out`). */
function pushLevel(
  list: Int32Array,
  len: number,
  off: Int32Array,
  tgt: Int32Array,
  full: Uint8Array,
  fr: Int32Array,
  sn: Int32Array,
  nx: Int32Array,
  mark: Int32Array,
  stamp: number,
  out: Int32Array,
): number {
  let nl = 0
  for (let i = 0; i < len; i++) {
    const v = list[i]!
    const vb = v << 3
    const f0 = fr[vb]!
    const f1 = fr[vb + 1]!
    const f2 = fr[vb + 2]!
    const f3 = fr[vb + 3]!
    const f4 = fr[vb + 4]!
    const f5 = fr[vb + 5]!
    const f6 = fr[vb + 6]!
    const f7 = fr[vb + 7]!
    const end = off[v + 1]!
    for (let e = off[v]!; e < end; e++) {
      const w = tgt[e]!
      if (full[w] === 1) continue
      const wb = w << 3
      const x0 = f0 & ~sn[wb]!
      const x1 = f1 & ~sn[wb + 1]!
      const x2 = f2 & ~sn[wb + 2]!
      const x3 = f3 & ~sn[wb + 3]!
      const x4 = f4 & ~sn[wb + 4]!
      const x5 = f5 & ~sn[wb + 5]!
      const x6 = f6 & ~sn[wb + 6]!
      const x7 = f7 & ~sn[wb + 7]!
      if ((x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7) === 0) continue
      sn[wb] = sn[wb]! | x0
      sn[wb + 1] = sn[wb + 1]! | x1
      sn[wb + 2] = sn[wb + 2]! | x2
      sn[wb + 3] = sn[wb + 3]! | x3
      sn[wb + 4] = sn[wb + 4]! | x4
      sn[wb + 5] = sn[wb + 5]! | x5
      sn[wb + 6] = sn[wb + 6]! | x6
      sn[wb + 7] = sn[wb + 7]! | x7
      nx[wb] = nx[wb]! | x0
      nx[wb + 1] = nx[wb + 1]! | x1
      nx[wb + 2] = nx[wb + 2]! | x2
      nx[wb + 3] = nx[wb + 3]! | x3
      nx[wb + 4] = nx[wb + 4]! | x4
      nx[wb + 5] = nx[wb + 5]! | x5
      nx[wb + 6] = nx[wb + 6]! | x6
      nx[wb + 7] = nx[wb + 7]! | x7
      if (mark[w] !== stamp) {
        mark[w] = stamp
        out[nl++] = w
      }
    }
  }
  return nl
}

/** Clears the words of the listed nodes. */
function clearRows(a: Int32Array, list: Int32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const b = list[i]! << 3
    a[b] = 0
    a[b + 1] = 0
    a[b + 2] = 0
    a[b + 3] = 0
    a[b + 4] = 0
    a[b + 5] = 0
    a[b + 6] = 0
    a[b + 7] = 0
  }
}

/**
 * Notes the nodes reached for the first time (`touched`) and those that have now seen the whole
 * batch (`full`); state = [touched count, unsettled ties], updated. Returns the new frontier's ties.
 */
function settleLevel(
  list: Int32Array,
  len: number,
  off: Int32Array,
  inOff: Int32Array,
  sn: Int32Array,
  fullMask: Int32Array,
  hit: Uint8Array,
  touched: Int32Array,
  full: Uint8Array,
  state: Float64Array,
): number {
  let nt = state[0]!
  let unsettled = state[1]!
  let edges = 0
  const m0 = fullMask[0]!
  const m1 = fullMask[1]!
  const m2 = fullMask[2]!
  const m3 = fullMask[3]!
  const m4 = fullMask[4]!
  const m5 = fullMask[5]!
  const m6 = fullMask[6]!
  const m7 = fullMask[7]!
  for (let i = 0; i < len; i++) {
    const w = list[i]!
    if (hit[w] === 0) {
      hit[w] = 1
      touched[nt++] = w
    }
    edges += off[w + 1]! - off[w]!
    const b = w << 3
    if (
      sn[b] === m0 &&
      sn[b + 1] === m1 &&
      sn[b + 2] === m2 &&
      sn[b + 3] === m3 &&
      sn[b + 4] === m4 &&
      sn[b + 5] === m5 &&
      sn[b + 6] === m6 &&
      sn[b + 7] === m7
    ) {
      full[w] = 1
      unsettled -= inOff[w + 1]! - inOff[w]!
    }
  }
  state[0] = nt
  state[1] = unsettled
  return edges
}

/** Adds `x` into the vertical counter whose lowest plane is `j` (ripple carry). */
function addPlane(planes: Int32Array, j: number, x: number): number {
  while (x !== 0) {
    const t = planes[j]! & x
    planes[j] = planes[j]! ^ x
    x = t
    j++
  }
  return j
}

/**
 * Adds a level's new words into the vertical counters (plane 32k + j: bit j of word k's counts),
 * one word column at a time: eight nodes' words go through a carry-save adder tree
 * (Harley–Seal) into ones, twos and fours, and only the eights ripple into the planes.
 * Also ORs each column into `bits` and notes the highest plane used in `tops`.
 */
function countLevel(
  list: Int32Array,
  len: number,
  fr: Int32Array,
  planes: Int32Array,
  tops: Int32Array,
  bits: Int32Array,
): void {
  for (let k = 0; k < 8; k++) {
    const p0 = k << 5
    let ones = 0
    let twos = 0
    let fours = 0
    let any = 0
    let top = p0
    let i = 0
    for (; i + 8 <= len; i += 8) {
      const x0 = fr[(list[i]! << 3) + k]!
      const x1 = fr[(list[i + 1]! << 3) + k]!
      const x2 = fr[(list[i + 2]! << 3) + k]!
      const x3 = fr[(list[i + 3]! << 3) + k]!
      const x4 = fr[(list[i + 4]! << 3) + k]!
      const x5 = fr[(list[i + 5]! << 3) + k]!
      const x6 = fr[(list[i + 6]! << 3) + k]!
      const x7 = fr[(list[i + 7]! << 3) + k]!
      any |= x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7
      // carry-save adds: (sum, carry) of three words = (a ^ b ^ c, majority(a, b, c))
      let u = ones ^ x0
      const twosA = (ones & x0) | (u & x1)
      ones = u ^ x1
      u = ones ^ x2
      const twosB = (ones & x2) | (u & x3)
      ones = u ^ x3
      u = twos ^ twosA
      const foursA = (twos & twosA) | (u & twosB)
      twos = u ^ twosB
      u = ones ^ x4
      const twosC = (ones & x4) | (u & x5)
      ones = u ^ x5
      u = ones ^ x6
      const twosD = (ones & x6) | (u & x7)
      ones = u ^ x7
      u = twos ^ twosC
      const foursB = (twos & twosC) | (u & twosD)
      twos = u ^ twosD
      u = fours ^ foursA
      const eights = (fours & foursA) | (u & foursB)
      fours = u ^ foursB
      if (eights !== 0) {
        const j = addPlane(planes, p0 + 3, eights)
        if (j > top) top = j
      }
    }
    for (; i < len; i++) {
      const x = fr[(list[i]! << 3) + k]!
      any |= x
      const j = addPlane(planes, p0, x)
      if (j > top) top = j
    }
    let j = addPlane(planes, p0, ones)
    if (j > top) top = j
    j = addPlane(planes, p0 + 1, twos)
    if (j > top) top = j
    j = addPlane(planes, p0 + 2, fours)
    if (j > top) top = j
    bits[k] = any
    tops[k] = top - p0
  }
}

/** Per-node in-sums of a directed graph: the sources that reached each listed node in this level. */
function scatterLevel(
  list: Int32Array,
  len: number,
  fr: Int32Array,
  level: number,
  inReach: Float64Array,
  inDistanceSum: Float64Array,
  inHarmonic: Float64Array,
): void {
  const inv = 1 / level
  for (let i = 0; i < len; i++) {
    const w = list[i]!
    const b = w << 3
    const c =
      popcount(fr[b]!) +
      popcount(fr[b + 1]!) +
      popcount(fr[b + 2]!) +
      popcount(fr[b + 3]!) +
      popcount(fr[b + 4]!) +
      popcount(fr[b + 5]!) +
      popcount(fr[b + 6]!) +
      popcount(fr[b + 7]!)
    inReach[w] = inReach[w]! + c
    inDistanceSum[w] = inDistanceSum[w]! + c * level
    inHarmonic[w] = inHarmonic[w]! + c * inv
  }
}

/**
 * The distance-only sweep kernel of an unweighted graph: per source its out-sums (distance sum,
 * reach, harmonic sum), and on a directed graph the in-sums of every node reached.
 */
export function multiSourceKernel(g: Adjacency, tuning: MultiSourceTuning = {}): MultiSourceKernel {
  const W = BATCH_WORDS
  const width = BATCH_SOURCES
  const pullRatio = tuning.pullRatio ?? PULL_RATIO
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const inOff = g.directed ? g.inOffsets : off
  const inSrc = g.directed ? g.inSources : tgt
  const scatter = g.directed
  const seen = new Int32Array(n * W)
  let front = new Int32Array(n * W)
  let next = new Int32Array(n * W)
  const fullMask = new Int32Array(W) // the batch's bits in each word
  const full = new Uint8Array(n) // 1: the node has seen every source of the batch
  const inFront = new Uint8Array(n) // 1: the node is in the frontier
  const hit = new Uint8Array(n) // 1: the node has been reached in this batch
  const touched = new Int32Array(n) // the nodes reached in this batch, to reset
  let list = new Int32Array(n) // the frontier's nodes
  let nextList = new Int32Array(n) // the nodes that get new bits in this level
  const mark = new Int32Array(n) // stamp of the level that put the node in nextList
  let stamp = 0
  const planes = new Int32Array(32 * W) // vertical counters: plane 32k + j = bit j of word k's counts
  const tops = new Int32Array(W) // planes in use per word
  const bits = new Int32Array(W) // sources that reached a node in this level, per word
  const levelCount = new Int32Array(width)
  const reach = new Float64Array(width)
  const distSum = new Float64Array(width)
  const harmonic = new Float64Array(width)
  const batch = new Int32Array(width)
  const state = new Float64Array(2)

  return (res, sources, from, to, count, onProgress) => {
    const step = Math.max(1, Math.floor(count / 100))
    let diameter = 0
    let pairs = 0
    let total = 0
    for (let k0 = from; k0 < to; k0 += width) {
      if (onProgress && Math.floor(k0 / step) !== Math.floor(Math.min(to, k0 + width) / step)) onProgress(k0, count)
      const size = Math.min(width, to - k0)
      for (let k = 0; k < W; k++) fullMask[k] = k < size >>> 5 ? -1 : k === size >>> 5 ? (1 << (size & 31)) - 1 : 0
      let unsettled = inOff[n]! // ties into nodes that have not seen the whole batch
      // level 0: each source sees itself
      let nt = 0
      let len = 0
      for (let b = 0; b < size; b++) {
        const s = sources ? sources[k0 + b]! : k0 + b
        batch[b] = s
        if (hit[s] === 0) {
          hit[s] = 1
          touched[nt++] = s
          list[len++] = s
        }
        seen[s * W + (b >>> 5)]! |= 1 << (b & 31)
        front[s * W + (b >>> 5)]! |= 1 << (b & 31)
        reach[b] = 0
        distSum[b] = 0
        harmonic[b] = 0
      }
      let frontEdges = 0
      for (let i = 0; i < len; i++) inFront[list[i]!] = 1
      for (let i = 0; i < len; i++) {
        const s = list[i]!
        frontEdges += off[s + 1]! - off[s]!
        let sat = 1
        for (let k = 0; k < W; k++) if (seen[s * W + k] !== fullMask[k]) sat = 0
        if (sat === 1) {
          full[s] = 1
          unsettled -= inOff[s + 1]! - inOff[s]!
        }
      }
      let level = 0
      for (;;) {
        level++
        stamp++
        const nl =
          frontEdges >= pullRatio * unsettled
            ? pullLevel(n, inOff, inSrc, full, inFront, front, seen, next, nextList)
            : pushLevel(list, len, off, tgt, full, front, seen, next, mark, stamp, nextList)
        // the old frontier is spent: clear its words, the new one takes its place
        clearRows(front, list, len)
        for (let i = 0; i < len; i++) inFront[list[i]!] = 0
        for (let i = 0; i < nl; i++) inFront[nextList[i]!] = 1
        const spent = front
        front = next
        next = spent
        const swap = list
        list = nextList
        nextList = swap
        len = nl
        if (nl === 0) break
        // settle the level: note first-reached and saturated nodes, count the new bits
        state[0] = nt
        state[1] = unsettled
        frontEdges = settleLevel(list, nl, off, inOff, seen, fullMask, hit, touched, full, state)
        nt = state[0]!
        unsettled = state[1]!
        countLevel(list, nl, front, planes, tops, bits)
        if (scatter) scatterLevel(list, nl, front, level, res.inReach, res.inDistanceSum, res.inHarmonic)
        // read the counters out: bit b of plane 32k + j adds 2^j to source 32k + b's count
        const inv = 1 / level
        for (let k = 0; k < W; k++) {
          const p0 = 32 * k
          for (let j = 0, top = tops[k]!; j < top; j++) {
            let p = planes[p0 + j]!
            planes[p0 + j] = 0
            while (p !== 0) {
              const b = 31 - Math.clz32(p & -p)
              levelCount[p0 + b]! += 1 << j
              p &= p - 1
            }
          }
          tops[k] = 0
          let m = bits[k]!
          while (m !== 0) {
            const b = p0 + 31 - Math.clz32(m & -m)
            m &= m - 1
            const c = levelCount[b]!
            levelCount[b] = 0
            reach[b]! += c
            distSum[b]! += c * level
            harmonic[b]! += c * inv
          }
        }
        diameter = level > diameter ? level : diameter
      }
      // reset what the batch touched
      for (let i = 0; i < nt; i++) {
        const v = touched[i]!
        hit[v] = 0
        full[v] = 0
      }
      clearRows(seen, touched, nt)
      for (let b = 0; b < size; b++) {
        const s = batch[b]!
        res.outReach[s] = reach[b]!
        res.outDistanceSum[s] = distSum[b]!
        res.outHarmonic[s] = harmonic[b]!
        pairs += reach[b]!
        total += distSum[b]!
      }
    }
    res.diameter = diameter
    res.reachablePairs = pairs
    res.distanceSum = total
  }
}
