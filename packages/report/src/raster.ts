// The network figure as pixels: 栅格化 — anti-aliased lines and discs on white, for the PNG that Word falls back to.
//
// The same geometry as the SVG (figureGeometry); text is not drawn (no font in a pure renderer):
// the legend shows its colour discs, and the SVG beside it carries the labels.

import type { ReportFigure } from '@cosafe/core'
import { figureGeometry } from './svg.js'
import { encodePng } from './png.js'

function hex(c: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(c)
  const v = m ? parseInt(m[1]!, 16) : 0x8c8c8c
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
}

class Canvas {
  readonly px: Float32Array
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Float32Array(w * h * 3).fill(255)
  }
  blend(x: number, y: number, rgb: readonly number[], a: number): void {
    if (a <= 0 || x < 0 || y < 0 || x >= this.w || y >= this.h) return
    const o = (y * this.w + x) * 3
    const k = a > 1 ? 1 : a
    for (let c = 0; c < 3; c++) this.px[o + c] = this.px[o + c]! * (1 - k) + rgb[c]! * k
  }
  /** A segment of width `width`, round caps, coverage from the distance to the pixel centre. */
  line(x1: number, y1: number, x2: number, y2: number, width: number, rgb: readonly number[], alpha: number): void {
    const hw = width / 2
    const x0 = Math.max(0, Math.floor(Math.min(x1, x2) - hw - 1))
    const xe = Math.min(this.w - 1, Math.ceil(Math.max(x1, x2) + hw + 1))
    const y0 = Math.max(0, Math.floor(Math.min(y1, y2) - hw - 1))
    const ye = Math.min(this.h - 1, Math.ceil(Math.max(y1, y2) + hw + 1))
    const dx = x2 - x1
    const dy = y2 - y1
    const len2 = dx * dx + dy * dy
    // per row, only the pixels within reach of the line (long diagonal ties stay cheap)
    const len = Math.sqrt(len2)
    const reach = dy !== 0 ? ((hw + 1.5) * len) / Math.abs(dy) : Infinity
    for (let y = y0; y <= ye; y++) {
      let xa = x0
      let xb = xe
      if (reach !== Infinity) {
        const xc = x1 + ((y + 0.5 - y1) * dx) / dy
        xa = Math.max(x0, Math.floor(xc - reach))
        xb = Math.min(xe, Math.ceil(xc + reach))
      }
      for (let x = xa; x <= xb; x++) {
        const px = x + 0.5 - x1
        const py = y + 0.5 - y1
        let t = len2 > 0 ? (px * dx + py * dy) / len2 : 0
        t = t < 0 ? 0 : t > 1 ? 1 : t
        const ex = px - t * dx
        const ey = py - t * dy
        const d = Math.sqrt(ex * ex + ey * ey)
        const cov = hw + 0.5 - d
        if (cov > 0) this.blend(x, y, rgb, alpha * (cov > 1 ? 1 : cov))
      }
    }
  }
  disc(cx: number, cy: number, r: number, rgb: readonly number[], alpha = 1): void {
    const x0 = Math.max(0, Math.floor(cx - r - 1))
    const xe = Math.min(this.w - 1, Math.ceil(cx + r + 1))
    const y0 = Math.max(0, Math.floor(cy - r - 1))
    const ye = Math.min(this.h - 1, Math.ceil(cy + r + 1))
    for (let y = y0; y <= ye; y++)
      for (let x = x0; x <= xe; x++) {
        const ex = x + 0.5 - cx
        const ey = y + 0.5 - cy
        const cov = r + 0.5 - Math.sqrt(ex * ex + ey * ey)
        if (cov > 0) this.blend(x, y, rgb, alpha * (cov > 1 ? 1 : cov))
      }
  }
  rgb(): Uint8Array {
    const out = new Uint8Array(this.px.length)
    for (let i = 0; i < out.length; i++) out[i] = Math.round(this.px[i]!)
    return out
  }
}

/** Width and height in pixels of the figure's raster at a scale. */
export function rasterSize(f: ReportFigure, scale = 1.6): { width: number; height: number } {
  const g = figureGeometry(f)
  return { width: Math.round(g.width * scale), height: Math.round(g.height * scale) }
}

/**
 * The figure (ties, discs, legend colours) as RGB pixels, `scale` pixels per figure unit.
 *
 * @example
 * const { width, height, rgb } = rasterizeFigure(model.figure)
 */
export function rasterizeFigure(f: ReportFigure, scale = 1.6): { width: number; height: number; rgb: Uint8Array } {
  const g = figureGeometry(f)
  const width = Math.round(g.width * scale)
  const height = Math.round(g.height * scale)
  const c = new Canvas(width, height)
  const grey = [138, 150, 163]
  for (let k = 0; k < f.edges.length; k++) {
    const e = f.edges[k]!
    c.line(
      g.cx[e.source]! * scale,
      g.cy[e.source]! * scale,
      g.cx[e.target]! * scale,
      g.cy[e.target]! * scale,
      g.edgeWidth[k]! * scale,
      grey,
      g.edgeOpacity,
    )
  }
  const order = Array.from({ length: f.nodes.length }, (_, i) => i).sort((a, b) => g.r[b]! - g.r[a]! || a - b)
  const white = [255, 255, 255]
  for (const i of order) {
    c.disc(g.cx[i]! * scale, g.cy[i]! * scale, (g.r[i]! + 1.5) * scale, white)
    c.disc(g.cx[i]! * scale, g.cy[i]! * scale, g.r[i]! * scale, hex(f.nodes[i]!.colour))
  }
  c.line(36 * scale, g.legendTop * scale, (g.width - 36) * scale, g.legendTop * scale, scale, [208, 215, 222], 1)
  f.legend.forEach((item, k) => {
    const p = g.legend[k]!
    c.disc((p.x + 8) * scale, p.y * scale, 7 * scale, hex(item.colour))
  })
  return { width, height, rgb: c.rgb() }
}

/** The figure as a PNG (Word's fallback for the SVG). */
export function renderPng(f: ReportFigure, scale = 1.6): Uint8Array {
  const r = rasterizeFigure(f, scale)
  return encodePng(r.width, r.height, r.rgb)
}
