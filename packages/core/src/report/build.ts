// Report builders: 报告生成 — a community's report (measures, figure, diagnosis) and a researcher's report on any network.
//
// The builders compute the measures with sna (analyze, E-I index, core–periphery), lay the
// network out with sna's seeded layout, and copy the diagnosis' findings and what-if predictions
// into the model unchanged (the numbers shown with a recommendation are the engine's own). No I/O
// and no clock: the caller passes `generatedAt`.

import {
  analyze,
  corePeripheryPartition,
  eiIndex,
  layout,
  MEASURE_INFO,
  Network,
  NETWORK_MEASURES,
  type Analysis,
  type Graph,
  type NodeMeasure,
} from '@cosafe/sna'
import { buildNetwork, type CommunityRecords } from '../network.js'
import {
  ACTOR_TYPES,
  SAFETY_DOMAINS,
  SECTOR_CODES,
  SECTORS,
  RELATION_TYPES,
  type Sector,
  type Term,
} from '../vocabulary.js'
import { sectorCode, undirectedUnion, type ActorRef } from '../diagnosis/context.js'
import { diagnose, type Diagnosis, type Finding } from '../diagnosis/evaluate.js'
import type { Recommendation } from '../diagnosis/recommend.js'
import { DIMENSIONS, FAMILIES, RULEBOOK, type Dimension, type Rule } from '../diagnosis/rulebook.js'
import { summariseDiagnosis } from '../diagnosis/summary.js'
import {
  SECTOR_COLOURS,
  type ColumnKind,
  type FigureEdge,
  type FigureNode,
  type KeyFigure,
  type ReportCell,
  type ReportColumn,
  type ReportDimension,
  type ReportEffect,
  type ReportFigure,
  type ReportFinding,
  type ReportLang,
  type ReportMethodItem,
  type ReportModel,
  type ReportRecommendation,
  type ReportTable,
} from './model.js'
import {
  ACTOR_COLUMNS,
  bandIn,
  BASIS,
  EFFECT_TITLES,
  EVIDENCE_LABELS,
  EXTRA_MEASURES,
  FINDING_COLUMNS,
  KEY_FIGURES,
  labels,
  pick,
  POSITION,
  SEVERITY,
  STATUS,
} from './text.js'

/** Node measures a figure's sizes may show. */
export const SIZE_MEASURES = [
  'degree',
  'betweenness',
  'closeness',
  'eigenvector',
  'harmonicCloseness',
  'pagerank',
  'coreness',
  'strength',
  'constraint',
] as const satisfies readonly NodeMeasure[]
export type SizeMeasure = (typeof SIZE_MEASURES)[number]

export interface CommunityReportInput {
  lang: ReportLang
  community: { id: string; name: string; nameEn?: string | null }
  period: { from: string; to: string }
  /** The community's collaboration network (collaborationGraph(records, period)), node attribute `sector`. */
  graph: Graph
  diagnosis: Diagnosis
  /** Node measure the figure's sizes show (default degree). */
  sizeBy?: SizeMeasure
  method: {
    /** Where the data come from, e.g. "activity records", in the report's language or both. */
    dataSources: readonly (string | Term)[]
    /** Survey response rate 0–1 when a survey went in. */
    surveyResponseRate?: number | null
    conventions?: readonly (string | Term)[]
  }
  /** ISO time of generation (the builder reads no clock). */
  generatedAt: string
  /** Actor names in both languages (the graph holds one label); default the graph's labels and the diagnosis' names. */
  actors?: readonly { id: string; name: string; nameEn?: string | null }[]
  /** Layout seed (default 1). */
  seed?: number
}

export interface ResearchReportInput {
  lang: ReportLang
  /** The report's title, e.g. the file name. */
  title: string
  /** The imported network (its first relation is measured; all relations go into the diagnosis). */
  graph: Graph | Network
  sizeBy?: SizeMeasure
  generatedAt: string
  seed?: number
}

/**
 * The collaboration network the diagnosis reads: the undirected union of the collaboration
 * relations of the records in the period, sectors as codes (the graph to pass to buildCommunityReport).
 *
 * @example
 * buildCommunityReport({ graph: collaborationGraph(records, period), diagnosis: diagnose({ records, period }), … })
 */
export function collaborationGraph(records: CommunityRecords, period?: { from: string; to: string }): Graph {
  return undirectedUnion(
    buildNetwork(records, period ? { from: period.from, to: period.to } : {}, { merge: true }).network,
  )
}

// ---------------------------------------------------------------------------------------------
// measures

interface Measured {
  g: Graph
  analysis: Analysis
  sector: (Sector | null)[]
  hasSectors: boolean
  ei: number | null
  core: Uint8Array | null
  cpFit: number | null
  betweennessShare: Float64Array | null
}

const NODE_WANTED: NodeMeasure[] = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'degreeNormalized',
  'closeness',
  'harmonicCloseness',
  'betweenness',
  'betweennessNormalized',
  'eigenvector',
  'pagerank',
  'coreness',
  'constraint',
  'localClustering',
]

/** Core–periphery search is skipped above this many actors (a report stays quick). */
const CORE_PERIPHERY_LIMIT = 3000

