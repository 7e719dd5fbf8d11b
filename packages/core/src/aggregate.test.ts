// Survey aggregation on a hand-computed example: every rule × both missing-data choices, flags, rate, attitudes, import, export.

import { createHash, createHmac } from 'node:crypto'
import { FORMATS, writeNetwork } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import {
  aggregateSurvey,
  exportAnswers,
  hmacSha256,
  importRosterMatrices,
  pseudonym,
  sha256,
  summariseAttitudes,
  toHex,
  type MatrixSheet,
  type MissingMethod,
  type SurveyAnswerSet,
  type SurveyDesign,
  type SymmetrizeRule,
} from './aggregate.js'

// Roster a b c d; a, b and c are asked, d is not. a and b submitted, c is still in progress.
const survey: SurveyDesign = {
  relations: ['INFO', 'JOINT_ACTION'],
  scale: { min: 0, max: 4 },
  rosterIds: ['a', 'b', 'c', 'd'],
  respondentIds: ['a', 'b', 'c'],
  attitudes: true,
}
const responses: SurveyAnswerSet[] = [
  {
    respondentId: 'a',
    status: 'submitted',
    answers: {
      ties: { INFO: { b: 3, c: 0, d: 2 }, JOINT_ACTION: { b: 1, c: 0, d: 0 } },
      attitudes: { trust: 4, senseOfSafety: 5 },
    },
  },
  {
    respondentId: 'b',
    status: 'submitted',
    answers: {
      ties: { INFO: { a: 1, c: 4, d: 0 }, JOINT_ACTION: { a: 0, c: 2, d: 0 } },
      attitudes: { trust: 2, senseOfSafety: 4 },
    },
  },
  { respondentId: 'c', status: 'in_progress', answers: { ties: { INFO: { a: 2, d: 1 } }, attitudes: { trust: 5 } } },
]
const actors = [
  { id: 'a', name: 'A', type: 'residents_committee', sector: 'Q' },
  { id: 'b', name: 'B', type: 'police_station', sector: 'G' },
  { id: 'c', name: 'C', type: 'property_company', sector: 'M' },
  { id: 'd', name: 'D', type: 'owners_committee', sector: 'O' },
] as const

const _ = null
type M = (number | null)[][]

// INFO reports, submitted only: c and d have no row.
const REPORTS_MISSING: M = [
  [_, 3, 0, 2],
  [1, _, 4, 0],
  [_, _, _, _],
  [_, _, _, _],
]
// reconstructed: c→a := a→c = 0, c→b := b→c = 4, d→a := a→d = 2, d→b := b→d = 0; c–d has no report
const REPORTS_RECONSTRUCT: M = [
  [_, 3, 0, 2],
  [1, _, 4, 0],
  [0, 4, _, _],
  [2, 0, _, _],
]
// dyads: a–b both reported (3, 1); a–c, a–d, b–c, b–d one report; c–d none
const MAX: M = [
  [_, 3, 0, 2],
  [3, _, 4, 0],
  [0, 4, _, _],
  [2, 0, _, _],
]
const MIN: M = [
  [_, 1, 0, 2],
  [1, _, 4, 0],
  [0, 4, _, _],
  [2, 0, _, _],
]
const MEAN: M = [
  [_, 2, 0, 2],
  [2, _, 4, 0],
  [0, 4, _, _],
  [2, 0, _, _],
]
// both-confirm without reconstruction: a–b confirmed (mean 2); a's and b's 0 settle a–c and b–d;
// a's 2 for d and b's 4 for c stay unconfirmed (missing)
const BOTH_MISSING: M = [
  [_, 2, 0, _],
  [2, _, _, 0],
  [0, _, _, _],
  [_, 0, _, _],
]
// with reconstruction the reconstructed report confirms: a–d 2, b–c 4
const BOTH_RECONSTRUCT: M = MEAN

const EXPECTED: Record<SymmetrizeRule, Record<MissingMethod, M>> = {
  none: { missing: REPORTS_MISSING, reconstruct: REPORTS_RECONSTRUCT },
  max: { missing: MAX, reconstruct: MAX },
  min: { missing: MIN, reconstruct: MIN },
  mean: { missing: MEAN, reconstruct: MEAN },
  both: { missing: BOTH_MISSING, reconstruct: BOTH_RECONSTRUCT },
}

/** The non-zero entries of a matrix as "s-t:v" (upper half when symmetric). */
function tiesOf(m: M, directed: boolean): string[] {
  const ids = ['a', 'b', 'c', 'd']
  const out: string[] = []
  m.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v && (directed || i < j)) out.push(`${ids[i]}-${ids[j]}:${v}`)
    }),
  )
  return out
}

