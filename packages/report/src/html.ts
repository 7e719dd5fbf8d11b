// The report as one print-ready HTML page: 网页报告 — inline CSS (screen and print), the SVG figure inline, no script, no requests.

import type { ReportFinding, ReportModel, ReportRecommendation, ReportTable } from '@cosafe/core'
import { escapeXml as esc, formatCell, formatChange, formatNumber, more } from './format.js'
import { FONT_STACK, renderSvg } from './svg.js'

const CSS = `
*{box-sizing:border-box}
html{font-family:${FONT_STACK};color:#1f2933;background:#f5f7fa;line-height:1.55;font-size:15px}
body{margin:0}
main{max-width:1080px;margin:0 auto;background:#fff;padding:40px 48px 56px}
h1{font-size:1.9rem;margin:0 0 .2rem;line-height:1.25}
h2{font-size:1.35rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid #0072B2}
h3{font-size:1.1rem;margin:1.6rem 0 .6rem}
h4{font-size:1rem;margin:0 0 .3rem}
p{margin:.4rem 0}
.subtitle{color:#52606d;margin:0}
.meta{color:#7b8794;font-size:.85rem;margin:.2rem 0 1rem}
nav ol{columns:2;margin:.4rem 0 0;padding-left:1.3rem}
nav a{color:#0b5394;text-decoration:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:.8rem 0}
.card{border:1px solid #d9e2ec;border-radius:8px;padding:10px 12px;background:#f8fafc}
.card .v{font-size:1.45rem;font-weight:700;font-variant-numeric:tabular-nums}
.card .k{font-size:.82rem;color:#52606d}
.points li{margin:.3rem 0}
figure{margin:0}
figure svg{width:100%;height:auto;display:block;border:1px solid #e4e7eb;border-radius:6px}
figcaption{font-size:.85rem;color:#52606d;margin-top:.4rem}
table{border-collapse:collapse;width:100%;font-size:.84rem;margin:.4rem 0 1rem}
caption{text-align:left;color:#52606d;font-size:.85rem;padding-bottom:.3rem}
th,td{border:1px solid #d9e2ec;padding:4px 7px;vertical-align:top;text-align:left}
th{background:#eef2f7;font-weight:600}
.scroll{overflow-x:auto;margin:.4rem 0 1rem}
.scroll table{margin:0}
table.wide{font-size:.76rem}
table.wide th,table.wide td{padding:3px 5px}
ul.ties{columns:2;column-gap:28px}
ul.ties li{break-inside:avoid}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even) td{background:#fafbfc}
.finding{border:1px solid #d9e2ec;border-left:5px solid #8c8c8c;border-radius:6px;padding:10px 14px;margin:.7rem 0;break-inside:avoid}
.finding.fired.high{border-left-color:#c0392b}
.finding.fired.medium{border-left-color:#e67e22}
.finding.fired.low{border-left-color:#f1c40f}
.finding.clear{border-left-color:#27ae60}
.badge{display:inline-block;font-size:.75rem;border-radius:10px;padding:1px 8px;margin-right:6px;background:#eef2f7;color:#334e68;font-weight:600}
.badge.fired{background:#fdecea;color:#a61b1b}
.badge.clear{background:#e3f7ea;color:#1e7b45}
.evidence{font-size:.86rem;color:#334e68}
.evidence dt{font-weight:600;margin-top:.35rem}
.evidence dd{margin:0 0 0 1rem}
.values{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:.2rem 0}
.rec{border:1px solid #d9e2ec;border-radius:6px;padding:10px 14px;margin:.7rem 0;break-inside:avoid;background:#fbfdff}
.rec table{width:auto;min-width:60%}
.better{color:#1e7b45}
.worse{color:#a61b1b}
.muted{color:#7b8794}
ul.compact{margin:.3rem 0;padding-left:1.2rem}
dl.method dt{font-weight:600;margin-top:.5rem}
dl.method dd{margin:0 0 0 1rem}
footer{margin-top:2rem;color:#7b8794;font-size:.8rem;border-top:1px solid #e4e7eb;padding-top:.6rem}
@page{size:A4;margin:15mm 13mm}
@media print{
 html{background:#fff;font-size:10.5pt}
 main{max-width:none;padding:0}
 nav{display:none}
 h2{break-after:avoid}
 h3,h4{break-after:avoid}
 section.page{break-before:page}
 thead{display:table-header-group}
 tr,figure,.card{break-inside:avoid}
 a{color:inherit;text-decoration:none}
 table{font-size:8.5pt}
 table.wide{font-size:7pt}
 .scroll{overflow:visible}
 ul.ties{columns:1}
}
`

