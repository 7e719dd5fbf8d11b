// The view-model of a network figure: the worker's columns (or cosafe JSON) → a graphology graph
// for sigma.js, with colours by a category, sizes by a measure, ego and core–periphery ring
// views, and the same drawing as SVG for export.

import Graph from 'graphology'
import type { NetworkData } from './protocol.js'

/** Sector colours (DOMAIN.md §2 codes), the same on every page and in the exported figures. */
export const SECTOR_COLOURS: Record<string, string> = {
  G: '#1677ff',
  Q: '#d4380d',
  M: '#d48806',
  O: '#389e0d',
  S: '#722ed1',
  I: '#08979c',
}
const PALETTE = ['#1677ff', '#d4380d', '#d48806', '#389e0d', '#722ed1', '#08979c', '#c41d7f', '#7cb305', '#5b8c00']
export const OTHER_COLOUR = '#8c8c8c'

export interface NodeAttributes {
  x: number
  y: number
  size: number
  color: string
  label: string
  /** The category the colour stands for ('' when none). */
  category: string
  /** The value the size stands for (null when undefined). */
  value: number | null
}

export interface EdgeAttributes {
  size: number
  color: string
  weight: number
  /** The relations this tie carries. */
  relations: string[]
}

export type ViewGraph = Graph<NodeAttributes, EdgeAttributes>

/** Colour of each category value: sector codes their own colours, other values a palette in order of first use. */
export function categoryColours(values: readonly (string | number | null)[]): Map<string, string> {
  const out = new Map<string, string>()
  const sectors = values.every((v) => v === null || (typeof v === 'string' && v in SECTOR_COLOURS))
  let k = 0
  for (const v of values) {
    const key = v === null ? '' : String(v)
    if (out.has(key)) continue
    if (key === '') out.set(key, OTHER_COLOUR)
    else if (sectors) out.set(key, SECTOR_COLOURS[key]!)
    else out.set(key, k < PALETTE.length ? PALETTE[k++]! : OTHER_COLOUR)
  }
  return out
}

/** Node sizes from a measure: area proportional to the value, between min and max; undefined values get min. */
export function nodeSizes(values: ArrayLike<number> | null, n: number, min = 5, max = 20): Float64Array {
  const out = new Float64Array(n).fill(values ? min : (min + max) / 2)
  if (!values) return out
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < n; i++) {
    const v = values[i]!
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
  }
  if (!(hi > lo)) return out.fill(Number.isFinite(hi) ? (min + max) / 2 : min)
  for (let i = 0; i < n; i++) {
    const v = values[i]!
    if (Number.isFinite(v)) out[i] = min + (max - min) * Math.sqrt((v - lo) / (hi - lo))
  }
  return out
}

/** Positions on two rings: the core inside (most central first), the periphery outside, each in [0, 1]. */
export function ringLayout(
  ids: readonly string[],
  core: ReadonlySet<string>,
  order?: (id: string) => number,
): Float64Array {
  const xy = new Float64Array(2 * ids.length)
  const rank = (list: string[]): string[] => (order ? list.sort((a, b) => order(b) - order(a)) : list)
  const inner = rank(ids.filter((id) => core.has(id)))
  const outer = rank(ids.filter((id) => !core.has(id)))
  const index = new Map(ids.map((id, i) => [id, i]))
  const place = (list: string[], r: number, turn: number): void =>
    list.forEach((id, k) => {
      const a = turn + (2 * Math.PI * k) / Math.max(1, list.length) - Math.PI / 2
      const i = index.get(id)!
      xy[2 * i] = 0.5 + (list.length === 1 && r < 0.2 ? 0 : r * Math.cos(a))
      xy[2 * i + 1] = 0.5 + (list.length === 1 && r < 0.2 ? 0 : r * Math.sin(a))
    })
  place(inner, inner.length <= 1 ? 0 : 0.18, 0)
  place(outer, 0.48, outer.length > 0 ? Math.PI / outer.length : 0)
  return xy
}

/** Steps from an actor to every actor within `steps` ties of it (direction ignored), the actor itself at 0. */
export function egoDistances(
  data: NetworkData,
  id: string,
  steps = 1,
  relations?: ReadonlySet<string>,
): Map<string, number> {
  const start = data.ids.indexOf(id)
  if (start < 0) return new Map()
  const n = data.ids.length
  const nbrs: number[][] = Array.from({ length: n }, () => [])
  const { source, target, relation } = data.ties
  for (let e = 0; e < source.length; e++) {
    if (relations && !relations.has(data.relations[relation[e]!]!)) continue
    nbrs[source[e]!]!.push(target[e]!)
    nbrs[target[e]!]!.push(source[e]!)
  }
  const dist = new Int32Array(n).fill(-1)
  dist[start] = 0
  const queue = [start]
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!
    if (dist[u]! >= steps) continue
    for (const v of nbrs[u]!) {
      if (dist[v] === -1) {
        dist[v] = dist[u]! + 1
        queue.push(v)
      }
    }
  }
  return new Map(queue.map((i) => [data.ids[i]!, dist[i]!]))
}