describe('aggregateSurvey: every rule × both missing-data choices (INFO)', () => {
  for (const rule of ['none', 'max', 'min', 'mean', 'both'] as const)
    for (const missing of ['missing', 'reconstruct'] as const)
      it(`${rule} × ${missing}`, () => {
        const agg = aggregateSurvey(survey, responses, { rule, missing })
        const info = agg.relations[0]!
        expect(info.relation).toBe('INFO')
        expect(info.reports).toEqual(missing === 'missing' ? REPORTS_MISSING : REPORTS_RECONSTRUCT)
        expect(info.matrix).toEqual(EXPECTED[rule][missing])
        // the network holds exactly the matrix's non-zero entries
        const g = agg.network.findRelation('INFO')!
        expect(agg.network.directed).toBe(rule === 'none')
        const fromNetwork: string[] = []
        for (let e = 0; e < g.m; e++)
          fromNetwork.push(`${g.nodes.ids[g.tieSource[e]!]}-${g.nodes.ids[g.tieTarget[e]!]}:${g.tieWeight[e]}`)
        expect(fromNetwork.sort()).toEqual(tiesOf(EXPECTED[rule][missing], rule === 'none').sort())
        expect(info.ties.map((t) => `${t.source}-${t.target}:${t.value}`).sort()).toEqual(fromNetwork.sort())
        // the choice travels with the result
        expect(agg).toMatchObject({ rule, missing, includeInProgress: false, responseRate: 2 / 3 })
      })

  it('flags dyads with one report, dyads without, reconstructed ties and non-respondents', () => {
    const m = aggregateSurvey(survey, responses, { rule: 'max', missing: 'missing' }).relations[0]!
    expect(m.flags).toEqual({
      reconstructedTies: [],
      reconstructedCells: 0,
      dyadsWithOneReport: [
        ['a', 'c'],
        ['a', 'd'],
        ['b', 'c'],
        ['b', 'd'],
      ],
      dyadsWithoutReport: [['c', 'd']],
      unresolved: [['c', 'd']],
      nonRespondents: ['c'],
    })
    expect(m.ties).toEqual([
      { source: 'a', target: 'b', value: 3, flag: null },
      { source: 'a', target: 'd', value: 2, flag: 'one-report' },
      { source: 'b', target: 'c', value: 4, flag: 'one-report' },
    ])
    const r = aggregateSurvey(survey, responses, { rule: 'max', missing: 'reconstruct' }).relations[0]!
    expect(r.flags.reconstructedTies).toEqual([
      { source: 'c', target: 'b', value: 4, flag: 'reconstructed' },
      { source: 'd', target: 'a', value: 2, flag: 'reconstructed' },
    ])
    expect(r.flags.reconstructedCells).toBe(4)
    expect(r.flags.dyadsWithOneReport).toEqual(m.flags.dyadsWithOneReport)
    expect(r.ties.map((t) => t.flag)).toEqual([null, 'reconstructed', 'reconstructed'])
    expect(aggregateSurvey(survey, responses, { rule: 'both' }).relations[0]!.flags.unresolved).toEqual([
      ['a', 'd'],
      ['b', 'c'],
      ['c', 'd'],
    ])
    const none = aggregateSurvey(survey, responses, { rule: 'none', missing: 'reconstruct' }).relations[0]!
    expect(none.flags.unresolved).toEqual([
      ['c', 'd'],
      ['d', 'c'],
    ])
    expect(none.ties.filter((t) => t.flag === 'reconstructed').map((t) => `${t.source}-${t.target}`)).toEqual([
      'c-b',
      'd-a',
    ])
  })

  it('uses the answered cells of responses in progress only when asked', () => {
    const opts = { includeInProgress: true } as const
    const mean = aggregateSurvey(survey, responses, { ...opts, rule: 'mean' })
    expect(mean.relations[0]!.reports).toEqual([
      [_, 3, 0, 2],
      [1, _, 4, 0],
      [2, _, _, 1],
      [_, _, _, _],
    ])
    expect(mean.relations[0]!.matrix).toEqual([
      [_, 2, 1, 2],
      [2, _, 4, 0],
      [1, 4, _, 1],
      [2, 0, 1, _],
    ])
    expect(aggregateSurvey(survey, responses, { ...opts, rule: 'both' }).relations[0]!.matrix).toEqual([
      [_, 2, 0, _],
      [2, _, _, 0],
      [0, _, _, _],
      [_, 0, _, _],
    ])
    // c→b is unanswered and reconstructed from b→c; d's row from a, b and c
    expect(
      aggregateSurvey(survey, responses, { ...opts, rule: 'both', missing: 'reconstruct' }).relations[0]!.matrix,
    ).toEqual([
      [_, 2, 0, 2],
      [2, _, 4, 0],
      [0, 4, _, 1],
      [2, 0, 1, _],
    ])
    // the response rate counts submitted responses only
    expect(mean).toMatchObject({
      includeInProgress: true,
      responseRate: 2 / 3,
      nonRespondents: [],
      counts: { roster: 4, respondents: 3, submitted: 2, inProgress: 1, used: 3 },
    })
  })

  it('aggregates every relation of the survey into one network over the roster', () => {
    const agg = aggregateSurvey(survey, responses, { rule: 'min', actors })
    expect(agg.network.relationNames()).toEqual(['INFO', 'JOINT_ACTION'])
    expect(agg.relations[1]!.matrix).toEqual([
      [_, 0, 0, 0],
      [0, _, 2, 0],
      [0, 2, _, _],
      [0, 0, _, _],
    ])
    expect(agg.network.nodes.ids).toEqual(['a', 'b', 'c', 'd'])
    expect(agg.network.nodes.attribute('respondent')).toEqual(['yes', 'yes', 'yes', 'no'])
    expect(agg.network.nodes.attribute('responded')).toEqual(['yes', 'yes', 'no', 'no'])
    expect(agg.network.nodes.attribute('sector')).toEqual(['Q', 'G', 'M', 'O'])
    expect(agg.network.nodes.label(0)).toBe('A')
    expect(agg.nonRespondents).toEqual(['c'])
    for (const f of FORMATS) expect(writeNetwork(agg.network, f.name).length).toBeGreaterThan(0)
  })

  it('rejects responses that do not fit the survey', () => {
    const d: SurveyAnswerSet = { respondentId: 'd', status: 'submitted', answers: { ties: {}, attitudes: {} } }
    expect(() => aggregateSurvey(survey, [...responses, d])).toThrow(/not a respondent/)
    expect(() => aggregateSurvey(survey, [...responses, responses[0]!])).toThrow(/two responses/)
    const off: SurveyAnswerSet = { ...responses[0]!, answers: { ties: { INFO: { b: 7 } }, attitudes: {} } }
    expect(() => aggregateSurvey(survey, [off])).toThrow(/ties\.INFO\.b/)
    expect(() => aggregateSurvey(survey, responses, { rule: 'sum' as SymmetrizeRule })).toThrow(/rule/)
    // an off-scale answer in a response not used is not read
    expect(aggregateSurvey(survey, [{ ...off, status: 'in_progress' }]).counts.used).toBe(0)
  })

  it('gives a rate of 0 and an empty network without respondents', () => {
    const agg = aggregateSurvey({ ...survey, respondentIds: [] }, [])
    expect(agg.responseRate).toBe(0)
    expect(agg.network.graph.m).toBe(0)
  })
})

