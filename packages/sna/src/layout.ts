// A deterministic network layout: 网络布局 — pivot MDS start, stress majorization, components packed side by side.
//
// Each connected component (ties taken regardless of direction) is placed on its own: classical
// multidimensional scaling of the hop distances to a set of pivots (Brandes & Pich 2006, pivot
// MDS; every node is a pivot in small components), with a small seeded jitter so that
// structurally equivalent actors (the leaves of a star) do not start on the same spot, then
// refined by stress majorization with weights d⁻² (Gansner, Koren & North 2004), each node moved
// in turn. The component is turned so that its long axis is horizontal, the components are
// packed in rows, largest first, isolates last in a grid, and the whole is scaled into [0, 1]
// keeping proportions. Only +, −, ×, ÷ and √ are used (all correctly rounded in IEEE 754), and
// the only randomness is mulberry32 with the seed: the same graph and seed give the same bits on
// every platform. Work is capped: stress refinement runs only on components up to
// MAX_STRESS_NODES nodes and for at most STRESS_BUDGET node-pair updates in all; larger
// components keep their pivot MDS positions (O(k·m) with k ≤ 50 pivots).

import type { Graph } from './graph.js'
import { mulberry32 } from './random.js'

export interface LayoutOptions {
  /** Seed of the jitter and the first pivot (default 1). */
  seed?: number
  /** Stress-majorization sweeps per component (default 300; fewer when the budget requires). */
  iterations?: number
}

/** Components larger than this keep their pivot MDS positions. */
const MAX_STRESS_NODES = 1500
/** Node-pair updates of stress majorization over the whole graph (about a second of work). */
const STRESS_BUDGET = 4e7

/**
 * Node positions x0, y0, x1, y1, … in [0, 1], the same for the same graph and seed everywhere.
 *
 * @example
 * const xy = layout(g, { seed: 1 }) // xy[2 * i], xy[2 * i + 1]: node i
 */
