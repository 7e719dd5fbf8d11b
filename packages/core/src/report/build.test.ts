// The report model: the demo community in both languages, what-ifs copied from the diagnosis and equal to the
// engine's measures on the changed network, and a researcher's report on an imported file with sectors.

import { readFileSync } from 'node:fs'
import { analyze, betweenness, eiIndex, groupsOf, NetworkBuilder, readNetwork, type Graph } from '@cosafe/sna'
import { summariseDiagnosis } from '../diagnosis/summary.js'
import { describe, expect, it } from 'vitest'
import { DEMO_PERIOD, demoCommunity } from '../demo.js'
import { diagnose } from '../diagnosis/evaluate.js'
import type { Activity, Actor, Tie } from '../records.js'
import { buildCommunityReport, buildResearchReport, collaborationGraph } from './build.js'
import type { ReportModel } from './model.js'

const c = demoCommunity().communities[0]!
const own = { communityId: c.id, createdAt: '', updatedAt: '' }
const records = {
  actors: c.actors.map((a) => ({ ...a, ...own })) as Actor[],
  activities: c.activities.map((a) => ({ ...a, ...own })) as Activity[],
  ties: c.ties.map((a) => ({ ...a, ...own })) as Tie[],
  responsibilities: c.responsibilities,
}
const period = { ...DEMO_PERIOD }
const diagnosis = diagnose({ records, period })
const graph = collaborationGraph(records, period)

const build = (lang: 'zh-CN' | 'en'): ReportModel =>
  buildCommunityReport({
    lang,
    community: { id: c.id, name: 'C 社区', nameEn: 'C Community' },
    period,
    graph,
    diagnosis,
    sizeBy: 'betweenness',
    method: {
      dataSources: [{ zh: '活动记录与直接记录的关系', en: 'activity records and recorded ties' }],
      surveyResponseRate: 0.82,
    },
    generatedAt: '2026-11-28T12:00:00.000Z',
    actors: c.actors,
  })

const en = build('en')
const cap = (s: string): string => s.replace(/^./, (c) => c.toUpperCase())
const zh = build('zh-CN')

/** The graph with ties added (undirected, weight 1), rebuilt from scratch. */
function withTies(g: Graph, add: [string, string][]): Graph {
  const b = new NetworkBuilder({ directed: false, duplicates: 'max' })
  const sector = g.nodes.attribute('sector')!
  for (let i = 0; i < g.n; i++) b.addNode(g.nodes.ids[i]!, { sector: sector[i] ?? null })
  for (let e = 0; e < g.m; e++) b.addTie(g.nodes.ids[g.tieSource[e]!]!, g.nodes.ids[g.tieTarget[e]!]!, g.tieWeight[e]!)
  for (const [s, t] of add) b.addTie(s, t, 1)
  return b.build().network.graph
}

