// The network explorer: the community's collaboration network drawn with sigma.js — sector colours,
// node size by a measure computed in the browser's worker, filters, search, an ego view and a
// core–periphery ring view; clicking an actor opens its card.
import { useMemo, useState } from 'react'
import { Alert, Card, Empty, Radio, Select, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { SECTOR_CODES } from '@cosafe/core'
import { useCommunity } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { analysisClient } from '../../analysis/client'
import { buildViewGraph, egoDistances, egoLayout, ringLayout, SECTOR_COLOURS } from '../../analysis/graphView'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import { AnalysisErrorAlert, Legend, NotesAlert, ProgressPanel } from '../../analysis/ui/parts'
import { NetworkCanvas } from '../../analysis/ui/NetworkCanvas'
import { ActorCard } from '../../analysis/ui/ActorCard'
import { measureExplanation, measureName, nodeMeasureKeys } from '../../analysis/ui/measures'
import { useActorWords, useLoadedNetwork, type NetworkFilterState } from './communityNetwork'
import { NetworkFilters } from './Filters'

type View = 'layout' | 'ring' | 'ego'
/** The measures an actor's card shows, in this order. */
const CARD_MEASURES = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'betweennessNormalized',
  'closeness',
  'harmonicCloseness',
  'eigenvector',
  'pagerank',
  'localClustering',
  'coreness',
  'constraint',
  'effectiveSize',
  'efficiency',
]

