// One survey: open, close or reopen it, follow who has answered, remind, give someone a new link, start the next wave.
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { RELATION_TYPES, type ResponseStatus } from '@cosafe/core'
import { apiUrl } from '../../api/client'
import { useCommunity, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { LinksModal } from './LinksModal'
import { ResponseStatusTag, SurveyStatusTag } from './status'
import { useAllActors, useSurvey, useSurveyActions, type Link as SurveyLink, type SurveyWithProgress } from './api'

type Row = SurveyWithProgress['responses'][number]
type Show = 'all' | ResponseStatus

export function SurveyDetail() {
  const { t } = useTranslation('surveys')
  const { t: tc } = useTranslation('common')
  const term = useTerm()
  const actorName = useActorName()
  const { message } = App.useApp()
  const { surveyId = '' } = useParams()
  const community = useCommunity()
  const { may } = useSession()
  const navigate = useNavigate()
  const survey = useSurvey(community.id, surveyId)
  const actors = useAllActors(community.id)
  const act = useSurveyActions(community.id, surveyId)
  const [links, setLinks] = useState<SurveyLink[] | null>(null)
  const [show, setShow] = useState<Show>('all')
  const byId = useMemo(() => new Map((actors.data?.items ?? []).map((a) => [a.id, a])), [actors.data])
  const canWrite = may('write', 'survey')

  const run = async <T,>(f: () => Promise<T>, done: (r: T) => string | void) => {
    try {
      const r = await f()
      const text = done(r)
      if (text) message.success(text)
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[{ title: <Link to="/surveys">{t('title')}</Link> }, { title: survey.data?.title ?? '' }]}
    />
  )
  if (survey.isPending || actors.isPending) return <Spin />
  if (survey.error || actors.error)
    return (
      <>
        {crumbs}
        <ErrorAlert error={survey.error ?? actors.error} onRetry={() => void survey.refetch()} />
      </>
    )
  const s = survey.data
  const rows = s.responses.filter((r) => show === 'all' || r.status === show)
  const count = (st: ResponseStatus) => s.responses.filter((r) => r.status === st).length

  const actions = canWrite && (
    <Space wrap>
      {s.status === 'draft' && (
        <Button
          type="primary"
          loading={act.transition.isPending}
          onClick={() =>
            void run(
              () => act.transition.mutateAsync('open'),
              () => t('done.opened'),
            )
          }
          id="survey-open"
        >
          {t('actions.open')}
        </Button>
      )}
      {s.status === 'open' && (
        <>
          <Button
            loading={act.remind.isPending}
            onClick={() =>
              void run(
                () => act.remind.mutateAsync(undefined),
                (r) => t('done.reminded', { count: r.reminded.length }),
              )
            }
          >
            {t('actions.remindAll')}
          </Button>
          <Popconfirm
            title={t('actions.closeConfirm')}
            okText={t('actions.close')}
            cancelText={tc('cancel')}
            onConfirm={() =>
              run(
                () => act.transition.mutateAsync('close'),
                () => t('done.closed'),
              )
            }
          >
            <Button id="survey-close">{t('actions.close')}</Button>
          </Popconfirm>
        </>
      )}
      {s.status === 'closed' && (
        <>
          <Button
            onClick={() =>
              void run(
                () => act.transition.mutateAsync('reopen'),
                () => t('done.reopened'),
              )
            }
          >
            {t('actions.reopen')}
          </Button>
          <Button
            onClick={() =>
              void run(
                () => act.wave.mutateAsync(),
                (r) => {
                  setLinks(r.links)
                  navigate(`/surveys/${r.survey.id}`)
                  return t('done.wave', { wave: r.survey.wave })
                },
              )
            }
          >
            {t('actions.wave')}
          </Button>
        </>
      )}
      <Popconfirm
        title={t('actions.deleteConfirm')}
        okText={tc('delete')}
        cancelText={tc('cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() =>
          run(
            () => act.remove.mutateAsync(),
            () => {
              navigate('/surveys')
              return tc('deleted')
            },
          )
        }
      >
        <Button danger>{tc('delete')}</Button>
      </Popconfirm>
    </Space>
  )

  return (
    <>
      {crumbs}
      <PageHeader title={s.title} intro={t('detailIntro')} actions={actions} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'status', label: t('fields.status'), children: <SurveyStatusTag status={s.status} /> },
                { key: 'wave', label: t('fields.wave'), children: s.wave },
                {
                  key: 'relations',
                  label: t('fields.relations'),
                  children: s.relations.map((r) => <Tag key={r}>{term(RELATION_TYPES[r], r)}</Tag>),
                },
                { key: 'attitudes', label: t('fields.attitudes'), children: s.attitudes ? t('yes') : t('no') },
                { key: 'roster', label: t('fields.roster'), children: t('actorsCount', { count: s.rosterIds.length }) },
                {
                  key: 'deadline',
                  label: t('fields.deadline'),
                  children: s.deadline ? dayjs(s.deadline).format('YYYY-MM-DD HH:mm') : t('noDeadline'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t('stats.rate')} value={`${Math.round(s.progress.responseRate * 100)}%`} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('stats.submitted')}
                  value={s.progress.submitted}
                  suffix={`/ ${s.progress.respondents}`}
                />
              </Col>
              <Col span={8}>
                <Statistic title={t('stats.inProgress')} value={s.progress.inProgress} />
              </Col>
            </Row>
            <Progress
              percent={Math.round(
                ((s.progress.submitted + s.progress.inProgress) / Math.max(1, s.progress.respondents)) * 100,
              )}
              success={{ percent: Math.round(s.progress.responseRate * 100) }}
              showInfo={false}
            />
            <span className="muted">{t('stats.explain')}</span>
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t('responsesTitle')}>
        <Segmented<Show>
          style={{ marginBottom: 12 }}
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('filter.all', { count: s.responses.length }) },
            { value: 'not_started', label: t('filter.not_started', { count: count('not_started') }) },
            { value: 'in_progress', label: t('filter.in_progress', { count: count('in_progress') }) },
            { value: 'submitted', label: t('filter.submitted', { count: count('submitted') }) },
          ]}
        />
        <Table<Row>
          size="small"
          rowKey="respondentId"
          dataSource={rows}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          loading={act.remind.isPending || act.newLink.isPending}
          columns={[
            {
              title: t('links.respondent'),
              key: 'who',
              render: (_, r) => actorName(byId.get(r.respondentId), r.respondentId),
            },
            {
              title: t('fields.status'),
              key: 'status',
              width: 110,
              render: (_, r) => <ResponseStatusTag status={r.status} />,
            },
            {
              title: t('fields.updated'),
              key: 'updated',
              width: 150,
              render: (_, r) =>
                (r.submittedAt ?? r.updatedAt) ? dayjs(r.submittedAt ?? r.updatedAt!).format('YYYY-MM-DD HH:mm') : '–',
            },
            {
              title: t('fields.reminders'),
              key: 'reminders',
              width: 160,
              render: (_, r) =>
                r.reminders
                  ? t('reminded', { count: r.reminders, date: dayjs(r.remindedAt!).format('MM-DD HH:mm') })
                  : '–',
            },
            ...(canWrite
              ? [
                  {
                    title: tc('actions'),
                    key: 'actions',
                    width: 230,
                    render: (_: unknown, r: Row) => (
                      <Space>
                        {s.status === 'open' && r.status !== 'submitted' && (
                          <Button
                            size="small"
                            onClick={() =>
                              void run(
                                () => act.remind.mutateAsync([r.respondentId]),
                                (x) => t('done.reminded', { count: x.reminded.length }),
                              )
                            }
                          >
                            {t('actions.remind')}
                          </Button>
                        )}
                        <Popconfirm
                          title={t('actions.newLinkConfirm')}
                          okText={t('actions.newLink')}
                          cancelText={tc('cancel')}
                          onConfirm={() =>
                            run(
                              () => act.newLink.mutateAsync(r.respondentId),
                              (x) => void setLinks(x.links),
                            )
                          }
                        >
                          <Button
                            size="small"
                            aria-label={t('actions.newLinkFor', {
                              name: actorName(byId.get(r.respondentId), r.respondentId),
                            })}
                          >
                            {t('actions.newLink')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {s.progress.submitted > 0 && (
        <Card size="small" style={{ marginTop: 16 }} title={t('downloads.title')}>
          <Typography.Paragraph className="muted">{t('downloads.text')}</Typography.Paragraph>
          <Space wrap>
            {(
              [
                ['answers', apiUrl(`/communities/${community.id}/surveys/${s.id}/answers`, { format: 'csv' })],
                ['graphml', apiUrl(`/communities/${community.id}/surveys/${s.id}/network`, { format: 'graphml' })],
                ['dl', apiUrl(`/communities/${community.id}/surveys/${s.id}/network`, { format: 'dl' })],
                ['csv', apiUrl(`/communities/${community.id}/surveys/${s.id}/network`, { format: 'csv' })],
              ] as const
            ).map(([k, href]) => (
              <Button key={k} icon={<DownloadOutlined />} href={href} download>
                {t(`downloads.${k}`)}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <LinksModal links={links} actors={byId} onClose={() => setLinks(null)} />
    </>
  )
}
