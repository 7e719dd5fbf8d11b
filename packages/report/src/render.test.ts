// The renderers: SVG and PNG of the figure, the DOCX reopened with jszip, the XLSX reopened with exceljs.

import { inflateRawSync, inflateSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildResearchReport, type ReportFigure } from '@cosafe/core'
import { edges, NetworkBuilder } from '@cosafe/sna'
import { demoDiagnosis, demoReport } from './demo.test-util.js'
import { formatChange, formatNumber } from './format.js'
import {
  adler32,
  crc32,
  deflateRaw,
  encodePng,
  renderHtml,
  renderPng,
  renderReport,
  renderSvg,
  rasterizeFigure,
} from './index.js'

const en = demoReport('en')
const zh = demoReport('zh-CN')

/** Chunks of a PNG: type, data, and whether the CRC checks. */
function pngChunks(png: Uint8Array): { type: string; data: Uint8Array; crcOk: boolean }[] {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out = []
  for (let o = 8; o < png.length;) {
    const len = v.getUint32(o)
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8))
    out.push({
      type,
      data: png.subarray(o + 8, o + 8 + len),
      crcOk: v.getUint32(o + 8 + len) === crc32(png, o + 4, o + 8 + len),
    })
    o += 12 + len
  }
  return out
}

/** Decodes an RGB PNG of this encoder (filter per row) to pixels. */
function decodePng(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const chunks = pngChunks(png)
  const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset)
  const width = ihdr.getUint32(0)
  const height = ihdr.getUint32(4)
  const raw = inflateSync(chunks.find((c) => c.type === 'IDAT')!.data)
  const stride = width * 3
  const rgb = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? rgb[y * stride + x - 3]! : 0
      const b = y > 0 ? rgb[(y - 1) * stride + x]! : 0
      const v = raw[y * (stride + 1) + 1 + x]!
      rgb[y * stride + x] = (v + (f === 1 ? a : f === 2 ? b : 0)) & 0xff
    }
  }
  return { width, height, rgb }
}

describe('the figure', () => {
  it('renders as a deterministic SVG with sector colours, legend, labels and escaped text', () => {
    const svg = renderSvg(en.figure)
    expect(renderSvg(demoReport('en').figure)).toBe(svg)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect((svg.match(/<circle /g) ?? []).length).toBe(28 + en.figure.legend.length)
    expect((svg.match(/<line /g) ?? []).length).toBe(en.figure.edges.length + 1)
    for (const l of en.figure.legend) expect(svg).toContain(`fill="${l.colour}"`)
    expect(svg).toContain('C Community Residents&#39; Committee')
    expect(svg).toContain('Government (9)')
    expect(renderSvg(zh.figure)).toContain('政府 (9)')
    const evil: ReportFigure = {
      ...en.figure,
      nodes: en.figure.nodes.map((n, i) => (i === 0 ? { ...n, label: '<script>alert("x")</script> & co' } : n)),
    }
    const s = renderSvg(evil)
    expect(s).not.toContain('<script>')
    expect(s).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
  })

  it('rasterises to a valid PNG whose pixels show the discs in their sector colours', () => {
    const png = renderPng(en.figure)
    const chunks = pngChunks(png)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(chunks.every((c) => c.crcOk)).toBe(true)
    const { width, height, rgb } = decodePng(png)
    const r = rasterizeFigure(en.figure)
    expect([width, height]).toEqual([r.width, r.height])
    expect(Buffer.compare(Buffer.from(rgb), Buffer.from(r.rgb))).toBe(0)
    // the centre of the largest disc has its sector's colour; a corner is white
    const scale = 1.6
    const svg = renderSvg(en.figure)
    const big = [...en.figure.nodes.keys()].sort((a, b) => en.figure.nodes[b]!.r - en.figure.nodes[a]!.r)[0]!
    const m = new RegExp(
      `<circle cx="([\\d.]+)" cy="([\\d.]+)" r="[\\d.]+" fill="${en.figure.nodes[big]!.colour}"><title>${'C Community Residents&#39; Committee'}`,
    ).exec(svg)!
    const px = Math.floor(Number(m[1]) * scale)
    const py = Math.floor(Number(m[2]) * scale)
    const o = (py * width + px) * 3
    expect(
      '#' +
        [...rgb.subarray(o, o + 3)]
          .map((v) => v.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase(),
    ).toBe(en.figure.nodes[big]!.colour.toUpperCase())
    expect([...rgb.subarray(0, 3)]).toEqual([255, 255, 255])
    // compressed well below the raw size
    expect(png.length).toBeLessThan(width * height)
  })

  it('deflates what zlib inflates (random and repetitive data), with the right checksums', () => {
    let s = 1
    const rnd = new Uint8Array(70000).map(() => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) & 0xff)
    const rep = new Uint8Array(100000).map((_, i) => (i % 7 === 0 ? 3 : i % 300))
    for (const data of [rnd, rep, new Uint8Array(0), new Uint8Array([1, 2])]) expect(inflateRawOk(data)).toEqual([])
    expect(deflateRaw(rep).length).toBeLessThan(rep.length / 20)
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398)
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/expected 12 bytes/)
  })
})

