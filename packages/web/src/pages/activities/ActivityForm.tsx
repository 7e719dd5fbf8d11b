// Quick entry of an activity: what, when, which safety domains and phase, who convened, who took part;
// decisions and action items when there are any. Checked as you type; the server's field errors land on the fields.
import { useEffect, useState } from 'react'
import { App, Button, Col, DatePicker, Divider, Form, Input, Row, Segmented, Select, Space, Typography } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import {
  ACTIVITY_KINDS,
  PHASES,
  SAFETY_DOMAINS,
  type ActivityInput,
  type ActivityKind,
  type Phase,
  type SafetyDomain,
} from '@cosafe/core'
import { ApiError } from '../../api/client'
import type { Activity, Actor, CommunityDetail } from '../../api/types'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyFieldErrors } from '../../components/formErrors'
import { useActorName, useTerm, useTermOptions } from '../../i18n/vocabulary'
import { useSaveActivity } from './api'

type ItemStatus = 'open' | 'done' | 'cancelled'

interface Values {
  kind?: ActivityKind
  title?: string
  start?: Dayjs
  end?: Dayjs | null
  territoryId?: string | null
  domains?: SafetyDomain[]
  phase?: Phase
  convenerId?: string
  attendedIds?: string[]
  invitedIds?: string[]
  decisions?: string[]
  actionItems?: { text?: string; ownerId?: string; due?: Dayjs; status?: ItemStatus; doneOn?: Dayjs | null }[]
  note?: string
}

const FIELDS = new Set([
  'kind',
  'title',
  'start',
  'end',
  'territoryId',
  'domains',
  'phase',
  'convenerId',
  'attendedIds',
  'invitedIds',
  'decisions',
  'actionItems',
  'note',
])

function toValues(a: Activity | undefined, day: Dayjs | undefined): Values {
  if (!a)
    return {
      kind: 'meeting',
      phase: 'PREVENT',
      start: (day ?? dayjs()).hour(9).minute(0).second(0),
      domains: [],
      attendedIds: [],
      invitedIds: [],
      decisions: [],
      actionItems: [],
    }
  return {
    kind: a.kind as ActivityKind,
    title: a.title,
    start: dayjs(a.start),
    end: a.end ? dayjs(a.end) : null,
    territoryId: a.territoryId ?? null,
    domains: a.domains as SafetyDomain[],
    phase: a.phase as Phase,
    convenerId: a.convenerId,
    attendedIds: a.attendedIds,
    invitedIds: a.invitedIds.filter((id) => !a.attendedIds.includes(id)),
    decisions: a.decisions,
    actionItems: a.actionItems.map((x) => ({
      text: x.text,
      ownerId: x.ownerId,
      due: dayjs(x.due),
      status: x.status,
      doneOn: x.doneOn ? dayjs(x.doneOn) : null,
    })),
    note: a.note ?? undefined,
  }
}

function toInput(v: Values): ActivityInput {
  const attended = v.attendedIds ?? []
  const convener = v.convenerId!
  // whoever attended was invited; the convener counts as taking part
  const invited = [...new Set([...(v.invitedIds ?? []), ...attended])]
  return {
    kind: v.kind!,
    title: v.title!.trim(),
    start: v.start!.format(),
    end: v.end ? v.end.format() : null,
    territoryId: v.territoryId ?? null,
    domains: v.domains ?? [],
    phase: v.phase!,
    convenerId: convener,
    invitedIds: invited,
    attendedIds: attended,
    decisions: (v.decisions ?? []).map((d) => d.trim()).filter(Boolean),
    actionItems: (v.actionItems ?? []).map((x) => ({
      text: x.text!.trim(),
      ownerId: x.ownerId!,
      due: x.due!.format('YYYY-MM-DD'),
      status: x.status ?? 'open',
      doneOn: x.status === 'done' && x.doneOn ? x.doneOn.format('YYYY-MM-DD') : null,
    })),
    note: v.note?.trim() ? v.note.trim() : null,
  }
}

