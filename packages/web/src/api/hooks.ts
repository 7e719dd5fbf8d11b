// Queries several areas share: the community with its grids and counts, and all its actors.
import { useQuery } from '@tanstack/react-query'
import { api } from './client'
import type { Actor, CommunityDetail, Page } from './types'

export function useCommunityDetail(id: string) {
  return useQuery({ queryKey: ['community', id], queryFn: () => api.get<CommunityDetail>(`/communities/${id}`) })
}

/** Every actor of the community (the registry is small: at most a few hundred). */
export function useAllActors(id: string, enabled = true) {
  return useQuery({
    queryKey: ['actors', id],
    queryFn: () => api.get<Page<Actor>>(`/communities/${id}/actors`, { limit: 1000 }),
    enabled,
  })
}
