// Brandes (2001) for unweighted graphs, one source at a time: betweenness with the distance sums
// of closeness alongside. The per-source pass runs in WebAssembly (brandes.wat) where the
// platform has it, else in JavaScript (`brandesSource`); both do the same arithmetic in the same
// order, so they give identical numbers.

import { BRANDES_WASM } from './brandesWasm.js'
import type { Adjacency } from './locality.js'
import type { PathSweepResult, SweepKernel } from './paths.js'
import { wasmLayout, wasmModule } from './wasm.js'

/** Knobs for tests and benchmarks; the defaults are what the library uses. */
export interface BrandesTuning {
  /** Run each source in WebAssembly (brandes.wat) when the platform has it (default true). */
  wasm?: boolean
}

interface SweepScratch {
  queue: Int32Array
  /** BFS level of each node, -1 when not reached (reset after each source). */
  dist: Int32Array
  sigma: Float64Array
  /** (1 + δ(w)) / σ(w): what w passes back to each of its predecessors. */
  coef: Float64Array
  /** Shortest-path successors of the queue's nodes, in queue order; queue slot i owns succ[succStart[i] ..]. */
  succ: Int32Array
  succStart: Int32Array
  diameter: number
  pairs: number
  distSum: number
}

/** brandes.wat's function; arrays are byte offsets into its memory (see there). */
interface WasmBrandes {
  source(
    src: number,
    off: number,
    tgt: number,
    dist: number,
    sigma: number,
    coef: number,
    bc: number,
    queue: number,
    succ: number,
    succStart: number,
    ins: number,
    scatter: number,
    state: number,
  ): number
}

/**
 * The unweighted Brandes sweep kernel: per source its out-sums (distance sum, reach, harmonic
 * sum) and its dependencies added to the betweenness, and on a directed graph the in-sums of
 * every node reached.
 */
export function brandesKernel(g: Adjacency, tuning: BrandesTuning = {}): SweepKernel {
  return (tuning.wasm !== false ? wasmKernel(g) : null) ?? jsKernel(g)
}

function jsKernel(g: Adjacency): SweepKernel {
  const n = g.n
  const scatter = g.directed
  const s: SweepScratch = {
    queue: new Int32Array(n),
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    coef: new Float64Array(n),
    succ: new Int32Array(g.outTargets.length),
    succStart: new Int32Array(n + 1),
    diameter: 0,
    pairs: 0,
    distSum: 0,
  }
  return (res, sources, from, to, count, onProgress) => {
    const step = Math.max(1, Math.floor(count / 100))
    s.diameter = 0
    s.pairs = 0
    s.distSum = 0
    for (let k = from; k < to; k++) {
      if (onProgress && k % step === 0) onProgress(k, count)
      brandesSource(g, sources ? sources[k]! : k, s, res, scatter)
    }
    res.diameter = s.diameter
    res.reachablePairs = s.pairs
    res.distanceSum = s.distSum
  }
}

