// Diagnosis: the rulebook's findings by dimension with their evidence, the recommendations with
// their predicted effect (before → after), and a what-if sandbox computed in the browser.
import { useState } from 'react'
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { ArrowRightOutlined, ExperimentOutlined, ReloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  DIMENSIONS,
  FAMILIES,
  summariseDiagnosis,
  type Diagnosis,
  type Dimension,
  type Finding,
  type MeasureChange,
  type Recommendation,
} from '@cosafe/core'
import { api } from '../../api/client'
import { useCommunity } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useTerm } from '../../i18n/vocabulary'
import { formatNumber } from '../../analysis/ui/measures'
import { AnalysisErrorAlert, ProgressPanel } from '../../analysis/ui/parts'
import { useActorWords, useLoadedNetwork } from '../network/communityNetwork'
import { WhatIfSandbox, type SandboxChange } from './WhatIfSandbox'

const DIMENSION_KEYS = Object.keys(DIMENSIONS) as Dimension[]
const STATUS_ORDER = { fired: 0, 'insufficient-data': 1, clear: 2 } as const
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const
const STATUS_COLOUR = { fired: 'red', clear: 'green', 'insufficient-data': 'default' } as const
const SEVERITY_COLOUR = { high: 'volcano', medium: 'gold', low: 'blue' } as const

function Change({ c }: { c: MeasureChange }) {
  return (
    <span>
      {formatNumber(c.before)} <ArrowRightOutlined className="muted" /> <strong>{formatNumber(c.after)}</strong>
      {c.change !== null && Math.abs(c.change) > 1e-12 && (
        <span className={c.change > 0 ? 'change-up' : 'change-down'}>
          {' '}
          ({c.change > 0 ? '+' : '−'}
          {formatNumber(Math.abs(c.change))})
        </span>
      )}
    </span>
  )
}

type NameOf = (id: string, fallback: string) => string

function RecommendationItem({
  r,
  onTry,
  name,
}: {
  r: Recommendation
  onTry: (r: Recommendation) => void
  name: NameOf
}) {
  const { t, i18n } = useTranslation('diagnosis')
  const term = useTerm()
  const en = i18n.language === 'en'
  return (
    <List.Item className="recommendation">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          {r.families.map((f) => (
            <Tag key={f} color="geekblue">
              {term(FAMILIES[f], f)}
            </Tag>
          ))}
          <Typography.Text>{term(r.text)}</Typography.Text>
        </div>
        {r.ties.length > 0 && (
          <Typography.Text className="muted">
            {t('rec.ties', {
              ties: r.ties
                .map((x) => `${name(x.source, x.sourceName)} – ${name(x.target, x.targetName)}`)
                .join(en ? '; ' : '；'),
            })}
          </Typography.Text>
        )}
        {r.whatIf && (
          <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered className="rec-effect" title={t('rec.effect')}>
            <Descriptions.Item label={t('rec.density')}>
              <Change c={r.whatIf.density} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rec.centralization')}>
              <Change c={r.whatIf.degreeCentralization} />
            </Descriptions.Item>
            <Descriptions.Item label={t('rec.ei')}>
              <Change c={r.whatIf.eiIndex} />
            </Descriptions.Item>
            <Descriptions.Item
              label={t('rec.brokerShare', { name: en ? r.whatIf.broker.nameEn : r.whatIf.broker.name })}
            >
              <Change c={r.whatIf.brokerShare} />
            </Descriptions.Item>
          </Descriptions>
        )}
        {r.whatIf && r.whatIf.add.length > 0 && (
          <Button size="small" icon={<ExperimentOutlined />} onClick={() => onTry(r)}>
            {t('rec.try')}
          </Button>
        )}
      </Space>
    </List.Item>
  )
}