export function layout(g: Graph, opts: LayoutOptions = {}): Float64Array {
  const n = g.n
  const seed = opts.seed ?? 1
  const iterations = Math.max(0, Math.floor(opts.iterations ?? 300))
  const out = new Float64Array(2 * n)
  if (n === 0) return out
  if (n === 1) {
    out[0] = 0.5
    out[1] = 0.5
    return out
  }
  const s = g.skeleton()
  const off = s.offsets
  const nbr = s.targets
  const next = mulberry32(seed)

  // connected components, nodes of each in BFS order from its lowest index
  const comp = new Int32Array(n).fill(-1)
  const order = new Int32Array(n)
  const starts: number[] = []
  let filled = 0
  for (let r = 0; r < n; r++) {
    if (comp[r] !== -1) continue
    const c = starts.length
    starts.push(filled)
    comp[r] = c
    order[filled++] = r
    for (let h = starts[c]!; h < filled; h++) {
      const u = order[h]!
      for (let e = off[u]!; e < off[u + 1]!; e++) {
        const v = nbr[e]!
        if (comp[v] === -1) {
          comp[v] = c
          order[filled++] = v
        }
      }
    }
  }
  starts.push(n)
  const count = starts.length - 1

  // local positions of every component (index space of the whole graph), unit = one hop
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const local = new Int32Array(n) // node → its index within its component
  for (let k = 0; k < n; k++) local[order[k]!] = k - starts[comp[order[k]!]!]!

  let budget = STRESS_BUDGET
  const width = new Float64Array(count)
  const height = new Float64Array(count)
  for (let c = 0; c < count; c++) {
    const a = starts[c]!
    const size = starts[c + 1]! - a
    const nodes = order.subarray(a, a + size)
    if (size === 1) continue
    if (size === 2) {
      x[nodes[1]!] = 1
    } else {
      placeComponent(nodes, local, off, nbr, x, y, next)
      if (size <= MAX_STRESS_NODES && iterations > 0) {
        const sweeps = Math.min(iterations, Math.max(10, Math.floor(budget / (size * size))))
        budget = Math.max(0, budget - sweeps * size * size)
        stress(nodes, local, off, nbr, x, y, sweeps)
      }
      alignAxes(nodes, x, y)
    }
    // bounding box, moved to the origin
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (let k = 0; k < size; k++) {
      const u = nodes[k]!
      if (x[u]! < minX) minX = x[u]!
      if (x[u]! > maxX) maxX = x[u]!
      if (y[u]! < minY) minY = y[u]!
      if (y[u]! > maxY) maxY = y[u]!
    }
    for (let k = 0; k < size; k++) {
      const u = nodes[k]!
      x[u] = x[u]! - minX
      y[u] = y[u]! - minY
    }
    width[c] = maxX - minX
    height[c] = maxY - minY
  }

  // pack: components of two or more nodes by size (larger first, then first node), in rows about
  // as wide as the largest component or the square root of the total area; isolates in a grid after
  const big: number[] = []
  const isolates: number[] = []
  for (let c = 0; c < count; c++) (starts[c + 1]! - starts[c]! > 1 ? big : isolates).push(c)
  big.sort((p, q) => starts[q + 1]! - starts[q]! - (starts[p + 1]! - starts[p]!) || p - q)
  const gap = 1
  let area = 0
  let widest = 0
  for (const c of big) {
    area += (width[c]! + gap) * (height[c]! + gap)
    if (width[c]! > widest) widest = width[c]!
  }
  area += isolates.length * gap * gap
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.3)
  const ox = new Float64Array(count)
  const oy = new Float64Array(count)
  let cx = 0
  let cy = 0
  let rowHeight = 0
  for (const c of big) {
    if (cx > 0 && cx + width[c]! > rowWidth) {
      cx = 0
      cy += rowHeight + gap
      rowHeight = 0
    }
    ox[c] = cx
    oy[c] = cy
    cx += width[c]! + gap
    if (height[c]! > rowHeight) rowHeight = height[c]!
  }
  if (isolates.length) {
    if (big.length) {
      cy += rowHeight + gap
      cx = 0
    }
    const perRow = Math.max(1, Math.floor(rowWidth / gap) + 1)
    for (let k = 0; k < isolates.length; k++) {
      ox[isolates[k]!] = (k % perRow) * gap
      oy[isolates[k]!] = cy + Math.floor(k / perRow) * gap
    }
  }
  let maxX = 0
  let maxY = 0
  for (let u = 0; u < n; u++) {
    const c = comp[u]!
    x[u] = x[u]! + ox[c]!
    y[u] = y[u]! + oy[c]!
    if (x[u]! > maxX) maxX = x[u]!
    if (y[u]! > maxY) maxY = y[u]!
  }
  // into [0, 1], proportions kept, the shorter side centred
  const scale = Math.max(maxX, maxY)
  const dx = scale > 0 ? (scale - maxX) / 2 : 0
  const dy = scale > 0 ? (scale - maxY) / 2 : 0
  for (let u = 0; u < n; u++) {
    out[2 * u] = scale > 0 ? (x[u]! + dx) / scale : 0.5
    out[2 * u + 1] = scale > 0 ? (y[u]! + dy) / scale : 0.5
  }
  return out
}

/** Hop distances from `src` to every node of its component (by local index); unreachable stays -1. */
function bfs(
  src: number,
  local: Int32Array,
  off: Int32Array,
  nbr: Int32Array,
  dist: Int32Array,
  queue: Int32Array,
): void {
  dist.fill(-1)
  dist[local[src]!] = 0
  queue[0] = src
  let tail = 1
  for (let h = 0; h < tail; h++) {
    const u = queue[h]!
    const du = dist[local[u]!]!
    for (let e = off[u]!; e < off[u + 1]!; e++) {
      const v = nbr[e]!
      const lv = local[v]!
      if (dist[lv] === -1) {
        dist[lv] = du + 1
        queue[tail++] = v
      }
    }
  }
}

