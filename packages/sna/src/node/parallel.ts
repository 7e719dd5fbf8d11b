/// <reference types="node" />
// Shortest-path sweeps on worker threads: the graph shared once in SharedArrayBuffers, blocks of sources swept by a small reusable pool, block sums added in block order.
//
// Why the results are identical to pathSweep(): planPathSweep cuts the sources into blocks that
// depend on the number of sources only (never on the threads); every block is swept by the same
// sequential kernel (pathSweeper) from zeroed accumulators, so its sums are bitwise the same on
// any thread; the main thread adds the block sums in block order (buffering blocks that arrive
// early), exactly as pathSweep() does on one thread. Per-source results (out-sums) are written
// once, by the one thread that sweeps that source. Floating-point addition is never reordered.

import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Graph } from '../graph.js'
import type { Adjacency } from '../measures/locality.js'
import {
  addPathPartial,
  finishPathSweep,
  pathSweep,
  planPathSweep,
  sweepLayout,
  type PathSweepLayout,
  type PathSweepOptions,
  type PathSweepOut,
  type PathSweepPartial,
  type PathSweepResult,
} from '../measures/paths.js'
import type { SweepJob, SweepReply } from './protocol.js'

export interface ThreadOptions {
  /**
   * Worker threads to use: 0 or undefined = automatic (os.availableParallelism(), and one
   * thread, in-process, for sweeps under 2,048 sources, which are not split into blocks);
   * 1 = in-process, no worker.
   */
  threads?: number
}

export type ParallelSweepOptions = PathSweepOptions & ThreadOptions

/**
 * How many threads a sweep of `g` would use: 1 for graphs (or source lists) under 2,048,
 * otherwise `threads` or, when 0/undefined, os.availableParallelism(); never more than the
 * sweep's blocks.
 *
 * @example
 * sweepThreads(g) // 2 on a two-core machine for a 10,000-node graph
 */
export function sweepThreads(g: Graph, opts: ThreadOptions & Pick<PathSweepOptions, 'sources'> = {}): number {
  const t = opts.threads ?? 0
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`threads must be a whole number >= 0, got ${t}`)
  const count = opts.sources ? opts.sources.length : g.n
  // planPathSweep splits sweeps of 2,048 sources or more into 128 blocks
  const blocks = count < 2048 ? 1 : 128
  return Math.max(1, Math.min(t === 0 ? availableParallelism() : t, blocks))
}

/**
 * pathSweep() on worker threads, with identical results. The graph's CSR arrays are copied
 * once into SharedArrayBuffers (cached per graph) and shared with the workers; the workers
 * stay alive (unreferenced) for the next call until {@link closeSweepWorkers}.
 *
 * @example
 * const r = await parallelPathSweep(g) // = pathSweep(g), on every core
 */
export async function parallelPathSweep(g: Graph, opts: ParallelSweepOptions = {}): Promise<PathSweepResult> {
  const threads = sweepThreads(g, opts)
  if (threads <= 1) return pathSweep(g, opts)
  const withWeights = opts.weight === true
  const plan = planPathSweep(g, opts, (graph, renumber) => sharedLayout(graph, renumber, withWeights))
  const n = g.n
  const out: PathSweepOut = {
    outDistanceSum: sharedFloat64(n),
    outReach: sharedFloat64(n),
    outHarmonic: sharedFloat64(n),
  }
  const blocks = plan.blockStarts.length - 1
  const count = plan.blockStarts[blocks]!
  const job: SweepJob = {
    type: 'sweep',
    adjacency: plan.adjacency,
    weight: plan.weight,
    betweenness: plan.betweenness,
    sources: plan.sources,
    blockStarts: plan.blockStarts,
    out,
    next: new Int32Array(new SharedArrayBuffer(4)),
  }
  // block sums are added in block order; blocks that arrive early wait in `early`
  const early = new Map<number, PathSweepPartial>()
  let total = null as PathSweepPartial | null
  let merged = 0
  let done = 0
  opts.onProgress?.(0, count)
  await runOnPool(threads, job, (block, partial) => {
    early.set(block, partial)
    for (let p = early.get(merged); p !== undefined; p = early.get(merged)) {
      early.delete(merged)
      if (total === null) total = p
      else addPathPartial(total, p)
      merged++
    }
    done += plan.blockStarts[block + 1]! - plan.blockStarts[block]!
    opts.onProgress?.(done, count)
  })
  if (total === null || merged !== blocks) throw new Error(`parallel sweep: ${merged} of ${blocks} blocks came back`)
  const own: PathSweepOut = {
    outDistanceSum: out.outDistanceSum.slice(),
    outReach: out.outReach.slice(),
    outHarmonic: out.outHarmonic.slice(),
  }
  return finishPathSweep(plan, total, own)
}

