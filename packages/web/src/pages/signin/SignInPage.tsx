// Sign-in: user name and password; the demo's logins are offered only when the server says they work.
import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { Alert, Button, Card, Form, Input, Table, Typography } from 'antd'
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ROLES } from '@cosafe/core'
import { ApiError, api } from '../../api/client'
import type { DemoInfo } from '../../api/types'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { useTerm } from '../../i18n/vocabulary'

interface Fields {
  username: string
  password: string
}

export default function SignInPage() {
  const { t } = useTranslation('auth')
  const term = useTerm()
  const session = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [form] = Form.useForm<Fields>()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const demo = useQuery({ queryKey: ['demo'], queryFn: () => api.get<DemoInfo>('/demo'), staleTime: Infinity })

  const next = params.get('next')
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
  if (session.me) return <Navigate to={target} replace />

  const submit = async (v: Fields) => {
    setBusy(true)
    setError(null)
    try {
      await session.signIn(v.username.trim(), v.password)
      navigate(target, { replace: true })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  let problem = null
  if (error instanceof ApiError && error.status === 401)
    problem = <Alert type="error" showIcon role="alert" title={t('badCredentials')} />
  else if (error instanceof ApiError && error.status === 429)
    problem = <Alert type="warning" showIcon role="alert" title={t('tooMany')} />
  else if (error) problem = <ErrorAlert error={error} />

  return (
    <main className="signin-page">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <Card className="signin-card">
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph className="muted">{t('intro')}</Typography.Paragraph>
        <Form<Fields> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('username')}
            rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
          >
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {problem && <div style={{ marginBottom: 16 }}>{problem}</div>}
          <Button type="primary" htmlType="submit" block loading={busy} id="signin">
            {t('submit')}
          </Button>
        </Form>
      </Card>
      {demo.data?.demo && demo.data.logins.length > 0 && (
        <Card className="signin-card" style={{ marginTop: 16 }} size="small" title={t('demo.title')}>
          <Typography.Paragraph className="muted">{t('demo.text')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={demo.data.logins}
            columns={[
              { title: t('demo.role'), dataIndex: 'role', render: (r: keyof typeof ROLES) => term(ROLES[r], r) },
              { title: t('username'), dataIndex: 'username', render: (u: string) => <code>{u}</code> },
              {
                title: '',
                key: 'use',
                render: (_: unknown, l) => (
                  <Button
                    size="small"
                    onClick={() => form.setFieldsValue({ username: l.username, password: l.password })}
                    aria-label={t('demo.useAria', { username: l.username })}
                  >
                    {t('demo.use')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </main>
  )
}
