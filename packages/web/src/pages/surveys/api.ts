// The surveys area's server state: surveys with their response tracking, and the staff's actions on them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SurveyInput, Survey, ResponseStatus } from '@cosafe/core'
import { api } from '../../api/client'

export { useAllActors } from '../../api/hooks'

export interface SurveyWithProgress extends Survey {
  progress: { respondents: number; submitted: number; inProgress: number; responseRate: number }
  responses: {
    respondentId: string
    status: ResponseStatus
    updatedAt: string | null
    submittedAt: string | null
    remindedAt: string | null
    reminders: number
  }[]
}

export interface Link {
  respondentId: string
  link: string
}

export function useSurveys(communityId: string) {
  return useQuery({
    queryKey: ['surveys', communityId],
    queryFn: () => api.get<{ items: SurveyWithProgress[] }>(`/communities/${communityId}/surveys`),
  })
}

export function useSurvey(communityId: string, id: string) {
  return useQuery({
    queryKey: ['surveys', communityId, id],
    queryFn: () => api.get<SurveyWithProgress>(`/communities/${communityId}/surveys/${id}`),
  })
}

function useRefresh(communityId: string) {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: ['surveys', communityId] })
}

export function useCreateSurvey(communityId: string) {
  const refresh = useRefresh(communityId)
  return useMutation({
    mutationFn: (input: SurveyInput) =>
      api.post<{ survey: SurveyWithProgress; links: Link[] }>(`/communities/${communityId}/surveys`, input),
    onSuccess: refresh,
  })
}

export type SurveyAction = 'open' | 'close' | 'reopen'

export function useSurveyActions(communityId: string, id: string) {
  const refresh = useRefresh(communityId)
  const base = `/communities/${communityId}/surveys/${id}`
  return {
    transition: useMutation({
      mutationFn: (action: SurveyAction) => api.post<SurveyWithProgress>(`${base}/${action}`),
      onSuccess: refresh,
    }),
    remind: useMutation({
      mutationFn: (respondentIds?: string[]) =>
        api.post<{ reminded: string[] }>(`${base}/remind`, respondentIds ? { respondentIds } : {}),
      onSuccess: refresh,
    }),
    newLink: useMutation({
      mutationFn: (respondentId: string) => api.post<{ links: Link[] }>(`${base}/links/${respondentId}`),
      onSuccess: refresh,
    }),
    wave: useMutation({
      mutationFn: () => api.post<{ survey: SurveyWithProgress; links: Link[] }>(`${base}/wave`, {}),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: () => api.del(base), onSuccess: refresh }),
  }
}