/** Pivot MDS of one component into x, y (pivots: every node up to 50 nodes, else 50 far apart, max–min). */
function placeComponent(
  nodes: Int32Array,
  local: Int32Array,
  off: Int32Array,
  nbr: Int32Array,
  x: Float64Array,
  y: Float64Array,
  next: () => number,
): void {
  const size = nodes.length
  // 50 pivots (every node in small components); 20 above 200 000 nodes to bound memory (size × k doubles)
  const k = Math.min(size, size > 200000 ? 20 : 50)
  const dist = new Int32Array(size)
  const queue = new Int32Array(size)
  // C: size × k squared distances, column-major; pivots chosen max-min from a seeded first pivot
  const C = new Float64Array(size * k)
  const minD = new Int32Array(size).fill(0x7fffffff)
  let pivot = k === size ? 0 : Math.floor(next() * size)
  for (let p = 0; p < k; p++) {
    bfs(nodes[pivot]!, local, off, nbr, dist, queue)
    const col = p * size
    for (let i = 0; i < size; i++) {
      const d = dist[i]!
      C[col + i] = d * d
      if (d < minD[i]!) minD[i] = d
    }
    if (k === size) pivot = p + 1
    else {
      let best = 0
      for (let i = 1; i < size; i++) if (minD[i]! > minD[best]!) best = i
      pivot = best
    }
  }
  // double centring: b_ij = -(c_ij - rowMean_i - colMean_j + mean) / 2
  const rowMean = new Float64Array(size)
  const colMean = new Float64Array(k)
  let mean = 0
  for (let p = 0; p < k; p++) {
    const col = p * size
    let sum = 0
    for (let i = 0; i < size; i++) {
      sum += C[col + i]!
      rowMean[i] = rowMean[i]! + C[col + i]!
    }
    colMean[p] = sum / size
    mean += sum
  }
  mean /= size * k
  for (let i = 0; i < size; i++) rowMean[i] = rowMean[i]! / k
  for (let p = 0; p < k; p++) {
    const col = p * size
    for (let i = 0; i < size; i++) C[col + i] = -(C[col + i]! - rowMean[i]! - colMean[p]! + mean) / 2
  }
  // the two leading eigenvectors of CᵀC (k × k) by power iteration with deflation
  const M = new Float64Array(k * k)
  for (let p = 0; p < k; p++)
    for (let q = p; q < k; q++) {
      let sum = 0
      const cp = p * size
      const cq = q * size
      for (let i = 0; i < size; i++) sum += C[cp + i]! * C[cq + i]!
      M[p * k + q] = sum
      M[q * k + p] = sum
    }
  const v1 = powerIteration(M, k, null, next)
  const v2 = powerIteration(M, k, v1, next)
  for (let i = 0; i < size; i++) {
    let a = 0
    let b = 0
    for (let p = 0; p < k; p++) {
      const c = C[p * size + i]!
      a += c * v1[p]!
      b += c * v2[p]!
    }
    x[nodes[i]!] = a
    y[nodes[i]!] = b
  }
  // scale to one unit per hop (the mean distance of tied pairs), then jitter by 2 % of a hop
  let sum = 0
  let ties = 0
  for (let i = 0; i < size; i++) {
    const u = nodes[i]!
    for (let e = off[u]!; e < off[u + 1]!; e++) {
      const v = nbr[e]!
      if (v <= u) continue
      const dx = x[u]! - x[v]!
      const dy = y[u]! - y[v]!
      sum += Math.sqrt(dx * dx + dy * dy)
      ties++
    }
  }
  const unit = ties > 0 && sum > 0 ? ties / sum : 1
  for (let i = 0; i < size; i++) {
    const u = nodes[i]!
    x[u] = x[u]! * unit + (next() - 0.5) * 0.04
    y[u] = y[u]! * unit + (next() - 0.5) * 0.04
  }
}

