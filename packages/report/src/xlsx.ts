// The report as an Excel workbook: Excel 报告 — one sheet per table, a summary sheet and a sheet of field definitions.

import type { ReportModel, ReportTable } from '@cosafe/core'
import ExcelJS from 'exceljs'

/** A valid, unique sheet name (≤ 31 characters, none of []:*?/\). */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  let name = base
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)} ${k}`
  used.add(name.toLowerCase())
  return name
}

const NUMBER_FORMAT: Record<string, string | undefined> = {
  integer: '0',
  share: '0.000',
  index: '0.000',
  number: '0.000###',
}

function addTable(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = t.columns.map((c) => ({
    header: c.title,
    key: c.key,
    width: c.kind === 'text' ? Math.min(60, Math.max(12, c.title.length * 2 + 4)) : Math.max(12, c.title.length + 4),
    ...(NUMBER_FORMAT[c.kind] ? { style: { numFmt: NUMBER_FORMAT[c.kind]! } } : {}),
  }))
  for (const r of t.rows) {
    const row: Record<string, string | number | null> = {}
    for (const c of t.columns) row[c.key] = r[c.key] ?? null
    ws.addRow(row)
  }
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } }
  header.alignment = { vertical: 'middle', wrapText: true }
  t.columns.forEach((c, k) => {
    ws.getCell(1, k + 1).note = c.definition
  })
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } }
}

/**
 * The report as an XLSX workbook: a summary sheet, one sheet per table (header bold and frozen,
 * numbers as numbers) and a sheet of field definitions.
 *
 * @example
 * const bytes = await renderXlsx(model) // write to report.xlsx
 */
export async function renderXlsx(m: ReportModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'cosafe'
  wb.title = m.title
  const zh = m.lang === 'zh-CN'
  const used = new Set<string>()
  const summary: ReportTable = {
    key: 'summary',
    title: m.labels.summary,
    caption: m.summary.overview,
    columns: [
      {
        key: 'key',
        title: zh ? '键' : 'Key',
        definition: zh ? '指标的英文键名。' : 'The figure’s key.',
        kind: 'text',
      },
      {
        key: 'label',
        title: zh ? '指标' : 'Figure',
        definition: zh ? '关键指标的名称。' : 'The key figure’s name.',
        kind: 'text',
      },
      {
        key: 'value',
        title: zh ? '取值' : 'Value',
        definition: zh ? '关键指标的取值。' : 'The key figure’s value.',
        kind: 'number',
      },
    ],
    rows: m.summary.keyFigures.map((k) => ({ key: k.key, label: k.label, value: k.value })),
  }
  const all = [summary, ...m.tables]
  const names = all.map((t) => sheetName(t.title, used))
  all.forEach((t, k) => addTable(wb, t, names[k]!))
  // the summary sheet also holds the title, period and the most severe findings under the figures
  const ws0 = wb.getWorksheet(names[0]!)!
  ws0.addRow([])
  ws0.addRow([m.title])
  ws0.addRow([m.subtitle])
  ws0.addRow([`${m.labels.generated}: ${m.generatedAt}`])
  ws0.addRow([m.summary.overview])
  for (const p of m.summary.points) ws0.addRow([p])

  const fields = wb.addWorksheet(sheetName(m.labels.fieldSheet, used), { views: [{ state: 'frozen', ySplit: 1 }] })
  fields.columns = [
    { header: m.labels.fieldTable, key: 'sheet', width: 24 },
    { header: m.labels.fieldKey, key: 'key', width: 28 },
    { header: m.labels.fieldTitle, key: 'title', width: 30 },
    { header: m.labels.fieldDefinition, key: 'definition', width: 100 },
  ]
  all.forEach((t, k) => {
    for (const c of t.columns) fields.addRow({ sheet: names[k], key: c.key, title: c.title, definition: c.definition })
  })
  fields.getRow(1).font = { bold: true }
  fields.getColumn('definition').alignment = { wrapText: true, vertical: 'top' }
  const buf = await wb.xlsx.writeBuffer()
  return new Uint8Array(buf as ArrayBuffer)
}
