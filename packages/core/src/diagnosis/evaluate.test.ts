// The diagnosis rules on crafted records and networks: each fires where it must and stays clear where it must not.

import { NetworkBuilder, type Network } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import type { AttitudeStats, AttitudeSummary } from '../aggregate.js'
import type { Activity, Actor, ResponsibilityInput, Tie } from '../records.js'
import { actor, owned } from '../records.test-util.js'
import type { AttitudeItem } from '../surveys.js'
import { sectorCode, type DiagnosisInputs } from './context.js'
import { diagnose, percentileRank, type Finding } from './evaluate.js'
import { RULEBOOK, withThresholds } from './rulebook.js'
import { summariseDiagnosis } from './summary.js'

const status = (inputs: DiagnosisInputs, rule: string): Finding => {
  const f = diagnose(inputs).findings.find((x) => x.rule === rule)!
  return f
}
const expectStatus = (inputs: DiagnosisInputs, rule: string, s: Finding['status']) => {
  const f = status(inputs, rule)
  expect([rule, f.status, f.explanation.en]).toEqual([rule, s, f.explanation.en])
  return f
}

/** An undirected one-relation network "a-b b-c" with sectors by id. */
function net(spec: string, sectors: Record<string, string>, relation = 'COLLAB'): Network {
  const b = new NetworkBuilder({ directed: false })
  for (const [id, s] of Object.entries(sectors)) b.addNode(id, { sector: s })
  b.relation(relation)
  for (const part of spec.trim().split(/\s+/)) {
    const [u, v] = part.split('-') as [string, string]
    b.addTie(u, v, 1, relation)
  }
  return b.build().network
}

function multi(rels: Record<string, string>, sectors: Record<string, string>): Network {
  const b = new NetworkBuilder({ directed: false })
  for (const [id, s] of Object.entries(sectors)) b.addNode(id, { sector: s })
  for (const [r, spec] of Object.entries(rels)) {
    b.relation(r)
    for (const part of spec.trim().split(/\s+/).filter(Boolean)) {
      const [u, v] = part.split('-') as [string, string]
      b.addTie(u, v, 1, r)
    }
  }
  return b.build().network
}

let seq = 0
function act(o: Partial<Activity> & { attendedIds: string[]; convenerId: string }): Activity {
  return {
    ...owned,
    id: `act-${++seq}`,
    kind: 'patrol',
    title: 'x',
    start: '2026-03-05T09:00:00+08:00',
    domains: ['PUBLIC_ORDER'],
    phase: 'PREVENT',
    invitedIds: o.attendedIds,
    decisions: [],
    actionItems: [],
    ...o,
  }
}
function tie(relation: Tie['relation'], s: string, t: string, value = 1): Tie {
  return {
    ...owned,
    id: `tie-${++seq}`,
    relation,
    sourceId: s,
    targetId: t,
    value,
    date: '2026-03-01',
    provenance: 'record',
  }
}
const resp = (domain: string, actorId: string, role = 'co'): ResponsibilityInput => ({
  domain,
  actorId,
  role,
  from: '2026-01-01',
  source: 'duty_list',
})

const ACTORS: Actor[] = [
  actor('g1', 'G', 'police_station'),
  actor('g2', 'G', 'fire_station'),
  actor('q1', 'Q', 'residents_committee'),
  actor('m1', 'M', 'property_company'),
  actor('o1', 'O', 'owners_committee'),
  actor('s1', 'S', 'social_organisation'),
]
const PERIOD = { from: '2026-01-01', to: '2026-06-30' }
const records = (activities: Activity[] = [], ties: Tie[] = [], responsibilities: ResponsibilityInput[] = []) => ({
  actors: ACTORS,
  activities,
  ties,
  responsibilities,
})