describe('the community report model', () => {
  it('holds every part in the language asked for', () => {
    expect(en.title).toBe('C Community: collaborative public-safety governance report')
    expect(zh.title).toBe('C 社区公共安全协同治理诊断报告')
    expect(en.lang).toBe('en')
    expect(zh.labels.findings).toBe('诊断发现')
    expect(en.labels.findings).toBe('Findings')
    expect(en.tables.map((t) => t.key)).toEqual(['network', 'actors', 'findings', 'recommendations'])
    expect(en.dimensions.map((d) => d.dimension)).toEqual([
      'concept',
      'participation',
      'structure',
      'mechanism',
      'content',
    ])
    expect(zh.dimensions.map((d) => d.title)).toEqual(['协作理念', '参与程度', '协作治理结构', '协作机制', '协作内容'])
    // the figure: every actor, English names in English, sectors coloured, legend in both languages
    expect(en.figure.nodes).toHaveLength(28)
    expect(en.figure.nodes.find((n) => n.id === 'c-rc')!.label).toBe("C Community Residents' Committee")
    expect(zh.figure.nodes.find((n) => n.id === 'c-rc')!.label).toBe('C 社区居民委员会')
    expect(en.figure.legend.map((l) => l.sector)).toEqual(['G', 'Q', 'M', 'O', 'S', 'I'])
    expect(zh.figure.legend[0]!.label).toBe('政府')
    expect(en.figure.legend[0]!.label).toBe('Government')
    expect(en.figure.legend.reduce((s, l) => s + l.count, 0)).toBe(28)
    expect(en.figure.sizeBy.key).toBe('betweenness')
    // the broker is the largest disc
    const largest = [...en.figure.nodes].sort((a, b) => b.r - a.r)[0]!
    expect(largest.id).toBe('c-rc')
    for (const n of en.figure.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x).toBeLessThanOrEqual(1)
      expect(n.colour).toMatch(/^#[0-9A-F]{6}$/i)
    }
    expect(en.figure.edges).toHaveLength(graph.m)
    expect(JSON.parse(JSON.stringify(en))).toEqual(en)
  })

  it('summarises with key figures equal to the measures and the most severe findings first', () => {
    const a = analyze(graph)
    const fig = Object.fromEntries(en.summary.keyFigures.map((k) => [k.key, k.value]))
    expect(fig.actors).toBe(28)
    expect(fig.ties).toBe(graph.m)
    expect(fig.density).toBe(a.network.density)
    expect(fig.degreeCentralization).toBe(a.network.degreeCentralization)
    expect(fig.fired).toBe(diagnosis.findings.filter((f) => f.status === 'fired').length)
    // the veto items (CNT-4, CNT-6) come first: fired ones fail the assessment, unknown ones leave it provisional
    const s = summariseDiagnosis(diagnosis)
    expect(s.vetoHits.length + s.vetoUnknown.length).toBeGreaterThan(0)
    expect(en.summary.points[0]).toMatch(s.vetoHits.length ? /^Veto items fired/ : /^Veto items without data/)
    expect(zh.summary.points[0]).toMatch(/^一票否决项/)
    expect(en.summary.points[1]).toMatch(/\(CON-3\)$/)
    expect(zh.summary.points[1]).toMatch(/（CON-3）$/)
    expect(en.summary.overview).toBe('40 rules: 17 fired, 6 clear, 17 without enough data.')
  })

  it('defines every column of every table, in the language', () => {
    for (const m of [en, zh])
      for (const t of m.tables) {
        expect(t.columns.length, t.key).toBeGreaterThan(0)
        for (const col of t.columns) {
          expect(col.key).toMatch(/^\w+$/)
          expect(col.title.length, `${t.key}.${col.key}`).toBeGreaterThan(0)
          expect(col.definition.length, `${t.key}.${col.key}`).toBeGreaterThan(3)
        }
      }
    const net = en.tables.find((t) => t.key === 'network')!
    const density = net.rows.find((r) => r.key === 'density')!
    expect(density.value).toBe(analyze(graph).network.density)
    expect(density.definition).toMatch(/possible ties/)
    expect(zh.tables.find((t) => t.key === 'network')!.rows.find((r) => r.key === 'density')!.measure).toBe('密度')
    // actors: ordered by betweenness (the size), with sector names and core/periphery
    const actors = en.tables.find((t) => t.key === 'actors')!
    expect(actors.rows).toHaveLength(28)
    expect(actors.rows[0]!.id).toBe('c-rc')
    expect(actors.rows[0]!.position).toBe('core')
    expect(actors.columns.map((x) => x.key)).toEqual(
      expect.arrayContaining(['sector', 'degree', 'betweenness', 'closeness', 'eigenvector', 'constraint', 'position']),
    )
    const bc = betweenness(graph)
    expect(actors.rows[0]!.betweenness).toBe(bc[graph.nodes.get('c-rc')])
    expect(zh.tables.find((t) => t.key === 'actors')!.rows[0]!.sector).toBe('社区党组织与居委会')
  })

  it('groups findings by dimension with evidence: values, threshold and source, actors and ties', () => {
    const str3 = en.dimensions.find((d) => d.dimension === 'structure')!.findings.find((f) => f.rule === 'STR-3')!
    expect(str3.status).toBe('fired')
    expect(str3.title).toBe('A bottleneck broker')
    expect(str3.checks[0]!.threshold).toBe('> 0.4')
    expect(str3.checks[0]!.basis).toBe('absolute')
    expect(str3.value).toBe(diagnosis.findings.find((f) => f.rule === 'STR-3')!.value)
    expect(str3.actors[0]).toBe("C Community Residents' Committee")
    expect(str3.ties.length).toBeGreaterThan(0)
    expect(str3.source.length).toBeGreaterThan(10)
    // evidence values are named in the language
    const zhStr3 = zh.dimensions.find((d) => d.dimension === 'structure')!.findings.find((f) => f.rule === 'STR-3')!
    expect(zhStr3.values.map((v) => v.label)).toContain('约束比（中介者 ÷ 中位数）')
    expect(zhStr3.checks.map((c) => c.measure)).toContain('约束比（中介者 ÷ 中位数）')
    for (const d of zh.dimensions)
      for (const f of d.findings)
        for (const v of f.values) expect(v.label, `${f.rule} ${v.key}`).not.toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)+$/)
    const con1 = zh.dimensions[0]!.findings.find((f) => f.rule === 'CON-1')!
    expect(con1.status).toBe('insufficient-data')
    expect(con1.statusText).toBe('数据不足')
    // fired first within a dimension
    for (const d of en.dimensions) {
      const ranks = d.findings.map((f) => ({ fired: 0, clear: 1, 'insufficient-data': 2 })[f.status])
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    }
  })

  it('shows each recommendation’s what-if as the diagnosis predicted it, equal to the measures of the changed network', () => {
    const predicted = diagnosis.findings
      .filter((f) => f.status === 'fired')
      .flatMap((f) => f.recommendations)
      .filter((r) => r.whatIf)
    expect(predicted.length).toBeGreaterThan(2)
    const shown = en.recommendations.filter((r) => r.effect)
    expect(shown).toHaveLength(predicted.length)
    const table = en.tables.find((t) => t.key === 'recommendations')!
    for (const r of predicted) {
      const w = r.whatIf!
      const s = shown.find((x) => x.text === cap(r.text.en))!
      const get = (k: string) => s.effect!.find((e) => e.key === k)!
      for (const k of ['degreeCentralization', 'density', 'eiIndex', 'brokerShare'] as const) {
        expect(get(k).before).toBe(w[k].before)
        expect(get(k).after).toBe(w[k].after)
        expect(get(k).change).toBe(w[k].change)
      }
      const row = table.rows.find((x) => x.recommendation === cap(r.text.en))!
      expect(row.densityAfter).toBe(w.density.after)
      expect(row.brokerShareAfter).toBe(w.brokerShare.after)
      // the engine's measures on the network with the proposed ties added
      const changed = withTies(graph, w.add)
      const a = analyze(changed, { measures: ['density', 'degreeCentralization'] })
      expect(get('density').after).toBeCloseTo(a.network.density!, 12)
      expect(get('degreeCentralization').after).toBeCloseTo(a.network.degreeCentralization!, 12)
      const groups = groupsOf(changed.nodes.attribute('sector')!).membership
      expect(get('eiIndex').after).toBeCloseTo(eiIndex(changed, groups).ei, 12)
      const bc = betweenness(changed)
      const total = bc.reduce((x, y) => x + y, 0)
      expect(get('brokerShare').after).toBeCloseTo(bc[changed.nodes.get(w.broker.id)]! / total, 12)
      expect(s.broker).toBe(w.broker.nameEn)
    }
    // the before values are the network's own
    expect(shown[0]!.effect![1]!.before).toBe(analyze(graph).network.density)
  })

  it('writes method notes: period, sources, response rate, conventions', () => {
    const text = en.method.map((x) => `${x.label}: ${x.text}`).join('\n')
    expect(text).toMatch(/Period: 2025-12-01 – 2026-11-30/)
    expect(text).toMatch(/activity records and recorded ties/)
    expect(text).toMatch(/82\.0 %/)
    expect(text).toMatch(/Wasserman–Faust/)
    expect(zh.method.map((x) => x.text).join('\n')).toMatch(/活动记录与直接记录的关系/)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(build('en'))).toBe(JSON.stringify(en))
  })
})

