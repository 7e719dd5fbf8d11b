// The activities on a month calendar; a day's cell lists what happened, and a new activity can start from a day.
import { useMemo, useState } from 'react'
import { Badge, Button, Calendar, Space, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_KINDS, type ActivityKind } from '@cosafe/core'
import type { Activity } from '../../api/types'
import { useTerm } from '../../i18n/vocabulary'

const BADGE: Record<ActivityKind, string> = {
  meeting: 'blue',
  patrol: 'geekblue',
  drill: 'volcano',
  education: 'green',
  inspection: 'orange',
  project: 'purple',
  other: '#8c8c8c',
}

export function ActivityCalendar({
  activities,
  canWrite,
  onOpen,
  onAdd,
}: {
  activities: Activity[]
  canWrite: boolean
  onOpen: (a: Activity) => void
  onAdd: (day: Dayjs) => void
}) {
  const { t } = useTranslation('activities')
  const term = useTerm()
  const latest = activities[0] ? dayjs(activities[0].start) : dayjs()
  const [value, setValue] = useState<Dayjs>(latest)
  const byDay = useMemo(() => {
    const m = new Map<string, Activity[]>()
    for (const a of activities) {
      const k = dayjs(a.start).format('YYYY-MM-DD')
      m.set(k, [...(m.get(k) ?? []), a])
    }
    for (const list of m.values()) list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    return m
  }, [activities])
  const selected = byDay.get(value.format('YYYY-MM-DD')) ?? []
  const monthCount = activities.filter((a) => dayjs(a.start).isSame(value, 'month')).length

  return (
    <div className="activity-calendar">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text className="muted">{t('calendar.monthCount', { count: monthCount })}</Typography.Text>
      </Space>
      <Calendar
        value={value}
        onChange={setValue}
        cellRender={(d, info) => {
          if (info.type === 'month') {
            const n = activities.filter((a) => dayjs(a.start).isSame(d, 'month')).length
            return n ? <Badge count={n} color="#1677ff" /> : null
          }
          if (info.type !== 'date') return info.originNode
          const list = byDay.get(d.format('YYYY-MM-DD')) ?? []
          return (
            <ul className="calendar-events">
              {list.slice(0, 3).map((a) => (
                <li key={a.id}>
                  <Badge color={BADGE[a.kind as ActivityKind]} text={a.title} />
                </li>
              ))}
              {list.length > 3 && <li className="muted">{t('calendar.more', { count: list.length - 3 })}</li>}
            </ul>
          )
        }}
      />
      <div className="calendar-day">
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {t('calendar.day', { date: value.format('YYYY-MM-DD') })}
          </Typography.Title>
          {canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => onAdd(value)}>
              {t('calendar.addOnDay')}
            </Button>
          )}
        </Space>
        {selected.length === 0 ? (
          <Typography.Paragraph className="muted">{t('calendar.nothing')}</Typography.Paragraph>
        ) : (
          <ul className="calendar-day-list">
            {selected.map((a) => (
              <li key={a.id}>
                <Button type="link" onClick={() => onOpen(a)}>
                  {dayjs(a.start).format('HH:mm')} · {a.title}
                </Button>
                <span className="muted">{term(ACTIVITY_KINDS[a.kind as ActivityKind], a.kind)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