function stats(agree: [number, number, number, number, number]): AttitudeStats {
  const n = agree.reduce((a, b) => a + b, 0)
  return { n, mean: null, agree: n ? (agree[3] + agree[4]) / n : null, distribution: agree }
}
function attitudes(co: [number, number, number, number, number], safe: [number, number, number, number, number]) {
  const items = (c: typeof co, s: typeof safe): Record<AttitudeItem, AttitudeStats> => ({
    trust: stats([0, 0, 0, 0, 0]),
    consensus: stats([0, 0, 0, 0, 0]),
    coResponsibility: stats(c),
    senseOfSafety: stats(s),
  })
  const a: AttitudeSummary = {
    items: items(co, safe),
    bySector: { Q: items(co, safe), G: items([0, 0, 0, 0, 9], safe) },
  }
  return { attitudes: a }
}

describe('diagnose: one finding per rule', () => {
  it('with no inputs, says for every rule what it needs', () => {
    const d = diagnose({})
    expect(d.findings.map((f) => f.rule)).toEqual(RULEBOOK.map((r) => r.id))
    for (const f of d.findings) {
      expect(f.status, f.rule).toBe('insufficient-data')
      expect(f.needs!.en, f.rule).toMatch(/^needs /)
      expect(f.needs!.zh, f.rule).toMatch(/^需要/)
      expect(f.value).toBeNull()
    }
    const needs = (id: string) => d.findings.find((f) => f.rule === id)!.needs!.en
    expect(needs('CON-5')).toBe('needs a survey with the attitude block')
    expect(needs('PAR-8')).toBe('needs a survey with the attitude block')
    expect(needs('MEC-1')).toBe('needs matters (the 12345 orders part)')
    expect(needs('MEC-5')).toBe('needs matters (the cases with their stages part)')
    expect(needs('STR-8')).toMatch(/governance mode/)
  })

  it('names the part of the input that is missing', () => {
    const n = net('g1-q1', { g1: 'G', q1: 'Q' })
    expect(status({ network: n }, 'STR-1').needs!.en).toMatch(/responsibilities .* or the previous period/)
    expect(status({ network: n }, 'STR-9').needs!.en).toBe('needs a network with at least two relation types')
    const noSectors = new NetworkBuilder({ directed: false })
    noSectors.addTie('a', 'b')
    expect(status({ network: noSectors.build().network }, 'STR-5').needs!.en).toBe(
      'needs the actors’ sectors (node attribute sector)',
    )
    expect(status({ survey: { attitudes: null } }, 'PAR-8').needs!.en).toBe('needs a survey with the attitude block')
    expect(
      status(
        { survey: { attitudes: { ...attitudes([1, 0, 0, 0, 0], [0, 0, 0, 1, 0]).attitudes, bySector: null } } },
        'CON-5',
      ).needs!.en,
    ).toMatch(/by sector/)
  })

  it('carries evidence: values, threshold and its source, explanation in both languages', () => {
    const f = expectStatus(
      { network: net('q1-g1 q1-g2 q1-m1 q1-o1', { q1: 'Q', g1: 'G', g2: 'G', m1: 'M', o1: 'O' }) },
      'STR-2',
      'fired',
    )
    expect(f.value).toBeCloseTo(1)
    expect(f.evidence.actors).toEqual([{ id: 'q1', name: 'q1', nameEn: 'q1' }])
    expect(f.evidence.checks[0]).toMatchObject({ basis: 'absolute', band: { above: 0.5 }, flagged: true })
    expect(f.evidence.source.letters).toEqual(['l'])
    expect(f.evidence.source.citation).toMatch(/Li Hua/)
    expect(f.explanation.zh).toMatch(/度数中心势/)
    expect(f.explanation.en).toMatch(/degree centralization/)
  })
})

