// The structure of a dropped network: components and cut-points, k-cores, cliques, Louvain and
// Leiden communities, the core–periphery partition and reachability — sna's structure reports,
// computed in the browser's worker.
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { download } from '../../analysis/export'
import { formatNumber } from '../../analysis/ui/measures'

export interface Groups {
  count: number
  modularity: number | null
  groups: string[][]
}
export interface StructureData {
  subgroups: {
    components: { count: number; groups: string[][] }
    bicomponents: { count: number; cutPoints: string[] }
    kCores: { maxCore: number; mainCore: string[] }
    cliques: string[][]
    louvain: Groups
    leiden: Groups
  }
  corePeriphery: { core: string[]; periphery: string[]; fit: number | null }
  connectivity: {
    dyads: { mutual: number; asymmetric: number; null: number }
    reachability: { proportion: number; withinSteps: number }
  }
}

const MAX_TAGS = 24

function Names({ ids, names }: { ids: readonly string[]; names: (id: string) => string }) {
  const { t } = useTranslation('research')
  return (
    <span>
      {ids.slice(0, MAX_TAGS).map((id) => (
        <Tag key={id}>{names(id)}</Tag>
      ))}
      {ids.length > MAX_TAGS && (
        <Typography.Text className="muted">{t('structure.more', { count: ids.length - MAX_TAGS })}</Typography.Text>
      )}
    </span>
  )
}

export function StructurePanel({
  s,
  names,
  fileBase,
}: {
  s: StructureData
  names: (id: string) => string
  fileBase: string
}) {
  const { t } = useTranslation('research')
  const sg = s.subgroups
  const pct = (x: number) => `${formatNumber(100 * x)}%`
  const largestClique = sg.cliques.reduce<string[]>((a, c) => (c.length > a.length ? c : a), [])
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => download(`${fileBase}-structure.json`, JSON.stringify(s, null, 2), 'application/json')}
      >
        {t('structure.export')}
      </Button>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('structure.cohesion')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('structure.components')}>
                {t('structure.componentsText', {
                  count: sg.components.count,
                  largest: Math.max(0, ...sg.components.groups.map((g) => g.length)),
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.cutPoints')}>
                {sg.bicomponents.cutPoints.length === 0 ? (
                  t('structure.none')
                ) : (
                  <Names ids={sg.bicomponents.cutPoints} names={names} />
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.kCore', { k: sg.kCores.maxCore })}>
                <Names ids={sg.kCores.mainCore} names={names} />
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.cliques', { count: sg.cliques.length })}>
                {largestClique.length > 0 ? <Names ids={largestClique} names={names} /> : t('structure.none')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text className="muted">{t('structure.cohesionHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('structure.communities')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('structure.louvain')}>
                {t('structure.groupsText', { count: sg.louvain.count, q: formatNumber(sg.louvain.modularity) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.leiden')}>
                {t('structure.groupsText', { count: sg.leiden.count, q: formatNumber(sg.leiden.modularity) })}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text className="muted">{t('structure.communitiesHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('structure.corePeriphery')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('structure.core', { count: s.corePeriphery.core.length })}>
                <Names ids={s.corePeriphery.core} names={names} />
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.fit')}>{formatNumber(s.corePeriphery.fit)}</Descriptions.Item>
            </Descriptions>
            <Typography.Text className="muted">{t('structure.corePeripheryHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('structure.connectivity')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('structure.dyads')}>
                {t('structure.dyadsText', s.connectivity.dyads)}
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.reach')}>
                {pct(s.connectivity.reachability.proportion)}
              </Descriptions.Item>
              <Descriptions.Item label={t('structure.reach2')}>
                {pct(s.connectivity.reachability.withinSteps)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