function measure(g: Graph): Measured {
  const analysis = analyze(g, { measures: [...NETWORK_MEASURES, ...NODE_WANTED] })
  const col = g.nodes.attribute('sector')
  const sector = Array.from({ length: g.n }, (_, i) => sectorCode(col?.[i] ?? null))
  const hasSectors = sector.some((s) => s !== null)
  let ei: number | null = null
  if (hasSectors) {
    const codes = [...SECTOR_CODES, null]
    const r = eiIndex(
      g,
      sector.map((s) => codes.indexOf(s)),
    ).ei
    ei = Number.isFinite(r) ? r : null
  }
  let core: Uint8Array | null = null
  let cpFit: number | null = null
  if (g.n >= 3 && g.n <= CORE_PERIPHERY_LIMIT && g.m > 0) {
    const cp = corePeripheryPartition(g, { seed: 1 })
    core = cp.core
    cpFit = Number.isFinite(cp.fit) ? cp.fit : null
  }
  const bc = analysis.nodes.betweenness
  let betweennessShare: Float64Array | null = null
  if (bc) {
    let total = 0
    for (let i = 0; i < g.n; i++) total += bc[i]!
    betweennessShare = new Float64Array(g.n)
    for (let i = 0; i < g.n; i++) betweennessShare[i] = total > 0 ? bc[i]! / total : 0
  }
  return { g, analysis, sector, hasSectors, ei, core, cpFit, betweennessShare }
}

const num = (v: number | undefined | null): number | null =>
  v === undefined || v === null || !Number.isFinite(v) ? null : v

const column = (key: string, t: Term, explain: Term, kind: ColumnKind, lang: ReportLang): ReportColumn => ({
  key,
  title: pick(t, lang),
  definition: pick(explain, lang),
  kind,
})

const measureColumn = (key: NodeMeasure, kind: ColumnKind, lang: ReportLang): ReportColumn => {
  const info = MEASURE_INFO[key]
  return column(key, info, { zh: info.explainZh, en: info.explainEn }, kind, lang)
}

function networkTable(m: Measured, lang: ReportLang): ReportTable {
  const rows: Record<string, ReportCell>[] = []
  for (const key of NETWORK_MEASURES) {
    const v = m.analysis.network[key]
    if (v === undefined) continue
    const info = MEASURE_INFO[key]
    rows.push({
      key,
      measure: pick(info, lang),
      value: v,
      definition: lang === 'zh-CN' ? info.explainZh : info.explainEn,
    })
  }
  const extra = (key: keyof typeof EXTRA_MEASURES, v: number | null): void => {
    if (v === null) return
    const t = EXTRA_MEASURES[key]!
    rows.push({ key, measure: pick(t, lang), value: v, definition: lang === 'zh-CN' ? t.explainZh : t.explainEn })
  }
  extra('eiIndex', m.ei)
  if (m.betweennessShare) extra('brokerShare', m.betweennessShare.length ? Math.max(...m.betweennessShare) : null)
  extra('corePeripheryFit', m.cpFit)
  if (m.core)
    extra(
      'coreSize',
      m.core.reduce((s, x) => s + x, 0),
    )
  const z = lang === 'zh-CN'
  return {
    key: 'network',
    title: pick({ zh: '整体网络指标', en: 'Whole-network measures' }, lang),
    caption: z
      ? `${m.g.directed ? '有向' : '无向'}网络，${m.g.n} 个行动者、${m.g.m} 条关系；每项指标附通俗定义。`
      : `${m.g.directed ? 'Directed' : 'Undirected'} network of ${m.g.n} actors and ${m.g.m} ties; each measure with a plain definition.`,
    columns: [
      column(
        'key',
        { zh: '指标键', en: 'Key' },
        { zh: '指标的英文键名（与 cosafe JSON 一致）。', en: 'The measure’s key (as in cosafe’s JSON).' },
        'text',
        lang,
      ),
      column('measure', { zh: '指标', en: 'Measure' }, { zh: '指标名称。', en: 'The measure’s name.' }, 'text', lang),
      column(
        'value',
        { zh: '取值', en: 'Value' },
        { zh: '指标在本网络上的取值。', en: 'The measure’s value on this network.' },
        'number',
        lang,
      ),
      column(
        'definition',
        { zh: '定义', en: 'Definition' },
        { zh: '指标的通俗定义。', en: 'What the measure means, in plain words.' },
        'text',
        lang,
      ),
    ],
    rows,
  }
}

