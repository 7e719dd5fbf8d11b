// The network figure as SVG: 网络图 — sector colours, sizes by centrality, labels with a halo, a legend.
//
// Deterministic: the same figure gives the same string (coordinates rounded to 0.1 unit). The
// geometry is shared with the PNG rasteriser (figureGeometry), so both show the same picture.

import type { ReportFigure } from '@cosafe/core'
import { escapeXml } from './format.js'

/** Latin fonts first (their apostrophes and digits), then CJK fonts for Chinese characters. */
export const FONT_STACK =
  "'Helvetica Neue',Arial,'Liberation Sans','Noto Sans','PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif"

export interface FigureGeometry {
  width: number
  height: number
  /** Node centres and radii in canvas units. */
  cx: Float64Array
  cy: Float64Array
  r: Float64Array
  /** Edge stroke widths, and their opacity. */
  edgeWidth: Float64Array
  edgeOpacity: number
  /** Which nodes get a label: the `labelled` largest. */
  labelled: Uint8Array
  /** Label anchor point and alignment per node (placed to avoid other labels and discs). */
  labelX: Float64Array
  labelY: Float64Array
  labelAnchor: ('start' | 'end' | 'middle')[]
  /** Top of the legend band. */
  legendTop: number
  /** Legend entries' positions (disc centre) in canvas units. */
  legend: { x: number; y: number }[]
  legendRowHeight: number
}

const WIDTH = 1000
const MARGIN = 36
const LABEL_ROOM = 150
const LEGEND_ROW = 26

/** Approximate text width in canvas units at a font size (CJK characters count full width). */
export function textWidth(s: string, size: number): number {
  let w = 0
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.56
  return w * size
}

/** Canvas positions of everything in the figure. */
export function figureGeometry(f: ReportFigure): FigureGeometry {
  const n = f.nodes.length
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const v of f.nodes) {
    minX = Math.min(minX, v.x)
    maxX = Math.max(maxX, v.x)
    minY = Math.min(minY, v.y)
    maxY = Math.max(maxY, v.y)
  }
  if (!n) minX = maxX = minY = maxY = 0.5
  const spanX = Math.max(maxX - minX, 1e-9)
  const spanY = Math.max(maxY - minY, 1e-9)
  const plotW = WIDTH - 2 * MARGIN - LABEL_ROOM
  const scale = Math.min(plotW / spanX, (plotW * 0.9) / spanY)
  const usedW = spanX * scale
  const plotH = Math.max(spanY * scale, 120)
  const cx = new Float64Array(n)
  const cy = new Float64Array(n)
  const r = new Float64Array(n)
  const left = MARGIN + (plotW - usedW) / 2 + LABEL_ROOM / 4
  const top = MARGIN + (plotH - spanY * scale) / 2
  for (let i = 0; i < n; i++) {
    const v = f.nodes[i]!
    cx[i] = left + (v.x - minX) * scale
    cy[i] = top + (v.y - minY) * scale
    r[i] = v.r
  }
  separateDiscs(cx, cy, r, MARGIN, WIDTH - MARGIN, MARGIN, MARGIN + plotH)
  // tie widths by weight when weights vary; thinner and fainter ties on crowded figures
  let minW = Infinity
  let maxW = -Infinity
  for (const e of f.edges) {
    minW = Math.min(minW, e.weight)
    maxW = Math.max(maxW, e.weight)
  }
  const crowded = f.edges.length > 400 ? 0.6 : 1
  const edgeOpacity = f.edges.length > 400 ? 0.35 : 0.55
  const edgeWidth = new Float64Array(f.edges.length)
  for (let k = 0; k < f.edges.length; k++)
    edgeWidth[k] = crowded * (maxW > minW ? 0.7 + 2.3 * Math.sqrt((f.edges[k]!.weight - minW) / (maxW - minW)) : 1.2)
  const labelled = new Uint8Array(n)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => r[b]! - r[a]! || a - b)
  for (const i of order.slice(0, f.labelled)) labelled[i] = 1
  const { labelX, labelY, labelAnchor } = placeLabels(f, cx, cy, r, order.slice(0, f.labelled))
  // legend rows under the plot
  const legendTop = MARGIN + plotH + 24
  const legend: { x: number; y: number }[] = []
  let x = MARGIN + 10
  let y = legendTop + 30
  for (const item of f.legend) {
    const w = 30 + textWidth(`${item.label} (${item.count})`, 13) + 24
    if (x + w > WIDTH - MARGIN && x > MARGIN + 10) {
      x = MARGIN + 10
      y += LEGEND_ROW
    }
    legend.push({ x, y })
    x += w
  }
  const height = Math.ceil(y + LEGEND_ROW + 8)
  return {
    width: WIDTH,
    height,
    cx,
    cy,
    r,
    edgeWidth,
    edgeOpacity,
    labelled,
    labelX,
    labelY,
    labelAnchor,
    legendTop,
    legend,
    legendRowHeight: LEGEND_ROW,
  }
}

