// The report model: 报告模型 — everything a report shows, in one language, as plain JSON the renderers lay out.
//
// A model is built once (build.ts) and rendered as HTML, DOCX or XLSX by @cosafe/report. It holds
// no functions and no dates of its own: texts are already in the report's language, numbers are
// raw (the renderers format them by the column's kind), every table column has a key, a title and
// a definition (the XLSX field sheet), and the figure carries positions in [0, 1] from sna's
// deterministic layout, so the same inputs give the same bytes.

import type { Dimension, Severity } from '../diagnosis/rulebook.js'
import type { FindingStatus } from '../diagnosis/evaluate.js'
import type { Sector } from '../vocabulary.js'

export type ReportLang = 'zh-CN' | 'en'

/** How a column's numbers read: the renderers format by kind, the XLSX stores the raw number. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'share' | 'index'

export interface ReportColumn {
  key: string
  title: string
  /** Plain-language definition (the XLSX field sheet, the HTML column tooltip). */
  definition: string
  kind: ColumnKind
}

export type ReportCell = string | number | null

export interface ReportTable {
  /** Stable key (also the XLSX sheet in English): 'network', 'actors', 'findings', 'recommendations'. */
  key: string
  title: string
  /** A sentence under the title. */
  caption: string
  columns: ReportColumn[]
  rows: Record<string, ReportCell>[]
}

export interface FigureNode {
  id: string
  label: string
  sector: Sector | null
  /** Fill colour (#rrggbb) from SECTOR_COLOURS. */
  colour: string
  /** Position in [0, 1] (y grows downwards). */
  x: number
  y: number
  /** Radius in figure units, the figure being FIGURE_WIDTH units wide. */
  r: number
  /** The centrality the size shows (null when undefined for this actor). */
  value: number | null
}

export interface FigureEdge {
  /** Indices into `nodes`. */
  source: number
  target: number
  weight: number
}

export interface FigureLegendItem {
  sector: Sector | null
  label: string
  colour: string
  count: number
}

export interface ReportFigure {
  title: string
  caption: string
  /** The node measure the sizes show, and its name. */
  sizeBy: { key: string; title: string }
  nodes: FigureNode[]
  edges: FigureEdge[]
  legend: FigureLegendItem[]
  /** Text of the legend's heading and of the size note. */
  legendTitle: string
  sizeNote: string
  /** Too many nodes to label each: only the largest are labelled. */
  labelled: number
}

export interface KeyFigure {
  key: string
  label: string
  value: number | null
  kind: ColumnKind
}

export interface ReportSummary {
  title: string
  keyFigures: KeyFigure[]
  /** The most severe findings in plain words, most severe first. */
  points: string[]
  /** One sentence: how many rules were evaluated, fired, lacked data. */
  overview: string
}

export interface ReportCheck {
  basis: string
  measure: string
  threshold: string
  value: number | null
  flagged: boolean
}

export interface ReportEffect {
  key: 'degreeCentralization' | 'density' | 'eiIndex' | 'brokerShare'
  title: string
  before: number | null
  after: number | null
  change: number | null
}

export interface ReportRecommendation {
  rule: string
  text: string
  families: string[]
  /** Proposed ties, "A — B (domain)". */
  ties: string[]
  /** The diagnosis' what-if, unchanged; null when the recommendation adds no tie. */
  effect: ReportEffect[] | null
  /** The broker whose share of betweenness the effect shows. */
  broker: string | null
}

export interface ReportFinding {
  rule: string
  dimension: Dimension
  status: FindingStatus
  statusText: string
  severity: Severity
  severityText: string
  /** What the rule flags (the rulebook's finding), and the indicator's name and formula. */
  title: string
  indicator: string
  formula: string
  value: number | null
  explanation: string
  /** Evidence: values by name, checks with threshold, source, actors and ties named. */
  values: { key: string; label: string; value: number | null }[]
  checks: ReportCheck[]
  source: string
  sourceIsDefault: boolean
  actors: string[]
  ties: string[]
  /** More actors or ties than listed (the diagnosis lists at most 50). */
  actorsTotal: number | null
  tiesTotal: number | null
  recommendations: ReportRecommendation[]
}

export interface ReportDimension {
  dimension: Dimension
  title: string
  counts: Record<FindingStatus, number>
  findings: ReportFinding[]
}

export interface ReportMethodItem {
  label: string
  text: string
}

/** Fixed texts of the report in its language (headings, captions), so renderers need no dictionary. */
export interface ReportLabels {
  summary: string
  figure: string
  networkTable: string
  actorTable: string
  findings: string
  recommendations: string
  method: string
  evidence: string
  threshold: string
  source: string
  actors: string
  ties: string
  predicted: string
  before: string
  after: string
  change: string
  noFindings: string
  notEvaluated: string
  contents: string
  generated: string
  fields: string
  fieldSheet: string
  fieldTable: string
  fieldKey: string
  fieldTitle: string
  fieldDefinition: string
  page: string
  /** "and N more" with {n}. */
  more: string
  broker: string
  families: string
  value: string
  needs: string
  measure: string
}

export interface ReportModel {
  /** Model version, for consumers that store models. */
  version: 1
  kind: 'community' | 'research'
  lang: ReportLang
  title: string
  subtitle: string
  /** ISO time the caller passed (the model reads no clock). */
  generatedAt: string
  community: { id: string; name: string } | null
  period: { from: string; to: string } | null
  labels: ReportLabels
  summary: ReportSummary
  figure: ReportFigure
  /** Whole-network measures and actor measures (always); findings and recommendations when diagnosed. */
  tables: ReportTable[]
  /** The five dimensions in rulebook order (empty when nothing was diagnosed). */
  dimensions: ReportDimension[]
  /** Every recommendation of the fired findings, most severe finding first. */
  recommendations: ReportRecommendation[]
  method: ReportMethodItem[]
}

/** Figure width in the units of FigureNode.r (the renderers scale to their canvas). */
export const FIGURE_WIDTH = 1000

/** Fixed sector palette (colour-blind-safe Okabe–Ito hues), grey for an unknown sector. */
export const SECTOR_COLOURS: Record<Sector, string> & { unknown: string } = {
  G: '#0072B2',
  Q: '#D55E00',
  M: '#E69F00',
  O: '#009E73',
  S: '#CC79A7',
  I: '#56B4E9',
  unknown: '#8C8C8C',
}
