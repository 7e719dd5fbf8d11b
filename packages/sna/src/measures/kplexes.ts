// Maximal k-plexes: 最大 k-丛 (k-plex).
//
// A k-plex (Seidman & Foster 1978) is a set S in which every member is adjacent to at least
// |S| − k of the others: each may miss at most k − 1 of them. k = 1 gives cliques. We list the
// maximal k-plexes (no node can be added) of the undirected skeleton with at least `minSize`
// members; the default 2k − 1 is UCINET's, because from that size on a k-plex is connected with
// diameter ≤ 2 (two members that are not adjacent share ≥ |S| − 2k + 2 neighbours inside S).
// Each k-plex is a sorted array of node indices; the list is sorted lexicographically.
//
// Method: Bron–Kerbosch for a hereditary property, the scheme of Wu & Pei (2007), with the
// pruning of Conte, Firmani, Mordente, Patrignani & Torlone (2017) and Zhou et al. (2020):
// - nodes of degree < minSize − k are peeled away first (they lie in no large enough k-plex);
// - one sub-search per seed node v, in degeneracy order, for the k-plexes whose earliest node is
//   v; when minSize ≥ 2k − 1 its candidates are the nodes within two steps of v through later
//   nodes, that share enough neighbours with v (≥ minSize − 2k + 2 when not adjacent, ≥
//   minSize − 2k when adjacent) and have degree ≥ minSize − k among v and the candidates;
// - a branch stops when |R| + |P| < minSize, or when a member w of R can keep at most
//   deg_{R ∪ P}(w) + k nodes; and when R ∪ P is itself a k-plex it is the only maximal set left.
// With minSize < 2k − 1 the sets may be disconnected and each sub-search spans the whole network
// (small networks only). `limit` stops the enumeration with a RangeError when more sets exist.
// The definition and default minimum size of UCINET's K-Plex routine; for k = 1, maximalCliques.

import type { Graph } from '../graph.js'
import { coreness } from './coreness.js'

export interface KPlexOptions {
  /** Smallest k-plex to list (default 2k − 1, as UCINET). */
  minSize?: number
  /** Most k-plexes to list; more throw a RangeError (default 100 000). */
  limit?: number
}

export const KPLEX_DEFAULTS = { limit: 100_000 } as const

/**
 * The branch-and-bound search inside one seed's sub-network, on local indices: 0 is the seed,
 * 1 .. rows − 1 the candidates that may join (P), the rest the nodes that may only extend (X).
 * Adjacency is a bit matrix with one row per node below `rows` (every test has one such end).
 */
class PlexSearch {
  readonly k1: number
  readonly q: number
  readonly limit: number
  readonly out: number[][]
  glob = new Int32Array(0) // local → node index
  bits = new Uint32Array(0)
  words = 0
  nn = new Int32Array(0) // non-neighbours in R, for every local node
  tnn = new Int32Array(0) // non-neighbours in R ∪ P (leaf test)
  R = new Int32Array(0)
  rLen = 0
  buf = new Int32Array(1024) // stack of P, X and saturated lists, by offset
  top = 0

  constructor(k: number, q: number, limit: number, out: number[][]) {
    this.k1 = k - 1
    this.q = q
    this.limit = limit
    this.out = out
  }

  /** Prepares the arrays for a sub-network of `size` local nodes with `rows` bit rows. */
  reset(size: number, rows: number): void {
    this.words = (size + 31) >>> 5
    if (this.bits.length < rows * this.words)
      this.bits = new Uint32Array(Math.max(rows * this.words, 2 * this.bits.length))
    else this.bits.fill(0, 0, rows * this.words)
    if (this.nn.length < size) {
      const cap = Math.max(size, 2 * this.nn.length)
      this.glob = new Int32Array(cap)
      this.nn = new Int32Array(cap)
      this.tnn = new Int32Array(cap)
      this.R = new Int32Array(cap)
    }
    this.rLen = 0
    this.top = 0
  }

  adj(a: number, b: number): boolean {
    return ((this.bits[a * this.words + (b >>> 5)]! >>> (b & 31)) & 1) === 1
  }

