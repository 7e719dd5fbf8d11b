// `cosafe survey` on a local database: create with links, open, import matrices, aggregate, export, close.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '@cosafe/store'
import { run } from './cli.test-util.js'

const dir = mkdtempSync(join(tmpdir(), 'cosafe-survey-cli-'))
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
  for (const [id, type, sector] of [
    ['rc', 'residents_committee', 'Q'],
    ['ps', 'police_station', 'G'],
    ['pc', 'property_company', 'M'],
  ] as const)
    await store.actors.create(sys, 'c', { type, sector, name: id, territoryId: 'c' }, id)
  await store.close()
})
afterAll(() => {
  if (saved === undefined) delete process.env.COSAFE_DB
  else process.env.COSAFE_DB = saved
})

describe('cosafe survey', () => {
  it('runs a survey round from the command line', async () => {
    const created = await run('survey', 'create', 'c', '--title', 'Ties', '--relations', 'INFO,JOINT_ACTION', '--json')
    expect(created.code, created.err).toBe(0)
    const { survey, links } = JSON.parse(created.out)
    expect(links).toHaveLength(3)
    const id = survey.id as string
    expect((await run('survey', 'open', 'c', id)).out).toMatch(/is open/)
    const matrix = join(dir, 'info.csv')
    writeFileSync(matrix, ',rc,ps,pc\nrc,,3,1\nps,2,,0\npc,1,0,\n')
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, ',rc,ps,nobody\nrc,,7,1\n')
    const rejected = await run('survey', 'import', 'c', id, bad, '--relation', 'INFO')
    expect(rejected.code, rejected.err).toBe(2)
    expect(rejected.err).toMatch(/nothing was imported/)
    const imported = await run('survey', 'import', 'c', id, matrix, '--relation', 'INFO')
    expect(imported.code, imported.err).toBe(0)
    expect(imported.out).toMatch(/3 respondents/)
    const out = join(dir, 'net.graphml')
    const agg = await run('survey', 'aggregate', 'c', id, '--rule', 'max', '--to', 'graphml', '--out', out)
    expect(agg.code, agg.err).toBe(0)
    expect(agg.out).toMatch(/rule max/)
    expect(readFileSync(out, 'utf8')).toContain('<graphml')
    const json = await run('survey', 'aggregate', 'c', id)
    const net = JSON.parse(json.out)
    expect(net.edges).toContainEqual(
      expect.objectContaining({ source: 'rc', target: 'ps', weight: 3, relation: 'INFO' }),
    )
    const exported = await run('survey', 'export', 'c', id, '--pseudonymise')
    expect(exported.out).toContain('respondent,relation,target,value')
    expect(exported.out).not.toMatch(/\brc\b/)
    expect((await run('survey', 'show', 'c', id)).out).toMatch(/answered 3 of 3/)
    expect((await run('survey', 'close', 'c', id)).code).toBe(0)
    const again = await run('survey', 'close', 'c', id)
    expect(again.code).toBe(2)
    expect(again.err).toMatch(/cannot be closed/)
    expect((await run('survey', 'list', 'c')).out).toMatch(/closed/)
    expect((await run('survey', 'aggregate', 'c', id, '--rule', 'often')).err).toMatch(/--rule must be one of/)
    expect((await run('survey', 'list', 'nowhere')).err).toMatch(/no community "nowhere"/)
  })
})
