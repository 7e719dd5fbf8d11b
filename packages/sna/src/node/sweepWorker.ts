/// <reference types="node" />
// A path-sweep worker: takes blocks of sources from a shared counter, runs the sequential kernel on each, sends back the block's sums.

import { parentPort } from 'node:worker_threads'
import { pathSweeper, type PathSweepPartial } from '../measures/paths.js'
import type { SweepJob, SweepReply } from './protocol.js'

const port = parentPort
if (!port) throw new Error('sweepWorker.js runs as a worker thread (started by @cosafe/sna/node)')

port.on('message', (job: SweepJob) => {
  const sweeper = pathSweeper(
    {
      adjacency: job.adjacency,
      order: null, // the main thread maps results back
      weight: job.weight,
      betweenness: job.betweenness,
      sources: job.sources,
      blockStarts: job.blockStarts,
    },
    job.out,
  )
  const blocks = job.blockStarts.length - 1
  for (;;) {
    const block = Atomics.add(job.next, 0, 1)
    if (block >= blocks) break
    const partial = sweeper.sweep(block)
    const reply: SweepReply = { type: 'block', block, partial }
    port.postMessage(reply, buffersOf(partial))
  }
  port.postMessage({ type: 'idle' } satisfies SweepReply)
})

function buffersOf(p: PathSweepPartial): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const a of [p.betweenness, p.inDistanceSum, p.inReach, p.inHarmonic]) if (a) out.push(a.buffer as ArrayBuffer)
  return out
}
