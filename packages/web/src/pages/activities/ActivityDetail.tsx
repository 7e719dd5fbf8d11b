// One activity: when, what, who convened, who came and who was invited but absent, decisions and action items.
import { App, Button, Descriptions, Empty, List, Popconfirm, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_KINDS, PHASES, SAFETY_DOMAINS, type ActivityKind, type Phase, type SafetyDomain } from '@cosafe/core'
import type { Activity, Actor, CommunityDetail } from '../../api/types'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { KIND_COLOURS } from './ActivityList'
import { useDeleteActivity } from './api'

export const STATUS_COLOURS = { open: 'orange', done: 'green', cancelled: 'default' } as const

export function ActivityDetail({
  communityId,
  activity: a,
  actors,
  detail,
  canWrite,
  onDeleted,
}: {
  communityId: string
  activity: Activity
  actors: Map<string, Actor>
  detail: CommunityDetail
  canWrite: boolean
  onDeleted: () => void
}) {
  const { t, i18n } = useTranslation('activities')
  const { t: tc } = useTranslation('common')
  const term = useTerm()
  const actorName = useActorName()
  const { message } = App.useApp()
  const remove = useDeleteActivity(communityId)
  const name = (id: string) => actorName(actors.get(id), id)
  const place = [...detail.ancestors, ...detail.grids].find((x) => x.id === a.territoryId)
  const absent = a.invitedIds.filter((id) => !a.attendedIds.includes(id))

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'when',
            label: t('fields.start'),
            children: `${dayjs(a.start).format('YYYY-MM-DD HH:mm')}${a.end ? ` – ${dayjs(a.end).format('YYYY-MM-DD HH:mm')}` : ''}`,
          },
          {
            key: 'kind',
            label: t('fields.kind'),
            children: (
              <Tag color={KIND_COLOURS[a.kind as ActivityKind]}>
                {term(ACTIVITY_KINDS[a.kind as ActivityKind], a.kind)}
              </Tag>
            ),
          },
          {
            key: 'domains',
            label: t('fields.domains'),
            children: a.domains.map((d) => <Tag key={d}>{term(SAFETY_DOMAINS[d as SafetyDomain], d)}</Tag>),
          },
          { key: 'phase', label: t('fields.phase'), children: term(PHASES[a.phase as Phase], a.phase) },
          ...(place
            ? [
                {
                  key: 'where',
                  label: t('fields.territory'),
                  children: i18n.language === 'zh-CN' ? place.nameZh : place.nameEn,
                },
              ]
            : []),
          { key: 'convener', label: t('fields.convener'), children: name(a.convenerId) },
          {
            key: 'attended',
            label: t('fields.attended'),
            children: a.attendedIds.length ? a.attendedIds.map((id) => <Tag key={id}>{name(id)}</Tag>) : tc('none'),
          },
          {
            key: 'absent',
            label: t('fields.invitedAbsent'),
            children: absent.length ? absent.map((id) => <Tag key={id}>{name(id)}</Tag>) : tc('none'),
          },
          ...(a.note ? [{ key: 'note', label: t('fields.note'), children: a.note }] : []),
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('fields.decisions')}
      </Typography.Title>
      {a.decisions.length ? (
        <List size="small" bordered dataSource={a.decisions} renderItem={(d) => <List.Item>{d}</List.Item>} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noDecisions')} />
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('fields.actionItems')}
      </Typography.Title>
      {a.actionItems.length ? (
        <List
          size="small"
          bordered
          dataSource={a.actionItems}
          renderItem={(x) => (
            <List.Item>
              <span>
                {x.text}{' '}
                <span className="muted">
                  · {name(x.ownerId)} · {t('items.dueOn', { date: x.due })}
                </span>
              </span>
              <Tag color={STATUS_COLOURS[x.status]}>{t(`status.${x.status}`)}</Tag>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noItems')} />
      )}
      {canWrite && (
        <div style={{ marginTop: 24 }}>
          <Popconfirm
            title={tc('confirmDelete')}
            okText={tc('delete')}
            cancelText={tc('cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(a.id)
                message.success(tc('deleted'))
                onDeleted()
              } catch (e) {
                message.error((e as Error).message)
              }
            }}
          >
            <Button danger>{tc('delete')}</Button>
          </Popconfirm>
        </div>
      )}
    </>
  )
}