/** The dominant eigenvector of the symmetric k × k matrix M, orthogonal to `against` when given. */
function powerIteration(M: Float64Array, k: number, against: Float64Array | null, next: () => number): Float64Array {
  let v = new Float64Array(k)
  for (let p = 0; p < k; p++) v[p] = next() - 0.5
  let w = new Float64Array(k)
  for (let it = 0; it < 200; it++) {
    if (against) {
      let dot = 0
      for (let p = 0; p < k; p++) dot += v[p]! * against[p]!
      for (let p = 0; p < k; p++) v[p] = v[p]! - dot * against[p]!
    }
    let norm = 0
    for (let p = 0; p < k; p++) norm += v[p]! * v[p]!
    norm = Math.sqrt(norm)
    if (norm === 0) break
    for (let p = 0; p < k; p++) v[p] = v[p]! / norm
    for (let p = 0; p < k; p++) {
      let sum = 0
      const row = p * k
      for (let q = 0; q < k; q++) sum += M[row + q]! * v[q]!
      w[p] = sum
    }
    const t = v
    v = w
    w = t
  }
  if (against) {
    let dot = 0
    for (let p = 0; p < k; p++) dot += v[p]! * against[p]!
    for (let p = 0; p < k; p++) v[p] = v[p]! - dot * against[p]!
  }
  let norm = 0
  for (let p = 0; p < k; p++) norm += v[p]! * v[p]!
  norm = Math.sqrt(norm)
  if (norm > 0) for (let p = 0; p < k; p++) v[p] = v[p]! / norm
  return v
}

/** Stress majorization of one component, weights d⁻², each node moved in turn, `sweeps` times. */
function stress(
  nodes: Int32Array,
  local: Int32Array,
  off: Int32Array,
  nbr: Int32Array,
  x: Float64Array,
  y: Float64Array,
  sweeps: number,
): void {
  const size = nodes.length
  const D = new Int32Array(size * size)
  const dist = new Int32Array(size)
  const queue = new Int32Array(size)
  for (let i = 0; i < size; i++) {
    bfs(nodes[i]!, local, off, nbr, dist, queue)
    D.set(dist, i * size)
  }
  const px = new Float64Array(size)
  const py = new Float64Array(size)
  for (let i = 0; i < size; i++) {
    px[i] = x[nodes[i]!]!
    py[i] = y[nodes[i]!]!
  }
  for (let it = 0; it < sweeps; it++) {
    let moved = 0
    for (let i = 0; i < size; i++) {
      const row = i * size
      const xi = px[i]!
      const yi = py[i]!
      let sx = 0
      let sy = 0
      let sw = 0
      for (let j = 0; j < size; j++) {
        if (j === i) continue
        const d = D[row + j]!
        const w = 1 / (d * d)
        const dx = xi - px[j]!
        const dy = yi - py[j]!
        const len = Math.sqrt(dx * dx + dy * dy)
        sw += w
        if (len > 0) {
          sx += w * (px[j]! + (d * dx) / len)
          sy += w * (py[j]! + (d * dy) / len)
        } else {
          sx += w * px[j]!
          sy += w * py[j]!
        }
      }
      const nx = sx / sw
      const ny = sy / sw
      moved += Math.abs(nx - xi) + Math.abs(ny - yi)
      px[i] = nx
      py[i] = ny
    }
    if (moved < 1e-4 * size) break
  }
  for (let i = 0; i < size; i++) {
    x[nodes[i]!] = px[i]!
    y[nodes[i]!] = py[i]!
  }
}

/** Turns a component about its centre so that its principal axis is horizontal. */
function alignAxes(nodes: Int32Array, x: Float64Array, y: Float64Array): void {
  const size = nodes.length
  let mx = 0
  let my = 0
  for (let i = 0; i < size; i++) {
    mx += x[nodes[i]!]!
    my += y[nodes[i]!]!
  }
  mx /= size
  my /= size
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < size; i++) {
    const dx = x[nodes[i]!]! - mx
    const dy = y[nodes[i]!]! - my
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  // principal eigenvector (c, s) of [[sxx, sxy], [sxy, syy]]
  const tr = (sxx - syy) / 2
  const lambda = (sxx + syy) / 2 + Math.sqrt(tr * tr + sxy * sxy)
  let c = sxy
  let s = lambda - sxx
  if (Math.abs(c) < 1e-12 && Math.abs(s) < 1e-12) {
    c = sxx >= syy ? 1 : 0
    s = sxx >= syy ? 0 : 1
  }
  const len = Math.sqrt(c * c + s * s)
  c /= len
  s /= len
  for (let i = 0; i < size; i++) {
    const u = nodes[i]!
    const dx = x[u]! - mx
    const dy = y[u]! - my
    x[u] = dx * c + dy * s
    y[u] = -dx * s + dy * c
  }
}
