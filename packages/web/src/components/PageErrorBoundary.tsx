// Keeps one broken page from blanking the app: shows what happened with a way out. When a page's code
// cannot be loaded because the app was updated meanwhile (its old files are gone), reloads once.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'

const RELOADED = 'cosafe.reloadedForUpdate'
const CHUNK_FAILED = /dynamically imported module|Importing a module script failed|Failed to fetch|ChunkLoadError/i

function Fallback({ error }: { error: Error }) {
  const { t } = useTranslation('common')
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={`${t('crash.text')} (${error.message})`}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </Button>
      }
    />
  )
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (CHUNK_FAILED.test(error.message) && sessionStorage.getItem(RELOADED) !== window.location.pathname) {
      sessionStorage.setItem(RELOADED, window.location.pathname)
      window.location.reload()
      return
    }
    console.error(error, info.componentStack)
  }

  override render() {
    return this.state.error ? <Fallback error={this.state.error} /> : this.props.children
  }
}
