// The dashboard's data: the measures of the community's collaboration network.
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'

export { useAllActors, useCommunityDetail } from '../../api/hooks'

export interface AnalysisResult {
  filter: { relations: string[]; activities: number; ties: number; from: string | null; to: string | null }
  network: Record<string, number>
  nodes: Record<string, Record<string, number>>
  groups?: { eiIndex?: number; modularity?: number }
}

export function useAnalysis(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['analysis', id],
    queryFn: () => api.post<AnalysisResult>(`/communities/${id}/analysis`, {}),
    enabled,
    staleTime: 5 * 60_000,
  })
}
