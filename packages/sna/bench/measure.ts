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
  /** Samples during which another process still took the CPU after three attempts. */
  busy?: number
}

export interface Estimate {
  /** 'sample': k sources timed and scaled to n; 'scaled': scaled from a smaller graph. */
  method: 'sample' | 'scaled'
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

/**
 * Times `calls` calls of fn (seconds per call), and tells whether another process took the CPU
 * meanwhile: the process's CPU time fell short of the wall time (× the threads it runs on).
 * The machine is shared (other work, other benchmarks): a sample that lost the CPU is taken
 * again, up to three times in all, and the least disturbed kept.
 */
async function sample(fn: Job, calls: number, threads: number): Promise<{ seconds: number; busy: boolean }> {
  let best = { seconds: Infinity, busy: true }
  for (let attempt = 0; attempt < 3 && best.busy; attempt++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    for (let i = 0; i < calls; i++) {
      const r = fn()
      if (r instanceof Promise) await r
    }
    const wall = (performance.now() - t0) / 1000
    const c = process.cpuUsage(c0)
    const cpu = (c.user + c.system) / 1e6
    const busy = wall > 0.005 && cpu < (threads === 1 ? 0.85 : 0.7 * threads) * wall
    if (!busy || wall / calls < best.seconds) best = { seconds: wall / calls, busy }
  }
  return best
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
 * not decide the median. `threads`: how many threads fn keeps busy (for the CPU-time check).
 */
export async function measureFull(fn: Job, p: Policy, threads = 1): Promise<Timing> {
  collect()
  const first = await sample(fn, 1, threads)
  if (first.seconds > p.longRunS) return { seconds: first.seconds, runs: 1, ...(first.busy ? { busy: 1 } : {}) }
  const ts: number[] = []
  let busy = 0
  let one = first.seconds
  if (one >= 0.25) {
    ts.push(one)
    if (first.busy) busy++
  } else {
    let spent = one
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
    const s = await sample(fn, batch, threads)
    ts.push(s.seconds)
    if (s.busy) busy++
  }
  return { seconds: median(ts), runs: 3, ...(busy ? { busy } : {}) }
}

/** A seeded random order of the nodes 0 .. n-1, so that samples are the same on every run. */
export function sampleOrder(n: number, seed = 7, granularity = 1): Int32Array {
  // blocks of `granularity` consecutive nodes in random order (single nodes when 1): a batched
  // kernel then sees batches like those of a full sweep, not scattered sources
  const blocks = Math.ceil(n / granularity)
  const perm = Int32Array.from({ length: blocks }, (_, i) => i)
  const rand = mulberry32(seed)
  for (let i = blocks - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const t = perm[i]!
    perm[i] = perm[j]!
    perm[j] = t
  }
  const order = new Int32Array(n)
  let k = 0
  for (const b of perm) for (let v = b * granularity; v < Math.min(n, (b + 1) * granularity); v++) order[k++] = v
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
 *
 * The pilot runs batches of 2, 4, 8, … sources until one takes 0.2 s; the cost of a source is
 * the difference between the last two batches over their difference in size, so that work a
 * call does once whatever its sources (cosafe renumbers the graph for locality) is not
 * multiplied by n/k: it is counted once, as set-up.
 */
export async function measureBySources(
  n: number,
  full: Job,
  prepare: () => Sampler,
  p: Policy,
  minSample = p.minSample,
  threads = 1,
  granularity = 1,
  sweepOrder?: Int32Array,
): Promise<Timing> {
  // blocks of consecutive positions in the order the full run sweeps its sources (a batched
  // kernel's cost depends on how close a batch's sources are to each other)
  const positions = sampleOrder(n, 7, granularity)
  const order = sweepOrder ? positions.map((k) => sweepOrder[k]!) : positions
  collect()
  let someSources: Sampler = () => undefined
  const setup = await time(() => (someSources = prepare()))
  // a kernel that sweeps `granularity` sources at once costs the same for 1 or `granularity` of
  // them: the pilot starts at two such batches, so that doubling k doubles the work
  let k = 2 * granularity
  let last = 0
  let perSource = 0
  let perCall = 0
  for (;;) {
    k = Math.min(k, n)
    collect()
    // (sweeps under 2,048 sources run on one thread even when more are asked for)
    const t = (await sample(() => someSources(order.subarray(0, k)), 1, k >= 2048 ? threads : 1)).seconds
    if (last > 0 && t > last) {
      perSource = (t - last) / (k - (k >> 1))
      perCall = Math.max(0, t - perSource * k)
    } else {
      perSource = t / k
      perCall = 0
    }
    last = t
    if (t >= 0.2 || k === n) break
    k *= 2
  }
  if (setup + perCall + perSource * n <= p.budgetS) return measureFull(full, p, threads)
  return sampleOnce(
    n,
    order,
    someSources,
    setup + perCall,
    perCall,
    granularity * Math.ceil(Math.max(minSample, Math.round(p.sampleS / perSource)) / granularity),
    threads,
  )
}

/**
 * Times `size` sources once and scales by n/size: the estimate behind measureBySources.
 * `setup` is added once; `perCall` (the one-off work of a call) is taken off the sample first.
 */
export async function sampleOnce(
  n: number,
  order: Int32Array,
  someSources: Sampler,
  setup: number,
  perCall: number,
  size: number,
  threads = 1,
): Promise<Timing> {
  size = Math.min(n, size)
  collect()
  const s = await sample(() => someSources(order.subarray(0, size)), 1, size >= 2048 ? threads : 1)
  const work = Math.max(0, s.seconds - perCall)
  return {
    seconds: setup + (work * n) / size,
    runs: 0,
    ...(s.busy ? { busy: 1 } : {}),
    estimate: {
      method: 'sample',
      sources: size,
      detail:
        `${fmtInt(size)} of ${fmtInt(n)} sources timed (${fmtSeconds(s.seconds)}) and scaled by n/k` +
        (setup >= 0.001 ? `, plus ${fmtSeconds(setup)} of set-up once` : ''),
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
