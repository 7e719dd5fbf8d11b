// The cosafe command end to end: outputs, exit statuses and messages that name file and line.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { run } from './cli.test-util.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const FIX = join(ROOT, 'packages/sna/test/fixtures/data')
const EXAMPLE = join(ROOT, 'packages/cli/examples/governance.csv')

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cosafe-cli-'))
}

/** A preferential-attachment edge list (3 ties per new node) written as CSV; returns its path. */
function attachmentCsv(n: number, seed: number): string {
  const next = mulberry32(seed)
  const lines = ['source,target']
  const ends: number[] = []
  for (let u = 0; u < 4; u++)
    for (let v = u + 1; v < 4; v++) {
      lines.push(`n${u},n${v}`)
      ends.push(u, v)
    }
  for (let v = 4; v < n; v++) {
    const chosen = new Set<number>()
    while (chosen.size < 3) chosen.add(ends[Math.floor(next() * ends.length)]!)
    for (const u of chosen) {
      lines.push(`n${u},n${v}`)
      ends.push(u, v)
    }
  }
  const f = join(tmp(), `attachment-${n}.csv`)
  writeFileSync(f, lines.join('\n') + '\n')
  return f
}

describe('cosafe analyze', () => {
  it('prints JSON with the reference keys, picking up NAME.nodes.csv by itself', async () => {
    const r = await run('analyze', join(FIX, 'governance/governance.csv'), '--directed', '--json')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    expect(j.network.nodes).toBe(15)
    expect(j.network.reciprocity).toBeCloseTo(0.6296296296296297, 12)
    expect(j.nodes.street_office.betweenness).toBeCloseTo(27.416666666666668, 10)
    expect(j.nodes.street_office.weightedCloseness).toBeCloseTo(1.344, 10)
    expect(j.input).toMatchObject({ format: 'csv', directed: true, weighted: true })
  })
  it('computes only the measures asked for', async () => {
    const r = await run('analyze', join(FIX, 'karate/karate.csv'), '--json', '--measures', 'betweenness,density')
    const j = JSON.parse(r.out)
    expect(Object.keys(j.network)).toEqual(['density'])
    expect(Object.keys(j.nodes['1'])).toEqual(['betweenness'])
    expect(j.nodes['1'].betweenness).toBeCloseTo(231.0714285714286, 9)
  })
  it('writes CSV with a BOM and localised table headers', async () => {
    const dir = tmp()
    const out = join(dir, 'r.csv')
    const r = await run(
      'analyze',
      EXAMPLE,
      '--directed',
      '--csv',
      '--out',
      out,
      '--lang',
      'zh-CN',
      '--attribute',
      'sector',
    )
    expect(r.code).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('密度')
    expect(text).toContain('id,label,sector,degree')
    const table = await run('analyze', EXAMPLE, '--directed', '--table', '--lang', 'zh-CN')
    expect(table.out).toContain('中介中心性')
    // notes on the input in Chinese too
    const dir2 = tmp()
    writeFileSync(join(dir2, 'loops.csv'), 'source,target\na,a\na,b\n')
    expect((await run('analyze', join(dir2, 'loops.csv'), '--lang', 'zh-CN')).out).toContain('已删除自环 (1×，第 2 行)')
    expect(table.out).toContain("Residents' Committee")
  })
  it('analyses a two-mode file', async () => {
    const r = await run('analyze', join(FIX, 'davis/davis.csv'), '--two-mode', '--json')
    const j = JSON.parse(r.out)
    expect(j.twoMode.rows).toBe(18)
    expect(j.twoMode.columns).toBe(14)
    expect(j.twoMode.rowProjection['Evelyn Jefferson']['Laura Mandeville']).toBe(6)
  })
  it('exits 2 naming file and line for bad input', async () => {
    const dir = tmp()
    const f = join(dir, 'bad.csv')
    writeFileSync(f, 'source,target,weight\na,b,1\nb,c,lots\n')
    const r = await run('analyze', f, '--json')
    expect(r.code).toBe(2)
    expect(r.err).toContain(`${f}:3`)
    expect(r.err).toContain('E_NUMBER')
    expect(r.out).toBe('')
  })
  it('exits 2 for a missing file, an unknown option, measure, relation or attribute', async () => {
    expect((await run('analyze', '/nonexistent/x.csv')).code).toBe(2)
    expect((await run('analyze', EXAMPLE, '--bogus')).code).toBe(2)
    const m = await run('analyze', EXAMPLE, '--measures', 'betweeness')
    expect([m.code, m.err.includes('"betweeness"')]).toEqual([2, true])
    expect((await run('analyze', EXAMPLE, '--relation', 'INFO')).code).toBe(2)
    expect((await run('analyze', EXAMPLE, '--attribute', 'age')).code).toBe(2)
    expect((await run('frobnicate')).code).toBe(2)
  })
})

