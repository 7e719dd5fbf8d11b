// The network figure as SVG: 网络图 — sector colours, sizes by centrality, labels with a halo, a legend.
//
// Deterministic: the same figure gives the same string (coordinates rounded to 0.1 unit). The
// geometry is shared with the PNG rasteriser (figureGeometry), so both show the same picture.

import type { ReportFigure } from '@cosafe/core'
import { escapeXml } from './format.js'

export const FONT_STACK =
  "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Helvetica Neue',Arial,sans-serif"

export interface FigureGeometry {
  width: number
  height: number
  /** Node centres and radii in canvas units. */
  cx: Float64Array
  cy: Float64Array
  r: Float64Array
  /** Edge stroke widths. */
  edgeWidth: Float64Array
  /** Which nodes get a label: the `labelled` largest. */
  labelled: Uint8Array
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
  let maxW = 0
  for (const e of f.edges) maxW = Math.max(maxW, e.weight)
  const edgeWidth = new Float64Array(f.edges.length)
  for (let k = 0; k < f.edges.length; k++)
    edgeWidth[k] = 0.8 + (maxW > 0 ? 2.4 * Math.sqrt(Math.max(0, f.edges[k]!.weight) / maxW) : 0)
  const labelled = new Uint8Array(n)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => r[b]! - r[a]! || a - b)
  for (const i of order.slice(0, f.labelled)) labelled[i] = 1
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
  return { width: WIDTH, height, cx, cy, r, edgeWidth, labelled, legendTop, legend, legendRowHeight: LEGEND_ROW }
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
    `<g stroke="#8a96a3" stroke-opacity="0.55" stroke-linecap="round">`,
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
    const label = f.nodes[i]!.label
    // labels run right of the disc, or left of it when they would leave the canvas
    const right = g.cx[i]! + g.r[i]! + 3 + textWidth(label, 13) <= g.width - 4
    const x = right ? g.cx[i]! + g.r[i]! + 3 : g.cx[i]! - g.r[i]! - 3
    out.push(
      `<text x="${fx(x)}" y="${fx(g.cy[i]! + 4.5)}"${right ? '' : ' text-anchor="end"'}>${escapeXml(label)}</text>`,
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
