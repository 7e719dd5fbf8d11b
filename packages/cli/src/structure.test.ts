// The structure commands end to end: each prints JSON, a table in both languages and CSV, and refuses bad parameters.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { run } from './cli.test-util.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const FIX = join(ROOT, 'packages/sna/test/fixtures/data')
const GOV = join(FIX, 'governance/governance.csv')
const INFO = join(FIX, 'governance-info/governance-info.csv')
const KITE = join(FIX, 'kite/kite.csv')

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CLI output; the assertions check its shape
async function json(...argv: string[]): Promise<Record<string, any>> {
  const r = await run(...argv, '--json')
  expect(r.err).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.out)
}

describe('cosafe subgroups', () => {
  it('lists cohesive subgroups and communities by id', async () => {
    const j = await json('subgroups', KITE, '--factions', '2')
    // the kite (Krackhardt): one component, a single 2-core … and its maximal cliques
    expect(j.components.count).toBe(1)
    expect(j.cliques.length).toBeGreaterThan(0)
    for (const c of j.cliques) expect(c.length).toBeGreaterThanOrEqual(3)
    expect(j.louvain.groups.flat().sort()).toEqual(j.components.groups[0].slice().sort())
    expect(j.leiden.modularity).toBeGreaterThan(0)
    expect(j.factions.count).toBe(2)
    expect(j.options).toMatchObject({ minSize: 3, n: 2, k: 2, factions: 2, seed: 1 })
    // the same seed gives the same answer
    expect(await json('subgroups', KITE, '--factions', '2')).toEqual(j)
  })
  it('prints a readable table in Chinese', async () => {
    const r = await run('subgroups', GOV, '--directed', '--lang', 'zh-CN')
    expect(r.code).toBe(0)
    expect(r.out).toContain('强成分')
    expect(r.out).toContain('派系')
    expect(r.out).toContain('Street Office') // labels from the node table
  })
  it('refuses bad parameters with exit 2', async () => {
    const r = await run('subgroups', KITE, '--factions', '99')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/factions must be a whole number from 1 to 10/)
    const s = await run('subgroups', KITE, '--min-size', 'three')
    expect(s.code).toBe(2)
    expect(s.err).toMatch(/--min-size must be a whole number/)
  })
})

describe('cosafe positions', () => {
  it('gives CONCOR positions with their image, equivalence clusters and the core', async () => {
    const j = await json('positions', GOV, '--directed', '--depth', '1')
    const p = j.concor.positions
    expect(p.length).toBeLessThanOrEqual(2)
    expect(j.concor.image.length).toBe(p.length)
    expect(j.structuralEquivalence.clusters.length).toBe(p.length)
    // the search does at least as well as the core the data set marks (cp = core)
    const marked = await json('analyze', GOV, '--directed', '--core-attribute', 'cp')
    expect(j.corePeriphery.fit).toBeGreaterThanOrEqual(marked.groups.corePeripheryFit - 1e-12)
    expect(j.corePeriphery.core.length + j.corePeriphery.periphery.length).toBe(15)
  })
  it('writes CSV sections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cosafe-pos-'))
    const out = join(dir, 'p.csv')
    const r = await run('positions', KITE, '--csv', '--out', out)
    expect(r.code).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('Block densities')
  })
})

