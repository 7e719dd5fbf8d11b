// The community at a glance: its records, the shape of its collaboration network in plain words, and what to do next.
import { Link } from 'react-router-dom'
import { Button, Card, Col, Empty, List, Result, Row, Spin, Statistic, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { SECTORS, type Sector } from '@cosafe/core'
import { useCommunity, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { useAllActors, useAnalysis, useCommunityDetail, type AnalysisResult } from './api'
import { Attention } from './Attention'
import { Findings } from './Findings'
import { Trend } from './Trend'

const pct = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '–' : `${Math.round(x * 100)}%`)

/** Plain-language band of a 0–1 share, for the explanations. */
function band(x: number | undefined, low: number, high: number): 'low' | 'mid' | 'high' {
  if (x === undefined || x < low) return 'low'
  return x > high ? 'high' : 'mid'
}

function Indicators({ a }: { a: AnalysisResult }) {
  const { t } = useTranslation('dashboard')
  const n = a.network
  const ei = a.groups?.eiIndex
  const cards = [
    {
      key: 'density',
      value: pct(n.density),
      text: t(`density.${band(n.density, 0.1, 0.4)}`, { value: pct(n.density) }),
    },
    {
      key: 'centralization',
      value: pct(n.betweennessCentralization),
      text: t(`centralization.${band(n.betweennessCentralization, 0.2, 0.4)}`),
    },
    {
      key: 'components',
      value: String(n.components ?? '–'),
      text: n.components === 1 ? t('components.one') : t('components.many', { count: n.components ?? 0 }),
    },
    {
      key: 'ei',
      value: ei === undefined || Number.isNaN(ei) ? '–' : ei.toFixed(2),
      text: t(`ei.${ei === undefined ? 'mid' : ei < -0.2 ? 'low' : ei > 0.2 ? 'high' : 'mid'}`),
    },
    {
      key: 'reciprocity',
      value: pct(n.reciprocity),
      text: t('reciprocity.text', { value: pct(n.reciprocity) }),
    },
    {
      key: 'distance',
      value: n.averageGeodesicDistance === undefined ? '–' : n.averageGeodesicDistance.toFixed(1),
      text: t('distance.text', { value: n.averageGeodesicDistance?.toFixed(1) ?? '–' }),
    },
  ]
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} md={12} xl={8}>
          <Card size="small" className="indicator-card">
            <Statistic title={t(`${c.key}.title`)} value={c.value} />
            <Typography.Paragraph className="muted" style={{ marginBottom: 0 }}>
              {c.text}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  )
}

function Brokers({ a, communityId }: { a: AnalysisResult; communityId: string }) {
  const { t } = useTranslation('dashboard')
  const term = useTerm()
  const actorName = useActorName()
  const actors = useAllActors(communityId)
  const byId = new Map((actors.data?.items ?? []).map((x) => [x.id, x]))
  const top = Object.entries(a.nodes)
    .map(([id, m]) => ({ id, b: m.betweennessNormalized ?? 0 }))
    .sort((x, y) => y.b - x.b)
    .slice(0, 5)
  const total = top.reduce((s, x) => s + x.b, 0)
  return (
    <Card title={t('brokers.title')} size="small">
      <Typography.Paragraph className="muted">{t('brokers.text')}</Typography.Paragraph>
      {total === 0 ? (
        <Empty description={t('brokers.none')} />
      ) : (
        <List
          size="small"
          dataSource={top}
          renderItem={(x) => {
            const actor = byId.get(x.id)
            return (
              <List.Item>
                <span>
                  {actorName(actor, x.id)} {actor && <Tag>{term(SECTORS[actor.sector as Sector], actor.sector)}</Tag>}
                </span>
                <span>{pct(x.b)}</span>
              </List.Item>
            )
          }}
        />
      )}
    </Card>
  )
}

export default function DashboardPage() {
  const { t } = useTranslation('dashboard')
  const community = useCommunity()
  const { may } = useSession()
  const term = useTerm()
  const detail = useCommunityDetail(community.id)
  const canNetwork = may('read', 'network')
  const hasRecords = (detail.data?.counts.activities ?? 0) + (detail.data?.counts.ties ?? 0) > 0
  const analysis = useAnalysis(community.id, canNetwork && hasRecords)
  const actors = useAllActors(community.id, may('read', 'actor'))
  const name = term({ zh: community.nameZh, en: community.nameEn })

  if (detail.isPending) return <Spin />
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
  const counts = detail.data.counts

  if (!canNetwork) return <Result status="info" title={t('welcome', { name })} subTitle={t('noNetworkAccess')} />

  return (
    <>
      <PageHeader title={t('title', { name })} intro={t('intro')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['actors', 'responsibilities', 'activities', 'ties'] as const).map((k) => (
          <Col key={k} xs={12} lg={6}>
            <Card size="small">
              <Statistic title={t(`counts.${k}`)} value={counts[k]} />
            </Card>
          </Col>
        ))}
      </Row>
      {counts.actors === 0 ? (
        <Result
          status="info"
          title={t('empty.actorsTitle')}
          subTitle={t('empty.actorsText')}
          extra={
            may('write', 'actor') && (
              <Link to="/actors">
                <Button type="primary">{t('empty.actorsAction')}</Button>
              </Link>
            )
          }
        />
      ) : !hasRecords ? (
        <Result
          status="info"
          title={t('empty.activitiesTitle')}
          subTitle={t('empty.activitiesText')}
          extra={
            may('write', 'activity') && (
              <Link to="/activities">
                <Button type="primary">{t('empty.activitiesAction')}</Button>
              </Link>
            )
          }
        />
      ) : analysis.isPending ? (
        <div className="center-block">
          <Spin description={t('computing')}>
            <div className="spin-box" />
          </Spin>
        </div>
      ) : analysis.error ? (
        <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />
      ) : (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('networkTitle')}
          </Typography.Title>
          <Typography.Paragraph className="muted">
            {t('networkBasis', {
              activities: analysis.data.filter.activities,
              ties: analysis.data.filter.ties,
              actors: analysis.data.network.nodes ?? 0,
            })}
          </Typography.Paragraph>
          <Indicators a={analysis.data} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Attention communityId={community.id} analysis={analysis.data} actors={actors.data?.items ?? []} />
            </Col>
            <Col xs={24} xl={12}>
              <Brokers a={analysis.data} communityId={community.id} />
            </Col>
            <Col xs={24}>
              <Findings communityId={community.id} />
            </Col>
            <Col xs={24}>
              <Trend communityId={community.id} />
            </Col>
          </Row>
        </>
      )}
    </>
  )
}
