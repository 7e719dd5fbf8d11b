// `cosafe matters` on a local database: 12345 orders from CSV and XLSX (all or none), list, show, KPIs.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '@cosafe/store'
import { run } from './cli.test-util.js'

const dir = mkdtempSync(join(tmpdir(), 'cosafe-matters-cli-'))
const db = join(dir, 'cli.db')
let saved: string | undefined

beforeAll(async () => {
  saved = process.env.COSAFE_DB
  process.env.COSAFE_DB = db
  const store = await openStore({ file: db })
  await store.migrate()
  const sys = { accountId: null }
  await store.territories.create(sys, { level: 'district', code: 'd', nameZh: '区', nameEn: 'D', parentId: null }, 'd')
  await store.territories.create(sys, { level: 'street', code: 's', nameZh: '街道', nameEn: 'S', parentId: 'd' }, 's')
  await store.territories.create(
    sys,
    { level: 'community', code: 'c', nameZh: '社区', nameEn: 'C', parentId: 's' },
    'c',
  )
  await store.actors.create(
    sys,
    'c',
    { type: 'residents_committee', sector: 'Q', name: '居委会', territoryId: 'c' },
    'rc',
  )
  await store.actors.create(
    sys,
    'c',
    { type: 'property_company', sector: 'M', name: '物业公司', territoryId: 'c' },
    'pc',
  )
  await store.close()
})
afterAll(() => {
  if (saved === undefined) delete process.env.COSAFE_DB
  else process.env.COSAFE_DB = saved
})

const HEADER = [
  '工单编号',
  '受理时间',
  '问题分类',
  '诉求内容',
  '地址',
  '承办单位',
  '接单时间',
  '办结时间',
  '是否解决',
  '满意度',
]

describe('cosafe matters', () => {
  it('refuses a file with a bad row, naming line, field and reason, and imports nothing', async () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(
      file,
      `${HEADER.join(',')}\nA-1,2026-03-01 09:00,消防通道堵塞,楼道堆物,1号楼,物业公司,,,,\nA-2,2026-03-01,theft,短,2号楼,,,,,\n`,
    )
    const r = await run('matters', 'import', file, '--community', 'c')
    expect(r.code).toBe(2)
    expect(r.err).toContain('line 3, description: describe the problem in at least 5 characters')
    expect((await run('matters', 'list', '--community', 'c')).out).toBe('no matters\n')
  })

  it('imports CSV and XLSX orders with their history, then lists, shows and rates them', async () => {
    const csv = join(dir, 'orders.csv')
    writeFileSync(
      csv,
      `${HEADER.join(',')}\nB-1,2026-03-01 09:00,消防通道堵塞,楼道堆放杂物,1号楼,物业公司,2026-03-01 10:00,2026-03-01 16:00,是,满意\n`,
    )
    const r = await run('matters', 'import', csv, '--community', 'c')
    expect(r.err).toBe('')
    expect(r.out).toBe('imported 1 order into c\n')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('orders')
    ws.addRow(HEADER)
    ws.addRow(['B-2', '2026-03-02 08:00', 'gas_leak', '厨房有燃气味', '2号楼', 'pc', '', '', '', ''])
    const xlsx = join(dir, 'orders.xlsx')
    await wb.xlsx.writeFile(xlsx)
    expect((await run('matters', 'import', xlsx, '--community', 'c')).out).toBe('imported 1 order into c\n')
    const again = await run('matters', 'import', csv, '--community', 'c')
    expect(again.code).toBe(2)
    expect(again.err).toContain('line 2, externalId: order B-1 was imported before')
    const list = await run('matters', 'list', '--community', 'c', '--json')
    const items = JSON.parse(list.out) as { id: string; externalId: string; state: string }[]
    expect(items.map((m) => [m.externalId, m.state])).toEqual([
      ['B-2', 'dispatched'],
      ['B-1', 'done'],
    ])
    const overdue = await run('matters', 'list', '--community', 'c', '--overdue')
    expect(overdue.out).toContain('OVERDUE B-2')
    const show = await run('matters', 'show', items[1]!.id, '--community', 'c')
    expect(show.out).toMatch(/receive[\s\S]*dispatch[\s\S]*accept[\s\S]*done[\s\S]*revisit/)
    const kpis = await run('matters', 'kpis', '--community', 'c', '--min-sample', '1')
    expect(kpis.out).toMatch(/satisfaction rate +100\.0 % \(1\/1\)/)
    expect((await run('matters', 'list', '--community', 'nowhere')).err).toContain('no community "nowhere"')
    expect((await run('matters', 'list', '--community', 'c', '--state', 'lost')).code).toBe(2)
  })
})
