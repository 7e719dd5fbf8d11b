// Number and text formatting shared by the renderers: 格式 — by column kind, the same in every format.

import type { ColumnKind, ReportCell, ReportLang } from '@cosafe/core'

/** A number as shown in HTML and Word: integers whole, shares and indices with three decimals. */
export function formatNumber(v: number | null | undefined, kind: ColumnKind = 'number'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  if (kind === 'integer' || Number.isInteger(v)) return String(v)
  if (kind === 'share' || kind === 'index') return v.toFixed(3)
  const a = Math.abs(v)
  if (a >= 100) return v.toFixed(1)
  if (a >= 1) return v.toFixed(2)
  return v.toFixed(3)
}

/** A signed change: +0.012, −0.030. */
export function formatChange(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  const s = Math.abs(v).toFixed(3)
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s
}

export function formatCell(v: ReportCell | undefined, kind: ColumnKind): string {
  if (typeof v === 'number') return formatNumber(v, kind)
  if (v === null || v === undefined) return kind === 'text' ? '' : '–'
  return v
}

/** Escapes text for HTML and XML (element content and attribute values). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  )
}

/** "and {n} more" filled in. */
export function more(template: string, n: number): string {
  return template.replace('{n}', String(n))
}

export const isZh = (lang: ReportLang): boolean => lang === 'zh-CN'
