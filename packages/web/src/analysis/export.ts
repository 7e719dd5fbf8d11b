// Results as files: measures as CSV (UTF-8 with BOM, so Excel opens Chinese text), figures as SVG and PNG.

import { csvField } from '@cosafe/sna'

/** A CSV document from a header and rows (numbers written in full, empty cells for undefined values). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const cell = (v: string | number | null | undefined): string =>
    v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : csvField(String(v), ',')
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** Node measures as CSV: id, label, then one column per measure (headers as given). */
export function nodeMeasuresCsv(
  ids: readonly string[],
  labels: readonly string[],
  columns: readonly { header: string; values: ArrayLike<number> }[],
): string {
  return toCsv(
    ['id', 'label', ...columns.map((c) => c.header)],
    ids.map((id, i) => [id, labels[i] ?? id, ...columns.map((c) => c.values[i])]),
  )
}

/** Offers a text or binary as a download under a file name. */
export function download(name: string, data: string | Blob, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Rasterises an SVG document to a PNG (drawn on a canvas at `scale`× its size). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const img = new Image()
    img.decoding = 'async'
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('the figure could not be drawn'))
      img.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas')
    ctx.scale(scale, scale)
    ctx.drawImage(img, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A file name made safe: letters, digits, CJK, dot, dash and underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'network'
}
