// The list of activities with filters by safety domain, kind and phase.
import { useMemo, useState } from 'react'
import { Button, Empty, Input, Select, Space, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_KINDS, PHASES, SAFETY_DOMAINS, type ActivityKind, type Phase, type SafetyDomain } from '@cosafe/core'
import type { Activity, Actor } from '../../api/types'
import { LinkButton } from '../../components/LinkButton'
import { useActorName, useTerm, useTermOptions } from '../../i18n/vocabulary'

export const KIND_COLOURS: Record<ActivityKind, string> = {
  meeting: 'blue',
  patrol: 'geekblue',
  drill: 'volcano',
  education: 'green',
  inspection: 'orange',
  project: 'purple',
  other: 'default',
}

export function ActivityList({
  activities,
  actors,
  canWrite,
  onOpen,
  onAdd,
}: {
  activities: Activity[]
  actors: Map<string, Actor>
  canWrite: boolean
  onOpen: (a: Activity) => void
  onAdd: () => void
}) {
  const { t } = useTranslation('activities')
  const term = useTerm()
  const termOptions = useTermOptions()
  const actorName = useActorName()
  const [domain, setDomain] = useState<SafetyDomain | undefined>()
  const [kind, setKind] = useState<ActivityKind | undefined>()
  const [phase, setPhase] = useState<Phase | undefined>()
  const [search, setSearch] = useState('')

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase()
    return activities.filter(
      (a) =>
        (!domain || a.domains.includes(domain)) &&
        (!kind || a.kind === kind) &&
        (!phase || a.phase === phase) &&
        (!q || a.title.toLowerCase().includes(q)),
    )
  }, [activities, domain, kind, phase, search])

  if (activities.length === 0)
    return (
      <Empty description={t('empty.none')}>
        {canWrite && (
          <Button type="primary" onClick={onAdd}>
            {t('add')}
          </Button>
        )}
      </Empty>
    )

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<SafetyDomain>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('filters.domain')}
          placeholder={t('filters.domain')}
          style={{ width: 200 }}
          value={domain}
          onChange={setDomain}
          options={termOptions(SAFETY_DOMAINS)}
        />
        <Select<ActivityKind>
          allowClear
          aria-label={t('filters.kind')}
          placeholder={t('filters.kind')}
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={termOptions(ACTIVITY_KINDS)}
        />
        <Select<Phase>
          allowClear
          aria-label={t('filters.phase')}
          placeholder={t('filters.phase')}
          style={{ width: 140 }}
          value={phase}
          onChange={setPhase}
          options={termOptions(PHASES)}
        />
        <Input.Search
          allowClear
          aria-label={t('filters.search')}
          placeholder={t('filters.search')}
          style={{ width: 220 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Space>
      <Table<Activity>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => t('total', { count: n }) }}
        locale={{ emptyText: <Empty description={t('empty.filtered')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          {
            title: t('fields.start'),
            dataIndex: 'start',
            width: 150,
            sorter: (a, b) => Date.parse(a.start) - Date.parse(b.start),
            render: (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('fields.title'),
            key: 'title',
            render: (_, a) => <LinkButton onClick={() => onOpen(a)}>{a.title}</LinkButton>,
          },
          {
            title: t('fields.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: ActivityKind) => <Tag color={KIND_COLOURS[k]}>{term(ACTIVITY_KINDS[k], k)}</Tag>,
          },
          {
            title: t('fields.domains'),
            dataIndex: 'domains',
            render: (ds: SafetyDomain[]) => ds.map((d) => <Tag key={d}>{term(SAFETY_DOMAINS[d], d)}</Tag>),
          },
          {
            title: t('fields.phase'),
            dataIndex: 'phase',
            width: 90,
            render: (p: Phase) => term(PHASES[p], p),
          },
          {
            title: t('fields.convener'),
            dataIndex: 'convenerId',
            render: (id: string) => actorName(actors.get(id), id),
          },
          {
            title: t('fields.turnout'),
            key: 'turnout',
            width: 100,
            render: (_, a) => t('turnout', { attended: a.attendedIds.length, invited: a.invitedIds.length }),
          },
          {
            title: t('fields.openItems'),
            key: 'items',
            width: 100,
            render: (_, a) => {
              const open = a.actionItems.filter((x) => x.status === 'open').length
              return a.actionItems.length === 0 ? (
                '–'
              ) : (
                <Tag color={open ? 'orange' : 'green'}>{t('itemsOpen', { open, total: a.actionItems.length })}</Tag>
              )
            },
          },
        ]}
      />
    </>
  )
}
