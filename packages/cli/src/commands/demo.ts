// `cosafe demo` (what `npm start` runs until the server exists): analyses the bundled example community.

import { fileURLToPath } from 'node:url'
import { analyze, measureName, MEASURE_INFO, type NodeMeasure } from '@cosafe/sna'
import { formatValue, table } from '../format.js'
import { parseLang, type Lang } from '../i18n.js'
import type { Io } from '../io.js'
import { loadNetwork } from './input.js'

const EXAMPLE = fileURLToPath(new URL('../../examples/governance.csv', import.meta.url))

const TEXT = {
  title: {
    en: 'cosafe — collaborative public-safety governance network of the example community (15 actors, directed, weighted)',
    zh: 'cosafe —— 示例社区公共安全协同治理网络（15 个行动者，有向、加权）',
  },
  whole: { en: 'Whole network', zh: '整体网络' },
  top: {
    en: 'Actors by betweenness (who brokers between the others)',
    zh: '按中介中心性排列的行动者（谁在他人之间充当中间人）',
  },
  next: {
    en: `Next steps:
  npx cosafe analyze packages/cli/examples/governance.csv --directed --table        all measures
  npx cosafe analyze packages/cli/examples/governance.csv --directed --json         machine-readable
  npx cosafe analyze packages/cli/examples/governance.csv --directed --csv --out result.csv
  npx cosafe convert packages/cli/examples/governance.csv network.graphml           other formats
  npx cosafe help                                                                 every command
`,
    zh: `下一步：
  npx cosafe analyze packages/cli/examples/governance.csv --directed --table --lang zh-CN   全部指标
  npx cosafe analyze packages/cli/examples/governance.csv --directed --json                 JSON 输出
  npx cosafe analyze packages/cli/examples/governance.csv --directed --csv --out result.csv 导出 Excel 可读的 CSV
  npx cosafe convert packages/cli/examples/governance.csv network.graphml                   转换格式
  npx cosafe help                                                                         全部命令
`,
  },
} as const

function tx(key: keyof typeof TEXT, lang: Lang): string {
  return lang === 'zh-CN' ? TEXT[key].zh : TEXT[key].en
}

export function runDemo(argv: string[], io: Io): number {
  const lang = parseLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined)
  const { network } = loadNetwork(EXAMPLE, { directed: true })
  const g = network.graph
  const a = analyze(g)
  const out: string[] = [tx('title', lang), '', tx('whole', lang)]
  const netRows = (
    [
      'density',
      'reciprocity',
      'inDegreeCentralization',
      'outDegreeCentralization',
      'betweennessCentralization',
      'averageGeodesicDistance',
    ] as const
  ).map((k) => [
    measureName(k, lang),
    formatValue(a.network[k]),
    lang === 'zh-CN' ? MEASURE_INFO[k].explainZh : MEASURE_INFO[k].explainEn,
  ])
  out.push(
    table(
      [
        lang === 'zh-CN' ? '指标' : 'Measure',
        lang === 'zh-CN' ? '取值' : 'Value',
        lang === 'zh-CN' ? '含义' : 'Meaning',
      ],
      netRows,
      [false, true, false],
    ),
  )
  out.push(tx('top', lang))
  const cols: NodeMeasure[] = ['degree', 'betweennessNormalized', 'closeness', 'constraint', 'coreness']
  const sector = network.nodes.attribute('sector')
  const order = Array.from({ length: g.n }, (_, i) => i).sort(
    (x, y) => a.nodes.betweenness![y]! - a.nodes.betweenness![x]!,
  )
  const rows = order.map((i) => [
    network.nodes.label(i),
    String(sector?.[i] ?? ''),
    ...cols.map((c) => formatValue(a.nodes[c]![i])),
  ])
  out.push(
    table(
      [
        lang === 'zh-CN' ? '行动者' : 'Actor',
        lang === 'zh-CN' ? '部门' : 'Sector',
        ...cols.map((c) => measureName(c, lang)),
      ],
      rows,
      [false, false, true, true, true, true, true],
    ),
  )
  out.push(tx('next', lang))
  io.out(out.join('\n'))
  return 0
}
