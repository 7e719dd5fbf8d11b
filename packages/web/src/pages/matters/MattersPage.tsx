// Safety matters: the board by state (open a matter, take a step), the actor inbox, and the
// supervisor's view (overdue matters of the community and territory, KPIs with their formulas).
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  List,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import {
  MATTER_KPIS,
  type KpiValue,
  MATTER_CATEGORIES,
  MATTER_STATE_CODES,
  MATTER_STATES,
  type MatterState,
  SAFETY_DOMAINS,
  URGENCIES,
  type MatterKpi,
} from '@cosafe/core'
import { useCommunity, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import {
  useAllActors,
  useInbox,
  useKpis,
  useMarkRead,
  useMatterColumn,
  type BoardFilter,
  useOverdue,
  useTerritoryOverdue,
  type BoardMatter,
} from './api'
import { MatterDrawer } from './MatterDrawer'

type KpiRow = KpiValue & { key: MatterKpi }

const TABS = ['board', 'inbox', 'supervisor'] as const
type Tab = (typeof TABS)[number]

function MatterCard({ m, onOpen }: { m: BoardMatter; onOpen: (id: string) => void }) {
  const { t } = useTranslation('matters')
  const term = useTerm()
  return (
    <Card size="small" className="matter-card" style={{ marginBottom: 8 }}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(m.id)}
        >
          {m.description}
        </Button>
        <Space wrap size={4}>
          <Tag>{term(SAFETY_DOMAINS[m.domain])}</Tag>
          <Tag color={m.urgency === 'emergency' || m.urgency === 'urgent' ? 'orange' : undefined}>
            {term(URGENCIES[m.urgency])}
          </Tag>
          {m.deadline.overdue && <Tag color="red">{t('overdue')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t('dueAt', { at: dayjs(m.deadline.dueAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Space>
    </Card>
  )
}

/** Matters a column loads at first and adds with each "show more" (a busy community has thousands closed). */
const PAGE = 20
/** States whose matters are settled (no deadline runs): hidden while "overdue only" is on. */
const SETTLED = new Set<string>(['done', 'verified', 'closed'])

function BoardColumn({
  state,
  filter,
  onOpen,
}: {
  state: MatterState
  filter: BoardFilter
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation('matters')
  const term = useTerm()
  const community = useCommunity()
  const [limit, setLimit] = useState(PAGE)
  const column = useMatterColumn(community.id, state, filter, limit)
  const items = column.data?.items ?? []
  const total = column.data?.total ?? 0
  return (
    <section
      aria-label={term(MATTER_STATES[state])}
      aria-busy={column.isFetching}
      style={{ minWidth: 220, flex: '0 0 220px' }}
    >
      <Typography.Title level={5}>
        {term(MATTER_STATES[state])} <Badge count={total} showZero overflowCount={99999} color="#8c8c8c" />
      </Typography.Title>
      {column.error ? (
        <ErrorAlert error={column.error} onRetry={() => void column.refetch()} />
      ) : column.isPending ? (
        <Spin size="small" />
      ) : items.length ? (
        <>
          {items.map((m) => (
            <MatterCard key={m.id} m={m} onOpen={onOpen} />
          ))}
          {items.length < total && (
            <Button block loading={column.isFetching} onClick={() => setLimit((l) => l + PAGE)}>
              {t('board.more', { shown: items.length, total })}
            </Button>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('emptyColumn')}</Typography.Text>
      )}
    </section>
  )
}

function Board({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation('matters')
  const term = useTerm()
  const [filter, setFilter] = useState<BoardFilter>({})
  // overdue is a property of open matters: the settled columns step aside while it is on
  const states = MATTER_STATE_CODES.filter((s) => !(filter.overdue && SETTLED.has(s)))
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          aria-label={t('board.category')}
          placeholder={t('board.category')}
          value={filter.category}
          onChange={(v?: string) => setFilter((f) => ({ ...f, category: v }))}
          options={Object.entries(MATTER_CATEGORIES).map(([k, c]) => ({ value: k, label: term(c) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          aria-label={t('board.urgency')}
          placeholder={t('board.urgency')}
          value={filter.urgency}
          onChange={(v?: string) => setFilter((f) => ({ ...f, urgency: v }))}
          options={Object.entries(URGENCIES).map(([k, u]) => ({ value: k, label: term(u) }))}
        />
        <Checkbox
          checked={filter.overdue === true}
          onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked || undefined }))}
        >
          {t('board.overdueOnly')}
        </Checkbox>
      </Space>
      <div id="matters-board" style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start' }}>
        {states.map((s) => (
          <BoardColumn key={s} state={s} filter={filter} onOpen={onOpen} />
        ))}
      </div>
    </Space>
  )
}

function Inbox({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('matters')
  const community = useCommunity()
  const { me } = useSession()
  const actorName = useActorName()
  const own = me?.account.role === 'actor'
  const actors = useAllActors(community.id, !own)
  const [actorId, setActorId] = useState<string | null>(null)
  const inbox = useInbox(community.id, actorId, own)
  const markRead = useMarkRead(community.id, actorId, own)
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!own && (
        <Select
          style={{ minWidth: 280 }}
          showSearch
          optionFilterProp="label"
          aria-label={t('inbox.actor')}
          placeholder={t('inbox.actor')}
          value={actorId ?? undefined}
          onChange={(v: string) => setActorId(v)}
          options={(actors.data?.items ?? []).map((a) => ({ value: a.id, label: actorName(a) }))}
        />
      )}
      {inbox.error ? (
        <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : !own && !actorId ? (
        <Empty description={t('inbox.pick')} />
      ) : inbox.isPending ? (
        <Spin />
      ) : (
        <List
          id="inbox"
          header={t('inbox.unread', { count: inbox.data.unread })}
          dataSource={inbox.data.items}
          locale={{ emptyText: t('inbox.empty') }}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.matterId ? (
                  <Button key="open" size="small" onClick={() => onOpen(n.matterId!)}>
                    {t('open')}
                  </Button>
                ) : null,
                n.readAt ? null : (
                  <Button key="read" size="small" loading={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
                    {t('inbox.markRead')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.readAt && <Badge status="processing" />}
                    {i18n.language === 'zh-CN' ? n.text.zh : n.text.en}
                  </Space>
                }
                description={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
              />
            </List.Item>
          )}
        />
      )}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
    </Space>
  )
}

function OverdueTable({ items, onOpen }: { items: BoardMatter[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation('matters')
  const term = useTerm()
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('supervisor.none') }}
      columns={[
        {
          title: t('field.description'),
          render: (_: unknown, m: BoardMatter) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(m.id)}>
              {m.description}
            </Button>
          ),
        },
        { title: t('field.domain'), render: (_: unknown, m: BoardMatter) => term(SAFETY_DOMAINS[m.domain]) },
        { title: t('field.state'), render: (_: unknown, m: BoardMatter) => term(MATTER_STATES[m.state]) },
        {
          title: t('field.deadline'),
          render: (_: unknown, m: BoardMatter) => dayjs(m.deadline.dueAt).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: t('supervisor.late'),
          render: (_: unknown, m: BoardMatter) => t('hours', { n: Math.round(-m.deadline.hoursLeft) }),
        },
      ]}
    />
  )
}

function Supervisor({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('matters')
  const term = useTerm()
  const community = useCommunity()
  const { me } = useSession()
  const role = me?.account.role
  const territoryId = (role === 'street' || role === 'district') && me?.account.scopeId ? me.account.scopeId : null
  const overdue = useOverdue(community.id)
  const territory = useTerritoryOverdue(territoryId)
  const kpis = useKpis(community.id)
  const pct = (v: number | null, k: MatterKpi) =>
    v === null ? '—' : k === 'handoffs' ? String(v) : `${(v * 100).toFixed(1)}%`
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" id="supervisor">
      <Card title={t('supervisor.community')}>
        {overdue.error ? (
          <ErrorAlert error={overdue.error} />
        ) : overdue.isPending ? (
          <Spin />
        ) : (
          <OverdueTable items={overdue.data.items} onOpen={onOpen} />
        )}
      </Card>
      {territoryId && (
        <Card title={t('supervisor.territory')}>
          {territory.error ? (
            <ErrorAlert error={territory.error} />
          ) : territory.isPending ? (
            <Spin />
          ) : (
            territory.data.communities.map((c) => (
              <div key={c.community.id}>
                <Typography.Title level={5}>
                  {i18n.language === 'en' && c.community.nameEn ? c.community.nameEn : c.community.nameZh} ·{' '}
                  {t('supervisor.counts', { open: c.open, overdue: c.overdue })}
                </Typography.Title>
                {c.community.id === community.id ? (
                  <OverdueTable items={c.items} onOpen={onOpen} />
                ) : (
                  <Typography.Text type="secondary">{t('supervisor.otherCommunity')}</Typography.Text>
                )}
              </div>
            ))
          )}
        </Card>
      )}
      <Card title={t('kpi.title')} id="matter-kpis">
        {kpis.error ? (
          <ErrorAlert error={kpis.error} />
        ) : kpis.isPending ? (
          <Spin />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              message={t('kpi.minSample', { n: kpis.data.minSample, matters: kpis.data.matters })}
            />
            <Table<KpiRow>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={(Object.keys(MATTER_KPIS) as MatterKpi[]).map((k) => ({ key: k, ...kpis.data.community[k] }))}
              columns={[
                { title: t('kpi.name'), render: (_: unknown, r: KpiRow) => term(MATTER_KPIS[r.key]) },
                {
                  title: t('kpi.value'),
                  render: (_: unknown, r: KpiRow) =>
                    r.insufficient ? <Tag color="gold">{t('kpi.insufficient')}</Tag> : pct(r.value, r.key),
                },
                {
                  title: t('kpi.sample'),
                  render: (_: unknown, r: KpiRow) => `${r.numerator} / ${r.denominator}`,
                },
                {
                  title: t('kpi.formula'),
                  render: (_: unknown, r: KpiRow) => term(MATTER_KPIS[r.key].formula),
                },
              ]}
            />
          </Space>
        )}
      </Card>
    </Space>
  )
}

export default function MattersPage() {
  const { t } = useTranslation('matters')
  const community = useCommunity()
  const { me, may } = useSession()
  const [params, setParams] = useSearchParams()
  const [open, setOpen] = useState<string | null>(null)
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'board'
  const role = me?.account.role ?? 'researcher'
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'board', label: t('tab.board'), children: <Board onOpen={setOpen} /> },
          { key: 'inbox', label: t('tab.inbox'), children: <Inbox onOpen={setOpen} /> },
          { key: 'supervisor', label: t('tab.supervisor'), children: <Supervisor onOpen={setOpen} /> },
        ]}
      />
      <MatterDrawer
        communityId={community.id}
        id={open}
        role={role}
        canWrite={may('write', 'matter')}
        onClose={() => setOpen(null)}
      />
    </>
  )
}
