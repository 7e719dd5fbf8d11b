// The activities area's server state: the community's activities and their writes.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ActivityInput } from '@cosafe/core'
import { api } from '../../api/client'
import type { Activity } from '../../api/types'

export { useActivities, useAllActors, useCommunityDetail } from '../../api/hooks'

export function useSaveActivity(communityId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ActivityInput }) =>
      id
        ? api.put<Activity>(`/communities/${communityId}/activities/${id}`, input)
        : api.post<Activity>(`/communities/${communityId}/activities`, input),
    onSuccess: () =>
      Promise.all(
        ['activities', 'community', 'analysis', 'designed'].map((k) =>
          qc.invalidateQueries({ queryKey: [k, communityId] }),
        ),
      ),
  })
}

export function useDeleteActivity(communityId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.del(`/communities/${communityId}/activities/${id}`),
    onSuccess: () =>
      Promise.all(
        ['activities', 'community', 'analysis', 'designed'].map((k) =>
          qc.invalidateQueries({ queryKey: [k, communityId] }),
        ),
      ),
  })
}

/** An activity as its input (to replace it with a change). */
export function asInput(a: Activity): ActivityInput {
  const { id: _i, communityId: _c, createdAt: _a, updatedAt: _u, ...input } = a
  return input
}
