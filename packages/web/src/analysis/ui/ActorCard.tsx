// An actor's card: its measures, each explained in plain words, and its ties with partner, direction and value.
import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NetworkData } from '../protocol'
import { tiesOf } from '../graphView'
import { formatNumber, measureExplanation, measureName } from './measures'

export interface ActorCardProps {
  data: NetworkData
  id: string | null
  /** Node measure columns (index space of data.ids). */
  nodes: Record<string, ArrayLike<number>> | null
  /** Measures shown, in order (default: every column). */
  measures?: readonly string[]
  names: (id: string) => string
  /** A relation code in words. */
  relationName?: (code: string) => string
  /** Extra lines at the top (sector, type…). */
  header?: React.ReactNode
  onClose: () => void
  onOpen?: (id: string) => void
}

export function ActorCard({ data, id, nodes, measures, names, relationName, header, onClose, onOpen }: ActorCardProps) {
  const { t, i18n } = useTranslation('sna')
  const i = id === null ? -1 : data.ids.indexOf(id)
  const keys = measures ?? Object.keys(nodes ?? {})
  const ties = id === null ? [] : tiesOf(data, id)
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={520}
      title={id === null ? '' : names(id)}
      className="actor-card"
      destroyOnHidden
    >
      {i >= 0 && (
        <>
          {header}
          <Typography.Title level={5}>{t('card.measures')}</Typography.Title>
          {nodes ? (
            <Descriptions column={1} size="small" bordered className="actor-measures">
              {keys
                .filter((k) => nodes[k] !== undefined)
                .map((k) => (
                  <Descriptions.Item key={k} label={measureName(k, i18n.language)}>
                    <div className="measure-value">{formatNumber(nodes[k]![i])}</div>
                    <div className="muted measure-explain">{measureExplanation(k, i18n.language)}</div>
                  </Descriptions.Item>
                ))}
            </Descriptions>
          ) : (
            <Empty description={t('card.noMeasures')} />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('card.ties', { count: ties.length })}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => `${r.partner}-${r.relation}-${r.direction}`}
            dataSource={ties}
            pagination={ties.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: t('card.noTies') }}
            columns={[
              {
                title: t('card.partner'),
                dataIndex: 'partner',
                render: (p: string) =>
                  onOpen ? (
                    <a
                      role="button"
                      tabIndex={0}
                      onClick={() => onOpen(p)}
                      onKeyDown={(e) => e.key === 'Enter' && onOpen(p)}
                    >
                      {names(p)}
                    </a>
                  ) : (
                    names(p)
                  ),
              },
              {
                title: t('card.direction'),
                dataIndex: 'direction',
                render: (d: string) => <Tag>{t(`card.dir.${d}`)}</Tag>,
              },
              {
                title: t('card.relation'),
                dataIndex: 'relation',
                render: (r: string) => (relationName ? relationName(r) : r || t('card.noRelation')),
              },
              { title: t('card.value'), dataIndex: 'weight', align: 'right', render: formatNumber },
            ]}
          />
        </>
      )}
    </Drawer>
  )
}
