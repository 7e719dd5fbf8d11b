// The diagnosis's most serious findings, in plain words, with the way to the full diagnosis.
// Shown once the server offers the diagnosis (GET /communities/:id/diagnosis); hidden before.
import { Link } from 'react-router-dom'
import { Button, Card, Empty, List, Spin, Tag, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DIMENSIONS, type Diagnosis } from '@cosafe/core'
import { ApiError, api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useTerm } from '../../i18n/vocabulary'

const SEVERITY = { high: 0, medium: 1, low: 2 } as const
const SEVERITY_COLOUR = { high: 'volcano', medium: 'gold', low: 'blue' } as const

export function Findings({ communityId }: { communityId: string }) {
  const { t } = useTranslation('dashboard')
  const term = useTerm()
  const diagnosis = useQuery({
    queryKey: ['diagnosis', communityId],
    queryFn: () => api.get<Diagnosis>(`/communities/${communityId}/diagnosis`),
    staleTime: 5 * 60_000,
  })
  // a server without the diagnosis answers "no route": nothing to show yet
  if (diagnosis.error instanceof ApiError && diagnosis.error.status === 404) return null
  if (diagnosis.data && !Array.isArray(diagnosis.data.findings)) return null
  const fired = (diagnosis.data?.findings ?? [])
    .filter((f) => f.status === 'fired')
    .sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity])
  return (
    <Card
      size="small"
      title={t('findings.title')}
      extra={
        <Link to="/diagnosis">
          <Button size="small" type="link">
            {t('findings.all')}
          </Button>
        </Link>
      }
    >
      {diagnosis.isPending ? (
        <Spin description={t('findings.computing')}>
          <div className="spin-box" />
        </Spin>
      ) : diagnosis.error ? (
        <ErrorAlert error={diagnosis.error} onRetry={() => void diagnosis.refetch()} />
      ) : fired.length === 0 ? (
        <Empty description={t('findings.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={fired.slice(0, 4)}
          renderItem={(f) => (
            <List.Item>
              <div>
                <Tag color={SEVERITY_COLOUR[f.severity]}>{t(`findings.severity.${f.severity}`)}</Tag>
                <Tag>{term(DIMENSIONS[f.dimension], f.dimension)}</Tag>
                <Typography.Text>{term(f.explanation)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {fired.length > 4 && (
        <Typography.Paragraph className="muted" style={{ marginBottom: 0 }}>
          {t('findings.more', { count: fired.length - 4 })}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
