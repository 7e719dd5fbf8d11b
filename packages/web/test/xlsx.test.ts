// The browser's XLSX writer: a workbook that Excel readers open (checked with exceljs and by the ZIP's own CRCs).

import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { columnName, crc32, xlsxBytes } from '../src/analysis/xlsx.js'

describe('xlsx writer', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('writes sheets that exceljs reads back: numbers as numbers, Chinese text, empty cells for missing values', async () => {
    const bytes = xlsxBytes([
      {
        name: '整体网络',
        header: ['measure', '名称', 'value'],
        rows: [
          ['density', '密度', 0.123456789],
          ['components', '连通分量', 3],
          ['diameter', '直径 <a & b>', null],
        ],
        widths: [18, 24, 12],
      },
      {
        name: 'Actors: all/any?', // forbidden characters are replaced
        header: ['id', 'label', 'degree', 'betweenness'],
        rows: [
          ['a1', '街道办', 4, 12.5],
          ['a2', 'Police "110"', 1, Number.NaN],
        ],
      },
    ])
    const zip = await JSZip.loadAsync(bytes) // checks every entry's CRC
    expect(Object.keys(zip.files)).toContain('xl/worksheets/sheet2.xml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['整体网络', 'Actors  all any '.trim()])
    const net = wb.worksheets[0]!
    expect(net.getRow(1).values).toEqual([undefined, 'measure', '名称', 'value'])
    expect(net.getCell('C2').value).toBe(0.123456789)
    expect(typeof net.getCell('C3').value).toBe('number')
    expect(net.getCell('B4').value).toBe('直径 <a & b>')
    expect(net.getCell('C4').value).toBeNull()
    const actors = wb.worksheets[1]!
    expect(actors.getCell('B3').value).toBe('Police "110"')
    expect(actors.getCell('D2').value).toBe(12.5)
    expect(actors.getCell('D3').value).toBeNull() // NaN is left empty
    expect(actors.rowCount).toBe(3)
  })
})
