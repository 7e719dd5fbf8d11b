// The dashboard's data: the community's counts and the measures of its collaboration network.
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { Actor, CommunityDetail, Page } from '../../api/types'

export interface AnalysisResult {
  filter: { relations: string[]; activities: number; ties: number; from: string | null; to: string | null }
  network: Record<string, number>
  nodes: Record<string, Record<string, number>>
  groups?: { eiIndex?: number; modularity?: number }
}

export function useCommunityDetail(id: string) {
  return useQuery({ queryKey: ['community', id], queryFn: () => api.get<CommunityDetail>(`/communities/${id}`) })
}

export function useAnalysis(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['analysis', id],
    queryFn: () => api.post<AnalysisResult>(`/communities/${id}/analysis`, {}),
    enabled,
    staleTime: 5 * 60_000,
  })
}

export function useAllActors(id: string, enabled = true) {
  return useQuery({
    queryKey: ['actors', id],
    queryFn: () => api.get<Page<Actor>>(`/communities/${id}/actors`, { limit: 1000 }),
    enabled,
  })
}