describe('cosafe analyze: threads and approximate betweenness', () => {
  const PATHS = '--measures=betweenness,betweennessNormalized,closeness,harmonicCloseness,diameter'
  it('gives the same numbers on worker threads as on one thread', async () => {
    const f = attachmentCsv(2100, 1)
    const one = JSON.parse((await run('analyze', f, '--json', PATHS, '--threads', '1')).out)
    const two = JSON.parse((await run('analyze', f, '--json', PATHS, '--threads', '2')).out)
    expect([one.input.threads, two.input.threads]).toEqual([1, 2])
    expect(two.nodes).toEqual(one.nodes)
    expect(two.network).toEqual(one.network)
    // automatic: one thread below 2,048 actors
    const small = JSON.parse((await run('analyze', join(FIX, 'karate/karate.csv'), '--json', PATHS)).out)
    expect(small.input.threads).toBe(1)
  })
  it('--approx estimates betweenness within the bound it reports, and keeps closeness exact', async () => {
    const f = join(FIX, 'karate/karate.csv')
    const exact = JSON.parse((await run('analyze', f, '--json', PATHS)).out)
    const r = await run('analyze', f, '--json', PATHS, '--approx', '0.05', '--seed', '7')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    const info = j.input.approximate.betweenness
    expect(info).toMatchObject({ epsilon: 0.05, delta: 0.1, seed: 7 })
    expect(info.samples).toBeGreaterThan(0)
    expect(info.vertexDiameterBound).toBeGreaterThanOrEqual(exact.network.diameter + 1)
    expect(info.errorBound).toBeCloseTo(0.05 * ((34 * 33) / 2), 9)
    expect(info.normalizedErrorBound).toBeCloseTo((0.05 * 34) / 32, 9)
    for (const id of Object.keys(exact.nodes)) {
      expect(Math.abs(j.nodes[id].betweenness - exact.nodes[id].betweenness)).toBeLessThanOrEqual(info.errorBound)
      expect(j.nodes[id].closeness).toBe(exact.nodes[id].closeness)
    }
    expect(j.notes).toHaveLength(1)
    expect(j.notes[0]).toContain(`${info.samples.toLocaleString('en')} shortest paths sampled`)
    // the same seed, the same estimate
    expect(JSON.parse((await run('analyze', f, '--json', PATHS, '--approx', '0.05', '--seed', '7')).out)).toEqual(j)
    // weighted networks get both estimates
    const w = JSON.parse((await run('analyze', EXAMPLE, '--directed', '--json', '--approx', '0.1')).out)
    expect(Object.keys(w.input.approximate)).toEqual(['betweenness', 'weightedBetweenness'])
    expect(w.notes).toHaveLength(2)
  })
  it('--approx shows the bound and the sample count in the table, in both languages', async () => {
    const f = join(FIX, 'karate/karate.csv')
    const en = await run('analyze', f, PATHS, '--approx', '0.1')
    expect(en.out).toMatch(
      /betweenness is approximate \(Riondato–Kornaropoulos sampling, seed 1\): [\d,]+ shortest paths/,
    )
    expect(en.out).toContain('with probability 90%')
    const zh = await run('analyze', f, PATHS, '--approx', '0.1', '--lang', 'zh-CN')
    expect(zh.out).toMatch(/中介中心性为近似值.*抽取 [\d,]+ 条最短路径/)
    const csv = await run('analyze', f, PATHS, '--approx', '0.1', '--csv')
    expect(csv.err).toContain('note: betweenness is approximate')
  })
  it('suggests --approx above 50,000 actors but computes exact betweenness unless asked', async () => {
    const dir = tmp()
    const f = join(dir, 'pairs.csv')
    const lines = ['source,target']
    for (let i = 0; i < 25_001; i++) lines.push(`a${i},b${i}`)
    writeFileSync(f, lines.join('\n') + '\n')
    const r = await run('analyze', f, '--json', '--measures', 'betweenness')
    expect(r.code).toBe(0)
    expect(r.err).toContain('--approx')
    expect(JSON.parse(r.out).input.approximate).toBeUndefined()
    expect((await run('analyze', f, '--json', '--measures', 'betweenness', '--exact')).err).toBe('')
    expect((await run('analyze', f, '--json', '--measures', 'density')).err).toBe('')
    const a = await run('analyze', f, '--json', '--measures', 'betweenness', '--approx', '0.1')
    expect(a.err).toBe('')
    expect(JSON.parse(a.out).input.approximate.betweenness.samples).toBe(0) // no path has an inside node
  })
  it('exits 2 for bad --approx, --delta and --threads values', async () => {
    for (const args of [
      ['--approx', '0'],
      ['--approx', '1'],
      ['--approx', 'tight'],
      ['--approx', '0.1', '--exact'],
      ['--delta', '0.1'],
      ['--approx', '0.1', '--delta', '2'],
      ['--threads', '-1'],
      ['--threads', '1.5'],
    ]) {
      const r = await run('analyze', EXAMPLE, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err, args.join(' ')).toMatch(/--(approx|exact|delta|threads)/)
    }
  })
})

