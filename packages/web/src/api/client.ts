// A small typed client of the cosafe API: cookies for the session, the CSRF token on writes, errors as ApiError.

/** One problem with a request, as the server names it: `body.contact.phone`, `query.from`… */
export interface ApiIssue {
  field: string
  reason: string
  line?: number
}

/** The server's error answer `{error: {status, code, message, issues}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

let csrfToken: string | null = null

/** Remembers the token returned at sign-in (and by /api/auth/me); sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

let language: string | null = null

/** The UI language, sent as Accept-Language so that the server's error texts come in it. */
export function setRequestLanguage(lang: string | null): void {
  language = lang
}

/** Headers every call sends: JSON answers, the UI language. */
function baseHeaders(): Record<string, string> {
  return language ? { accept: 'application/json', 'accept-language': language } : { accept: 'application/json' }
}

function csrfFromCookie(): string | null {
  const m = /(?:^|;\s*)cosafe_csrf=([^;]+)/.exec(typeof document === 'undefined' ? '' : document.cookie)
  return m ? decodeURIComponent(m[1]!) : null
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  query?: Record<string, string | number | boolean | readonly string[] | null | undefined>
  body?: unknown
  signal?: AbortSignal
}

/** `/api/x` with the query's defined values; arrays join with commas (relations=INFO,CONSULT). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue
    const text = Array.isArray(v) ? v.join(',') : String(v)
    if (text !== '') params.set(k, text)
  }
  const qs = params.toString()
  return `/api${path}${qs ? `?${qs}` : ''}`
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const j = (await res.json()) as {
      error?: { status?: number; code?: string; message?: string; issues?: ApiIssue[] }
    }
    if (j.error)
      return new ApiError(
        j.error.status ?? res.status,
        j.error.code ?? 'HTTP',
        j.error.message ?? res.statusText,
        j.error.issues ?? [],
      )
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, 'HTTP', res.statusText || `HTTP ${res.status}`)
}

/** Calls the API; resolves with the JSON answer (undefined for 204), rejects with ApiError. */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers = baseHeaders()
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') {
    const token = csrfToken ?? csrfFromCookie()
    if (token) headers['x-csrf-token'] = token
  }
  let res: Response
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      credentials: 'include',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError(0, 'NETWORK', (e as Error).message)
  }
  if (!res.ok) throw await toError(res)
  if (res.status === 204) return undefined as T
  const type = res.headers.get('content-type') ?? ''
  return (type.includes('json') ? await res.json() : await res.text()) as T
}

/** Sends a file as the request body (CSV or XLSX imports), with the CSRF token; JSON answer as `request`. */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const token = csrfToken ?? csrfFromCookie()
  let res: Response
  try {
    res = await fetch(apiUrl(path), {
      method: 'POST',
      credentials: 'include',
      headers: { ...baseHeaders(), 'content-type': contentType, ...(token ? { 'x-csrf-token': token } : {}) },
      body: file,
    })
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message)
  }
  if (!res.ok) throw await toError(res)
  return (await res.json()) as T
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
}

/**
 * The server's field issues as form field paths: `body.contact.phone` → ['contact', 'phone'],
 * `body.invitedIds.2` → ['invitedIds', 2]. Issues of the whole request come back under `[]`.
 */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return []
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>()
  for (const issue of error.issues) {
    const parts = issue.field.split('.').filter((p) => p !== '' && p !== '(root)')
    if (parts[0] === 'body') parts.shift()
    const name = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    const key = JSON.stringify(name)
    const entry = byField.get(key) ?? { name, errors: [] }
    entry.errors.push(issue.reason)
    byField.set(key, entry)
  }
  return [...byField.values()]
}
