// The app: providers (query cache, session, Ant Design in the current language) and the routes of every area.
import { useEffect, type ReactNode } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router-dom'
import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, Result } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import enUS from 'antd/locale/en_US'
import { useTranslation } from 'react-i18next'
import { queryClient } from './api/query'
import { AppLayout } from './app/AppLayout'
import { AREAS } from './app/areas'
import { SessionProvider, useSession } from './app/session'
import SignInPage from './pages/signin/SignInPage'

function Localised({ children }: { children: ReactNode }) {
  const { i18n, t } = useTranslation('common')
  useEffect(() => {
    document.title = t('appTitle')
  }, [t, i18n.language])
  return (
    <ConfigProvider
      locale={i18n.language === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

/** A page the account's role may not open (the menu hides it; a typed-in address lands here). */
function Guarded({ area }: { area: (typeof AREAS)[number] }) {
  const { t } = useTranslation('layout')
  const { may } = useSession()
  if (area.needs && !may(area.needs[0], area.needs[1]))
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />
  const Page = area.page
  return <Page />
}

function NotFound() {
  const { t } = useTranslation('layout')
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.text')} />
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localised>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/signin" element={<SignInPage />} />
              <Route element={<AppLayout />}>
                {AREAS.map((a) =>
                  a.path === '' ? (
                    <Route key={a.key} index element={<Guarded area={a} />} />
                  ) : (
                    <Route key={a.key} path={`${a.path}/*`} element={<Guarded area={a} />} />
                  ),
                )}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </Localised>
    </QueryClientProvider>
  )
}
