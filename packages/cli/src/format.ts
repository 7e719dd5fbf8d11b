// Renders analysis results as JSON, CSV (UTF-8 with BOM for Excel) or an aligned text table.

import { csvField, measureName, type NetworkMeasure, type NodeMeasure } from '@cosafe/sna'
import { t, type Lang } from './i18n.js'

export interface Report {
  network: Record<string, number>
  nodes: Record<string, Record<string, number | null>>
  labels: Record<string, string | null>
  attribute?: { name: string; values: Record<string, string | number | null> }
}

/** Numbers for people: integers as they are, others with six significant digits. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–'
  if (Number.isInteger(v)) return String(v)
  const s = v.toPrecision(6)
  return s.includes('e') ? s : s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
}

function nodeColumns(r: Report): string[] {
  const first = Object.values(r.nodes)[0]
  return first ? Object.keys(first) : []
}

/** CSV: the whole-network block, a blank line, then the actor table; BOM so Excel reads Chinese. */
export function toCsv(r: Report, lang: Lang): string {
  const lines: string[] = []
  lines.push([t('measure', lang), t('value', lang), 'key'].map((s) => csvField(s)).join(','))
  for (const [k, v] of Object.entries(r.network))
    lines.push([csvField(measureName(k as NetworkMeasure, lang)), String(v), k].join(','))
  const cols = nodeColumns(r)
  if (cols.length > 0 || Object.keys(r.nodes).length > 0) {
    lines.push('')
    const head = ['id', 'label', ...(r.attribute ? [r.attribute.name] : []), ...cols]
    lines.push(head.map((s) => csvField(s)).join(','))
    for (const [id, row] of Object.entries(r.nodes)) {
      const cells = [csvField(id), csvField(r.labels[id] ?? '')]
      if (r.attribute) {
        const a = r.attribute.values[id]
        cells.push(a === null || a === undefined ? '' : csvField(String(a)))
      }
      for (const c of cols) {
        const v = row[c]
        cells.push(v === null || v === undefined ? '' : String(v))
      }
      lines.push(cells.join(','))
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** East Asian wide characters take two columns in a terminal. */
export function width(s: string): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6))
        ? 2
        : 1
  }
  return w
}

export function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

/** Lays out rows as an aligned table; numeric columns are right-aligned. */
export function table(head: string[], rows: string[][], numeric: boolean[]): string {
  const w = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))))
  const line = (cells: string[]): string =>
    cells
      .map((s, c) => pad(s, w[c]!, numeric[c] ?? false))
      .join('  ')
      .trimEnd()
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n') + '\n'
}

/** The readable report: network measures, then one row per actor, headers in the chosen language. */
export function toTable(r: Report, lang: Lang): string {
  const parts: string[] = []
  const netRows = Object.entries(r.network).map(([k, v]) => [measureName(k as NetworkMeasure, lang), formatValue(v)])
  parts.push(`${t('network', lang)}\n`)
  parts.push(table([t('measure', lang), t('value', lang)], netRows, [false, true]))
  const cols = nodeColumns(r)
  if (cols.length > 0) {
    parts.push(`\n${t('nodes', lang)}\n`)
    const head = [
      t('label', lang),
      ...(r.attribute ? [r.attribute.name] : []),
      ...cols.map((c) => measureName(c as NodeMeasure, lang)),
    ]
    const rows = Object.entries(r.nodes).map(([id, row]) => [
      r.labels[id] ?? id,
      ...(r.attribute ? [String(r.attribute.values[id] ?? '')] : []),
      ...cols.map((c) => formatValue(row[c])),
    ])
    parts.push(
      table(
        head,
        rows,
        head.map((_, i) => i > (r.attribute ? 1 : 0)),
      ),
    )
  }
  return parts.join('')
}
