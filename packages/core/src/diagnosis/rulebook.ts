// The diagnosis rulebook of DOMAIN.md §7 as data: 诊断规则库 — indicators, bands, sources and countermeasures.
//
// Each rule names what it measures (zh/en and the formula), when it flags (one or more checks,
// each a band on one measure against a comparison basis), where the threshold comes from (the
// letters of DOMAIN.md §8, or "cosafe default"), how serious the finding is, the countermeasure
// families (TLD top-level design, CRS clear responsible subjects, ICM innovative mechanisms, ECC
// richer content) and action templates whose {placeholders} the recommendations fill in.
// Thresholds are deployment settings: `withThresholds` returns a rulebook with some replaced.

import type { Term } from '../vocabulary.js'

export type Dimension = 'concept' | 'participation' | 'structure' | 'mechanism' | 'content'
export const DIMENSIONS = {
  concept: { zh: '协作理念', en: 'governance concept' },
  participation: { zh: '参与程度', en: 'participation' },
  structure: { zh: '协作治理结构', en: 'collaborative structure' },
  mechanism: { zh: '协作机制', en: 'mechanisms' },
  content: { zh: '协作内容', en: 'content' },
} as const satisfies Record<Dimension, Term>

export type Family = 'TLD' | 'CRS' | 'ICM' | 'ECC'
export const FAMILIES = {
  TLD: { zh: '加强顶层设计', en: 'top-level design' },
  CRS: { zh: '明确责任主体', en: 'clarify responsible subjects' },
  ICM: { zh: '创新协作机制', en: 'innovate collaboration mechanisms' },
  ECC: { zh: '丰富协作内容', en: 'enrich collaboration content' },
} as const satisfies Record<Family, Term>

/** What a threshold is compared with: a fixed value, the designed network, the previous period, or peer communities. */
export type Basis = 'absolute' | 'designed' | 'previous' | 'peer'
export type Severity = 'high' | 'medium' | 'low'

/** A one- or two-sided band: the check flags when the value is below `below` or above `above`. */
export interface ValueBand {
  below?: number
  above?: number
}
/** A band on the percentile rank (0–100) of the value among peer communities. */
export interface PercentileBand {
  belowPercentile?: number
  abovePercentile?: number
}
export type Band = ValueBand | PercentileBand

export interface Check {
  basis: Basis
  /**
   * The measure the band applies to: 'value' (the indicator, default) or another measure the rule
   * computes (e.g. STR-3's 'constraintRatio'). For basis 'previous' the band is on the relative
   * change (value − previous) ÷ previous; for 'designed' on the measure as computed against the
   * designed network; for 'peer' on the percentile rank among peers.
   */
  measure?: string
  band: Band
}

export type SourceLetter =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'v'
  | 'w'
  | 'x'

/** DOMAIN.md §8. */
export const SOURCES: Record<SourceLetter, string> = {
  a: 'Beijing’s proactive-governance practice (主动治理, 未诉先办, 每月一题), Beijing Daily reporting, 2021.',
  b: 'Liu Yanxia & Xu Yongxiang (2019), organisations in Beijing “Z community” governance, 华东理工大学学报(社科版) 2019(1).',
  c: 'Ansell & Gash (2008), Collaborative governance in theory and practice, JPART, doi:10.1093/jopart/mum032.',
  d: 'Emerson, Nabatchi & Balogh (2012), An integrative framework for collaborative governance, JPART, doi:10.1093/jopart/mur011.',
  e: 'Tsinghua master’s thesis on collaborative public-safety governance in Beijing urban communities (C community), abstract.',
  f: 'AQ/T 9001-2006 安全社区建设基本要求 (Safe Community requirements) and Safe-Community application conditions.',
  g: 'Geng Yun, Wang Xiaozhan, Zhang Jianbo (2017), 基于社会网络分析的社区治安模式比较研究——以北京市朝阳区为例; Tsinghua study of Beijing “S community” (2017 survey data).',
  h: 'Safe-Community duty lists: key projects reach ≥ 50 % of their target group.',
  i: 'Beijing safety-volunteer figures: 新京报 2017-07-12 (≈850 000 registered); Xicheng 群防群治 reporting, 2015.',
  j: 'Ping’an Community scorecards (sense of safety ≥ 80 %).',
  k: 'Shishi “H community” study (2026), SNA of community building: density up, centralization down, single centre to multi-core.',
  l: 'Li Hua, Bai Le, Shen Yuheng (2025), 中国安全科学学报 35(5): Xi’an emergency-organisation network, centralization 0.58 → 0.72.',
  o: 'Provan & Kenis (2008), Modes of network governance, JPART, doi:10.1093/jopart/mum015.',
  p: 'Beijing 12345 performance 2019–2021 (resolution 53 % → 89 %, satisfaction 65 % → 92 %), municipal reporting.',
  q: 'Beijing 12345 draft time limits (2021): 2 h emergency, 24 h utilities, 7 d general, 15 d complex.',
  r: 'Beijing 街乡吹哨、部门报到 reporting (2018): the whistle rate should be neither too low nor too high.',
  s: 'Urban grid management closed loop, 7 steps (collect, file, dispatch, handle, feed back, verify and close, evaluate).',
  t: 'Joint-meeting (联席会议) practice with property companies, local government reporting.',
  v: 'ISCCC Safe Community indicators, https://isccc.global/indicators-that-must-be-fulfilled',
  w: 'AQ/T 9001-2006 elements 6–9 (risk assessment, projects, emergency preparedness, monitoring).',
  x: 'Guo & Li (2022), collaborative tie types in emergency governance networks.',
}

