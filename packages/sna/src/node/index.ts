/// <reference types="node" />
// The Node-only door of @cosafe/sna (`@cosafe/sna/node`): shortest-path measures on worker threads, identical to the single-threaded ones.

import { analyze, analyzeSweeps, type Analysis, type AnalyzeOptions } from '../analyze.js'
import type { Graph } from '../graph.js'
import {
  normalizeBetweenness,
  scaleHarmonic,
  wfCloseness,
  type BetweennessOptions,
  type ClosenessOptions,
  type PathSweepResult,
} from '../measures/paths.js'
import { parallelPathSweep, type ThreadOptions } from './parallel.js'

export { closeSweepWorkers, parallelPathSweep, sweepThreads } from './parallel.js'
export type { ParallelSweepOptions, ThreadOptions } from './parallel.js'
// browser-safe, named here too so that Node callers find every betweenness variant in one door
export {
  APPROX_BETWEENNESS_DEFAULTS,
  approxBetweennessSamples,
  approximateBetweenness,
  vertexDiameterBound,
} from '../measures/approxBetweenness.js'
export type { ApproxBetweenness, ApproxBetweennessOptions } from '../measures/approxBetweenness.js'

/**
 * betweenness() on worker threads: the same Float64Array, bit for bit.
 *
 * @example
 * import { parallelBetweenness } from '@cosafe/sna/node'
 * const bc = await parallelBetweenness(g) // { threads: 0 } = every core
 */
export async function parallelBetweenness(
  g: Graph,
  opts: BetweennessOptions & ThreadOptions = {},
): Promise<Float64Array> {
  const r = await parallelPathSweep(g, {
    weight: opts.weight,
    betweenness: true,
    onProgress: opts.onProgress,
    threads: opts.threads,
  })
  const bc = r.betweenness!
  if (opts.normalized) normalizeBetweenness(g, bc)
  return bc
}

/**
 * closeness() (Wasserman–Faust) on worker threads, identical to the single-threaded one.
 *
 * @example
 * const c = await parallelCloseness(g, { threads: 2 })
 */
export async function parallelCloseness(g: Graph, opts: ClosenessOptions & ThreadOptions = {}): Promise<Float64Array> {
  const r = await closenessSweep(g, opts)
  return opts.mode === 'out' || !g.directed
    ? wfCloseness(g.n, r.outDistanceSum, r.outReach)
    : wfCloseness(g.n, r.inDistanceSum, r.inReach)
}

/**
 * harmonicCloseness() on worker threads, identical to the single-threaded one.
 *
 * @example
 * const h = await parallelHarmonicCloseness(g)
 */
export async function parallelHarmonicCloseness(
  g: Graph,
  opts: ClosenessOptions & ThreadOptions = {},
): Promise<Float64Array> {
  const r = await closenessSweep(g, opts)
  return scaleHarmonic(g.n, opts.mode === 'out' || !g.directed ? r.outHarmonic : r.inHarmonic)
}

function closenessSweep(g: Graph, opts: ClosenessOptions & ThreadOptions): Promise<PathSweepResult> {
  return parallelPathSweep(g, {
    weight: opts.weight,
    betweenness: false,
    onProgress: opts.onProgress,
    threads: opts.threads,
  })
}

/**
 * analyze() with its shortest-path sweeps on worker threads: the same Analysis, bit for bit.
 *
 * @example
 * const a = await analyzeInParallel(g, { measures: ['betweenness', 'closeness'] })
 */
export async function analyzeInParallel(g: Graph, opts: AnalyzeOptions & ThreadOptions = {}): Promise<Analysis> {
  const need = analyzeSweeps(g, opts)
  const sweeps: NonNullable<AnalyzeOptions['sweeps']> = { ...opts.sweeps }
  for (const key of ['paths', 'weightedPaths'] as const) {
    const want = need[key]
    if (!want || sweeps[key]) continue
    const label = key === 'paths' ? 'paths' : 'weighted paths'
    sweeps[key] = await parallelPathSweep(g, {
      ...want,
      threads: opts.threads,
      onProgress: opts.onProgress && ((d, t) => opts.onProgress!(label, d, t)),
    })
  }
  return analyze(g, { ...opts, sweeps })
}