/** Empty when deflateRaw(data) inflates back to data; else the first differing index. */
function inflateRawOk(data: Uint8Array): number[] {
  const back = new Uint8Array(inflateRawSync(deflateRaw(data)))
  if (back.length !== data.length) return [-1, back.length, data.length]
  for (let i = 0; i < data.length; i++) if (back[i] !== data[i]) return [i]
  return []
}
const decoder = new TextDecoder()

describe('the Word document', () => {
  it('reopens with the title, findings, recommendations with their predicted numbers, and the figure (SVG + PNG)', async () => {
    for (const m of [en, zh]) {
      const r = await renderReport(m, 'docx')
      expect(r.extension).toBe('docx')
      expect(r.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      const zip = await JSZip.loadAsync(r.body)
      const xml = await zip.file('word/document.xml')!.async('string')
      const text = xml
        .replace(/<[^>]+>/g, '')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
      expect(text).toContain(m.title)
      const str3 = m.dimensions.find((d) => d.dimension === 'structure')!.findings.find((f) => f.rule === 'STR-3')!
      expect(text).toContain(`STR-3 · ${str3.statusText} · ${str3.title}`)
      const rec = m.recommendations.find((x) => x.effect)!
      const density = rec.effect!.find((e) => e.key === 'density')!
      const share = rec.effect!.find((e) => e.key === 'brokerShare')!
      expect(text).toContain(formatNumber(density.before, 'share'))
      expect(text).toContain(formatNumber(density.after, 'share'))
      expect(text).toContain(formatNumber(share.after, 'share'))
      expect(text).toContain(formatChange(share.change))
      // the figure: a PNG and an SVG in word/media, referenced by the drawing (svgBlip extension)
      const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
      expect(media.some((f) => f.endsWith('.png'))).toBe(true)
      expect(media.some((f) => f.endsWith('.svg'))).toBe(true)
      expect(xml).toContain('<a:blip r:embed=')
      expect(xml).toMatch(/svgBlip/)
      const pngFile = media.find((f) => f.endsWith('.png'))!
      const png = await zip.file(pngFile)!.async('uint8array')
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
      // page numbers in the footer
      const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f))
      expect(footers.length).toBeGreaterThan(0)
      expect(await zip.file(footers[0]!)!.async('string')).toMatch(/PAGE/)
      const svgFile = media.find((f) => f.endsWith('.svg'))!
      expect(await zip.file(svgFile)!.async('string')).toBe(renderSvg(m.figure))
    }
  })
})

