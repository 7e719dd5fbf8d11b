// Status tags of surveys and responses.
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResponseStatus, SurveyStatus } from '@cosafe/core'

const SURVEY: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'purple' }
const RESPONSE: Record<ResponseStatus, string> = { not_started: 'default', in_progress: 'orange', submitted: 'green' }

export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation('surveys')
  return <Tag color={SURVEY[status]}>{t(`status.${status}`)}</Tag>
}

export function ResponseStatusTag({ status }: { status: ResponseStatus }) {
  const { t } = useTranslation('surveys')
  return <Tag color={RESPONSE[status]}>{t(`response.${status}`)}</Tag>
}
