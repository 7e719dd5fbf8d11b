// Positions and roles: CONCOR to any depth, blockmodel images, structural equivalence and hierarchical clustering.
//
// 位置与角色：CONCOR 多层分区、块模型像矩阵、结构对等与层次聚类.
// CONCOR (Breiger, Boorman & Arabie 1975) splits the nodes in two (see concor.ts), then splits each
// part again on its own columns of X = [A; Aᵀ], up to `depth` levels (2^depth positions at most;
// a part of one node, or one that does not split, stays whole). Block densities: ties from
// block P to block Q over |P||Q| pairs (|P|(|P|−1) within a block); the image matrix marks
// blocks whose density reaches α (default: the network's density, UCINET's default).
// Structural equivalence (Burt 1976; Wasserman & Faust ch. 9): two nodes are equivalent when
// they have the same ties to the same others. Euclidean distance
// d_ij = √Σ_{k≠i,j} [(a_ik − a_jk)² + (a_ki − a_kj)²]; correlation r_ij = Pearson of the same
// row-and-column profiles. Hierarchical clustering joins the closest clusters first, average
// linkage by default (UCINET's default; also single and complete), and returns R's `hclust`
// merge list.

import type { Graph } from '../graph.js'

export interface ConcorTree {
  /** Position of each node (0..count−1), or −1 for excluded isolates. */
  membership: Int32Array
  count: number
  /** Node indices of each position, ascending. */
  positions: number[][]
  excluded: number[]
}

/** Correlations between the columns `cols` of a rows × n matrix X (row-major, n columns). */
function correlations(X: Float64Array, rows: number, n: number, cols: number[]): Float64Array {
  const k = cols.length
  const z = new Float64Array(k * rows)
  const sd = new Float64Array(k)
  cols.forEach((c, a) => {
    let mean = 0
    for (let r = 0; r < rows; r++) mean += X[r * n + c]!
    mean /= rows
    let ss = 0
    for (let r = 0; r < rows; r++) {
      const d = X[r * n + c]! - mean
      z[a * rows + r] = d
      ss += d * d
    }
    sd[a] = Math.sqrt(ss)
  })
  const out = new Float64Array(k * k)
  for (let a = 0; a < k; a++) {
    out[a * k + a] = 1
    for (let b = a + 1; b < k; b++) {
      let s = 0
      for (let r = 0; r < rows; r++) s += z[a * rows + r]! * z[b * rows + r]!
      const v = sd[a]! > 0 && sd[b]! > 0 ? s / (sd[a]! * sd[b]!) : 0
      out[a * k + b] = v
      out[b * k + a] = v
    }
  }
  return out
}

/** Iterates correlations of correlations until every entry is ±1; returns the split of `cols`. */
function split(C: Float64Array, cols: number[], tol = 1e-10, maxIt = 1000): [number[], number[]] {
  const k = cols.length
  let M = C
  for (let it = 0; it < maxIt; it++) {
    let worst = 0
    for (let i = 0; i < k * k; i++) worst = Math.max(worst, Math.abs(1 - Math.abs(M[i]!)))
    if (worst <= tol) break
    M = correlations(
      M,
      k,
      k,
      Array.from({ length: k }, (_, i) => i),
    )
  }
  const a: number[] = []
  const b: number[] = []
  cols.forEach((v, c) => (M[c]! > 0 ? a : b).push(v))
  return [a, b]
}

/**
 * CONCOR positions to a given depth.
 *
 * @example
 * concorTree(g, { depth: 2 }).positions // up to four positions
 */