describe('the workbook', () => {
  it('reopens with one sheet per table, bold frozen headers, numbers equal to the model, and field definitions', async () => {
    for (const m of [en, zh]) {
      const r = await renderReport(m, 'xlsx')
      expect(r.extension).toBe('xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(r.body) as unknown as ArrayBuffer)
      const names = wb.worksheets.map((w) => w.name)
      expect(names).toEqual(
        m.lang === 'en'
          ? ['Summary', 'Whole-network measures', 'Actor measures', 'Findings', 'Recommendations', 'Fields']
          : ['摘要', '整体网络指标', '行动者指标', '诊断发现', '对策建议', '字段说明'],
      )
      m.tables.forEach((t, k) => {
        const ws = wb.worksheets[k + 1]!
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
        t.columns.forEach((c, j) => {
          expect(ws.getCell(1, j + 1).value).toBe(c.title)
          expect(ws.getCell(1, j + 1).font?.bold).toBe(true)
        })
        expect(ws.rowCount).toBe(t.rows.length + 1)
        t.rows.forEach((row, i) =>
          t.columns.forEach((c, j) => {
            const v = row[c.key]
            const cell = ws.getCell(i + 2, j + 1).value
            if (typeof v === 'number') expect(cell).toBe(v)
            else if (v === null || v === '') expect(cell === null || cell === '' || cell === undefined).toBe(true)
            else expect(cell).toBe(v)
          }),
        )
      })
      const fields = wb.worksheets.at(-1)!
      const defined = m.tables.reduce((s, t) => s + t.columns.length, 0) + 3
      expect(fields.rowCount).toBe(defined + 1)
      expect(fields.getRow(1).font?.bold).toBe(true)
      const density = fields
        .getSheetValues()
        .find((row) => Array.isArray(row) && row[2] === 'value' && row[1] === names[1])
      expect(density).toBeDefined()
      // the what-if numbers in the recommendations sheet are the diagnosis' own
      const recs = wb.worksheets[4]!
      const w = demoDiagnosis.findings.flatMap((f) => f.recommendations).find((x) => x.whatIf)!.whatIf!
      const header = (recs.getRow(1).values as unknown[]).indexOf(
        m.tables.find((t) => t.key === 'recommendations')!.columns.find((c) => c.key === 'brokerShareAfter')!.title,
      )
      const values = recs.getColumn(header).values.slice(2)
      expect(values).toContain(w.brokerShare.after)
    }
  })
})

describe('the HTML page', () => {
  it('escapes every text of the model and needs nothing outside the page', () => {
    const evil = '<img src=x onerror="alert(1)"> & “quotes”'
    const m = {
      ...en,
      title: evil,
      summary: { ...en.summary, points: [evil] },
      method: [{ label: evil, text: evil }],
    }
    const html = renderHtml(m)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; “quotes”')
    expect(renderHtml(en)).not.toMatch(/<script|<link|@import|url\(|src=|href="http/i)
    expect(html).toContain('@media print')
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
  })
})

describe('small and odd networks', () => {
  it('render in every format: one actor, isolates only, two actors with sectors and no tie', async () => {
    const b = new NetworkBuilder({ directed: false })
    b.addNode('a', { sector: '政府' })
    b.addNode('b', { sector: 'social' })
    for (const g of [edges('solo'), edges('a b c'), b.build().network.graph])
      for (const lang of ['en', 'zh-CN'] as const) {
        const m = buildResearchReport({ lang, title: 'tiny', graph: g, generatedAt: 't' })
        expect(m.figure.nodes).toHaveLength(g.n)
        for (const n of m.figure.nodes)
          expect(Number.isFinite(n.x) && Number.isFinite(n.y) && Number.isFinite(n.r)).toBe(true)
        for (const format of ['html', 'docx', 'xlsx'] as const)
          expect((await renderReport(m, format)).body.length).toBeGreaterThan(1000)
        expect(renderSvg(m.figure)).not.toMatch(/NaN|Infinity/)
      }
  })
})

describe('renderReport', () => {
  it('gives HTML as UTF-8 bytes and refuses an unknown format', async () => {
    const r = await renderReport(zh, 'html')
    expect(r.contentType).toBe('text/html; charset=utf-8')
    expect(decoder.decode(r.body)).toContain('<html lang="zh-CN">')
    await expect(renderReport(zh, 'pdf' as never)).rejects.toThrow(/unknown report format "pdf"/)
  })
})