function actorTable(m: Measured, lang: ReportLang, name: (i: number) => string, order: readonly number[]): ReportTable {
  const { g, analysis } = m
  const extra = (key: keyof typeof ACTOR_COLUMNS, kind: ColumnKind): ReportColumn => {
    const t = ACTOR_COLUMNS[key]!
    return column(key, t, { zh: t.explainZh, en: t.explainEn }, kind, lang)
  }
  const columns: ReportColumn[] = [extra('id', 'text'), extra('name', 'text')]
  if (m.hasSectors) columns.push(extra('sector', 'text'))
  const nodeCols: [NodeMeasure, ColumnKind][] = [
    ['degree', 'integer'],
    ['inDegree', 'integer'],
    ['outDegree', 'integer'],
    ['strength', 'number'],
    ['degreeNormalized', 'share'],
    ['betweenness', 'number'],
    ['betweennessNormalized', 'share'],
    ['closeness', 'number'],
    ['eigenvector', 'number'],
    ['constraint', 'number'],
    ['coreness', 'integer'],
  ]
  const present = nodeCols.filter(([k]) => analysis.nodes[k] !== undefined)
  for (const [k, kind] of present) {
    columns.push(measureColumn(k, kind, lang))
    if (k === 'betweennessNormalized' && m.betweennessShare) columns.push(extra('betweennessShare', 'share'))
  }
  if (m.core) columns.push(extra('position', 'text'))
  const rows = order.map((i) => {
    const row: Record<string, ReportCell> = { id: g.nodes.ids[i]!, name: name(i) }
    if (m.hasSectors) row.sector = m.sector[i] ? pick(SECTORS[m.sector[i]!], lang) : ''
    for (const [k] of present) {
      row[k] = num(analysis.nodes[k]![i])
      if (k === 'betweennessNormalized' && m.betweennessShare) row.betweennessShare = m.betweennessShare[i]!
    }
    if (m.core) row.position = pick(POSITION[m.core[i] ? 'core' : 'periphery'], lang)
    return row
  })
  return {
    key: 'actors',
    title: pick({ zh: '行动者指标', en: 'Actor measures' }, lang),
    caption: pick(
      {
        zh: '每个行动者的中心性、结构洞与核心—边缘位置，按图中大小所示指标从高到低排列。',
        en: 'Each actor’s centralities, structural holes and core–periphery position, ordered by the measure the figure’s sizes show.',
      },
      lang,
    ),
    columns,
    rows,
  }
}

// ---------------------------------------------------------------------------------------------
// figure

function figure(
  m: Measured,
  lang: ReportLang,
  name: (i: number) => string,
  sizeBy: SizeMeasure,
  seed: number,
): ReportFigure {
  const { g } = m
  const xy = layout(g, { seed })
  const raw = m.analysis.nodes[sizeBy] ?? m.analysis.nodes.degree!
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < g.n; i++) {
    const v = raw[i]!
    if (!Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  const big = g.n > 150
  const rMin = big ? 3 : 7
  const rMax = big ? 14 : 24
  // constraint: smaller is more brokerage, so the size shows 1 − constraint's rank-free scale inverted
  const invert = sizeBy === 'constraint'
  const nodes: FigureNode[] = []
  for (let i = 0; i < g.n; i++) {
    const v = raw[i]!
    const ok = Number.isFinite(v)
    let t = ok && max > min ? (v - min) / (max - min) : ok ? 1 : 0
    if (invert && ok) t = 1 - t
    const s = m.sector[i] ?? null
    nodes.push({
      id: g.nodes.ids[i]!,
      label: name(i),
      sector: s,
      colour: s ? SECTOR_COLOURS[s] : SECTOR_COLOURS.unknown,
      x: xy[2 * i]!,
      y: xy[2 * i + 1]!,
      r: rMin + (rMax - rMin) * Math.sqrt(t),
      value: ok ? v : null,
    })
  }
  const edges: FigureEdge[] = []
  const sk = g.skeleton()
  for (let u = 0; u < g.n; u++)
    for (let e = sk.offsets[u]!; e < sk.offsets[u + 1]!; e++) {
      const v = sk.targets[e]!
      if (v <= u) continue
      edges.push({ source: u, target: v, weight: Math.max(g.weight(u, v), g.weight(v, u)) })
    }
  const counts = new Map<Sector | null, number>()
  for (const s of m.sector) counts.set(s, (counts.get(s) ?? 0) + 1)
  const legend = [...SECTOR_CODES, null]
    .filter((s) => counts.has(s))
    .map((s) => ({
      sector: s,
      label: (s ? pick(SECTORS[s], lang) : pick({ zh: '未知部门', en: 'sector unknown' }, lang)).replace(/^./, (c) =>
        c.toUpperCase(),
      ),
      colour: s ? SECTOR_COLOURS[s] : SECTOR_COLOURS.unknown,
      count: counts.get(s)!,
    }))
  const labelled = g.n <= 60 ? g.n : 40
  const sizeTitle = pick(MEASURE_INFO[raw === m.analysis.nodes[sizeBy] ? sizeBy : 'degree'], lang)
  const z = lang === 'zh-CN'
  return {
    title: z ? '协作网络图' : 'Collaboration network',
    caption: z
      ? `${g.n} 个行动者、${edges.length} 条关系；颜色表示部门，圆的大小表示${sizeTitle}${invert ? '（约束越小圆越大）' : ''}。布局确定（种子 ${seed}），每次生成相同。`
      : `${g.n} actors, ${edges.length} ties; colour shows the sector, size the ${sizeTitle.toLowerCase()}${invert ? ' (less constraint, larger disc)' : ''}. The layout is deterministic (seed ${seed}): the same every time.`,
    sizeBy: { key: raw === m.analysis.nodes[sizeBy] ? sizeBy : 'degree', title: sizeTitle },
    nodes,
    edges,
    legend,
    legendTitle: z ? '部门' : 'Sector',
    sizeNote: (() => {
      if (!Number.isFinite(min)) return z ? `圆的大小：${sizeTitle}` : `Size: ${sizeTitle}`
      const show = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3))
      const [small, large] = invert ? [max, min] : [min, max]
      return z
        ? `圆的大小：${sizeTitle}（最小 ${show(small)}，最大 ${show(large)}）`
        : `Size: ${sizeTitle} (smallest ${show(small)}, largest ${show(large)})`
    })(),
    labelled,
  }
}

// ---------------------------------------------------------------------------------------------
// findings and recommendations

/** First letter upper case (English titles; Chinese is unchanged). */
const cap = (s: string): string => s.replace(/^./, (c) => c.toUpperCase())