export function concorTree(g: Graph, opts: { depth?: number } = {}): ConcorTree {
  const depth = opts.depth ?? 2
  if (!(Number.isInteger(depth) && depth >= 1)) throw new RangeError(`depth must be a whole number ≥ 1, got ${depth}`)
  const n = g.n
  const X = new Float64Array(2 * n * n)
  for (let e = 0; e < g.m; e++) {
    const s = g.tieSource[e]!
    const t = g.tieTarget[e]!
    // row s of A and row n + t of Aᵀ, column t and s
    X[s * n + t] = 1
    X[(n + t) * n + s] = 1
    if (!g.directed) {
      X[t * n + s] = 1
      X[(n + s) * n + t] = 1
    }
  }
  const keep: number[] = []
  const excluded: number[] = []
  for (let v = 0; v < n; v++) (g.outDegree(v) + (g.directed ? g.inDegree(v) : 0) > 0 ? keep : excluded).push(v)
  let parts: number[][] = keep.length > 0 ? [keep] : []
  for (let d = 0; d < depth; d++) {
    const next: number[][] = []
    for (const part of parts) {
      if (part.length < 2) {
        next.push(part)
        continue
      }
      const [a, b] = split(correlations(X, 2 * n, n, part), part)
      if (a.length === 0 || b.length === 0) next.push(part)
      else next.push(a, b)
    }
    parts = next
  }
  const membership = new Int32Array(n).fill(-1)
  parts.forEach((p, k) => p.forEach((v) => (membership[v] = k)))
  return { membership, count: parts.length, positions: parts.map((p) => [...p].sort((x, y) => x - y)), excluded }
}

export interface Blockmodel {
  /** count × count densities, row-major (NaN for a one-node block on the diagonal). */
  density: Float64Array
  /** 1 where the density reaches alpha. */
  image: Uint8Array
  alpha: number
  count: number
}

/**
 * Block densities and the image matrix of a partition (nodes with membership −1 are left out).
 *
 * @example
 * blockmodel(g, concorTree(g).membership).image
 */
export function blockmodel(g: Graph, membership: ArrayLike<number>, opts: { alpha?: number } = {}): Blockmodel {
  let count = 0
  for (let i = 0; i < g.n; i++) count = Math.max(count, membership[i]! + 1)
  const size = new Float64Array(count)
  for (let i = 0; i < g.n; i++) if (membership[i]! >= 0) size[membership[i]!]!++
  const ties = new Float64Array(count * count)
  for (let e = 0; e < g.m; e++) {
    const a = membership[g.tieSource[e]!]!
    const b = membership[g.tieTarget[e]!]!
    if (a < 0 || b < 0) continue
    ties[a * count + b]!++
    if (!g.directed) ties[b * count + a]!++
  }
  const density = new Float64Array(count * count)
  for (let a = 0; a < count; a++)
    for (let b = 0; b < count; b++) {
      const pairs = a === b ? size[a]! * (size[a]! - 1) : size[a]! * size[b]!
      // undirected ties within a block were counted once per direction above
      density[a * count + b] = pairs > 0 ? ties[a * count + b]! / pairs : NaN
    }
  const n = g.n
  const alpha = opts.alpha ?? (n > 1 ? (g.directed ? g.m : 2 * g.m) / (n * (n - 1)) : 0)
  const image = Uint8Array.from(density, (d) => (d >= alpha && d > 0 ? 1 : 0))
  return { density, image, alpha, count }
}

/** Structural-equivalence distances (Euclidean) or similarities (correlation), n × n row-major. */
export function structuralEquivalence(g: Graph, opts: { method?: 'euclidean' | 'correlation' } = {}): Float64Array {
  const method = opts.method ?? 'euclidean'
  const n = g.n
  const A = new Float64Array(n * n)
  for (let e = 0; e < g.m; e++) {
    A[g.tieSource[e]! * n + g.tieTarget[e]!] = 1
    if (!g.directed) A[g.tieTarget[e]! * n + g.tieSource[e]!] = 1
  }
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    out[i * n + i] = method === 'euclidean' ? 0 : 1
    for (let j = i + 1; j < n; j++) {
      let v: number
      if (method === 'euclidean') {
        let s = 0
        for (let k = 0; k < n; k++) {
          if (k === i || k === j) continue
          s += (A[i * n + k]! - A[j * n + k]!) ** 2 + (A[k * n + i]! - A[k * n + j]!) ** 2
        }
        v = Math.sqrt(s)
      } else {
        let sx = 0
        let sy = 0
        let sxx = 0
        let syy = 0
        let sxy = 0
        let c = 0
        for (let k = 0; k < n; k++) {
          if (k === i || k === j) continue
          for (const [x, y] of [
            [A[i * n + k]!, A[j * n + k]!],
            [A[k * n + i]!, A[k * n + j]!],
          ] as const) {
            sx += x
            sy += y
            sxx += x * x
            syy += y * y
            sxy += x * y
            c++
          }
        }
        const cov = sxy - (sx * sy) / c
        const vx = sxx - (sx * sx) / c
        const vy = syy - (sy * sy) / c
        v = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN
      }
      out[i * n + j] = v
      out[j * n + i] = v
    }
  }
  return out
}

