// Diagnoses and reports off the request thread: a community with its previous period and its peers,
// a street's communities side by side, or a researcher's network file, rendered when asked.
//
// Everything a job needs arrives as plain data (records, survey attitudes, matters), so the store
// stays on the main thread; what-if recommendations, core–periphery searches, layouts and DOCX/XLSX
// packing are the heavy parts and run here.

import { parentPort, workerData } from 'node:worker_threads'
import {
  buildCommunityReport,
  buildResearchReport,
  collaborationGraph,
  compareCommunities,
  diagnose,
  peerValues,
  previousValues,
  type CommunityReportInput,
  type Diagnosis,
  type DiagnosisInputs,
  type ReportLang,
  type SizeMeasure,
} from '@cosafe/core'
import { renderReport, type RenderedReport, type ReportFormat } from '@cosafe/report'
import { isParseError, readNetwork, type FormatName } from '@cosafe/sna'

/** The report to build from a community diagnosis: everything buildCommunityReport needs but the graph and diagnosis. */
export type CommunityReportRequest = Omit<CommunityReportInput, 'graph' | 'diagnosis'> & { format: ReportFormat }

export type DiagnosisJob =
  | {
      kind: 'diagnose'
      target: DiagnosisInputs
      /** The same community's previous period: its values become the `previous` basis. */
      previous?: DiagnosisInputs
      /** The other communities of the street in the same period: their values become the `peer` basis. */
      peers?: DiagnosisInputs[]
      report?: CommunityReportRequest
    }
  | { kind: 'compare'; list: { community: string; inputs: DiagnosisInputs }[] }
  | {
      kind: 'research'
      bytes: Uint8Array
      /** The file name (format detection and messages). */
      source: string
      format?: FormatName
      lang: ReportLang
      sizeBy?: SizeMeasure
      /** Render the research report in this format; without it only the diagnosis is returned. */
      report?: ReportFormat
      generatedAt: string
    }

export interface DiagnoseResult {
  diagnosis: Diagnosis
  /** The previous period's diagnosis (null when none was asked for). */
  previous: Diagnosis | null
  report: RenderedReport | null
}

export interface CompareResult {
  diagnoses: { community: string; diagnosis: Diagnosis }[]
  comparison: ReturnType<typeof compareCommunities>
}

export interface ResearchResult {
  /** The structural rules on the file (every rule insufficient-data when the nodes carry no sector). */
  diagnosis: Diagnosis
  nodes: number
  ties: number
  format: FormatName
  report: RenderedReport | null
}

async function run(job: DiagnosisJob): Promise<DiagnoseResult | CompareResult | ResearchResult> {
  if (job.kind === 'diagnose') {
    const previous = job.previous ? diagnose(job.previous) : null
    const peers = (job.peers ?? []).map((p) => diagnose(p))
    const diagnosis = diagnose({
      ...job.target,
      ...(previous ? { previous: previousValues(previous) } : {}),
      ...(peers.length ? { peers: peerValues(peers) } : {}),
    })
    let report: RenderedReport | null = null
    if (job.report) {
      const { format, ...input } = job.report
      const graph = collaborationGraph(job.target.records ?? { actors: [], activities: [], ties: [] }, input.period)
      report = await renderReport(buildCommunityReport({ ...input, graph, diagnosis }), format)
    }
    return { diagnosis, previous, report }
  }
  if (job.kind === 'compare') {
    // first each community alone, then each against the others (the 'peer' basis of the rulebook)
    const alone = job.list.map((c) => diagnose(c.inputs))
    const diagnoses = job.list.map((c, k) => ({
      community: c.community,
      diagnosis:
        job.list.length > 1 ? diagnose({ ...c.inputs, peers: peerValues(alone.filter((_, j) => j !== k)) }) : alone[k]!,
    }))
    return { diagnoses, comparison: compareCommunities(diagnoses) }
  }
  const { network, format } = readNetwork(job.bytes, { source: job.source, format: job.format })
  const diagnosis = diagnose({ network })
  const report = job.report
    ? await renderReport(
        buildResearchReport({
          lang: job.lang,
          title: job.source,
          graph: network,
          sizeBy: job.sizeBy,
          generatedAt: job.generatedAt,
        }),
        job.report,
      )
    : null
  return { diagnosis, nodes: network.graph.n, ties: network.graph.m, format, report }
}

run(workerData as DiagnosisJob).then(
  (result) => parentPort!.postMessage({ type: 'done', result }),
  (e: unknown) => {
    const err = e as Error & { code?: string; where?: unknown; detail?: string }
    parentPort!.postMessage({
      type: 'error',
      error: {
        name: isParseError(e) ? 'ParseError' : err instanceof RangeError ? 'RangeError' : (err?.name ?? 'Error'),
        message: err?.message ?? String(e),
        ...(isParseError(e) ? { code: err.code, where: err.where, detail: err.detail } : {}),
      },
    })
  },
)
