// Recommendations name actors and ties, and their what-if numbers equal the measures of the changed network.

import { analyze, betweenness, eiIndex, groupsOf, NetworkBuilder, type Graph, type Network } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { DEMO_PERIOD, demoCommunity } from '../demo.js'
import { buildNetwork } from '../network.js'
import type { Activity, Actor, Tie } from '../records.js'
import { undirectedUnion, type DiagnosisInputs } from './context.js'
import { diagnose, type Diagnosis } from './evaluate.js'
import type { Recommendation } from './recommend.js'

/** The graph with ties added, built independently of sna's whatIf. */
function withTies(g: Graph, add: readonly [string, string][]): Graph {
  const b = new NetworkBuilder({ directed: false, duplicates: 'max' })
  const sector = g.nodes.attribute('sector')!
  g.nodes.ids.forEach((id, i) => b.addNode(id, { sector: sector[i] ?? null }))
  b.relation(g.relation)
  for (let e = 0; e < g.m; e++)
    b.addTie(g.nodes.ids[g.tieSource[e]!]!, g.nodes.ids[g.tieTarget[e]!]!, g.tieWeight[e]!, g.relation)
  for (const [s, t] of add) b.addTie(s, t, 1, g.relation)
  return b.build().network.graph
}

function measures(g: Graph, broker: string) {
  const a = analyze(g, { measures: ['density', 'degreeCentralization'] }).network
  const bc = betweenness(g)
  const total = bc.reduce((x, y) => x + y, 0)
  return {
    density: a.density,
    degreeCentralization: a.degreeCentralization,
    eiIndex: eiIndex(g, groupsOf(g.nodes.attribute('sector')!).membership).ei,
    brokerShare: bc[g.nodes.get(broker)]! / total,
  }
}

/** Every what-if of a diagnosis checked against the measures computed directly. */
function checkWhatIfs(d: Diagnosis, g: Graph): Recommendation[] {
  const checked: Recommendation[] = []
  for (const f of d.findings)
    for (const r of f.recommendations) {
      if (!r.whatIf) continue
      const w = r.whatIf
      const before = measures(g, w.broker.id)
      const after = measures(withTies(g, w.add), w.broker.id)
      expect(w.density.before).toBeCloseTo(before.density!, 12)
      expect(w.density.after).toBeCloseTo(after.density!, 12)
      expect(w.degreeCentralization.before).toBeCloseTo(before.degreeCentralization!, 12)
      expect(w.degreeCentralization.after).toBeCloseTo(after.degreeCentralization!, 12)
      expect(w.degreeCentralization.change).toBeCloseTo(after.degreeCentralization! - before.degreeCentralization!, 12)
      expect(w.eiIndex.before).toBeCloseTo(before.eiIndex, 12)
      expect(w.eiIndex.after).toBeCloseTo(after.eiIndex, 12)
      expect(w.brokerShare.before).toBeCloseTo(before.brokerShare, 12)
      expect(w.brokerShare.after).toBeCloseTo(after.brokerShare, 12)
      // a proposed tie is new
      for (const [s, t] of w.add) expect(g.hasTie(g.nodes.get(s), g.nodes.get(t)), `${s}-${t}`).toBe(false)
      checked.push(r)
    }
  return checked
}

function star(): Network {
  const b = new NetworkBuilder({ directed: false })
  const sectors = { rc: 'Q', pc: 'M', fire: 'G', police: 'G', owners: 'O', ngo: 'S' }
  for (const [id, s] of Object.entries(sectors)) b.setLabel(b.addNode(id, { sector: s }), id.toUpperCase())
  b.relation('COLLAB')
  for (const id of ['pc', 'fire', 'police', 'owners', 'ngo']) b.addTie('rc', id, 1, 'COLLAB')
  b.addTie('fire', 'police', 1, 'COLLAB')
  return b.build().network
}

describe('recommendations', () => {
  it('STR-3: links partners only the broker connects, and the what-if equals the measures of the changed network', () => {
    const network = star()
    const d = diagnose({ network })
    const f = d.findings.find((x) => x.rule === 'STR-3')!
    expect(f.status).toBe('fired')
    expect(f.recommendations.length).toBeGreaterThan(0)
    const r = f.recommendations[0]!
    expect(r.families).toEqual(['CRS'])
    expect(r.actors[0]).toEqual({ id: 'rc', name: 'RC', nameEn: 'RC' })
    expect(r.ties).toHaveLength(1)
    expect(r.text.en).toMatch(/^set a task list for RC; link \w+ with \w+ in community safety work/)
    expect(r.text.zh).toMatch(/明确RC任务清单/)
    expect(r.whatIf!.broker.id).toBe('rc')
    expect(r.whatIf!.brokerShare.change).toBeLessThan(0)
    const checked = checkWhatIfs(d, undirectedUnion(network))
    expect(checked.map((x) => x.rule)).toContain('STR-3')
  })

  it('on the demo community: every what-if equals analyze, eiIndex and betweenness on the changed network', () => {
    const c = demoCommunity().communities[0]!
    const own = { communityId: c.id, createdAt: '', updatedAt: '' }
    const records = {
      actors: c.actors.map((a) => ({ ...a, ...own })) as Actor[],
      activities: c.activities.map((a) => ({ ...a, ...own })) as Activity[],
      ties: c.ties.map((a) => ({ ...a, ...own })) as Tie[],
      responsibilities: c.responsibilities,
    }
    const inputs: DiagnosisInputs = { records, period: { ...DEMO_PERIOD } }
    const d = diagnose(inputs)
    const g = undirectedUnion(buildNetwork(records, { ...DEMO_PERIOD }, { merge: true }).network)
    const checked = checkWhatIfs(d, g)
    expect(new Set(checked.map((r) => r.rule))).toEqual(
      new Set(['STR-1', 'STR-2', 'STR-3', 'STR-4', 'STR-5', 'STR-6', 'STR-7']),
    )
    const str3 = d.findings.find((x) => x.rule === 'STR-3')!.recommendations
    expect(str3.map((r) => r.whatIf!.broker.id)).toEqual(['c-rc', 'c-rc', 'c-rc'])
    // the broker is relieved by every link it alone carried
    for (const r of str3) expect(r.whatIf!.brokerShare.change!).toBeLessThan(0)
    expect(str3[0]!.text.en).toMatch(/link X Fire Rescue Station with C Community micro fire station/)
    expect(str3[0]!.text.zh).toMatch(/在消防安全领域直接连接X 消防救援站与C 社区微型消防站/)
    expect(str3[0]!.text.en).toMatch(/in fire safety: no joint activity in twelve months/)
  })
})