describe('cosafe ego, keyplayers, whatif', () => {
  it('measures an ego network', async () => {
    const j = await json('ego', GOV, 'residents_committee', '--directed')
    expect(j.ego).toBe('residents_committee')
    expect(j.size).toBe(j.alters.length)
    expect(j.effectiveSize.whole).toBeGreaterThan(0)
    expect(j.effectiveSize.ego).not.toBeNull()
    const r = await run('ego', GOV, 'nobody')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/no actor "nobody"/)
  })
  it('finds key players, the same for the same seed', async () => {
    const j = await json('keyplayers', KITE, '--k', '1')
    // Krackhardt's kite: Heather is the only bridge to the tail
    expect(j.set).toEqual(['Heather'])
    const reach = await json('keyplayers', KITE, '--k', '2', '--goal', 'reach', '--distance', '1', '--seed', '5')
    expect(reach.score).toBeGreaterThan(0.5)
    expect(reach.options).toMatchObject({ k: 2, goal: 'reach', maxDistance: 1, seed: 5 })
    const bad = await run('keyplayers', KITE, '--k', '10')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/k must be a whole number from 1 to 9/)
    expect((await run('keyplayers', KITE)).err).toMatch(/needs --k/)
  })
  it('shows every measure before and after a change', async () => {
    // two new ties, one removed
    const j = await json('whatif', KITE, '--add', 'Andre:Jane,Beverly:Jane:2', '--remove', 'Heather:Ike')
    const edges = j.measures.find((m: { key: string }) => m.key === 'edges')
    expect(edges).toMatchObject({ before: 18, after: 19, change: 1 })
    expect(j.notes).toEqual([])
    // adding a tie that is there already is reported, not silently ignored
    const again = await json('whatif', KITE, '--add', 'Ike:Jane')
    expect(again.notes).toEqual(['tie Ike – Jane already there: weight set to 1'])
    const t = await run('whatif', GOV, '--directed', '--remove-actors', 'residents_committee', '--attribute', 'sector')
    expect(t.code).toBe(0)
    expect(t.out).toContain('E-I (sector)')
    const bad = await run('whatif', KITE, '--add', 'Ike-Jane')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/"Ike-Jane" is not SOURCE:TARGET/)
    expect((await run('whatif', KITE)).err).toMatch(/needs a change/)
    expect((await run('whatif', KITE, '--add', 'Ike:Nobody')).err).toMatch(/no actor "Nobody"/)
  })
})

describe('cosafe qap and multiplex', () => {
  it('correlates two relations with seeded p-values, and regresses with three', async () => {
    const j = await json('qap', GOV, INFO, '--directed', '--permutations', '200', '--seed', '3')
    // information sharing goes with the main collaboration relation far beyond chance
    expect(j.plain.observed).toBeGreaterThan(0.3)
    expect(j.plain.pGreater).toBeLessThan(0.05)
    expect(j.plain.permutations).toBe(200)
    expect(await json('qap', GOV, INFO, '--directed', '--permutations', '200', '--seed', '3')).toEqual(j)
    const m = await json('qap', GOV, INFO, GOV, '--directed', '--permutations', '50')
    expect(m.coefficients.map((c: { name: string }) => c.name)).toEqual(['intercept', 'governance-info', 'governance'])
    const bad = await run('qap', GOV, KITE)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/has no actor|same actors/)
  })
  it('compares the relations of a multiplex file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cosafe-mx-'))
    const file = join(dir, 'mx.csv')
    writeFileSync(file, 'source,target,type\na,b,info\nb,c,info\nc,d,info\na,b,trust\nb,c,trust\na,d,trust\n')
    const j = await json('multiplex', file, '--permutations', '50')
    expect(j.relations.map((r: { relation: string }) => r.relation)).toEqual(['info', 'trust'])
    expect(j.multiplexity).toBe(0.5)
    const one = await run('multiplex', KITE)
    expect(one.code).toBe(2)
    expect(one.err).toMatch(/holds one relation/)
  })
})

describe('cosafe analyze, structure sections', () => {
  it('adds E-I by group, census and reach', async () => {
    const j = await json('analyze', GOV, '--directed', '--attribute', 'sector', '--permutations', '100')
    expect(j.ei.whole.observed).toBeCloseTo(j.groups.eiIndex, 12)
    expect(Object.keys(j.ei.groups)).toContain('government')
    expect(j.connectivity.triads['003']).toBeGreaterThanOrEqual(0)
    const n = j.network.nodes
    const triads = Object.values(j.connectivity.triads as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(triads).toBe((n * (n - 1) * (n - 2)) / 6)
    const t = await run('analyze', GOV, '--directed', '--attribute', 'sector')
    expect(t.out).toContain('E-I')
    expect(t.out).toMatch(/003 +012 +102 +021D/)
  })
  it('gives two-mode centralities per mode', async () => {
    const j = await json('analyze', join(FIX, 'davis/davis.csv'), '--two-mode')
    const nodes = Object.values(j.twoModeNodes as Record<string, { mode: string; degreeNormalized: number }>)
    expect(nodes.filter((x) => x.mode === 'row').length).toBe(j.twoMode.rows)
    for (const x of nodes) expect(x.degreeNormalized).toBeLessThanOrEqual(1)
  })
})
