// Two periods side by side: the network of each (GET network/series), measured in the browser's worker.
import { useMemo, useState } from 'react'
import { Alert, Card, DatePicker, Empty, Select, Space, Table, Typography } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { NETWORK_MEASURES } from '@cosafe/sna'
import { api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { analysisClient } from '../../analysis/client'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import { AnalysisErrorAlert, MeasureName, ProgressPanel } from '../../analysis/ui/parts'
import { formatNumber } from '../../analysis/ui/measures'
import { filterQuery, type NetworkFilterState } from '../network/communityNetwork'

type Unit = 'month' | 'quarter' | 'year'
interface SeriesItem {
  window: { label: string; from: string; to: string }
  network: Record<string, unknown>
}

export function ComparePeriods({ communityId, filter }: { communityId: string; filter: NetworkFilterState }) {
  const { t } = useTranslation('analysis')
  const [unit, setUnit] = useState<Unit>('quarter')
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(1, 'year').startOf('year').format('YYYY-MM-DD'),
    dayjs().endOf('year').format('YYYY-MM-DD'),
  ])
  const [picked, setPicked] = useState<[string | null, string | null]>([null, null])
  const q = {
    unit,
    from: range[0],
    to: range[1],
    relations: filterQuery(filter).relations,
    domains: filterQuery(filter).domains,
  }
  const series = useQuery({
    queryKey: ['network-series', communityId, q],
    queryFn: ({ signal }) => api.get<{ items: SeriesItem[] }>(`/communities/${communityId}/network/series`, q, signal),
  })
  const items = useMemo(() => series.data?.items ?? [], [series.data])
  const withTies = items.filter((i) => ((i.network.edges as unknown[] | undefined)?.length ?? 0) > 0)
  const first = picked[0] ?? withTies.at(-2)?.window.label ?? items.at(-2)?.window.label ?? null
  const second = picked[1] ?? withTies.at(-1)?.window.label ?? items.at(-1)?.window.label ?? null
  const a = items.find((i) => i.window.label === first)
  const b = items.find((i) => i.window.label === second)
  const key =
    a && b && series.dataUpdatedAt
      ? `series:${communityId}:${JSON.stringify(q)}:${series.dataUpdatedAt}:${first}:${second}`
      : null
  const task = useWorkerTask(key, async (o) => {
    const c = analysisClient()
    const measure = async (item: SeriesItem, k: string) => {
      await c.load(k, { kind: 'json', document: item.network, name: item.window.label }, o)
      const r = await c.analyse({ key: k, measures: [...NETWORK_MEASURES], attribute: 'sector' }, o)
      c.unload(k)
      return r
    }
    return [await measure(a!, `${key}:a`), await measure(b!, `${key}:b`)] as const
  })
  const rows: { key: string; a?: number; b?: number; change?: number }[] = task.data
    ? NETWORK_MEASURES.filter(
        (m) => task.data![0].network[m] !== undefined || task.data![1].network[m] !== undefined,
      ).map((m) => {
        const x = task.data![0].network[m]
        const y = task.data![1].network[m]
        return { key: m, a: x, b: y, change: x !== undefined && y !== undefined ? y - x : undefined }
      })
    : []
  if (task.data) {
    const x = task.data[0].groups?.ei ?? undefined
    const y = task.data[1].groups?.ei ?? undefined
    rows.push({ key: 'eiIndex', a: x, b: y, change: x !== undefined && y !== undefined ? y - x : undefined })
  }
  const options = items.map((i) => ({
    value: i.window.label,
    label: `${i.window.label} (${i.window.from} – ${i.window.to})`,
  }))
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph className="muted">{t('compare.intro')}</Typography.Paragraph>
      <Card size="small">
        <Space wrap>
          <Select<Unit>
            aria-label={t('compare.unit')}
            value={unit}
            onChange={(u) => {
              setUnit(u)
              setPicked([null, null])
            }}
            options={(['month', 'quarter', 'year'] as const).map((u) => ({ value: u, label: t(`compare.units.${u}`) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('compare.range')}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(r) => {
              if (r?.[0] && r[1]) {
                setRange([r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')])
                setPicked([null, null])
              }
            }}
          />
          <span>{t('compare.first')}</span>
          <Select
            aria-label={t('compare.first')}
            style={{ minWidth: 230 }}
            value={first ?? undefined}
            options={options}
            onChange={(v: string) => setPicked([v, picked[1]])}
          />
          <span>{t('compare.second')}</span>
          <Select
            aria-label={t('compare.second')}
            style={{ minWidth: 230 }}
            value={second ?? undefined}
            options={options}
            onChange={(v: string) => setPicked([picked[0], v])}
          />
        </Space>
      </Card>
      <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />
      <AnalysisErrorAlert error={task.error} onRetry={task.rerun} />
      {task.running && <ProgressPanel progress={task.progress} onCancel={task.cancel} />}
      {series.data && items.length < 2 && <Empty description={t('compare.tooFew')} />}
      {series.data && items.length >= 2 && withTies.length === 0 && (
        <Alert type="info" showIcon title={t('compare.noTies')} />
      )}
      {task.data && (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: t('compare.measure'), dataIndex: 'key', render: (k: string) => <MeasureName name={k} /> },
            { title: first, dataIndex: 'a', align: 'right', render: formatNumber },
            { title: second, dataIndex: 'b', align: 'right', render: formatNumber },
            {
              title: t('compare.change'),
              dataIndex: 'change',
              align: 'right',
              render: (v: number | undefined) =>
                v === undefined || Math.abs(v) < 1e-12 ? (
                  formatNumber(v === undefined ? undefined : 0)
                ) : (
                  <span className={v > 0 ? 'change-up' : 'change-down'}>
                    {v > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatNumber(Math.abs(v))}
                  </span>
                ),
            },
          ]}
        />
      )}
    </Space>
  )
}