function FindingBody({ f, onTry, name }: { f: Finding; onTry: (r: Recommendation) => void; name: NameOf }) {
  const { t, i18n } = useTranslation('diagnosis')
  const term = useTerm()
  const en = i18n.language === 'en'
  const ev = f.evidence
  const values = Object.entries(ev.values ?? {})
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{term(f.explanation)}</Typography.Paragraph>
      {f.needs && <Alert type="warning" showIcon title={t('finding.needs')} description={term(f.needs)} />}
      {values.length > 0 && (
        <Descriptions size="small" column={{ xs: 1, lg: 3 }} title={t('finding.evidence')}>
          {values.map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {formatNumber(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {ev.actors.length > 0 && (
        <div>
          <Typography.Text strong>{t('finding.actors')}</Typography.Text>{' '}
          {ev.actors.map((a) => (
            <Tag key={a.id}>{en ? a.nameEn : a.name}</Tag>
          ))}
        </div>
      )}
      {ev.ties.length > 0 && (
        <div>
          <Typography.Text strong>{t('finding.ties')}</Typography.Text>
          <ul className="issue-list">
            {ev.ties.slice(0, 12).map((x, k) => (
              <li key={k}>
                {name(x.source, x.sourceName)} – {name(x.target, x.targetName)}
                {x.note ? ` (${x.note})` : ''}
              </li>
            ))}
          </ul>
          {ev.ties.length > 12 && (
            <Typography.Text className="muted">{t('finding.more', { count: ev.ties.length - 12 })}</Typography.Text>
          )}
        </div>
      )}
      {ev.checks.length > 0 && (
        <div>
          <Typography.Text strong>{t('finding.checks')}</Typography.Text>
          <ul className="issue-list">
            {ev.checks.map((c, k) => (
              <li key={k}>
                <Tag color={c.flagged ? 'red' : 'green'}>{t(`basis.${c.basis}`)}</Tag>
                {c.bandText} · {t('finding.checkValue', { value: formatNumber(c.value) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Typography.Text className="muted">{t('finding.source', { source: ev.source.citation })}</Typography.Text>
      {f.recommendations.length > 0 && (
        <Card size="small" title={t('rec.title', { count: f.recommendations.length })}>
          <List
            dataSource={f.recommendations}
            renderItem={(r) => <RecommendationItem r={r} onTry={onTry} name={name} />}
          />
        </Card>
      )}
    </Space>
  )
}

export default function DiagnosisPage() {
  const { t } = useTranslation('diagnosis')
  const term = useTerm()
  const community = useCommunity()
  const words = useActorWords(community.id)
  const [tab, setTab] = useState<string>('structure')
  const [changes, setChanges] = useState<SandboxChange[]>([])
  const diagnosis = useQuery({
    queryKey: ['diagnosis', community.id],
    queryFn: ({ signal }) => api.get<Diagnosis>(`/communities/${community.id}/diagnosis`, undefined, signal),
    staleTime: 5 * 60_000,
  })
  const { doc, load, data } = useLoadedNetwork(community.id, {})
  const findings = diagnosis.data?.findings ?? []
  const summary = diagnosis.data ? summariseDiagnosis({ findings }) : null

  const tryIt = (r: Recommendation) => {
    setChanges(r.whatIf!.add.map(([s, x]) => ({ kind: 'add' as const, source: s, target: x })))
    setTab('sandbox')
  }

  return (
    <div className="diagnosis-page">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <Button icon={<ReloadOutlined />} loading={diagnosis.isFetching} onClick={() => void diagnosis.refetch()}>
            {t('run')}
          </Button>
        }
      />
      <ErrorAlert error={diagnosis.error} onRetry={() => void diagnosis.refetch()} />
      {diagnosis.isPending && (
        <Spin tip={t('running')}>
          <div style={{ height: 120 }} />
        </Spin>
      )}
      {summary && (summary.vetoHits.length > 0 || summary.vetoUnknown.length > 0) && (
        <Alert
          className="veto-alert"
          style={{ marginBottom: 12 }}
          showIcon
          type={summary.vetoHits.length ? 'error' : 'info'}
          message={
            summary.vetoHits.length
              ? t('veto.hit', { rules: summary.vetoHits.join(', ') })
              : t('veto.unknown', { rules: summary.vetoUnknown.join(', ') })
          }
          description={t('veto.explain')}
        />
      )}
      {summary && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {DIMENSION_KEYS.map((d) => {
            const c = summary.byDimension[d]
            return (
              <Col key={d} flex="1 1 180px">
                <Card size="small" hoverable onClick={() => setTab(d)} className={`dimension-card dimension-${d}`}>
                  <Statistic title={term(DIMENSIONS[d])} value={c.fired} suffix={t('summary.fired')} />
                  <Typography.Text className="muted">
                    {t('summary.rest', { clear: c.clear, missing: c['insufficient-data'] })}
                  </Typography.Text>
                </Card>
              </Col>
            )
          })}
        </Row>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...DIMENSION_KEYS.map((d) => {
            const list = findings
              .filter((f) => f.dimension === d)
              .sort(
                (a, b) =>
                  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
                  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
              )
            return {
              key: d,
              label: (
                <span>
                  {term(DIMENSIONS[d])}
                  {summary && summary.byDimension[d].fired > 0 && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {summary.byDimension[d].fired}
                    </Tag>
                  )}
                </span>
              ),
              children:
                list.length === 0 ? (
                  <Empty description={diagnosis.data ? t('noFindings') : t('waiting')} />
                ) : (
                  <Collapse
                    className="findings"
                    defaultActiveKey={list
                      .filter((f) => f.status === 'fired')
                      .slice(0, 1)
                      .map((f) => f.rule)}
                    items={list.map((f) => ({
                      key: f.rule,
                      label: (
                        <Space wrap>
                          <Tag color={STATUS_COLOUR[f.status]}>{t(`status.${f.status}`)}</Tag>
                          {f.status === 'fired' && (
                            <Tag color={SEVERITY_COLOUR[f.severity]}>{t(`severity.${f.severity}`)}</Tag>
                          )}
                          {f.veto && <Tag color="volcano">{t('veto.tag')}</Tag>}
                          <Typography.Text strong>{f.rule}</Typography.Text>
                          <span>{term(f.indicator)}</span>
                          {f.value !== null && <Typography.Text code>{formatNumber(f.value)}</Typography.Text>}
                        </Space>
                      ),
                      children: <FindingBody f={f} onTry={tryIt} name={words.name} />,
                    }))}
                  />
                ),
            }
          }),
          {
            key: 'sandbox',
            label: (
              <span>
                <ExperimentOutlined /> {t('sandbox.title')}
              </span>
            ),
            children: (
              <>
                <ErrorAlert error={doc.error} />
                <AnalysisErrorAlert error={load.error} />
                {load.running && <ProgressPanel progress={load.progress} />}
                {data && (
                  <WhatIfSandbox data={data} names={(id) => words.name(id)} changes={changes} onChanges={setChanges} />
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  )
}
