// Designing a survey: which relations to ask about, the roster (the actors asked about), who answers, the deadline.
import { useMemo, useState } from 'react'
import { Button, Checkbox, DatePicker, Form, Input, Select, Space, Switch, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, DEFAULT_SCALE, RELATION_TYPES, type RelationType, type SurveyInput } from '@cosafe/core'
import { ApiError } from '../../api/client'
import type { Actor } from '../../api/types'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyFieldErrors } from '../../components/formErrors'
import { useActorName, useTerm } from '../../i18n/vocabulary'
import { useCreateSurvey, type Link, type SurveyWithProgress } from './api'

interface Values {
  title?: string
  relations?: RelationType[]
  attitudes?: boolean
  rosterIds?: string[]
  respondentIds?: string[]
  deadline?: Dayjs | null
}

const FIELDS = new Set(['title', 'relations', 'attitudes', 'rosterIds', 'respondentIds', 'deadline'])

export function SurveyForm({
  communityId,
  actors,
  onCreated,
}: {
  communityId: string
  actors: Actor[]
  onCreated: (r: { survey: SurveyWithProgress; links: Link[] }) => void
}) {
  const { t } = useTranslation('surveys')
  const term = useTerm()
  const actorName = useActorName()
  const [form] = Form.useForm<Values>()
  const create = useCreateSurvey(communityId)
  const [error, setError] = useState<unknown>(null)
  const roster = Form.useWatch('rosterIds', form) ?? []
  const organisations = useMemo(() => actors.filter((a) => !ACTOR_TYPES[a.type].individual).map((a) => a.id), [actors])
  const options = [...actors]
    .sort((a, b) => a.sector.localeCompare(b.sector) || actorName(a).localeCompare(actorName(b)))
    .map((a) => ({ value: a.id, label: actorName(a) }))

  const submit = async (v: Values) => {
    setError(null)
    const input: SurveyInput = {
      title: v.title!.trim(),
      relations: v.relations!,
      scale: DEFAULT_SCALE,
      attitudes: v.attitudes ?? false,
      rosterIds: v.rosterIds!,
      respondentIds: v.respondentIds?.length ? v.respondentIds : undefined,
      deadline: v.deadline ? v.deadline.format() : null,
      wave: 1,
    }
    try {
      onCreated(await create.mutateAsync(input))
    } catch (e) {
      const shown = applyFieldErrors(form, e, (name) => FIELDS.has(String(name[0])))
      if (!(e instanceof ApiError) || shown === 0 || shown < e.issues.length) setError(e)
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      id="survey-form"
      initialValues={{ relations: ['INFO', 'JOINT_ACTION'], attitudes: true, rosterIds: organisations }}
    >
      <Form.Item
        name="title"
        label={t('fields.title')}
        rules={[
          { required: true, whitespace: true, message: t('form.titleRequired') },
          { max: 200, message: t('form.max', { max: 200 }) },
        ]}
      >
        <Input id="survey-title" placeholder={t('form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="relations"
        label={t('fields.relations')}
        extra={t('form.relationsHelp')}
        rules={[{ required: true, type: 'array', min: 1, message: t('form.relationsRequired') }]}
      >
        <Checkbox.Group
          options={(Object.keys(RELATION_TYPES) as RelationType[]).map((r) => ({
            value: r,
            label: term(RELATION_TYPES[r]),
          }))}
        />
      </Form.Item>
      <Form.Item name="attitudes" label={t('fields.attitudes')} valuePropName="checked" extra={t('form.attitudesHelp')}>
        <Switch />
      </Form.Item>
      <Form.Item
        name="rosterIds"
        label={t('fields.roster')}
        extra={t('form.rosterHelp', { count: roster.length })}
        rules={[{ required: true, type: 'array', min: 2, message: t('form.rosterRequired') }]}
      >
        <Select
          id="survey-roster"
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Space style={{ marginTop: -12, marginBottom: 16 }}>
        <Button size="small" onClick={() => form.setFieldValue('rosterIds', organisations)}>
          {t('form.rosterOrganisations')}
        </Button>
        <Button
          size="small"
          onClick={() =>
            form.setFieldValue(
              'rosterIds',
              actors.map((a) => a.id),
            )
          }
        >
          {t('form.rosterAll')}
        </Button>
      </Space>
      <Form.Item
        name="respondentIds"
        label={t('fields.respondents')}
        extra={t('form.respondentsHelp')}
        dependencies={['rosterIds']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_: unknown, ids?: string[]) => {
              const r = new Set((getFieldValue('rosterIds') as string[] | undefined) ?? [])
              const outside = (ids ?? []).filter((id) => !r.has(id))
              if (outside.length) throw new Error(t('form.respondentsOutside', { count: outside.length }))
            },
          }),
        ]}
      >
        <Select
          id="survey-respondents"
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('form.respondentsPlaceholder')}
          options={options.filter((o) => roster.includes(o.value))}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('fields.deadline')}>
        <DatePicker id="survey-deadline" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Typography.Paragraph className="muted">{t('form.draftNote')}</Typography.Paragraph>
      {error != null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={create.isPending} id="survey-save">
        {t('form.create')}
      </Button>
    </Form>
  )
}