/**
 * Pushes overlapping discs apart (a gap of 2 units), each pair by half its overlap, a few rounds;
 * deterministic, skipped on figures of more than 1500 actors.
 */
function separateDiscs(
  cx: Float64Array,
  cy: Float64Array,
  r: Float64Array,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): void {
  const n = cx.length
  if (n > 1500) return
  for (let round = 0; round < 40; round++) {
    let moved = false
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let dx = cx[j]! - cx[i]!
        let dy = cy[j]! - cy[i]!
        const need = r[i]! + r[j]! + 2
        if (Math.abs(dx) >= need || Math.abs(dy) >= need) continue
        let d = Math.sqrt(dx * dx + dy * dy)
        if (d >= need) continue
        if (d === 0) {
          dx = 1
          dy = 0
          d = 1
        }
        const push = (need - d) / 2 / d
        cx[i] = cx[i]! - dx * push
        cy[i] = cy[i]! - dy * push
        cx[j] = cx[j]! + dx * push
        cy[j] = cy[j]! + dy * push
        moved = true
      }
    for (let i = 0; i < n; i++) {
      cx[i] = Math.min(x1 - r[i]!, Math.max(x0 + r[i]!, cx[i]!))
      cy[i] = Math.min(y1 - r[i]!, Math.max(y0 + r[i]!, cy[i]!))
    }
    if (!moved) break
  }
}

const LABEL_SIZE = 13

/**
 * Greedy label placement, largest actors first: right of the disc, left, above or below, the first
 * position that overlaps no placed label, no other disc and stays on the canvas, else the least overlap.
 */
function placeLabels(
  f: ReportFigure,
  cx: Float64Array,
  cy: Float64Array,
  r: Float64Array,
  order: readonly number[],
): { labelX: Float64Array; labelY: Float64Array; labelAnchor: ('start' | 'end' | 'middle')[] } {
  const n = f.nodes.length
  const labelX = new Float64Array(n)
  const labelY = new Float64Array(n)
  const labelAnchor: ('start' | 'end' | 'middle')[] = new Array<'start' | 'end' | 'middle'>(n).fill('start')
  const placed: number[] = [] // x0, y0, x1, y1 of each placed label
  const overlap = (
    ax0: number,
    ay0: number,
    ax1: number,
    ay1: number,
    bx0: number,
    by0: number,
    bx1: number,
    by1: number,
  ) => Math.max(0, Math.min(ax1, bx1) - Math.max(ax0, bx0)) * Math.max(0, Math.min(ay1, by1) - Math.max(ay0, by0))
  for (const i of order) {
    const w = textWidth(f.nodes[i]!.label, LABEL_SIZE)
    const x = cx[i]!
    const y = cy[i]!
    const ri = r[i]!
    const candidates: [number, number, 'start' | 'end' | 'middle', number, number][] = [
      [x + ri + 3, y + 4.5, 'start', x + ri + 3, y - 7],
      [x - ri - 3, y + 4.5, 'end', x - ri - 3 - w, y - 7],
      [x, y - ri - 4, 'middle', x - w / 2, y - ri - 15],
      [x, y + ri + 13, 'middle', x - w / 2, y + ri + 2],
    ]
    let best = 0
    let bestCost = Infinity
    candidates.forEach(([, , , bx, by], k) => {
      const x1 = bx + w
      const y1 = by + 13
      let cost = 0
      if (bx < 2 || x1 > WIDTH - 2) cost += 1e6
      for (let p = 0; p < placed.length; p += 4)
        cost += 3 * overlap(bx, by, x1, y1, placed[p]!, placed[p + 1]!, placed[p + 2]!, placed[p + 3]!)
      for (let j = 0; j < n; j++)
        if (j !== i) cost += overlap(bx, by, x1, y1, cx[j]! - r[j]!, cy[j]! - r[j]!, cx[j]! + r[j]!, cy[j]! + r[j]!)
      if (cost < bestCost - 1e-9) {
        bestCost = cost
        best = k
      }
    })
    const [lx, ly, anchor, bx, by] = candidates[best]!
    labelX[i] = lx
    labelY[i] = ly
    labelAnchor[i] = anchor
    placed.push(bx, by, bx + w, by + 13)
  }
  return { labelX, labelY, labelAnchor }
}

