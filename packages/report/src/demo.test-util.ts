// The demo community's report models for the renderer tests (both languages, built once).

import {
  buildCommunityReport,
  collaborationGraph,
  DEMO_PERIOD,
  demoCommunity,
  diagnose,
  type Activity,
  type Actor,
  type Diagnosis,
  type ReportLang,
  type ReportModel,
  type Tie,
} from '@cosafe/core'

const c = demoCommunity().communities[0]!
const own = { communityId: c.id, createdAt: '', updatedAt: '' }
const records = {
  actors: c.actors.map((a) => ({ ...a, ...own })) as Actor[],
  activities: c.activities.map((a) => ({ ...a, ...own })) as Activity[],
  ties: c.ties.map((a) => ({ ...a, ...own })) as Tie[],
  responsibilities: c.responsibilities,
}
const period = { ...DEMO_PERIOD }
export const demoDiagnosis: Diagnosis = diagnose({ records, period })
const graph = collaborationGraph(records, period)

const cache = new Map<ReportLang, ReportModel>()

export function demoReport(lang: ReportLang): ReportModel {
  let m = cache.get(lang)
  if (!m)
    cache.set(
      lang,
      (m = buildCommunityReport({
        lang,
        community: { id: c.id, name: 'C 社区', nameEn: 'C Community' },
        period,
        graph,
        diagnosis: demoDiagnosis,
        method: { dataSources: [{ zh: '活动记录与直接记录的关系', en: 'activity records and recorded ties' }] },
        generatedAt: '2026-11-28T12:00:00.000Z',
        actors: c.actors,
      })),
    )
  return m
}