describe('summariseAttitudes', () => {
  it('counts submitted answers per item and per sector', () => {
    const s = aggregateSurvey(survey, responses, { actors }).attitudes!
    expect(s.items.trust).toEqual({ n: 2, mean: 3, agree: 0.5, distribution: [0, 1, 0, 1, 0] })
    expect(s.items.senseOfSafety).toEqual({ n: 2, mean: 4.5, agree: 1, distribution: [0, 0, 0, 1, 1] })
    expect(s.items.consensus).toEqual({ n: 0, mean: null, agree: null, distribution: [0, 0, 0, 0, 0] })
    expect(Object.keys(s.bySector!)).toEqual(['Q', 'G'])
    expect(s.bySector!.G!.trust).toMatchObject({ n: 1, mean: 2 })
    const all = summariseAttitudes(responses, { includeInProgress: true })
    expect(all.items.trust).toMatchObject({ n: 3, mean: 11 / 3, distribution: [0, 1, 0, 1, 1] })
    expect(all.bySector).toBeNull()
    expect(aggregateSurvey({ ...survey, attitudes: false }, []).attitudes).toBeNull()
  })
})

describe('importRosterMatrices', () => {
  const info: MatrixSheet = {
    relation: 'INFO',
    header: ['', 'a', 'b', 'c', 'd'],
    rows: [
      { line: 2, cells: ['a', '', '3', '0', '2'] },
      { line: 3, cells: ['b', '1', '', '4', '0'] },
      { line: 4, cells: ['', '', '', '', ''] },
    ],
  }
  const joint: MatrixSheet = {
    relation: '联合行动',
    source: 'survey.xlsx#JOINT',
    header: ['respondent', 'a', 'b', 'c', 'd'],
    rows: [
      { line: 2, cells: ['a', '9', '1', '0', '0'] },
      { line: 3, cells: ['b', '0', '', '2', '0'] },
    ],
  }

  it('reads one matrix per relation into answers (diagonal ignored, empty = not answered)', () => {
    const { answers, issues } = importRosterMatrices(survey, [info, joint])
    expect(issues).toEqual([])
    expect(answers).toEqual({
      a: { ties: { INFO: { b: 3, c: 0, d: 2 }, JOINT_ACTION: { b: 1, c: 0, d: 0 } }, attitudes: {} },
      b: { ties: { INFO: { a: 1, c: 4, d: 0 }, JOINT_ACTION: { a: 0, c: 2, d: 0 } }, attitudes: {} },
    })
    // imported answers aggregate like the collected ones
    const imported = Object.entries(answers).map(([respondentId, a]) => ({
      respondentId,
      status: 'submitted' as const,
      answers: a,
    }))
    expect(aggregateSurvey(survey, imported, { rule: 'max' }).relations[0]!.matrix).toEqual(MAX)
  })

  it('reports every problem with its source, line and field', () => {
    const bad: MatrixSheet = {
      relation: 'INFO',
      source: 'info.csv',
      header: ['', 'a', 'x', 'b', ''],
      rows: [
        { line: 2, cells: ['a', '', '1', '5', ''] },
        { line: 3, cells: ['b', 'high', '', '', '2'] },
        { line: 4, cells: ['z', '1', '', '', ''] },
        { line: 5, cells: ['d', '1', '', '', ''] },
        { line: 6, cells: ['a', '1', '', '', ''] },
        { line: 7, cells: ['', '1', '', '', ''] },
      ],
    }
    const { issues } = importRosterMatrices(survey, [
      bad,
      { ...info, relation: 'COMMAND' },
      { ...info, source: 'again' },
    ])
    expect(issues.map((i) => [i.source, i.line, i.field])).toEqual([
      ['info.csv', 1, 'x'], // unknown actor in the header
      ['info.csv', 2, 'b'], // 5 off the 0–4 scale
      ['info.csv', 3, 'a'], // not a number
      ['info.csv', 3, 'column 5'], // a value under an empty header
      ['info.csv', 4, 'respondent'], // not on the roster
      ['info.csv', 5, 'respondent'], // on the roster but not asked
      ['info.csv', 6, 'respondent'], // twice
      ['info.csv', 7, 'respondent'], // no respondent
      ['COMMAND', 1, 'relation'], // not asked by the survey
      ['again', 1, 'relation'], // INFO given twice
    ])
    expect(issues[1]!.reason).toBe('expected a whole number from 0 to 4, got 5')
    expect(issues[2]!.reason).toBe('expected a whole number from 0 to 4, got "high"')
  })
})