const fx = (v: number): string => (Math.round(v * 10) / 10).toFixed(1)

/**
 * The figure as a self-contained SVG document (no external fonts or images).
 *
 * @example
 * renderSvg(model.figure) // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function renderSvg(f: ReportFigure): string {
  const g = figureGeometry(f)
  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeXml(f.title)}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(f.title)}</title>`,
    `<desc>${escapeXml(f.caption)}</desc>`,
    `<rect width="${g.width}" height="${g.height}" fill="#ffffff"/>`,
    `<g stroke="#8a96a3" stroke-opacity="${g.edgeOpacity}" stroke-linecap="round">`,
  )
  for (let k = 0; k < f.edges.length; k++) {
    const e = f.edges[k]!
    out.push(
      `<line x1="${fx(g.cx[e.source]!)}" y1="${fx(g.cy[e.source]!)}" x2="${fx(g.cx[e.target]!)}" y2="${fx(g.cy[e.target]!)}" stroke-width="${fx(g.edgeWidth[k]!)}"/>`,
    )
  }
  out.push(`</g>`, `<g stroke="#ffffff" stroke-width="1.5">`)
  // small nodes last so that they stay visible over large ones
  const order = Array.from({ length: f.nodes.length }, (_, i) => i).sort((a, b) => g.r[b]! - g.r[a]! || a - b)
  for (const i of order) {
    const v = f.nodes[i]!
    out.push(
      `<circle cx="${fx(g.cx[i]!)}" cy="${fx(g.cy[i]!)}" r="${fx(g.r[i]!)}" fill="${v.colour}"><title>${escapeXml(
        v.label,
      )}</title></circle>`,
    )
  }
  out.push(
    `</g>`,
    `<g font-size="13" fill="#1f2933" stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">`,
  )
  for (let i = 0; i < f.nodes.length; i++) {
    if (!g.labelled[i]) continue
    const anchor = g.labelAnchor[i]!
    out.push(
      `<text x="${fx(g.labelX[i]!)}" y="${fx(g.labelY[i]!)}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeXml(
        f.nodes[i]!.label,
      )}</text>`,
    )
  }
  out.push(`</g>`)
  // legend
  out.push(
    `<line x1="36" y1="${fx(g.legendTop)}" x2="${g.width - 36}" y2="${fx(g.legendTop)}" stroke="#d0d7de"/>`,
    `<text x="46" y="${fx(g.legendTop + 12)}" font-size="12" fill="#52606d">${escapeXml(f.legendTitle)} · ${escapeXml(
      f.sizeNote,
    )}</text>`,
  )
  f.legend.forEach((item, k) => {
    const p = g.legend[k]!
    out.push(
      `<circle cx="${fx(p.x + 8)}" cy="${fx(p.y)}" r="7" fill="${item.colour}"/>`,
      `<text x="${fx(p.x + 22)}" y="${fx(p.y + 4.5)}" font-size="13" fill="#1f2933">${escapeXml(
        `${item.label} (${item.count})`,
      )}</text>`,
    )
  })
  out.push(`</svg>`)
  return out.join('\n')
}
