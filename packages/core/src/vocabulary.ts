// The governance vocabulary of DOMAIN.md as data: sectors, actor types, safety domains, phases, relation types.
//
// Every code has its Chinese and English name here and nowhere else; pages, reports and the API
// all read them from this file.

export interface Term {
  zh: string
  en: string
}

/** Sectors (DOMAIN.md §2): G government, Q community party / residents' committee, M market, O owners, S social, I individuals. */
export const SECTORS = {
  G: { zh: '政府', en: 'government' },
  Q: { zh: '社区党组织与居委会', en: 'community party and residents’ committee' },
  M: { zh: '市场', en: 'market' },
  O: { zh: '业主组织', en: 'owners' },
  S: { zh: '社会组织', en: 'social organisations' },
  I: { zh: '个人', en: 'individuals' },
} as const satisfies Record<string, Term>
export type Sector = keyof typeof SECTORS
export const SECTOR_CODES = Object.keys(SECTORS) as Sector[]

export interface ActorTypeInfo extends Term {
  /** Sectors an actor of this type may belong to; the first is the usual one. */
  sectors: readonly Sector[]
  /** A person rather than an organisation: stored under a pseudonymous alias, no contact details. */
  individual: boolean
}

/** Actor types of the DOMAIN.md glossary. */
export const ACTOR_TYPES = {
  district_department: { zh: '区职能部门', en: 'district department', sectors: ['G'], individual: false },
  street_office: { zh: '街道办事处', en: 'street office', sectors: ['G'], individual: false },
  street_party_committee: { zh: '街道党工委', en: 'street party committee', sectors: ['G'], individual: false },
  police_station: { zh: '派出所', en: 'police station', sectors: ['G'], individual: false },
  community_police: { zh: '社区民警', en: 'community police officer', sectors: ['G'], individual: false },
  fire_station: { zh: '消防救援站', en: 'fire station', sectors: ['G'], individual: false },
  micro_fire_station: { zh: '微型消防站', en: 'micro fire station', sectors: ['M', 'G'], individual: false },
  enforcement: { zh: '城管执法', en: 'urban enforcement', sectors: ['G'], individual: false },
  hotline_12345: { zh: '12345 市民服务热线', en: '12345 citizen hotline', sectors: ['G'], individual: false },
  health_station: { zh: '社区卫生服务站', en: 'community health station', sectors: ['G'], individual: false },
  community_party_committee: { zh: '社区党委', en: 'community party committee', sectors: ['Q'], individual: false },
  residents_committee: { zh: '居委会', en: 'residents’ committee', sectors: ['Q'], individual: false },
  security_committee: { zh: '治保会', en: 'security committee', sectors: ['Q'], individual: false },
  mediation_committee: { zh: '调委会', en: 'mediation committee', sectors: ['Q'], individual: false },
  grid_worker: { zh: '网格员', en: 'grid worker', sectors: ['Q'], individual: false },
  property_company: { zh: '物业公司', en: 'property company', sectors: ['M'], individual: false },
  local_unit: { zh: '驻区单位', en: 'local unit', sectors: ['M', 'S'], individual: false },
  shop: { zh: '商户', en: 'shop', sectors: ['M'], individual: false },
  owners_committee: { zh: '业主委员会', en: 'owners’ committee', sectors: ['O'], individual: false },
  property_management_committee: {
    zh: '物业管理委员会',
    en: 'property management committee',
    sectors: ['O'],
    individual: false,
  },
  social_organisation: { zh: '社会组织', en: 'social organisation', sectors: ['S'], individual: false },
  volunteer_team: { zh: '平安志愿者队伍', en: 'safety volunteer team', sectors: ['S'], individual: false },
  safety_volunteer: { zh: '平安志愿者', en: 'safety volunteer', sectors: ['I'], individual: true },
  building_head: { zh: '楼门院长', en: 'building or courtyard head', sectors: ['I'], individual: true },
  resident: { zh: '居民', en: 'resident', sectors: ['I'], individual: true },
  other: { zh: '其他', en: 'other', sectors: ['G', 'Q', 'M', 'O', 'S', 'I'], individual: false },
} as const satisfies Record<string, ActorTypeInfo>
export type ActorType = keyof typeof ACTOR_TYPES
export const ACTOR_TYPE_CODES = Object.keys(ACTOR_TYPES) as ActorType[]

