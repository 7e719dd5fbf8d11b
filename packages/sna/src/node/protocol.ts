// Messages between the main thread and the path-sweep workers (types only).

import type { PathSweepOut, PathSweepPartial } from '../measures/paths.js'
import type { Adjacency } from '../measures/locality.js'

/** A sweep for the workers: every array in shared memory; workers take blocks from `next`. */
export interface SweepJob {
  type: 'sweep'
  /** CSR arrays on SharedArrayBuffers (weights empty when the sweep ignores them). */
  adjacency: Adjacency
  weight: boolean
  betweenness: boolean
  sources: Int32Array | null
  blockStarts: Int32Array
  /** Per-source results on SharedArrayBuffers: each source writes only its own entry. */
  out: PathSweepOut
  /** One shared counter: the next block to take (Atomics.add). */
  next: Int32Array
}

/** A worker's answers: one per block it swept (arrays transferred, not copied), then `idle`. */
export type SweepReply = { type: 'block'; block: number; partial: PathSweepPartial } | { type: 'idle' }
