// A worker job as React state: started when its key changes, with progress, cancel and the error it ended with.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallOptions } from '../client'
import type { Progress } from '../protocol'

export interface WorkerTask<T> {
  data: T | undefined
  error: unknown
  progress: Progress | null
  running: boolean
  /** The last run was cancelled by the user. */
  cancelled: boolean
  cancel: () => void
  /** Runs the job again (after a cancel or an error). */
  rerun: () => void
}

/** Runs `job` whenever `key` changes (not while it is null); an older run still going is cancelled. */
export function useWorkerTask<T>(key: string | null, job: (o: CallOptions) => Promise<T>): WorkerTask<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelled, setCancelled] = useState(false)
  const [generation, setGeneration] = useState(0)
  const ctl = useRef<AbortController | null>(null)
  const jobRef = useRef(job)
  jobRef.current = job

  useEffect(() => {
    if (key === null) {
      setData(undefined)
      return
    }
    const c = new AbortController()
    ctl.current = c
    setRunning(true)
    setError(null)
    setCancelled(false)
    setProgress(null)
    jobRef
      .current({ signal: c.signal, onProgress: (p) => !c.signal.aborted && setProgress(p) })
      .then((d) => {
        if (c.signal.aborted) return
        setData(d)
        setRunning(false)
      })
      .catch((e: unknown) => {
        if (ctl.current !== c) return
        setRunning(false)
        if ((e as Error).name === 'AbortError') setCancelled(true)
        else setError(e)
      })
    return () => c.abort()
  }, [key, generation])

  const cancel = useCallback(() => ctl.current?.abort(), [])
  const rerun = useCallback(() => setGeneration((g) => g + 1), [])
  return { data, error, progress, running, cancelled, cancel, rerun }
}
