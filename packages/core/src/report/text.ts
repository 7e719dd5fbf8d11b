// Fixed texts of the reports in both languages: 报告文字 — headings, column definitions, method notes.

import type { Term } from '../vocabulary.js'
import type { ReportLabels, ReportLang } from './model.js'

export const pick = (t: Term, lang: ReportLang): string => (lang === 'zh-CN' ? t.zh : t.en)

const LABELS: Record<keyof ReportLabels, Term> = {
  summary: { zh: '摘要', en: 'Summary' },
  figure: { zh: '协作网络图', en: 'Collaboration network' },
  networkTable: { zh: '整体网络指标', en: 'Whole-network measures' },
  actorTable: { zh: '行动者指标', en: 'Actor measures' },
  findings: { zh: '诊断发现', en: 'Findings' },
  recommendations: { zh: '对策建议', en: 'Recommendations' },
  method: { zh: '方法说明', en: 'Method' },
  evidence: { zh: '证据', en: 'Evidence' },
  threshold: { zh: '阈值', en: 'Threshold' },
  source: { zh: '依据', en: 'Source' },
  actors: { zh: '涉及主体', en: 'Actors involved' },
  ties: { zh: '涉及关系', en: 'Ties involved' },
  predicted: { zh: '预测效果（若实施）', en: 'Predicted effect if carried out' },
  before: { zh: '实施前', en: 'Before' },
  after: { zh: '实施后', en: 'After' },
  change: { zh: '变化', en: 'Change' },
  noFindings: { zh: '本维度没有触发的问题。', en: 'No rule of this dimension fired.' },
  notEvaluated: { zh: '数据不足、未能评估的规则', en: 'Rules not evaluated for lack of data' },
  contents: { zh: '目录', en: 'Contents' },
  generated: { zh: '生成时间', en: 'Generated' },
  fields: { zh: '字段说明', en: 'Field definitions' },
  fieldSheet: { zh: '字段说明', en: 'Fields' },
  fieldTable: { zh: '表', en: 'Table' },
  fieldKey: { zh: '字段', en: 'Field' },
  fieldTitle: { zh: '名称', en: 'Title' },
  fieldDefinition: { zh: '定义', en: 'Definition' },
  page: { zh: '页', en: 'Page' },
  more: { zh: '另有 {n} 项', en: 'and {n} more' },
  broker: { zh: '中介者', en: 'Broker' },
  families: { zh: '对策类别', en: 'Countermeasure' },
  value: { zh: '取值', en: 'Value' },
  needs: { zh: '所需数据', en: 'Needed' },
  measure: { zh: '指标', en: 'Measure' },
}

export function labels(lang: ReportLang): ReportLabels {
  return Object.fromEntries(Object.entries(LABELS).map(([k, t]) => [k, pick(t, lang)])) as unknown as ReportLabels
}

export const STATUS: Record<'fired' | 'clear' | 'insufficient-data', Term> = {
  fired: { zh: '触发', en: 'fired' },
  clear: { zh: '未触发', en: 'clear' },
  'insufficient-data': { zh: '数据不足', en: 'insufficient data' },
}

export const SEVERITY: Record<'high' | 'medium' | 'low', Term> = {
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
}

export const BASIS: Record<'absolute' | 'designed' | 'previous' | 'peer', Term> = {
  absolute: { zh: '绝对阈值', en: 'absolute' },
  designed: { zh: '对照设计网络', en: 'designed network' },
  previous: { zh: '对照上一期（相对变化）', en: 'previous period (relative change)' },
  peer: { zh: '同级社区百分位', en: 'peer percentile' },
}

/** Band text in the language: "< 0.3 or > 0.7", "outside P10–P90". */
export function bandIn(text: string, lang: ReportLang): string {
  if (lang === 'en') return text
  const outside = /^outside (P\d+–P\d+)$/.exec(text)
  if (outside) return `${outside[1]} 之外`
  return text.replace(/ or /g, ' 或 ')
}

/** Extra measures of the reports that sna's MEASURE_INFO does not hold. */
export const EXTRA_MEASURES: Record<string, Term & { explainZh: string; explainEn: string }> = {
  eiIndex: {
    zh: '部门 E-I 指数',
    en: 'E-I index of sectors',
    explainZh: '（跨部门关系 − 部门内关系）÷ 全部关系；−1 表示只在本部门内合作，1 表示只跨部门合作。',
    explainEn:
      '(ties between sectors − ties within sectors) ÷ all ties; −1 = everyone works only within their sector, 1 = only across.',
  },
  corePeripheryFit: {
    zh: '核心—边缘拟合度',
    en: 'Core–periphery fit',
    explainZh: '网络与理想核心—边缘结构的相关系数（Borgatti & Everett 1999）；越接近 1，越像一个紧密核心加松散边缘。',
    explainEn:
      'Correlation of the network with the ideal core–periphery pattern (Borgatti & Everett 1999); near 1 = a dense core and a loose edge.',
  },
  coreSize: {
    zh: '核心成员数',
    en: 'Core size',
    explainZh: '最佳核心—边缘划分中属于核心的行动者数量。',
    explainEn: 'How many actors the best core–periphery partition puts in the core.',
  },
  brokerShare: {
    zh: '最大中介者的中介份额',
    en: 'Broker’s share of betweenness',
    explainZh: '中介中心度最高的行动者占全部中介中心度的比例；越高，越多路径依赖这一个主体。',
    explainEn:
      'Share of all betweenness held by the actor with the most; the higher, the more paths depend on that one actor.',
  },
}

