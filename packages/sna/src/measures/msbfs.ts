// Multi-source BFS (Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal",
// VLDB 2015) for the distance-only sweeps: closeness, harmonic closeness, diameter.
//
// 32 sources run at once, one bit each: seen[v] holds the sources that have reached v, front[v]
// those that reached it at the current level. A level pushes front[v] along v's ties and keeps,
// at each target, the bits it had not seen. A node is in the frontier once per distinct
// distance from the batch, not once per source, so a batch costs a few BFS, not 32.
// Per-source counts come from vertical (bit-sliced) counters: each level's new words are added
// into 32-bit planes, plane j holding bit j of every source's count, read out once per level.
// Per-node sums (the "in" side of a directed graph) take the popcount of the new word.
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

const WIDTH = 32

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/**
 * The distance-only sweep kernel of an unweighted graph: per source its out-sums (distance sum,
 * reach, harmonic sum), and on a directed graph the in-sums of every node reached.
 */
export function multiSourceKernel(g: Adjacency): MultiSourceKernel {
  const n = g.n
  const off = g.outOffsets
  const tgt = g.outTargets
  const scatter = g.directed
  const seen = new Int32Array(n)
  const front = new Int32Array(n)
  const fresh = new Int32Array(n)
  const nextList = new Int32Array(n) // the nodes that get new bits in this level
  // every level's nodes end to end (a node once per level in which it gets new bits, so at most
  // 32 times): the frontier of a level is a slice, and the reset walks them all
  let visited = new Int32Array(n)
  const planes = new Int32Array(WIDTH) // vertical counters: plane j = bit j of each source's count
  const levelCount = new Int32Array(WIDTH)
  const reach = new Float64Array(WIDTH)
  const distSum = new Float64Array(WIDTH)
  const harmonic = new Float64Array(WIDTH)
  const batch = new Int32Array(WIDTH)

  return (res, sources, from, to, count, onProgress) => {
    const step = Math.max(1, Math.floor(count / 100))
    let diameter = 0
    let pairs = 0
    let total = 0
    for (let k0 = from; k0 < to; k0 += WIDTH) {
      if (onProgress && Math.floor(k0 / step) !== Math.floor(Math.min(to, k0 + WIDTH) / step)) onProgress(k0, count)
      const size = Math.min(WIDTH, to - k0)
      // level 0: each source sees itself
      let len = 0
      for (let b = 0; b < size; b++) {
        const s = sources ? sources[k0 + b]! : k0 + b
        batch[b] = s
        if (seen[s] === 0) visited[len++] = s
        seen[s]! |= 1 << b
        front[s] = seen[s]!
        reach[b] = 0
        distSum[b] = 0
        harmonic[b] = 0
      }
      let level = 0
      let levelStart = 0
      let levelEnd = len
      while (levelEnd > levelStart) {
        level++
        // push the frontier along the ties; `fresh` collects the unseen bits at each target
        let nl = 0
        for (let i = levelStart; i < levelEnd; i++) {
          const v = visited[i]!
          const f = front[v]!
          front[v] = 0
          for (let e = off[v]!, end = off[v + 1]!; e < end; e++) {
            const w = tgt[e]!
            const add = f & ~seen[w]!
            if (add !== 0) {
              if (fresh[w] === 0) nextList[nl++] = w
              fresh[w]! |= add
            }
          }
        }
        if (nl === 0) break
        // settle the level: the new bits become seen and the next frontier, and are counted
        const inv = 1 / level
        let top = 0 // planes in use
        let bits = 0 // sources that reached a node in this level
        for (let i = 0; i < nl; i++) {
          const w = nextList[i]!
          const x = fresh[w]!
          fresh[w] = 0
          seen[w]! |= x
          front[w] = x
          bits |= x
          let carry = x
          let j = 0
          for (; carry !== 0; j++) {
            const t = planes[j]! & carry
            planes[j]! ^= carry
            carry = t
          }
          if (j > top) top = j
          if (scatter) {
            const c = popcount(x)
            res.inReach[w]! += c
            res.inDistanceSum[w]! += c * level
            res.inHarmonic[w]! += c * inv
          }
        }
        // read the counters out: bit b of plane j adds 2^j to source b's count
        for (let j = 0; j < top; j++) {
          let p = planes[j]!
          planes[j] = 0
          while (p !== 0) {
            const b = 31 - Math.clz32(p & -p)
            levelCount[b]! += 1 << j
            p &= p - 1
          }
        }
        while (bits !== 0) {
          const b = 31 - Math.clz32(bits & -bits)
          bits &= bits - 1
          const c = levelCount[b]!
          levelCount[b] = 0
          reach[b]! += c
          distSum[b]! += c * level
          harmonic[b]! += c * inv
        }
        diameter = level > diameter ? level : diameter
        // the new frontier follows the earlier levels
        if (levelEnd + nl > visited.length) {
          const grown = new Int32Array(Math.max(visited.length * 2, levelEnd + nl))
          grown.set(visited.subarray(0, levelEnd))
          visited = grown
        }
        visited.set(nextList.subarray(0, nl), levelEnd)
        levelStart = levelEnd
        levelEnd += nl
      }
      for (let i = 0; i < levelEnd; i++) {
        const v = visited[i]!
        seen[v] = 0
        front[v] = 0
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