/** Safety domains (DOMAIN.md §3). */
export const SAFETY_DOMAINS = {
  PUBLIC_ORDER: { zh: '社会治安', en: 'public order' },
  FIRE: { zh: '消防安全', en: 'fire safety' },
  TRAFFIC: { zh: '交通安全', en: 'traffic safety' },
  HOME: { zh: '居家安全', en: 'home safety' },
  ELDERLY: { zh: '老年人安全', en: 'safety of older people' },
  CHILDREN: { zh: '儿童安全', en: 'child safety' },
  SCHOOL: { zh: '校园安全', en: 'school safety' },
  PUBLIC_PLACE: { zh: '公共场所安全', en: 'public places' },
  WORKPLACE: { zh: '工作场所安全', en: 'workplace safety' },
  SPORTS: { zh: '体育运动安全', en: 'sports safety' },
  WATER: { zh: '涉水安全', en: 'water safety' },
  DISASTER_ENV: { zh: '防灾减灾与环境', en: 'disasters and environment' },
  GAS: { zh: '燃气安全', en: 'gas safety' },
  BUILDING: { zh: '建筑与设施安全', en: 'buildings and facilities' },
  PUBLIC_HEALTH: { zh: '公共卫生', en: 'public health' },
  FRAUD: { zh: '防诈骗', en: 'fraud prevention' },
  DISPUTE: { zh: '矛盾纠纷', en: 'disputes' },
} as const satisfies Record<string, Term>
export type SafetyDomain = keyof typeof SAFETY_DOMAINS
export const SAFETY_DOMAIN_CODES = Object.keys(SAFETY_DOMAINS) as SafetyDomain[]

/** Phases of safety work. */
export const PHASES = {
  PREVENT: { zh: '预防', en: 'prevent' },
  PREPARE: { zh: '准备', en: 'prepare' },
  RESPOND: { zh: '响应', en: 'respond' },
  RECOVER: { zh: '恢复', en: 'recover' },
} as const satisfies Record<string, Term>
export type Phase = keyof typeof PHASES
export const PHASE_CODES = Object.keys(PHASES) as Phase[]

export interface RelationInfo extends Term {
  /** Collaboration, or hierarchy (command and supervision are not collaboration). */
  kind: 'collaboration' | 'hierarchy'
  /** The relation has a direction (who informs, commands, supervises whom). */
  directed: boolean
}

/** Relation types (DOMAIN.md §5). */
export const RELATION_TYPES = {
  INFO: { zh: '信息共享', en: 'information sharing', kind: 'collaboration', directed: true },
  RESOURCE: { zh: '资源共享', en: 'resource sharing', kind: 'collaboration', directed: true },
  JOINT_ACTION: { zh: '联合行动', en: 'joint action', kind: 'collaboration', directed: false },
  CONSULT: { zh: '协商议事', en: 'consultation', kind: 'collaboration', directed: false },
  FEEDBACK: { zh: '反馈', en: 'feedback', kind: 'collaboration', directed: true },
  INFORMAL: { zh: '非正式联系', en: 'informal contact', kind: 'collaboration', directed: false },
  COMMAND: { zh: '指挥派单', en: 'command and dispatch', kind: 'hierarchy', directed: true },
  SUPERVISE: { zh: '监督考核', en: 'supervision', kind: 'hierarchy', directed: true },
} as const satisfies Record<string, RelationInfo>
export type RelationType = keyof typeof RELATION_TYPES
export const RELATION_TYPE_CODES = Object.keys(RELATION_TYPES) as RelationType[]
export const COLLABORATION_RELATIONS = RELATION_TYPE_CODES.filter((r) => RELATION_TYPES[r].kind === 'collaboration')

/** Activity kinds. */
export const ACTIVITY_KINDS = {
  meeting: { zh: '联席会议', en: 'joint meeting' },
  patrol: { zh: '巡逻', en: 'patrol' },
  drill: { zh: '演练', en: 'drill' },
  education: { zh: '安全宣传教育', en: 'safety education' },
  inspection: { zh: '安全检查', en: 'inspection' },
  project: { zh: '项目', en: 'project' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Term>
export type ActivityKind = keyof typeof ACTIVITY_KINDS
export const ACTIVITY_KIND_CODES = Object.keys(ACTIVITY_KINDS) as ActivityKind[]

/** Territory levels, from the top. */
export const TERRITORY_LEVELS = {
  district: { zh: '区', en: 'district' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  grid: { zh: '网格', en: 'grid' },
} as const satisfies Record<string, Term>
export type TerritoryLevel = keyof typeof TERRITORY_LEVELS
export const TERRITORY_LEVEL_CODES = Object.keys(TERRITORY_LEVELS) as TerritoryLevel[]

/** Where a responsibility is written down. */
export const RESPONSIBILITY_SOURCES = {
  duty_list: { zh: '责任清单', en: 'duty list' },
  dispatch_catalogue: { zh: '派单目录', en: 'dispatch catalogue' },
  committee_roster: { zh: '委员会名单', en: 'committee roster' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, Term>
export type ResponsibilitySource = keyof typeof RESPONSIBILITY_SOURCES

export const RESPONSIBILITY_ROLES = {
  lead: { zh: '牵头', en: 'lead' },
  co: { zh: '协同负责', en: 'co-responsible' },
  support: { zh: '配合', en: 'support' },
} as const satisfies Record<string, Term>
export type ResponsibilityRole = keyof typeof RESPONSIBILITY_ROLES

/** Where a directly recorded tie comes from. */
export const TIE_PROVENANCES = {
  record: { zh: '工作记录', en: 'work record' },
  document: { zh: '文件', en: 'document' },
  observation: { zh: '观察', en: 'observation' },
  survey: { zh: '问卷', en: 'survey' },
  interview: { zh: '访谈', en: 'interview' },
  import: { zh: '导入', en: 'import' },
} as const satisfies Record<string, Term>
export type TieProvenance = keyof typeof TIE_PROVENANCES
