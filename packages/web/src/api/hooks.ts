// Queries several areas share: the community with its grids and counts, all its actors and activities.
import { useQuery } from '@tanstack/react-query'
import { api } from './client'
import type { Activity, Actor, CommunityDetail, Page } from './types'

export function useCommunityDetail(id: string) {
  return useQuery({ queryKey: ['community', id], queryFn: () => api.get<CommunityDetail>(`/communities/${id}`) })
}

/** Every record of a list endpoint, page by page (the API gives at most 1000 at a time). */
export async function fetchAll<T>(path: string): Promise<Page<T>> {
  const limit = 1000
  const first = await api.get<Page<T>>(path, { limit, offset: 0 })
  const items = [...first.items]
  while (items.length < first.total) {
    const next = await api.get<Page<T>>(path, { limit, offset: items.length })
    if (next.items.length === 0) break
    items.push(...next.items)
  }
  return { items, total: first.total, limit: items.length, offset: 0 }
}

/** Every actor of the community. */
export function useAllActors(id: string, enabled = true) {
  return useQuery({
    queryKey: ['actors', id],
    queryFn: () => fetchAll<Actor>(`/communities/${id}/actors`),
    enabled,
  })
}

/** Every activity of the community, newest first. */
export function useActivities(id: string, enabled = true) {
  return useQuery({
    queryKey: ['activities', id],
    queryFn: async () => {
      const all = await fetchAll<Activity>(`/communities/${id}/activities`)
      return { ...all, items: all.items.sort((a, b) => Date.parse(b.start) - Date.parse(a.start)) }
    },
    enabled,
  })
}
