// Import rows: header names in any case or Chinese, lists in cells, every problem with its line and field.

import { describe, expect, it } from 'vitest'
import { importColumns, importRows, type Row } from './importRows.js'

const rows = (header: string[], ...data: string[][]): Row[] =>
  data.map((cells, k) => ({ line: k + 2, cells: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) }))

describe('importRows', () => {
  it('maps columns onto ties and fills defaults', () => {
    const header = ['Relation', 'SourceId', 'targetid', '强度', 'date', 'provenance']
    const r = importRows('ties', header, rows(header, ['INFO', 'rc', 'ps', '3', '2026-01-05', 'record']))
    expect(r.issues).toEqual([])
    expect(r.records[0]).toEqual({
      line: 2,
      id: null,
      record: { relation: 'INFO', sourceId: 'rc', targetId: 'ps', value: 3, date: '2026-01-05', provenance: 'record' },
    })
  })
  it('reads lists of domains and actors, and contact columns', () => {
    const header = ['id', 'kind', 'title', 'start', 'domains', 'phase', 'convenerId', 'attendedIds']
    const r = importRows(
      'activities',
      header,
      rows(header, [
        'm1',
        'meeting',
        'Fire safety',
        '2026-03-01T09:00:00+08:00',
        'FIRE；GAS',
        'PREVENT',
        'rc',
        'ps; pc | fs',
      ]),
    )
    expect(r.issues).toEqual([])
    expect(r.records[0]!.id).toBe('m1')
    expect(r.records[0]!.record).toMatchObject({
      domains: ['FIRE', 'GAS'],
      attendedIds: ['ps', 'pc', 'fs'],
      invitedIds: [],
    })
    const a = ['type', 'sector', '名称', 'territoryId', 'phone']
    const actors = importRows('actors', a, rows(a, ['property_company', 'M', 'Property Co.', 'c', '010-1234567']))
    expect(actors.records[0]!.record.contact).toEqual({ phone: '010-1234567' })
  })
  it('reports every bad row with its line and field, and unknown columns', () => {
    const header = ['relation', 'sourceId', 'targetId', 'date', 'provenance', 'id']
    const r = importRows(
      'ties',
      header,
      rows(
        header,
        ['INFO', 'a', 'b', '2026-01-05', 'record', 't1'],
        ['GOSSIP', 'a', 'a', '05/01/2026', 'record', 't1'],
      ),
    )
    expect(r.records).toHaveLength(1)
    const fields = r.issues.map((i) => `${i.line}:${i.field}`)
    expect(fields).toEqual(expect.arrayContaining(['3:id', '3:relation', '3:date']))
    expect(r.issues.every((i) => i.line === 3)).toBe(true)
    const bad = importRows('ties', ['relation', 'weight!'], [])
    expect(bad.issues[0]).toMatchObject({ line: 1, field: 'weight!' })
    expect(bad.issues[0]!.reason).toMatch(/unknown column/)
  })
  it('refuses identity document numbers in an individual alias', () => {
    const a = ['type', 'sector', 'name', 'territoryId']
    const r = importRows('actors', a, rows(a, ['resident', 'I', 'Zhang 110101199003078515', 'c']))
    expect(r.issues[0]).toMatchObject({ line: 2, field: 'name' })
    expect(importColumns('ties').map((c) => c.name)).toContain('provenance')
  })
})
