// Analyses in worker threads: at most one per core at a time, the rest wait their turn.

import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { AnalysisJob } from './analysisWorker.js'

/** The compiled worker (tests run the TypeScript sources, which import it from dist). */
function workerUrl(): URL {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts')
    ? new URL('../dist/analysisWorker.js', here)
    : new URL('./analysisWorker.js', here)
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
  const release = await slot()
  try {
    return await new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl(), { workerData: job })
      const timer = setTimeout(() => {
        void worker.terminate()
        reject(new Error(`the analysis took longer than ${timeoutMs / 1000} s`))
      }, timeoutMs)
      worker.on('message', (m: { type: string; result?: Record<string, unknown> }) => {
        if (m.type === 'done') {
          clearTimeout(timer)
          resolve(m.result!)
          void worker.terminate()
        }
      })
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
