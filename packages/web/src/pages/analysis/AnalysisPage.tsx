// Analysis: the community network's whole-network and actor measures as sortable tables with
// their explanations, exports (CSV and an Excel workbook here, the network in every exchange format
// from the server),
// and two periods compared.
import { useMemo, useState } from 'react'
import { Alert, Button, Card, Dropdown, Select, Space, Tabs, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { apiUrl } from '../../api/client'
import { useCommunity } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { analysisClient } from '../../analysis/client'
import { download, nodeMeasuresCsv, toCsv } from '../../analysis/export'
import { XLSX_TYPE, xlsxBytes } from '../../analysis/xlsx'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import {
  AnalysisErrorAlert,
  NetworkMeasuresTable,
  NodeMeasuresTable,
  NotesAlert,
  ProgressPanel,
  useMeasureText,
} from '../../analysis/ui/parts'
import { nodeMeasureKeys } from '../../analysis/ui/measures'
import { ActorCard } from '../../analysis/ui/ActorCard'
import { filterQuery, useActorWords, useLoadedNetwork, type NetworkFilterState } from '../network/communityNetwork'
import { NetworkFilters } from '../network/Filters'
import { ComparePeriods } from './ComparePeriods'

const DEFAULT_COLUMNS = [
  'degree',
  'inDegree',
  'outDegree',
  'betweennessNormalized',
  'closeness',
  'eigenvector',
  'pagerank',
  'coreness',
  'constraint',
]
const FORMATS = ['csv', 'matrix', 'dl', 'pajek', 'graphml', 'gexf', 'json'] as const

export default function AnalysisPage() {
  const { t } = useTranslation('analysis')
  const community = useCommunity()
  const words = useActorWords(community.id)
  const m = useMeasureText()
  const [filter, setFilter] = useState<NetworkFilterState>({})
  const [columns, setColumns] = useState<string[]>(DEFAULT_COLUMNS)
  const [open, setOpen] = useState<string | null>(null)
  const { doc, load, data } = useLoadedNetwork(community.id, filter)
  const analysis = useWorkerTask(data ? data.key : null, (o) =>
    analysisClient().analyse({ key: data!.key, attribute: 'sector' }, o),
  )
  const a = analysis.data && analysis.data.key === data?.key ? analysis.data : undefined
  const available = a ? nodeMeasureKeys(a.nodes) : []
  const shown = columns.filter((c) => available.includes(c as never))
  const network = useMemo(() => {
    if (!a) return {}
    const out: Record<string, number | null> = { ...a.network }
    if (a.groups) {
      out.eiIndex = a.groups.ei
      out.modularity = a.groups.modularity
    }
    return out
  }, [a])
  const base = `${community.code}-network`

  const onActorsCsv = () =>
    data &&
    a &&
    download(
      `${base}-actors.csv`,
      nodeMeasuresCsv(
        data.ids,
        data.ids.map((id, i) => words.name(id, data.labels[i])),
        available.map((k) => ({ header: k, values: a.nodes[k]! })),
      ),
      'text/csv;charset=utf-8',
    )
  const onNetworkCsv = () =>
    download(
      `${base}-measures.csv`,
      toCsv(
        ['measure', 'name', 'value'],
        Object.entries(network).map(([k, v]) => [k, m.name(k), v]),
      ),
      'text/csv;charset=utf-8',
    )

  /** One workbook: network measures, actor measures, and what every measure means. */
  const onWorkbook = () => {
    if (!data || !a) return
    const keys = [...Object.keys(network), ...available]
    const bytes = xlsxBytes([
      {
        name: t('sheets.network'),
        header: [t('sheets.measure'), t('sheets.name'), t('sheets.value')],
        rows: Object.entries(network).map(([k, v]) => [k, m.name(k), v]),
        widths: [26, 28, 14],
      },
      {
        name: t('sheets.actors'),
        header: [t('sheets.id'), t('sheets.label'), ...available.map((k) => m.name(k))],
        rows: data.ids.map((id, i) => [id, words.name(id, data.labels[i]), ...available.map((k) => a.nodes[k]![i])]),
        widths: [14, 24, ...available.map(() => 14)],
      },
      {
        name: t('sheets.definitions'),
        header: [t('sheets.measure'), t('sheets.name'), t('sheets.meaning')],
        rows: [...new Set(keys)].map((k) => [k, m.name(k), m.explain(k)]),
        widths: [26, 28, 90],
      },
    ])
    download(`${base}-measures.xlsx`, new Blob([bytes as BlobPart], { type: XLSX_TYPE }))
  }

  return (
    <div className="analysis-page">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        actions={
          <Dropdown
            menu={{
              items: FORMATS.map((f) => ({
                key: f,
                label: (
                  <a
                    href={apiUrl(`/communities/${community.id}/network`, { ...filterQuery(filter), format: f })}
                    download
                  >
                    {t(`formats.${f}`)}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('downloadNetwork')}</Button>
          </Dropdown>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <NetworkFilters value={filter} onChange={setFilter} />
      </Card>
      <Tabs
        items={[
          {
            key: 'measures',
            label: t('tabs.network'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />
                <AnalysisErrorAlert error={load.error ?? analysis.error} onRetry={analysis.rerun} />
                {(load.running || analysis.running) && (
                  <ProgressPanel progress={analysis.progress ?? load.progress} onCancel={analysis.cancel} />
                )}
                {analysis.cancelled && (
                  <Alert
                    type="info"
                    title={t('cancelled')}
                    action={<Button onClick={analysis.rerun}>{t('again')}</Button>}
                  />
                )}
                {data && data.ties.source.length === 0 && <Alert type="info" showIcon title={t('empty')} />}
                {a && (
                  <>
                    <NotesAlert notes={a.notes} />
                    <Space wrap>
                      <Button icon={<DownloadOutlined />} onClick={onNetworkCsv}>
                        {t('exportNetwork')}
                      </Button>
                      <Button icon={<DownloadOutlined />} onClick={onWorkbook}>
                        {t('exportXlsx')}
                      </Button>
                    </Space>
                    <NetworkMeasuresTable network={network} />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'actors',
            label: t('tabs.actors'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {(load.running || analysis.running) && (
                  <ProgressPanel progress={analysis.progress ?? load.progress} onCancel={analysis.cancel} />
                )}
                {a && data && (
                  <>
                    <Space wrap>
                      <span>{t('columns')}</span>
                      <Select
                        mode="multiple"
                        aria-label={t('columns')}
                        style={{ minWidth: 420, maxWidth: 760 }}
                        value={shown}
                        onChange={setColumns}
                        maxTagCount="responsive"
                        options={available.map((k) => ({ value: k, label: m.name(k) }))}
                      />
                      <Button icon={<DownloadOutlined />} onClick={onActorsCsv}>
                        {t('exportActors')}
                      </Button>
                      <Button icon={<DownloadOutlined />} onClick={onWorkbook}>
                        {t('exportXlsx')}
                      </Button>
                    </Space>
                    <Typography.Text className="muted">{t('actorsHint')}</Typography.Text>
                    <NodeMeasuresTable
                      ids={data.ids}
                      names={(id, i) => words.name(id, data.labels[i])}
                      nodes={a.nodes}
                      measures={shown}
                      onOpen={setOpen}
                      pageSize={15}
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: 'compare',
            label: t('tabs.compare'),
            children: <ComparePeriods communityId={community.id} filter={filter} />,
          },
        ]}
      />
      {data && (
        <ActorCard
          data={data}
          id={open}
          nodes={a?.nodes ?? null}
          names={(id) => words.name(id)}
          relationName={words.relation}
          onClose={() => setOpen(null)}
          onOpen={setOpen}
        />
      )}
    </div>
  )
}
