// The benchmark's datasets: seeded generators (Barabási–Albert, LFR-like communities, directed preferential attachment with reciprocity, grid) and the edge-list file every library reads.

import { writeFileSync } from 'node:fs'
import { barabasiAlbert, mulberry32 } from './ba.js'

/** A simple graph on nodes 0 .. n-1 as two parallel endpoint arrays (arcs when directed). */
export interface Dataset {
  /** Short key, used in file names and on the command line. */
  key: string
  /** How the table names it. */
  title: string
  /** One sentence on how it was generated. */
  recipe: string
  n: number
  directed: boolean
  source: Int32Array
  target: Int32Array
}

/** Ties of a simple graph, collected without repeats (undirected pairs stored once, lower index first). */
class TieSet {
  readonly source: number[] = []
  readonly target: number[] = []
  private readonly seen = new Set<number>()

  constructor(
    private readonly n: number,
    private readonly directed: boolean,
  ) {}

  /** Adds u–v (u→v when directed) unless it is a loop or already there; true when added. */
  add(u: number, v: number): boolean {
    if (u === v) return false
    const a = this.directed || u < v ? u : v
    const b = this.directed || u < v ? v : u
    const key = a * this.n + b
    if (this.seen.has(key)) return false
    this.seen.add(key)
    this.source.push(a)
    this.target.push(b)
    return true
  }

  has(u: number, v: number): boolean {
    const a = this.directed || u < v ? u : v
    const b = this.directed || u < v ? v : u
    return this.seen.has(a * this.n + b)
  }
}

export function ba(n: number, m = 3, seed = 42): Dataset {
  const el = barabasiAlbert(n, m, seed)
  return {
    key: `ba-${n}`,
    title: `BA ${fmtK(n)}`,
    recipe: `Barabási–Albert, m = ${m}, seed ${seed}`,
    n,
    directed: false,
    source: el.source,
    target: el.target,
  }
}

/** Integer in [lo, hi] from a truncated power law P(x) ∝ x^(−exponent) (inverse transform of the continuous law). */
function powerLaw(rand: () => number, lo: number, hi: number, exponent: number): number {
  const a = 1 - exponent
  const u = rand()
  const x = Math.pow(Math.pow(lo, a) + u * (Math.pow(hi + 1, a) - Math.pow(lo, a)), 1 / a)
  return Math.min(hi, Math.floor(x))
}

/** Fisher–Yates shuffle of a[0 .. len). */
function shuffle(a: Int32Array, len: number, rand: () => number): void {
  for (let i = len - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const t = a[i]!
    a[i] = a[j]!
    a[j] = t
  }
}

/**
 * An LFR-like benchmark graph (after Lancichinetti, Fortunato & Radicchi 2008, simplified):
 * degrees from a power law (exponent 2.5, 5 .. 50), community sizes from a power law (exponent
 * 1.5, 20 .. 250), a fraction μ of every node's ties leaving its community. Stubs are matched at
 * random inside each community and across communities (configuration model); loops, repeats and
 * cross stubs that land inside a community are dropped, and a node left without ties is tied to
 * a member of its community.
 */
export function lfrLike(n: number, mu = 0.2, seed = 7): Dataset {
  const rand = mulberry32(seed)
  const community = new Int32Array(n)
  const sizes: number[] = []
  for (let left = n; left > 0;) {
    let s = powerLaw(rand, 20, 250, 1.5)
    if (left - s < 20) s = left // no community smaller than the minimum at the end
    sizes.push(s)
    left -= s
  }
  const order = Int32Array.from({ length: n }, (_, i) => i)
  shuffle(order, n, rand)
  const members: number[][] = sizes.map(() => [])
  let k = 0
  for (let c = 0; c < sizes.length; c++) {
    for (let i = 0; i < sizes[c]!; i++) {
      const v = order[k++]!
      community[v] = c
      members[c]!.push(v)
    }
  }
  const ties = new TieSet(n, false)
  const crossStubs: number[] = []
  for (let c = 0; c < sizes.length; c++) {
    const inner: number[] = []
    for (const v of members[c]!) {
      const d = powerLaw(rand, 5, 50, 2.5)
      const inside = Math.min(members[c]!.length - 1, Math.round((1 - mu) * d))
      for (let i = 0; i < inside; i++) inner.push(v)
      for (let i = inside; i < d; i++) crossStubs.push(v)
    }
    const stubs = Int32Array.from(inner)
    shuffle(stubs, stubs.length, rand)
    for (let i = 0; i + 1 < stubs.length; i += 2) ties.add(stubs[i]!, stubs[i + 1]!)
  }
  const cross = Int32Array.from(crossStubs)
  shuffle(cross, cross.length, rand)
  for (let i = 0; i + 1 < cross.length; i += 2) {
    if (community[cross[i]!] !== community[cross[i + 1]!]) ties.add(cross[i]!, cross[i + 1]!)
  }
  const degree = new Int32Array(n)
  for (let e = 0; e < ties.source.length; e++) {
    degree[ties.source[e]!]!++
    degree[ties.target[e]!]!++
  }
  for (let v = 0; v < n; v++) {
    if (degree[v] !== 0) continue
    const m = members[community[v]!]!
    for (;;) {
      const u = m[Math.floor(rand() * m.length)]!
      if (ties.add(u, v)) break
    }
  }
  return {
    key: `lfr-${n}`,
    title: `LFR-like ${fmtK(n)}`,
    recipe: `LFR-like communities (${sizes.length} planted, sizes 20–250, degrees 5–50, μ = ${mu}), seed ${seed}`,
    n,
    directed: false,
    source: Int32Array.from(ties.source),
    target: Int32Array.from(ties.target),
  }
}

