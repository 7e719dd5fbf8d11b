// Ad-hoc CPU-time comparison (process.cpuUsage) of a measure on the benchmark graphs: `npx tsx packages/sna/bench/cpu-compare.ts <measure> [old-module]`.
import { NetworkBuilder, eigenvector, pagerank, coreness, type Graph } from '../src/index.js'
import { ba, directedPA, grid, lfrLike, type Dataset } from './graphs.js'

const build = (d: Dataset): Graph => {
  const b = new NetworkBuilder({ directed: d.directed })
  for (let i = 0; i < d.n; i++) b.addNode(String(i))
  for (let e = 0; e < d.source.length; e++) b.addTie(d.source[e]!, d.target[e]!)
  return b.build().network.graph
}
const cpu = (f: () => unknown): number => {
  // JIT warm-up: at least 0.15 s or 20 calls, so that the first measured function does not pay for compiling
  const w0 = process.cpuUsage()
  for (let i = 0; i < 20; i++) {
    f()
    const t = process.cpuUsage(w0)
    if (t.user + t.system > 150_000) break
  }
  let reps = 0
  const t0 = process.cpuUsage()
  let el = 0
  do {
    f()
    reps++
    const t = process.cpuUsage(t0)
    el = (t.user + t.system) / 1000
  } while (el < 300 && reps < 50)
  return el / reps
}
const fns: Record<string, (g: Graph) => unknown> = {
  eigenvector: (g) => eigenvector(g),
  pagerank: (g) => pagerank(g),
  kcore: (g) => coreness(g),
}
const [measure = 'pagerank', oldPath] = process.argv.slice(2)
const old = oldPath
  ? ((await import(oldPath)) as Record<string, (g: Graph) => unknown>)[measure === 'kcore' ? 'coreness' : measure]
  : undefined
const sets = [
  ba(1000),
  ba(10_000),
  lfrLike(10_000),
  directedPA(10_000),
  ba(100_000),
  ...(process.env.GRID ? [grid(300)] : []),
]
for (const d of sets) {
  const g = build(d)
  const now = cpu(() => fns[measure]!(g))
  const before = old ? cpu(() => old(g)) : NaN
  console.log(`${d.title}\t${measure}\tbefore ${before.toFixed(3)} ms\tafter ${now.toFixed(3)} ms`)
}
