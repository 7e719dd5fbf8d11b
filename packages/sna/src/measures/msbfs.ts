// Multi-source BFS (Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal",
// VLDB 2015) for the distance-only sweeps: closeness, harmonic closeness, diameter.
//
// A batch of up to 256 sources runs at once, one bit each, in 8 32-bit words per node:
// seen[v] holds the sources that have reached v, front[v] those that reached it at the current
// level. A node is in the frontier once per distinct distance from the batch, not once per
// source, so a batch costs a few BFS, not 256; a node's 8 words share a cache line, so a tie
// costs one memory miss for all of them.
// Each level goes one of two ways (direction-optimising BFS, Beamer et al. 2012, per batch):
// - push, while the frontier is small: each frontier node ORs its words into its targets;
// - pull, once the frontier's ties reach a share of the ties still to settle: each node that
//   has not yet seen the whole batch ORs the words of its in-neighbours in the frontier (reads
//   only, no scattered writes); nodes that have seen every source are skipped from then on.
// Pull, push, clearing and counting run in WebAssembly with 128-bit SIMD (msbfs.wat) where the
// platform has it, else in JavaScript (`pullLevel`, `pushLevel`, `clearRows`, `countLevel`).
// Per-source counts come from vertical (bit-sliced) counters: each level's new words are added
// into 32-bit planes, plane j holding bit j of every source's count, read out once per level.
// Per-node sums (the "in" side of a directed graph) take the popcount of the new words.
// Every float sum runs in a fixed order (levels, then bits), so one thread and many agree.

import type { Adjacency } from './locality.js'
import { MSBFS_WASM } from './msbfsWasm.js'
import { wasmLayout, wasmModule } from './wasm.js'
import type { SweepKernel } from './paths.js'

/** Words per node in a batch: 8 × 32 = 256 sources at once. */
export const BATCH_WORDS = 8
/** Sources per batch; sweep blocks start on multiples of it. */
export const BATCH_SOURCES = 32 * BATCH_WORDS

/** Knobs for tests and benchmarks; the defaults are what the library uses. */
export interface MultiSourceTuning {
  /** Pull a level when the frontier's ties ≥ pullRatio × the ties of nodes not yet saturated (0: always pull, Infinity: always push). */
  pullRatio?: number
  /** Run the pull levels in WebAssembly (msbfs.wat) when the platform has 128-bit SIMD (default true). */
  wasm?: boolean
}

const PULL_RATIO = 0.05

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/**
 * The kernel's arrays. In WebAssembly memory (one block, the ties copied in) when msbfs.wat
 * can run here, else on the heap. `state` = [touched count, unsettled ties, frontier
 * ties, unused, then the batch's 8 words].
 */
interface Arena {
  wasm: WasmKernels | null
  outOff: Int32Array
  outTgt: Int32Array
  inOff: Int32Array
  inSrc: Int32Array
  full: Uint8Array
  hit: Uint8Array
  mark: Int32Array
  front: Int32Array
  seen: Int32Array
  next: Int32Array
  list: Int32Array
  nextList: Int32Array
  touched: Int32Array
  state: Int32Array
  /** Vertical counters: word k's plane j at ((k >> 2) * 32 + j) * 4 + (k & 3) (msbfs.wat's lane groups). */
  planes: Int32Array
}

/** msbfs.wat's functions; arrays are byte offsets into its memory (see there). */
interface WasmKernels {
  pull(
    n: number,
    outOff: number,
    inOff: number,
    inSrc: number,
    full: number,
    hit: number,
    front: number,
    seen: number,
    next: number,
    out: number,
    touched: number,
    state: number,
  ): number
  push(
    list: number,
    len: number,
    stamp: number,
    outOff: number,
    outTgt: number,
    full: number,
    mark: number,
    front: number,
    seen: number,
    next: number,
    out: number,
  ): number
  clear(list: number, len: number, front: number): void
  count(list: number, len: number, front: number, planes: number): void
}