describe('structure rules', () => {
  const S = { g1: 'G', g2: 'G', g3: 'G', g4: 'G', q1: 'Q', q2: 'Q', m1: 'M', o1: 'O', s1: 'S' }
  it('STR-2 degree centralization', () => {
    expectStatus({ network: net('q1-g1 q1-g2 q1-m1 q1-o1 q1-s1', S) }, 'STR-2', 'fired')
    expectStatus({ network: net('q1-g1 g1-g2 g2-m1 m1-o1 o1-s1 s1-q1', S) }, 'STR-2', 'clear')
  })
  it('STR-3 bottleneck broker, with the pairs it alone connects', () => {
    const f = expectStatus({ network: net('q1-g1 q1-g2 q1-m1 q1-o1', S) }, 'STR-3', 'fired')
    expect(f.evidence.actors[0]!.id).toBe('q1')
    expect(f.evidence.ties.length).toBe(6)
    expectStatus({ network: net('g1-q1 g1-m1 g1-o1 q1-m1 q1-o1 m1-o1', S) }, 'STR-3', 'clear')
  })
  it('STR-3 also fires on low constraint relative to the median', () => {
    const book = withThresholds(RULEBOOK, {
      'STR-3': {
        checks: [
          { basis: 'absolute', band: { above: 2 } },
          { basis: 'absolute', measure: 'constraintRatio', band: { below: 0.9 } },
        ],
      },
    })
    const f = diagnose({ network: net('q1-g1 q1-g2 q1-m1 q1-o1', S) }, book).findings.find((x) => x.rule === 'STR-3')!
    expect(f.status).toBe('fired')
    expect(f.evidence.checks.map((c) => [c.measure, c.flagged])).toEqual([
      ['value', false],
      ['constraintRatio', true],
    ])
  })
  it('STR-4 density among non-G/Q actors', () => {
    expectStatus({ network: net('g1-m1 g1-o1 g1-s1', S) }, 'STR-4', 'fired')
    expectStatus({ network: net('m1-o1 o1-s1 s1-m1 g1-m1', S) }, 'STR-4', 'clear')
  })
  it('STR-5 E-I index of the government group', () => {
    const f = expectStatus({ network: net('g1-g2 g2-g3 g1-q1', S) }, 'STR-5', 'fired')
    expect(f.value).toBeCloseTo(-1 / 3)
    expect(f.evidence.actors.map((a) => a.id)).toEqual(['g2', 'g3'])
    expectStatus({ network: net('g1-q1 g1-m1 g1-g2', S) }, 'STR-5', 'clear')
  })
  it('STR-5 reads sector names in English or Chinese', () => {
    const n = net('a-b b-c a-d', { a: 'government', b: '政府', c: 'Government', d: 'community' })
    expect(expectStatus({ network: n }, 'STR-5', 'fired').value).toBeCloseTo(-1 / 3)
    expect(sectorCode('Community party and residents’ committee')).toBe('Q')
    expect(sectorCode(' 业主组织 ')).toBe('O')
    expect(['g', 'government', '政府', 'market', '居民', 'owners', 'social', 'resident', 'X'].map(sectorCode)).toEqual([
      'G',
      'G',
      'G',
      'M',
      'I',
      'O',
      'S',
      'I',
      null,
    ])
  })
  it('STR-6 non-government actors in the core', () => {
    expectStatus({ network: net('g1-g2 g1-q1 g1-q2 g2-q1 g2-q2 q1-q2 g1-m1 g2-o1', S) }, 'STR-6', 'fired')
    expectStatus({ network: net('g1-m1 g1-q1 g1-o1 m1-q1 m1-o1 q1-o1 g1-s1 m1-g2', S) }, 'STR-6', 'clear')
  })
  it('STR-7 subgroups of one sector', () => {
    const f = expectStatus({ network: net('g1-g2 g1-g3 g1-g4 g2-g3 g2-g4 g3-g4 g1-q1', S) }, 'STR-7', 'fired')
    expect(f.evidence.details!.subgroups).toEqual([{ members: ['g1', 'g2', 'g3', 'g4'], sector: 'G' }])
    expectStatus({ network: net('g1-q1 g1-m1 g1-o1 q1-m1 q1-o1 m1-o1', S) }, 'STR-7', 'clear')
  })
  it('STR-1 designed partnerships practised, or density against the last period', () => {
    const duties = [resp('FIRE', 'g2', 'lead'), resp('FIRE', 'm1'), resp('FIRE', 'q1')]
    const f = expectStatus({ records: records([], [], duties), period: PERIOD }, 'STR-1', 'fired')
    expect(f.evidence.values.designedRealised).toBe(0)
    expect(f.evidence.ties.map((t) => [t.source, t.target, t.domain])).toHaveLength(3)
    const patrol = act({ convenerId: 'g2', attendedIds: ['m1', 'q1'], domains: ['FIRE'] })
    expectStatus({ records: records([patrol], [], duties), period: PERIOD }, 'STR-1', 'clear')
    const n = net('g1-q1', S)
    const prev = expectStatus({ network: n, previous: { 'STR-1': 0.2 } }, 'STR-1', 'fired')
    expect(prev.evidence.checks[0]).toMatchObject({ basis: 'previous', reference: 0.2, flagged: true })
    expectStatus({ network: n, previous: { 'STR-1': 0.03 } }, 'STR-1', 'clear')
  })
  it('STR-8 lead organisation with many actors and domains', () => {
    const many = Array.from({ length: 17 }, (_, i) => actor(`a${i}`, 'Q', 'grid_worker'))
    const domains = ['FIRE', 'PUBLIC_ORDER', 'GAS', 'HOME', 'ELDERLY', 'FRAUD']
    const rec = { actors: many, activities: [], ties: [], responsibilities: domains.map((d) => resp(d, 'a0', 'lead')) }
    expectStatus({ records: rec }, 'STR-8', 'insufficient-data')
    expectStatus({ records: rec, contingencies: { mode: 'lead-organisation' } }, 'STR-8', 'fired')
    expectStatus({ records: rec, contingencies: { mode: 'nao' } }, 'STR-8', 'clear')
    const few = { ...rec, responsibilities: rec.responsibilities.slice(0, 3) }
    expectStatus({ records: few, contingencies: { mode: 'lead-organisation' } }, 'STR-8', 'clear')
  })
  it('STR-9 multiplexity', () => {
    expectStatus({ network: multi({ INFO: 'g1-q1 m1-o1', JOINT_ACTION: 'g1-m1' }, S) }, 'STR-9', 'fired')
    expectStatus({ network: multi({ INFO: 'g1-q1', JOINT_ACTION: 'g1-q1' }, S) }, 'STR-9', 'clear')
  })
})

