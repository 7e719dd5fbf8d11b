// Analyses in worker threads: at most one per core at a time, the rest wait their turn.

import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { AnalysisJob } from './analysisWorker.js'

/** A compiled worker (tests run the TypeScript sources, which import it from dist). */
function workerUrl(name: string): URL {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts') ? new URL(`../dist/${name}.js`, here) : new URL(`./${name}.js`, here)
}

const limit = Math.max(1, availableParallelism())
let running = 0
const waiting: (() => void)[] = []

async function slot(): Promise<() => void> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  return () => {
    running--
    waiting.shift()?.()
  }
}

/** Runs an analysis job in a worker thread; rejects after `timeoutMs`. */
export async function runAnalysis(job: AnalysisJob, timeoutMs = 300_000): Promise<Record<string, unknown>> {
  return runWorker('analysisWorker', job, timeoutMs)
}

/** An error a worker reported: its name and fields survive the thread boundary (e.g. a ParseError's code and where). */
export class WorkerError extends Error {
  constructor(
    message: string,
    override readonly name: string,
    readonly fields: Record<string, unknown>,
  ) {
    super(message)
  }
}

/**
 * Runs one of the server's workers (`analysisWorker`, `diagnosisWorker`) on `data`, sharing the
 * same pool of one thread per core; resolves with what it posts as `{ type: 'done', result }`,
 * rejects with a WorkerError for what it posts as `{ type: 'error', error }`.
 */
export async function runWorker<T = Record<string, unknown>>(
  name: string,
  data: unknown,
  timeoutMs = 300_000,
): Promise<T> {
  const release = await slot()
  try {
    return await new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl(name), { workerData: data })
      const timer = setTimeout(() => {
        void worker.terminate()
        reject(new Error(`the analysis took longer than ${timeoutMs / 1000} s`))
      }, timeoutMs)
      worker.on(
        'message',
        (m: { type: string; result?: T; error?: { message: string; name: string } & Record<string, unknown> }) => {
          if (m.type === 'done') {
            clearTimeout(timer)
            resolve(m.result!)
            void worker.terminate()
          } else if (m.type === 'error') {
            clearTimeout(timer)
            reject(new WorkerError(m.error!.message, m.error!.name, m.error!))
            void worker.terminate()
          }
        },
      )
      worker.on('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
      worker.on('exit', (code) => {
        clearTimeout(timer)
        if (code !== 0) reject(new Error(`the analysis worker stopped with code ${code}`))
      })
    })
  } finally {
    release()
  }
}
