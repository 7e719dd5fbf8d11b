// What needs attention now: overdue action items, actors left out of all cooperation, surveys still waiting for answers.
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { Card, Empty, List, Typography } from 'antd'
import { CheckCircleOutlined, ClockCircleOutlined, FormOutlined, UserDeleteOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Survey } from '@cosafe/core'
import { api } from '../../api/client'
import { useActivities } from '../../api/hooks'
import type { Actor } from '../../api/types'
import { useSession } from '../../app/session'
import { useActorName } from '../../i18n/vocabulary'
import type { AnalysisResult } from './api'

interface Item {
  key: string
  icon: ReactNode
  text: string
  to: string
}

export function Attention({
  communityId,
  analysis,
  actors,
}: {
  communityId: string
  analysis: AnalysisResult
  actors: Actor[]
}) {
  const { t } = useTranslation('dashboard')
  const actorName = useActorName()
  const { may } = useSession()
  const activities = useActivities(communityId, may('read', 'activity'))
  const surveys = useQuery({
    queryKey: ['surveys', communityId],
    queryFn: () =>
      api.get<{ items: (Survey & { progress: { responseRate: number; respondents: number; submitted: number } })[] }>(
        `/communities/${communityId}/surveys`,
      ),
    enabled: may('read', 'survey'),
  })
  const today = dayjs().format('YYYY-MM-DD')
  const items: Item[] = []

  const overdue = (activities.data?.items ?? []).flatMap((a) =>
    a.actionItems.filter((x) => x.status === 'open' && x.due < today),
  )
  if (overdue.length)
    items.push({
      key: 'overdue',
      icon: <ClockCircleOutlined style={{ color: '#fa541c' }} />,
      text: t('attention.overdue', { count: overdue.length }),
      to: '/activities?tab=items',
    })
  const isolated = actors.filter((a) => (analysis.nodes[a.id]?.degree ?? 0) === 0)
  if (isolated.length)
    items.push({
      key: 'isolated',
      icon: <UserDeleteOutlined style={{ color: '#faad14' }} />,
      text: t('attention.isolated', {
        count: isolated.length,
        names: isolated
          .slice(0, 4)
          .map((a) => actorName(a))
          .join(t('attention.separator')),
      }),
      to: '/activities',
    })
  for (const s of surveys.data?.items ?? [])
    if (s.status === 'open' && s.progress.responseRate < 0.7)
      items.push({
        key: `survey-${s.id}`,
        icon: <FormOutlined style={{ color: '#1677ff' }} />,
        text: t('attention.survey', {
          title: s.title,
          submitted: s.progress.submitted,
          respondents: s.progress.respondents,
        }),
        to: `/surveys/${s.id}`,
      })

  return (
    <Card size="small" title={t('attention.title')}>
      {items.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 36, color: '#52c41a' }} />}
          description={t('attention.none')}
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(x) => (
            <List.Item>
              <Link to={x.to} className="attention-item">
                {x.icon} <Typography.Text>{x.text}</Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