export interface RuleSource {
  /** Letters of DOMAIN.md §8; empty when the threshold is cosafe's own default. */
  letters: SourceLetter[]
  /** The citations, or "cosafe default (configurable)". */
  citation: string
  /** True when the number itself is our default rather than the source's (DOMAIN.md "def"). */
  isDefault: boolean
}

export interface Rule {
  id: string
  dimension: Dimension
  indicator: Term & { formula: string }
  /** How the value reads: a share 0–1, a count, an index −1…1, hours, a rate. */
  unit: 'share' | 'count' | 'index' | 'hours' | 'rate' | 'points'
  checks: Check[]
  /** 'any' (default): one flagged check fires the rule; 'all': every check must flag. */
  combine?: 'any' | 'all'
  /** Further parameters of the indicator (e.g. STR-7's sector share and subgroup size). */
  params?: Record<string, number>
  finding: Term
  source: RuleSource
  severity: Severity
  /**
   * A veto item (一票否决): when it fires, the community fails the overall assessment whatever
   * the other findings say — the Ping'an scorecard's veto items and the ISCCC indicators that
   * must be fulfilled [v]. Deployments set their own (`withThresholds`).
   */
  veto?: boolean
  families: Family[]
  /** Action templates; placeholders such as {actor}, {a}, {b}, {domain}, {value}, {threshold}. */
  actions: { zh: string; en: string }
}

export type Rulebook = readonly Rule[]

const DEFAULT_CITATION = 'cosafe default (configurable)'

function src(letters: SourceLetter[], isDefault: boolean): RuleSource {
  return {
    letters,
    citation: letters.length ? letters.map((l) => `[${l}] ${SOURCES[l]}`).join(' ') : DEFAULT_CITATION,
    isDefault,
  }
}

const abs = (band: ValueBand, measure?: string): Check => ({ basis: 'absolute', band, ...(measure ? { measure } : {}) })

type RuleSpec = Omit<Rule, 'indicator' | 'finding' | 'actions' | 'source'> & {
  zh: string
  en: string
  formula: string
  findingZh: string
  findingEn: string
  letters: SourceLetter[]
  def: boolean
  actZh: string
  actEn: string
}

function rule(s: RuleSpec): Rule {
  const { zh, en, formula, findingZh, findingEn, letters, def, actZh, actEn, ...rest } = s
  return {
    ...rest,
    indicator: { zh, en, formula },
    finding: { zh: findingZh, en: findingEn },
    source: src(letters, def),
    actions: { zh: actZh, en: actEn },
  }
}

