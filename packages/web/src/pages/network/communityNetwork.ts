// The community's network from the server (cosafe JSON, filtered), loaded into the browser's analysis worker.
import { useCallback, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, RELATION_TYPES, SECTORS, type ActorType, type RelationType, type Sector } from '@cosafe/core'
import { api } from '../../api/client'
import { useAllActors } from '../../api/hooks'
import { analysisClient } from '../../analysis/client'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import { useActorName, useTerm } from '../../i18n/vocabulary'

export interface NetworkFilterState {
  relations?: string[]
  domains?: string[]
  from?: string
  to?: string
}

/** The filter as the server's query (lists joined by commas). */
export function filterQuery(f: NetworkFilterState): Record<string, string | undefined> {
  return {
    relations: f.relations && f.relations.length > 0 ? f.relations.join(',') : undefined,
    domains: f.domains && f.domains.length > 0 ? f.domains.join(',') : undefined,
    from: f.from,
    to: f.to,
  }
}

export function useNetworkDocument(communityId: string, filter: NetworkFilterState) {
  return useQuery({
    queryKey: ['network', communityId, filterQuery(filter)],
    queryFn: ({ signal }) =>
      api.get<Record<string, unknown>>(`/communities/${communityId}/network`, filterQuery(filter), signal),
  })
}

/** The network document loaded into the worker under a key of the community and filter. */
export function useLoadedNetwork(communityId: string, filter: NetworkFilterState) {
  const doc = useNetworkDocument(communityId, filter)
  const key = doc.data ? `community:${communityId}:${JSON.stringify(filterQuery(filter))}:${doc.dataUpdatedAt}` : null
  const load = useWorkerTask(key, (o) =>
    analysisClient().load(key!, { kind: 'json', document: doc.data, name: communityId }, o),
  )
  const data = load.data && load.data.key === key ? load.data : undefined
  return { doc, load, data }
}

/** Actor names in the page's language, sector and type words, relation words. */
export function useActorWords(communityId: string) {
  const actors = useAllActors(communityId)
  const actorName = useActorName()
  const term = useTerm()
  const { i18n } = useTranslation()
  const byId = useMemo(() => new Map((actors.data?.items ?? []).map((a) => [a.id, a])), [actors.data])
  // stable while the names and the language stay the same (tables memoise on it)
  const name = useCallback(
    (id: string, fallback?: string) => actorName(byId.get(id), fallback ?? id),
    [byId, i18n.language],
  )
  const sector = (code: string) => term(SECTORS[code as Sector], code)
  const actorType = (code: string) => term(ACTOR_TYPES[code as ActorType], code)
  const relation = (code: string) => term(RELATION_TYPES[code as RelationType], code)
  return { byId, name, sector, actorType, relation, loading: actors.isPending }
}