function table(t: ReportTable, id: string): string {
  const wide = t.columns.length > 8
  const head = t.columns.map((c) => `<th scope="col" title="${esc(c.definition)}">${esc(c.title)}</th>`).join('')
  const body = t.rows
    .map(
      (r) =>
        `<tr>${t.columns
          .map((c) => {
            const v = r[c.key]
            return typeof v === 'number' || (c.kind !== 'text' && v === null)
              ? `<td class="n">${esc(formatCell(v, c.kind))}</td>`
              : `<td>${esc(formatCell(v, c.kind))}</td>`
          })
          .join('')}</tr>`,
    )
    .join('\n')
  const html = `<table id="${id}"${wide ? ' class="wide"' : ''}><caption>${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  return wide ? `<div class="scroll">${html}</div>` : html
}

/** Lower is better for centralization and the broker's share, higher for density and E-I. */
function tone(key: string, change: number | null): string {
  if (change === null || change === 0 || !Number.isFinite(change)) return ''
  const good = key === 'density' || key === 'eiIndex' ? change > 0 : change < 0
  return good ? 'better' : 'worse'
}

function recommendation(r: ReportRecommendation, m: ReportModel): string {
  const L = m.labels
  const parts = [`<p><span class="badge">${esc(r.rule)}</span>${esc(r.text)}</p>`]
  const meta: string[] = []
  if (r.families.length) meta.push(`${esc(L.families)}: ${esc(r.families.join(', '))}`)
  if (r.ties.length) meta.push(`${esc(L.ties)}: ${esc(r.ties.join('; '))}`)
  if (meta.length) parts.push(`<p class="evidence">${meta.join(' · ')}</p>`)
  if (r.effect) {
    const rows = r.effect
      .map(
        (e) =>
          `<tr><td>${esc(e.title)}${e.key === 'brokerShare' && r.broker ? ` <span class="muted">(${esc(r.broker)})</span>` : ''}</td><td class="n">${esc(
            formatNumber(e.before, 'share'),
          )}</td><td class="n">${esc(formatNumber(e.after, 'share'))}</td><td class="n ${tone(e.key, e.change)}">${esc(
            formatChange(e.change),
          )}</td></tr>`,
      )
      .join('')
    parts.push(
      `<table class="effect"><caption>${esc(L.predicted)}</caption><thead><tr><th>${esc(L.measure)}</th><th>${esc(L.before)}</th><th>${esc(
        L.after,
      )}</th><th>${esc(L.change)}</th></tr></thead><tbody>${rows}</tbody></table>`,
    )
  }
  return `<div class="rec">${parts.join('\n')}</div>`
}

function finding(f: ReportFinding, m: ReportModel): string {
  const L = m.labels
  const head = `<h4><span class="badge ${f.status}">${esc(f.rule)} · ${esc(f.statusText)}</span>${esc(f.title)}</h4>`
  const ev: string[] = []
  if (f.values.length)
    ev.push(
      `<dt>${esc(L.evidence)}</dt><dd><ul class="values">${f.values
        .map((v) => `<li>${esc(v.label)}: <b>${esc(formatNumber(v.value))}</b></li>`)
        .join('')}</ul></dd>`,
    )
  if (f.checks.length)
    ev.push(
      `<dt>${esc(L.threshold)}</dt><dd>${f.checks
        .map(
          (c) =>
            `${esc(c.measure)} ${esc(c.threshold)} (${esc(c.basis)}): ${esc(formatNumber(c.value))}${c.flagged ? ' ⚑' : ''}`,
        )
        .join('<br>')}</dd>`,
    )
  ev.push(`<dt>${esc(L.source)}</dt><dd>${esc(f.source)}</dd>`)
  if (f.actors.length) {
    const extra =
      f.actorsTotal && f.actorsTotal > f.actors.length ? ` ${esc(more(L.more, f.actorsTotal - f.actors.length))}` : ''
    ev.push(`<dt>${esc(L.actors)}</dt><dd>${esc(f.actors.join(m.lang === 'zh-CN' ? '、' : ', '))}${extra}</dd>`)
  }
  if (f.ties.length) {
    const extra =
      f.tiesTotal && f.tiesTotal > f.ties.length ? `<li>${esc(more(L.more, f.tiesTotal - f.ties.length))}</li>` : ''
    ev.push(
      `<dt>${esc(L.ties)}</dt><dd><ul class="compact${f.ties.length > 8 ? ' ties' : ''}">${f.ties.map((t) => `<li>${esc(t)}</li>`).join('')}${extra}</ul></dd>`,
    )
  }
  return `<article class="finding ${f.status} ${f.severity}">${head}<p>${esc(f.explanation)}</p><p class="muted">${esc(
    f.indicator,
  )} — ${esc(f.formula)} · ${esc(L.value)}: ${esc(formatNumber(f.value))} · ${esc(f.severityText)}</p><dl class="evidence">${ev.join(
    '',
  )}</dl></article>`
}

/**
 * The report as one self-contained HTML page, ready to print (A4, page breaks between parts).
 *
 * @example
 * const html = renderHtml(buildCommunityReport({ … }))
 */
export function renderHtml(m: ReportModel): string {
  const L = m.labels
  const tables = new Map(m.tables.map((t) => [t.key, t]))
  const sections: { id: string; title: string; body: string; page?: boolean }[] = []
  const s = m.summary
  sections.push({
    id: 'summary',
    title: L.summary,
    body: `<div class="cards">${s.keyFigures
      .map(
        (k) =>
          `<div class="card"><div class="v">${esc(formatNumber(k.value, k.kind))}</div><div class="k">${esc(k.label)}</div></div>`,
      )
      .join('')}</div><p>${esc(s.overview)}</p>${
      s.points.length ? `<ol class="points">${s.points.map((p) => `<li>${esc(p)}</li>`).join('')}</ol>` : ''
    }`,
  })
  sections.push({
    id: 'figure',
    title: m.figure.title,
    body: `<figure>${renderSvg(m.figure)}<figcaption>${esc(m.figure.caption)}</figcaption></figure>`,
  })
  const net = tables.get('network')
  if (net) sections.push({ id: 'network', title: net.title, body: table(net, 'table-network'), page: true })
  const actors = tables.get('actors')
  if (actors) sections.push({ id: 'actors', title: actors.title, body: table(actors, 'table-actors') })
  if (m.dimensions.length) {
    const body = m.dimensions
      .map((d) => {
        const shown = d.findings.filter((f) => f.status !== 'insufficient-data')
        const missing = d.findings.filter((f) => f.status === 'insufficient-data')
        const counts = `<p class="muted">${esc(
          m.lang === 'zh-CN'
            ? `触发 ${d.counts.fired}，未触发 ${d.counts.clear}，数据不足 ${d.counts['insufficient-data']}`
            : `${d.counts.fired} fired, ${d.counts.clear} clear, ${d.counts['insufficient-data']} without enough data`,
        )}</p>`
        const list = shown.length
          ? shown.map((f) => finding(f, m)).join('\n')
          : `<p class="muted">${esc(L.noFindings)}</p>`
        const lacking = missing.length
          ? `<details open><summary>${esc(L.notEvaluated)} (${missing.length})</summary><ul class="compact">${missing
              .map((f) => `<li><b>${esc(f.rule)}</b> ${esc(f.indicator)}: ${esc(f.explanation)}</li>`)
              .join('')}</ul></details>`
          : ''
        return `<h3 id="dim-${d.dimension}">${esc(d.title)}</h3>${counts}${list}${lacking}`
      })
      .join('\n')
    sections.push({ id: 'findings', title: L.findings, body, page: true })
  }
  if (m.recommendations.length)
    sections.push({
      id: 'recommendations',
      title: L.recommendations,
      body: m.recommendations.map((r) => recommendation(r, m)).join('\n'),
      page: true,
    })
  sections.push({
    id: 'method',
    title: L.method,
    body: `<dl class="method">${m.method.map((x) => `<dt>${esc(x.label)}</dt><dd>${esc(x.text)}</dd>`).join('')}</dl>`,
    page: true,
  })
  const toc = `<nav aria-label="${esc(L.contents)}"><b>${esc(L.contents)}</b><ol>${sections
    .map((x) => `<li><a href="#${x.id}">${esc(x.title)}</a></li>`)
    .join('')}</ol></nav>`
  return `<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cosafe">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${esc(m.title)}</h1><p class="subtitle">${esc(m.subtitle)}</p><p class="meta">${esc(L.generated)}: ${esc(
    m.generatedAt,
  )}</p></header>
${toc}
${sections
  .map((x) => `<section id="${x.id}"${x.page ? ' class="page"' : ''}><h2>${esc(x.title)}</h2>\n${x.body}\n</section>`)
  .join('\n')}
<footer>cosafe · ${esc(m.title)} · ${esc(m.generatedAt)}</footer>
</main>
</body>
</html>
`
}