const RULES = new Map<string, Rule>(RULEBOOK.map((r) => [r.id, r]))

function refName(r: ActorRef, lang: ReportLang): string {
  return lang === 'zh-CN' ? r.name : r.nameEn || r.name
}

function domainText(d: string | undefined, lang: ReportLang): string | null {
  if (!d) return null
  const t = SAFETY_DOMAINS[d as keyof typeof SAFETY_DOMAINS]
  return t ? pick(t, lang) : d
}

function tieText(
  t: { source: string; target: string; sourceName: string; targetName: string; relation?: string; domain?: string },
  lang: ReportLang,
  nameOf: (id: string, fallback: string) => string,
): string {
  const extras: string[] = []
  const rel = t.relation ? RELATION_TYPES[t.relation as keyof typeof RELATION_TYPES] : undefined
  if (t.relation) extras.push(rel ? pick(rel, lang) : t.relation)
  const d = domainText(t.domain, lang)
  if (d) extras.push(d)
  const base = `${nameOf(t.source, t.sourceName)} — ${nameOf(t.target, t.targetName)}`
  return extras.length ? `${base}${lang === 'zh-CN' ? `（${extras.join('，')}）` : ` (${extras.join(', ')})`}` : base
}

function recommendation(
  r: Recommendation,
  lang: ReportLang,
  nameOf: (id: string, fb: string) => string,
): ReportRecommendation {
  const w = r.whatIf
  const effect: ReportEffect[] | null = w
    ? (['degreeCentralization', 'density', 'eiIndex', 'brokerShare'] as const).map((key) => ({
        key,
        title: pick(EFFECT_TITLES[key], lang),
        before: w[key].before,
        after: w[key].after,
        change: w[key].change,
      }))
    : null
  return {
    rule: r.rule,
    text: cap(pick(r.text, lang)),
    families: r.families.map((f) => pick(FAMILIES[f], lang)),
    ties: r.ties.map((t) => tieText(t, lang, nameOf)),
    effect,
    broker: w ? refName(w.broker, lang) : null,
  }
}

function valueLabel(key: string, f: Finding, lang: ReportLang): string {
  if (key === 'value') return pick(f.indicator, lang)
  const known = EVIDENCE_LABELS[key]
  if (known) return pick(known, lang)
  const dens = /^density\.(\w+)$/.exec(key)
  if (dens) {
    const rel = RELATION_TYPES[dens[1] as keyof typeof RELATION_TYPES]
    const r = rel ? pick(rel, lang) : dens[1]!
    return lang === 'zh-CN' ? `密度（${r}）` : `Density (${r})`
  }
  const type = ACTOR_TYPES[key as keyof typeof ACTOR_TYPES]
  if (type) return cap(pick(type, lang))
  const d = SAFETY_DOMAINS[key as keyof typeof SAFETY_DOMAINS]
  if (d) return pick(d, lang)
  const s = SECTORS[key as Sector]
  if (s) return pick(s, lang)
  const info = MEASURE_INFO[key as NodeMeasure]
  if (info) return pick(info, lang)
  const rel = RELATION_TYPES[key as keyof typeof RELATION_TYPES]
  if (rel) return pick(rel, lang)
  // camelCase keys read as words
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase())
}

function finding(f: Finding, lang: ReportLang, nameOf: (id: string, fb: string) => string): ReportFinding {
  const rule = RULES.get(f.rule)
  const details = f.evidence.details ?? {}
  const total = (k: string): number | null => (typeof details[k] === 'number' ? (details[k] as number) : null)
  return {
    rule: f.rule,
    dimension: f.dimension,
    status: f.status,
    statusText: pick(STATUS[f.status], lang),
    severity: f.severity,
    severityText: pick(SEVERITY[f.severity], lang),
    title: cap(rule ? pick(rule.finding, lang) : pick(f.indicator, lang)),
    indicator: pick(f.indicator, lang),
    formula: f.indicator.formula,
    value: f.value,
    explanation: pick(f.explanation, lang),
    values: Object.entries(f.evidence.values).map(([key, value]) => ({ key, label: valueLabel(key, f, lang), value })),
    checks: f.evidence.checks.map((c) => ({
      basis: pick(BASIS[c.basis], lang),
      measure: c.measure === 'value' ? pick(f.indicator, lang) : valueLabel(c.measure, f, lang),
      threshold: bandIn(c.bandText, lang),
      value: c.value,
      flagged: c.flagged,
    })),
    source:
      f.evidence.source.isDefault && !f.evidence.source.letters.length
        ? pick({ zh: 'cosafe 默认值（可配置）', en: 'cosafe default (configurable)' }, lang)
        : f.evidence.source.citation +
          (f.evidence.source.isDefault
            ? pick(
                { zh: '（数值为 cosafe 默认值，可配置）', en: ' (the number is cosafe’s configurable default)' },
                lang,
              )
            : ''),
    sourceIsDefault: f.evidence.source.isDefault,
    actors: f.evidence.actors.map((a) => nameOf(a.id, refName(a, lang))),
    ties: f.evidence.ties.map((t) => tieText(t, lang, nameOf)),
    actorsTotal: total('actorsTotal'),
    tiesTotal: total('tiesTotal'),
    recommendations: f.recommendations.map((r) => recommendation(r, lang, nameOf)),
  }
}