export function ActivityForm({
  communityId,
  detail,
  actors,
  activity,
  day,
  onDone,
}: {
  communityId: string
  detail: CommunityDetail
  actors: Actor[]
  activity?: Activity
  day?: Dayjs
  onDone: (saved: Activity) => void
}) {
  const { t, i18n } = useTranslation('activities')
  const { t: tc } = useTranslation('common')
  const term = useTerm()
  const termOptions = useTermOptions()
  const actorName = useActorName()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSaveActivity(communityId)
  const [error, setError] = useState<unknown>(null)
  const zh = i18n.language === 'zh-CN'

  useEffect(() => {
    form.resetFields()
    form.setFieldsValue(toValues(activity, day))
  }, [activity, day, form])

  const actorOptions = [...actors]
    .sort((a, b) => a.sector.localeCompare(b.sector) || actorName(a).localeCompare(actorName(b)))
    .map((a) => ({ value: a.id, label: actorName(a) }))
  const places = [detail.ancestors.find((x) => x.id === detail.id) ?? detail, ...detail.grids].map((x) => ({
    value: x.id,
    label: zh ? x.nameZh : x.nameEn,
  }))

  const submit = async (v: Values) => {
    setError(null)
    try {
      const saved = await save.mutateAsync({ id: activity?.id, input: toInput(v) })
      message.success(tc('saved'))
      onDone(saved)
    } catch (e) {
      const shown = applyFieldErrors(form, e, (name) => FIELDS.has(String(name[0])))
      if (!(e instanceof ApiError) || shown === 0 || shown < e.issues.length) setError(e)
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} id="activity-form" scrollToFirstError>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item
            name="title"
            label={t('fields.title')}
            rules={[
              { required: true, whitespace: true, message: t('form.titleRequired') },
              { max: 200, message: t('form.max', { max: 200 }) },
            ]}
          >
            <Input id="activity-title" placeholder={t('form.titlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('form.kindRequired') }]}>
            <Select
              id="activity-kind"
              showSearch={{ optionFilterProp: 'label' }}
              options={termOptions(ACTIVITY_KINDS)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="start"
            label={t('fields.start')}
            rules={[{ required: true, message: t('form.startRequired') }]}
          >
            <DatePicker
              id="activity-start"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="end"
            label={t('fields.end')}
            dependencies={['start']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_: unknown, end?: Dayjs | null) => {
                  const start = getFieldValue('start') as Dayjs | undefined
                  if (end && start && end.isBefore(start)) throw new Error(t('form.endsBeforeStart'))
                },
              }),
            ]}
          >
            <DatePicker
              id="activity-end"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="territoryId" label={t('fields.territory')}>
            <Select id="activity-territory" allowClear options={places} placeholder={t('form.territoryPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="domains"
        label={t('fields.domains')}
        rules={[{ required: true, type: 'array', min: 1, message: t('form.domainsRequired') }]}
      >
        <Select
          id="activity-domains"
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={termOptions(SAFETY_DOMAINS)}
          placeholder={t('form.domainsPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="phase" label={t('fields.phase')} rules={[{ required: true, message: t('form.phaseRequired') }]}>
        <Segmented<Phase>
          options={(Object.keys(PHASES) as Phase[]).map((p) => ({ value: p, label: term(PHASES[p]) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="convenerId"
            label={t('fields.convener')}
            rules={[{ required: true, message: t('form.convenerRequired') }]}
          >
            <Select id="activity-convener" showSearch={{ optionFilterProp: 'label' }} options={actorOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="attendedIds"
            label={t('fields.attended')}
            extra={t('form.attendedHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('form.attendedRequired') }]}
          >
            <Select
              id="activity-attended"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={actorOptions}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="invitedIds" label={t('fields.invitedAbsent')} extra={t('form.invitedHelp')}>
        <Select
          id="activity-invited"
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={actorOptions}
        />
      </Form.Item>

      <Divider titlePlacement="start">{t('fields.decisions')}</Divider>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={f.name}
                  style={{ width: 560 }}
                  rules={[
                    { required: true, whitespace: true, message: t('form.decisionRequired') },
                    { max: 1000, message: t('form.max', { max: 1000 }) },
                  ]}
                >
                  <Input aria-label={t('fields.decision')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('form.remove')}
                />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />}>
              {t('form.addDecision')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('fields.actionItems')}</Divider>
      <Form.List name="actionItems">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="action-item-row">
                <Form.Item
                  name={[f.name, 'text']}
                  rules={[{ required: true, whitespace: true, message: t('form.itemTextRequired') }]}
                  style={{ flex: 3 }}
                >
                  <Input aria-label={t('items.text')} placeholder={t('items.text')} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'ownerId']}
                  rules={[{ required: true, message: t('form.ownerRequired') }]}
                  style={{ flex: 2 }}
                >
                  <Select
                    aria-label={t('items.owner')}
                    placeholder={t('items.owner')}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={actorOptions}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'due']}
                  rules={[{ required: true, message: t('form.dueRequired') }]}
                  style={{ flex: 1.3 }}
                >
                  <DatePicker aria-label={t('items.due')} placeholder={t('items.due')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'status']} style={{ flex: 1.2 }}>
                  <Select
                    aria-label={t('items.status')}
                    options={(['open', 'done', 'cancelled'] as const).map((s) => ({
                      value: s,
                      label: t(`status.${s}`),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('form.remove')}
                />
              </div>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ status: 'open', due: dayjs().add(14, 'day') })}
              icon={<PlusOutlined />}
            >
              {t('form.addItem')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider />
      <Form.Item name="note" label={t('fields.note')} rules={[{ max: 2000, message: t('form.max', { max: 2000 }) }]}>
        <Input.TextArea id="activity-note" rows={2} />
      </Form.Item>
      {error != null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Typography.Paragraph className="muted">{t('form.networkNote')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={save.isPending} id="activity-save">
        {tc('save')}
      </Button>
    </Form>
  )
}
