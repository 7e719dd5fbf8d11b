// Measure names and plain-language explanations in the page's language (from @cosafe/sna), and number formatting.
import { MEASURE_INFO, NODE_MEASURES, type NetworkMeasure, type NodeMeasure } from '@cosafe/sna'

export type MeasureKey = NetworkMeasure | NodeMeasure

export function isMeasure(key: string): key is MeasureKey {
  return key in MEASURE_INFO
}

export function measureName(key: string, lang: string): string {
  if (!isMeasure(key)) return key
  return lang === 'zh-CN' ? MEASURE_INFO[key].zh : MEASURE_INFO[key].en
}

export function measureExplanation(key: string, lang: string): string {
  if (!isMeasure(key)) return ''
  return lang === 'zh-CN' ? MEASURE_INFO[key].explainZh : MEASURE_INFO[key].explainEn
}

/** Integers as they are, other numbers with four significant digits; undefined values as a dash. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  if (Number.isInteger(v)) return String(v)
  const a = Math.abs(v)
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(3)
  return String(Number(v.toPrecision(4)))
}

/** The node measures a size selector offers, in report order, among those computed. */
export function nodeMeasureKeys(nodes: Record<string, unknown>): NodeMeasure[] {
  return NODE_MEASURES.filter((k) => nodes[k] !== undefined)
}

/** Names and explanations of measures outside @cosafe/sna's table (the E-I index, modularity) come from the sna catalogue. */
export const EXTRA_MEASURES = ['eiIndex', 'modularity'] as const
