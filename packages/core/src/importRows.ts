// Import of actors, activities and ties from table rows (CSV or a spreadsheet): 批量导入.
//
// The server turns a file into rows (header names and cell texts, with the file's line or row
// number); this maps each row onto its record schema and validates it. Every problem is
// reported with its line, field and reason, and a file with any problem is stored not at all.
// Lists inside a cell (domains, invited actors) are separated by ";" (also "；", "|" or "、").
// Header names are the record's field names in any case, or their Chinese names below.

import { z } from 'zod'
import { ActivityInput, ActorInput, Id, TieInput } from './records.js'

export type ImportKind = 'actors' | 'activities' | 'ties'
export const IMPORT_KINDS: readonly ImportKind[] = ['actors', 'activities', 'ties']

export interface Row {
  /** Line (CSV) or row number (spreadsheet) in the file, for messages. */
  line: number
  cells: Record<string, string>
}

export interface RowIssue {
  line: number
  field: string
  reason: string
}

export interface Imported<T> {
  line: number
  /** The id given in the file, when it has an id column. */
  id: string | null
  record: T
}

type Field = { name: string; zh: string[]; kind: 'text' | 'list' | 'number' | 'contact' }

const FIELDS: Record<ImportKind, Field[]> = {
  actors: [
    { name: 'id', zh: ['编号'], kind: 'text' },
    { name: 'type', zh: ['类型'], kind: 'text' },
    { name: 'sector', zh: ['部门', '领域'], kind: 'text' },
    { name: 'name', zh: ['名称', '别名'], kind: 'text' },
    { name: 'nameEn', zh: ['英文名称'], kind: 'text' },
    { name: 'territoryId', zh: ['所在区域'], kind: 'text' },
    { name: 'orgCode', zh: ['机构代码'], kind: 'text' },
    { name: 'contactPerson', zh: ['联系人'], kind: 'contact' },
    { name: 'phone', zh: ['电话'], kind: 'contact' },
    { name: 'email', zh: ['邮箱'], kind: 'contact' },
    { name: 'activeFrom', zh: ['开始日期'], kind: 'text' },
    { name: 'activeTo', zh: ['结束日期'], kind: 'text' },
    { name: 'note', zh: ['备注'], kind: 'text' },
  ],
  activities: [
    { name: 'id', zh: ['编号'], kind: 'text' },
    { name: 'kind', zh: ['活动类型'], kind: 'text' },
    { name: 'title', zh: ['标题', '名称'], kind: 'text' },
    { name: 'start', zh: ['开始时间'], kind: 'text' },
    { name: 'end', zh: ['结束时间'], kind: 'text' },
    { name: 'territoryId', zh: ['地点区域'], kind: 'text' },
    { name: 'domains', zh: ['安全领域'], kind: 'list' },
    { name: 'phase', zh: ['阶段'], kind: 'text' },
    { name: 'convenerId', zh: ['召集方'], kind: 'text' },
    { name: 'invitedIds', zh: ['受邀方'], kind: 'list' },
    { name: 'attendedIds', zh: ['参加方'], kind: 'list' },
    { name: 'decisions', zh: ['决定事项'], kind: 'list' },
    { name: 'note', zh: ['备注'], kind: 'text' },
  ],
  ties: [
    { name: 'id', zh: ['编号'], kind: 'text' },
    { name: 'relation', zh: ['关系类型'], kind: 'text' },
    { name: 'sourceId', zh: ['发起方'], kind: 'text' },
    { name: 'targetId', zh: ['接收方'], kind: 'text' },
    { name: 'value', zh: ['强度', '频次'], kind: 'number' },
    { name: 'date', zh: ['日期'], kind: 'text' },
    { name: 'from', zh: ['开始日期'], kind: 'text' },
    { name: 'to', zh: ['结束日期'], kind: 'text' },
    { name: 'provenance', zh: ['来源'], kind: 'text' },
    { name: 'note', zh: ['备注'], kind: 'text' },
  ],
}

const SCHEMAS = { actors: ActorInput, activities: ActivityInput, ties: TieInput } as const

/** The columns an import of this kind understands, for templates and help texts. */
export function importColumns(kind: ImportKind): { name: string; zh: string[] }[] {
  return FIELDS[kind].map(({ name, zh }) => ({ name, zh }))
}

const splitList = (s: string): string[] =>
  s
    .split(/[;；|、]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** Maps header names (any case, field names or Chinese names) to fields; unknown headers are errors. */
function headerMap(kind: ImportKind, header: readonly string[]): { map: Map<string, Field>; issues: RowIssue[] } {
  const map = new Map<string, Field>()
  const issues: RowIssue[] = []
  for (const h of header) {
    const key = h.trim()
    const f = FIELDS[kind].find((x) => x.name.toLowerCase() === key.toLowerCase() || x.zh.includes(key))
    if (!f) {
      if (key !== '')
        issues.push({
          line: 1,
          field: key,
          reason: `unknown column; ${kind} have ${FIELDS[kind].map((x) => x.name).join(', ')}`,
        })
      continue
    }
    map.set(h, f)
  }
  return { map, issues }
}

/**
 * Validates the rows of an import: the records in file order, or every problem found.
 *
 * @example
 * importRows('ties', ['relation', 'sourceId', 'targetId', 'date', 'provenance'], rows)
 */
export function importRows<K extends ImportKind>(
  kind: K,
  header: readonly string[],
  rows: readonly Row[],
): { records: Imported<z.infer<(typeof SCHEMAS)[K]>>[]; issues: RowIssue[] } {
  const { map, issues } = headerMap(kind, header)
  const records: Imported<z.infer<(typeof SCHEMAS)[K]>>[] = []
  if (issues.length) return { records, issues }
  const seen = new Map<string, number>()
  for (const row of rows) {
    const obj: Record<string, unknown> = {}
    const contact: Record<string, string> = {}
    let id: string | null = null
    for (const [h, f] of map) {
      const raw = (row.cells[h] ?? '').trim()
      if (raw === '') continue
      if (f.name === 'id') id = raw
      else if (f.kind === 'list') obj[f.name] = splitList(raw)
      else if (f.kind === 'number') obj[f.name] = Number(raw)
      else if (f.kind === 'contact') contact[f.name === 'contactPerson' ? 'person' : f.name] = raw
      else obj[f.name] = raw
    }
    if (Object.keys(contact).length) obj.contact = contact
    if (kind === 'activities') {
      obj.invitedIds ??= []
      obj.attendedIds ??= []
    }
    if (id !== null) {
      const idCheck = Id.safeParse(id)
      if (!idCheck.success) issues.push({ line: row.line, field: 'id', reason: idCheck.error.issues[0]!.message })
      const first = seen.get(id)
      if (first !== undefined) issues.push({ line: row.line, field: 'id', reason: `id "${id}" also on line ${first}` })
      else seen.set(id, row.line)
    }
    const parsed = SCHEMAS[kind].safeParse(obj)
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        issues.push({ line: row.line, field: i.path.map(String).join('.') || '(row)', reason: i.message })
      continue
    }
    records.push({ line: row.line, id, record: parsed.data as z.infer<(typeof SCHEMAS)[K]> })
  }
  return { records, issues }
}
