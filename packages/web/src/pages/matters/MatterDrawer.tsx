// One matter: its facts, deadline, the timeline of its events and the steps the user may take.
import { useState } from 'react'
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
} from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import {
  HANDLER_STEPS,
  MATTER_CATEGORIES,
  MATTER_STATES,
  SAFETY_DOMAINS,
  URGENCIES,
  WHISTLE_TYPES,
  type MatterStep,
  type Role,
} from '@cosafe/core'
import { fieldErrors } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useActorName, useTerm, useTermOptions } from '../../i18n/vocabulary'
import { useAllActors, useMatter, useStep, type MatterDetail } from './api'

export type StepKind = 'accept' | 'return' | 'start' | 'done' | 'verify' | 'close' | 'whistle'

/** The steps a matter in its state allows, limited by the role (actors take the handler's steps only). */
export function stepsFor(m: MatterDetail, role: Role): StepKind[] {
  const byState: Partial<Record<string, StepKind[]>> = {
    dispatched: ['accept', 'return', 'whistle'],
    accepted: ['start', 'return', 'whistle'],
    in_progress: ['done', 'whistle'],
    done: ['verify', 'close'],
    verified: ['close'],
    received: ['whistle'],
    returned: ['whistle'],
    arbitration: ['whistle'],
  }
  const steps = byState[m.state] ?? []
  return role === 'actor' ? steps.filter((s) => (HANDLER_STEPS as readonly string[]).includes(s)) : steps
}

const leadId = (m: MatterDetail) =>
  m.handlers.find((h) => h.role === 'lead' && h.dispatch === m.handoffs && h.status !== 'released')?.actorId

export function MatterDrawer({
  communityId,
  id,
  role,
  canWrite,
  onClose,
}: {
  communityId: string
  id: string | null
  role: Role
  canWrite: boolean
  onClose: () => void
}) {
  const { t } = useTranslation('matters')
  const term = useTerm()
  const termOptions = useTermOptions()
  const actorName = useActorName()
  const matter = useMatter(communityId, id)
  const actors = useAllActors(communityId)
  const step = useStep(communityId)
  const [asking, setAsking] = useState<StepKind | null>(null)
  const [form] = Form.useForm()
  const [error, setError] = useState<unknown>(null)
  const byId = new Map((actors.data?.items ?? []).map((a) => [a.id, a]))
  const m = matter.data

  const send = async (kind: StepKind, values: Record<string, unknown>) => {
    if (!m) return
    setError(null)
    const body = { kind, ...values } as MatterStep
    const actorId = (HANDLER_STEPS as readonly string[]).includes(kind) && role !== 'actor' ? leadId(m) : undefined
    try {
      await step.mutateAsync({ id: m.id, body: { ...body, version: m.version, ...(actorId ? { actorId } : {}) } })
      setAsking(null)
      form.resetFields()
      await matter.refetch()
    } catch (e) {
      const fields = fieldErrors(e).filter((f) => f.name.length > 0)
      if (asking && fields.length) form.setFields(fields)
      else setError(e)
    }
  }

  const click = (kind: StepKind) => {
    if (kind === 'accept' || kind === 'start' || kind === 'close') void send(kind, {})
    else {
      form.resetFields()
      setAsking(kind)
    }
  }

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={t('drawer.title')} destroyOnHidden>
      {matter.error ? (
        <ErrorAlert error={matter.error} onRetry={() => void matter.refetch()} />
      ) : !m ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.category')}>{term(MATTER_CATEGORIES[m.category])}</Descriptions.Item>
            <Descriptions.Item label={t('field.domain')}>{term(SAFETY_DOMAINS[m.domain])}</Descriptions.Item>
            <Descriptions.Item label={t('field.urgency')}>{term(URGENCIES[m.urgency])}</Descriptions.Item>
            <Descriptions.Item label={t('field.state')}>
              <Tag>{term(MATTER_STATES[m.state])}</Tag>
              {m.deadline.overdue && <Tag color="red">{t('overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.deadline')}>
              {dayjs(m.deadline.dueAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.description')}>{m.description}</Descriptions.Item>
            <Descriptions.Item label={t('field.lead')}>{actorName(byId.get(leadId(m) ?? ''), '—')}</Descriptions.Item>
          </Descriptions>
          {error ? <ErrorAlert error={error} /> : null}
          {canWrite && (
            <Space wrap id="matter-steps">
              {stepsFor(m, role).map((k) => (
                <Button key={k} data-step={k} loading={step.isPending} onClick={() => click(k)}>
                  {t(`step.${k}`)}
                </Button>
              ))}
            </Space>
          )}
          <div id="matter-timeline">
            <Timeline
              items={m.events.map((e) => ({
                key: e.seq,
                content: (
                  <span className="matter-event">
                    {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {t(`event.${e.kind}`)}
                    {e.actorId ? ` · ${actorName(byId.get(e.actorId), e.actorId)}` : ''}
                    {'reason' in e && e.reason ? ` · ${e.reason}` : ''}
                    {'note' in e && e.note ? ` · ${e.note}` : ''}
                  </span>
                ),
              }))}
            />
          </div>
        </Space>
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`step.${asking}`) : ''}
        okText={t('send')}
        cancelText={t('cancel')}
        confirmLoading={step.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => void form.validateFields().then((v: Record<string, unknown>) => send(asking!, v))}
      >
        <Form form={form} layout="vertical" id="step-form">
          {asking === 'return' && (
            <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, message: t('required') }]}>
              <Input.TextArea id="step-reason" rows={3} />
            </Form.Item>
          )}
          {asking === 'done' && (
            <Form.Item name="resolved" label={t('field.resolved')} initialValue={true}>
              <Radio.Group
                options={[
                  { value: true, label: t('yes') },
                  { value: false, label: t('no') },
                ]}
              />
            </Form.Item>
          )}
          {asking === 'verify' && (
            <Form.Item name="passed" label={t('field.passed')} initialValue={true}>
              <Radio.Group
                options={[
                  { value: true, label: t('yes') },
                  { value: false, label: t('no') },
                ]}
              />
            </Form.Item>
          )}
          {asking === 'whistle' && (
            <>
              <Form.Item
                name="whistleType"
                label={t('field.whistleType')}
                rules={[{ required: true, message: t('required') }]}
              >
                <Select options={termOptions(WHISTLE_TYPES)} />
              </Form.Item>
              <Form.Item
                name="departmentIds"
                label={t('field.departments')}
                rules={[{ required: true, message: t('required') }]}
              >
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  options={(actors.data?.items ?? []).map((a) => ({ value: a.id, label: actorName(a) }))}
                />
              </Form.Item>
            </>
          )}
          {asking && asking !== 'return' && (
            <Form.Item name="note" label={t('field.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
        </Form>
        {asking && error ? <Alert type="error" showIcon message={t('stepFailed')} /> : null}
      </Modal>
    </Drawer>
  )
}
