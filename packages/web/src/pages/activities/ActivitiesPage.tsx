// Activities: the list, the calendar, and the action items they gave rise to; quick entry from anywhere.
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { Button, Drawer, Space, Spin, Tabs } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../../api/types'
import { useCommunity, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ImportButton } from '../../components/ImportDialog'
import { PageHeader } from '../../components/PageHeader'
import { ActionItems } from './ActionItems'
import { ActivityCalendar } from './ActivityCalendar'
import { ActivityDetail } from './ActivityDetail'
import { ActivityForm } from './ActivityForm'
import { ActivityList } from './ActivityList'
import { useActivities, useAllActors, useCommunityDetail } from './api'

const TABS = ['list', 'calendar', 'items'] as const
type Tab = (typeof TABS)[number]

export type Open =
  { mode: 'new'; day?: Dayjs } | { mode: 'edit'; activity: Activity } | { mode: 'view'; activity: Activity }

export default function ActivitiesPage() {
  const { t } = useTranslation('activities')
  const community = useCommunity()
  const { may } = useSession()
  const detail = useCommunityDetail(community.id)
  const actors = useAllActors(community.id)
  const activities = useActivities(community.id)
  const [params, setParams] = useSearchParams()
  const [open, setOpen] = useState<Open | null>(null)
  const canWrite = may('write', 'activity')
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'list'
  const actorsById = useMemo(() => new Map((actors.data?.items ?? []).map((a) => [a.id, a])), [actors.data])

  const error = detail.error ?? actors.error ?? activities.error
  const loading = detail.isPending || actors.isPending || activities.isPending
  const items = activities.data?.items ?? []

  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <Space>
            {may('write', 'import') && <ImportButton communityId={community.id} kind="activities" />}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ mode: 'new' })} id="add-activity">
                {t('add')}
              </Button>
            )}
          </Space>
        }
      />
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => void Promise.all([detail.refetch(), actors.refetch(), activities.refetch()])}
        />
      ) : loading ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'list' ? {} : { tab: k }, { replace: true })}
          items={[
            {
              key: 'list',
              label: t('tabs.list'),
              children: (
                <ActivityList
                  activities={items}
                  actors={actorsById}
                  canWrite={canWrite}
                  onOpen={(a) => setOpen({ mode: 'view', activity: a })}
                  onAdd={() => setOpen({ mode: 'new' })}
                />
              ),
            },
            {
              key: 'calendar',
              label: t('tabs.calendar'),
              children: (
                <ActivityCalendar
                  activities={items}
                  canWrite={canWrite}
                  onOpen={(a) => setOpen({ mode: 'view', activity: a })}
                  onAdd={(day) => setOpen({ mode: 'new', day })}
                />
              ),
            },
            {
              key: 'items',
              label: t('tabs.items'),
              children: (
                <ActionItems
                  communityId={community.id}
                  activities={items}
                  actors={actorsById}
                  canWrite={canWrite}
                  onOpen={(a) => setOpen({ mode: 'view', activity: a })}
                />
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={760}
        destroyOnHidden
        title={
          open?.mode === 'new' ? t('add') : open?.mode === 'edit' ? t('editTitle') : open ? open.activity.title : ''
        }
        extra={
          open?.mode === 'view' && canWrite ? (
            <Button onClick={() => setOpen({ mode: 'edit', activity: open.activity })}>{t('edit')}</Button>
          ) : undefined
        }
      >
        {open?.mode === 'view' && detail.data && (
          <ActivityDetail
            communityId={community.id}
            activity={open.activity}
            actors={actorsById}
            detail={detail.data}
            canWrite={canWrite}
            onDeleted={() => setOpen(null)}
          />
        )}
        {open && open.mode !== 'view' && detail.data && (
          <ActivityForm
            communityId={community.id}
            detail={detail.data}
            actors={actors.data?.items ?? []}
            activity={open.mode === 'edit' ? open.activity : undefined}
            day={open.mode === 'new' ? open.day : undefined}
            onDone={(saved) => setOpen({ mode: 'view', activity: saved })}
          />
        )}
      </Drawer>
    </>
  )
}
