// The actors area's server state: actors, responsibilities and the designed network, with their writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ActorInput, ResponsibilityInput } from '@cosafe/core'
import { api } from '../../api/client'
import { fetchAll } from '../../api/hooks'
import type { Actor, Responsibility } from '../../api/types'

export { useAllActors, useCommunityDetail } from '../../api/hooks'

export function useResponsibilities(communityId: string) {
  return useQuery({
    queryKey: ['responsibilities', communityId],
    queryFn: () => fetchAll<Responsibility>(`/communities/${communityId}/responsibilities`),
  })
}

export interface DesignedComparison {
  used: { responsibilities: number; domains: string[] }
  comparison: {
    overlap: [string, string][]
    missing: [string, string][]
    unexpected: [string, string][]
    counts: { designed: number; observed: number; overlap: number; missing: number; unexpected: number }
    jaccard: number
  }
}

export function useDesigned(communityId: string, domains: string[]) {
  return useQuery({
    queryKey: ['designed', communityId, domains],
    queryFn: () => api.get<DesignedComparison>(`/communities/${communityId}/network/designed`, { domains }),
  })
}

/** Writes that change the network: every cached view of the community is refreshed after them. */
function useInvalidate(communityId: string) {
  const qc = useQueryClient()
  return () =>
    Promise.all(
      ['actors', 'responsibilities', 'designed', 'community', 'analysis'].map((k) =>
        qc.invalidateQueries({ queryKey: [k, communityId] }),
      ),
    )
}

export function useSaveActor(communityId: string) {
  const invalidate = useInvalidate(communityId)
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ActorInput }) =>
      id
        ? api.put<Actor>(`/communities/${communityId}/actors/${id}`, input)
        : api.post<Actor>(`/communities/${communityId}/actors`, input),
    onSuccess: invalidate,
  })
}

export function useDeleteActor(communityId: string) {
  const invalidate = useInvalidate(communityId)
  return useMutation({
    mutationFn: (id: string) => api.del(`/communities/${communityId}/actors/${id}`),
    onSuccess: invalidate,
  })
}

export function useSaveResponsibility(communityId: string) {
  const invalidate = useInvalidate(communityId)
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'create'; input: ResponsibilityInput }
        | { kind: 'update'; id: string; input: ResponsibilityInput }
        | { kind: 'delete'; id: string },
    ) =>
      change.kind === 'create'
        ? api.post(`/communities/${communityId}/responsibilities`, change.input)
        : change.kind === 'update'
          ? api.put(`/communities/${communityId}/responsibilities/${change.id}`, change.input)
          : api.del(`/communities/${communityId}/responsibilities/${change.id}`),
    onSuccess: invalidate,
  })
}
