// A typed promise API around the analysis worker, with progress and cancellation.
//
// Every request is one promise. Cancelling one (its AbortSignal) ends the worker at once, even
// in the middle of a sweep, and starts a fresh one; the networks it held are loaded again from
// the sources kept here, and the other requests still waiting are sent again, so only the
// cancelled request fails (with an AbortError).

import type { NetworkSource, Progress, Reply, Request, Results, WorkerError } from './protocol.js'

/** A failure the worker reported: a reader's error keeps its code and location. */
export class AnalysisError extends Error {
  readonly kind: WorkerError['kind']
  readonly code: WorkerError['code']
  readonly where: WorkerError['where']
  readonly detail: string | undefined

  constructor(e: WorkerError) {
    super(e.message)
    this.name = 'AnalysisError'
    this.kind = e.kind
    this.code = e.code
    this.where = e.where
    this.detail = e.detail
  }
}

export interface CallOptions {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

/** Something that behaves as a Worker (a real one in the browser; a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  onmessage: ((e: MessageEvent<Reply>) => void) | null
  onerror: ((e: ErrorEvent) => void) | null
}

interface Pending {
  request: Request
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
  onProgress?: (p: Progress) => void
  /** Sent to the current worker. */
  sent: boolean
  /** A load sent on behalf of another request (sent again with it after a restart). */
  internal?: boolean
}

const abortError = (): Error => new DOMException('the analysis was cancelled', 'AbortError')

export function defaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
}

export class AnalysisClient {
  #worker: WorkerLike | null = null
  #nextId = 1
  readonly #pending = new Map<number, Pending>()
  /** Sources of the networks loaded, to load them again in a new worker. */
  readonly #sources = new Map<string, NetworkSource>()
  /** Keys loaded in the current worker. */
  #loaded = new Set<string>()
  readonly #factory: () => WorkerLike

  constructor(factory: () => WorkerLike = defaultWorker) {
    this.#factory = factory
  }

  /** Reads a network into the worker under a key (replacing what the key held). */
  load(key: string, source: NetworkSource, opts: CallOptions = {}): Promise<Results['load']> {
    this.#sources.set(key, source)
    this.#loaded.delete(key)
    return this.#call({ kind: 'load', key, source }, opts).then((r) => {
      this.#loaded.add(key)
      return r as Results['load']
    })
  }

  /** Has this key's network been loaded (in this or a previous worker)? */
  holds(key: string): boolean {
    return this.#sources.has(key)
  }

  analyse(req: Omit<Extract<Request, { kind: 'analyse' }>, 'kind'>, opts: CallOptions = {}) {
    return this.#call({ kind: 'analyse', ...req }, opts) as Promise<Results['analyse']>
  }

  structure(req: Omit<Extract<Request, { kind: 'structure' }>, 'kind'>, opts: CallOptions = {}) {
    return this.#call({ kind: 'structure', ...req }, opts) as Promise<Results['structure']>
  }

  whatIf(req: Omit<Extract<Request, { kind: 'whatIf' }>, 'kind'>, opts: CallOptions = {}) {
    return this.#call({ kind: 'whatIf', ...req }, opts) as Promise<Results['whatIf']>
  }

  /** Forgets a network (here and in the worker). */
  unload(key: string): void {
    this.#sources.delete(key)
    if (this.#loaded.delete(key)) void this.#call({ kind: 'unload', key }, {}).catch(() => {})
  }

  /** Ends the worker and fails every request waiting. */
  dispose(): void {
    this.#worker?.terminate()
    this.#worker = null
    this.#loaded.clear()
    this.#sources.clear()
    for (const p of this.#pending.values()) p.reject(abortError())
    this.#pending.clear()
  }

  #call(request: Request, opts: CallOptions): Promise<unknown> {
    if (opts.signal?.aborted) return Promise.reject(abortError())
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const p: Pending = { request, resolve, reject, onProgress: opts.onProgress, sent: false }
      this.#pending.set(id, p)
      opts.signal?.addEventListener(
        'abort',
        () => {
          if (!this.#pending.has(id)) return
          this.#pending.delete(id)
          reject(abortError())
          if (p.sent) this.#restart()
        },
        { once: true },
      )
      this.#send(id, p)
    })
  }

  #ensureWorker(): WorkerLike {
    if (this.#worker) return this.#worker
    const w = this.#factory()
    w.onmessage = (e) => this.#receive(e.data)
    w.onerror = (e) => {
      e.preventDefault?.()
      const err = new AnalysisError({ kind: 'internal', message: e.message || 'the analysis worker failed' })
      for (const p of this.#pending.values()) p.reject(err)
      this.#pending.clear()
      this.#worker?.terminate()
      this.#worker = null
      this.#loaded.clear()
    }
    this.#worker = w
    return w
  }

  #send(id: number, p: Pending): void {
    const w = this.#ensureWorker()
    const key = p.request.kind === 'load' ? null : p.request.key
    // a network the new worker does not hold yet: load it first (requests are answered in order)
    if (key !== null && !this.#loaded.has(key) && this.#sources.has(key) && p.request.kind !== 'unload') {
      this.#loaded.add(key)
      const loadId = this.#nextId++
      const source = this.#sources.get(key)!
      this.#pending.set(loadId, {
        request: { kind: 'load', key, source },
        resolve: () => {},
        reject: () => this.#loaded.delete(key),
        sent: true,
        internal: true,
      })
      w.postMessage({ id: loadId, request: { kind: 'load', key, source } })
    }
    if (p.request.kind === 'load') this.#loaded.add(p.request.key)
    p.sent = true
    w.postMessage({ id, request: p.request })
  }

  #restart(): void {
    this.#worker?.terminate()
    this.#worker = null
    this.#loaded.clear()
    for (const [id, p] of [...this.#pending]) {
      // loads sent on behalf of a request are sent again with it
      if (p.internal) this.#pending.delete(id)
      else p.sent = false
    }
    for (const [id, p] of [...this.#pending]) this.#send(id, p)
  }

  #receive(m: Reply): void {
    const p = this.#pending.get(m.id)
    if (!p) return
    if (m.type === 'progress') {
      p.onProgress?.(m.progress)
      return
    }
    this.#pending.delete(m.id)
    if (m.type === 'done') p.resolve(m.result)
    else p.reject(new AnalysisError(m.error))
  }
}

let shared: AnalysisClient | null = null
/** The page's one analysis worker client. */
export function analysisClient(): AnalysisClient {
  return (shared ??= new AnalysisClient())
}
