// The report as a Word document: Word 报告 — headings, tables, the figure as SVG with a PNG fallback.

import type { ReportFinding, ReportModel, ReportRecommendation, ReportTable } from '@cosafe/core'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { formatCell, formatChange, formatNumber, more } from './format.js'
import { rasterizeFigure } from './raster.js'
import { encodePng } from './png.js'
import { renderSvg } from './svg.js'

const HEADER_FILL = 'EEF2F7'

function para(
  text: string,
  opts: { bold?: boolean; size?: number; colour?: string; italics?: boolean } = {},
): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: [
      new TextRun({
        text,
        bold: opts.bold,
        italics: opts.italics,
        ...(opts.size ? { size: opts.size } : {}),
        ...(opts.colour ? { color: opts.colour } : {}),
      }),
    ],
  })
}

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text })],
  })
}

function cell(text: string, opts: { header?: boolean; number?: boolean; size?: number } = {}): TableCell {
  return new TableCell({
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: opts.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.header, size: opts.size ?? 18 })],
      }),
    ],
  })
}

function table(t: ReportTable, size = 18): Table {
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c) => cell(c.title, { header: true, size })),
  })
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c) =>
          cell(formatCell(r[c.key], c.kind), { number: typeof r[c.key] === 'number', size }),
        ),
      }),
  )
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })
}

function effectTable(r: ReportRecommendation, m: ReportModel): (Paragraph | Table)[] {
  const L = m.labels
  return [
    para(L.predicted, { size: 18, bold: true }),
    new Table({
      width: { size: 80, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [
            cell(L.predicted, { header: true }),
            cell(L.before, { header: true }),
            cell(L.after, { header: true }),
            cell(L.change, { header: true }),
          ],
        }),
        ...r.effect!.map(
          (e) =>
            new TableRow({
              children: [
                cell(e.key === 'brokerShare' && r.broker ? `${e.title} (${r.broker})` : e.title),
                cell(formatNumber(e.before, 'share'), { number: true }),
                cell(formatNumber(e.after, 'share'), { number: true }),
                cell(formatChange(e.change), { number: true }),
              ],
            }),
        ),
      ],
    }),
  ]
}

function finding(f: ReportFinding, m: ReportModel): (Paragraph | Table)[] {
  const L = m.labels
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: `${f.rule} · ${f.statusText} · ${f.title}` }),
    para(f.explanation),
    para(`${f.indicator} — ${f.formula} · ${L.value}: ${formatNumber(f.value)} · ${f.severityText}`, {
      size: 18,
      colour: '52606D',
    }),
  ]
  if (f.values.length)
    out.push(labelled(L.evidence, f.values.map((v) => `${v.label} ${formatNumber(v.value)}`).join('; ')))
  if (f.checks.length)
    out.push(
      labelled(
        L.threshold,
        f.checks
          .map((c) => `${c.measure} ${c.threshold} (${c.basis}): ${formatNumber(c.value)}${c.flagged ? ' ⚑' : ''}`)
          .join('; '),
      ),
    )
  out.push(labelled(L.source, f.source))
  if (f.actors.length) {
    const extra =
      f.actorsTotal && f.actorsTotal > f.actors.length ? ` ${more(L.more, f.actorsTotal - f.actors.length)}` : ''
    out.push(labelled(L.actors, f.actors.join(m.lang === 'zh-CN' ? '、' : ', ') + extra))
  }
  if (f.ties.length) {
    const extra = f.tiesTotal && f.tiesTotal > f.ties.length ? ` ${more(L.more, f.tiesTotal - f.ties.length)}` : ''
    out.push(labelled(L.ties, f.ties.join('; ') + extra))
  }
  return out
}

/**
 * The report as a Word document (.docx bytes).
 *
 * @example
 * const bytes = await renderDocx(model) // write to report.docx
 */