describe('the research report', () => {
  const file = readFileSync(
    new URL('../../../sna/test/fixtures/data/governance/governance.graphml', import.meta.url),
    'utf8',
  )
  const net = readNetwork(file, { source: 'governance.graphml' }).network

  it('runs the structural rules when the nodes carry sectors (names in English) and includes their findings', () => {
    const m = buildResearchReport({ lang: 'en', title: 'governance.graphml', graph: net, generatedAt: 't' })
    expect(m.kind).toBe('research')
    expect(m.title).toBe('Network analysis report: governance.graphml')
    expect(m.dimensions.map((d) => d.dimension)).toEqual(['structure'])
    const rules = m.dimensions[0]!.findings.map((f) => `${f.rule}:${f.status}`)
    expect(rules).toEqual(expect.arrayContaining(['STR-2:fired', 'STR-3:fired']))
    expect(m.dimensions[0]!.findings.every((f) => f.status !== 'insufficient-data')).toBe(true)
    expect(m.recommendations.some((r) => r.effect !== null)).toBe(true)
    expect(m.figure.legend.map((l) => l.sector)).toEqual(['G', 'M', 'S', 'I'])
    expect(m.tables.map((t) => t.key)).toEqual(['network', 'actors', 'findings', 'recommendations'])
    const zhm = buildResearchReport({ lang: 'zh-CN', title: 'governance.graphml', graph: net.graph, generatedAt: 't' })
    expect(zhm.dimensions[0]!.title).toBe('协作治理结构')
    expect(zhm.dimensions[0]!.findings.map((f) => f.rule)).toEqual(m.dimensions[0]!.findings.map((f) => f.rule))
  })

  it('refuses an unknown language or size measure, naming what it expects', () => {
    expect(() => buildResearchReport({ lang: 'fr' as never, title: 't', graph: net, generatedAt: 't' })).toThrow(
      'unknown report language "fr" (expected zh-CN or en)',
    )
    expect(() =>
      buildResearchReport({ lang: 'en', title: 't', graph: net, sizeBy: 'size' as never, generatedAt: 't' }),
    ).toThrow(/unknown size measure "size" \(expected degree, betweenness, closeness, eigenvector/)
  })

  it('gives measures and the figure only when there is no sector attribute', () => {
    const karate = readNetwork(
      readFileSync(new URL('../../../sna/test/fixtures/data/karate/karate.csv', import.meta.url), 'utf8'),
      { source: 'karate.csv', directed: false },
    ).network
    const m = buildResearchReport({
      lang: 'en',
      title: 'karate.csv',
      graph: karate,
      sizeBy: 'eigenvector',
      generatedAt: 't',
    })
    expect(m.dimensions).toEqual([])
    expect(m.tables.map((t) => t.key)).toEqual(['network', 'actors'])
    expect(m.figure.nodes).toHaveLength(34)
    expect(m.figure.legend).toEqual([{ sector: null, label: 'Sector unknown', colour: '#8C8C8C', count: 34 }])
    expect(m.method.map((x) => x.text).join(' ')).toMatch(/no sector attribute/)
    expect(m.tables[1]!.columns.some((c) => c.key === 'sector')).toBe(false)
  })
})
