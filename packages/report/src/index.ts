// The one door of @cosafe/report: the report model rendered as HTML, DOCX, XLSX, and the figure as SVG or PNG.

import type { ReportModel } from '@cosafe/core'
import { renderDocx } from './docx.js'
import { renderHtml } from './html.js'
import { renderXlsx } from './xlsx.js'

export { renderSvg, figureGeometry, type FigureGeometry } from './svg.js'
export { renderHtml } from './html.js'
export { renderDocx } from './docx.js'
export { renderXlsx } from './xlsx.js'
export { renderPng, rasterizeFigure } from './raster.js'
export { encodePng, crc32, adler32, deflateRaw, zlib } from './png.js'
export { formatNumber, formatChange } from './format.js'

export type ReportFormat = 'html' | 'docx' | 'xlsx'
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'docx', 'xlsx']

export interface RenderedReport {
  body: Uint8Array
  contentType: string
  /** File name ending without the dot. */
  extension: string
}

/**
 * The report in a format, as bytes with the HTTP content type and the file ending.
 *
 * @example
 * const { body, contentType, extension } = await renderReport(model, 'docx')
 */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  switch (format) {
    case 'html':
      return {
        body: new TextEncoder().encode(renderHtml(model)),
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
      }
    case 'docx':
      return {
        body: await renderDocx(model),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      }
    case 'xlsx':
      return {
        body: await renderXlsx(model),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      }
    default:
      throw new RangeError(`unknown report format "${String(format)}" (expected html, docx or xlsx)`)
  }
}
