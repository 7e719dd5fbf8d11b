// Reports: 报告 — the report model and its builders (rendered by @cosafe/report).

export * from './model.js'
export {
  buildCommunityReport,
  buildResearchReport,
  collaborationGraph,
  SIZE_MEASURES,
  type CommunityReportInput,
  type ResearchReportInput,
  type SizeMeasure,
} from './build.js'