export interface Dendrogram {
  /** R `hclust` convention: row k joins a and b; negative = original node −(index+1), positive = earlier merge k+1. */
  merge: [number, number][]
  /** Distance at which each merge happens (non-decreasing for average/single/complete linkage). */
  height: number[]
}

/**
 * Agglomerative hierarchical clustering of a distance matrix (n × n row-major).
 *
 * @example
 * hierarchicalClustering(structuralEquivalence(g), g.n).merge
 */
export function hierarchicalClustering(
  dist: Float64Array,
  n: number,
  opts: { linkage?: 'average' | 'single' | 'complete' } = {},
): Dendrogram {
  const linkage = opts.linkage ?? 'average'
  const D = Float64Array.from(dist, (x) => (Number.isNaN(x) ? Infinity : x))
  const active = new Uint8Array(n).fill(1)
  const size = new Float64Array(n).fill(1)
  const label = Int32Array.from({ length: n }, (_, i) => -(i + 1))
  const merge: [number, number][] = []
  const height: number[] = []
  for (let step = 0; step < n - 1; step++) {
    let bi = -1
    let bj = -1
    let best = Infinity
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue
      for (let j = i + 1; j < n; j++) {
        if (!active[j]) continue
        const d = D[i * n + j]!
        if (d < best || bi < 0) {
          best = d
          bi = i
          bj = j
        }
      }
    }
    const a = label[bi]!
    const b = label[bj]!
    merge.push(
      a < 0 && b < 0
        ? [Math.max(a, b), Math.min(a, b)]
        : a < 0
          ? [a, b]
          : b < 0
            ? [b, a]
            : [Math.min(a, b), Math.max(a, b)],
    )
    height.push(best)
    // the merged cluster lives on in bi
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi || k === bj) continue
      const di = D[bi * n + k]!
      const dj = D[bj * n + k]!
      const d =
        linkage === 'single'
          ? Math.min(di, dj)
          : linkage === 'complete'
            ? Math.max(di, dj)
            : (di * size[bi]! + dj * size[bj]!) / (size[bi]! + size[bj]!)
      D[bi * n + k] = d
      D[k * n + bi] = d
    }
    size[bi]! += size[bj]!
    active[bj] = 0
    label[bi] = step + 1
  }
  return { merge, height }
}

/**
 * Cuts a dendrogram into k clusters (R's `cutree`): the first n − k merges are applied;
 * clusters are numbered 0.. in order of their first node.
 *
 * @example
 * cutTree(hierarchicalClustering(d, n), n, 3) // Int32Array of cluster numbers
 */
export function cutTree(tree: Dendrogram, n: number, k: number): Int32Array {
  if (!(Number.isInteger(k) && k >= 1 && k <= n))
    throw new RangeError(`the number of clusters must be a whole number from 1 to ${n}, got ${k}`)
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  const rep = new Int32Array(tree.merge.length) // a node of each merged cluster
  const nodeOf = (ref: number): number => (ref < 0 ? -ref - 1 : rep[ref - 1]!)
  for (let s = 0; s < n - k; s++) {
    const [a, b] = tree.merge[s]!
    const x = find(nodeOf(a))
    const y = find(nodeOf(b))
    parent[Math.max(x, y)] = Math.min(x, y)
    rep[s] = Math.min(x, y)
  }
  const number = new Int32Array(n).fill(-1)
  const membership = new Int32Array(n)
  let count = 0
  for (let v = 0; v < n; v++) {
    const r = find(v)
    if (number[r] === -1) number[r] = count++
    membership[v] = number[r]!
  }
  return membership
}
