// Every action item the activities gave rise to: who owns it, when it is due, and its status (changed in place).
import { useMemo, useState } from 'react'
import { App, Empty, Segmented, Select, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ActionItem } from '@cosafe/core'
import type { Activity, Actor } from '../../api/types'
import { LinkButton } from '../../components/LinkButton'
import { useActorName } from '../../i18n/vocabulary'
import { STATUS_COLOURS } from './ActivityDetail'
import { asInput, useSaveActivity } from './api'

interface Row {
  key: string
  activity: Activity
  index: number
  item: ActionItem
  overdue: boolean
}

type Show = 'open' | 'overdue' | 'all'

export function ActionItems({
  communityId,
  activities,
  actors,
  canWrite,
  onOpen,
}: {
  communityId: string
  activities: Activity[]
  actors: Map<string, Actor>
  canWrite: boolean
  onOpen: (a: Activity) => void
}) {
  const { t } = useTranslation('activities')
  const actorName = useActorName()
  const { message } = App.useApp()
  const save = useSaveActivity(communityId)
  const [show, setShow] = useState<Show>('open')
  const today = dayjs().format('YYYY-MM-DD')

  const all = useMemo<Row[]>(
    () =>
      activities.flatMap((activity) =>
        activity.actionItems.map((item, index) => ({
          key: `${activity.id}#${index}`,
          activity,
          index,
          item,
          overdue: item.status === 'open' && item.due < today,
        })),
      ),
    [activities, today],
  )
  const rows = all
    .filter((r) => show === 'all' || (show === 'open' ? r.item.status === 'open' : r.overdue))
    .sort((a, b) => a.item.due.localeCompare(b.item.due))
  const counts = {
    open: all.filter((r) => r.item.status === 'open').length,
    overdue: all.filter((r) => r.overdue).length,
    all: all.length,
  }

  const setStatus = async (r: Row, status: ActionItem['status']) => {
    const input = asInput(r.activity)
    input.actionItems = input.actionItems.map((x, k) =>
      k === r.index ? { ...x, status, doneOn: status === 'done' ? today : null } : x,
    )
    try {
      await save.mutateAsync({ id: r.activity.id, input })
      message.success(t('items.changed', { text: r.item.text, status: t(`status.${status}`) }))
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  if (all.length === 0) return <Empty description={t('items.none')} />

  return (
    <>
      <Typography.Paragraph className="muted">{t('items.intro')}</Typography.Paragraph>
      <Segmented<Show>
        style={{ marginBottom: 16 }}
        value={show}
        onChange={setShow}
        options={(['open', 'overdue', 'all'] as const).map((s) => ({
          value: s,
          label: t(`items.show.${s}`, { count: counts[s] }),
        }))}
      />
      <Table<Row>
        size="middle"
        rowKey="key"
        dataSource={rows}
        loading={save.isPending}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('items.noneShown')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('items.text'), key: 'text', render: (_, r) => r.item.text },
          {
            title: t('items.owner'),
            key: 'owner',
            render: (_, r) => actorName(actors.get(r.item.ownerId), r.item.ownerId),
          },
          {
            title: t('items.due'),
            key: 'due',
            width: 130,
            render: (_, r) => (r.overdue ? <Tag color="red">{r.item.due}</Tag> : r.item.due),
          },
          {
            title: t('items.activity'),
            key: 'activity',
            render: (_, r) => <LinkButton onClick={() => onOpen(r.activity)}>{r.activity.title}</LinkButton>,
          },
          {
            title: t('items.status'),
            key: 'status',
            width: 150,
            render: (_, r) =>
              canWrite ? (
                <Select<ActionItem['status']>
                  size="small"
                  aria-label={t('items.statusOf', { text: r.item.text })}
                  value={r.item.status}
                  style={{ width: 120 }}
                  onChange={(s) => void setStatus(r, s)}
                  options={(['open', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
                />
              ) : (
                <Tag color={STATUS_COLOURS[r.item.status]}>{t(`status.${r.item.status}`)}</Tag>
              ),
          },
        ]}
      />
    </>
  )
}