/**
 * A directed graph grown by preferential attachment (Price's model): a directed cycle on the
 * first m + 1 nodes, then every new node sends m arcs to distinct earlier nodes drawn with
 * probability ∝ in-degree + 1, and each arc is answered (target → source) with probability
 * `reciprocity`, so that most nodes fall in one large strongly connected part.
 */
export function directedPA(n: number, m = 3, reciprocity = 0.25, seed = 11): Dataset {
  const rand = mulberry32(seed)
  const ties = new TieSet(n, true)
  // every node once (the "+1") and every arc head once: degree-proportional draws
  const pool = new Int32Array(n + n * m + 8)
  let size = 0
  for (let v = 0; v <= m; v++) {
    ties.add(v, (v + 1) % (m + 1))
    pool[size++] = v
    pool[size++] = (v + 1) % (m + 1)
  }
  const chosen = new Int32Array(m)
  for (let v = m + 1; v < n; v++) {
    const ends = size
    let k = 0
    while (k < m) {
      const u = pool[Math.floor(rand() * ends)]!
      let dup = false
      for (let i = 0; i < k; i++) if (chosen[i] === u) dup = true
      if (!dup) chosen[k++] = u
    }
    for (let i = 0; i < m; i++) {
      ties.add(v, chosen[i]!)
      pool[size++] = chosen[i]!
      if (rand() < reciprocity) ties.add(chosen[i]!, v)
    }
    pool[size++] = v
  }
  return {
    key: `directed-${n}`,
    title: `directed ${fmtK(n)}`,
    recipe: `directed preferential attachment (Price), m = ${m}, reciprocity ${reciprocity}, seed ${seed}`,
    n,
    directed: true,
    source: Int32Array.from(ties.source),
    target: Int32Array.from(ties.target),
  }
}

/** The w × h square lattice (4-neighbour grid). */
export function grid(w: number, h = w): Dataset {
  const n = w * h
  const source: number[] = []
  const target: number[] = []
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const u = r * w + c
      if (c + 1 < w) {
        source.push(u)
        target.push(u + 1)
      }
      if (r + 1 < h) {
        source.push(u)
        target.push(u + w)
      }
    }
  }
  return {
    key: `grid-${w}x${h}`,
    title: `grid ${w}×${h}`,
    recipe: `${w} × ${h} square lattice`,
    n,
    directed: false,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
  }
}

/** 1000 → "1k", 100000 → "100k". */
function fmtK(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n)
}

/**
 * Writes the dataset as the edge list every library loads: one `n<u>\tn<v>` line per tie, no
 * header (tab-separated, which cosafe's CSV reader, igraph's NCOL reader and networkx's
 * read_edgelist all take). Node ids are symbolic, as in real files; the bench maps `n<i>` to i.
 */
export function writeEdgeList(d: Dataset, file: string): void {
  const lines: string[] = new Array(d.source.length)
  for (let e = 0; e < d.source.length; e++) lines[e] = `n${d.source[e]}\tn${d.target[e]}`
  writeFileSync(file, lines.join('\n') + '\n')
}

/** Reads an edge list written by writeEdgeList back to index arrays. */
export function parseEdgeList(text: string): { source: Int32Array; target: Int32Array } {
  const lines = text.split('\n').filter((l) => l !== '')
  const source = new Int32Array(lines.length)
  const target = new Int32Array(lines.length)
  for (let e = 0; e < lines.length; e++) {
    const tab = lines[e]!.indexOf('\t')
    source[e] = Number(lines[e]!.slice(1, tab))
    target[e] = Number(lines[e]!.slice(tab + 2))
  }
  return { source, target }
}
