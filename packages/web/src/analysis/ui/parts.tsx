// Pieces every network page shares: progress with cancel, measure names with their explanation,
// worker errors in words, notes on simplified measures, the colour legend and the measure tables.
import { useMemo, useState } from 'react'
import { Alert, Button, Input, Progress as Bar, Space, Table, Tooltip, Typography } from 'antd'
import { QuestionCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { describeCode, formatLocation } from '@cosafe/sna'
import { AnalysisError } from '../client'
import type { AnalysisNote, Progress } from '../protocol'
import { formatNumber, isMeasure, measureExplanation, measureName } from './measures'
import './sna.css'

export function ProgressPanel({ progress, onCancel }: { progress: Progress | null; onCancel?: () => void }) {
  const { t } = useTranslation('sna')
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0
  return (
    <div className="sna-progress" role="status" aria-live="polite">
      <Typography.Text>{progress ? t(`stage.${progress.stage}`) : t('stage.start')}</Typography.Text>
      <Bar percent={percent} status="active" />
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {t('cancel')}
        </Button>
      )}
    </div>
  )
}

/** Name and explanation of any measure in the page's language (sna's table, else the sna catalogue). */
export function useMeasureText(): { name: (k: string) => string; explain: (k: string) => string } {
  const { t, i18n } = useTranslation('sna')
  return {
    name: (k) => (isMeasure(k) ? measureName(k, i18n.language) : t(`extra.${k}.name`, { defaultValue: k })),
    explain: (k) =>
      isMeasure(k) ? measureExplanation(k, i18n.language) : t(`extra.${k}.explain`, { defaultValue: '' }),
  }
}

/** A measure's name with its plain-language explanation as a tooltip (and for screen readers). */
export function MeasureName({ name }: { name: string }) {
  const m = useMeasureText()
  const text = m.explain(name)
  return (
    <Tooltip title={text}>
      <span className="measure-name" tabIndex={0} aria-description={text}>
        {m.name(name)} {text && <QuestionCircleOutlined className="muted" />}
      </span>
    </Tooltip>
  )
}

export function AnalysisErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation('sna')
  if (!error) return null
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  let title = t('error.internal')
  let detail = error instanceof Error ? error.message : String(error)
  if (error instanceof AnalysisError) {
    if (error.kind === 'parse' && error.code) {
      title = t('error.parse', { what: describeCode(error.code, lang) })
      const where = error.where ? formatLocation(error.where) : ''
      detail = where
        ? t('error.where', { where, detail: error.detail ?? error.message })
        : (error.detail ?? error.message)
    } else if (error.kind === 'input') title = t('error.input')
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={detail}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        )
      }
    />
  )
}

export function NotesAlert({ notes }: { notes: AnalysisNote[] }) {
  const { t } = useTranslation('sna')
  if (notes.length === 0) return null
  return (
    <Alert
      type="info"
      showIcon
      title={t('notes.title')}
      description={
        <ul className="issue-list">
          {notes.map((n) => (
            <li key={n.code}>
              {n.code === 'approximateBetweenness'
                ? t('notes.approximateBetweenness', {
                    epsilon: n.epsilon,
                    bound: formatNumber(n.errorBound),
                    samples: n.samples,
                  })
                : t('notes.pathMeasuresSkipped', { nodes: n.nodes, ties: n.ties })}
            </li>
          ))}
        </ul>
      }
    />
  )
}

export function Legend({ items }: { items: { colour: string; text: string; count?: number }[] }) {
  const { t } = useTranslation('sna')
  if (items.length === 0) return null
  return (
    <div className="sna-legend" aria-label={t('legend')}>
      {items.map((x) => (
        <span key={x.colour + x.text} className="sna-legend-item">
          <span className="sna-swatch" style={{ background: x.colour }} />
          {x.text}
          {x.count !== undefined && <span className="muted"> ({x.count})</span>}
        </span>
      ))}
    </div>
  )
}

/** Whole-network measures: name, value and what it means. */
export function NetworkMeasuresTable({ network }: { network: Record<string, number | null> }) {
  const { t } = useTranslation('sna')
  const m = useMeasureText()
  const rows = Object.entries(network).map(([key, value]) => ({ key, value }))
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        {
          title: t('table.measure'),
          dataIndex: 'key',
          width: 240,
          render: (k: string) => m.name(k),
        },
        { title: t('table.value'), dataIndex: 'value', width: 120, align: 'right', render: formatNumber },
        {
          title: t('table.meaning'),
          dataIndex: 'key',
          key: 'meaning',
          render: (k: string) => <span className="muted">{m.explain(k)}</span>,
        },
      ]}
    />
  )
}

/** Actor measures: one row per actor, one sortable column per measure (header tooltips explain them). */
export function NodeMeasuresTable({
  ids,
  names,
  nodes,
  measures,
  onOpen,
  pageSize = 10,
}: {
  ids: readonly string[]
  names: (id: string, i: number) => string
  nodes: Record<string, ArrayLike<number>>
  measures: readonly string[]
  onOpen?: (id: string) => void
  pageSize?: number
}) {
  const { t } = useTranslation('sna')
  const [search, setSearch] = useState('')
  const rows = useMemo(
    () =>
      ids.map((id, i) => {
        const row: Record<string, string | number> = { id, index: i, name: names(id, i) }
        for (const m of measures) row[m] = nodes[m]?.[i] ?? NaN
        return row
      }),
    [ids, names, nodes, measures],
  )
  const q = search.trim().toLowerCase()
  const shown = q
    ? rows.filter((r) => String(r.name).toLowerCase().includes(q) || String(r.id).toLowerCase().includes(q))
    : rows
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : -Infinity)
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('table.search')}
        aria-label={t('table.search')}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 320 }}
      />
      <Table
        className="node-measures"
        size="small"
        rowKey="id"
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize, showSizeChanger: true }}
        onRow={(r) => ({
          onClick: onOpen ? () => onOpen(String(r.id)) : undefined,
          style: onOpen ? { cursor: 'pointer' } : undefined,
        })}
        columns={[
          {
            title: t('table.actor'),
            dataIndex: 'name',
            fixed: 'left',
            sorter: (a, b) => String(a.name).localeCompare(String(b.name)),
            render: (v: string, r) =>
              onOpen ? (
                <a
                  role="button"
                  tabIndex={0}
                  onClick={(e) => {
                    e.stopPropagation()
                    onOpen(String(r.id))
                  }}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(String(r.id))}
                >
                  {v}
                </a>
              ) : (
                v
              ),
          },
          ...measures.map((m) => ({
            title: <MeasureName name={m} />,
            dataIndex: m,
            align: 'right' as const,
            sorter: (a: Record<string, unknown>, b: Record<string, unknown>) => num(a[m]) - num(b[m]),
            render: (v: number) => formatNumber(v),
          })),
        ]}
      />
    </Space>
  )
}
