// The duty lists as a grid: safety domains across, actors down; each cell says who leads, shares or supports.
import { useMemo, useState } from 'react'
import { App, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import {
  RESPONSIBILITY_ROLES,
  SAFETY_DOMAINS,
  SECTORS,
  type ResponsibilityRole,
  type SafetyDomain,
  type Sector,
} from '@cosafe/core'
import type { Actor, Responsibility } from '../../api/types'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { SECTOR_COLOURS } from './ActorRegistry'
import { useAllActors, useResponsibilities, useSaveResponsibility } from './api'

const ROLE_COLOURS: Record<ResponsibilityRole, string> = { lead: '#1677ff', co: '#13c2c2', support: '#8c8c8c' }
const ROLE_ORDER: ResponsibilityRole[] = ['lead', 'co', 'support']

/** The responsibility in force today for an actor and a domain (the leading one when several overlap). */
function current(list: Responsibility[], today: string): Responsibility | undefined {
  return list
    .filter((r) => r.from <= today && (!r.to || r.to >= today))
    .sort(
      (a, b) => ROLE_ORDER.indexOf(a.role as ResponsibilityRole) - ROLE_ORDER.indexOf(b.role as ResponsibilityRole),
    )[0]
}

export function ResponsibilityMatrix({ communityId }: { communityId: string }) {
  const { t } = useTranslation('actors')
  const term = useTerm()
  const actorName = useActorName()
  const { may } = useSession()
  const { message } = App.useApp()
  const actors = useAllActors(communityId)
  const resp = useResponsibilities(communityId)
  const save = useSaveResponsibility(communityId)
  const [sector, setSector] = useState<Sector | undefined>()
  const [onlyWithDuties, setOnlyWithDuties] = useState<'all' | 'assigned'>('assigned')
  const canWrite = may('write', 'responsibility')
  /** The cell being edited: a Select opens there (arrow keys and Enter, or the mouse); the others are buttons. */
  const [editing, setEditing] = useState<string | null>(null)
  const stopEditing = (key: string) => {
    setEditing(null)
    // back to the cell's button, so keyboard users keep their place in the grid
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[data-cell="${key}"]`)?.focus())
  }
  const today = dayjs().format('YYYY-MM-DD')

  const byCell = useMemo(() => {
    const m = new Map<string, Responsibility[]>()
    for (const r of resp.data?.items ?? []) {
      const k = `${r.actorId}|${r.domain}`
      m.set(k, [...(m.get(k) ?? []), r])
    }
    return m
  }, [resp.data])

  if (actors.error || resp.error)
    return (
      <ErrorAlert
        error={actors.error ?? resp.error}
        onRetry={() => void Promise.all([actors.refetch(), resp.refetch()])}
      />
    )

  const domains = Object.keys(SAFETY_DOMAINS) as SafetyDomain[]
  const withDuties = new Set((resp.data?.items ?? []).map((r) => r.actorId))
  const rows = (actors.data?.items ?? [])
    .filter((a) => (!sector || a.sector === sector) && (onlyWithDuties === 'all' || withDuties.has(a.id)))
    .sort((a, b) => a.sector.localeCompare(b.sector) || actorName(a).localeCompare(actorName(b)))

  const change = async (actor: Actor, domain: SafetyDomain, role: ResponsibilityRole | 'none') => {
    const now = current(byCell.get(`${actor.id}|${domain}`) ?? [], today)
    try {
      if (role === 'none') {
        if (now) await save.mutateAsync({ kind: 'delete', id: now.id })
      } else if (now) {
        const { id, communityId: _c, createdAt: _a, updatedAt: _u, ...input } = now
        await save.mutateAsync({ kind: 'update', id, input: { ...input, role } })
      } else {
        await save.mutateAsync({
          kind: 'create',
          input: { domain, actorId: actor.id, role, from: today, to: null, source: 'duty_list', note: null },
        })
      }
      message.success(
        t('matrix.changed', {
          actor: actorName(actor),
          domain: term(SAFETY_DOMAINS[domain]),
          role: role === 'none' ? t('matrix.none') : term(RESPONSIBILITY_ROLES[role]),
        }),
      )
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const cell = (actor: Actor, domain: SafetyDomain) => {
    const now = current(byCell.get(`${actor.id}|${domain}`) ?? [], today)
    const role = now?.role as ResponsibilityRole | undefined
    const label = role ? term(RESPONSIBILITY_ROLES[role]) : t('matrix.none')
    const describe = t('matrix.cellAria', {
      actor: actorName(actor),
      domain: term(SAFETY_DOMAINS[domain]),
      role: label,
    })
    const mark = (
      <span
        className={`duty-cell${role ? ` duty-${role}` : ''}`}
        style={role ? { background: ROLE_COLOURS[role] } : undefined}
      >
        {role ? t(`matrix.short.${role}`) : ''}
      </span>
    )
    if (!canWrite)
      return (
        <Tooltip title={now?.note ?? label}>
          <span aria-label={describe}>{mark}</span>
        </Tooltip>
      )
    const key = `${actor.id}|${domain}`
    if (editing === key)
      return (
        <Select<ResponsibilityRole | 'none'>
          autoFocus
          defaultOpen
          size="small"
          aria-label={describe}
          value={role ?? 'none'}
          style={{ width: 48 }}
          popupMatchSelectWidth={false}
          options={[
            ...ROLE_ORDER.map((r) => ({ value: r, label: term(RESPONSIBILITY_ROLES[r]) })),
            { value: 'none' as const, label: t('matrix.none') },
          ]}
          onChange={(v) => {
            stopEditing(key)
            if (v !== (role ?? 'none')) void change(actor, domain, v)
          }}
          onOpenChange={(open) => {
            if (!open) stopEditing(key)
          }}
        />
      )
    return (
      <button
        type="button"
        className="duty-button"
        data-cell={key}
        aria-label={describe}
        title={now?.note ?? undefined}
        onClick={() => setEditing(key)}
      >
        {mark}
      </button>
    )
  }

  return (
    <>
      <Typography.Paragraph className="muted">{t('matrix.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Sector>
          allowClear
          aria-label={t('filters.sector')}
          placeholder={t('filters.sector')}
          style={{ width: 220 }}
          value={sector}
          onChange={setSector}
          options={(Object.keys(SECTORS) as Sector[]).map((k) => ({ value: k, label: term(SECTORS[k]) }))}
        />
        <Select<'all' | 'assigned'>
          aria-label={t('matrix.show')}
          style={{ width: 240 }}
          value={onlyWithDuties}
          onChange={setOnlyWithDuties}
          options={[
            { value: 'assigned', label: t('matrix.onlyAssigned') },
            { value: 'all', label: t('matrix.allActors') },
          ]}
        />
        <Space size={4} aria-hidden="true">
          {ROLE_ORDER.map((r) => (
            <Tag key={r} color={ROLE_COLOURS[r]}>
              {term(RESPONSIBILITY_ROLES[r])}
            </Tag>
          ))}
        </Space>
      </Space>
      <Table<Actor>
        className="duty-matrix"
        rowKey="id"
        size="small"
        bordered
        loading={actors.isPending || resp.isPending || save.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 520 }}
        locale={{ emptyText: <Empty description={t('matrix.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          {
            title: t('matrix.actor'),
            key: 'actor',
            fixed: 'left',
            width: 220,
            render: (_, a) => (
              <span>
                <Tag color={SECTOR_COLOURS[a.sector]} style={{ marginInlineEnd: 6 }}>
                  {a.sector}
                </Tag>
                {actorName(a)}
              </span>
            ),
          },
          ...domains.map((d) => ({
            title: (
              <Tooltip title={term(SAFETY_DOMAINS[d])}>
                <span className="duty-head">{term(SAFETY_DOMAINS[d])}</span>
              </Tooltip>
            ),
            key: d,
            width: 52,
            align: 'center' as const,
            render: (_: unknown, a: Actor) => cell(a, d),
          })),
        ]}
      />
    </>
  )
}
