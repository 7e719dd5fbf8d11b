// The community's surveys, their status and response rates; designing a new one.
import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { Button, Drawer, Empty, Progress, Spin, Table, Tag } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { RELATION_TYPES, type RelationType } from '@cosafe/core'
import { useCommunity, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useTerm } from '../../i18n/vocabulary'
import { LinksModal } from './LinksModal'
import { SurveyForm } from './SurveyForm'
import { SurveyStatusTag } from './status'
import { useAllActors, useSurveys, type Link as SurveyLink, type SurveyWithProgress } from './api'

export function SurveyList() {
  const { t } = useTranslation('surveys')
  const term = useTerm()
  const community = useCommunity()
  const { may } = useSession()
  const navigate = useNavigate()
  const surveys = useSurveys(community.id)
  const actors = useAllActors(community.id)
  const [designing, setDesigning] = useState(false)
  const [links, setLinks] = useState<{ surveyId: string; links: SurveyLink[] } | null>(null)
  const byId = useMemo(() => new Map((actors.data?.items ?? []).map((a) => [a.id, a])), [actors.data])
  const canWrite = may('write', 'survey')
  const error = surveys.error ?? actors.error

  return (
    <>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDesigning(true)} id="add-survey">
              {t('add')}
            </Button>
          )
        }
      />
      {error ? (
        <ErrorAlert error={error} onRetry={() => void Promise.all([surveys.refetch(), actors.refetch()])} />
      ) : !surveys.data || actors.isPending ? (
        <Spin />
      ) : surveys.data.items.length === 0 ? (
        <Empty description={t('empty')}>
          {canWrite && (
            <Button type="primary" onClick={() => setDesigning(true)}>
              {t('add')}
            </Button>
          )}
        </Empty>
      ) : (
        <Table<SurveyWithProgress>
          rowKey="id"
          dataSource={[...surveys.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          columns={[
            {
              title: t('fields.title'),
              key: 'title',
              render: (_, s) => <Link to={`/surveys/${s.id}`}>{s.title}</Link>,
            },
            { title: t('fields.wave'), dataIndex: 'wave', width: 80 },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 100,
              render: (_, s) => <SurveyStatusTag status={s.status} />,
            },
            {
              title: t('fields.relations'),
              dataIndex: 'relations',
              render: (rs: RelationType[]) => rs.map((r) => <Tag key={r}>{term(RELATION_TYPES[r], r)}</Tag>),
            },
            {
              title: t('fields.responses'),
              key: 'rate',
              width: 220,
              render: (_, s) => (
                <div>
                  <Progress percent={Math.round(s.progress.responseRate * 100)} size="small" />
                  <span className="muted">
                    {t('progress', {
                      submitted: s.progress.submitted,
                      respondents: s.progress.respondents,
                      inProgress: s.progress.inProgress,
                    })}
                  </span>
                </div>
              ),
            },
            {
              title: t('fields.deadline'),
              dataIndex: 'deadline',
              width: 150,
              render: (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : t('noDeadline')),
            },
          ]}
        />
      )}
      <Drawer open={designing} onClose={() => setDesigning(false)} size={720} title={t('add')} destroyOnHidden>
        {designing && (
          <SurveyForm
            communityId={community.id}
            actors={actors.data?.items ?? []}
            onCreated={(r) => {
              setDesigning(false)
              setLinks({ surveyId: r.survey.id, links: r.links })
            }}
          />
        )}
      </Drawer>
      <LinksModal
        links={links?.links ?? null}
        actors={byId}
        onClose={() => {
          const id = links?.surveyId
          setLinks(null)
          if (id) navigate(`/surveys/${id}`)
        }}
      />
    </>
  )
}
