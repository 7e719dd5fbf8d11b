// A page's title, one line saying what the page is for, and its main actions.
import type { ReactNode } from 'react'
import { Typography } from 'antd'

export function PageHeader({ title, intro, actions }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={1}>{title}</Typography.Title>
        {intro && <Typography.Paragraph className="muted">{intro}</Typography.Paragraph>}
      </div>
      {actions && <div>{actions}</div>}
    </div>
  )
}