describe('concept and participation rules', () => {
  it('CON-1 on matters cases', () => {
    const cases = (k: number) => Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, proactive: i < k }))
    expectStatus({ matters: { cases: cases(1) } }, 'CON-1', 'fired')
    expectStatus({ matters: { cases: cases(3) } }, 'CON-1', 'clear')
  })
  it('CON-2 events initiated outside government', () => {
    expectStatus({ records: records([act({ convenerId: 'g1', attendedIds: ['m1'] })]) }, 'CON-2', 'fired')
    expectStatus({ records: records([act({ convenerId: 'm1', attendedIds: ['g1'] })]) }, 'CON-2', 'clear')
  })
  it('CON-3 command share', () => {
    const f = expectStatus(
      { records: records([], [tie('COMMAND', 'g1', 'q1', 3), tie('INFO', 'q1', 'g1')]) },
      'CON-3',
      'fired',
    )
    expect(f.value).toBeCloseTo(0.75)
    expect(f.evidence.actors[0]!.id).toBe('g1')
    expectStatus({ records: records([], [tie('COMMAND', 'g1', 'q1'), tie('INFO', 'q1', 'g1', 2)]) }, 'CON-3', 'clear')
  })
  it('CON-4 reciprocity of information', () => {
    const f = expectStatus(
      { records: records([], [tie('INFO', 'm1', 'q1'), tie('INFO', 'o1', 'q1')]) },
      'CON-4',
      'fired',
    )
    expect(f.evidence.ties.map((t) => [t.source, t.target])).toEqual([
      ['m1', 'q1'],
      ['o1', 'q1'],
    ])
    expectStatus({ records: records([], [tie('INFO', 'm1', 'q1'), tie('INFO', 'q1', 'm1')]) }, 'CON-4', 'clear')
  })
  it('CON-5 and PAR-8 from survey attitudes', () => {
    expectStatus({ survey: attitudes([3, 2, 0, 0, 0], [0, 0, 0, 2, 8]) }, 'CON-5', 'fired')
    expectStatus({ survey: attitudes([0, 0, 1, 2, 3], [0, 0, 0, 2, 8]) }, 'CON-5', 'clear')
    expectStatus({ survey: attitudes([0, 0, 1, 2, 3], [1, 1, 1, 2, 5]) }, 'PAR-8', 'fired')
    expectStatus({ survey: attitudes([0, 0, 1, 2, 3], [0, 0, 1, 2, 7]) }, 'PAR-8', 'clear')
  })
  it('PAR-1 expected actor types active', () => {
    const expected = ['residents_committee', 'property_company']
    const only = act({ convenerId: 'q1', attendedIds: ['g1'] })
    const f = expectStatus({ records: records([only]), expectedTypes: expected }, 'PAR-1', 'fired')
    expect(f.evidence.details!.missingTypes).toEqual(['property_company'])
    const both = act({ convenerId: 'q1', attendedIds: ['m1'] })
    expectStatus({ records: records([both]), expectedTypes: expected }, 'PAR-1', 'clear')
  })
  it('PAR-2 nominal core members', () => {
    const acts = [
      act({ convenerId: 'q1', attendedIds: ['g1', 'g2', 'm1', 's1'] }),
      act({ convenerId: 'o1', attendedIds: ['q1'] }),
    ]
    const f = expectStatus(
      { records: records(acts), coreTypes: ['owners_committee', 'property_company'] },
      'PAR-2',
      'fired',
    )
    expect(f.evidence.actors.map((a) => a.id)).toEqual(['o1'])
    acts.push(act({ convenerId: 'o1', attendedIds: ['m1'] }))
    expectStatus({ records: records(acts), coreTypes: ['owners_committee', 'property_company'] }, 'PAR-2', 'clear')
  })
  it('PAR-3 M/O/S/I share of activity', () => {
    expectStatus({ records: records([act({ convenerId: 'g1', attendedIds: ['q1', 'g2', 'm1'] })]) }, 'PAR-3', 'fired')
    expectStatus({ records: records([act({ convenerId: 'g1', attendedIds: ['m1', 'o1'] })]) }, 'PAR-3', 'clear')
  })
  it('PAR-7 attendance of the invited', () => {
    const invited = ['q1', 'm1', 'o1']
    const f = expectStatus(
      { records: records([act({ convenerId: 'q1', attendedIds: ['m1'], invitedIds: invited })]) },
      'PAR-7',
      'fired',
    )
    expect(f.evidence.actors.map((a) => a.id)).toEqual(['o1'])
    expectStatus(
      { records: records([act({ convenerId: 'q1', attendedIds: invited, invitedIds: invited })]) },
      'PAR-7',
      'clear',
    )
  })
  it('PAR-5 and PAR-6 from population figures', () => {
    expectStatus({ population: { residents: 1000, activeVolunteers: 5 } }, 'PAR-5', 'fired')
    expectStatus({ population: { residents: 1000, activeVolunteers: 40 } }, 'PAR-5', 'clear')
    expectStatus({ population: { activeVolunteers: 10, volunteersAged60Plus: 8 } }, 'PAR-6', 'fired')
    expectStatus({ population: { activeVolunteers: 10, volunteersAged60Plus: 5 } }, 'PAR-6', 'clear')
  })
})

