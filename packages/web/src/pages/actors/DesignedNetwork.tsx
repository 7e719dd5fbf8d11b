// The designed network (who the duty lists say should work together) against the observed one (who did).
import { useMemo, useState } from 'react'
import { Card, Col, Empty, Progress, Row, Select, Spin, Statistic, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { SAFETY_DOMAINS, type SafetyDomain } from '@cosafe/core'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { useAllActors, useDesigned } from './api'

export function DesignedNetwork({ communityId }: { communityId: string }) {
  const { t } = useTranslation('actors')
  const term = useTerm()
  const actorName = useActorName()
  const [domains, setDomains] = useState<SafetyDomain[]>([])
  const designed = useDesigned(communityId, domains)
  const actors = useAllActors(communityId)
  const byId = useMemo(() => new Map((actors.data?.items ?? []).map((a) => [a.id, a])), [actors.data])
  const name = (id: string) => actorName(byId.get(id), id)

  const pairs = (list: [string, string][]) => (
    <Table<[string, string]>
      size="small"
      rowKey={(p) => p.join('|')}
      dataSource={list}
      pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
      locale={{ emptyText: <Empty description={t('designed.noPairs')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      columns={[
        { title: t('designed.actorA'), key: 'a', render: (_, p) => name(p[0]) },
        { title: t('designed.actorB'), key: 'b', render: (_, p) => name(p[1]) },
      ]}
    />
  )

  return (
    <>
      <Typography.Paragraph className="muted">{t('designed.intro')}</Typography.Paragraph>
      <Select<SafetyDomain[]>
        mode="multiple"
        allowClear
        aria-label={t('designed.domains')}
        placeholder={t('designed.allDomains')}
        style={{ minWidth: 320, marginBottom: 16 }}
        value={domains}
        onChange={setDomains}
        options={(Object.keys(SAFETY_DOMAINS) as SafetyDomain[]).map((k) => ({
          value: k,
          label: term(SAFETY_DOMAINS[k]),
        }))}
      />
      {designed.isPending ? (
        <div className="center-block">
          <Spin description={t('designed.computing')}>
            <div className="spin-box" />
          </Spin>
        </div>
      ) : designed.error ? (
        <ErrorAlert error={designed.error} onRetry={() => void designed.refetch()} />
      ) : designed.data.used.responsibilities === 0 ? (
        <Empty description={t('designed.noDuties')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card size="small">
                <Statistic
                  title={t('designed.agreement')}
                  value={`${Math.round(designed.data.comparison.jaccard * 100)}%`}
                />
                <Progress percent={Math.round(designed.data.comparison.jaccard * 100)} showInfo={false} />
                <Typography.Paragraph className="muted" style={{ marginBottom: 0 }}>
                  {t('designed.agreementText', designed.data.comparison.counts)}
                </Typography.Paragraph>
              </Card>
            </Col>
            {(['designed', 'observed', 'overlap'] as const).map((k) => (
              <Col key={k} xs={8} lg={5}>
                <Card size="small">
                  <Statistic title={t(`designed.counts.${k}`)} value={designed.data.comparison.counts[k]} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('designed.missingTitle', { count: designed.data.comparison.counts.missing })}>
                <Typography.Paragraph className="muted">{t('designed.missingText')}</Typography.Paragraph>
                {pairs(designed.data.comparison.missing)}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('designed.unexpectedTitle', { count: designed.data.comparison.counts.unexpected })}
              >
                <Typography.Paragraph className="muted">{t('designed.unexpectedText')}</Typography.Paragraph>
                {pairs(designed.data.comparison.unexpected)}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  )
}
