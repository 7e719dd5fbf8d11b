// The signed-in account and the community being worked on, for every page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { can, type Action, type Resource } from '@cosafe/core'
import { ApiError, api, setCsrfToken } from '../api/client'
import { setUnauthenticatedHandler } from '../api/query'
import type { CommunitySummary, Me } from '../api/types'

const COMMUNITY_KEY = 'cosafe.community'

interface Session {
  me: Me | null
  loading: boolean
  signIn(username: string, password: string): Promise<Me>
  signOut(): Promise<void>
  /** May the signed-in account do this (its role's grant; the server also checks the scope)? */
  may(action: Action, resource: Resource): boolean
  communities: CommunitySummary[]
  communitiesLoading: boolean
  /** The community the pages show (the account's only one, or the one picked in the header). */
  community: CommunitySummary | null
  setCommunityId(id: string): void
}

const SessionContext = createContext<Session | null>(null)

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me')
    setCsrfToken(me.csrfToken)
    return me
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null
    throw e
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient()
  const meQuery = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: Infinity })
  const me = meQuery.data ?? null
  const communitiesQuery = useQuery({
    queryKey: ['communities', me?.account.id],
    queryFn: () => api.get<{ items: CommunitySummary[] }>('/communities'),
    enabled: me !== null,
    staleTime: 5 * 60_000,
  })
  const communities = useMemo(() => communitiesQuery.data?.items ?? [], [communitiesQuery.data])
  const [communityId, setId] = useState<string | null>(() => localStorage.getItem(COMMUNITY_KEY))

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null)
      qc.setQueryData(['me'], null)
    })
  }, [qc])

  const setCommunityId = useCallback((id: string) => {
    localStorage.setItem(COMMUNITY_KEY, id)
    setId(id)
  }, [])

  const community = communities.find((c) => c.id === communityId) ?? communities[0] ?? null

  const signIn = useCallback(
    async (username: string, password: string) => {
      const r = await api.post<Omit<Me, 'roleName'> & { roleName: Me['roleName'] }>('/auth/login', {
        username,
        password,
      })
      setCsrfToken(r.csrfToken)
      const next: Me = { account: r.account, roleName: r.roleName, csrfToken: r.csrfToken }
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' })
      qc.setQueryData(['me'], next)
      return next
    },
    [qc],
  )

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout')
    } finally {
      setCsrfToken(null)
      qc.clear()
      qc.setQueryData(['me'], null)
    }
  }, [qc])

  const value: Session = {
    me,
    loading: meQuery.isPending,
    signIn,
    signOut,
    may: (action, resource) => (me ? can(me.account.role, action, resource) : false),
    communities,
    communitiesLoading: communitiesQuery.isPending && me !== null,
    community,
    setCommunityId,
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}

/** The community a page works on; pages under the app layout always have one (the layout waits for it). */
export function useCommunity(): CommunitySummary {
  const { community } = useSession()
  if (!community) throw new Error('useCommunity before the communities are loaded')
  return community
}