  reserve(extra: number): void {
    if (this.top + extra <= this.buf.length) return
    const next = new Int32Array(Math.max(this.top + extra, 2 * this.buf.length))
    next.set(this.buf.subarray(0, this.top))
    this.buf = next
  }

  emit(pOff: number, pLen: number): void {
    if (this.out.length >= this.limit) {
      throw new RangeError(
        `kPlexes: more than ${this.limit} maximal k-plexes of ${this.q} or more nodes; raise minSize or opts.limit`,
      )
    }
    const set: number[] = []
    for (let i = 0; i < this.rLen; i++) set.push(this.glob[this.R[i]!]!)
    for (let i = 0; i < pLen; i++) set.push(this.glob[this.buf[pOff + i]!]!)
    this.out.push(set.sort((a, b) => a - b))
  }

  /** Whether R ∪ P is a k-plex; fills tnn for its members when it is. */
  isPlex(pOff: number, pLen: number): boolean {
    const { buf, R, nn, tnn, k1 } = this
    for (let i = 0; i < this.rLen + pLen; i++) {
      const u = i < this.rLen ? R[i]! : buf[pOff + i - this.rLen]!
      let c = nn[u]!
      for (let j = 0; j < pLen && c <= k1; j++) {
        const p = buf[pOff + j]!
        if (p !== u && !this.adj(p, u)) c++
      }
      if (c > k1) return false
      tnn[u] = c
    }
    return true
  }

  /** Whether x (a valid extension of R) also extends R ∪ P, known to be a k-plex. */
  extendsAll(x: number, pOff: number, pLen: number): boolean {
    const { buf, R, nn, tnn, k1 } = this
    let c = nn[x]!
    for (let j = 0; j < pLen; j++) if (!this.adj(buf[pOff + j]!, x) && ++c > k1) return false
    for (let i = 0; i < this.rLen + pLen; i++) {
      const u = i < this.rLen ? R[i]! : buf[pOff + i - this.rLen]!
      if (tnn[u] === k1 && !this.adj(u, x)) return false
    }
    return true
  }

  /** nn[u] += delta for the nodes of R, P and X that are not adjacent to v. */
  count(v: number, pOff: number, pLen: number, xOff: number, xLen: number, delta: number): void {
    const { buf, R, nn } = this
    for (let i = 0; i < this.rLen; i++) if (!this.adj(v, R[i]!)) nn[R[i]!]! += delta
    for (let i = 0; i < pLen; i++) {
      const u = buf[pOff + i]!
      if (u !== v && !this.adj(v, u)) nn[u]! += delta
    }
    for (let i = 0; i < xLen; i++) if (!this.adj(v, buf[xOff + i]!)) nn[buf[xOff + i]!]! += delta
  }

  /** Lists the maximal k-plexes R ∪ S with S ⊆ P that no node of X extends. */
  expand(pOff: number, pLen: number, xOff: number, xLen: number): void {
    const { q, k1 } = this
    if (this.isPlex(pOff, pLen)) {
      if (this.rLen + pLen < q) return
      for (let i = 0; i < xLen; i++) if (this.extendsAll(this.buf[xOff + i]!, pOff, pLen)) return
      this.emit(pOff, pLen)
      return
    }
    for (let i = 0; i < pLen; i++) {
      if (this.rLen + pLen - i < q) return
      const v = this.buf[pOff + i]!
      // branch on v; the P nodes before it have been tried and now act as X
      this.count(v, pOff, pLen, xOff, xLen, 1)
      this.R[this.rLen++] = v
      this.reserve(this.rLen + 2 * pLen + xLen) // saturated members, P', X' ⊆ X ∪ P
      const { buf, R, nn } = this
      const satOff = this.top
      let nSat = 0
      for (let j = 0; j < this.rLen; j++) if (nn[R[j]!] === k1) buf[satOff + nSat++] = R[j]!
      const childP = satOff + nSat
      let cp = 0
      for (let j = i + 1; j < pLen; j++) {
        const u = buf[pOff + j]!
        if (this.valid(u, satOff, nSat)) buf[childP + cp++] = u
      }
      const childX = childP + cp
      let cx = 0
      for (let j = 0; j < xLen; j++) {
        const u = buf[xOff + j]!
        if (this.valid(u, satOff, nSat)) buf[childX + cx++] = u
      }
      for (let j = 0; j < i; j++) {
        const u = buf[pOff + j]!
        if (this.valid(u, satOff, nSat)) buf[childX + cx++] = u
      }
      if (this.bounded(childP, cp)) {
        const saved = this.top
        this.top = childX + cx
        this.expand(childP, cp, childX, cx)
        this.top = saved
      }
      this.rLen--
      this.count(v, pOff, pLen, xOff, xLen, -1)
    }
  }

