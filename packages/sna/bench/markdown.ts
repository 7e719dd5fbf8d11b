// Markdown tables laid out the way prettier formats them, so results.md passes `prettier --check` as written.

export type Align = 'left' | 'right'

export function mdTable(header: string[], rows: string[][], align: Align[]): string {
  const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: string[]): string =>
    '| ' +
    cells.map((x, c) => (align[c] === 'right' ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join(' | ') +
    ' |'
  const rule =
    '| ' + widths.map((w, c) => (align[c] === 'right' ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ') + ' |'
  return [line(header), rule, ...rows.map((r) => line(header.map((_, c) => r[c] ?? '')))].join('\n')
}
