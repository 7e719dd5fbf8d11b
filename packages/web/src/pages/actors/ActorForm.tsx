// Create or edit an actor: checked as you type (the same rules the server applies), then the server's field errors.
import { useEffect, useState } from 'react'
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ACTOR_TYPES, SECTORS, type ActorInput, type ActorType, type Sector } from '@cosafe/core'
import { ApiError } from '../../api/client'
import type { Actor, CommunityDetail } from '../../api/types'
import { ErrorAlert } from '../../components/ErrorAlert'
import { applyFieldErrors } from '../../components/formErrors'
import { useTerm } from '../../i18n/vocabulary'
import { useSaveActor } from './api'

interface Values {
  type?: ActorType
  sector?: Sector
  name?: string
  nameEn?: string
  territoryId?: string
  orgCode?: string
  contact?: { person?: string; phone?: string; email?: string }
  activeFrom?: Dayjs | null
  activeTo?: Dayjs | null
  note?: string
}

const FIELDS = new Set([
  'type',
  'sector',
  'name',
  'nameEn',
  'territoryId',
  'orgCode',
  'contact',
  'activeFrom',
  'activeTo',
  'note',
])

/** Mainland identity card numbers must never be stored (the server refuses them too). */
const ID_CARD = /(^|\D)(\d{17}[\dXx]|\d{15})(\D|$)/
const blank = (s: string | undefined): boolean => s === undefined || s.trim() === ''
const orNull = (s: string | undefined): string | null => (blank(s) ? null : s!.trim())

function toValues(a: Actor | undefined, communityId: string): Values {
  if (!a) return { territoryId: communityId }
  return {
    type: a.type,
    sector: a.sector,
    name: a.name,
    nameEn: a.nameEn ?? undefined,
    territoryId: a.territoryId,
    orgCode: a.orgCode ?? undefined,
    contact: {
      person: a.contact?.person ?? undefined,
      phone: a.contact?.phone ?? undefined,
      email: a.contact?.email ?? undefined,
    },
    activeFrom: a.activeFrom ? dayjs(a.activeFrom) : null,
    activeTo: a.activeTo ? dayjs(a.activeTo) : null,
    note: a.note ?? undefined,
  }
}

function toInput(v: Values): ActorInput {
  const individual = v.type ? ACTOR_TYPES[v.type].individual : false
  const contact = individual
    ? null
    : {
        person: orNull(v.contact?.person),
        phone: orNull(v.contact?.phone),
        email: orNull(v.contact?.email),
      }
  return {
    type: v.type!,
    sector: v.sector!,
    name: v.name!.trim(),
    nameEn: orNull(v.nameEn),
    territoryId: v.territoryId!,
    orgCode: individual ? null : orNull(v.orgCode),
    contact: contact && (contact.person || contact.phone || contact.email) ? contact : null,
    activeFrom: v.activeFrom ? v.activeFrom.format('YYYY-MM-DD') : null,
    activeTo: v.activeTo ? v.activeTo.format('YYYY-MM-DD') : null,
    note: orNull(v.note),
  }
}

