// The diagnosis engine: the rulebook as data, its evaluation, the recommendations and the comparisons.

export * from './rulebook.js'
export {
  DEFAULT_CORE_TYPES,
  DEFAULT_EXPECTED_TYPES,
  sectorCode,
  undirectedUnion,
  type ActorRef,
  type DiagnosisInputs,
  type Matters,
} from './context.js'
export {
  diagnose,
  percentileRank,
  type CheckResult,
  type Diagnosis,
  type Evidence,
  type Finding,
  type FindingStatus,
  type TieRef,
} from './evaluate.js'
export { predict, type MeasureChange, type Recommendation, type WhatIfPrediction } from './recommend.js'
export * from './compare.js'
export * from './summary.js'
