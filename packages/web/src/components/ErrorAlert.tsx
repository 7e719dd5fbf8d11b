// An API error in words: what went wrong and what to do, with the server's own message and field issues.
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'

export function errorTitle(t: (k: string) => string, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unexpected')
  if (error.status === 0) return t('error.network')
  if (error.status === 401) return t('error.401')
  if (error.status === 403) return t('error.403')
  if (error.status === 404) return t('error.404')
  if (error.status === 409) return t('error.409')
  if (error.status === 429) return t('error.429')
  if (error.status >= 500) return t('error.500')
  return t('error.400')
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common')
  if (!error) return null
  const detail = error instanceof Error ? error.message : String(error)
  const issues = error instanceof ApiError ? error.issues : []
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorTitle(t, error)}
      description={
        <>
          <div>{detail}</div>
          {issues.length > 0 && (
            <ul className="issue-list">
              {issues.map((i, k) => (
                <li key={k}>
                  <code>{i.field}</code>
                  {': '}
                  {i.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    />
  )
}
