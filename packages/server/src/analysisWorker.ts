// Runs the engine off the request thread: reads a network in cosafe JSON and returns its measures.

import { parentPort, workerData } from 'node:worker_threads'
import { analysisToJson, analyze, analyzeGroups, readJson } from '@cosafe/sna'

export interface AnalysisJob {
  network: string
  measures?: string[]
  /** Node attribute that groups the actors (E-I, modularity, brokerage). */
  attribute?: string
  /** Which relation to analyse (default: the first). */
  relation?: string
}

const job = workerData as AnalysisJob
const { network } = readJson(job.network)
const g = (job.relation !== undefined ? network.findRelation(job.relation) : undefined) ?? network.graph
const a = analyze(g, {
  measures: job.measures,
  onProgress: (label, done, total) => parentPort!.postMessage({ type: 'progress', label, done, total }),
})
const json = analysisToJson(g, a)
const groups =
  job.measures === undefined
    ? analyzeGroups(g, { attribute: job.attribute ? network.nodes.attribute(job.attribute) : undefined })
    : undefined
parentPort!.postMessage({ type: 'done', result: { ...json, ...(groups ? { groups } : {}) } })
