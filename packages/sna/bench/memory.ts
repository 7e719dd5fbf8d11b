// Loads a 1,000,000-tie CSV edge list in a fresh process and measures the load time and the heap the loaded network keeps (bytes per tie); run.ts reads its JSON line. Alone: node --expose-gc --import tsx packages/sna/bench/memory.ts [ties]

import { readCsv, type Network } from '../src/index.js'
import { barabasiAlbert } from './ba.js'

const gc = (globalThis as { gc?: () => void }).gc

/** Heap and external (array-buffer) bytes in use after two full collections. */
function used(): number {
  gc!()
  gc!()
  const u = process.memoryUsage()
  return u.heapUsed + u.external // external includes the array buffers
}

/** A Barabási–Albert edge list (m = 3, seed 42) with about `ties` ties as UTF-8 CSV bytes: `source,target` then `n<u>,n<v>`. */
function csvBytes(ties: number): Uint8Array {
  const m = 3
  const n = Math.round((ties - (m * (m + 1)) / 2) / m) + m + 1
  const el = barabasiAlbert(n, m, 42)
  const lines = ['source,target']
  for (let e = 0; e < el.source.length; e++) lines.push(`n${el.source[e]},n${el.target[e]}`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

export interface MemoryResult {
  nodes: number
  ties: number
  fileBytes: number
  /** Seconds readCsv took on the bytes. */
  seconds: number
  /** Bytes the network keeps per tie once loaded (input bytes dropped, garbage collected). */
  bytesPerTie: number
  /** The same after the first lookup by id, which builds the node table's id index. */
  bytesPerTieWithIndex: number
  /** Peak resident set of the whole process (MB), input and generator included. */
  maxRssMB: number
}

function main(): void {
  if (!gc) throw new Error('run node with --expose-gc')
  const ties = Number(process.argv[2] ?? 1_000_000)
  let bytes: Uint8Array | null = csvBytes(ties)
  const fileBytes = bytes.length
  const before = used() - fileBytes // the input is dropped after loading: count without it
  const t0 = performance.now()
  const network: Network = readCsv(bytes, { source: 'big.csv' }).network
  const seconds = (performance.now() - t0) / 1000
  bytes = null
  const loaded = used() - before
  network.nodes.find('n0')
  const indexed = used() - before
  const g = network.graph
  const out: MemoryResult = {
    nodes: g.n,
    ties: g.m,
    fileBytes,
    seconds,
    bytesPerTie: loaded / g.m,
    bytesPerTieWithIndex: indexed / g.m,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(JSON.stringify(out) + '\n')
}

main()
