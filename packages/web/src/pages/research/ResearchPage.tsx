// The researcher's workspace: drop a network file, analyse it in a worker of this browser, view
// it, read the tables and export results and the figure. Nothing here talks to the server.
import { useCallback, useMemo, useState } from 'react'
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Select, Space, Tabs, Tag, Typography, Upload } from 'antd'
import { DownloadOutlined, InboxOutlined, LockOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { describeCode, FORMATS, NETWORK_MEASURES } from '@cosafe/sna'
import { PageHeader } from '../../components/PageHeader'
import { analysisClient } from '../../analysis/client'
import { buildViewGraph, categoryColours, toSvg } from '../../analysis/graphView'
import { download, nodeMeasuresCsv, safeFileName, svgToPng, toCsv } from '../../analysis/export'
import type { NetworkData } from '../../analysis/protocol'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import {
  AnalysisErrorAlert,
  Legend,
  NetworkMeasuresTable,
  NodeMeasuresTable,
  NotesAlert,
  ProgressPanel,
} from '../../analysis/ui/parts'
import { NetworkCanvas } from '../../analysis/ui/NetworkCanvas'
import { ActorCard } from '../../analysis/ui/ActorCard'
import { measureName, nodeMeasureKeys } from '../../analysis/ui/measures'
import { StructurePanel, type StructureData } from './StructurePanel'

/** The colour choice that shows Louvain communities rather than an attribute. */
const LOUVAIN = '\u0000louvain'

type Direction = 'auto' | 'directed' | 'undirected'
interface Dropped {
  name: string
  bytes: ArrayBuffer
  /** Distinguishes two drops of the same file. */
  serial: number
}

const ACCEPT = FORMATS.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
const FIGURE = { width: 1200, height: 900 }
let serial = 0

function Summary({ data }: { data: NetworkData }) {
  const { t, i18n } = useTranslation('research')
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  const title = FORMATS.find((f) => f.name === data.format)?.title ?? data.format
  return (
    <Card size="small" title={t('summary.title')}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('summary.file')}>{data.name}</Descriptions.Item>
        <Descriptions.Item label={t('summary.format')}>{title}</Descriptions.Item>
        <Descriptions.Item label={t('summary.direction')}>
          {data.directed ? t('direction.directed') : t('direction.undirected')}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.actors')}>{data.ids.length}</Descriptions.Item>
        <Descriptions.Item label={t('summary.ties')}>{data.ties.source.length}</Descriptions.Item>
        <Descriptions.Item label={t('summary.relations')}>
          {data.relations.map((r) => (
            <Tag key={r}>{r || t('summary.oneRelation')}</Tag>
          ))}
        </Descriptions.Item>
        {data.twoModeRows !== null && (
          <Descriptions.Item label={t('summary.twoMode')}>
            {t('summary.twoModeText', { rows: data.twoModeRows, columns: data.ids.length - data.twoModeRows })}
          </Descriptions.Item>
        )}
      </Descriptions>
      {data.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('summary.warnings')}
          description={
            <ul className="issue-list">
              {data.warnings.map((w) => (
                <li key={w.code}>
                  {describeCode(w.code, lang)} ({w.count}×){w.message ? ` — ${w.message}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  )
}

export default function ResearchPage() {
  const { t, i18n } = useTranslation('research')
  const client = analysisClient()
  const [file, setFile] = useState<Dropped | null>(null)
  const [direction, setDirection] = useState<Direction>('auto')
  const [relation, setRelation] = useState<string | null>(null)
  const [colourBy, setColourBy] = useState<string | null>(null)
  const [sizeBy, setSizeBy] = useState<string>('degree')
  const [open, setOpen] = useState<string | null>(null)
  const [tab, setTab] = useState('figure')

  const fileKey = file ? `research:${file.serial}:${direction}` : null
  const load = useWorkerTask(fileKey, (o) =>
    client.load(
      fileKey!,
      {
        kind: 'file',
        name: file!.name,
        bytes: file!.bytes,
        directed: direction === 'auto' ? undefined : direction === 'directed',
      },
      o,
    ),
  )
  const data = load.data && load.data.key === fileKey ? load.data : undefined
  const relations = useMemo(
    () => (data && relation !== null && data.relations.includes(relation) ? [relation] : undefined),
    [data, relation],
  )
  const analysisKey = data ? `${data.key}:${relations?.[0] ?? '*'}` : null
  const analysis = useWorkerTask(analysisKey, (o) => client.analyse({ key: data!.key, relations, layout: true }, o))
  const a = analysis.data && analysis.data.key === data?.key ? analysis.data : undefined

  const wantStructure = tab === 'structure' || colourBy === LOUVAIN
  const structure = useWorkerTask<StructureData>(a && wantStructure ? `${analysisKey}:structure` : null, async (o) => {
    const c = client
    const req = { key: data!.key, relations }
    return {
      subgroups: (await c.structure({ ...req, report: 'subgroups' }, o)) as unknown as StructureData['subgroups'],
      corePeriphery: (await c.structure(
        { ...req, report: 'corePeriphery' },
        o,
      )) as unknown as StructureData['corePeriphery'],
      connectivity: (await c.structure(
        { ...req, report: 'connectivity' },
        o,
      )) as unknown as StructureData['connectivity'],
    }
  })
  const louvain = useMemo(() => {
    if (!data || !structure.data) return null
    const col: (string | null)[] = data.ids.map(() => null)
    const index = new Map(data.ids.map((id, i) => [id, i]))
    structure.data.subgroups.louvain.groups.forEach((g, k) => g.forEach((id) => (col[index.get(id)!] = `#${k + 1}`)))
    return col
  }, [data, structure.data])
  const attributes = data ? Object.keys(data.attributes) : []
  const colour = colourBy !== null && (attributes.includes(colourBy) || colourBy === LOUVAIN) ? colourBy : null
  const measureKeys = a ? nodeMeasureKeys(a.nodes) : []
  const size = measureKeys.includes(sizeBy as never) ? sizeBy : null
  const graph = useMemo(
    () =>
      data && a?.layout
        ? buildViewGraph(data, {
            positions: a.layout,
            relations,
            colourBy: colour ?? undefined,
            categories: colour === LOUVAIN ? louvain : null,
            sizeBy: size ? a.nodes[size] : null,
          })
        : null,
    [data, a, colour, size, relations, louvain],
  )
  const legend = useMemo(() => {
    if (!data || !colour) return []
    const col = colour === LOUVAIN ? louvain : data.attributes[colour]
    if (!col) return []
    const counts = new Map<string, number>()
    for (const v of col) counts.set(v === null ? '' : String(v), (counts.get(v === null ? '' : String(v)) ?? 0) + 1)
    return [...categoryColours(col)].map(([value, c]) => ({
      colour: c,
      text: value === '' ? t('figure.missing') : value,
      count: counts.get(value),
    }))
  }, [data, colour, t, louvain])

  const names = useCallback((id: string) => (data ? (data.labels[data.ids.indexOf(id)] ?? id) : id), [data])
  const base = safeFileName((file?.name ?? 'network').replace(/\.[^.]+$/, ''))

  const exportSvg = () => graph && toSvg(graph, { ...FIGURE, title: file?.name, legend })
  const onPng = async () => {
    const svg = exportSvg()
    if (svg) download(`${base}.png`, await svgToPng(svg, FIGURE.width, FIGURE.height))
  }
  const onSvg = () => {
    const svg = exportSvg()
    if (svg) download(`${base}.svg`, svg, 'image/svg+xml;charset=utf-8')
  }
  const onNodeCsv = () =>
    data &&
    a &&
    download(
      `${base}-actors.csv`,
      nodeMeasuresCsv(
        data.ids,
        data.labels,
        measureKeys.map((k) => ({ header: k, values: a.nodes[k]! })),
      ),
      'text/csv;charset=utf-8',
    )
  const onNetworkCsv = () =>
    a &&
    download(
      `${base}-network.csv`,
      toCsv(
        ['measure', 'name', 'value'],
        NETWORK_MEASURES.filter((k) => a.network[k] !== undefined).map((k) => [
          k,
          measureName(k, i18n.language),
          a.network[k],
        ]),
      ),
      'text/csv;charset=utf-8',
    )

  return (
    <div className="research-page">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Alert type="success" showIcon icon={<LockOutlined />} title={t('private')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void f.arrayBuffer().then((bytes) => {
                setFile({ name: f.name, bytes, serial: ++serial })
                setRelation(null)
                setColourBy(null)
                setOpen(null)
              })
              return false
            }}
            aria-label={t('drop.title')}
            data-testid="research-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? t('drop.again', { name: file.name }) : t('drop.title')}</p>
            <p className="ant-upload-hint">{t('drop.hint')}</p>
          </Upload.Dragger>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('options.title')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <label htmlFor="research-direction">{t('options.direction')}</label>
              <Select<Direction>
                id="research-direction"
                value={direction}
                onChange={setDirection}
                style={{ width: '100%' }}
                options={[
                  { value: 'auto', label: t('direction.auto') },
                  { value: 'directed', label: t('direction.directed') },
                  { value: 'undirected', label: t('direction.undirected') },
                ]}
              />
              <Typography.Text className="muted">{t('options.directionHint')}</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>

      <div style={{ marginTop: 16 }}>
        {!file && <Empty description={t('empty')} />}
        {load.running && <ProgressPanel progress={load.progress} onCancel={load.cancel} />}
        <AnalysisErrorAlert error={load.error} />
        {load.cancelled && <Alert type="info" title={t('cancelled')} />}
        {data && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Summary data={data} />
            {analysis.running && <ProgressPanel progress={analysis.progress} onCancel={analysis.cancel} />}
            <AnalysisErrorAlert error={analysis.error} onRetry={analysis.rerun} />
            {analysis.cancelled && (
              <Alert
                type="info"
                title={t('cancelled')}
                action={<Button onClick={analysis.rerun}>{t('analyseAgain')}</Button>}
              />
            )}
            {a && (
              <>
                <NotesAlert notes={a.notes} />
                <Card size="small">
                  <Space wrap>
                    {data.relations.length > 1 && (
                      <Select<string>
                        aria-label={t('view.relation')}
                        value={relation ?? '*'}
                        onChange={(v) => setRelation(v === '*' ? null : v)}
                        style={{ minWidth: 200 }}
                        options={[
                          { value: '*', label: t('view.allRelations') },
                          ...data.relations.map((r) => ({ value: r, label: r || t('summary.oneRelation') })),
                        ]}
                      />
                    )}
                    <span>{t('view.colourBy')}</span>
                    <Select<string>
                      aria-label={t('view.colourBy')}
                      value={colour ?? ''}
                      onChange={(v) => setColourBy(v || null)}
                      style={{ minWidth: 160 }}
                      options={[
                        { value: '', label: t('view.noColour') },
                        ...attributes.map((k) => ({ value: k, label: k })),
                        { value: LOUVAIN, label: t('structure.louvainColour') },
                      ]}
                    />
                    <span>{t('view.sizeBy')}</span>
                    <Select<string>
                      aria-label={t('view.sizeBy')}
                      value={size ?? ''}
                      onChange={setSizeBy}
                      style={{ minWidth: 220 }}
                      options={measureKeys.map((k) => ({ value: k, label: measureName(k, i18n.language) }))}
                    />
                  </Space>
                </Card>
                <Tabs
                  activeKey={tab}
                  onChange={setTab}
                  items={[
                    {
                      key: 'figure',
                      label: t('tabs.figure'),
                      children: graph && (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Space wrap>
                            <Button icon={<DownloadOutlined />} onClick={() => void onPng()}>
                              {t('export.png')}
                            </Button>
                            <Button icon={<DownloadOutlined />} onClick={onSvg}>
                              {t('export.svg')}
                            </Button>
                            <Legend items={legend} />
                          </Space>
                          <NetworkCanvas graph={graph} selected={open} onSelect={setOpen} height={520} />
                          <Typography.Text className="muted">{t('figure.hint')}</Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      key: 'network',
                      label: t('tabs.network'),
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Button icon={<DownloadOutlined />} onClick={onNetworkCsv}>
                            {t('export.networkCsv')}
                          </Button>
                          <NetworkMeasuresTable network={a.network} />
                        </Space>
                      ),
                    },
                    {
                      key: 'actors',
                      label: t('tabs.actors'),
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Button icon={<DownloadOutlined />} onClick={onNodeCsv}>
                            {t('export.actorsCsv')}
                          </Button>
                          <NodeMeasuresTable
                            ids={data.ids}
                            names={(id, i) => data.labels[i] ?? id}
                            nodes={a.nodes}
                            measures={measureKeys}
                            onOpen={setOpen}
                          />
                        </Space>
                      ),
                    },
                    {
                      key: 'structure',
                      label: t('structure.tab'),
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          {structure.running && (
                            <ProgressPanel progress={structure.progress} onCancel={structure.cancel} />
                          )}
                          <AnalysisErrorAlert error={structure.error} onRetry={structure.rerun} />
                          {structure.cancelled && (
                            <Alert
                              type="info"
                              title={t('cancelled')}
                              action={<Button onClick={structure.rerun}>{t('analyseAgain')}</Button>}
                            />
                          )}
                          {structure.data && <StructurePanel s={structure.data} names={names} fileBase={base} />}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            )}
            <ActorCard
              data={data}
              id={open}
              nodes={a?.nodes ?? null}
              names={names}
              onClose={() => setOpen(null)}
              onOpen={setOpen}
            />
          </Space>
        )}
      </div>
    </div>
  )
}
