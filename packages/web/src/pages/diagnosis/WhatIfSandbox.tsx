// The what-if sandbox: add or remove ties (or take an actor out) and see every measure move,
// computed in the browser's worker on the community's collaboration network.
import { useMemo, useState } from 'react'
import { Alert, Button, Card, Col, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd'
import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { analysisClient } from '../../analysis/client'
import type { NetworkData, WhatIfData } from '../../analysis/protocol'
import { useWorkerTask } from '../../analysis/ui/useWorkerTask'
import { AnalysisErrorAlert, MeasureName, ProgressPanel, useMeasureText } from '../../analysis/ui/parts'
import { formatNumber } from '../../analysis/ui/measures'

export interface SandboxChange {
  kind: 'add' | 'remove' | 'removeActor'
  source: string
  target?: string
}

const keyOf = (c: SandboxChange): string => `${c.kind}:${c.source}:${c.target ?? ''}`

function Delta({ before, after }: { before: number | null; after: number | null }) {
  if (before === null || after === null)
    return (
      <span>
        {formatNumber(before)} → {formatNumber(after)}
      </span>
    )
  const d = after - before
  const flat = Math.abs(d) < 1e-12
  return (
    <span className="delta">
      {formatNumber(before)} <ArrowRightOutlined className="muted" /> <strong>{formatNumber(after)}</strong>{' '}
      {!flat && (
        <span className={d > 0 ? 'change-up' : 'change-down'}>
          ({d > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatNumber(Math.abs(d))})
        </span>
      )}
    </span>
  )
}

export function WhatIfSandbox({
  data,
  names,
  changes,
  onChanges,
}: {
  data: NetworkData
  names: (id: string) => string
  changes: SandboxChange[]
  onChanges: (c: SandboxChange[]) => void
}) {
  const { t } = useTranslation('diagnosis')
  const m = useMeasureText()
  const [kind, setKind] = useState<SandboxChange['kind']>('add')
  const [source, setSource] = useState<string | null>(null)
  const [target, setTarget] = useState<string | null>(null)
  const [measure, setMeasure] = useState('betweennessNormalized')
  const actorOptions = useMemo(
    () => data.ids.map((id) => ({ value: id, label: names(id) })).sort((a, b) => a.label.localeCompare(b.label)),
    [data, names],
  )
  const tied = useMemo(() => {
    const s = new Set<string>()
    const { source: src, target: tgt } = data.ties
    for (let e = 0; e < src.length; e++) {
      const a = data.ids[src[e]!]!
      const b = data.ids[tgt[e]!]!
      s.add(`${a}\u0000${b}`)
      if (!data.directed) s.add(`${b}\u0000${a}`)
    }
    return s
  }, [data])
  const targetOptions =
    kind === 'remove' && source
      ? actorOptions.filter((o) => tied.has(`${source}\u0000${o.value}`))
      : actorOptions.filter((o) => o.value !== source)

  const key = changes.length > 0 ? `${data.key}:${changes.map(keyOf).join('|')}` : null
  const task = useWorkerTask<WhatIfData>(key, (o) => {
    const add: [string, string][] = []
    const remove: [string, string][] = []
    for (const c of changes) {
      if (c.kind === 'add') {
        add.push([c.source, c.target!])
        // collaboration is mutual: the network keeps undirected relations as ties both ways
        if (data.directed) add.push([c.target!, c.source])
      } else if (c.kind === 'remove') {
        remove.push([c.source, c.target!])
        if (data.directed && tied.has(`${c.target}\u0000${c.source}`)) remove.push([c.target!, c.source])
      }
    }
    return analysisClient().whatIf(
      {
        key: data.key,
        add,
        remove,
        removeActors: changes.filter((c) => c.kind === 'removeActor').map((c) => c.source),
        attribute: 'sector',
      },
      o,
    )
  })
  const r = task.data && key ? task.data : undefined

  const addChange = () => {
    if (!source || (kind !== 'removeActor' && !target)) return
    const c: SandboxChange = kind === 'removeActor' ? { kind, source } : { kind, source, target: target! }
    if (!changes.some((x) => keyOf(x) === keyOf(c))) onChanges([...changes, c])
    setTarget(null)
  }
  const size = (x: { after: number | null; change: number | null }): number =>
    x.after === null ? Infinity : Math.abs(x.change ?? 0)
  const actorRows = r
    ? Object.entries(r.nodes)
        .map(([id, v]) => ({
          id,
          before: v.before[measure] ?? null,
          after: v.after ? (v.after[measure] ?? null) : null,
        }))
        .map((x) => ({ ...x, change: x.before !== null && x.after !== null ? x.after - x.before : null }))
        // actors taken out first, then the largest moves
        .sort((a, b) => size(b) - size(a))
    : []
  const nodeMeasures = r ? Object.keys(Object.values(r.nodes)[0]?.before ?? {}) : []

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph className="muted">{t('sandbox.intro')}</Typography.Paragraph>
      <Card size="small">
        <div className="sna-toolbar">
          <Select<SandboxChange['kind']>
            aria-label={t('sandbox.kind')}
            value={kind}
            onChange={(k) => {
              setKind(k)
              setTarget(null)
            }}
            style={{ width: 190 }}
            options={[
              { value: 'add', label: t('sandbox.add') },
              { value: 'remove', label: t('sandbox.remove') },
              { value: 'removeActor', label: t('sandbox.removeActor') },
            ]}
          />
          <Select
            id="sandbox-source"
            showSearch
            optionFilterProp="label"
            aria-label={t('sandbox.source')}
            placeholder={kind === 'removeActor' ? t('sandbox.actor') : t('sandbox.source')}
            value={source ?? undefined}
            onChange={(v: string) => {
              setSource(v)
              setTarget(null)
            }}
            options={actorOptions}
            style={{ width: 240 }}
          />
          {kind !== 'removeActor' && (
            <Select
              id="sandbox-target"
              showSearch
              optionFilterProp="label"
              aria-label={t('sandbox.target')}
              placeholder={t('sandbox.target')}
              value={target ?? undefined}
              onChange={(v: string) => setTarget(v)}
              options={targetOptions}
              notFoundContent={t('sandbox.noTies')}
              style={{ width: 240 }}
            />
          )}
          <Button
            id="sandbox-apply"
            type="primary"
            icon={<PlusOutlined />}
            disabled={!source || (kind !== 'removeActor' && !target)}
            onClick={addChange}
          >
            {t('sandbox.addChange')}
          </Button>
          {changes.length > 0 && <Button onClick={() => onChanges([])}>{t('sandbox.reset')}</Button>}
        </div>
      </Card>
      {changes.length === 0 ? (
        <Empty description={t('sandbox.empty')} />
      ) : (
        <List
          size="small"
          bordered
          className="sandbox-changes"
          dataSource={changes}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="x"
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('sandbox.undo')}
                  onClick={() => onChanges(changes.filter((x) => keyOf(x) !== keyOf(c)))}
                />,
              ]}
            >
              <Tag color={c.kind === 'add' ? 'green' : 'red'}>{t(`sandbox.${c.kind}`)}</Tag>
              {names(c.source)}
              {c.target && (
                <>
                  {' – '}
                  {names(c.target)}
                </>
              )}
            </List.Item>
          )}
        />
      )}
      {task.running && <ProgressPanel progress={task.progress} onCancel={task.cancel} />}
      <AnalysisErrorAlert error={task.error} onRetry={task.rerun} />
      {r && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={11}>
            <Card size="small" title={t('sandbox.network')}>
              <Table
                size="small"
                className="whatif-measures"
                pagination={false}
                rowKey="key"
                dataSource={r.measures}
                columns={[
                  { title: t('sandbox.measure'), dataIndex: 'key', render: (k: string) => <MeasureName name={k} /> },
                  {
                    title: t('sandbox.beforeAfter'),
                    key: 'ba',
                    render: (_: unknown, x: WhatIfData['measures'][number]) => (
                      <Delta before={x.before} after={x.after} />
                    ),
                  },
                ]}
              />
              {r.notes.length > 0 && (
                <Alert type="info" showIcon title={t('sandbox.notes')} description={r.notes.join('; ')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Card
              size="small"
              title={t('sandbox.actors')}
              extra={
                <Select
                  aria-label={t('sandbox.actorMeasure')}
                  value={measure}
                  onChange={setMeasure}
                  style={{ width: 230 }}
                  options={nodeMeasures.map((k) => ({ value: k, label: m.name(k) }))}
                />
              }
            >
              <Table
                size="small"
                rowKey="id"
                pagination={{ pageSize: 10 }}
                dataSource={actorRows}
                columns={[
                  { title: t('sandbox.actor'), dataIndex: 'id', render: (id: string) => names(id) },
                  {
                    title: t('sandbox.beforeAfter'),
                    key: 'ba',
                    render: (_: unknown, x: (typeof actorRows)[number]) =>
                      x.after === null &&
                      x.before !== null &&
                      changes.some((c) => c.kind === 'removeActor' && c.source === x.id) ? (
                        <Tag>{t('sandbox.removed')}</Tag>
                      ) : (
                        <Delta before={x.before} after={x.after} />
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  )
}