function heapArena(g: Adjacency): Arena {
  const n = g.n
  return {
    wasm: null,
    outOff: g.outOffsets,
    outTgt: g.outTargets,
    inOff: g.directed ? g.inOffsets : g.outOffsets,
    inSrc: g.directed ? g.inSources : g.outTargets,
    full: new Uint8Array(n),
    hit: new Uint8Array(n),
    mark: new Int32Array(n),
    front: new Int32Array(8 * n),
    seen: new Int32Array(8 * n),
    next: new Int32Array(8 * n),
    list: new Int32Array(n),
    nextList: new Int32Array(n),
    touched: new Int32Array(n),
    state: new Int32Array(12),
    planes: new Int32Array(256),
  }
}

/** The arrays in one WebAssembly memory with msbfs.wat instantiated on it, or null. */
function wasmArena(g: Adjacency): Arena | null {
  const module = wasmModule(MSBFS_WASM)
  if (!module) return null
  const n = g.n
  const inOff = g.directed ? g.inOffsets : g.outOffsets
  const inSrc = g.directed ? g.inSources : g.outTargets
  const ties = inOff[n]!
  const { place, memory: allocate } = wasmLayout()
  const pState = place(48)
  const pPlanes = place(1024)
  const pOutOff = g.directed ? place(4 * (n + 1)) : -1
  const pOutTgt = g.directed ? place(4 * ties) : -1
  const pInOff = place(4 * (n + 1))
  const pInSrc = place(4 * ties)
  const pFull = place(n)
  const pHit = place(n)
  const pMark = place(4 * n)
  const pFront = place(32 * n)
  const pSeen = place(32 * n)
  const pNext = place(32 * n)
  const pList = place(4 * n)
  const pNextList = place(4 * n)
  const pTouched = place(4 * n)
  const memory = allocate()
  if (!memory) return null // no memory that large here: the heap arrays do the same work
  const instance = new WebAssembly.Instance(module, { env: { memory } })
  const buf = memory.buffer
  const a: Arena = {
    wasm: instance.exports as unknown as WasmKernels,
    inOff: new Int32Array(buf, pInOff, n + 1),
    outOff: new Int32Array(buf, pInOff, n + 1),
    inSrc: new Int32Array(buf, pInSrc, ties),
    outTgt: new Int32Array(buf, pInSrc, ties),
    full: new Uint8Array(buf, pFull, n),
    hit: new Uint8Array(buf, pHit, n),
    mark: new Int32Array(buf, pMark, n),
    front: new Int32Array(buf, pFront, 8 * n),
    seen: new Int32Array(buf, pSeen, 8 * n),
    next: new Int32Array(buf, pNext, 8 * n),
    list: new Int32Array(buf, pList, n),
    nextList: new Int32Array(buf, pNextList, n),
    touched: new Int32Array(buf, pTouched, n),
    state: new Int32Array(buf, pState, 12),
    planes: new Int32Array(buf, pPlanes, 256),
  }
  a.inOff.set(inOff.subarray(0, n + 1))
  a.inSrc.set(inSrc.subarray(0, ties))
  if (pOutOff >= 0) {
    a.outOff = new Int32Array(buf, pOutOff, n + 1)
    a.outOff.set(g.outOffsets.subarray(0, n + 1))
    a.outTgt = new Int32Array(buf, pOutTgt, ties)
    a.outTgt.set(g.outTargets.subarray(0, ties))
  }
  return a
}

/** The pull level in JavaScript: what msbfs.wat's pull does (see there). */
function pullLevel(a: Arena, n: number, front: Int32Array, next: Int32Array, out: Int32Array): number {
  const { outOff, inOff, inSrc, full, hit, seen: sn, touched, state } = a
  let nt = state[0]!
  let unsettled = state[1]!
  let edges = 0
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
      const ub = inSrc[e]! << 3
      a0 |= front[ub]!
      a1 |= front[ub + 1]!
      a2 |= front[ub + 2]!
      a3 |= front[ub + 3]!
      a4 |= front[ub + 4]!
      a5 |= front[ub + 5]!
      a6 |= front[ub + 6]!
      a7 |= front[ub + 7]!
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
    next[vb] = a0
    next[vb + 1] = a1
    next[vb + 2] = a2
    next[vb + 3] = a3
    next[vb + 4] = a4
    next[vb + 5] = a5
    next[vb + 6] = a6
    next[vb + 7] = a7
    out[nl++] = v
    if (hit[v] === 0) {
      hit[v] = 1
      touched[nt++] = v
    }
    edges += outOff[v + 1]! - outOff[v]!
    if (isFull(sn, vb, state)) {
      full[v] = 1
      unsettled -= e1 - inOff[v]!
    }
  }
  state[0] = nt
  state[1] = unsettled
  state[2] = edges
  return nl
}