export default function NetworkPage() {
  const { t, i18n } = useTranslation('network')
  const community = useCommunity()
  const words = useActorWords(community.id)
  const [filter, setFilter] = useState<NetworkFilterState>({})
  const [view, setView] = useState<View>('layout')
  const [sizeBy, setSizeBy] = useState('betweennessNormalized')
  const [open, setOpen] = useState<string | null>(null)
  const [ego, setEgo] = useState<string | null>(null)
  const [steps, setSteps] = useState(1)
  const [marked, setMarked] = useState<string | null>(null)

  const { doc, load, data } = useLoadedNetwork(community.id, filter)
  const client = analysisClient()
  const analysis = useWorkerTask(data ? data.key : null, (o) =>
    client.analyse({ key: data!.key, layout: true, attribute: 'sector' }, o),
  )
  const a = analysis.data && analysis.data.key === data?.key ? analysis.data : undefined
  const ring = useWorkerTask(view === 'ring' && data ? `${data.key}:ring` : null, (o) =>
    client.structure({ key: data!.key, report: 'corePeriphery' }, o),
  )
  const cp = ring.data as
    { core: string[]; periphery: string[]; fit: number | null; coreness: Record<string, number | null> } | undefined

  const nameOf = words.name
  const measureKeys = a ? nodeMeasureKeys(a.nodes) : []
  const size = measureKeys.includes(sizeBy as never) ? sizeBy : null
  const egoId = ego ?? open
  const graph = useMemo(() => {
    if (!data || !a?.layout) return null
    let positions: ArrayLike<number> = a.layout
    if (view === 'ring' && cp) positions = ringLayout(data.ids, new Set(cp.core), (id) => cp.coreness[id] ?? 0)
    const ego = view === 'ego' && egoId ? egoDistances(data, egoId, steps) : null
    if (ego) positions = egoLayout(data.ids, ego)
    const g = buildViewGraph(data, {
      positions,
      colourBy: 'sector',
      sizeBy: size ? a.nodes[size] : null,
      only: ego ? new Set(ego.keys()) : null,
    })
    g.forEachNode((id) => g.setNodeAttribute(id, 'label', nameOf(id, g.getNodeAttribute(id, 'label'))))
    return g
  }, [data, a, view, cp, size, egoId, steps, nameOf])

  const legend = useMemo(() => {
    if (!data) return []
    const col = data.attributes.sector ?? []
    return SECTOR_CODES.filter((s) => col.includes(s)).map((s) => ({
      colour: SECTOR_COLOURS[s]!,
      text: words.sector(s),
      count: col.filter((v) => v === s).length,
    }))
  }, [data, words])

  const actorOptions = data ? data.ids.map((id, i) => ({ value: id, label: words.name(id, data.labels[i]) })) : []
  const openActor = (id: string | null) => {
    setOpen(id)
    if (id && view === 'ego') setEgo(id)
  }
  const actor = open ? words.byId.get(open) : undefined

  const ready = Boolean(data && a && graph)
  return (
    <div className="network-page">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <NetworkFilters value={filter} onChange={setFilter} />
          <div className="sna-toolbar network-controls">
            <Radio.Group
              value={view}
              onChange={(e) => setView(e.target.value as View)}
              optionType="button"
              aria-label={t('view.label')}
              options={[
                { value: 'layout', label: t('view.layout') },
                { value: 'ring', label: t('view.ring') },
                { value: 'ego', label: t('view.ego') },
              ]}
            />
            <Select
              showSearch
              allowClear
              disabled={!ready}
              aria-label={t('search')}
              placeholder={t('search')}
              style={{ width: 220 }}
              options={actorOptions}
              optionFilterProp="label"
              value={marked ?? undefined}
              onChange={(id?: string) => {
                setMarked(id ?? null)
                if (id) openActor(id)
              }}
              data-testid="network-search"
            />
            <span>{t('sizeBy')}</span>
            <Select
              aria-label={t('sizeBy')}
              disabled={!ready}
              style={{ width: 230 }}
              value={size ?? undefined}
              onChange={setSizeBy}
              options={measureKeys.map((k) => ({ value: k, label: measureName(k, i18n.language) }))}
            />
            {view === 'ego' && (
              <>
                <Select
                  showSearch
                  aria-label={t('egoActor')}
                  placeholder={t('egoActor')}
                  style={{ width: 200 }}
                  options={actorOptions}
                  optionFilterProp="label"
                  value={egoId ?? undefined}
                  onChange={(id: string) => {
                    setEgo(id)
                    setMarked(null)
                  }}
                />
                <Radio.Group
                  value={steps}
                  onChange={(e) => setSteps(e.target.value as number)}
                  aria-label={t('steps.label')}
                  options={[
                    { value: 1, label: t('steps.one') },
                    { value: 2, label: t('steps.two') },
                  ]}
                />
              </>
            )}
          </div>
        </Space>
      </Card>
      <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />
      <AnalysisErrorAlert error={load.error ?? analysis.error ?? ring.error} onRetry={analysis.rerun} />
      {(doc.isPending || load.running) && (
        <ProgressPanel progress={load.progress ?? { stage: 'read', done: 0, total: 1 }} />
      )}
      {analysis.running && <ProgressPanel progress={analysis.progress} onCancel={analysis.cancel} />}
      {analysis.cancelled && (
        <Alert type="info" title={t('cancelled')} action={<a onClick={analysis.rerun}>{t('again')}</a>} />
      )}
      {data && data.ties.source.length === 0 && (
        <Empty
          description={
            <Space direction="vertical">
              <span>{t('empty.text')}</span>
              <Link to="/activities">{t('empty.action')}</Link>
            </Space>
          }
        />
      )}
      {data && a && graph && data.ties.source.length > 0 && (
        <Space direction="vertical" style={{ width: '100%' }} size="small">
          <NotesAlert notes={a.notes} />
          <Legend items={legend} />
          {size && (
            <Typography.Text className="muted">
              {t('sizeMeans', { text: measureExplanation(size, i18n.language) })}
            </Typography.Text>
          )}
          {view === 'ego' && !egoId && <Alert type="info" showIcon title={t('egoHint')} />}
          {view === 'ring' && ring.running && <ProgressPanel progress={ring.progress} onCancel={ring.cancel} />}
          {view === 'ring' && cp && (
            <Typography.Paragraph className="ring-summary" style={{ marginBottom: 0 }}>
              <strong>{t('ring.title', { core: cp.core.length, periphery: cp.periphery.length })}</strong>{' '}
              <span className="muted">{t('ring.text', { fit: cp.fit === null ? '–' : cp.fit.toFixed(2) })}</span>
            </Typography.Paragraph>
          )}
          <NetworkCanvas
            graph={graph}
            selected={open}
            marked={marked ? new Set([marked]) : null}
            onSelect={openActor}
            height={460}
          />
          <Typography.Text className="muted">{t('hint')}</Typography.Text>
        </Space>
      )}
      {data && (
        <ActorCard
          data={data}
          id={open}
          nodes={a?.nodes ?? null}
          measures={CARD_MEASURES}
          names={(id) => words.name(id)}
          relationName={words.relation}
          onClose={() => setOpen(null)}
          onOpen={openActor}
          header={
            actor && (
              <Space wrap style={{ marginBottom: 12 }}>
                <Tag color={SECTOR_COLOURS[actor.sector]}>{words.sector(actor.sector)}</Tag>
                <Tag>{words.actorType(actor.type)}</Tag>
              </Space>
            )
          }
        />
      )}
    </div>
  )
}
