// The frame of every signed-in page: side menu by role, header with community picker, language and user menu.
import { Suspense, useState } from 'react'
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom'
import { Button, Dropdown, Layout, Menu, Result, Select, Space, Spin, Tag, Typography, theme } from 'antd'
import { AlertOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useTerm } from '../i18n/vocabulary'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { PageErrorBoundary } from '../components/PageErrorBoundary'
import { AREAS } from './areas'
import type { CommunitySummary } from '../api/types'
import { useSession } from './session'

const { Header, Sider, Content } = Layout

export function AppLayout() {
  const { t, i18n } = useTranslation('layout')
  const term = useTerm()
  const session = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const [collapsed, setCollapsed] = useState(false)
  const { token } = theme.useToken()
  /** 东城区 / X 街道 / C 社区 in Chinese; the community's English name otherwise (the path is kept in Chinese only). */
  const communityLabel = (c: CommunitySummary) => (i18n.language === 'zh-CN' ? c.path.join(' / ') : c.nameEn)

  if (session.loading)
    return (
      <div className="center-screen">
        <Spin size="large" description={t('loading')}>
          <div className="spin-box" />
        </Spin>
      </div>
    )
  if (!session.me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />

  const { me, communities, community } = session
  const areas = AREAS.filter((a) => !a.needs || session.may(a.needs[0], a.needs[1]))
  const first = location.pathname.split('/')[1] ?? ''
  const selected = areas.find((a) => a.path === first)?.key ?? 'dashboard'

  let body
  if (session.communitiesLoading) body = <Spin />
  else if (!community) body = <Result status="info" title={t('noCommunity.title')} subTitle={t('noCommunity.text')} />
  else
    body = (
      <Suspense
        fallback={
          <div className="center-block">
            <Spin description={t('loading')}>
              <div className="spin-box" />
            </Spin>
          </div>
        }
      >
        <PageErrorBoundary key={location.pathname}>
          <Outlet />
        </PageErrorBoundary>
      </Suspense>
    )

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={232}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link to="/" className="brand" aria-label={t('home')}>
          <span className="brand-dot" aria-hidden="true" />
          {!collapsed && <span className="brand-name">{t('brand')}</span>}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={[
            ...areas.map((a) => ({
              key: a.key,
              icon: a.icon,
              label: <Link to={`/${a.path}`}>{t(`menu.${a.key}`)}</Link>,
            })),
            // residents report a safety problem through the public form of their community
            ...(me.account.role === 'resident' && community
              ? [
                  {
                    key: 'report',
                    icon: <AlertOutlined />,
                    label: <a href={`/report/${community.id}`}>{t('menu.report')}</a>,
                  },
                ]
              : []),
          ]}
        />
      </Sider>
      <Layout>
        <Header className="app-header" style={{ background: token.colorBgContainer }}>
          <Space size="middle" wrap={false}>
            {communities.length > 1 && community ? (
              <Select
                aria-label={t('community')}
                value={community.id}
                onChange={(id) => session.setCommunityId(id)}
                style={{ minWidth: 220 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={communities.map((c) => ({ value: c.id, label: communityLabel(c) }))}
              />
            ) : community ? (
              <Typography.Text strong>{communityLabel(community)}</Typography.Text>
            ) : null}
          </Space>
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'role', label: term(me.roleName), disabled: true },
                  { type: 'divider' },
                  { key: 'signout', icon: <LogoutOutlined />, label: t('signOut') },
                ],
                onClick: async ({ key }) => {
                  if (key === 'signout') {
                    await session.signOut()
                    navigate('/signin')
                  }
                },
              }}
            >
              <Button icon={<UserOutlined />} aria-label={t('userMenu')}>
                <span className="user-name">{me.account.displayName}</span>
                <Tag color="blue" className="role-tag">
                  {term(me.roleName)}
                </Tag>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content id="main" tabIndex={-1} className="app-content">
          {body}
        </Content>
      </Layout>
    </Layout>
  )
}
