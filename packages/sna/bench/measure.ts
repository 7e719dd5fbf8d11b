// Timing policy of the benchmark: medians of repeated runs, and source-sampled estimates when a run would exceed the budget.

import { mulberry32 } from './ba.js'

/** One timed measurement: a median of `runs` full runs, or an estimate. */
export interface Timing {
  /** Seconds for one full run (median), or the estimated seconds. */
  seconds: number
  /** Number of full runs the median is taken over (0 for an estimate). */
  runs: number
  /** Set when the time is an estimate rather than a measured full run. */
  estimate?: Estimate
}

export interface Estimate {
  /** 'sample': k sources timed and scaled to n; 'scaled': scaled from a smaller graph's measurement. */
  method: 'sample' | 'scaled'
  /** Human-readable description, e.g. "250 of 100,000 sources (6.1 s) × n/k". */
  detail: string
}

/** A result that a peer cannot give: no such algorithm, a failure, or a skipped run. */
export interface Missing {
  missing: string
}

export type Cell = Timing | Missing

export function isTiming(c: Cell | undefined): c is Timing {
  return c !== undefined && 'seconds' in c
}

export interface Policy {
  /** A full run predicted to take longer than this (seconds) is estimated instead. */
  budgetS: number
  /** A first run longer than this is not repeated (one run instead of a median of three). */
  longRunS: number
  /** Target time (seconds) of the timed sample behind an estimate. */
  sampleS: number
  /** Fewest sources an estimate is based on. */
  minSample: number
}

export function policyFromEnv(env: NodeJS.ProcessEnv): Policy {
  const budgetS = Number(env.BENCH_BUDGET_S ?? 20)
  if (!(budgetS > 0))
    throw new RangeError(`BENCH_BUDGET_S must be a positive number of seconds, got "${env.BENCH_BUDGET_S}"`)
  return { budgetS, longRunS: budgetS / 4, sampleS: budgetS / 4, minSample: 10 }
}

const gc = (globalThis as { gc?: () => void }).gc

/** Collects garbage when node runs with --expose-gc, so one measurement does not pay for the last one's garbage. */
export function collect(): void {
  if (gc) gc()
}

export const gcExposed = gc !== undefined

/** Seconds taken by one call of fn. */
export function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return (performance.now() - t0) / 1000
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const h = s.length >> 1
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2
}

/**
 * Times full runs: the median of three, or a single run when the first one is long. A short
 * first run (< 0.25 s) counts as JIT warm-up: the function is run again until 0.25 s or 20
 * calls have gone by, and then three runs are timed.
 */
export function measureFull(fn: () => unknown, p: Policy): Timing {
  collect()
  const first = time(fn)
  if (first > p.longRunS) return { seconds: first, runs: 1 }
  const ts: number[] = []
  if (first >= 0.25) ts.push(first)
  else for (let spent = first, calls = 1; spent < 0.25 && calls < 20; calls++) spent += time(fn)
  while (ts.length < 3) {
    collect()
    ts.push(time(fn))
  }
  return { seconds: median(ts), runs: 3 }
}

/** A seeded random order of the nodes 0 .. n-1, so that samples are the same on every run. */
export function sampleOrder(n: number, seed = 7): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  const rand = mulberry32(seed)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  return order
}

/**
 * For an all-sources algorithm (one BFS per source): a pilot on a few sources predicts the
 * full run. Within the budget the full run is timed (measureFull); beyond it, k sources
 * (enough for about `sampleS` seconds) are timed once and scaled by n/k, plus the one-off
 * set-up (`prepare`: index building) timed on its own. On a connected graph every source's
 * search visits every node and tie, so the cost per source varies little.
 */
export function measureBySources(
  n: number,
  full: () => unknown,
  prepare: () => (sources: Int32Array) => unknown,
  p: Policy,
): Timing {
  const order = sampleOrder(n)
  collect()
  let someSources: (sources: Int32Array) => unknown = () => undefined
  const setup = time(() => (someSources = prepare()))
  // pilot: batches of 2, 4, 8, … sources until a batch takes 0.2 s (or covers all of them)
  let k = 2
  let perSource = 0
  for (;;) {
    k = Math.min(k, n)
    collect()
    const t = time(() => someSources(order.subarray(0, k)))
    perSource = t / k
    if (t >= 0.2 || k === n) break
    k *= 2
  }
  if (setup + perSource * n <= p.budgetS) return measureFull(full, p)
  const size = Math.min(n, Math.max(p.minSample, Math.round(p.sampleS / perSource)))
  collect()
  const t = time(() => someSources(order.subarray(0, size)))
  return {
    seconds: setup + (t * n) / size,
    runs: 0,
    estimate: {
      method: 'sample',
      detail:
        `${fmtInt(size)} of ${fmtInt(n)} sources timed (${fmtSeconds(t)}) and scaled by n/k` +
        (setup >= 0.001 ? `, plus ${fmtSeconds(setup)} of set-up` : ''),
    },
  }
}

/** Times k sources of an all-sources algorithm and scales by n/k, plus set-up (used to check the estimator). */
export function sampleEstimate(n: number, k: number, prepare: () => (sources: Int32Array) => unknown): number {
  const order = sampleOrder(n)
  collect()
  let someSources: (sources: Int32Array) => unknown = () => undefined
  const setup = time(() => (someSources = prepare()))
  someSources(order.subarray(0, Math.min(k, 20))) // warm-up
  collect()
  return setup + (time(() => someSources(order.subarray(0, k))) * n) / k
}

export function fmtInt(x: number): string {
  return Math.round(x).toLocaleString('en-US')
}

/** 3 significant digits: 0.412 ms, 12.3 ms, 4.56 s, 2,020 s. */
export function fmtSeconds(s: number): string {
  if (s < 1) {
    const ms = s * 1000
    return `${ms >= 100 ? Math.round(ms) : Number(ms.toPrecision(3))} ms`
  }
  if (s < 100) return `${Number(s.toPrecision(3))} s`
  return `${fmtInt(Number(s.toPrecision(3)))} s`
}

export function fmtRatio(r: number): string {
  if (r >= 100) return `${fmtInt(Number(r.toPrecision(3)))}×`
  return `${Number(r.toPrecision(3))}×`
}
