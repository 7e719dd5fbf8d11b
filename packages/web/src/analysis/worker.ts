// The analysis worker: runs @cosafe/sna off the page's thread. Requests arrive one at a time
// (the page cancels a long one by ending the worker and starting another).

import { Engine, throttle, toWorkerError, transferables } from './engine.js'
import type { Reply, Request } from './protocol.js'

const engine = new Engine()
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: Request }>) => void) | null
  postMessage: (m: Reply, transfer?: Transferable[]) => void
}

scope.onmessage = (e) => {
  const { id, request } = e.data
  const progress = throttle((p) => scope.postMessage({ id, type: 'progress', progress: p }))
  try {
    const result = engine.run(request as never, progress)
    scope.postMessage({ id, type: 'done', result }, transferables(result))
  } catch (err) {
    scope.postMessage({ id, type: 'error', error: toWorkerError(err) })
  }
}