/** Actors within `steps` ties of an actor (direction ignored), the actor included. */
export function egoIds(data: NetworkData, id: string, steps = 1, relations?: ReadonlySet<string>): Set<string> {
  return new Set(egoDistances(data, id, steps, relations).keys())
}

/** Positions of an ego view: the actor in the middle, its partners on a ring, partners' partners on an outer ring. */
export function egoLayout(ids: readonly string[], distances: ReadonlyMap<string, number>): Float64Array {
  const xy = new Float64Array(2 * ids.length).fill(0.5)
  const rings = new Map<number, number[]>()
  ids.forEach((id, i) => {
    const d = distances.get(id)
    if (d !== undefined && d > 0) rings.set(d, [...(rings.get(d) ?? []), i])
  })
  for (const [d, members] of rings) {
    const r = d === 1 ? (rings.has(2) ? 0.24 : 0.45) : 0.48
    members.forEach((i, k) => {
      const a = (2 * Math.PI * k) / members.length + (d === 2 ? Math.PI / members.length : 0) - Math.PI / 2
      xy[2 * i] = 0.5 + r * Math.cos(a)
      xy[2 * i + 1] = 0.5 + r * Math.sin(a)
    })
  }
  return xy
}

export interface ViewOptions {
  /** Positions x0, y0, … in [0, 1] (index space of data.ids). */
  positions: ArrayLike<number>
  /** Relations shown (all when absent); ties of several shown relations are drawn once, values summed. */
  relations?: readonly string[]
  /** Node attribute that colours the nodes (e.g. sector). */
  colourBy?: string
  /** Categories that colour the nodes instead of an attribute (e.g. community numbers; index space). */
  categories?: readonly (string | number | null)[] | null
  /** Values that size the nodes (index space; NaN = undefined). */
  sizeBy?: ArrayLike<number> | null
  /** Only these actors (e.g. an ego view). */
  only?: ReadonlySet<string> | null
}

/** The graphology graph sigma draws: node and edge attributes ready for its default programs. */
export function buildViewGraph(data: NetworkData, opts: ViewOptions): ViewGraph {
  const n = data.ids.length
  const g: ViewGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: data.directed ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: false,
  })
  const column = opts.categories ?? (opts.colourBy ? data.attributes[opts.colourBy] : undefined)
  const colours = column ? categoryColours(column) : new Map<string, string>()
  const sizes = nodeSizes(opts.sizeBy ?? null, n)
  for (let i = 0; i < n; i++) {
    const id = data.ids[i]!
    if (opts.only && !opts.only.has(id)) continue
    const category = column ? (column[i] === null || column[i] === undefined ? '' : String(column[i])) : ''
    const v = opts.sizeBy ? opts.sizeBy[i]! : NaN
    g.addNode(id, {
      x: opts.positions[2 * i] ?? 0.5,
      y: opts.positions[2 * i + 1] ?? 0.5,
      size: sizes[i]!,
      color: column ? (colours.get(category) ?? OTHER_COLOUR) : PALETTE[0]!,
      label: data.labels[i] ?? id,
      category,
      value: Number.isFinite(v) ? v : null,
    })
  }
  const shown = opts.relations ? new Set(opts.relations) : null
  const { source, target, weight, relation } = data.ties
  let maxWeight = 0
  for (let e = 0; e < source.length; e++) {
    const rel = data.relations[relation[e]!]!
    if (shown && !shown.has(rel)) continue
    const s = data.ids[source[e]!]!
    const t = data.ids[target[e]!]!
    if (!g.hasNode(s) || !g.hasNode(t)) continue
    const existing = g.edge(s, t)
    if (existing !== undefined) {
      g.updateEdgeAttributes(existing, (a) => ({
        ...a,
        weight: a.weight + weight[e]!,
        relations: a.relations.includes(rel) ? a.relations : [...a.relations, rel],
      }))
    } else {
      g.addEdge(s, t, { size: 1, color: '#bfbfbf', weight: weight[e]!, relations: [rel] })
    }
  }
  g.forEachEdge((_, a) => (maxWeight = Math.max(maxWeight, a.weight)))
  g.forEachEdge((e, a) => {
    g.setEdgeAttribute(e, 'size', maxWeight > 0 ? 0.6 + 3.4 * Math.sqrt(a.weight / maxWeight) : 1)
  })
  return g
}