/** Stops the pooled workers (they are unreferenced while idle, so a process exits without this). */
export async function closeSweepWorkers(): Promise<void> {
  const all = pool.splice(0)
  await Promise.all(all.map((w) => w.terminate()))
}

// ---- shared memory -------------------------------------------------------------------------

interface SharedLayouts {
  /** Keyed by renumber (true/false) and whether weights were copied. */
  [key: string]: PathSweepLayout | undefined
}

/** Copies of graphs' arrays in shared memory, made once per graph and layout. */
const shared = new WeakMap<Graph, SharedLayouts>()
const NO_WEIGHTS = new Float64Array(0)

function sharedLayout(g: Graph, renumber: boolean, withWeights: boolean): PathSweepLayout {
  let layouts = shared.get(g)
  if (!layouts) shared.set(g, (layouts = {}))
  const key = `${renumber}/${withWeights}`
  // weights are a superset: a copy with weights serves sweeps without them
  const hit = layouts[key] ?? (withWeights ? undefined : layouts[`${renumber}/true`])
  if (hit) return hit
  const { adjacency: a, order } = sweepLayout(g, renumber)
  const outOffsets = shareInt32(a.outOffsets)
  const outTargets = shareInt32(a.outTargets)
  const outWeights = withWeights ? shareFloat64(a.outWeights) : NO_WEIGHTS
  const sym = a.inOffsets === a.outOffsets && a.inSources === a.outTargets
  const adjacency: Adjacency = {
    n: a.n,
    directed: a.directed,
    outOffsets,
    outTargets,
    outWeights,
    inOffsets: sym ? outOffsets : shareInt32(a.inOffsets),
    inSources: sym ? outTargets : shareInt32(a.inSources),
    inWeights: sym || !withWeights ? outWeights : shareFloat64(a.inWeights),
  }
  const layout = { adjacency, order }
  layouts[key] = layout
  return layout
}

function shareInt32(a: Int32Array): Int32Array {
  const s = new Int32Array(new SharedArrayBuffer(a.byteLength))
  s.set(a)
  return s
}

function shareFloat64(a: Float64Array): Float64Array {
  const s = sharedFloat64(a.length)
  s.set(a)
  return s
}

function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT))
}

// ---- the pool --------------------------------------------------------------------------------

/** The compiled worker: tests run the TypeScript sources, which start it from dist. */
function workerUrl(): URL {
  const here = new URL(import.meta.url)
  const url = here.pathname.endsWith('.ts')
    ? new URL('../../dist/node/sweepWorker.js', here)
    : new URL('./sweepWorker.js', here)
  if (!existsSync(fileURLToPath(url)))
    throw new Error(`${fileURLToPath(url)} not found: build @cosafe/sna first (npm run build)`)
  return url
}

const pool: Worker[] = []
/** One job at a time: jobs queue behind each other. */
let queue: Promise<unknown> = Promise.resolve()

function runOnPool(
  threads: number,
  job: SweepJob,
  onBlock: (block: number, p: PathSweepPartial) => void,
): Promise<void> {
  const run = queue.then(() => runJob(threads, job, onBlock))
  queue = run.catch(() => undefined)
  return run
}

async function runJob(
  threads: number,
  job: SweepJob,
  onBlock: (block: number, p: PathSweepPartial) => void,
): Promise<void> {
  while (pool.length < threads) {
    const w = new Worker(workerUrl())
    w.unref()
    pool.push(w)
  }
  const blocks = job.blockStarts.length - 1
  const workers = pool.slice(0, threads)
  const settled = await Promise.allSettled(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const stop = (): void => {
            w.off('message', onMessage)
            w.off('error', onError)
            w.off('exit', onExit)
            w.unref()
          }
          const fail = (e: Error): void => {
            stop()
            // the others stop after their current block; this worker is not reused
            Atomics.store(job.next, 0, blocks)
            const i = pool.indexOf(w)
            if (i >= 0) pool.splice(i, 1)
            void w.terminate()
            reject(e)
          }
          const onMessage = (m: SweepReply): void => {
            if (m.type === 'idle') {
              stop()
              resolve()
              return
            }
            try {
              onBlock(m.block, m.partial)
            } catch (e) {
              fail(e as Error)
            }
          }
          const onError = (e: Error): void => fail(e)
          const onExit = (code: number): void => fail(new Error(`a path-sweep worker stopped (exit code ${code})`))
          w.on('message', onMessage)
          w.on('error', onError)
          w.on('exit', onExit)
          w.ref() // keep the process alive while the job runs
          w.postMessage(job)
        }),
    ),
  )
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
}
