// The CLI's own messages in English and Chinese.

import { UsageError } from './errors.js'
export type Lang = 'en' | 'zh-CN'

const MESSAGES = {
  network: { en: 'Whole network', zh: '整体网络' },
  nodes: { en: 'Actors', zh: '行动者' },
  measure: { en: 'Measure', zh: '指标' },
  value: { en: 'Value', zh: '取值' },
  id: { en: 'id', zh: '编号' },
  label: { en: 'label', zh: '名称' },
  warnings: { en: 'Notes on the input', zh: '输入说明' },
  errorInput: { en: 'error in the input', zh: '输入错误' },
  errorInternal: { en: 'internal error (please report it)', zh: '内部错误（请报告此问题）' },
  wrote: { en: 'wrote', zh: '已写入' },
  computing: { en: 'computing', zh: '正在计算' },
  actor: { en: 'Actor', zh: '行动者' },
  count: { en: 'count', zh: '数量' },
  options: { en: 'Settings', zh: '参数' },
  none: { en: '(none)', zh: '（无）' },
  components: { en: 'Components (actors linked by any path)', zh: '成分（由任意路径相连的行动者）' },
  strongComponents: { en: 'Strong components (mutually reachable)', zh: '强成分（相互可达）' },
  bicomponents: {
    en: 'Bi-components (no single actor disconnects them)',
    zh: '双成分（任何单个行动者都无法将其断开）',
  },
  cutPoints: { en: 'Cut-points (actors whose removal disconnects others)', zh: '切点（移除后会使他人断开的行动者）' },
  kCores: { en: 'k-cores', zh: 'k-核' },
  maxCore: { en: 'largest k', zh: '最大 k 值' },
  mainCore: { en: 'main core', zh: '主核' },
  coreness: { en: 'coreness', zh: '核数' },
  cliques: { en: 'Cliques (everyone tied to everyone)', zh: '派系（成员两两相连）' },
  nCliques: { en: 'n-cliques (everyone within n steps)', zh: 'n-派系（成员相互在 n 步之内）' },
  kPlexes: {
    en: 'k-plexes (each member tied to all but k−1 others)',
    zh: 'k-丛（每个成员至多与 k−1 个其他成员不相连）',
  },
  louvain: { en: 'Communities (Louvain)', zh: '社区（Louvain 算法）' },
  leiden: { en: 'Communities (Leiden)', zh: '社区（Leiden 算法）' },
  factions: { en: 'Factions', zh: '派别' },
  modularity: { en: 'modularity', zh: '模块度' },
  fit: { en: 'fit (correlation with the ideal pattern)', zh: '拟合度（与理想模式的相关系数）' },
  fitShort: { en: 'fit', zh: '拟合度' },
  correlation: { en: 'correlation', zh: '相关系数' },
  euclidean: { en: 'Euclidean distance', zh: '欧氏距离' },
  concor: { en: 'CONCOR positions', zh: 'CONCOR 位置' },
  excluded: { en: 'left out (no ties)', zh: '未纳入（无关系）' },
  blockDensity: {
    en: 'Block densities (ties from row position to column position)',
    zh: '块密度（行位置到列位置的关系）',
  },
  image: { en: 'Image matrix (1 = density at least the network density)', zh: '像矩阵（1 = 密度不低于整体密度）' },
  position: { en: 'position', zh: '位置' },
  structuralEquivalence: { en: 'Structural equivalence clusters', zh: '结构对等聚类' },
  core: { en: 'Core', zh: '核心' },
  periphery: { en: 'Periphery', zh: '边缘' },
  corePeriphery: { en: 'Core–periphery structure', zh: '核心—边缘结构' },
  continuousCoreness: { en: 'continuous coreness', zh: '连续核心度' },
  egoNetwork: { en: 'Ego network', zh: '个体网' },
  structuralHoles: { en: 'Structural holes (Burt)', zh: '结构洞（Burt）' },
  alters: { en: 'Alters', zh: '交往对象' },
  wholeModel: { en: 'whole-network model', zh: '整体网模型' },
  egoModel: { en: 'ego-network model', zh: '个体网模型' },
  keyPlayers: { en: 'Key players', zh: '关键行动者' },
  score: { en: 'score', zh: '得分' },
  whatIf: { en: 'What if', zh: '情景模拟' },
  before: { en: 'before', zh: '之前' },
  after: { en: 'after', zh: '之后' },
  change: { en: 'change', zh: '变化' },
  brokerShare: { en: 'Share of all brokerage (betweenness)', zh: '中介份额（中间中心度占比）' },
  qap: { en: 'QAP correlation', zh: 'QAP 相关分析' },
  mrqap: { en: 'MRQAP regression', zh: 'MRQAP 回归' },
  multiplex: { en: 'Relations compared', zh: '关系比较' },
  relation: { en: 'relation', zh: '关系' },
  notes: { en: 'Notes', zh: '说明' },
  eiIndex: { en: 'E-I index by group', zh: '各群体 E-I 指数' },
  group: { en: 'group', zh: '群体' },
} as const

export type MessageKey = keyof typeof MESSAGES

export function t(key: MessageKey, lang: Lang): string {
  const m = MESSAGES[key]
  return lang === 'zh-CN' ? m.zh : m.en
}

export function parseLang(s: string | undefined): Lang {
  if (s === undefined) {
    const env = process.env.LANG ?? ''
    return env.startsWith('zh') ? 'zh-CN' : 'en'
  }
  if (s === 'en' || s === 'zh-CN') return s
  if (s.toLowerCase() === 'zh' || s.toLowerCase() === 'zh-cn') return 'zh-CN'
  throw new UsageError(`--lang must be en or zh-CN, got "${s}"`)
}
