// The network filter: relations, safety domains and period (shared by the explorer, analysis and diagnosis pages).
import { DatePicker, Select, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { COLLABORATION_RELATIONS, RELATION_TYPES, SAFETY_DOMAINS } from '@cosafe/core'
import { useTermOptions } from '../../i18n/vocabulary'
import type { NetworkFilterState } from './communityNetwork'

export function NetworkFilters({
  value,
  onChange,
}: {
  value: NetworkFilterState
  onChange: (f: NetworkFilterState) => void
}) {
  const { t } = useTranslation('network')
  const options = useTermOptions()
  return (
    <Space wrap>
      <Select
        mode="multiple"
        allowClear
        aria-label={t('filter.relations')}
        placeholder={t('filter.relationsAll')}
        value={value.relations ?? []}
        onChange={(v: string[]) => onChange({ ...value, relations: v.length ? v : undefined })}
        options={options(RELATION_TYPES)}
        style={{ minWidth: 240, maxWidth: 420 }}
        maxTagCount="responsive"
        title={t('filter.relationsHint', { count: COLLABORATION_RELATIONS.length })}
      />
      <Select
        mode="multiple"
        allowClear
        aria-label={t('filter.domains')}
        placeholder={t('filter.domainsAll')}
        value={value.domains ?? []}
        onChange={(v: string[]) => onChange({ ...value, domains: v.length ? v : undefined })}
        options={options(SAFETY_DOMAINS)}
        style={{ minWidth: 200, maxWidth: 360 }}
        maxTagCount="responsive"
      />
      <DatePicker.RangePicker
        aria-label={t('filter.period')}
        allowEmpty={[true, true]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(r) =>
          onChange({
            ...value,
            from: r?.[0] ? r[0].format('YYYY-MM-DD') : undefined,
            to: r?.[1] ? r[1].format('YYYY-MM-DD') : undefined,
          })
        }
      />
    </Space>
  )
}
