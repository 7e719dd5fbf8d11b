// The messages between the page and the analysis worker: plain data only (typed arrays travel by transfer).

import type { FormatName, WarningCode, ErrorCode, Location } from '@cosafe/sna'

/** The stages a long job reports; the pages translate them (analysis:stage.<stage>). */
export type Stage =
  | 'read'
  | 'merge'
  | 'layout'
  | 'measures'
  | 'paths'
  | 'weightedPaths'
  | 'approximateBetweenness'
  | 'groups'
  | 'structure'
  | 'whatIf'

export interface Progress {
  stage: Stage
  /** Work done of total in this stage (0 of 0 when the stage cannot tell). */
  done: number
  total: number
}

/** Where a network comes from: a dropped file (its bytes and name) or a cosafe JSON document already parsed. */
export type NetworkSource =
  | { kind: 'file'; name: string; bytes: ArrayBuffer; format?: FormatName; directed?: boolean; twoMode?: boolean }
  | { kind: 'json'; document: unknown; name?: string }

/** A network as columns: nodes with labels and attributes, ties (node indices) with weight and relation number. */
export interface NetworkData {
  key: string
  name: string | null
  format: FormatName
  directed: boolean
  /** Two-mode networks: the first `twoModeRows` nodes are the rows. */
  twoModeRows: number | null
  relations: string[]
  ids: string[]
  labels: string[]
  attributes: Record<string, (string | number | null)[]>
  ties: { source: Int32Array; target: Int32Array; weight: Float64Array; relation: Int32Array }
  warnings: { code: WarningCode; message: string; count: number; where?: Location }[]
}

/** A network's measures: whole-network values and one column per node measure (NaN = undefined for that actor). */
export interface AnalysisData {
  key: string
  /** Relations merged into the graph analysed (all when the request named none). */
  relations: string[]
  directed: boolean
  weighted: boolean
  network: Record<string, number>
  nodes: Record<string, Float64Array>
  /** E-I index and modularity of the attribute's groups, when asked and present. */
  groups: { attribute: string; ei: number | null; external: number; internal: number; modularity: number | null } | null
  /** Node positions x0, y0, x1, y1, … in [0, 1] when a layout was asked for. */
  layout: Float64Array | null
  /** What was simplified on a large network: approximate betweenness (with its error bound) and path measures left out. */
  notes: AnalysisNote[]
}

export type AnalysisNote =
  | { code: 'approximateBetweenness'; epsilon: number; errorBound: number; samples: number }
  | { code: 'pathMeasuresSkipped'; nodes: number; ties: number }

export type StructureReport = 'subgroups' | 'positions' | 'corePeriphery' | 'ego' | 'keyPlayers' | 'connectivity' | 'ei'

export type Request =
  | { kind: 'load'; key: string; source: NetworkSource }
  | {
      kind: 'analyse'
      key: string
      relations?: string[]
      measures?: string[]
      /** Node attribute whose groups give the E-I index and modularity (e.g. sector). */
      attribute?: string
      layout?: boolean
    }
  | { kind: 'structure'; key: string; relations?: string[]; report: StructureReport; options?: Record<string, unknown> }
  | {
      kind: 'whatIf'
      key: string
      relations?: string[]
      add?: [string, string][]
      remove?: [string, string][]
      removeActors?: string[]
      attribute?: string
    }
  | { kind: 'unload'; key: string }

/** A what-if: every whole-network measure and every actor's node measures, before and after. */
export interface WhatIfData {
  measures: { key: string; before: number | null; after: number | null; change: number | null }[]
  nodes: Record<string, { before: Record<string, number | null>; after: Record<string, number | null> | null }>
  notes: string[]
}

/** An error as the worker reports it: a reader's ParseError keeps its code and location. */
export interface WorkerError {
  kind: 'parse' | 'input' | 'internal'
  message: string
  code?: ErrorCode
  where?: Location
  detail?: string
}

export type Reply =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; error: WorkerError }

/** What each request kind resolves with. */
export interface Results {
  load: NetworkData
  analyse: AnalysisData
  structure: Record<string, unknown>
  whatIf: WhatIfData
  unload: null
}