/** The ties of one actor in the data: partner, direction and value, per relation. */
export function tiesOf(
  data: NetworkData,
  id: string,
): { partner: string; direction: 'out' | 'in' | 'both'; relation: string; weight: number }[] {
  const i = data.ids.indexOf(id)
  const out: { partner: string; direction: 'out' | 'in' | 'both'; relation: string; weight: number }[] = []
  const { source, target, weight, relation } = data.ties
  for (let e = 0; e < source.length; e++) {
    const s = source[e]!
    const t = target[e]!
    if (s !== i && t !== i) continue
    const partner = data.ids[s === i ? t : s]!
    const direction = !data.directed ? 'both' : s === i ? 'out' : 'in'
    out.push({ partner, direction, relation: data.relations[relation[e]!]!, weight: weight[e]! })
  }
  return out
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)

export interface SvgOptions {
  width?: number
  height?: number
  title?: string
  /** Legend entries (colour and text) drawn at the top left. */
  legend?: { colour: string; text: string }[]
  /** Draw the labels of nodes at least this large (default: all labels up to 200 nodes). */
  labelMinSize?: number
}

/** The graph as a standalone SVG document (y upwards, as sigma shows it). */
export function toSvg(g: ViewGraph, opts: SvgOptions = {}): string {
  const W = opts.width ?? 1200
  const H = opts.height ?? 900
  const pad = 40
  const top = pad + (opts.title ? 28 : 0) + (opts.legend && opts.legend.length > 0 ? 22 : 0)
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  g.forEachNode((_, a) => {
    x0 = Math.min(x0, a.x)
    x1 = Math.max(x1, a.x)
    y0 = Math.min(y0, a.y)
    y1 = Math.max(y1, a.y)
  })
  const span = Math.max(x1 - x0, y1 - y0, 1e-9)
  const scale = Math.min(W - 2 * pad, H - top - pad) / span
  const ox = (W - (x1 - x0) * scale) / 2
  const oy = top + (H - top - pad - (y1 - y0) * scale) / 2
  const X = (x: number): number => (Number.isFinite(x0) ? ox + (x - x0) * scale : W / 2)
  const Y = (y: number): number => (Number.isFinite(y1) ? oy + (y1 - y) * scale : H / 2)
  const f = (v: number): string => v.toFixed(1)
  const directed = g.type === 'directed'
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
  ]
  if (directed)
    parts.push(
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#999"/></marker></defs>',
    )
  if (opts.title)
    parts.push(`<text x="${pad}" y="${pad}" font-size="18" fill="#262626">${escapeXml(opts.title)}</text>`)
  if (opts.legend) {
    let lx = pad
    const ly = pad + (opts.title ? 24 : 0)
    for (const item of opts.legend) {
      parts.push(
        `<circle cx="${lx + 6}" cy="${ly - 4}" r="6" fill="${item.colour}"/><text x="${lx + 16}" y="${ly}" font-size="13" fill="#595959">${escapeXml(item.text)}</text>`,
      )
      lx += 28 + item.text.length * 8
    }
  }
  parts.push('<g stroke-linecap="round">')
  g.forEachEdge((_, a, s, t, sa, ta) => {
    let tx = X(ta.x)
    let ty = Y(ta.y)
    const sx = X(sa.x)
    const sy = Y(sa.y)
    if (directed) {
      // stop the arrow at the target's edge
      const d = Math.hypot(tx - sx, ty - sy)
      if (d > 0) {
        const r = ta.size + 1
        tx -= ((tx - sx) / d) * r
        ty -= ((ty - sy) / d) * r
      }
    }
    parts.push(
      `<line x1="${f(sx)}" y1="${f(sy)}" x2="${f(tx)}" y2="${f(ty)}" stroke="${a.color}" stroke-width="${f(a.size)}"${directed ? ' marker-end="url(#arrow)"' : ''}/>`,
    )
  })
  parts.push('</g><g>')
  const labelMin = opts.labelMinSize ?? (g.order <= 200 ? 0 : 12)
  g.forEachNode((_, a) => {
    parts.push(`<circle cx="${f(X(a.x))}" cy="${f(Y(a.y))}" r="${f(a.size)}" fill="${a.color}" stroke="#fff"/>`)
  })
  g.forEachNode((_, a) => {
    if (a.size < labelMin) return
    parts.push(
      `<text x="${f(X(a.x) + a.size + 2)}" y="${f(Y(a.y) + 4)}" font-size="12" fill="#262626">${escapeXml(a.label)}</text>`,
    )
  })
  parts.push('</g></svg>')
  return parts.join('\n')
}