function dimensions(findings: ReportFinding[], lang: ReportLang, onlyEvaluated: boolean): ReportDimension[] {
  const out: ReportDimension[] = []
  for (const dim of Object.keys(DIMENSIONS) as Dimension[]) {
    const all = findings.filter((f) => f.dimension === dim)
    const counts = { fired: 0, clear: 0, 'insufficient-data': 0 }
    for (const f of all) counts[f.status]++
    const shown = onlyEvaluated ? all.filter((f) => f.status !== 'insufficient-data') : all
    if (onlyEvaluated && !shown.length) continue
    const rank = { fired: 0, clear: 1, 'insufficient-data': 2 }
    const sev = { high: 0, medium: 1, low: 2 }
    shown.sort((a, b) => rank[a.status] - rank[b.status] || sev[a.severity] - sev[b.severity])
    out.push({ dimension: dim, title: cap(pick(DIMENSIONS[dim], lang)), counts, findings: shown })
  }
  return out
}

function findingsTable(findings: ReportFinding[], lang: ReportLang): ReportTable {
  const c = (key: keyof typeof FINDING_COLUMNS, kind: ColumnKind): ReportColumn => {
    const t = FINDING_COLUMNS[key]!
    return column(key, t, { zh: t.explainZh, en: t.explainEn }, kind, lang)
  }
  return {
    key: 'findings',
    title: pick({ zh: '诊断发现', en: 'Findings' }, lang),
    caption: pick(
      {
        zh: '规则库中每条规则一行：状态、取值、阈值及其依据。',
        en: 'One row per rule of the rulebook: status, value, threshold and its source.',
      },
      lang,
    ),
    columns: [
      c('rule', 'text'),
      c('dimension', 'text'),
      c('status', 'text'),
      c('severity', 'text'),
      c('finding', 'text'),
      c('indicator', 'text'),
      c('value', 'number'),
      c('threshold', 'text'),
      c('source', 'text'),
      c('explanation', 'text'),
    ],
    rows: findings.map((f) => ({
      rule: f.rule,
      dimension: pick(DIMENSIONS[f.dimension], lang),
      status: f.statusText,
      severity: f.severityText,
      finding: f.title,
      indicator: f.indicator,
      value: f.value,
      threshold: f.checks.map((k) => `${k.threshold} (${k.basis})`).join('; '),
      source: f.source,
      explanation: f.explanation,
    })),
  }
}

function recommendationsTable(recs: ReportRecommendation[], lang: ReportLang): ReportTable {
  const c = (key: keyof typeof FINDING_COLUMNS, kind: ColumnKind): ReportColumn => {
    const t = FINDING_COLUMNS[key]!
    return column(key, t, { zh: t.explainZh, en: t.explainEn }, kind, lang)
  }
  const columns: ReportColumn[] = [
    c('rule', 'text'),
    c('recommendation', 'text'),
    c('proposedTies', 'text'),
    c('broker', 'text'),
  ]
  const effectKeys = ['degreeCentralization', 'density', 'eiIndex', 'brokerShare'] as const
  for (const k of effectKeys) {
    const t = EFFECT_TITLES[k]
    const kind: ColumnKind = k === 'eiIndex' ? 'index' : k === 'density' ? 'number' : 'share'
    columns.push(
      column(
        `${k}Before`,
        { zh: `${t.zh}（实施前）`, en: `${t.en} before` },
        { zh: `${t.zh}：当前网络上的取值。`, en: `${t.en} on the network as it is.` },
        kind,
        lang,
      ),
      column(
        `${k}After`,
        { zh: `${t.zh}（实施后）`, en: `${t.en} after` },
        {
          zh: `${t.zh}：假设建议实施（新增建议的关系）后的预测值，由引擎的 what-if 计算。`,
          en: `${t.en} predicted by the engine’s what-if if the proposed ties were added.`,
        },
        kind,
        lang,
      ),
    )
  }
  return {
    key: 'recommendations',
    title: pick({ zh: '对策建议', en: 'Recommendations' }, lang),
    caption: pick(
      {
        zh: '触发规则的对策建议；新增关系的建议附引擎 what-if 预测的效果。',
        en: 'Recommendations of the fired rules; those adding ties carry the effect the engine’s what-if predicts.',
      },
      lang,
    ),
    columns,
    rows: recs.map((r) => {
      const row: Record<string, ReportCell> = {
        rule: r.rule,
        recommendation: r.text,
        proposedTies: r.ties.join('; '),
        broker: r.broker ?? '',
      }
      for (const k of effectKeys) {
        const e = r.effect?.find((x) => x.key === k)
        row[`${k}Before`] = e?.before ?? null
        row[`${k}After`] = e?.after ?? null
      }
      return row
    }),
  }
}

// ---------------------------------------------------------------------------------------------
// shared pieces

function termIn(x: string | Term, lang: ReportLang): string {
  return typeof x === 'string' ? x : pick(x, lang)
}

function keyFigures(m: Measured, lang: ReportLang, fired: number | null): KeyFigure[] {
  const k = (key: string, value: number | null, kind: ColumnKind): KeyFigure => ({
    key,
    label: pick(KEY_FIGURES[key]!, lang),
    value,
    kind,
  })
  const net = m.analysis.network
  const out = [
    k('actors', m.g.n, 'integer'),
    k('ties', m.g.m, 'integer'),
    k('density', num(net.density), 'number'),
    k('degreeCentralization', num(net.degreeCentralization ?? net.inDegreeCentralization ?? null), 'share'),
    k('betweennessCentralization', num(net.betweennessCentralization), 'share'),
    k('components', num(net.components), 'integer'),
  ]
  if (m.ei !== null) out.push(k('eiIndex', m.ei, 'index'))
  if (m.betweennessShare && m.g.n) out.push(k('brokerShare', Math.max(...m.betweennessShare), 'share'))
  if (fired !== null) out.push(k('fired', fired, 'integer'))
  return out
}

