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
  /** 'sample': k sources timed and scaled to n. */
  method: 'sample'
  /** Human-readable description, e.g. "250 of 100,000 sources (6.1 s) × n/k". */
  detail: string
  /** Sources timed. */
  sources: number
}

/** A result that a library cannot give: no such algorithm, not installed, a failure, a skipped or stopped run. */
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
  /** A measurement still running after this many seconds is stopped and reported as such. */
  deadlineS: number
}

/** The policy for a budget (seconds per measurement). */
export function policyFor(budgetS: number): Policy {
  if (!(budgetS > 0)) throw new RangeError(`the budget must be a positive number of seconds, got ${budgetS}`)
  return { budgetS, longRunS: budgetS / 4, sampleS: budgetS / 4, minSample: 10, deadlineS: 2 * budgetS + 10 }
}

const gc = (globalThis as { gc?: () => void }).gc

/** Collects garbage when node runs with --expose-gc, so one measurement does not pay for the last one's garbage. */
export function collect(): void {
  if (gc) gc()
}

export const gcExposed = gc !== undefined

type Job = () => unknown

/** Seconds taken by one call of fn (awaited when it returns a promise). */
export async function time(fn: Job): Promise<number> {
  const t0 = performance.now()
  const r = fn()
  if (r instanceof Promise) await r
  return (performance.now() - t0) / 1000
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const h = s.length >> 1
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2
}

/**
 * Times full runs: the median of three, or a single run when the first one is long. A short
 * first run (< 0.25 s) counts as JIT warm-up: the function is run again until 0.3 s or 300
 * calls have gone by. Runs shorter than 20 ms are then timed in batches of at least 30 ms
 * (the time of one call is the batch's mean), so that timer resolution and one-off pauses do
 * not decide the median.
 */
export async function measureFull(fn: Job, p: Policy): Promise<Timing> {
  collect()
  const first = await time(fn)
  if (first > p.longRunS) return { seconds: first, runs: 1 }
  const ts: number[] = []
  let one = first
  if (first >= 0.25) ts.push(first)
  else {
    let spent = first
    let calls = 1
    while (spent < 0.3 && calls < 300) {
      one = await time(fn)
      spent += one
      calls++
    }
  }
  const batch = one < 0.02 ? Math.max(1, Math.ceil(0.03 / Math.max(one, 1e-6))) : 1
  while (ts.length < 3) {
    // no forced collection here: right after one, V8 runs the next few calls markedly slower
    // (2–3× for a 10 ms load), which would measure the collector's after-effects
    const t0 = performance.now()
    for (let i = 0; i < batch; i++) {
      const r = fn()
      if (r instanceof Promise) await r
    }
    ts.push((performance.now() - t0) / 1000 / batch)
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

/** Runs an all-sources algorithm on some sources only; set-up (index building) happens in `prepare`. */
export type Sampler = (sources: Int32Array) => unknown

/**
 * For an all-sources algorithm (one BFS per source): a pilot on a few sources predicts the
 * full run. Within the budget the full run is timed (measureFull); beyond it, k sources
 * (enough for about `sampleS` seconds, at least `minSample`) are timed once and scaled by n/k,
 * plus the one-off set-up (`prepare`: index building) timed on its own. On a connected graph
 * every source's search visits every node and tie, so the cost per source varies little.
 */
export async function measureBySources(
  n: number,
  full: Job,
  prepare: () => Sampler,
  p: Policy,
  minSample = p.minSample,
): Promise<Timing> {
  const order = sampleOrder(n)
  collect()
  let someSources: Sampler = () => undefined
  const setup = await time(() => (someSources = prepare()))
  // pilot: batches of 2, 4, 8, … sources until a batch takes 0.2 s (or covers all of them)
  let k = 2
  let perSource = 0
  for (;;) {
    k = Math.min(k, n)
    collect()
    const t = await time(() => someSources(order.subarray(0, k)))
    perSource = t / k
    if (t >= 0.2 || k === n) break
    k *= 2
  }
  if (setup + perSource * n <= p.budgetS) return measureFull(full, p)
  return sampleOnce(n, order, someSources, setup, Math.max(minSample, Math.round(p.sampleS / perSource)))
}

/** Times `size` sources once and scales by n/size (plus set-up): the estimate behind measureBySources. */
export async function sampleOnce(
  n: number,
  order: Int32Array,
  someSources: Sampler,
  setup: number,
  size: number,
): Promise<Timing> {
  size = Math.min(n, size)
  collect()
  const t = await time(() => someSources(order.subarray(0, size)))
  return {
    seconds: setup + (t * n) / size,
    runs: 0,
    estimate: {
      method: 'sample',
      sources: size,
      detail:
        `${fmtInt(size)} of ${fmtInt(n)} sources timed (${fmtSeconds(t)}) and scaled by n/k` +
        (setup >= 0.001 ? `, plus ${fmtSeconds(setup)} of set-up` : ''),
    },
  }
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
  if (r < 0.01) return `${Number(r.toPrecision(2))}×`
  return `${Number(r.toPrecision(3))}×`
}