describe('cosafe convert', () => {
  it('converts CSV with its node table to CSV and back, keeping attributes', async () => {
    const dir = tmp()
    const out = join(dir, 'g.csv')
    expect((await run('convert', EXAMPLE, out, '--directed')).code).toBe(0)
    expect(existsSync(join(dir, 'g.nodes.csv'))).toBe(true)
    const r = await run('analyze', out, '--directed', '--json', '--attribute', 'sector')
    expect(JSON.parse(r.out).network.edges).toBe(54)
  })
  it('converts to every format and reads back the same measures', async () => {
    const dir = tmp()
    const base = JSON.parse((await run('analyze', EXAMPLE, '--directed', '--json', '--attribute', 'sector')).out)
    for (const ext of ['graphml', 'gexf', 'json', 'dl', 'net']) {
      const out = join(dir, `g.${ext}`)
      const c = await run('convert', EXAMPLE, out, '--directed')
      expect(c.code, `${ext}: ${c.err}`).toBe(0)
      const back = JSON.parse((await run('analyze', out, '--directed', '--json')).out)
      expect(back.network, ext).toEqual(base.network)
      expect(back.nodes.residents_committee, ext).toEqual(base.nodes.residents_committee)
    }
  })
  it('refuses an output whose format it cannot tell', async () => {
    const r = await run('convert', EXAMPLE, join(tmp(), 'x.bin'))
    expect(r.code).toBe(2)
  })
})

describe('cosafe demo and help', () => {
  it('analyses the example community in both languages', async () => {
    const en = await run('demo', '--lang', 'en')
    expect(en.code).toBe(0)
    expect(en.out).toContain("Residents' Committee")
    const zh = await run('demo', '--lang', 'zh-CN')
    expect(zh.out).toContain('中介中心性')
  })
  it('prints help', async () => {
    expect((await run('help')).out).toContain('cosafe analyze FILE')
    expect((await run('analyze', '--help')).out).toContain('--measures')
    const help = (await run('analyze', '--help')).out
    expect(help).toContain('--approx EPSILON')
    expect(help).toContain('--threads N')
    expect(help).toContain('above 50,000 actors')
  })
})

describe('the installed bin', () => {
  it('runs through npx with exit status 0 and 2', () => {
    const bin = join(ROOT, 'node_modules/.bin/cosafe')
    const ok = spawnSync(bin, ['analyze', EXAMPLE, '--directed', '--json', '--measures', 'density'], {
      encoding: 'utf8',
    })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).network.density).toBeCloseTo(0.2571428571428571, 12)
    const bad = spawnSync(bin, ['analyze', join(FIX, 'nope.csv')], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('nope.csv')
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/) // no stack trace for a user's mistake
  })
  it('runs the path measures on worker threads from dist and exits when done', () => {
    const bin = join(ROOT, 'node_modules/.bin/cosafe')
    const f = attachmentCsv(2100, 2)
    const args = ['analyze', f, '--json', '--measures', 'betweenness,closeness']
    const two = spawnSync(bin, [...args, '--threads', '2'], { encoding: 'utf8', timeout: 60_000 })
    const one = spawnSync(bin, [...args, '--threads', '1'], { encoding: 'utf8', timeout: 60_000 })
    expect([two.status, one.status]).toEqual([0, 0])
    expect(JSON.parse(two.stdout).nodes).toEqual(JSON.parse(one.stdout).nodes)
  })
})
