// A survey aggregate as the diagnosis input: attitudes for CON-5 and PAR-8, its network for the structural rules.

import { describe, expect, it } from 'vitest'
import { aggregateSurvey, type SurveyAnswerSet, type SurveyDesign } from '../aggregate.js'
import { diagnose } from './evaluate.js'

const survey: SurveyDesign = {
  relations: ['INFO', 'JOINT_ACTION'],
  scale: { min: 0, max: 4 },
  rosterIds: ['rc', 'ps', 'pc', 'oc'],
  attitudes: true,
}
const actors = [
  { id: 'rc', name: '居委会', type: 'residents_committee', sector: 'Q' },
  { id: 'ps', name: '派出所', type: 'police_station', sector: 'G' },
  { id: 'pc', name: '物业', type: 'property_company', sector: 'M' },
  { id: 'oc', name: '业委会', type: 'owners_committee', sector: 'O' },
] as const
const answer = (
  id: string,
  info: Record<string, number>,
  joint: Record<string, number>,
  coResponsibility: number,
  senseOfSafety: number,
): SurveyAnswerSet => ({
  respondentId: id,
  status: 'submitted',
  answers: { ties: { INFO: info, JOINT_ACTION: joint }, attitudes: { coResponsibility, senseOfSafety } },
})
const responses = [
  answer('rc', { ps: 3, pc: 2, oc: 1 }, { ps: 2 }, 4, 4),
  answer('ps', { rc: 3 }, { rc: 2 }, 5, 5),
  answer('pc', { rc: 2 }, {}, 2, 3),
  answer('oc', { rc: 1 }, {}, 1, 4),
]

describe('a survey as diagnosis input', () => {
  const agg = aggregateSurvey(survey, responses, { rule: 'max', actors })
  const d = diagnose({ survey: agg, network: agg.network })
  const get = (id: string) => d.findings.find((f) => f.rule === id)!

  it('reads attitudes by sector (CON-5) and the sense of safety (PAR-8)', () => {
    // non-government respondents rc, pc, oc: pc and oc reject co-responsibility
    expect(get('CON-5').value).toBeCloseTo(2 / 3)
    expect(get('CON-5').status).toBe('fired')
    // 3 of 4 feel safe
    expect(get('PAR-8').value).toBeCloseTo(0.75)
    expect(get('PAR-8').status).toBe('fired')
    expect(get('PAR-8').evidence.values.responseRate).toBe(1)
  })

  it('runs the structural rules on the survey network, types from its node attributes', () => {
    expect(get('STR-3').status).toBe('fired')
    expect(get('STR-3').evidence.actors[0]!.id).toBe('rc')
    expect(get('STR-9').status).not.toBe('insufficient-data')
    expect(get('PAR-2').evidence.actors.map((a) => a.id)).toEqual(['ps', 'pc', 'oc'])
  })
})