/** Columns of the actor table that are not sna node measures. */
export const ACTOR_COLUMNS: Record<string, Term & { explainZh: string; explainEn: string }> = {
  id: { zh: '编号', en: 'ID', explainZh: '行动者在数据中的编号。', explainEn: 'The actor’s identifier in the data.' },
  name: { zh: '名称', en: 'Name', explainZh: '行动者的名称。', explainEn: 'The actor’s name.' },
  sector: {
    zh: '部门',
    en: 'Sector',
    explainZh: '行动者所属部门：政府、社区党组织与居委会、市场、业主组织、社会组织或个人。',
    explainEn:
      'The actor’s sector: government, community party and residents’ committee, market, owners, social organisations or individuals.',
  },
  position: {
    zh: '核心/边缘',
    en: 'Core/periphery',
    explainZh: '在最佳核心—边缘划分（Borgatti & Everett 1999，种子 1）中属于核心还是边缘。',
    explainEn:
      'Whether the best core–periphery partition (Borgatti & Everett 1999, seed 1) puts the actor in the core or at the edge.',
  },
  betweennessShare: {
    zh: '中介份额',
    en: 'Share of betweenness',
    explainZh: '该行动者的中介中心度占全部中介中心度的比例。',
    explainEn: 'The actor’s betweenness as a share of all actors’ betweenness.',
  },
}

export const POSITION: Record<'core' | 'periphery', Term> = {
  core: { zh: '核心', en: 'core' },
  periphery: { zh: '边缘', en: 'periphery' },
}

/** Columns of the findings and recommendations tables. */
export const FINDING_COLUMNS: Record<string, Term & { explainZh: string; explainEn: string }> = {
  rule: {
    zh: '规则',
    en: 'Rule',
    explainZh: '诊断规则编号（见规则库）。',
    explainEn: 'The rule’s id in the rulebook.',
  },
  dimension: {
    zh: '维度',
    en: 'Dimension',
    explainZh: '协作理念、参与程度、协作治理结构、协作机制或协作内容。',
    explainEn: 'Governance concept, participation, collaborative structure, mechanisms or content.',
  },
  status: {
    zh: '状态',
    en: 'Status',
    explainZh: '触发（超出阈值）、未触发，或数据不足（不作猜测）。',
    explainEn: 'Fired (outside the threshold), clear, or insufficient data (no guess is made).',
  },
  severity: {
    zh: '严重程度',
    en: 'Severity',
    explainZh: '规则库给出的严重程度。',
    explainEn: 'The rulebook’s severity.',
  },
  finding: { zh: '发现', en: 'Finding', explainZh: '规则所指的问题。', explainEn: 'The problem the rule looks for.' },
  indicator: { zh: '指标', en: 'Indicator', explainZh: '规则计算的指标。', explainEn: 'What the rule measures.' },
  value: {
    zh: '取值',
    en: 'Value',
    explainZh: '指标的取值；数据不足时为空。',
    explainEn: 'The indicator’s value; empty when data are insufficient.',
  },
  threshold: {
    zh: '阈值',
    en: 'Threshold',
    explainZh: '触发规则的取值范围及比较基准。',
    explainEn: 'The band that fires the rule, with its comparison basis.',
  },
  source: {
    zh: '阈值依据',
    en: 'Threshold source',
    explainZh: '阈值的出处（文献、标准），或 cosafe 默认值（可配置）。',
    explainEn: 'Where the threshold comes from (literature, standards), or cosafe’s configurable default.',
  },
  explanation: {
    zh: '说明',
    en: 'Explanation',
    explainZh: '用通俗语言说明取值与结论；数据不足时说明需要什么数据。',
    explainEn: 'The value and verdict in plain words; for insufficient data, what is needed.',
  },
  recommendation: { zh: '建议', en: 'Recommendation', explainZh: '对策建议。', explainEn: 'The recommended action.' },
  proposedTies: {
    zh: '建议新增关系',
    en: 'Proposed ties',
    explainZh: '建议建立的直接协作关系。',
    explainEn: 'Direct collaboration ties the recommendation proposes.',
  },
  broker: {
    zh: '中介者',
    en: 'Broker',
    explainZh: '实施前中介中心度最高的行动者。',
    explainEn: 'The actor with the most betweenness before the change.',
  },
}