function summaryPoints(d: Diagnosis, findings: ReportFinding[], lang: ReportLang, limit = 6): string[] {
  const byRule = new Map(findings.map((f) => [f.rule, f]))
  const summary = summariseDiagnosis(d)
  const zh = lang === 'zh-CN'
  // veto items (一票否决) come first: one fired fails the overall assessment
  const veto = summary.vetoHits.length
    ? [
        zh
          ? `一票否决项未达标（${summary.vetoHits.join('、')}）：整体评估不通过`
          : `Veto items fired (${summary.vetoHits.join(', ')}): the overall assessment fails`,
      ]
    : summary.vetoUnknown.length
      ? [
          zh
            ? `一票否决项缺少数据（${summary.vetoUnknown.join('、')}）：整体评估暂定`
            : `Veto items without data (${summary.vetoUnknown.join(', ')}): the overall assessment is provisional`,
        ]
      : []
  return [
    ...veto,
    ...summary.fired.slice(0, limit).map((id) => {
      const f = byRule.get(id)!
      const text = f.explanation.replace(/^./, (c) => c.toUpperCase())
      return zh ? `${text}（${id}）` : `${text} (${id})`
    }),
  ]
}

function overview(d: Diagnosis, lang: ReportLang): string {
  const c = { fired: 0, clear: 0, 'insufficient-data': 0 }
  for (const f of d.findings) c[f.status]++
  return lang === 'zh-CN'
    ? `共评估规则 ${d.findings.length} 条：触发 ${c.fired} 条，未触发 ${c.clear} 条，数据不足 ${c['insufficient-data']} 条。`
    : `${d.findings.length} rules: ${c.fired} fired, ${c.clear} clear, ${c['insufficient-data']} without enough data.`
}

function measureOrder(m: Measured, sizeBy: SizeMeasure, name: (i: number) => string): number[] {
  const v = m.analysis.nodes[sizeBy] ?? m.analysis.nodes.degree!
  const sign = sizeBy === 'constraint' ? 1 : -1
  const key = (i: number): number => (Number.isFinite(v[i]!) ? sign * v[i]! : Infinity)
  return Array.from({ length: m.g.n }, (_, i) => i).sort(
    (a, b) => key(a) - key(b) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a - b),
  )
}

function commonMethod(m: Measured, lang: ReportLang, seed: number, sizeBy: string): ReportMethodItem[] {
  const z = lang === 'zh-CN'
  return [
    {
      label: z ? '指标口径' : 'Measures',
      text: z
        ? '指标依照 cosafe 的 METRICS.md，与 UCINET、igraph、networkx、R sna 的参考值核对：密度为实际关系 ÷ 可能关系；度数、中介、接近中心势为 Freeman 中心势；接近中心性采用 Wasserman–Faust 定义（适用于不连通网络）；约束为 Burt 结构洞约束；核心—边缘为 Borgatti & Everett (1999) 离散模型（种子 1）。'
        : 'Measures follow cosafe’s METRICS.md, checked against UCINET, igraph, networkx and R sna: density is ties ÷ possible ties; degree, betweenness and closeness centralization are Freeman’s; closeness is Wasserman–Faust’s (defined on disconnected networks); constraint is Burt’s; core–periphery is Borgatti & Everett’s (1999) discrete model (seed 1).',
    },
    {
      label: z ? '网络图' : 'Figure',
      text: z
        ? `布局为枢纽多维尺度加应力优化（种子 ${seed}），各连通部分并排放置；相同数据每次得到相同图形。圆的大小表示 ${pick(MEASURE_INFO[sizeBy as NodeMeasure] ?? { zh: sizeBy, en: sizeBy }, lang)}，颜色表示部门。`
        : `Layout: pivot MDS refined by stress majorization (seed ${seed}), components side by side; the same data always give the same figure. Size shows ${pick(MEASURE_INFO[sizeBy as NodeMeasure] ?? { zh: sizeBy, en: sizeBy }, lang).toLowerCase()}, colour the sector.`,
    },
    ...(m.core === null && m.g.n > CORE_PERIPHERY_LIMIT
      ? [
          {
            label: z ? '核心—边缘' : 'Core–periphery',
            text: z
              ? `行动者超过 ${CORE_PERIPHERY_LIMIT} 个，未做核心—边缘搜索。`
              : `More than ${CORE_PERIPHERY_LIMIT} actors: the core–periphery search was skipped.`,
          },
        ]
      : []),
  ]
}

function nameResolver(
  g: Graph,
  lang: ReportLang,
  d: Diagnosis | null,
  actors: CommunityReportInput['actors'],
): { byIndex: (i: number) => string; byId: (id: string, fallback: string) => string } {
  const names = new Map<string, string>()
  if (d)
    for (const f of d.findings) {
      for (const a of f.evidence.actors) names.set(a.id, refName(a, lang))
      for (const r of f.recommendations) for (const a of r.actors) names.set(a.id, refName(a, lang))
    }
  for (const a of actors ?? []) names.set(a.id, lang === 'zh-CN' ? a.name : a.nameEn || a.name)
  return {
    byIndex: (i) => names.get(g.nodes.ids[i]!) ?? g.nodes.label(i),
    byId: (id, fallback) => names.get(id) ?? fallback,
  }
}

