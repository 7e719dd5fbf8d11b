// Import of actors, activities and ties from CSV or XLSX: every row checked, all stored or none.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import ExcelJS from 'exceljs'
import { z } from 'zod'
import { importColumns, importRows, IMPORT_KINDS, Id, type ImportKind, type Row, type RowIssue } from '@cosafe/core'
import { decodeText, detectDelimiter, parseCsv, ParseError } from '@cosafe/sna'
import type { Store } from '@cosafe/store'
import { communityFor } from '../access.js'
import { HttpError } from '../errors.js'
import { CHECKS, type WriteScope } from './records.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAX_BYTES = 20 * 1024 * 1024

interface Table {
  header: string[]
  rows: Row[]
}

/** A sheet as cell texts: the header row, then the data rows with their line (CSV) or row number. */
export interface RawSheet {
  name: string
  header: string[]
  headerLine: number
  rows: { line: number; cells: string[] }[]
}

function csvSheet(bytes: Buffer, name: string): RawSheet {
  const { text } = decodeText(new Uint8Array(bytes), 'upload')
  const parsed = parseCsv(text, detectDelimiter(text), 'upload')
  const [head, ...body] = parsed
  if (!head) throw new HttpError(400, 'EMPTY', 'the file is empty: expected a header row and data rows')
  return {
    name,
    header: head.fields.map((h) => h.trim()),
    headerLine: head.line,
    rows: body.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => ({ line: r.line, cells: r.fields })),
  }
}

async function xlsxSheets(bytes: Buffer): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new HttpError(400, 'FORMAT', `not a readable XLSX workbook (${(e as Error).message})`)
  }
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return ''
    if (v instanceof Date) return v.toISOString().slice(0, 10)
    if (typeof v === 'object') {
      if ('text' in v) return String(v.text)
      if ('result' in v) return String(v.result ?? '')
      if ('richText' in v) return v.richText.map((t) => t.text).join('')
    }
    return String(v)
  }
  const sheets: RawSheet[] = []
  for (const sheet of wb.worksheets) {
    let header: string[] | null = null
    let headerLine = 1
    const rows: RawSheet['rows'] = []
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(text)
      if (header === null) {
        header = values.map((h) => h.trim())
        headerLine = n
      } else if (values.some((v) => v.trim() !== '')) rows.push({ line: n, cells: values })
    })
    if (header) sheets.push({ name: sheet.name, header, headerLine, rows })
  }
  if (sheets.length === 0) throw new HttpError(400, 'EMPTY', 'the workbook has no sheet with a header row')
  return sheets
}

/** The sheets of a file: one for CSV (named `csvName`), every sheet of an XLSX workbook. */
export async function readSheets(bytes: Buffer, xlsx: boolean, csvName: string): Promise<RawSheet[]> {
  try {
    return xlsx ? await xlsxSheets(bytes) : [csvSheet(bytes, csvName)]
  } catch (e) {
    if (e instanceof ParseError) throw new HttpError(400, 'FORMAT', e.message)
    throw e
  }
}

/** The sheets of an uploaded body (Content-Type text/csv or XLSX). */
export async function uploadedSheets(req: FastifyRequest, csvName: string): Promise<RawSheet[]> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
  const bytes = req.body as Buffer | undefined
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    throw new HttpError(415, 'MEDIA_TYPE', `send the file as the body with Content-Type text/csv or ${XLSX}`)
  return readSheets(bytes, type === XLSX, csvName)
}

const asTable = (s: RawSheet): Table => ({
  header: s.header,
  rows: s.rows.map((r) => ({ line: r.line, cells: Object.fromEntries(s.header.map((h, i) => [h, r.cells[i] ?? ''])) })),
})

const fail = (issues: RowIssue[]): HttpError =>
  new HttpError(
    400,
    'IMPORT_REJECTED',
    `nothing was imported: ${issues.length} problem${issues.length > 1 ? 's' : ''} (first: line ${issues[0]!.line}, ${issues[0]!.field}: ${issues[0]!.reason})`,
    issues.map((i) => ({ line: i.line, field: i.field, reason: i.reason })),
  )

export function importRoutes(app: FastifyInstance, store: Store): void {
  app.addContentTypeParser(
    ['text/csv', 'text/plain', XLSX],
    { parseAs: 'buffer', bodyLimit: MAX_BYTES },
    (_req, body, done) => done(null, body),
  )
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/imports/:kind/columns',
    {
      schema: {
        tags: ['import'],
        summary: 'The columns an import understands',
        params: z.object({ kind: z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]) }),
      },
    },
    async (req) => ({ columns: importColumns(req.params.kind) }),
  )
  r.post(
    '/api/communities/:communityId/import/:kind',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Import actors, activities or ties from a CSV (text/csv) or XLSX body; all rows or none',
        params: z.object({ communityId: Id, kind: z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]) }),
      },
    },
    async (req, reply) => {
      const { account, community, ancestors } = await communityFor(
        req,
        store,
        req.params.communityId,
        'write',
        'import',
      )
      const table = asTable((await uploadedSheets(req, 'upload'))[0]!)
      const kind = req.params.kind
      const { records, issues } = importRows(kind, table.header, table.rows)
      if (issues.length) throw fail(issues)
      if (records.length === 0) throw new HttpError(400, 'EMPTY', 'the file has a header but no rows')
      const ctx = { accountId: account.id }
      const created = await store.transaction(async (tx) => {
        const scope: WriteScope = { store: tx, account, community, ancestors }
        const problems: RowIssue[] = []
        const ids: string[] = []
        const repo = kind === 'actors' ? tx.actors : kind === 'activities' ? tx.activities : tx.ties
        for (const x of records) {
          // a clash found here, not by the database: PostgreSQL would abort the whole transaction
          if (x.id !== null && (await repo.get(community.id, x.id))) {
            problems.push({ line: x.line, field: 'id', reason: `id "${x.id}" is already used in this community` })
            continue
          }
          try {
            // references are checked against what is stored, including rows of this file already written
            if (kind === 'actors') {
              await CHECKS.actor(scope, x.record as never)
              ids.push((await tx.actors.create(ctx, community.id, x.record as never, x.id ?? undefined)).id)
            } else if (kind === 'activities') {
              await CHECKS.activity(scope, x.record as never)
              ids.push((await tx.activities.create(ctx, community.id, x.record as never, x.id ?? undefined)).id)
            } else {
              await CHECKS.tie(scope, x.record as never)
              ids.push((await tx.ties.create(ctx, community.id, x.record as never, x.id ?? undefined)).id)
            }
          } catch (e) {
            if (e instanceof HttpError && e.issues.length)
              for (const i of e.issues)
                problems.push({ line: x.line, field: i.field.replace(/^body\./, ''), reason: i.reason })
            else if (e instanceof HttpError || (e as Error).name === 'StoreError')
              problems.push({
                line: x.line,
                field: (e as { field?: string }).field ?? '(row)',
                reason: (e as Error).message,
              })
            else throw e
          }
        }
        if (problems.length) throw fail(problems) // rolls the transaction back
        return ids
      })
      return reply.code(201).send({ imported: created.length, ids: created })
    },
  )
}