/** Whether the 8 words at `b` equal the batch's words (state[4..11]). */
function isFull(sn: Int32Array, b: number, state: Int32Array): boolean {
  return (
    sn[b] === state[4] &&
    sn[b + 1] === state[5] &&
    sn[b + 2] === state[6] &&
    sn[b + 3] === state[7] &&
    sn[b + 4] === state[8] &&
    sn[b + 5] === state[9] &&
    sn[b + 6] === state[10] &&
    sn[b + 7] === state[11]
  )
}

/**
 * Push: each frontier node ORs its words into the seen and next rows of its targets that are
 * not full. Returns how many nodes got new bits (listed in `out` once: `mark` = `stamp`).
 */
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

/** After a push level: notes first-reached nodes (touched) and full ones; sets state like pull does. */
function settlePushed(a: Arena, list: Int32Array, len: number): void {
  const { outOff, inOff, full, hit, seen: sn, touched, state } = a
  let nt = state[0]!
  let unsettled = state[1]!
  let edges = 0
  for (let i = 0; i < len; i++) {
    const w = list[i]!
    if (hit[w] === 0) {
      hit[w] = 1
      touched[nt++] = w
    }
    edges += outOff[w + 1]! - outOff[w]!
    if (isFull(sn, w << 3, state)) {
      full[w] = 1
      unsettled -= inOff[w + 1]! - inOff[w]!
    }
  }
  state[0] = nt
  state[1] = unsettled
  state[2] = edges
}

/** Adds `x` into the vertical counter whose lowest plane is at `j` (planes 4 apart): ripple carry. */
function addPlane(planes: Int32Array, j: number, x: number): void {
  while (x !== 0) {
    const t = planes[j]! & x
    planes[j] = planes[j]! ^ x
    x = t
    j += 4
  }
}

/** Zeroes the 8 words of the listed nodes. */
function clearRows(a: Int32Array, list: Int32Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const b = list[i]! << 3
    for (let k = 0; k < 8; k++) a[b + k] = 0
  }
}

