// The parts of `cosafe analyze` beyond the measure tables: E-I by group, census and reach, two-mode centralities.

import { TRIAD_TYPES, type connectivityReport, type eiReport, type Graph, type twoModeReport } from '@cosafe/sna'
import type { Block, Cell } from '../document.js'
import { t, type Lang } from '../i18n.js'
import { namer } from './structure.js'

const zh = (L: Lang, en: string, cn: string): string => (L === 'zh-CN' ? cn : en)

export function eiBlocks(
  groups: Record<string, unknown>,
  ei: ReturnType<typeof eiReport>,
  attribute: string,
  L: Lang,
): Block[] {
  const rows: [string, Cell][] = [
    [zh(L, 'E-I index (whole network)', 'E-I 指数（整体）'), ei.whole.observed],
    [zh(L, 'p (E-I as large or larger by chance)', 'p（随机情况下不小于观测值）'), ei.whole.pGreater],
    [zh(L, 'p (E-I as small or smaller by chance)', 'p（随机情况下不大于观测值）'), ei.whole.pLess],
    [zh(L, 'ties between groups', '群体之间的关系'), (groups.externalTies as number) ?? null],
    [zh(L, 'ties within groups', '群体内部的关系'), (groups.internalTies as number) ?? null],
    [zh(L, 'modularity', '模块度'), (groups.modularity as number | null) ?? null],
  ]
  if (typeof groups.qapCorrelation === 'number')
    rows.push([zh(L, 'QAP correlation', 'QAP 相关'), groups.qapCorrelation])
  return [
    {
      kind: 'values',
      title: `${zh(L, 'Groups by', '按属性分组')} "${attribute}" (${ei.options.permutations} ${zh(L, 'permutations', '次置换')})`,
      rows,
    },
    {
      kind: 'table',
      title: t('eiIndex', L),
      head: [t('group', L), zh(L, 'ties out', '对外关系'), zh(L, 'ties within', '内部关系'), 'E-I'],
      rows: Object.entries(ei.groups).map(([k, x]) => [k, x.external, x.internal, x.ei]),
    },
  ]
}

export function connectivityBlocks(g: Graph, c: ReturnType<typeof connectivityReport>, L: Lang): Block[] {
  const name = namer(g)
  const blocks: Block[] = [
    {
      kind: 'values',
      title: zh(L, 'Dyads and reach', '二元组与可达性'),
      rows: [
        [zh(L, 'mutual pairs', '互惠对'), c.dyads.mutual],
        [zh(L, 'one-way pairs', '单向对'), c.dyads.asymmetric],
        [zh(L, 'unconnected pairs', '无关系对'), c.dyads.null],
        [zh(L, 'share of pairs connected by a path', '有路径相连的行动者对比例'), c.reachability.proportion],
        [
          zh(L, `share of pairs within ${c.options.steps} steps`, `${c.options.steps} 步之内可达的行动者对比例`),
          c.reachability.withinSteps,
        ],
      ],
    },
  ]
  if (c.triads) {
    // in the standard order (an object would list the all-digit names first)
    const types = [...TRIAD_TYPES]
    blocks.push({
      kind: 'table',
      title: zh(L, 'Triad census (MAN types)', '三元组普查（MAN 类型）'),
      head: types,
      rows: [types.map((k) => c.triads![k])],
    })
  }
  blocks.push({
    kind: 'table',
    title: zh(L, 'Reach per actor', '各行动者的可达性'),
    head: [
      t('actor', L),
      zh(L, 'reachable actors', '可达行动者数'),
      zh(L, 'share reachable', '可达比例'),
      zh(L, `share within ${c.options.steps} steps`, `${c.options.steps} 步之内可达比例`),
    ],
    rows: Object.entries(c.reachability.nodes).map(([id, x]) => [name(id), x.reach, x.share, x.withinSteps]),
  })
  return blocks
}

export function twoModeBlocks(g: Graph, r: ReturnType<typeof twoModeReport>, L: Lang): Block[] {
  const name = namer(g)
  const s = r.summary
  return [
    {
      kind: 'values',
      title: zh(L, 'Two-mode network', '二模网络'),
      rows: [
        [zh(L, 'row nodes (e.g. actors)', '行节点（如行动者）'), s.rows],
        [zh(L, 'column nodes (e.g. activities)', '列节点（如活动）'), s.columns],
        [zh(L, 'ties', '关系数'), s.ties],
        [zh(L, 'density', '密度'), s.density],
        [zh(L, 'ties in the row projection', '行投影中的关系数'), s.rowProjectionEdges],
        [zh(L, 'ties in the column projection', '列投影中的关系数'), s.columnProjectionEdges],
      ],
    },
    {
      kind: 'table',
      title: zh(
        L,
        'Centrality per mode (Borgatti & Everett 1997; 1 = the most any node of its mode can have)',
        '分模式中心度（Borgatti & Everett 1997；1 = 同模式节点可能的最大值）',
      ),
      head: [
        t('actor', L),
        zh(L, 'mode', '模式'),
        zh(L, 'degree', '度数'),
        zh(L, 'degree (norm.)', '标准化度数'),
        zh(L, 'closeness (norm.)', '标准化接近度'),
        zh(L, 'betweenness', '中间度'),
        zh(L, 'betweenness (norm.)', '标准化中间度'),
      ],
      rows: Object.entries(r.nodes).map(([id, x]) => [
        name(id),
        x.mode === 'row' ? zh(L, 'row', '行') : zh(L, 'column', '列'),
        x.degree,
        x.degreeNormalized,
        x.closenessNormalized,
        x.betweenness,
        x.betweennessNormalized,
      ]),
    },
  ]
}
