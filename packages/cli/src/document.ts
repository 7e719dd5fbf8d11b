// A printed result as blocks (key–value lists, tables, lists of groups), rendered as a text table or CSV.

import { csvField } from '@cosafe/sna'
import { formatValue, pad, table, width } from './format.js'
import { t, type Lang } from './i18n.js'

export type Cell = string | number | null

export type Block =
  /** Name–value rows: a whole-network result. */
  | { kind: 'values'; title: string; rows: [string, Cell][] }
  /** A table with a header; numeric columns are right-aligned. */
  | { kind: 'table'; title: string; head: string[]; rows: Cell[][] }
  /** Numbered groups of actors (cliques, communities, positions). */
  | { kind: 'groups'; title: string; groups: string[][] }
  /** Free sentences (notes, what a result means). */
  | { kind: 'text'; title: string; lines: string[] }

const cellText = (c: Cell): string => (typeof c === 'number' ? formatValue(c) : (c ?? '–'))

/** The blocks as aligned text tables, each under its title. */
export function renderText(blocks: readonly Block[], lang: Lang = 'en'): string {
  return blocks
    .map((b) => {
      const title = `${b.title}\n`
      switch (b.kind) {
        case 'values': {
          // numbers right-aligned in their own column; text starts where the numbers start
          const w = Math.max(0, ...b.rows.map(([k]) => width(k)))
          const v = Math.max(0, ...b.rows.map(([, x]) => (typeof x === 'string' ? 0 : width(cellText(x)))))
          const value = (x: Cell): string => (typeof x === 'string' ? x : pad(cellText(x), v, true))
          return title + b.rows.map(([k, x]) => `  ${pad(k, w, false)}  ${value(x)}`.trimEnd() + '\n').join('')
        }
        case 'table': {
          const numeric = b.head.map((_, c) => b.rows.length > 0 && b.rows.every((r) => typeof r[c] !== 'string'))
          return (
            title +
            table(
              b.head,
              b.rows.map((r) => r.map(cellText)),
              numeric,
            )
          )
        }
        case 'groups':
          return (
            title +
            (b.groups.length === 0
              ? `  ${t('none', lang)}\n`
              : b.groups
                  .map((g, k) => `${String(k + 1).padStart(String(b.groups.length).length)}. ${g.join(', ')}`)
                  .join('\n') + '\n')
          )
        case 'text':
          return title + b.lines.map((l) => `  ${l}`).join('\n') + '\n'
      }
    })
    .join('\n')
}

/** The blocks as CSV sections separated by blank lines; UTF-8 with a BOM so that Excel reads Chinese. */
export function renderCsv(blocks: readonly Block[]): string {
  const lines: string[] = []
  const field = (c: Cell): string => (c === null ? '' : typeof c === 'number' ? String(c) : csvField(c))
  for (const b of blocks) {
    if (lines.length) lines.push('')
    lines.push(field(b.title))
    switch (b.kind) {
      case 'values':
        for (const [k, v] of b.rows) lines.push(`${field(k)},${field(v)}`)
        break
      case 'table':
        lines.push(b.head.map(field).join(','))
        for (const r of b.rows) lines.push(r.map(field).join(','))
        break
      case 'groups':
        b.groups.forEach((g, k) => lines.push([String(k + 1), ...g.map(field)].join(',')))
        break
      case 'text':
        for (const l of b.lines) lines.push(field(l))
        break
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