// ---------------------------------------------------------------------------------------------
// builders

/** Checks the options a caller may take from a command line: the language and the size measure. */
function checkOptions(lang: string, sizeBy: string | undefined): void {
  if (lang !== 'zh-CN' && lang !== 'en')
    throw new RangeError(`unknown report language "${lang}" (expected zh-CN or en)`)
  if (sizeBy !== undefined && !(SIZE_MEASURES as readonly string[]).includes(sizeBy))
    throw new RangeError(`unknown size measure "${sizeBy}" (expected ${SIZE_MEASURES.join(', ')})`)
}

/**
 * The report of one community for one period: measures, figure, findings by dimension with
 * evidence, recommendations with the diagnosis' predicted effect, method notes.
 *
 * @example
 * const model = buildCommunityReport({ lang: 'zh-CN', community, period, graph: collaborationGraph(records, period),
 *   diagnosis: diagnose({ records, period }), method: { dataSources: ['活动记录'] }, generatedAt: new Date().toISOString() })
 */
export function buildCommunityReport(input: CommunityReportInput): ReportModel {
  const { lang, graph: g, diagnosis: d } = input
  checkOptions(lang, input.sizeBy)
  const sizeBy = input.sizeBy ?? 'degree'
  const seed = input.seed ?? 1
  const z = lang === 'zh-CN'
  const m = measure(g)
  const names = nameResolver(g, lang, d, input.actors)
  const findings = d.findings.map((f) => finding(f, lang, names.byId))
  const order = new Map(summariseDiagnosis(d).fired.map((id, k) => [id, k]))
  const recommendations = findings
    .filter((f) => f.status === 'fired')
    .sort((a, b) => order.get(a.rule)! - order.get(b.rule)!)
    .flatMap((f) => f.recommendations)
  const communityName = z ? input.community.name : input.community.nameEn || input.community.name
  const fired = d.findings.filter((f) => f.status === 'fired').length
  const period = `${input.period.from} – ${input.period.to}`
  const method: ReportMethodItem[] = [
    { label: z ? '时期' : 'Period', text: period },
    {
      label: z ? '数据来源' : 'Data sources',
      text: input.method.dataSources.map((x) => termIn(x, lang)).join(z ? '；' : '; ') || (z ? '未说明' : 'not stated'),
    },
    {
      label: z ? '问卷回收率' : 'Survey response rate',
      text:
        input.method.surveyResponseRate === undefined || input.method.surveyResponseRate === null
          ? z
            ? '本期未使用问卷。'
            : 'No survey went into this period.'
          : `${(input.method.surveyResponseRate * 100).toFixed(1)} %`,
    },
    {
      label: z ? '协作网络' : 'Collaboration network',
      text: z
        ? '协作网络为本期各协作关系（信息共享、资源共享、联合行动等）的无向并集：两个主体之间任一方向有协作即视为相连，权重取较大方向的值。活动按参与者两两相连，直接记录的关系按其日期计入。'
        : 'The collaboration network is the undirected union of the period’s collaboration relations (information sharing, resource sharing, joint action, …): two actors are tied when either worked with the other, weighted by the larger direction. Activities tie everyone present pairwise; recorded ties count by their dates.',
    },
    ...commonMethod(m, lang, seed, sizeBy),
    {
      label: z ? '诊断规则' : 'Diagnosis',
      text: z
        ? '规则库（DOMAIN.md §7）的每条规则都会评估：输入齐全时给出“触发”或“未触发”，缺少输入时标为“数据不足”并说明所需数据，不作猜测。阈值及其出处见各发现；标注“默认值”的阈值可按部署配置。'
        : 'Every rule of the rulebook (DOMAIN.md §7) is evaluated: fired or clear when its inputs exist, "insufficient data" with what is needed when they do not, never a guess. Each finding gives its threshold and source; thresholds marked as defaults are deployment settings.',
    },
    {
      label: z ? '预测效果' : 'Predicted effects',
      text: z
        ? '新增关系类建议的效果由引擎的 what-if 在同一协作网络上计算：加入建议的关系后重新计算度数中心势、密度、部门 E-I 指数和原中介者的中介份额。'
        : 'The effect of a recommendation that adds ties is computed by the engine’s what-if on the same collaboration network: degree centralization, density, the E-I index of sectors and the broker’s share of betweenness, recomputed with the proposed ties added.',
    },
    ...(input.method.conventions ?? []).map((c) => ({ label: z ? '约定' : 'Convention', text: termIn(c, lang) })),
    { label: z ? '生成' : 'Generated', text: `cosafe, ${input.generatedAt}` },
  ]
  const reportFindings = findings
  return {
    version: 1,
    kind: 'community',
    lang,
    title: z
      ? `${communityName}公共安全协同治理诊断报告`
      : `${communityName}: collaborative public-safety governance report`,
    subtitle: z ? `时期 ${period}` : `Period ${period}`,
    generatedAt: input.generatedAt,
    community: { id: input.community.id, name: communityName },
    period: { ...input.period },
    labels: labels(lang),
    summary: {
      title: z ? '摘要' : 'Summary',
      keyFigures: keyFigures(m, lang, fired),
      points: summaryPoints(d, reportFindings, lang),
      overview: overview(d, lang),
    },
    figure: figure(m, lang, names.byIndex, sizeBy, seed),
    tables: [
      networkTable(m, lang),
      actorTable(m, lang, names.byIndex, measureOrder(m, sizeBy, names.byIndex)),
      findingsTable(reportFindings, lang),
      recommendationsTable(recommendations, lang),
    ],
    dimensions: dimensions(reportFindings, lang, false),
    recommendations,
    method,
  }
}