/** Adds a level's new words into the vertical counters (Arena.planes): msbfs.wat's count, word by word. */
function countLevel(list: Int32Array, len: number, fr: Int32Array, planes: Int32Array): void {
  for (let i = 0; i < len; i++) {
    const b = list[i]! << 3
    for (let k = 0; k < 8; k++) addPlane(planes, (k >> 2) * 128 + (k & 3), fr[b + k]!)
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
export function multiSourceKernel(g: Adjacency, tuning: MultiSourceTuning = {}): SweepKernel {
  const W = BATCH_WORDS
  const width = BATCH_SOURCES
  const pullRatio = tuning.pullRatio ?? PULL_RATIO
  const n = g.n
  const mem = (tuning.wasm !== false ? wasmArena(g) : null) ?? heapArena(g)
  const { wasm, inOff, full, hit, mark, seen, touched, state, planes } = mem
  const scatter = g.directed
  let front = mem.front
  let next = mem.next
  let list = mem.list // the frontier's nodes
  let nextList = mem.nextList // the nodes that get new bits in this level
  let stamp = 1 // mark[v] = the stamp of the last push level in which v got new bits
  const levelCount = new Int32Array(width)
  const reach = new Float64Array(width)
  const distSum = new Float64Array(width)
  const harmonic = new Float64Array(width)
  const batch = new Int32Array(width)

  return (res, sources, from, to, count, onProgress) => {
    const step = Math.max(1, Math.floor(count / 100))
    let diameter = 0
    let pairs = 0
    let total = 0
    for (let k0 = from; k0 < to; k0 += width) {
      if (onProgress && Math.floor(k0 / step) !== Math.floor(Math.min(to, k0 + width) / step)) onProgress(k0, count)
      const size = Math.min(width, to - k0)
      // state: touched, unsettled ties (into nodes that have not seen the whole batch), frontier ties, the batch's words
      state[0] = 0
      state[1] = inOff[n]!
      for (let k = 0; k < W; k++) state[4 + k] = k < size >>> 5 ? -1 : k === size >>> 5 ? (1 << (size & 31)) - 1 : 0
      // level 0: each source sees itself
      stamp++
      let len = 0
      for (let b = 0; b < size; b++) {
        const s = sources ? sources[k0 + b]! : k0 + b
        batch[b] = s
        if (mark[s] !== stamp) {
          mark[s] = stamp
          list[len++] = s
        }
        seen[s * W + (b >>> 5)]! |= 1 << (b & 31)
        front[s * W + (b >>> 5)]! |= 1 << (b & 31)
        reach[b] = 0
        distSum[b] = 0
        harmonic[b] = 0
      }
      settlePushed(mem, list, len)
      let level = 0
      for (;;) {
        level++
        stamp++
        let nl: number
        if (state[2]! >= pullRatio * state[1]!) {
          nl = wasm
            ? wasm.pull(
                n,
                mem.outOff.byteOffset,
                inOff.byteOffset,
                mem.inSrc.byteOffset,
                full.byteOffset,
                hit.byteOffset,
                front.byteOffset,
                seen.byteOffset,
                next.byteOffset,
                nextList.byteOffset,
                touched.byteOffset,
                state.byteOffset,
              )
            : pullLevel(mem, n, front, next, nextList)
        } else {
          nl = wasm
            ? wasm.push(
                list.byteOffset,
                len,
                stamp,
                mem.outOff.byteOffset,
                mem.outTgt.byteOffset,
                full.byteOffset,
                mark.byteOffset,
                front.byteOffset,
                seen.byteOffset,
                next.byteOffset,
                nextList.byteOffset,
              )
            : pushLevel(list, len, mem.outOff, mem.outTgt, full, front, seen, next, mark, stamp, nextList)
          settlePushed(mem, nextList, nl)
        }
        // the spent frontier's rows are zeroed; the new frontier takes its place
        if (wasm) wasm.clear(list.byteOffset, len, front.byteOffset)
        else clearRows(front, list, len)
        const spent = front
        front = next
        next = spent
        const swap = list
        list = nextList
        nextList = swap
        len = nl
        if (nl === 0) break
        if (wasm) wasm.count(list.byteOffset, nl, front.byteOffset, planes.byteOffset)
        else countLevel(list, nl, front, planes)
        if (scatter) scatterLevel(list, nl, front, level, res.inReach, res.inDistanceSum, res.inHarmonic)
        // read the counters out: bit b of word k's plane j adds 2^j to source 32k + b's count
        const inv = 1 / level
        for (let k = 0; k < W; k++) {
          const p0 = (k >> 2) * 128 + (k & 3)
          let any = 0
          for (let j = 0; j < 32; j++) {
            let p = planes[p0 + 4 * j]!
            if (p === 0) continue
            planes[p0 + 4 * j] = 0
            any |= p
            while (p !== 0) {
              const b = 31 - Math.clz32(p & -p)
              levelCount[32 * k + b]! += 1 << j
              p &= p - 1
            }
          }
          while (any !== 0) {
            const b = 32 * k + 31 - Math.clz32(any & -any)
            any &= any - 1
            const c = levelCount[b]!
            levelCount[b] = 0
            reach[b]! += c
            distSum[b]! += c * level
            harmonic[b]! += c * inv
          }
        }
        diameter = level > diameter ? level : diameter
      }
      // reset what the batch touched (all of it at once when that is most of the graph)
      const nt = state[0]!
      if (nt * 4 > n) {
        hit.fill(0)
        full.fill(0)
        seen.fill(0)
      } else {
        for (let i = 0; i < nt; i++) {
          const v = touched[i]!
          hit[v] = 0
          full[v] = 0
          const vb = v * W
          for (let k = 0; k < W; k++) seen[vb + k] = 0
        }
      }
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