describe('mechanism and content rules', () => {
  const meeting = (day: string, ids: string[]) =>
    act({ kind: 'meeting', start: `${day}T09:00:00+08:00`, convenerId: ids[0]!, attendedIds: ids.slice(1) })
  it('MEC-7 cross-sector meetings every quarter', () => {
    const f = expectStatus(
      { records: records([meeting('2026-02-01', ['q1', 'g1', 'm1'])]), period: PERIOD },
      'MEC-7',
      'fired',
    )
    expect(f.evidence.values).toMatchObject({ '2026-Q1': 1, '2026-Q2': 0 })
    expectStatus(
      {
        records: records([meeting('2026-02-01', ['q1', 'g1', 'm1']), meeting('2026-05-01', ['q1', 'o1', 'g1'])]),
        period: PERIOD,
      },
      'MEC-7',
      'clear',
    )
    // two sectors do not make a cross-sector forum
    expectStatus(
      {
        records: records([meeting('2026-02-01', ['q1', 'g1', 'm1']), meeting('2026-05-01', ['q1', 'g1', 'g2'])]),
        period: PERIOD,
      },
      'MEC-7',
      'fired',
    )
  })
  it('MEC-8 action items closed on time', () => {
    const item = (doneOn: string | null) => ({
      text: 'x',
      ownerId: 'm1',
      due: '2026-03-10',
      status: doneOn ? ('done' as const) : ('open' as const),
      ...(doneOn ? { doneOn } : {}),
    })
    const f = expectStatus(
      {
        records: records([
          act({ convenerId: 'q1', attendedIds: ['m1'], actionItems: [item('2026-03-20'), item(null)] }),
        ]),
        period: PERIOD,
      },
      'MEC-8',
      'fired',
    )
    expect(f.evidence.details!.lateByOwner).toEqual({ m1: 2 })
    expect(f.recommendations[0]!.text.en).toMatch(/M1 has 2 late items/)
    expectStatus(
      {
        records: records([act({ convenerId: 'q1', attendedIds: ['m1'], actionItems: [item('2026-03-09')] })]),
        period: PERIOD,
      },
      'MEC-8',
      'clear',
    )
  })
  it('MEC rules on matters', () => {
    expectStatus(
      {
        matters: {
          cases: [
            { id: 'a', stages: 5 },
            { id: 'b', stages: 7 },
          ],
        },
      },
      'MEC-5',
      'fired',
    )
    expectStatus({ matters: { cases: [{ id: 'a', stages: 7 }] } }, 'MEC-5', 'clear')
    expectStatus({ matters: { reports: [{ id: 'a', feedback: false }] } }, 'MEC-9', 'fired')
    expectStatus({ matters: { reports: [{ id: 'a', feedback: true }] } }, 'MEC-9', 'clear')
    const cases = [{ id: 'a' }, { id: 'b' }]
    const whistles = (k: number) => Array.from({ length: k }, (_, i) => ({ id: `w${i}` }))
    expectStatus({ matters: { cases, whistles: whistles(2) } }, 'MEC-3', 'insufficient-data')
    const peers = { 'MEC-3': [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] }
    expectStatus({ matters: { cases, whistles: whistles(2) }, peers }, 'MEC-3', 'fired')
    expectStatus({ matters: { cases, whistles: whistles(1) }, peers }, 'MEC-3', 'clear')
    expect(percentileRank(0.5, [0.1, 0.5, 0.9])).toBeCloseTo(50)
  })
  it('the other matters rules: PAR-4, MEC-1, MEC-2, MEC-4, MEC-6, MEC-10, MEC-11, CNT-6', () => {
    const project = (participants: number) => ({ projects: [{ id: 'p', participants, targetGroup: 100 }] })
    expectStatus({ matters: project(30) }, 'PAR-4', 'fired')
    expectStatus({ matters: project(60) }, 'PAR-4', 'clear')
    const cityReference = { response: 0.9, resolution: 0.9, satisfaction: 0.9 }
    const orders = (k: number) =>
      Array.from({ length: 10 }, (_, i) => ({
        id: `o${i}`,
        responded: true,
        resolved: i < k,
        satisfied: true,
        withinLimit: i < k,
      }))
    expectStatus({ matters: { orders: orders(10) } }, 'MEC-1', 'insufficient-data')
    expect(status({ matters: { orders: orders(10) } }, 'MEC-1').needs!.en).toMatch(/city reference/)
    expectStatus({ matters: { orders: orders(7), cityReference } }, 'MEC-1', 'fired')
    expectStatus({ matters: { orders: orders(9), cityReference } }, 'MEC-1', 'clear')
    expectStatus({ matters: { orders: orders(9) } }, 'MEC-2', 'fired')
    expectStatus({ matters: { orders: orders(10) } }, 'MEC-2', 'clear')
    const w = (h: number, emergency = false) => ({
      id: `w${h}${emergency}`,
      hoursToArrival: h,
      emergency,
      departmentId: 'g1',
    })
    const late = expectStatus({ matters: { whistles: [w(30), w(40)] } }, 'MEC-4', 'fired')
    expect(late.evidence.actors).toEqual([{ id: 'g1', name: 'g1', nameEn: 'g1' }])
    expectStatus({ matters: { whistles: [w(3), w(1, true)] } }, 'MEC-4', 'clear')
    expectStatus({ matters: { whistles: [w(3), w(5, true)] } }, 'MEC-4', 'fired')
    const c = (id: string, opened: string, cell = 'g1') => ({ id, cell, category: 'fire-passage', opened })
    expectStatus({ matters: { cases: [c('a', '2026-01-01'), c('b', '2026-02-01')] } }, 'MEC-6', 'fired')
    expectStatus({ matters: { cases: [c('a', '2026-01-01'), c('b', '2026-02-01', 'g2')] } }, 'MEC-6', 'clear')
    const h = (k: number) => ({ id: `h${k}`, handoffs: k })
    expectStatus({ matters: { cases: [h(4), h(5), h(1)] } }, 'MEC-10', 'fired')
    expectStatus({ matters: { cases: [h(1), h(2), h(5)] } }, 'MEC-10', 'clear')
    const p = (weeksPatrolled: number) => ({ cell: `c${weeksPatrolled}`, weeksPatrolled, weeks: 26 })
    expectStatus({ matters: { patrols: [p(26), p(20)] } }, 'MEC-11', 'fired')
    expectStatus({ matters: { patrols: [p(26), p(26)] } }, 'MEC-11', 'clear')
    expectStatus(
      { matters: { registers: { injuryMonths: 4, months: 6, projectsEvaluated: 1, projects: 1 } } },
      'CNT-6',
      'fired',
    )
    expectStatus(
      { matters: { registers: { injuryMonths: 6, months: 6, projectsEvaluated: 2, projects: 2 } } },
      'CNT-6',
      'clear',
    )
  })
  it('CNT-4 projects for vulnerable groups', () => {
    const p = (domain: string) => act({ kind: 'project', convenerId: 's1', attendedIds: ['q1'], domains: [domain] })
    expectStatus({ records: records([p('FIRE')]) }, 'CNT-4', 'fired')
    expectStatus({ records: records([p('ELDERLY')]) }, 'CNT-4', 'clear')
  })
  it('veto items: a fired one fails the assessment, one without data leaves it provisional, deployments choose them', () => {
    const p = (domain: string) => act({ kind: 'project', convenerId: 's1', attendedIds: ['q1'], domains: [domain] })
    const fired = diagnose({ records: records([p('FIRE')]) })
    expect(fired.findings.filter((f) => f.veto).map((f) => f.rule)).toEqual(['CNT-4', 'CNT-6'])
    const s = summariseDiagnosis(fired)
    expect([s.vetoHits, s.vetoUnknown]).toEqual([['CNT-4'], ['CNT-6']])
    expect(summariseDiagnosis(diagnose({ records: records([p('ELDERLY')]) })).vetoHits).toEqual([])
    const book = withThresholds(RULEBOOK, { 'CNT-4': { veto: false }, 'STR-2': { veto: true } })
    const own = diagnose({ records: records([p('FIRE')]) }, book)
    expect(own.findings.filter((f) => f.veto).map((f) => f.rule)).toEqual(['STR-2', 'CNT-6'])
    expect(summariseDiagnosis(own).vetoHits).not.toContain('CNT-4')
  })
  it('CNT-1 domains with multi-actor records', () => {
    const domains = ['FIRE', 'PUBLIC_ORDER', 'GAS']
    const fire = act({ convenerId: 'g2', attendedIds: ['m1'], domains: ['FIRE'] })
    const alone = act({ convenerId: 'g1', attendedIds: [], domains: ['PUBLIC_ORDER'] })
    const f = expectStatus({ records: records([fire, alone]), domains }, 'CNT-1', 'fired')
    expect(f.evidence.details!.uncovered).toEqual(['PUBLIC_ORDER', 'GAS'])
    const order = act({ convenerId: 'g1', attendedIds: ['q1'], domains: ['PUBLIC_ORDER'] })
    expectStatus({ records: records([fire, order]), domains }, 'CNT-1', 'clear')
  })
  it('CNT-2 top domain share', () => {
    const a = (d: string) => act({ convenerId: 'g1', attendedIds: ['q1'], domains: [d] })
    expectStatus(
      { records: records([a('PUBLIC_ORDER'), a('PUBLIC_ORDER'), a('PUBLIC_ORDER'), a('FIRE')]) },
      'CNT-2',
      'fired',
    )
    expectStatus({ records: records([a('PUBLIC_ORDER'), a('PUBLIC_ORDER'), a('GAS'), a('FIRE')]) }, 'CNT-2', 'clear')
  })
  it('CNT-3 prevention and preparation share', () => {
    const a = (phase: string) => act({ convenerId: 'g1', attendedIds: ['q1'], phase })
    expectStatus(
      { records: records([a('RESPOND'), a('RESPOND'), a('RESPOND'), a('RECOVER'), a('PREVENT')]) },
      'CNT-3',
      'fired',
    )
    expectStatus({ records: records([a('RESPOND'), a('PREPARE')]) }, 'CNT-3', 'clear')
  })
  it('CNT-5 joint action and resources among collaboration ties', () => {
    expectStatus({ records: records([], [tie('INFO', 'g1', 'q1'), tie('INFO', 'm1', 'q1')]) }, 'CNT-5', 'fired')
    expectStatus({ records: records([], [tie('JOINT_ACTION', 'g1', 'q1'), tie('INFO', 'm1', 'q1')]) }, 'CNT-5', 'clear')
  })
  it('CNT-7 multi-actor drills per year', () => {
    const year = { from: '2026-01-01', to: '2026-12-31' }
    const drill = (ids: string[], day = '2026-04-01') =>
      act({ kind: 'drill', start: `${day}T09:00:00+08:00`, convenerId: ids[0]!, attendedIds: ids.slice(1) })
    expectStatus(
      { records: records([drill(['g2', 'm1']), drill(['m1'], '2026-08-01')]), period: year },
      'CNT-7',
      'fired',
    )
    expectStatus(
      { records: records([drill(['g2', 'm1']), drill(['m1', 'q1'], '2026-08-01')]), period: year },
      'CNT-7',
      'clear',
    )
  })
})