export function ActorForm({
  communityId,
  detail,
  actor,
  onDone,
}: {
  communityId: string
  detail: CommunityDetail
  actor?: Actor
  onDone: (saved: Actor) => void
}) {
  const { t, i18n } = useTranslation('actors')
  const { t: tc } = useTranslation('common')
  const term = useTerm()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSaveActor(communityId)
  const [error, setError] = useState<unknown>(null)
  const type = Form.useWatch('type', form)
  const info = type ? ACTOR_TYPES[type] : undefined
  const zh = i18n.language === 'zh-CN'

  useEffect(() => {
    form.resetFields()
    form.setFieldsValue(toValues(actor, communityId))
  }, [actor, communityId, form])

  const territories = [
    ...detail.ancestors.filter((x) => x.id === detail.id),
    ...detail.grids,
    ...detail.ancestors.filter((x) => x.id !== detail.id),
  ].map((x) => ({ value: x.id, label: zh ? x.nameZh : x.nameEn }))

  const noIdNumber = {
    validator: async (_: unknown, v?: string) => {
      if (v && ID_CARD.test(v)) throw new Error(t('form.noIdNumber'))
    },
  }

  const submit = async (v: Values) => {
    setError(null)
    try {
      const saved = await save.mutateAsync({ id: actor?.id, input: toInput(v) })
      message.success(tc('saved'))
      onDone(saved)
    } catch (e) {
      const shown = applyFieldErrors(form, e, (name) => FIELDS.has(String(name[0])))
      if (!(e instanceof ApiError) || shown === 0 || shown < e.issues.length) setError(e)
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} id="actor-form" scrollToFirstError>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="type" label={t('fields.type')} rules={[{ required: true, message: t('form.typeRequired') }]}>
            <Select
              id="actor-type"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('form.typePlaceholder')}
              options={(Object.keys(ACTOR_TYPES) as ActorType[]).map((k) => ({
                value: k,
                label: term(ACTOR_TYPES[k]),
              }))}
              onChange={(k: ActorType) => {
                const sectors: readonly Sector[] = ACTOR_TYPES[k].sectors
                const current = form.getFieldValue('sector') as Sector | undefined
                if (!current || !sectors.includes(current)) form.setFieldValue('sector', sectors[0])
                void form.validateFields(['sector'])
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="sector"
            label={t('fields.sector')}
            dependencies={['type']}
            rules={[
              { required: true, message: t('form.sectorRequired') },
              {
                validator: async (_: unknown, s?: Sector) => {
                  if (s && info && !(info.sectors as readonly Sector[]).includes(s))
                    throw new Error(
                      t('form.sectorMismatch', {
                        type: term(info),
                        sectors: info.sectors.map((x) => term(SECTORS[x])).join(' / '),
                      }),
                    )
                },
              },
            ]}
          >
            <Select
              id="actor-sector"
              options={(Object.keys(SECTORS) as Sector[]).map((k) => ({
                value: k,
                label: `${k} · ${term(SECTORS[k])}`,
                disabled: info ? !(info.sectors as readonly Sector[]).includes(k) : false,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="name"
            label={info?.individual ? t('fields.alias') : t('fields.name')}
            extra={info?.individual ? t('form.aliasHelp') : undefined}
            rules={[
              { required: true, whitespace: true, message: t('form.nameRequired') },
              { max: 120, message: t('form.max', { max: 120 }) },
              noIdNumber,
            ]}
          >
            <Input id="actor-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="nameEn"
            label={t('fields.nameEn')}
            rules={[{ max: 120, message: t('form.max', { max: 120 }) }, noIdNumber]}
          >
            <Input id="actor-name-en" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="territoryId"
            label={t('fields.territory')}
            extra={t('form.territoryHelp')}
            rules={[{ required: true, message: t('form.territoryRequired') }]}
          >
            <Select id="actor-territory" options={territories} />
          </Form.Item>
        </Col>
        {!info?.individual && (
          <Col span={12}>
            <Form.Item
              name="orgCode"
              label={t('fields.orgCode')}
              extra={t('form.orgCodeHelp')}
              rules={[
                { max: 32, message: t('form.max', { max: 32 }) },
                { pattern: /^[A-Za-z0-9-]+$/, message: t('form.orgCodePattern') },
              ]}
            >
              <Input id="actor-org-code" />
            </Form.Item>
          </Col>
        )}
      </Row>
      {!info?.individual && (
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name={['contact', 'person']}
              label={t('fields.contactPerson')}
              rules={[{ max: 60, message: t('form.max', { max: 60 }) }]}
            >
              <Input id="actor-contact-person" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['contact', 'phone']}
              label={t('fields.phone')}
              rules={[{ pattern: /^[0-9+() -]{3,32}$/, message: t('form.phone') }]}
            >
              <Input id="actor-phone" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['contact', 'email']}
              label={t('fields.email')}
              rules={[{ type: 'email', message: t('form.email') }]}
            >
              <Input id="actor-email" inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="activeFrom" label={t('fields.activeFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="activeTo"
            label={t('fields.activeTo')}
            dependencies={['activeFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_: unknown, to?: Dayjs | null) => {
                  const from = getFieldValue('activeFrom') as Dayjs | null | undefined
                  if (to && from && to.isBefore(from, 'day')) throw new Error(t('form.endsBeforeStart'))
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="note"
        label={t('fields.note')}
        extra={info?.individual ? t('form.noteIndividual') : undefined}
        rules={[{ max: 500, message: t('form.max', { max: 500 }) }, noIdNumber]}
      >
        <Input.TextArea id="actor-note" rows={2} showCount maxLength={500} />
      </Form.Item>
      {error != null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} id="actor-save">
          {tc('save')}
        </Button>
      </Space>
    </Form>
  )
}
