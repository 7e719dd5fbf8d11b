// The actor registry: who takes part in the community's safety work, by sector and type, with create/edit/delete.
import { useMemo, useState } from 'react'
import { App, Button, Drawer, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, SECTORS, type ActorType, type Sector } from '@cosafe/core'
import type { Actor, CommunityDetail } from '../../api/types'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ImportButton } from '../../components/ImportDialog'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { ActorForm } from './ActorForm'
import { useAllActors, useDeleteActor } from './api'

export const SECTOR_COLOURS: Record<Sector, string> = {
  G: 'blue',
  Q: 'red',
  M: 'gold',
  O: 'green',
  S: 'purple',
  I: 'cyan',
}

export function ActorRegistry({ communityId, detail }: { communityId: string; detail: CommunityDetail }) {
  const { t, i18n } = useTranslation('actors')
  const { t: tc } = useTranslation('common')
  const term = useTerm()
  const actorName = useActorName()
  const { may } = useSession()
  const { message } = App.useApp()
  const actors = useAllActors(communityId)
  const remove = useDeleteActor(communityId)
  const [sector, setSector] = useState<Sector | undefined>()
  const [type, setType] = useState<ActorType | undefined>()
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<Actor | 'new' | null>(null)
  const canWrite = may('write', 'actor')
  const zh = i18n.language === 'zh-CN'

  const places = useMemo(
    () => new Map([...detail.ancestors, ...detail.grids].map((x) => [x.id, zh ? x.nameZh : x.nameEn])),
    [detail, zh],
  )
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase()
    return (actors.data?.items ?? []).filter(
      (a) =>
        (!sector || a.sector === sector) &&
        (!type || a.type === type) &&
        (!q || a.name.toLowerCase().includes(q) || (a.nameEn ?? '').toLowerCase().includes(q)),
    )
  }, [actors.data, sector, type, search])

  if (actors.error) return <ErrorAlert error={actors.error} onRetry={() => void actors.refetch()} />

  const typeOptions = (Object.keys(ACTOR_TYPES) as ActorType[])
    .filter((k) => !sector || (ACTOR_TYPES[k].sectors as readonly Sector[]).includes(sector))
    .map((k) => ({ value: k, label: term(ACTOR_TYPES[k]) }))

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select<Sector>
            allowClear
            aria-label={t('filters.sector')}
            placeholder={t('filters.sector')}
            style={{ width: 220 }}
            value={sector}
            onChange={(s) => {
              setSector(s)
              if (type && s && !(ACTOR_TYPES[type].sectors as readonly Sector[]).includes(s)) setType(undefined)
            }}
            options={(Object.keys(SECTORS) as Sector[]).map((k) => ({ value: k, label: term(SECTORS[k]) }))}
          />
          <Select<ActorType>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('filters.type')}
            placeholder={t('filters.type')}
            style={{ width: 220 }}
            value={type}
            onChange={setType}
            options={typeOptions}
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
        <Space>
          {may('write', 'import') && <ImportButton communityId={communityId} kind="actors" />}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} id="add-actor">
              {t('add')}
            </Button>
          )}
        </Space>
      </Space>
      <Table<Actor>
        rowKey="id"
        size="middle"
        loading={actors.isPending}
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (n) => t('total', { count: n }) }}
        locale={{
          emptyText: (
            <Empty
              description={actors.data?.items.length ? t('empty.filtered') : t('empty.none')}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          ),
        }}
        columns={[
          {
            title: t('fields.name'),
            key: 'name',
            sorter: (a, b) => actorName(a).localeCompare(actorName(b), zh ? 'zh-CN' : 'en'),
            render: (_, a) => (
              <span>
                <Typography.Text strong>{actorName(a)}</Typography.Text>
                {zh && a.nameEn && <div className="muted">{a.nameEn}</div>}
                {!zh && a.nameEn && <div className="muted">{a.name}</div>}
              </span>
            ),
          },
          {
            title: t('fields.type'),
            dataIndex: 'type',
            render: (k: ActorType) => term(ACTOR_TYPES[k], k),
          },
          {
            title: t('fields.sector'),
            dataIndex: 'sector',
            sorter: (a, b) => a.sector.localeCompare(b.sector),
            render: (s: Sector) => <Tag color={SECTOR_COLOURS[s]}>{term(SECTORS[s], s)}</Tag>,
          },
          {
            title: t('fields.territory'),
            dataIndex: 'territoryId',
            render: (id: string) => places.get(id) ?? id,
          },
          {
            title: t('fields.active'),
            key: 'active',
            render: (_, a) =>
              a.activeFrom || a.activeTo ? `${a.activeFrom ?? '…'} – ${a.activeTo ?? '…'}` : t('activeAlways'),
          },
          ...(canWrite
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, a: Actor) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => setEditing(a)}
                        aria-label={t('editAria', { name: actorName(a) })}
                      >
                        {tc('edit')}
                      </Button>
                      <Popconfirm
                        title={t('deleteConfirm', { name: actorName(a) })}
                        okText={tc('delete')}
                        cancelText={tc('cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={async () => {
                          try {
                            await remove.mutateAsync(a.id)
                            message.success(tc('deleted'))
                          } catch (e) {
                            message.error(t('deleteFailed', { reason: (e as Error).message }))
                          }
                        }}
                      >
                        <Button size="small" danger aria-label={t('deleteAria', { name: actorName(a) })}>
                          {tc('delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={640}
        title={editing === 'new' ? t('add') : editing ? t('editTitle', { name: actorName(editing) }) : ''}
        destroyOnHidden
      >
        {editing !== null && (
          <ActorForm
            communityId={communityId}
            detail={detail}
            actor={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Drawer>
    </>
  )
}