export async function renderDocx(m: ReportModel): Promise<Uint8Array> {
  const L = m.labels
  const zh = m.lang === 'zh-CN'
  const tables = new Map(m.tables.map((t) => [t.key, t]))
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: m.title }),
    para(m.subtitle, { colour: '52606D' }),
    para(`${L.generated}: ${m.generatedAt}`, { size: 18, colour: '7B8794' }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: L.summary }),
    new Table({
      width: { size: 70, type: WidthType.PERCENTAGE },
      rows: m.summary.keyFigures.map(
        (k) =>
          new TableRow({
            children: [cell(k.label, { header: true }), cell(formatNumber(k.value, k.kind), { number: true })],
          }),
      ),
    }),
    para(''),
    para(m.summary.overview),
    ...m.summary.points.map(
      (p) => new Paragraph({ numbering: { reference: 'points', level: 0 }, children: [new TextRun(p)] }),
    ),
  ]
  // the figure: SVG (labels) with a PNG fallback for Word versions without SVG
  const { width, height, rgb } = rasterizeFigure(m.figure)
  const png = encodePng(width, height, rgb)
  const svg = new TextEncoder().encode(renderSvg(m.figure))
  const shownWidth = 600
  body.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: m.figure.title }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: svg,
          fallback: { type: 'png', data: png },
          transformation: { width: shownWidth, height: Math.round((shownWidth * height) / width) },
          altText: { name: m.figure.title, title: m.figure.title, description: m.figure.caption },
        }),
      ],
    }),
    para(m.figure.caption, { size: 18, italics: true, colour: '52606D' }),
  )
  const net = tables.get('network')
  if (net)
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: net.title }),
      para(net.caption, { size: 18 }),
      table(net),
    )
  const actors = tables.get('actors')
  const actorSection: (Paragraph | Table)[] = actors
    ? [
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: actors.title }),
        para(actors.caption, { size: 18 }),
        table(actors, 15),
      ]
    : []
  const rest: (Paragraph | Table)[] = []
  if (m.dimensions.length) {
    rest.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: L.findings }))
    for (const d of m.dimensions) {
      rest.push(
        new Paragraph({ heading: HeadingLevel.HEADING_2, text: d.title }),
        para(
          zh
            ? `触发 ${d.counts.fired}，未触发 ${d.counts.clear}，数据不足 ${d.counts['insufficient-data']}`
            : `${d.counts.fired} fired, ${d.counts.clear} clear, ${d.counts['insufficient-data']} without enough data`,
          { size: 18, colour: '7B8794' },
        ),
      )
      const shown = d.findings.filter((f) => f.status !== 'insufficient-data')
      if (!shown.length) rest.push(para(L.noFindings, { italics: true }))
      for (const f of shown) rest.push(...finding(f, m))
      const missing = d.findings.filter((f) => f.status === 'insufficient-data')
      if (missing.length) {
        rest.push(para(`${L.notEvaluated} (${missing.length})`, { bold: true, size: 18 }))
        for (const f of missing)
          rest.push(
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun({ text: `${f.rule} ${f.indicator}: `, bold: true, size: 18 }),
                new TextRun({ text: f.explanation, size: 18 }),
              ],
            }),
          )
      }
    }
  }
  if (m.recommendations.length) {
    rest.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: L.recommendations }))
    m.recommendations.forEach((r, k) => {
      rest.push(
        new Paragraph({
          spacing: { before: 160, after: 60 },
          children: [new TextRun({ text: `${k + 1}. [${r.rule}] `, bold: true }), new TextRun({ text: r.text })],
        }),
      )
      if (r.families.length) rest.push(labelled(L.families, r.families.join(', ')))
      if (r.ties.length) rest.push(labelled(L.ties, r.ties.join('; ')))
      if (r.effect) rest.push(...effectTable(r, m))
    })
  }
  rest.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: L.method }))
  for (const x of m.method) rest.push(labelled(x.label, x.text))

  const font = zh
    ? { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei', cs: 'Calibri' }
    : { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei', cs: 'Calibri' }
  const a4 = { width: 11906, height: 16838 }
  const margin = { top: 1000, bottom: 1000, left: 1000, right: 1000 }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            color: '7B8794',
            children: zh ? [`${m.title} · 第 `, PageNumber.CURRENT, ' 页'] : [`${m.title} · Page `, PageNumber.CURRENT],
          }),
        ],
      }),
    ],
  })
  const footers = { default: footer }
  const sections: ISectionOptions[] = [
    { properties: { page: { size: a4, margin } }, footers, children: body },
    ...(actorSection.length
      ? [
          {
            properties: {
              page: { size: { ...a4, orientation: PageOrientation.LANDSCAPE }, margin },
            },
            footers,
            children: actorSection,
          },
        ]
      : []),
    { properties: { page: { size: a4, margin } }, footers, children: rest },
  ]
  const doc = new Document({
    creator: 'cosafe',
    title: m.title,
    description: m.subtitle,
    styles: { default: { document: { run: { font, size: 21 } } } },
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections,
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