/**
 * A researcher's report on any network: measure tables and the figure; when the nodes carry a
 * `sector` attribute (codes or names, en/zh) the structural rules run too and their findings are
 * included.
 *
 * @example
 * buildResearchReport({ lang: 'en', title: 'governance.graphml', graph: readNetwork(text).network, generatedAt })
 */
export function buildResearchReport(input: ResearchReportInput): ReportModel {
  const { lang } = input
  checkOptions(lang, input.sizeBy)
  const sizeBy = input.sizeBy ?? 'degree'
  const seed = input.seed ?? 1
  const z = lang === 'zh-CN'
  const network =
    input.graph instanceof Network ? input.graph : new Network(input.graph.nodes, input.graph.directed, [input.graph])
  const g = network.graph
  const m = measure(g)
  const d = m.hasSectors ? diagnose({ network }) : null
  const names = nameResolver(g, lang, null, undefined)
  const findings = d ? d.findings.map((f) => finding(f, lang, names.byId)) : []
  const order = d ? new Map(summariseDiagnosis(d).fired.map((id, k) => [id, k])) : new Map<string, number>()
  const recommendations = findings
    .filter((f) => f.status === 'fired')
    .sort((a, b) => order.get(a.rule)! - order.get(b.rule)!)
    .flatMap((f) => f.recommendations)
  const evaluated = findings.filter((f) => f.status !== 'insufficient-data')
  const relations = network.relationNames()
  const tables = [networkTable(m, lang), actorTable(m, lang, names.byIndex, measureOrder(m, sizeBy, names.byIndex))]
  if (d) tables.push(findingsTable(evaluated, lang), recommendationsTable(recommendations, lang))
  const method: ReportMethodItem[] = [
    {
      label: z ? '数据' : 'Data',
      text: z
        ? `文件 ${input.title}：${g.directed ? '有向' : '无向'}网络，${g.n} 个节点、${g.m} 条关系${relations.length > 1 ? `；共 ${relations.length} 种关系（${relations.join('、')}），指标按第一种关系 ${relations[0]} 计算，诊断使用全部关系的无向并集` : ''}。`
        : `File ${input.title}: ${g.directed ? 'directed' : 'undirected'} network of ${g.n} nodes and ${g.m} ties${relations.length > 1 ? `; ${relations.length} relations (${relations.join(', ')}), measures on the first (${relations[0]}), the diagnosis on the undirected union of all` : ''}.`,
    },
    ...commonMethod(m, lang, seed, sizeBy),
    {
      label: z ? '诊断' : 'Diagnosis',
      text: d
        ? z
          ? '节点带有部门属性（sector），因此运行了结构规则（协作治理结构等仅需网络即可评估的规则），并列出其发现；需要治理记录（活动、事项、问卷）的规则未评估。'
          : 'The nodes carry a sector attribute, so the structural rules (those a network alone can evaluate) ran and their findings are listed; rules that need governance records (activities, matters, surveys) were not evaluated.'
        : z
          ? '节点没有部门属性（sector：G、Q、M、O、S、I 或 government、政府 等名称），因此未运行诊断规则。'
          : 'The nodes carry no sector attribute (sector: G, Q, M, O, S, I or names such as government, 政府), so no diagnosis rule ran.',
    },
    { label: z ? '生成' : 'Generated', text: `cosafe, ${input.generatedAt}` },
  ]
  const evaluatedCount = evaluated.length
  return {
    version: 1,
    kind: 'research',
    lang,
    title: z ? `网络分析报告：${input.title}` : `Network analysis report: ${input.title}`,
    subtitle: z
      ? `${g.n} 个节点，${g.m} 条关系${d ? `，结构规则评估 ${evaluatedCount} 条` : ''}`
      : `${g.n} nodes, ${g.m} ties${d ? `, ${evaluatedCount} structural rules evaluated` : ''}`,
    generatedAt: input.generatedAt,
    community: null,
    period: null,
    labels: labels(lang),
    summary: {
      title: z ? '摘要' : 'Summary',
      keyFigures: keyFigures(m, lang, d ? findings.filter((f) => f.status === 'fired').length : null),
      points: d ? summaryPoints(d, findings, lang) : [],
      overview: d
        ? z
          ? `评估了 ${evaluatedCount} 条可由网络评估的规则，触发 ${findings.filter((f) => f.status === 'fired').length} 条。`
          : `${evaluatedCount} rules a network alone can evaluate were evaluated; ${findings.filter((f) => f.status === 'fired').length} fired.`
        : z
          ? '节点没有部门属性，报告只含网络指标与网络图。'
          : 'The nodes carry no sector attribute: the report holds the measures and the figure only.',
    },
    figure: figure(m, lang, names.byIndex, sizeBy, seed),
    tables,
    dimensions: d ? dimensions(findings, lang, true) : [],
    recommendations,
    method,
  }
}