describe('exportAnswers and pseudonyms', () => {
  it('lists answered cells as rows in survey and roster order', () => {
    const { ties, attitudes, pseudonymised } = exportAnswers(survey, responses)
    expect(pseudonymised).toBe(false)
    expect(ties.slice(0, 4)).toEqual([
      { respondent: 'a', relation: 'INFO', target: 'b', value: 3 },
      { respondent: 'a', relation: 'INFO', target: 'c', value: 0 },
      { respondent: 'a', relation: 'INFO', target: 'd', value: 2 },
      { respondent: 'a', relation: 'JOINT_ACTION', target: 'b', value: 1 },
    ])
    expect(ties).toHaveLength(12)
    expect(attitudes).toHaveLength(4)
    expect(exportAnswers(survey, responses, { includeInProgress: true }).ties).toHaveLength(14)
  })

  it('replaces ids by stable salted aliases, the same for respondents and targets', () => {
    const salt = 'wave-1 secret salt'
    const { ties, pseudonymised } = exportAnswers(survey, responses, { pseudonymise: { salt } })
    expect(pseudonymised).toBe(true)
    const a = pseudonym('a', salt)
    expect(a).toMatch(/^P[0-9a-f]{12}$/)
    expect(pseudonym('a', salt)).toBe(a)
    expect(pseudonym('a', 'another salt!')).not.toBe(a)
    expect(ties.some((t) => t.respondent === a)).toBe(true)
    expect(ties.some((t) => t.target === a)).toBe(true)
    expect(ties.flatMap((t) => [t.respondent, t.target]).some((x) => ['a', 'b', 'c', 'd'].includes(x))).toBe(false)
    const order = ties.map((t) => t.respondent)
    expect(order).toEqual(order.slice().sort())
    // targets can be kept (organisations) while respondents are hidden
    const kept = exportAnswers(survey, responses, { pseudonymise: { salt, targets: false } }).ties
    expect(kept.every((t) => ['a', 'b', 'c', 'd'].includes(t.target))).toBe(true)
    expect(() => pseudonym('a', 'short')).toThrow(/salt/)
  })

  it('hashes as SHA-256 and HMAC-SHA-256 do', () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(toHex(sha256(enc('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    for (const s of ['', 'a', '社区安全', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)])
      expect(toHex(sha256(enc(s)))).toBe(createHash('sha256').update(s).digest('hex'))
    expect(toHex(hmacSha256(enc('Jefe'), enc('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
    const long = 'k'.repeat(131)
    expect(toHex(hmacSha256(enc(long), enc('msg')))).toBe(createHmac('sha256', long).update('msg').digest('hex'))
  })
})