export const EFFECT_TITLES: Record<'degreeCentralization' | 'density' | 'eiIndex' | 'brokerShare', Term> = {
  degreeCentralization: { zh: '度数中心势', en: 'Degree centralization' },
  density: { zh: '密度', en: 'Density' },
  eiIndex: { zh: '部门 E-I 指数', en: 'E-I index of sectors' },
  brokerShare: { zh: '中介者的中介份额', en: 'Broker’s share of betweenness' },
}

export const KEY_FIGURES: Record<string, Term> = {
  actors: { zh: '行动者', en: 'Actors' },
  ties: { zh: '协作关系', en: 'Collaboration ties' },
  density: { zh: '密度', en: 'Density' },
  degreeCentralization: { zh: '度数中心势', en: 'Degree centralization' },
  betweennessCentralization: { zh: '中介中心势', en: 'Betweenness centralization' },
  components: { zh: '连通分量', en: 'Components' },
  eiIndex: { zh: '部门 E-I 指数', en: 'E-I index of sectors' },
  brokerShare: { zh: '最大中介份额', en: 'Largest share of betweenness' },
  fired: { zh: '触发的规则', en: 'Rules fired' },
}

/** Names of the evidence values the rules report (keys of Finding.evidence.values). */
export const EVIDENCE_LABELS: Record<string, Term> = {
  activities: { zh: '活动数', en: 'Activities' },
  initiatedByNonGov: { zh: '非政府主体发起的活动', en: 'Initiated by non-government actors' },
  hierarchyValue: { zh: '指挥与监督关系强度', en: 'Command and supervision (value)' },
  allValue: { zh: '全部关系强度', en: 'All recorded ties (value)' },
  commandOnlyPairs: { zh: '只有指挥监督的主体对', en: 'Pairs with command only' },
  infoDyads: { zh: '信息共享主体对', en: 'Pairs sharing information' },
  reciprocated: { zh: '双向的主体对', en: 'Reciprocated pairs' },
  expected: { zh: '应参与的主体类型', en: 'Actor types expected' },
  active: { zh: '实际参与的主体类型', en: 'Actor types taking part' },
  coreActors: { zh: '核心主体', en: 'Core actors' },
  attendances: { zh: '参与人次', en: 'Attendances' },
  nonGovAttendances: { zh: '非政府主体参与人次', en: 'Non-government attendances' },
  density: { zh: '密度', en: 'Density' },
  designedRealised: { zh: '设计关系的实现比例', en: 'Designed ties realised' },
  designedDyads: { zh: '设计网络中的主体对', en: 'Designed pairs' },
  topDegree: { zh: '最大度数', en: 'Largest degree' },
  constraintRatio: { zh: '约束比（中介者 ÷ 中位数）', en: 'Constraint ratio (broker ÷ median)' },
  constraint: { zh: '中介者的约束', en: 'Broker’s constraint' },
  medianConstraint: { zh: '约束中位数', en: 'Median constraint' },
  actors: { zh: '主体数', en: 'Actors' },
  ties: { zh: '关系数', en: 'Ties' },
  external: { zh: '跨部门关系', en: 'Ties to other sectors' },
  internal: { zh: '部门内关系', en: 'Ties within the sector' },
  core: { zh: '核心成员', en: 'Core members' },
  fit: { zh: '拟合度', en: 'Fit' },
  tiedDyads: { zh: '有关系的主体对', en: 'Tied pairs' },
  multiplexDyads: { zh: '多重关系主体对', en: 'Pairs with several relations' },
  due: { zh: '到期事项', en: 'Items due' },
  onTime: { zh: '按时完成', en: 'Done on time' },
  domains: { zh: '领域数', en: 'Domains' },
  covered: { zh: '已覆盖领域', en: 'Domains covered' },
  preventPrepare: { zh: '预防与准备类活动', en: 'Prevention and preparation activities' },
  relationDyads: { zh: '有协作关系的主体对', en: 'Pairs with collaboration' },
  jointOrResource: { zh: '联合行动或资源共享的主体对', en: 'Pairs with joint action or shared resources' },
  drills: { zh: '演练次数', en: 'Drills' },
  multiActorDrills: { zh: '多主体演练', en: 'Drills with several sectors' },
  days: { zh: '天数', en: 'Days' },
  cases: { zh: '案件数', en: 'Cases' },
  emergencyHours: { zh: '紧急吹哨到达时间（小时）', en: 'Emergency arrival (hours)' },
  govJob: { zh: '认为安全是政府的事', en: 'Say safety is the government’s job' },
  respondents: { zh: '受访者', en: 'Respondents' },
  responseRate: { zh: '回收率', en: 'Response rate' },
}
