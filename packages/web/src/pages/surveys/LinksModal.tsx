// Personal links are shown once (the server keeps only their hashes): copy them one by one or all at once.
import { App, Button, Modal, Table, Typography } from 'antd'
import { CopyOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Actor } from '../../api/types'
import { copyText } from '../../components/copy'
import { useActorName } from '../../i18n/vocabulary'
import type { Link } from './api'

export function LinksModal({
  links,
  actors,
  onClose,
}: {
  links: Link[] | null
  actors: Map<string, Actor>
  onClose: () => void
}) {
  const { t } = useTranslation('surveys')
  const { t: tc } = useTranslation('common')
  const actorName = useActorName()
  const { message } = App.useApp()
  const url = (l: Link) => `${window.location.origin}${l.link}`
  const copy = async (text: string) => {
    try {
      await copyText(text)
      message.success(tc('copied'))
    } catch (e) {
      message.error(t('links.copyFailed', { reason: (e as Error).message }))
    }
  }
  return (
    <Modal
      open={links !== null}
      onCancel={onClose}
      width={820}
      title={t('links.title')}
      footer={[
        <Button
          key="all"
          icon={<CopyOutlined />}
          onClick={() =>
            void copy(
              (links ?? [])
                .map((l) => `${actorName(actors.get(l.respondentId), l.respondentId)}\t${url(l)}`)
                .join('\n'),
            )
          }
        >
          {t('links.copyAll')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {tc('close')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="warning">{t('links.once')}</Typography.Paragraph>
      <Table<Link>
        size="small"
        rowKey="respondentId"
        dataSource={links ?? []}
        pagination={false}
        scroll={{ y: 400 }}
        columns={[
          {
            title: t('links.respondent'),
            key: 'who',
            width: 220,
            render: (_, l) => actorName(actors.get(l.respondentId), l.respondentId),
          },
          {
            title: t('links.link'),
            key: 'link',
            render: (_, l) => (
              <Typography.Text code className="survey-link">
                {url(l)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'copy',
            width: 90,
            render: (_, l) => (
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => void copy(url(l))}
                aria-label={t('links.copyFor', { name: actorName(actors.get(l.respondentId), l.respondentId) })}
              >
                {t('links.copy')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  )
}