  /** Whether R ∪ {u} is a k-plex, for u outside R: u misses ≤ k − 1 of R and every saturated member. */
  valid(u: number, satOff: number, nSat: number): boolean {
    if (this.nn[u]! > this.k1) return false
    for (let s = 0; s < nSat; s++) if (!this.adj(this.buf[satOff + s]!, u)) return false
    return true
  }

  /** Whether R ∪ P may still hold a k-plex of q nodes: no member of R caps the size below q. */
  bounded(pOff: number, pLen: number): boolean {
    if (this.rLen + pLen < this.q) return false
    for (let i = 0; i < this.rLen; i++) {
      const w = this.R[i]!
      let c = 0
      for (let j = 0; j < pLen; j++) if (this.adj(w, this.buf[pOff + j]!)) c++
      if (this.rLen + c + this.k1 - this.nn[w]! < this.q) return false
    }
    return true
  }
}

/**
 * Maximal k-plexes of at least `minSize` nodes (default 2k − 1), as sorted arrays of node
 * indices in lexicographic order. k = 1 gives the maximal cliques.
 *
 * @example
 * kPlexes(edges('a-b b-c c-d d-a'), 2) // [[0, 1, 2, 3]]: everyone misses only the one opposite
 */
export function kPlexes(g: Graph, k: number, opts: KPlexOptions = {}): number[][] {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`kPlexes: k must be a whole number ≥ 1, got ${k}`)
  const q = opts.minSize ?? 2 * k - 1
  if (!(Number.isInteger(q) && q >= 1)) throw new RangeError(`kPlexes: minSize must be a whole number ≥ 1, got ${q}`)
  const limit = opts.limit ?? KPLEX_DEFAULTS.limit
  if (!(limit >= 0 && (Number.isInteger(limit) || limit === Infinity))) {
    throw new RangeError(`kPlexes: limit must be a whole number ≥ 0 or Infinity, got ${limit}`)
  }
  const { offsets, targets } = g.skeleton()
  const n = g.n
  // peel nodes of degree < q − k: a member of a k-plex of q nodes has q − k neighbours in it
  const alive = new Uint8Array(n).fill(1)
  const deg = new Int32Array(n)
  for (let v = 0; v < n; v++) deg[v] = offsets[v + 1]! - offsets[v]!
  const queue = new Int32Array(n)
  let tail = 0
  for (let v = 0; v < n; v++) {
    if (deg[v]! < q - k) {
      alive[v] = 0
      queue[tail++] = v
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!
      if (alive[u] === 1 && --deg[u]! < q - k) {
        alive[u] = 0
        queue[tail++] = u
      }
    }
  }
  // degeneracy order (by core number, then index), as maximalCliques
  const core = coreness(g)
  const order: number[] = []
  for (let v = 0; v < n; v++) if (alive[v] === 1) order.push(v)
  order.sort((a, b) => core[a]! - core[b]! || a - b)
  const rank = new Int32Array(n).fill(-1)
  order.forEach((v, i) => (rank[v] = i))

  const restricted = q >= 2 * k - 1
  const out: number[][] = []
  const search = new PlexSearch(k, q, limit, out)
  const loc = new Int32Array(n).fill(-1) // node → local index in the current sub-network
  const common = new Int32Array(n) // common later neighbours with the seed
  const reached = new Uint8Array(n)
  const near: number[] = []
  const later: number[] = []
  const earlier: number[] = []
  let degIn = new Int32Array(0) // neighbours among the seed and P, per local node
  const dead = new Uint8Array(n) // local P nodes peeled away
  for (const v of order) {
    // candidates: later nodes go to P, earlier ones to X
    later.length = 0
    earlier.length = 0
    if (restricted) {
      // within two steps of v, through v's later neighbours (the members of the k-plex)
      near.length = 0
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!
        if (alive[w] === 0) continue
        if (reached[w] === 0) {
          reached[w] = 1
          near.push(w)
        }
        if (rank[w]! < rank[v]!) continue
        for (let f = offsets[w]!; f < offsets[w + 1]!; f++) {
          const u = targets[f]!
          if (u === v || alive[u] === 0) continue
          common[u]!++
          if (reached[u] === 0) {
            reached[u] = 1
            near.push(u)
          }
        }
      }
      for (const u of near) {
        const adjacent = hasTie(offsets, targets, v, u)
        // u in the k-plex: ≥ q − 2k (+2 unless adjacent) shared neighbours; x extending it: one more
        const need = q - 2 * k + (adjacent ? 0 : 2)
        if (rank[u]! > rank[v]!) {
          if (common[u]! >= need) later.push(u)
        } else if (common[u]! >= need + 1) earlier.push(u)
        common[u] = 0
        reached[u] = 0
      }
      later.sort((a, b) => rank[a]! - rank[b]!)
    } else {
      for (const u of order) if (u !== v) (rank[u]! > rank[v]! ? later : earlier).push(u)
    }
    if (1 + later.length < q) continue
    // the local sub-network: seed, P, X
    const rows = 1 + later.length
    const size = rows + earlier.length
    search.reset(size, rows)
    const { glob } = search
    glob[0] = v
    for (let i = 0; i < later.length; i++) glob[1 + i] = later[i]!
    for (let i = 0; i < earlier.length; i++) glob[rows + i] = earlier[i]!
    for (let a = 0; a < size; a++) loc[glob[a]!] = a
    if (degIn.length < size) degIn = new Int32Array(Math.max(size, 2 * degIn.length))
    degIn.fill(0, 0, size)
    const { bits, words } = search
    for (let a = 0; a < rows; a++) {
      const u = glob[a]!
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const b = loc[targets[e]!]!
        if (b < 0) continue
        bits[a * words + (b >>> 5)]! |= 1 << (b & 31)
        degIn[b]!++
      }
    }
    for (let a = 0; a < size; a++) loc[glob[a]!] = -1
    // peel P nodes with fewer than q − k neighbours among the seed and P
    let tailP = 0
    for (let a = 1; a < rows; a++) {
      dead[a] = 0
      if (degIn[a]! < q - k) {
        dead[a] = 1
        queue[tailP++] = a
      }
    }
    for (let head = 0; head < tailP; head++) {
      const a = queue[head]!
      for (let wd = 0; wd < words; wd++) {
        let x = bits[a * words + wd]!
        while (x !== 0) {
          const b = (wd << 5) + (31 - Math.clz32(x & -x))
          x &= x - 1
          degIn[b]!--
          if (b > 0 && b < rows && dead[b] === 0 && degIn[b]! < q - k) {
            dead[b] = 1
            queue[tailP++] = b
          }
        }
      }
    }
    if (rows - tailP < q) continue
    // R = {v}; P and X: the nodes u with {v, u} a k-plex (adjacent, or k ≥ 2)
    search.R[0] = 0
    search.rLen = 1
    const nn = search.nn
    nn[0] = 0
    search.reserve(size)
    const buf = search.buf
    let pLen = 0
    for (let a = 1; a < rows; a++) {
      if (dead[a] === 1) continue
      nn[a] = search.adj(0, a) ? 0 : 1
      if (nn[a]! <= k - 1) buf[pLen++] = a
    }
    let xLen = 0
    for (let a = rows; a < size; a++) {
      // x extends a k-plex of q nodes, so it has q + 1 − k neighbours among the seed and P
      if (degIn[a]! < q + 1 - k) continue
      nn[a] = search.adj(0, a) ? 0 : 1
      if (nn[a]! <= k - 1) buf[pLen + xLen++] = a
    }
    search.top = pLen + xLen
    if (search.bounded(0, pLen)) search.expand(0, pLen, pLen, xLen)
  }
  return out.sort(lexicographic)
}

function hasTie(offsets: Int32Array, targets: Int32Array, u: number, v: number): boolean {
  let lo = offsets[u]!
  let hi = offsets[u + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const x = targets[mid]!
    if (x === v) return true
    if (x < v) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function lexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}