/** The kernel on brandes.wat, its arrays in one WebAssembly memory (the ties copied in); null where it cannot run. */
function wasmKernel(g: Adjacency): SweepKernel | null {
  const module = wasmModule(BRANDES_WASM)
  if (!module) return null
  const n = g.n
  const ties = g.outOffsets[n]!
  const scatter = g.directed
  const { place, memory: allocate } = wasmLayout()
  const pState = place(24)
  const pOff = place(4 * (n + 1))
  const pTgt = place(4 * ties)
  const pDist = place(4 * n)
  const pSigma = place(8 * n)
  const pCoef = place(8 * n)
  const pBc = place(8 * n)
  const pQueue = place(4 * n)
  const pSucc = place(4 * ties)
  const pSuccStart = place(4 * (n + 1))
  const pIns = place(scatter ? 24 * n : 0)
  const memory = allocate()
  if (!memory) return null // no memory that large here: the JavaScript kernel does the same work
  const w = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as WasmBrandes
  const buf = memory.buffer
  new Int32Array(buf, pOff, n + 1).set(g.outOffsets.subarray(0, n + 1))
  new Int32Array(buf, pTgt, ties).set(g.outTargets.subarray(0, ties))
  new Int32Array(buf, pDist, n).fill(-1)
  const bc = new Float64Array(buf, pBc, n)
  const ins = new Float64Array(buf, pIns, scatter ? 3 * n : 0)
  const sums = new Float64Array(buf, pState, 2)
  const far = new Int32Array(buf, pState + 16, 1)
  const s = { diameter: 0, pairs: 0, distSum: 0 }
  return (res, sources, from, to, count, onProgress) => {
    const step = Math.max(1, Math.floor(count / 100))
    s.diameter = 0
    s.pairs = 0
    s.distSum = 0
    bc.fill(0)
    ins.fill(0)
    for (let k = from; k < to; k++) {
      if (onProgress && k % step === 0) onProgress(k, count)
      const src = sources ? sources[k]! : k
      const tail = w.source(
        src,
        pOff,
        pTgt,
        pDist,
        pSigma,
        pCoef,
        pBc,
        pQueue,
        pSucc,
        pSuccStart,
        pIns,
        scatter ? 1 : 0,
        pState,
      )
      finishSource(s, res, src, tail, far[0]!, sums[0]!, sums[1]!)
    }
    // the sweep's sums start at zero: adding the block's sums gives the JavaScript kernel's numbers
    const out = res.betweenness!
    for (let v = 0; v < n; v++) out[v]! += bc[v]!
    if (scatter) {
      for (let v = 0; v < n; v++) {
        res.inDistanceSum[v]! += ins[3 * v]!
        res.inReach[v]! += ins[3 * v + 1]!
        res.inHarmonic[v]! += ins[3 * v + 2]!
      }
    }
    res.diameter = s.diameter
    res.reachablePairs = s.pairs
    res.distanceSum = s.distSum
  }
}

/**
 * Brandes for one source: BFS with path counts, then dependencies pulled from successors.
 * The forward pass writes each node's shortest-path successors into one flat list (`succ`,
 * the range of v starts at `succStart[v]`), so the backward pass reads only the ties of the
 * shortest-path DAG, sequentially and without branching on levels.
 */
function brandesSource(g: Adjacency, src: number, s: SweepScratch, res: PathSweepResult, scatter: boolean): void {
  const off = g.outOffsets
  const tgt = g.outTargets
  const { queue, dist, sigma, coef, succ, succStart } = s
  const bc = res.betweenness!
  dist[src] = 0
  sigma[src] = 1
  queue[0] = src
  let head = 0
  let tail = 1
  let k = 0
  while (head < tail) {
    const v = queue[head]!
    succStart[head++] = k
    const dw = dist[v]! + 1
    const sv = sigma[v]!
    for (let e = off[v]!, end = off[v + 1]!; e < end; e++) {
      const w = tgt[e]!
      const d = dist[w]!
      if (d < 0) {
        dist[w] = dw
        sigma[w] = sv
        queue[tail++] = w
        succ[k++] = w
      } else if (d === dw) {
        sigma[w]! += sv
        succ[k++] = w
      }
    }
  }
  succStart[tail] = k
  // dependencies in reverse BFS order: δ(v) = σ(v) Σ_{w successor} (1 + δ(w))/σ(w)
  let sum = 0
  let harm = 0
  let lastLevel = 0
  let inv = 0
  for (let i = tail - 1; i > 0; i--) {
    const v = queue[i]!
    let acc = 0
    for (let j = succStart[i]!, end = succStart[i + 1]!; j < end; j++) acc += coef[succ[j]!]!
    const sv = sigma[v]!
    const delta = sv * acc
    bc[v]! += delta
    coef[v] = (1 + delta) / sv
    const dv = dist[v]!
    if (dv !== lastLevel) {
      lastLevel = dv
      inv = 1 / dv
    }
    sum += dv
    harm += inv
    if (scatter) {
      res.inDistanceSum[v]! += dv
      res.inReach[v]!++
      res.inHarmonic[v]! += inv
    }
  }
  const far = tail > 1 ? dist[queue[tail - 1]!]! : 0
  for (let i = 0; i < tail; i++) dist[queue[i]!] = -1
  finishSource(s, res, src, tail, far, sum, harm)
}

function finishSource(
  s: Pick<SweepScratch, 'diameter' | 'pairs' | 'distSum'>,
  res: PathSweepResult,
  src: number,
  tail: number,
  far: number,
  sum: number,
  harm: number,
): void {
  res.outDistanceSum[src] = sum
  res.outReach[src] = tail - 1
  res.outHarmonic[src] = harm
  if (far > s.diameter) s.diameter = far
  s.pairs += tail - 1
  s.distSum += sum
}
