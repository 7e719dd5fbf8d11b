// Import records from a CSV or Excel file: the columns it understands, then all rows or none, with each
// rejected row's line, column and reason.
import { useState } from 'react'
import { App, Alert, Button, Collapse, Modal, Table, Typography, Upload } from 'antd'
import { InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ApiError, api, upload, type ApiIssue } from '../api/client'
import { ErrorAlert } from './ErrorAlert'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function ImportButton({ communityId, kind }: { communityId: string; kind: 'actors' | 'activities' | 'ties' }) {
  const { t, i18n } = useTranslation('common')
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [open, setOpen] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const columns = useQuery({
    queryKey: ['import-columns', kind],
    queryFn: () => api.get<{ columns: { name: string; zh: string[] }[] }>(`/imports/${kind}/columns`),
    enabled: open,
    staleTime: Infinity,
  })
  const zh = i18n.language === 'zh-CN'

  const close = () => {
    setOpen(false)
    setFile(null)
    setError(null)
  }

  const run = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const isXlsx = /\.xlsx$/i.test(file.name)
      const r = await upload<{ imported: number }>(
        `/communities/${communityId}/import/${kind}`,
        file,
        isXlsx ? XLSX : 'text/csv',
      )
      await Promise.all(
        [kind, 'community', 'analysis', 'designed', 'series'].map((k) =>
          qc.invalidateQueries({ queryKey: [k, communityId] }),
        ),
      )
      message.success(t('import.done', { count: r.imported }))
      close()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const rejected = error instanceof ApiError && error.code === 'IMPORT_REJECTED' ? error.issues : null

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      <Modal
        open={open}
        onCancel={close}
        width={760}
        title={t(`import.title.${kind}`)}
        okText={t('import.run')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !file, loading: busy, id: 'import-run' }}
        onOk={() => void run()}
        destroyOnHidden
      >
        <Typography.Paragraph className="muted">{t('import.intro')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.txt,.xlsx"
          multiple={false}
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f)
            setError(null)
            return false
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('import.drop')}</p>
        </Upload.Dragger>
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'columns',
              label: t('import.columns'),
              children: columns.data ? (
                <Typography.Paragraph>
                  {columns.data.columns.map((c) => (
                    <Typography.Text code key={c.name}>
                      {zh && c.zh[0] ? `${c.zh[0]} / ${c.name}` : c.name}
                    </Typography.Text>
                  ))}
                </Typography.Paragraph>
              ) : columns.error ? (
                <ErrorAlert error={columns.error} />
              ) : null,
            },
          ]}
        />
        {rejected ? (
          <>
            <Alert type="error" showIcon role="alert" title={t('import.rejected', { count: rejected.length })} />
            <Table<ApiIssue>
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(i, k) => `${i.line}-${i.field}-${k}`}
              dataSource={rejected}
              pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 70 },
                { title: t('import.field'), dataIndex: 'field', width: 160 },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
      </Modal>
    </>
  )
}
