// Actors and responsibilities: the registry, the duty matrix (domain × actor) and the designed network.
import { Spin, Tabs } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useCommunity } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { ActorRegistry } from './ActorRegistry'
import { DesignedNetwork } from './DesignedNetwork'
import { ResponsibilityMatrix } from './ResponsibilityMatrix'
import { useCommunityDetail } from './api'

const TABS = ['registry', 'matrix', 'designed'] as const
type Tab = (typeof TABS)[number]

export default function ActorsPage() {
  const { t } = useTranslation('actors')
  const community = useCommunity()
  const detail = useCommunityDetail(community.id)
  const [params, setParams] = useSearchParams()
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'registry'

  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {detail.isPending ? (
        <Spin />
      ) : detail.error ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'registry' ? {} : { tab: k }, { replace: true })}
          items={[
            {
              key: 'registry',
              label: t('tabs.registry'),
              children: <ActorRegistry communityId={community.id} detail={detail.data} />,
            },
            { key: 'matrix', label: t('tabs.matrix'), children: <ResponsibilityMatrix communityId={community.id} /> },
            { key: 'designed', label: t('tabs.designed'), children: <DesignedNetwork communityId={community.id} /> },
          ]}
        />
      )}
    </>
  )
}
