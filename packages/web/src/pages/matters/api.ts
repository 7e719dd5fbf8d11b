// The matters area's server state: the board, one matter with its events, steps, the inbox,
// the supervisor's overdue lists and the KPIs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { KpiReport, Matter, MatterEvent, MatterStep } from '@cosafe/core'
import { api, request } from '../../api/client'

export { useAllActors } from '../../api/hooks'

export interface Deadline {
  dueAt: string
  limitHours: number
  hoursLeft: number
  overdue: boolean
  stopped: boolean
  level: string | null
}
export type BoardMatter = Matter & { deadline: Deadline; open: boolean }
export type MatterDetail = BoardMatter & { events: MatterEvent[] }
export interface Notice {
  id: string
  matterId: string | null
  kind: string
  text: { zh: string; en: string }
  createdAt: string
  readAt: string | null
}

/** What the board shows: matters of one category and urgency, or overdue ones only. */
export interface BoardFilter {
  category?: string
  urgency?: string
  overdue?: boolean
}

/** One column of the board: the newest `limit` matters in a state (the server pages; `total` counts them all). */
export function useMatterColumn(communityId: string, state: string, filter: BoardFilter, limit: number) {
  return useQuery({
    queryKey: ['matters', communityId, 'column', state, filter, limit],
    queryFn: () =>
      api.get<{ items: BoardMatter[]; total: number }>(`/communities/${communityId}/matters`, {
        state,
        limit,
        category: filter.category,
        urgency: filter.urgency,
        overdue: filter.overdue ? 'true' : undefined,
      }),
    placeholderData: (previous) => previous,
  })
}

export function useMatter(communityId: string, id: string | null) {
  return useQuery({
    queryKey: ['matters', communityId, 'one', id],
    queryFn: () => api.get<MatterDetail>(`/communities/${communityId}/matters/${id}`),
    enabled: id !== null,
  })
}

export function useStep(communityId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MatterStep & { version: number; actorId?: string } }) =>
      api.post<BoardMatter>(`/communities/${communityId}/matters/${id}/steps`, body),
    onSuccess: () =>
      Promise.all(
        ['matters', 'inbox', 'overdue', 'kpis'].map((k) => qc.invalidateQueries({ queryKey: [k, communityId] })),
      ),
  })
}

export function useInbox(communityId: string, actorId: string | null, own: boolean) {
  return useQuery({
    queryKey: ['inbox', communityId, actorId],
    queryFn: () =>
      api.get<{ actorId: string; items: Notice[]; total: number; unread: number }>(
        `/communities/${communityId}/inbox`,
        own ? { limit: 100 } : { limit: 100, actorId: actorId ?? '' },
      ),
    enabled: own || actorId !== null,
  })
}

export function useMarkRead(communityId: string, actorId: string | null, own: boolean) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      request('POST', `/communities/${communityId}/inbox/${id}/read`, {
        body: {},
        query: own ? {} : { actorId: actorId ?? '' },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inbox', communityId] }),
  })
}

export function useOverdue(communityId: string) {
  return useQuery({
    queryKey: ['overdue', communityId],
    queryFn: () => api.get<{ at: string; items: BoardMatter[] }>(`/communities/${communityId}/matters/overdue`),
  })
}

export interface TerritoryOverdue {
  at: string
  communities: {
    community: { id: string; nameZh: string; nameEn: string | null }
    open: number
    overdue: number
    items: BoardMatter[]
  }[]
}

export function useTerritoryOverdue(territoryId: string | null) {
  return useQuery({
    queryKey: ['overdue', 'territory', territoryId],
    queryFn: () => api.get<TerritoryOverdue>(`/territories/${territoryId}/matters/overdue`),
    enabled: territoryId !== null,
  })
}

export function useKpis(communityId: string) {
  return useQuery({
    queryKey: ['kpis', communityId],
    queryFn: () => api.get<KpiReport>(`/communities/${communityId}/matters/kpis`),
  })
}