/** The default rulebook: every rule of DOMAIN.md §7 in order. */
export const RULEBOOK: Rulebook = [
  // ------------------------------------------------------------------ concept
  rule({
    id: 'CON-1',
    dimension: 'concept',
    zh: '主动发现案件占比',
    en: 'share of cases found proactively',
    formula: 'cases found by inspection or patrol ÷ all cases (matters)',
    unit: 'share',
    checks: [abs({ below: 0.4 })],
    findingZh: '治理由投诉驱动，主动发现不足',
    findingEn: 'complaint-driven: few problems are found before residents complain',
    letters: ['a'],
    def: true,
    severity: 'medium',
    families: ['TLD', 'ECC'],
    actZh: '制定巡查计划并建立风险台账（主动发现率 {value}，目标 ≥ {threshold}）',
    actEn: 'set an inspection plan and a risk register (proactive share {value}, target ≥ {threshold})',
  }),
  rule({
    id: 'CON-2',
    dimension: 'concept',
    zh: '市场、业主、社会与个人发起的活动占比',
    en: 'share of events initiated by M/O/S/I actors',
    formula: 'activities convened by a market, owners, social or individual actor ÷ all activities',
    unit: 'share',
    checks: [abs({ below: 0.2 })],
    findingZh: '政府包揽，其他主体很少发起',
    findingEn: 'government does everything: other actors rarely initiate',
    letters: ['b'],
    def: true,
    severity: 'medium',
    families: ['CRS', 'ICM'],
    actZh: '赋予{actor}议题提出权并设立微项目资金',
    actEn: 'give {actor} the right to put items on the agenda, with micro-grants',
  }),
  rule({
    id: 'CON-3',
    dimension: 'concept',
    zh: '指挥与监督关系占比',
    en: 'share of command and supervision ties',
    formula: 'Σ value of recorded COMMAND and SUPERVISE ties ÷ Σ value of all recorded ties in the period',
    unit: 'share',
    checks: [abs({ above: 0.6 })],
    findingZh: '以命令代替协作',
    findingEn: 'command, not collaboration',
    letters: ['c'],
    def: true,
    severity: 'high',
    families: ['ICM'],
    actZh: '{actor}在向{b}派单前先行协商',
    actEn: '{actor} consults {b} before assigning tasks',
  }),
  rule({
    id: 'CON-4',
    dimension: 'concept',
    zh: '信息互惠率',
    en: 'reciprocity of information sharing',
    formula: 'actor pairs with INFO both ways ÷ actor pairs with INFO either way',
    unit: 'share',
    checks: [abs({ below: 0.3 })],
    findingZh: '信息单向上报，缺少反馈',
    findingEn: 'one-way relaying: information goes up and nothing comes back',
    letters: ['d'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '{b}向{a}反馈上报信息的处理结果，并设立结果公示栏',
    actEn: '{b} reports back to {a} on what became of its information; set up an outcome board',
  }),
  rule({
    id: 'CON-5',
    dimension: 'concept',
    zh: '非政府受访者认为“安全是政府的事”的比例',
    en: 'non-government respondents who see safety as the government’s job',
    formula:
      'survey: respondents of sectors Q, M, O, S, I answering 1–2 to “safety is everyone’s responsibility” ÷ those answering',
    unit: 'share',
    checks: [abs({ above: 0.5 })],
    findingZh: '缺乏共同责任意识',
    findingEn: 'no sense of co-responsibility',
    letters: ['e'],
    def: true,
    severity: 'medium',
    families: ['TLD', 'ECC'],
    actZh: '开展共同责任宣传教育，公布各主体责任清单',
    actEn: 'run co-responsibility education and publish each actor’s duty list',
  }),
  // ------------------------------------------------------------------ participation
  rule({
    id: 'PAR-1',
    dimension: 'participation',
    zh: '应参与主体类型的活跃比例',
    en: 'expected actor types that are active',
    formula: 'expected actor types with an actor that has a collaboration tie or attended an activity ÷ expected types',
    unit: 'share',
    checks: [abs({ below: 0.8 })],
    findingZh: '部分主体类型缺位',
    findingEn: 'sectors or actor types are missing',
    letters: ['f'],
    def: true,
    severity: 'high',
    families: ['TLD'],
    actZh: '吸收{actor}加入社区安全委员会',
    actEn: 'co-opt {actor} into the community safety committee',
  }),
  rule({
    id: 'PAR-2',
    dimension: 'participation',
    zh: '核心类型主体中度数 ≤ 1 者',
    en: 'core-type actors with degree ≤ 1',
    formula: 'number of actors of a core type with at most one collaboration partner',
    unit: 'count',
    checks: [abs({ above: 0 })],
    params: { maxDegree: 1 },
    findingZh: '名义成员，实际不参与',
    findingEn: 'nominal members who take no part',
    letters: [],
    def: true,
    severity: 'medium',
    families: ['CRS'],
    actZh: '为{actor}指定联络人，写入责任分工（RACI）和派单目录',
    actEn: 'name a liaison at {actor} and put it in the RACI and dispatch catalogue',
  }),
  rule({
    id: 'PAR-3',
    dimension: 'participation',
    zh: '市场、业主、社会与个人的参与占比',
    en: 'M/O/S/I share of activity',
    formula: 'attendances of market, owners, social and individual actors ÷ all attendances',
    unit: 'share',
    checks: [abs({ below: 0.3 })],
    findingZh: '政府主导，社会参与不足',
    findingEn: 'government-dominated activity',
    letters: ['g'],
    def: true,
    severity: 'high',
    families: ['ICM', 'ECC'],
    actZh: '推行志愿服务积分，赋予{actor}明确角色',
    actEn: 'introduce volunteer points and give {actor} a defined role',
  }),
  rule({
    id: 'PAR-4',
    dimension: 'participation',
    zh: '项目覆盖目标人群比例',
    en: 'project participants ÷ target group',
    formula: 'participants of each safety project ÷ its target group size (matters: projects)',
    unit: 'share',
    checks: [abs({ below: 0.5 })],
    findingZh: '项目未能覆盖目标人群',
    findingEn: 'outreach is failing',
    letters: ['h'],
    def: false,
    severity: 'medium',
    families: ['ECC'],
    actZh: '重新设计“{activity}”的宣传动员方式',
    actEn: 'redesign the outreach of “{activity}”',
  }),
  rule({
    id: 'PAR-5',
    dimension: 'participation',
    zh: '每百名居民活跃志愿者数',
    en: 'active volunteers per 100 residents',
    formula: 'active safety volunteers ÷ residents × 100 (population)',
    unit: 'rate',
    checks: [abs({ below: 1 })],
    findingZh: '群防群治基础薄弱（北京约 3.9）',
    findingEn: 'a thin volunteer base (Beijing ≈ 3.9)',
    letters: ['i'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '通过“双报到”和青年志愿者招募平安志愿者',
    actEn: 'recruit safety volunteers through dual report-in and young people',
  }),
  rule({
    id: 'PAR-6',
    dimension: 'participation',
    zh: '60 岁及以上志愿者占比',
    en: 'share of volunteers aged 60 or over',
    formula: 'active volunteers aged ≥ 60 ÷ active volunteers (population)',
    unit: 'share',
    checks: [abs({ above: 0.7 })],
    findingZh: '志愿者队伍老化',
    findingEn: 'an ageing volunteer base',
    letters: ['i'],
    def: true,
    severity: 'low',
    families: ['ICM'],
    actZh: '开通线上上报，设置短时班次',
    actEn: 'open online reporting and offer short shifts',
  }),
  rule({
    id: 'PAR-7',
    dimension: 'participation',
    zh: '受邀出席率（按主体类型）',
    en: 'attended ÷ invited, per actor type',
    formula: 'for each actor type: attendances ÷ invitations; the value is the lowest type’s rate',
    unit: 'share',
    checks: [abs({ below: 0.6 })],
    findingZh: '成员受邀不到场',
    findingEn: 'inactive members',
    letters: [],
    def: true,
    severity: 'medium',
    families: ['CRS'],
    actZh: '将{actor}的出席情况纳入考核评价（出席率 {value}）',
    actEn: 'count the attendance of {actor} in its evaluation (rate {value})',
  }),
  rule({
    id: 'PAR-8',
    dimension: 'participation',
    zh: '居民安全感',
    en: 'sense of safety',
    formula: 'survey: respondents answering 4–5 to “I feel safe in this community” ÷ those answering',
    unit: 'share',
    checks: [abs({ below: 0.8 })],
    findingZh: '安全感未达平安社区标准',
    findingEn: 'an outcome deficit: sense of safety below the Ping’an line',
    letters: ['j'],
    def: false,
    severity: 'high',
    families: ['ECC'],
    actZh: '按安全领域细分调查，找出安全感最低的领域',
    actEn: 'drill down by safety domain to find where people feel least safe',
  }),
  // ------------------------------------------------------------------ structure
  rule({
    id: 'STR-1',
    dimension: 'structure',
    zh: '协作网络密度（相对设计网络或上期）',
    en: 'collaboration density against the designed network or the last period',
    formula:
      'designed: designed dyads (duty lists, dispatch catalogue, rosters) that are tied in the collaboration network ÷ designed dyads; previous: relative change of density',
    unit: 'share',
    checks: [
      { basis: 'designed', measure: 'designedRealised', band: { below: 0.5 } },
      { basis: 'previous', band: { below: -0.2 } },
    ],
    findingZh: '网络松散，设计的协作关系未落实',
    findingEn: 'a loose network: designed partnerships are not practised',
    letters: ['k'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '在{domain}领域建立{a}与{b}的常态化联合行动',
    actEn: 'set up recurring joint action between {a} and {b} in {domain}',
  }),
  rule({
    id: 'STR-2',
    dimension: 'structure',
    zh: '度数中心势',
    en: 'degree centralization',
    formula: 'Freeman degree centralization of the undirected collaboration network',
    unit: 'index',
    checks: [abs({ above: 0.5 })],
    findingZh: '单中心结构',
    findingEn: 'a single core',
    letters: ['l'],
    def: true,
    severity: 'high',
    families: ['CRS', 'ICM'],
    actZh: '在{domain}领域由{a}担任{actor}之外的第二协调者，并与{b}直接联系',
    actEn: 'make {a} a second coordinator besides {actor} in {domain}, in direct contact with {b}',
  }),
  rule({
    id: 'STR-3',
    dimension: 'structure',
    zh: '中介份额；结构洞约束',
    en: 'betweenness share; Burt constraint',
    formula: 'largest share of all betweenness held by one actor; or its constraint ÷ median constraint',
    unit: 'share',
    checks: [abs({ above: 0.4 }), abs({ below: 0.5 }, 'constraintRatio')],
    findingZh: '居委会成为瓶颈式中介',
    findingEn: 'a bottleneck broker',
    letters: ['g'],
    def: true,
    severity: 'high',
    families: ['CRS'],
    actZh: '明确{actor}任务清单；在{domain}领域直接连接{a}与{b}：十二个月内无直接协作',
    actEn: 'set a task list for {actor}; link {a} with {b} in {domain}: no joint activity in twelve months',
  }),
  rule({
    id: 'STR-4',
    dimension: 'structure',
    zh: '非政府、非居委会主体之间的密度',
    en: 'density among non-G/Q actors',
    formula: 'density of the collaboration network among market, owners, social and individual actors',
    unit: 'share',
    checks: [abs({ below: 0.1 })],
    findingZh: '边缘主体只能经由中心相连',
    findingEn: 'the periphery is linked only through the centre',
    letters: ['b'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '推动{a}与{b}签订互助协议',
    actEn: 'broker a peer agreement between {a} and {b}',
  }),
  rule({
    id: 'STR-5',
    dimension: 'structure',
    zh: '政府群体的 E-I 指数',
    en: 'E-I index of the government group',
    formula: '(E − I) ÷ (E + I) over ties of government actors: E to other sectors, I among themselves',
    unit: 'index',
    checks: [abs({ below: 0 })],
    findingZh: '政府部门条块分割、自成一体',
    findingEn: 'a government silo',
    letters: ['l'],
    def: true,
    severity: 'high',
    families: ['TLD'],
    actZh: '成立跨部门跨领域委员会，设定{a}与{b}的联合考核指标',
    actEn: 'form a cross-sector committee with joint KPIs for {a} and {b}',
  }),
  rule({
    id: 'STR-6',
    dimension: 'structure',
    zh: '核心中的非政府主体数',
    en: 'non-government actors in the core',
    formula: 'market, owners, social and individual actors in the best core–periphery partition’s core',
    unit: 'count',
    checks: [abs({ below: 1 })],
    findingZh: '核心封闭',
    findingEn: 'a closed core',
    letters: [],
    def: true,
    severity: 'medium',
    families: ['CRS'],
    actZh: '由{actor}牵头{domain}领域工作',
    actEn: 'make {actor} the lead of {domain}',
  }),
  rule({
    id: 'STR-7',
    dimension: 'structure',
    zh: '单一部门主导的子群',
    en: 'subgroups dominated by one sector',
    formula: 'maximal cliques of at least {minSize} actors of which at least {sectorShare} belong to one sector',
    unit: 'count',
    checks: [abs({ above: 0 })],
    params: { minSize: 4, sectorShare: 0.8 },
    findingZh: '部门壁垒',
    findingEn: 'sector silos',
    letters: [],
    def: true,
    severity: 'low',
    families: ['ICM'],
    actZh: '组建混合小组：{a}与{b}',
    actEn: 'form mixed teams: {a} with {b}',
  }),
  rule({
    id: 'STR-8',
    dimension: 'structure',
    zh: '治理模式与情境的匹配',
    en: 'governance mode against contingencies',
    formula: 'lead-organisation mode with more than {actors} actors and more than {domains} safety domains',
    unit: 'count',
    checks: [abs({ above: 15 }, 'actors'), abs({ above: 5 }, 'domains')],
    combine: 'all',
    findingZh: '治理形式与规模和任务不匹配',
    findingEn: 'form misfit: a lead organisation cannot carry this many actors and domains',
    letters: ['o'],
    def: true,
    severity: 'medium',
    families: ['TLD'],
    actZh: '设立类似网络行政组织（NAO）的秘书处',
    actEn: 'set up an NAO-like secretariat',
  }),
  rule({
    id: 'STR-9',
    dimension: 'structure',
    zh: '多重关系比例',
    en: 'dyads with two or more tie types',
    formula: 'actor pairs tied in ≥ 2 collaboration relations ÷ actor pairs tied in any',
    unit: 'share',
    checks: [abs({ below: 0.2 })],
    findingZh: '关系单薄',
    findingEn: 'thin ties',
    letters: [],
    def: true,
    severity: 'low',
    families: ['ECC'],
    actZh: '在{a}与{b}之间增加资源共享或联合行动',
    actEn: 'add resource sharing or joint action between {a} and {b}',
  }),
  // ------------------------------------------------------------------ mechanism
  rule({
    id: 'MEC-1',
    dimension: 'mechanism',
    zh: '12345“三率”与全市参考值之差',
    en: 'the three rates of local 12345 orders against the city reference',
    formula:
      'lowest of (response, resolution, satisfaction rate − city reference) in percentage points (matters: orders)',
    unit: 'points',
    checks: [abs({ below: -5 })],
    findingZh: '诉求响应薄弱',
    findingEn: 'weak response',
    letters: ['p'],
    def: false,
    severity: 'high',
    families: ['ICM'],
    actZh: '设定首次联系时限（SLA）',
    actEn: 'set a first-contact SLA',
  }),
  rule({
    id: 'MEC-2',
    dimension: 'mechanism',
    zh: '按时办结率',
    en: 'orders done within their time limit',
    formula: 'orders done within 2 h / 24 h / 7 d / 15 d by class ÷ orders (matters: orders)',
    unit: 'share',
    checks: [abs({ below: 0.95 })],
    findingZh: '办理缓慢',
    findingEn: 'slow handling',
    letters: ['q'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '设置超时升级提醒',
    actEn: 'add escalation timers',
  }),
  rule({
    id: 'MEC-3',
    dimension: 'mechanism',
    zh: '吹哨率',
    en: 'whistles per street case',
    formula: 'whistles ÷ street cases, ranked among peer communities (matters: whistles, cases)',
    unit: 'share',
    checks: [{ basis: 'peer', band: { belowPercentile: 10, abovePercentile: 90 } }],
    findingZh: '吹哨机制闲置或日常处置失灵',
    findingEn: 'whistles unused, or routine handling failing',
    letters: ['r'],
    def: true,
    severity: 'medium',
    families: ['ICM', 'TLD'],
    actZh: '吹哨率偏低时创新机制，偏高时加强顶层设计',
    actEn: 'innovate the mechanism if the rate is low; strengthen top-level design if it is high',
  }),
  rule({
    id: 'MEC-4',
    dimension: 'mechanism',
    zh: '吹哨到首次到场时长',
    en: 'whistle to first arrival',
    formula: 'median hours from whistle to a department’s first arrival; emergencies separately (matters: whistles)',
    unit: 'hours',
    checks: [abs({ above: 24 }), abs({ above: 2 }, 'emergencyHours')],
    findingZh: '部门报到不及时',
    findingEn: 'departments are absent',
    letters: [],
    def: true,
    severity: 'high',
    families: ['CRS'],
    actZh: '{actor}设立值班责任人并纳入评价',
    actEn: '{actor} names a duty officer, rated on arrival time',
  }),
  rule({
    id: 'MEC-5',
    dimension: 'mechanism',
    zh: '网格案件闭环率',
    en: 'grid cases with all seven stages',
    formula: 'cases that passed all 7 stages of the grid loop ÷ cases (matters: cases)',
    unit: 'share',
    checks: [abs({ below: 0.9 })],
    findingZh: '流程未闭环',
    findingEn: 'open loops',
    letters: ['s'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '设置环节关卡，未核查不得结案',
    actEn: 'add stage gates: no closing without verification',
  }),
  rule({
    id: 'MEC-6',
    dimension: 'mechanism',
    zh: '同网格同类别 90 天内复发率',
    en: 'same cell and category reopened within 90 days',
    formula: 'cases with an earlier case of the same cell and category within 90 days ÷ cases (matters: cases)',
    unit: 'share',
    checks: [abs({ above: 0.2 })],
    findingZh: '问题根源未治理',
    findingEn: 'causes left untreated',
    letters: ['a'],
    def: true,
    severity: 'medium',
    families: ['ICM', 'ECC'],
    actZh: '把“{domain}”列为“每月一题”',
    actEn: 'make “{domain}” a monthly topic',
  }),
  rule({
    id: 'MEC-7',
    dimension: 'mechanism',
    zh: '跨三类主体的安全会议（每季度）',
    en: 'safety meetings with three or more sectors per quarter',
    formula: 'fewest, over the quarters of the period, meetings attended by actors of ≥ 3 sectors',
    unit: 'count',
    checks: [abs({ below: 1 })],
    params: { sectors: 3 },
    findingZh: '缺少跨主体议事平台',
    findingEn: 'no cross-sector forum',
    letters: ['t'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '每季度召开有{actor}参加的联席会议',
    actEn: 'hold a quarterly joint meeting with {actor}',
  }),
  rule({
    id: 'MEC-8',
    dimension: 'mechanism',
    zh: '会议事项按时办结率',
    en: 'action items closed on time',
    formula: 'action items due in the period done by their due date ÷ action items due (cancelled left out)',
    unit: 'share',
    checks: [abs({ below: 0.8 })],
    findingZh: '议而不决、决而不行',
    findingEn: 'no follow-through',
    letters: ['c'],
    def: true,
    severity: 'medium',
    families: ['CRS'],
    actZh: '每项事项明确责任人与期限；{actor}逾期 {count} 项',
    actEn: 'give every item an owner and a due date; {actor} has {count} late items',
  }),
  rule({
    id: 'MEC-9',
    dimension: 'mechanism',
    zh: '上报反馈率',
    en: 'reports answered with feedback',
    formula: 'reports (clues, cases) whose reporter got feedback ÷ reports (matters: reports)',
    unit: 'share',
    checks: [abs({ below: 0.9 })],
    findingZh: '上报者得不到回应',
    findingEn: 'reporters are ignored',
    letters: ['f'],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '办结后自动通知上报人',
    actEn: 'notify reporters automatically',
  }),
  rule({
    id: 'MEC-10',
    dimension: 'mechanism',
    zh: '到达办理主体的转办次数（中位数）',
    en: 'median hand-offs to the resolver',
    formula: 'median number of hand-offs before a case reaches the unit that resolves it (matters: cases)',
    unit: 'count',
    checks: [abs({ above: 3 })],
    findingZh: '流转链条过长',
    findingEn: 'long chains',
    letters: [],
    def: true,
    severity: 'low',
    families: ['CRS'],
    actZh: '按派单目录直接派至办理单位',
    actEn: 'route directly to the resolver via the dispatch catalogue',
  }),
  rule({
    id: 'MEC-11',
    dimension: 'mechanism',
    zh: '每周巡逻覆盖网格比例',
    en: 'cells patrolled weekly',
    formula: 'grid cells patrolled in every week of the period ÷ cells (matters: patrols)',
    unit: 'share',
    checks: [abs({ below: 0.8 })],
    findingZh: '巡逻存在空白',
    findingEn: 'patrol gaps',
    letters: [],
    def: true,
    severity: 'medium',
    families: ['ICM'],
    actZh: '与物业保安共同排班巡逻',
    actEn: 'draw up a rota with the property company’s guards',
  }),
  // ------------------------------------------------------------------ content
  rule({
    id: 'CNT-1',
    dimension: 'content',
    zh: '有多主体记录的安全领域比例',
    en: 'safety domains with multi-actor records',
    formula: 'safety domains with an activity attended by ≥ 2 actors ÷ the domains considered (default all 17)',
    unit: 'share',
    checks: [abs({ below: 0.5 })],
    findingZh: '协作领域狭窄',
    findingEn: 'a narrow scope',
    letters: ['v'],
    def: true,
    severity: 'medium',
    families: ['ECC'],
    actZh: '开展{domain}协作项目',
    actEn: 'start a joint project on {domain}',
  }),
  rule({
    id: 'CNT-2',
    dimension: 'content',
    zh: '首要领域的记录占比',
    en: 'top domain’s share of records',
    formula: 'activity–domain mentions of the most frequent domain ÷ all activity–domain mentions',
    unit: 'share',
    checks: [abs({ above: 0.6 })],
    findingZh: '只重治安',
    findingEn: 'one domain crowds out the others',
    letters: [],
    def: true,
    severity: 'medium',
    families: ['ECC'],
    actZh: '制定领域再平衡计划：{domain}之外增加其他领域活动',
    actEn: 'plan to rebalance: more work beyond {domain}',
  }),
  rule({
    id: 'CNT-3',
    dimension: 'content',
    zh: '预防与准备阶段占比',
    en: 'prevention and preparation share',
    formula: 'activities in the PREVENT or PREPARE phase ÷ all activities',
    unit: 'share',
    checks: [abs({ below: 0.3 })],
    findingZh: '重处置、轻预防',
    findingEn: 'response-only',
    letters: ['w'],
    def: true,
    severity: 'high',
    families: ['ECC', 'TLD'],
    actZh: '开展风险评估和培训',
    actEn: 'run a risk assessment and training',
  }),
  rule({
    id: 'CNT-4',
    dimension: 'content',
    zh: '面向脆弱人群的项目数',
    en: 'projects for vulnerable groups',
    formula: 'project activities in the ELDERLY or CHILDREN domain',
    unit: 'count',
    checks: [abs({ below: 1 })],
    findingZh: '脆弱人群未被覆盖',
    findingEn: 'unserved groups',
    letters: ['v'],
    def: false,
    severity: 'medium',
    veto: true,
    families: ['ECC'],
    actZh: '开展独居老人、租户消防安全项目',
    actEn: 'start projects for older people living alone and tenant fire safety',
  }),
  rule({
    id: 'CNT-5',
    dimension: 'content',
    zh: '联合行动与资源共享占协作关系比例',
    en: 'joint action and resource sharing among collaboration ties',
    formula: '(JOINT_ACTION + RESOURCE) ÷ collaboration tie types, counted over actor pairs per relation',
    unit: 'share',
    checks: [abs({ below: 0.25 })],
    findingZh: '协作停留在信息层面',
    findingEn: 'information-only collaboration',
    letters: ['x'],
    def: true,
    severity: 'medium',
    families: ['ECC'],
    actZh: '{a}与{b}共享监控、联合演练',
    actEn: '{a} and {b} share CCTV and hold joint drills',
  }),
  rule({
    id: 'CNT-6',
    dimension: 'content',
    zh: '伤害监测与项目评估',
    en: 'injury register and project evaluations',
    formula: 'months with an injury-register entry ÷ months; projects with an evaluation (matters: registers)',
    unit: 'count',
    checks: [abs({ below: 1 })],
    findingZh: '缺少证据基础',
    findingEn: 'no evidence base',
    letters: ['v', 'w'],
    def: false,
    severity: 'medium',
    veto: true,
    families: ['TLD'],
    actZh: '建立伤害监测与项目评估制度',
    actEn: 'set up injury surveillance and project review',
  }),
  rule({
    id: 'CNT-7',
    dimension: 'content',
    zh: '多主体演练次数（每年）',
    en: 'multi-actor drills per year',
    formula: 'drills attended by actors of ≥ 2 sectors, per 365 days of the period',
    unit: 'rate',
    checks: [abs({ below: 2 })],
    findingZh: '预案未经检验',
    findingEn: 'untested plans',
    letters: ['w'],
    def: true,
    severity: 'medium',
    families: ['ECC'],
    actZh: '与{a}、{b}联合开展演练',
    actEn: 'hold drills with {a} and {b}',
  }),
]

/** Overrides of a rule's thresholds: the checks by basis (and measure), or its parameters. */
export interface RuleOverride {
  /** Replaces the band of the check with this basis (and measure, default 'value'); adds the check when there is none. */
  checks?: Check[]
  params?: Record<string, number>
  severity?: Severity
  /** Makes the rule a veto item (true) or an ordinary one (false). */
  veto?: boolean
}

/**
 * A rulebook with some thresholds replaced (a deployment's settings). Throws on an unknown rule id
 * or parameter.
 *
 * @example
 * withThresholds(RULEBOOK, { 'STR-2': { checks: [{ basis: 'absolute', band: { above: 0.6 } }] } })
 */
export function withThresholds(rulebook: Rulebook, overrides: Record<string, RuleOverride>): Rulebook {
  const ids = new Set(rulebook.map((r) => r.id))
  for (const id of Object.keys(overrides))
    if (!ids.has(id)) throw new RangeError(`withThresholds: no rule "${id}" in the rulebook`)
  return rulebook.map((r) => {
    const o = overrides[r.id]
    if (!o) return r
    const checks = r.checks.map((c) => ({ ...c }))
    for (const c of o.checks ?? []) {
      const k = checks.findIndex((x) => x.basis === c.basis && (x.measure ?? 'value') === (c.measure ?? 'value'))
      if (k >= 0) checks[k] = { ...c }
      else checks.push({ ...c })
    }
    for (const p of Object.keys(o.params ?? {}))
      if (!r.params || !(p in r.params)) throw new RangeError(`withThresholds: rule ${r.id} has no parameter "${p}"`)
    const source =
      o.checks || o.params
        ? { ...r.source, citation: `${r.source.citation} (threshold set by this deployment)` }
        : r.source
    return {
      ...r,
      checks,
      ...(r.params ? { params: { ...r.params, ...o.params } } : {}),
      severity: o.severity ?? r.severity,
      ...(o.veto !== undefined ? { veto: o.veto } : {}),
      source,
    }
  })
}

/** Fills {placeholders} of a template; unknown ones are left as they are. */
export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

/** Text of a band, e.g. "< 0.3", "> 0.5", "outside P10–P90". */
export function bandText(band: Band): string {
  if ('belowPercentile' in band || 'abovePercentile' in band) {
    const p = band as PercentileBand
    return `outside P${p.belowPercentile ?? 0}–P${p.abovePercentile ?? 100}`
  }
  const b = band as ValueBand
  const parts: string[] = []
  if (b.below !== undefined) parts.push(`< ${b.below}`)
  if (b.above !== undefined) parts.push(`> ${b.above}`)
  return parts.join(' or ')
}
