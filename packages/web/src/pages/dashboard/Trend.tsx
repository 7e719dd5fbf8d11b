// The last twelve months: activities per month and how many pairs of actors worked together.
import { useMemo } from 'react'
import { Card, Spin, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { EChart } from '../../components/EChart'
import { ErrorAlert } from '../../components/ErrorAlert'

interface Series {
  items: {
    window: { label: string; from: string; to: string }
    used: { activities: number; ties: number }
    network: { nodes: { id: string }[]; edges: { source: string; target: string }[] }
  }[]
}

export function Trend({ communityId }: { communityId: string }) {
  const { t } = useTranslation('dashboard')
  const to = dayjs().format('YYYY-MM-DD')
  const from = dayjs().subtract(11, 'month').startOf('month').format('YYYY-MM-DD')
  const series = useQuery({
    queryKey: ['series', communityId, from, to],
    queryFn: () => api.get<Series>(`/communities/${communityId}/network/series`, { unit: 'month', from, to }),
    staleTime: 5 * 60_000,
  })
  const option = useMemo(() => {
    const items = series.data?.items ?? []
    const pairs = items.map((x) => new Set(x.network.edges.map((e) => [e.source, e.target].sort().join('|'))).size)
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: items.map((x) => x.window.label) },
      yAxis: [
        { type: 'value', name: '', minInterval: 1 },
        { type: 'value', name: '', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('trend.activities'),
          type: 'bar',
          data: items.map((x) => x.used.activities),
          itemStyle: { color: '#91caff' },
        },
        {
          name: t('trend.pairs'),
          type: 'line',
          yAxisIndex: 1,
          data: pairs,
          smooth: true,
          itemStyle: { color: '#fa8c16' },
        },
      ],
    }
  }, [series.data, t])

  return (
    <Card size="small" title={t('trend.title')}>
      <Typography.Paragraph className="muted">{t('trend.text')}</Typography.Paragraph>
      {series.isPending ? (
        <Spin />
      ) : series.error ? (
        <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <EChart option={option} label={t('trend.title')} />
      )}
    </Card>
  )
}
