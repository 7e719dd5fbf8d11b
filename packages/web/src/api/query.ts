// TanStack Query set-up: no retries on 4xx, a session that ended sends the user back to sign-in.
import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query'
import { ApiError } from './client'

let onUnauthenticated: () => void = () => {}
/** Called by the session provider: what to do when the server answers 401. */
export function setUnauthenticatedHandler(f: () => void): void {
  onUnauthenticated = f
}

const on401 = (e: unknown): void => {
  if (e instanceof ApiError && e.status === 401) onUnauthenticated()
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: on401 }),
  mutationCache: new MutationCache({ onError: on401 }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
    },
  },
})
