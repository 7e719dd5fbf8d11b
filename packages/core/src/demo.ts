// The demo data: 演示社区 — a Dongcheng-like street with the thesis's "C community" and a small neighbour, as pure data.
//
// The C community is built to show the weaknesses the thesis found and the diagnosis (DOMAIN.md §7)
// should flag: the residents' committee brokers almost every path, owners' committee and social
// organisations sit at the edge, government bodies talk mostly among themselves, hierarchy
// outweighs collaboration, information flows one way, public order crowds out other domains,
// prevention is thin, there is one real drill a year, action items close late, and the property
// company never works with the fire station except through the residents' committee.
// Everything is drawn from a seeded generator: two calls give the same data.

import { mulberry32 } from '@cosafe/sna'
import type { Role } from './access.js'
import type {
  ActionItem,
  ActivityInput,
  ActorInput,
  Id,
  ResponsibilityInput,
  TerritoryInput,
  TieInput,
} from './records.js'
import type {
  ActivityKind,
  ActorType,
  Phase,
  RelationType,
  ResponsibilityRole,
  ResponsibilitySource,
  SafetyDomain,
  Sector,
  TieProvenance,
} from './vocabulary.js'

export type DemoTerritory = TerritoryInput & { id: Id }
export type DemoActor = ActorInput & { id: Id }
export type DemoResponsibility = ResponsibilityInput & { id: Id }
export type DemoActivity = ActivityInput & { id: Id }
export type DemoTie = TieInput & { id: Id }

export interface DemoCommunity {
  /** The community's territory id. */
  id: Id
  actors: DemoActor[]
  responsibilities: DemoResponsibility[]
  activities: DemoActivity[]
  ties: DemoTie[]
}

export interface DemoAccount {
  username: string
  displayName: string
  role: Role
  scopeId: Id | null
  actorId: Id | null
  /** A demo password, printed by the server when it seeds the demo. */
  password: string
}

export interface DemoData {
  territories: DemoTerritory[]
  communities: DemoCommunity[]
  accounts: DemoAccount[]
}

/** The seed of every random choice in the demo. */
export const DEMO_SEED = 20251201
/** The twelve months the demo records cover. */
export const DEMO_PERIOD = { from: '2025-12-01', to: '2026-11-30' } as const

/** Territory ids of the demo. */
export const DEMO_TERRITORY = {
  district: 'dongcheng',
  street: 'x-street',
  c: 'c-community',
  d: 'd-community',
} as const

// ---------------------------------------------------------------------------------------------
// Small pure helpers: calendar arithmetic on YYYY-MM-DD strings and seeded choices

const DAY_MS = 86_400_000

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS
}

function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: string): number {
  return (dayNumber(day) + 4) % 7
}

/** The n-th (1-based) given weekday of a month, e.g. the second Tuesday. */
function nthWeekday(month: string, wd: number, n: number): string {
  const first = `${month}-01`
  return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1))
}

const at = (day: string, time: string): string => `${day}T${time}:00+08:00`

/** The twelve months of the period, as YYYY-MM. */
const MONTHS = [
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
]

type Rng = () => number

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

// ---------------------------------------------------------------------------------------------
// Record builders

function org(
  id: Id,
  type: ActorType,
  sector: Sector,
  name: string,
  nameEn: string,
  territoryId: Id,
  extra: Partial<ActorInput> = {},
): DemoActor {
  return { id, type, sector, name, nameEn, territoryId, ...extra }
}

/** An individual: an alias only, no contact details, no registry code. */
function person(id: Id, type: 'building_head' | 'safety_volunteer', name: string, nameEn: string, territoryId: Id) {
  return { id, type, sector: 'I', name, nameEn, territoryId, activeFrom: DEMO_PERIOD.from } satisfies DemoActor
}

interface When {
  date?: string
  from?: string
  to?: string
}
const YEAR: When = { from: DEMO_PERIOD.from, to: DEMO_PERIOD.to }

/** Collects ties with readable ids (relation, the two actors without their community prefix, the date if any). */
function tieList(prefix: string) {
  const ties: DemoTie[] = []
  const short = (id: Id) => (id.startsWith(`${prefix}-`) ? id.slice(prefix.length + 1) : id)
  const add = (
    relation: RelationType,
    sourceId: Id,
    targetId: Id,
    value: number,
    provenance: TieProvenance,
    when: When = YEAR,
    note?: string,
  ): void => {
    const id = [prefix, 'tie', relation.toLowerCase().replace('_', ''), short(sourceId), short(targetId), when.date]
      .filter(Boolean)
      .join('-')
    ties.push({ id, relation, sourceId, targetId, value, provenance, ...when, ...(note ? { note } : {}) })
  }
  return { ties, add }
}

function responsibilityList(prefix: string) {
  const list: DemoResponsibility[] = []
  const add = (
    domain: SafetyDomain,
    actorId: Id,
    role: ResponsibilityRole,
    source: ResponsibilitySource,
    note?: string,
  ): void => {
    const id = `${prefix}-resp-${domain.toLowerCase().replace('_', '')}-${actorId.slice(prefix.length + 1)}`
    list.push({ id, domain, actorId, role, from: DEMO_PERIOD.from, to: null, source, ...(note ? { note } : {}) })
  }
  return { list, add }
}

interface ActivitySpec {
  kind: ActivityKind
  slug: string
  title: string
  day: string
  start: string
  end: string
  endDay?: string
  territoryId: Id
  domains: SafetyDomain[]
  phase: Phase
  convenerId: Id
  invitedIds: Id[]
  attendedIds: Id[]
  decisions?: string[]
  actionItems?: ActionItem[]
  note?: string
}

function activityList(prefix: string) {
  const list: DemoActivity[] = []
  const used = new Set<string>()
  const add = (s: ActivitySpec): void => {
    let id = `${prefix}-act-${s.day}-${s.slug}`
    for (let k = 2; used.has(id); k++) id = `${prefix}-act-${s.day}-${s.slug}-${k}`
    used.add(id)
    const attended = [...new Set([s.convenerId, ...s.attendedIds])]
    const invited = [...new Set([...attended, ...s.invitedIds])]
    list.push({
      id,
      kind: s.kind,
      title: s.title,
      start: at(s.day, s.start),
      end: at(s.endDay ?? s.day, s.end),
      territoryId: s.territoryId,
      domains: s.domains,
      phase: s.phase,
      convenerId: s.convenerId,
      invitedIds: invited,
      attendedIds: attended,
      decisions: s.decisions ?? [],
      actionItems: s.actionItems ?? [],
      ...(s.note ? { note: s.note } : {}),
    })
  }
  return { list, add }
}

/**
 * Follow-through as the thesis found it: most items are done, a good share of them late, some
 * still open after their due date. Items due after the period are open.
 */
function actionItem(rng: Rng, text: string, ownerId: Id, day: string, within: number): ActionItem {
  const due = addDays(day, within)
  if (due > DEMO_PERIOD.to) return { text, ownerId, due, status: 'open' }
  const r = rng()
  if (r < 0.66) return { text, ownerId, due, status: 'done', doneOn: addDays(due, -between(rng, 0, 6)) }
  if (r < 0.88) {
    const doneOn = addDays(due, between(rng, 4, 35))
    if (doneOn <= DEMO_PERIOD.to) return { text, ownerId, due, status: 'done', doneOn }
    return { text, ownerId, due, status: 'open' }
  }
  if (r < 0.97) return { text, ownerId, due, status: 'open' }
  return { text, ownerId, due, status: 'cancelled' }
}

// ---------------------------------------------------------------------------------------------
// Territories

function territories(): DemoTerritory[] {
  const { district, street, c, d } = DEMO_TERRITORY
  const out: DemoTerritory[] = [
    { id: district, level: 'district', code: '110101', nameZh: '东城区', nameEn: 'Dongcheng District', parentId: null },
    { id: street, level: 'street', code: '110101-X', nameZh: 'X 街道', nameEn: 'X Street', parentId: district },
    { id: c, level: 'community', code: '110101-X-C', nameZh: 'C 社区', nameEn: 'C Community', parentId: street },
  ]
  const cGrids = ['1–4', '5–9', '10–14', '15–18', '19–22']
  cGrids.forEach((buildings, i) =>
    out.push({
      id: `c-grid-${i + 1}`,
      level: 'grid',
      code: `110101-X-C-G${i + 1}`,
      nameZh: `C 社区第 ${i + 1} 网格（${buildings} 号楼）`,
      nameEn: `C Community grid ${i + 1} (buildings ${buildings})`,
      parentId: c,
    }),
  )
  out.push({ id: d, level: 'community', code: '110101-X-D', nameZh: 'D 社区', nameEn: 'D Community', parentId: street })
  for (const i of [1, 2])
    out.push({
      id: `d-grid-${i}`,
      level: 'grid',
      code: `110101-X-D-G${i}`,
      nameZh: `D 社区第 ${i} 网格`,
      nameEn: `D Community grid ${i}`,
      parentId: d,
    })
  return out
}

// ---------------------------------------------------------------------------------------------
// The C community

/** Registry codes of bodies that serve several communities (the same in C and D). */
const ORG = {
  emergency: 'DC-EMB',
  hotline: 'DC-12345',
  streetOffice: 'X-SO',
  streetParty: 'X-SPC',
  police: 'X-PS',
  fire: 'X-FRS',
  enforcement: 'X-ENF',
} as const

function cActors(): DemoActor[] {
  const { district, street, c } = DEMO_TERRITORY
  return [
    // G: bodies above the community
    org(
      'c-emergency',
      'district_department',
      'G',
      '东城区应急管理局',
      'Dongcheng District Emergency Management Bureau',
      district,
      { orgCode: ORG.emergency },
    ),
    org(
      'c-hotline',
      'hotline_12345',
      'G',
      '东城区 12345 接诉即办分中心',
      'Dongcheng 12345 hotline sub-centre',
      district,
      { orgCode: ORG.hotline },
    ),
    org('c-street-office', 'street_office', 'G', 'X 街道办事处', 'X Street Office', street, {
      orgCode: ORG.streetOffice,
    }),
    org('c-street-party', 'street_party_committee', 'G', 'X 街道党工委', 'X Street Party Working Committee', street, {
      orgCode: ORG.streetParty,
    }),
    org('c-police-station', 'police_station', 'G', 'X 派出所', 'X Police Station', street, { orgCode: ORG.police }),
    org('c-fire-station', 'fire_station', 'G', 'X 消防救援站', 'X Fire Rescue Station', street, { orgCode: ORG.fire }),
    org('c-enforcement', 'enforcement', 'G', 'X 街道综合执法队', 'X Street Comprehensive Enforcement Team', street, {
      orgCode: ORG.enforcement,
    }),
    // G: in the community
    org('c-police-officer', 'community_police', 'G', 'C 社区民警', 'C Community police officer', c, {
      note: '派出所驻社区民警，兼管 C 社区警务室',
    }),
    org('c-health-station', 'health_station', 'G', 'C 社区卫生服务站', 'C Community Health Service Station', c),
    // Q
    org('c-party', 'community_party_committee', 'Q', 'C 社区党委', 'C Community Party Committee', c),
    org('c-rc', 'residents_committee', 'Q', 'C 社区居民委员会', "C Community Residents' Committee", c, {
      contact: { person: '居委会值班室', phone: '010-0000-0101' },
    }),
    org('c-security', 'security_committee', 'Q', 'C 社区治保会', 'C Community Security Committee', c),
    org('c-mediation', 'mediation_committee', 'Q', 'C 社区人民调解委员会', 'C Community Mediation Committee', c),
    org('c-grid-worker-1', 'grid_worker', 'Q', '网格员（第 1、2 网格）', 'Grid worker, grids 1–2', 'c-grid-1'),
    org('c-grid-worker-2', 'grid_worker', 'Q', '网格员（第 3、4 网格）', 'Grid worker, grids 3–4', 'c-grid-3'),
    org('c-grid-worker-3', 'grid_worker', 'Q', '网格员（第 5 网格）', 'Grid worker, grid 5', 'c-grid-5'),
    // M
    org('c-property', 'property_company', 'M', '安泰物业 C 社区项目部', 'Antai Property, C Community office', c, {
      orgCode: 'AT-PROP',
      contact: { person: '客服中心', phone: '010-0000-0202' },
    }),
    org(
      'c-micro-fire',
      'micro_fire_station',
      'M',
      'C 社区微型消防站（安泰物业）',
      'C Community micro fire station (Antai Property)',
      c,
      {
        note: '由物业保安兼任队员',
      },
    ),
    org('c-school', 'local_unit', 'M', 'X 街道第一小学', 'X Street No. 1 Primary School', 'c-grid-2'),
    org('c-supermarket', 'local_unit', 'M', '惠民超市 C 社区店', 'Huimin Supermarket, C Community', 'c-grid-4'),
    // O
    org('c-owners', 'owners_committee', 'O', 'C 社区业主委员会', "C Community Owners' Committee", c),
    // S
    org('c-social-elderly', 'social_organisation', 'S', '暖阳为老服务中心', 'Nuanyang Elderly Service Centre', c),
    org('c-social-work', 'social_organisation', 'S', '启明社会工作事务所', 'Qiming Social Work Agency', c),
    org('c-volunteer-team', 'volunteer_team', 'S', 'C 社区平安志愿者队', 'C Community Safety Volunteer Team', c),
    // I: aliases only
    person('c-head-3', 'building_head', '楼门长 3号楼', 'Building head, Building 3', 'c-grid-1'),
    person('c-head-7', 'building_head', '楼门长 7号楼', 'Building head, Building 7', 'c-grid-2'),
    person('c-volunteer-a', 'safety_volunteer', '平安志愿者 A', 'Safety volunteer A', 'c-grid-3'),
    person('c-volunteer-b', 'safety_volunteer', '平安志愿者 B', 'Safety volunteer B', 'c-grid-5'),
  ]
}

function cResponsibilities(): DemoResponsibility[] {
  const { list, add } = responsibilityList('c')
  add('FIRE', 'c-fire-station', 'lead', 'duty_list', '消防监督检查、火灾扑救与宣传培训')
  add('FIRE', 'c-property', 'co', 'duty_list', '消防设施维护、消防通道畅通')
  add('FIRE', 'c-micro-fire', 'support', 'duty_list', '初起火灾“3 分钟到场”')
  add('FIRE', 'c-head-3', 'support', 'committee_roster')
  add('FIRE', 'c-head-7', 'support', 'committee_roster')
  add('PUBLIC_ORDER', 'c-police-station', 'lead', 'duty_list', '治安防控、巡逻与案件查处')
  add('PUBLIC_ORDER', 'c-police-officer', 'co', 'duty_list')
  add('PUBLIC_ORDER', 'c-security', 'co', 'committee_roster')
  add('PUBLIC_ORDER', 'c-volunteer-team', 'support', 'committee_roster')
  add('PUBLIC_ORDER', 'c-property', 'support', 'duty_list', '门岗与视频监控')
  add('PUBLIC_ORDER', 'c-hotline', 'support', 'dispatch_catalogue', '治安类诉求派单至派出所')
  add('ELDERLY', 'c-rc', 'lead', 'duty_list', '独居、高龄老人探访')
  add('ELDERLY', 'c-health-station', 'support', 'duty_list')
  add('ELDERLY', 'c-social-elderly', 'support', 'committee_roster')
  add('FRAUD', 'c-police-station', 'lead', 'duty_list')
  add('FRAUD', 'c-rc', 'lead', 'duty_list', '反诈宣传入户')
  add('FRAUD', 'c-social-work', 'support', 'committee_roster')
  add('GAS', 'c-property', 'lead', 'duty_list', '燃气管线巡检')
  add('GAS', 'c-street-office', 'lead', 'duty_list', '燃气安全专项整治')
  add('DISPUTE', 'c-mediation', 'lead', 'duty_list')
  add('DISPUTE', 'c-rc', 'co', 'duty_list')
  add('DISPUTE', 'c-police-officer', 'support', 'dispatch_catalogue')
  add('BUILDING', 'c-property', 'lead', 'dispatch_catalogue', '房屋漏水、电梯等诉求')
  add('BUILDING', 'c-owners', 'support', 'committee_roster')
  add('PUBLIC_PLACE', 'c-enforcement', 'lead', 'dispatch_catalogue', '占道经营、违法建设')
  add('PUBLIC_HEALTH', 'c-health-station', 'lead', 'duty_list')
  add('DISASTER_ENV', 'c-emergency', 'lead', 'duty_list')
  add('DISASTER_ENV', 'c-street-office', 'co', 'duty_list', '汛期与极端天气应对')
  add('DISASTER_ENV', 'c-rc', 'support', 'duty_list')
  add('SCHOOL', 'c-school', 'lead', 'duty_list')
  add('SCHOOL', 'c-police-officer', 'support', 'duty_list', '护学岗')
  add('HOME', 'c-rc', 'lead', 'duty_list')
  add('HOME', 'c-head-3', 'support', 'committee_roster')
  add('PUBLIC_ORDER', 'c-owners', 'support', 'committee_roster', '平安建设委员会成员')
  add('PUBLIC_ORDER', 'c-social-work', 'support', 'committee_roster', '平安建设委员会成员')
  add('PUBLIC_ORDER', 'c-supermarket', 'support', 'committee_roster', '平安建设委员会成员')
  return list
}

const GRID_WORKER: Record<number, Id> = {
  1: 'c-grid-worker-1',
  2: 'c-grid-worker-1',
  3: 'c-grid-worker-2',
  4: 'c-grid-worker-2',
  5: 'c-grid-worker-3',
}
const GRID_WORKERS: Id[] = ['c-grid-worker-1', 'c-grid-worker-2', 'c-grid-worker-3']

/** The monthly topic of the joint meeting (每月一题) after public order. */
const MONTHLY_TOPIC: [SafetyDomain | null, string, Phase][] = [
  ['FIRE', '冬季防火与电动自行车充电', 'RESPOND'],
  ['FIRE', '元旦期间电动自行车充电火情复盘', 'RESPOND'],
  [null, '节前入室盗窃警情通报', 'RESPOND'],
  ['GAS', '老旧燃气管线隐患排查', 'PREVENT'],
  ['FRAUD', '养老诈骗案件通报', 'RESPOND'],
  ['DISASTER_ENV', '防灾减灾日与汛前准备', 'PREVENT'],
  ['ELDERLY', '独居老人走失事件复盘', 'RESPOND'],
  ['DISASTER_ENV', '汛期积水点处置', 'RESPOND'],
  [null, '夏季夜间噪音与群租房投诉', 'RESPOND'],
  ['DISPUTE', '停车位纠纷调处', 'RESPOND'],
  [null, '国庆安保总结', 'RESPOND'],
  ['FIRE', '“119”消防宣传月', 'PREVENT'],
]

function cActivities(): DemoActivity[] {
  const { list, add } = activityList('c')
  const { c } = DEMO_TERRITORY

  // Monthly joint meetings convened by the party committee: owners, social organisations and
  // local units are invited every time and hardly come; the fire station is never there.
  const rngM = mulberry32(DEMO_SEED + 1)
  const meetingInvited: Id[] = [
    'c-rc',
    'c-security',
    'c-mediation',
    ...GRID_WORKERS,
    'c-police-officer',
    'c-property',
    'c-owners',
    'c-social-elderly',
    'c-social-work',
    'c-school',
    'c-supermarket',
    'c-volunteer-team',
    'c-health-station',
    'c-street-office',
  ]
  MONTHS.forEach((month, i) => {
    const day = nthWeekday(month, 2, 2)
    const [topic, topicZh, phase] = MONTHLY_TOPIC[i]!
    const attended: Id[] = ['c-rc', ...GRID_WORKERS]
    if (chance(rngM, 0.85)) attended.push('c-security')
    if (chance(rngM, 0.6)) attended.push('c-mediation')
    if (chance(rngM, 0.75)) attended.push('c-police-officer')
    if (chance(rngM, 0.5)) attended.push('c-property')
    if (chance(rngM, 0.15)) attended.push('c-volunteer-team')
    const items: ActionItem[] = [
      actionItem(rngM, `落实“${topicZh}”整改措施并报送台账`, 'c-rc', day, 14),
      actionItem(rngM, '网格内隐患逐户排查，结果报居委会', pick(rngM, GRID_WORKERS), day, 21),
    ]
    if (attended.includes('c-property'))
      items.push(actionItem(rngM, '清理楼道堆物，畅通消防通道', 'c-property', day, 30))
    if (attended.includes('c-police-officer'))
      items.push(actionItem(rngM, '对重点人员和出租房屋开展走访', 'c-police-officer', day, 30))
    add({
      kind: 'meeting',
      slug: 'joint-meeting',
      title: `C 社区平安建设联席会议（${Number(month.slice(5))} 月）：${topicZh}`,
      day,
      start: '09:30',
      end: '11:30',
      territoryId: c,
      domains: topic ? ['PUBLIC_ORDER', topic] : ['PUBLIC_ORDER'],
      phase,
      convenerId: 'c-party',
      invitedIds: meetingInvited,
      attendedIds: attended,
      decisions: [`通报上月 12345 诉求办理情况`, `明确“${topicZh}”责任分工，由居委会统筹`],
      actionItems: items,
    })
  })

  // Quarterly whistle-and-report-in meetings at the street: government bodies among themselves.
  const rngS = mulberry32(DEMO_SEED + 2)
  const streetDays = ['2026-01-20', '2026-04-21', '2026-07-14', '2026-10-20']
  const streetTopics: [SafetyDomain, string][] = [
    ['FIRE', '群租房消防隐患'],
    ['PUBLIC_PLACE', '占道经营与违法建设'],
    ['DISASTER_ENV', '汛期积水与危旧房屋'],
    ['BUILDING', '老旧小区加装电梯施工安全'],
  ]
  streetDays.forEach((day, i) => {
    const [topic, topicZh] = streetTopics[i]!
    const attended: Id[] = [
      'c-street-party',
      'c-police-station',
      'c-fire-station',
      'c-enforcement',
      'c-health-station',
      'c-police-officer',
    ]
    if (i % 2 === 0) attended.push('c-emergency')
    add({
      kind: 'meeting',
      slug: 'whistle-meeting',
      title: `X 街道“吹哨报到”联席会议：C 社区${topicZh}`,
      day,
      start: '14:30',
      end: '16:30',
      territoryId: c,
      domains: ['PUBLIC_ORDER', topic],
      phase: 'RESPOND',
      convenerId: 'c-street-office',
      invitedIds: ['c-emergency', 'c-hotline', 'c-party', 'c-rc'],
      attendedIds: attended,
      decisions: [`${topicZh}纳入街道督办台账`],
      actionItems: [
        actionItem(rngS, `${topicZh}联合整治`, pick(rngS, ['c-enforcement', 'c-police-station']), day, 30),
        actionItem(rngS, '整治结果反馈社区', 'c-street-office', day, 45),
      ],
    })
  })

  // Patrols: about weekly, most of them after an alert rather than routine; more around the
  // Spring Festival, the Two Sessions and National Day.
  const rngP = mulberry32(DEMO_SEED + 3)
  const patrolDays: string[] = []
  for (let w = 0; w < 52; w++) {
    if (w === 7 || w === 33) continue
    patrolDays.push(addDays(DEMO_PERIOD.from, 7 * w + pick(rngP, [2, 3, 4])))
  }
  patrolDays.push('2026-02-14', '2026-02-16', '2026-02-18', '2026-02-21', '2026-03-04', '2026-03-08')
  patrolDays.push('2026-09-30', '2026-10-02', '2026-10-04')
  patrolDays.sort()
  const alerts = ['电动自行车被盗警情', '入室盗窃警情', '夜间聚集滋扰投诉', '可疑人员线索', '群租房投诉']
  patrolDays.forEach((day, k) => {
    const grid = (k % 5) + 1
    const security = chance(rngP, 0.3)
    const convenerId: Id = security ? 'c-security' : 'c-police-officer'
    const attended: Id[] = ['c-volunteer-team', GRID_WORKER[grid]!]
    if (security ? chance(rngP, 0.6) : chance(rngP, 0.3)) attended.push(security ? 'c-police-officer' : 'c-security')
    if (chance(rngP, 0.5)) attended.push('c-volunteer-a')
    if (chance(rngP, 0.4)) attended.push('c-volunteer-b')
    const routine = chance(rngP, 0.2)
    const holiday = (day >= '2026-02-14' && day <= '2026-02-21') || (day >= '2026-09-30' && day <= '2026-10-04')
    add({
      kind: 'patrol',
      slug: 'patrol',
      title: routine
        ? `例行治安巡逻（第 ${grid} 网格）`
        : holiday
          ? `节日安保巡逻（第 ${grid} 网格）`
          : `针对${pick(rngP, alerts)}的巡逻（第 ${grid} 网格）`,
      day,
      start: '19:30',
      end: '21:30',
      territoryId: `c-grid-${grid}`,
      domains: ['PUBLIC_ORDER'],
      phase: routine ? 'PREVENT' : 'RESPOND',
      convenerId,
      invitedIds: ['c-police-officer', 'c-security', 'c-volunteer-team', 'c-volunteer-a', 'c-volunteer-b'],
      attendedIds: attended,
    })
  })

  // Fire inspections: the fire station goes round with the residents' committee, never with
  // the property company.
  const rngF = mulberry32(DEMO_SEED + 4)
  const fireInspections: [string, Id | null, string][] = [
    ['2025-12-11', null, '群租房与电动自行车充电'],
    ['2026-01-27', 'c-supermarket', '惠民超市'],
    ['2026-03-24', null, '沿街“九小场所”'],
    ['2026-06-16', 'c-school', '第一小学'],
    ['2026-08-25', null, '地下空间'],
    ['2026-11-17', 'c-supermarket', '惠民超市'],
  ]
  for (const [day, unit, place] of fireInspections) {
    add({
      kind: 'inspection',
      slug: 'fire-inspection',
      title: `消防安全检查：${place}`,
      day,
      start: '09:00',
      end: '11:30',
      territoryId: c,
      domains: ['FIRE'],
      phase: 'PREVENT',
      convenerId: 'c-fire-station',
      invitedIds: ['c-rc'],
      attendedIds: unit ? ['c-rc', unit] : ['c-rc'],
      decisions: ['发现隐患当场告知，限期整改'],
      actionItems: [actionItem(rngF, `${place}消防隐患整改`, unit ?? 'c-rc', day, 20)],
    })
  }
  // The property company's own fire checks, with its micro fire station and the residents' committee.
  for (const day of ['2025-12-18', '2026-03-19', '2026-06-25', '2026-09-17']) {
    add({
      kind: 'inspection',
      slug: 'fire-passage-check',
      title: '楼道消防通道与消防设施检查',
      day,
      start: '10:00',
      end: '11:30',
      territoryId: c,
      domains: ['FIRE'],
      phase: 'PREVENT',
      convenerId: 'c-property',
      invitedIds: ['c-micro-fire', 'c-rc', 'c-head-3', 'c-head-7'],
      attendedIds: ['c-micro-fire', 'c-rc'],
      actionItems: [actionItem(rngF, '更换过期灭火器、修复应急照明', 'c-property', day, 15)],
    })
  }
  // Gas checks before and after the heating season.
  for (const day of ['2025-12-16', '2026-10-27']) {
    add({
      kind: 'inspection',
      slug: 'gas-check',
      title: '燃气安全入户检查',
      day,
      start: '09:00',
      end: '12:00',
      territoryId: c,
      domains: ['GAS'],
      phase: 'PREVENT',
      convenerId: 'c-street-office',
      invitedIds: ['c-property', 'c-rc'],
      attendedIds: ['c-property', 'c-rc'],
      actionItems: [actionItem(rngF, '更换老化燃气软管', 'c-property', day, 30)],
    })
  }
  // Rental-housing checks after complaints.
  for (const day of ['2026-01-13', '2026-03-31', '2026-05-19', '2026-07-21', '2026-09-08', '2026-11-03']) {
    const grid = between(rngF, 1, 5)
    add({
      kind: 'inspection',
      slug: 'rental-check',
      title: `出租房屋清查（第 ${grid} 网格）`,
      day,
      start: '14:00',
      end: '17:00',
      territoryId: `c-grid-${grid}`,
      domains: ['PUBLIC_ORDER'],
      phase: 'RESPOND',
      convenerId: 'c-police-officer',
      invitedIds: ['c-rc', GRID_WORKER[grid]!],
      attendedIds: ['c-rc', GRID_WORKER[grid]!],
      actionItems: [actionItem(rngF, '督促房东登记租户信息', GRID_WORKER[grid]!, day, 14)],
    })
  }

  // Education.
  for (const day of ['2026-01-08', '2026-04-16', '2026-08-13']) {
    add({
      kind: 'education',
      slug: 'anti-fraud-talk',
      title: '防范电信网络诈骗讲座',
      day,
      start: '15:00',
      end: '16:30',
      territoryId: c,
      domains: ['FRAUD'],
      phase: 'PREVENT',
      convenerId: 'c-rc',
      invitedIds: ['c-police-station', 'c-social-work', 'c-volunteer-team'],
      attendedIds: ['c-police-station', 'c-social-work'],
    })
  }
  const education: [string, string, string, SafetyDomain[], Phase, Id, Id[]][] = [
    ['2026-03-12', 'gas-talk', '燃气安全使用宣传', ['GAS'], 'PREVENT', 'c-property', ['c-rc']],
    ['2026-05-12', 'disaster-day', '防灾减灾日宣传', ['DISASTER_ENV'], 'PREVENT', 'c-emergency', ['c-rc']],
    ['2026-06-09', 'flood-training', '汛期安全培训', ['DISASTER_ENV'], 'PREPARE', 'c-street-office', ['c-rc']],
    ['2026-07-09', 'drowning-talk', '暑期儿童防溺水宣传', ['WATER', 'CHILDREN'], 'PREVENT', 'c-rc', ['c-school']],
    [
      '2026-11-09',
      'fire-school-talk',
      '“119”消防宣传进校园',
      ['FIRE', 'SCHOOL'],
      'PREVENT',
      'c-fire-station',
      ['c-school', 'c-rc'],
    ],
  ]
  for (const [day, slug, title, domains, phase, convenerId, attendedIds] of education) {
    add({
      kind: 'education',
      slug,
      title,
      day,
      start: '14:30',
      end: '16:00',
      territoryId: c,
      domains,
      phase,
      convenerId,
      invitedIds: [...attendedIds, 'c-volunteer-team', 'c-owners'],
      attendedIds,
    })
  }

  // Drills: one with several sectors (the school), one the property company runs alone.
  add({
    kind: 'drill',
    slug: 'school-evacuation-drill',
    title: '第一小学消防疏散演练',
    day: '2026-04-23',
    start: '10:00',
    end: '11:00',
    territoryId: 'c-grid-2',
    domains: ['FIRE', 'SCHOOL'],
    phase: 'PREPARE',
    convenerId: 'c-school',
    invitedIds: ['c-fire-station', 'c-rc', 'c-property'],
    attendedIds: ['c-fire-station', 'c-rc'],
    decisions: ['疏散时间 4 分 20 秒，东侧楼梯拥堵需调整路线'],
  })
  add({
    kind: 'drill',
    slug: 'micro-fire-drill',
    title: '微型消防站夜间拉动演练',
    day: '2026-08-06',
    start: '21:00',
    end: '21:40',
    territoryId: c,
    domains: ['FIRE'],
    phase: 'PREPARE',
    convenerId: 'c-property',
    invitedIds: ['c-micro-fire'],
    attendedIds: ['c-micro-fire'],
    decisions: ['到场时间 4 分钟，未达到 3 分钟要求'],
  })

  // Projects.
  add({
    kind: 'project',
    slug: 'elderly-home-safety',
    title: '独居老人居家安全守护项目',
    day: '2026-04-01',
    endDay: '2026-09-30',
    start: '09:00',
    end: '17:00',
    territoryId: c,
    domains: ['ELDERLY', 'HOME'],
    phase: 'PREVENT',
    convenerId: 'c-rc',
    invitedIds: ['c-health-station', 'c-social-elderly'],
    attendedIds: ['c-health-station', 'c-social-elderly'],
    decisions: ['为 46 户独居老人安装烟感和紧急呼叫器'],
    actionItems: [actionItem(mulberry32(DEMO_SEED + 5), '完成全部入户安装', 'c-social-elderly', '2026-04-01', 120)],
    note: '目标群体：独居、高龄老人 62 户',
  })
  add({
    kind: 'project',
    slug: 'corridor-clearance',
    title: '楼道堆物清理与消防通道改造',
    day: '2026-05-06',
    endDay: '2026-07-31',
    start: '09:00',
    end: '17:00',
    territoryId: c,
    domains: ['FIRE', 'BUILDING'],
    phase: 'PREVENT',
    convenerId: 'c-rc',
    invitedIds: ['c-property', 'c-owners', 'c-micro-fire'],
    attendedIds: ['c-property'],
    actionItems: [actionItem(mulberry32(DEMO_SEED + 6), '完成 1–9 号楼楼道改造', 'c-property', '2026-05-06', 60)],
  })

  // 12345 requests handled on site: the residents' committee brings in whoever the order names.
  const rngH = mulberry32(DEMO_SEED + 7)
  const requests: [SafetyDomain, string, Id][] = [
    ['PUBLIC_ORDER', '夜间噪音扰民', 'c-police-officer'],
    ['PUBLIC_ORDER', '楼下违规停车堵塞通道', 'c-property'],
    ['PUBLIC_ORDER', '群租房人员混杂', 'c-police-officer'],
    ['BUILDING', '楼顶漏水', 'c-property'],
    ['PUBLIC_PLACE', '占道经营', 'c-enforcement'],
    ['PUBLIC_ORDER', '小区门禁损坏', 'c-property'],
    ['PUBLIC_ORDER', '醉酒滋扰', 'c-police-officer'],
  ]
  for (let k = 0; k < 24; k++) {
    const [domain, what, handler] = requests[k % requests.length]!
    const day = addDays(DEMO_PERIOD.from, 5 + k * 15 + between(rngH, 0, 6))
    const grid = between(rngH, 1, 5)
    const attended: Id[] = handler === 'c-enforcement' ? [handler] : [handler, GRID_WORKER[grid]!]
    add({
      kind: 'other',
      slug: 'request-12345',
      title: `12345 诉求现场处置：${what}`,
      day,
      start: '10:00',
      end: '11:30',
      territoryId: `c-grid-${grid}`,
      domains: [domain],
      phase: 'RESPOND',
      convenerId: 'c-rc',
      invitedIds: attended,
      attendedIds: attended,
      actionItems: [actionItem(rngH, `${what}：办结并回访诉求人`, handler, day, 7)],
    })
  }

  // Disputes mediated by the committee, with the residents' committee.
  const rngD = mulberry32(DEMO_SEED + 8)
  const disputes = ['邻里漏水纠纷', '停车位纠纷', '宠物扰邻纠纷', '装修噪音纠纷', '物业费纠纷', '家庭纠纷']
  for (let k = 0; k < 8; k++) {
    const day = addDays(DEMO_PERIOD.from, 20 + k * 43 + between(rngD, 0, 9))
    const attended: Id[] = ['c-rc']
    if (chance(rngD, 0.3)) attended.push('c-police-officer')
    add({
      kind: 'other',
      slug: 'mediation',
      title: `人民调解：${disputes[k % disputes.length]}`,
      day,
      start: '14:00',
      end: '15:30',
      territoryId: c,
      domains: ['DISPUTE'],
      phase: 'RESPOND',
      convenerId: 'c-mediation',
      invitedIds: attended,
      attendedIds: attended,
    })
  }

  // The owners' committee's one meeting of the year: with the residents' committee, on the property fee.
  add({
    kind: 'meeting',
    slug: 'owners-consultation',
    title: '业委会与居委会协商：物业服务与消防通道',
    day: '2026-02-26',
    start: '19:00',
    end: '20:30',
    territoryId: c,
    domains: ['BUILDING', 'FIRE'],
    phase: 'RESPOND',
    convenerId: 'c-rc',
    invitedIds: ['c-owners', 'c-property'],
    attendedIds: ['c-owners'],
    decisions: ['由居委会向物业转达业主意见'],
  })

  return list.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
}

function cTies(): DemoTie[] {
  const { ties, add } = tieList('c')
  // Command and dispatch: the line from district and street down to the grid.
  add('COMMAND', 'c-emergency', 'c-street-office', 3, 'document')
  add('COMMAND', 'c-street-party', 'c-party', 4, 'document')
  add('COMMAND', 'c-street-office', 'c-rc', 5, 'record')
  for (const g of GRID_WORKERS) add('COMMAND', 'c-street-office', g, 4, 'record', YEAR, '网格化管理派单')
  add('COMMAND', 'c-hotline', 'c-street-office', 5, 'record', YEAR, '12345 派单')
  add('COMMAND', 'c-hotline', 'c-property', 4, 'record', YEAR, '12345 派单')
  add('COMMAND', 'c-hotline', 'c-police-station', 3, 'record', YEAR, '12345 派单')
  add('COMMAND', 'c-hotline', 'c-enforcement', 3, 'record', YEAR, '12345 派单')
  add('COMMAND', 'c-hotline', 'c-rc', 4, 'record', YEAR, '12345 派单')
  add('COMMAND', 'c-police-station', 'c-police-officer', 5, 'document')
  add('COMMAND', 'c-police-officer', 'c-volunteer-team', 4, 'record')
  add('COMMAND', 'c-police-officer', 'c-security', 3, 'record')
  add('COMMAND', 'c-party', 'c-rc', 4, 'document')
  for (const g of GRID_WORKERS) add('COMMAND', 'c-rc', g, 5, 'observation')
  add('COMMAND', 'c-rc', 'c-head-3', 3, 'observation')
  add('COMMAND', 'c-rc', 'c-head-7', 3, 'observation')
  add('COMMAND', 'c-rc', 'c-volunteer-team', 3, 'record')
  add('COMMAND', 'c-rc', 'c-property', 3, 'record', YEAR, '隐患整改通知')
  add('COMMAND', 'c-rc', 'c-mediation', 2, 'document')
  add('COMMAND', 'c-property', 'c-micro-fire', 4, 'document')
  add('COMMAND', 'c-security', 'c-volunteer-team', 2, 'record')
  add('COMMAND', 'c-volunteer-team', 'c-volunteer-a', 2, 'record')
  add('COMMAND', 'c-volunteer-team', 'c-volunteer-b', 2, 'record')
  // Whistles: the street summons departments for one case each.
  const whistles: [string, Id][] = [
    ['2026-01-06', 'c-enforcement'],
    ['2026-03-17', 'c-police-station'],
    ['2026-05-26', 'c-enforcement'],
    ['2026-07-28', 'c-emergency'],
    ['2026-08-18', 'c-fire-station'],
    ['2026-10-13', 'c-enforcement'],
  ]
  for (const [date, dept] of whistles) add('COMMAND', 'c-street-office', dept, 1, 'record', { date }, '“吹哨报到”')
  // Supervision and rating.
  add('SUPERVISE', 'c-emergency', 'c-street-office', 3, 'document')
  for (const month of MONTHS)
    add('SUPERVISE', 'c-street-office', 'c-rc', 2, 'record', { date: `${month}-28` }, '接诉即办月度考核排名')
  add('SUPERVISE', 'c-street-office', 'c-property', 3, 'document')
  add('SUPERVISE', 'c-street-office', 'c-enforcement', 2, 'document', YEAR, '部门报到评价')
  add('SUPERVISE', 'c-street-party', 'c-party', 3, 'document')
  add('SUPERVISE', 'c-hotline', 'c-street-office', 5, 'record', YEAR, '“三率”考核')
  add('SUPERVISE', 'c-hotline', 'c-rc', 4, 'record', YEAR, '“三率”考核')
  add('SUPERVISE', 'c-police-station', 'c-security', 3, 'document')
  add('SUPERVISE', 'c-fire-station', 'c-micro-fire', 2, 'document')
  add('SUPERVISE', 'c-fire-station', 'c-school', 2, 'document')
  add('SUPERVISE', 'c-enforcement', 'c-supermarket', 2, 'record')
  add('SUPERVISE', 'c-rc', 'c-property', 3, 'interview')
  add('SUPERVISE', 'c-owners', 'c-property', 1, 'interview', YEAR, '业委会称监督流于形式')
  add('SUPERVISE', 'c-party', 'c-grid-worker-1', 2, 'document')

  // Information: reported upwards, rarely answered.
  for (const g of GRID_WORKERS) add('INFO', g, 'c-rc', 5, 'record', YEAR, '网格巡查上报')
  add('INFO', 'c-head-3', 'c-rc', 4, 'interview')
  add('INFO', 'c-head-7', 'c-rc', 3, 'interview')
  add('INFO', 'c-rc', 'c-street-office', 5, 'record')
  add('INFO', 'c-street-office', 'c-rc', 3, 'record')
  add('INFO', 'c-rc', 'c-police-officer', 4, 'interview')
  add('INFO', 'c-police-officer', 'c-rc', 3, 'interview')
  add('INFO', 'c-rc', 'c-party', 4, 'observation')
  add('INFO', 'c-party', 'c-rc', 3, 'observation')
  add('INFO', 'c-police-station', 'c-rc', 3, 'record', YEAR, '反诈预警推送')
  add('INFO', 'c-volunteer-a', 'c-police-officer', 2, 'interview', YEAR, '线索上报')
  add('INFO', 'c-volunteer-b', 'c-police-officer', 1, 'interview', YEAR, '线索上报')
  add('INFO', 'c-property', 'c-rc', 3, 'record', YEAR, '监控发现情况通报')
  add('INFO', 'c-school', 'c-rc', 2, 'interview')
  add('INFO', 'c-rc', 'c-owners', 1, 'document', YEAR, '通知张贴')
  add('INFO', 'c-health-station', 'c-rc', 2, 'record')
  add('INFO', 'c-hotline', 'c-police-station', 3, 'record', YEAR, '工单数据共享')
  add('INFO', 'c-street-office', 'c-police-station', 2, 'record')
  add('INFO', 'c-police-station', 'c-fire-station', 2, 'record')
  add('INFO', 'c-emergency', 'c-fire-station', 2, 'document', YEAR, '预警信息')
  add('INFO', 'c-hotline', 'c-enforcement', 2, 'record')
  add('INFO', 'c-hotline', 'c-street-office', 4, 'record', YEAR, '工单数据共享')
  // Feedback, resources, joint action, consultation, informal contact.
  add('FEEDBACK', 'c-rc', 'c-head-3', 2, 'interview')
  add('FEEDBACK', 'c-police-officer', 'c-volunteer-a', 1, 'interview')
  add('RESOURCE', 'c-property', 'c-micro-fire', 3, 'document', YEAR, '器材与人员')
  add('RESOURCE', 'c-street-office', 'c-rc', 3, 'document', YEAR, '社区公益金')
  add('RESOURCE', 'c-supermarket', 'c-volunteer-team', 1, 'interview', { date: '2026-02-10' }, '春节巡逻物资')
  add('JOINT_ACTION', 'c-police-station', 'c-enforcement', 3, 'record', YEAR, '联合整治群租房')
  add('JOINT_ACTION', 'c-police-station', 'c-fire-station', 2, 'record')
  add('CONSULT', 'c-street-office', 'c-police-station', 3, 'observation')
  add('CONSULT', 'c-rc', 'c-owners', 1, 'interview')
  add('INFORMAL', 'c-rc', 'c-head-7', 2, 'interview')
  add('INFORMAL', 'c-street-party', 'c-street-office', 3, 'interview')
  add('INFORMAL', 'c-police-officer', 'c-grid-worker-2', 2, 'interview')
  return ties
}

// ---------------------------------------------------------------------------------------------
// The D community: small, sharing the street's bodies with C

function dCommunity(): DemoCommunity {
  const { street, d } = DEMO_TERRITORY
  const actors: DemoActor[] = [
    org('d-street-office', 'street_office', 'G', 'X 街道办事处', 'X Street Office', street, {
      orgCode: ORG.streetOffice,
    }),
    org('d-police-station', 'police_station', 'G', 'X 派出所', 'X Police Station', street, { orgCode: ORG.police }),
    org('d-fire-station', 'fire_station', 'G', 'X 消防救援站', 'X Fire Rescue Station', street, { orgCode: ORG.fire }),
    org('d-party', 'community_party_committee', 'Q', 'D 社区党委', 'D Community Party Committee', d),
    org('d-rc', 'residents_committee', 'Q', 'D 社区居民委员会', "D Community Residents' Committee", d),
    org('d-grid-worker', 'grid_worker', 'Q', '网格员（D 社区）', 'Grid worker, D Community', 'd-grid-1'),
    org('d-property', 'property_company', 'M', '华宁物业 D 社区项目部', 'Huaning Property, D Community office', d),
    person('d-head-2', 'building_head', '楼门长 2号楼', 'Building head, Building 2', 'd-grid-2'),
  ]
  const r = responsibilityList('d')
  r.add('PUBLIC_ORDER', 'd-police-station', 'lead', 'duty_list')
  r.add('FIRE', 'd-fire-station', 'lead', 'duty_list')
  r.add('FIRE', 'd-property', 'co', 'duty_list')
  r.add('ELDERLY', 'd-rc', 'lead', 'duty_list')
  r.add('GAS', 'd-property', 'lead', 'duty_list')

  const rng = mulberry32(DEMO_SEED + 20)
  const a = activityList('d')
  for (const month of MONTHS) {
    const day = nthWeekday(month, 3, 2)
    a.add({
      kind: 'meeting',
      slug: 'joint-meeting',
      title: `D 社区平安建设例会（${Number(month.slice(5))} 月）`,
      day,
      start: '09:30',
      end: '11:00',
      territoryId: d,
      domains: ['PUBLIC_ORDER'],
      phase: 'PREVENT',
      convenerId: 'd-party',
      invitedIds: ['d-rc', 'd-grid-worker', 'd-property', 'd-police-station'],
      attendedIds: chance(rng, 0.7) ? ['d-rc', 'd-grid-worker', 'd-property'] : ['d-rc', 'd-grid-worker'],
      actionItems: [actionItem(rng, '楼道隐患排查', 'd-property', day, 14)],
    })
    a.add({
      kind: 'patrol',
      slug: 'patrol',
      title: '治安巡逻',
      day: addDays(day, 9),
      start: '19:30',
      end: '21:00',
      territoryId: pick(rng, ['d-grid-1', 'd-grid-2']),
      domains: ['PUBLIC_ORDER'],
      phase: 'PREVENT',
      convenerId: 'd-police-station',
      invitedIds: ['d-grid-worker', 'd-head-2'],
      attendedIds: chance(rng, 0.5) ? ['d-grid-worker', 'd-head-2'] : ['d-grid-worker'],
    })
  }
  a.add({
    kind: 'drill',
    slug: 'fire-drill',
    title: 'D 社区消防疏散演练',
    day: '2026-06-18',
    start: '10:00',
    end: '11:00',
    territoryId: d,
    domains: ['FIRE'],
    phase: 'PREPARE',
    convenerId: 'd-fire-station',
    invitedIds: ['d-property', 'd-rc', 'd-head-2'],
    attendedIds: ['d-property', 'd-rc', 'd-head-2'],
  })
  a.add({
    kind: 'inspection',
    slug: 'fire-inspection',
    title: '消防安全联合检查',
    day: '2026-11-12',
    start: '09:00',
    end: '11:00',
    territoryId: d,
    domains: ['FIRE'],
    phase: 'PREVENT',
    convenerId: 'd-fire-station',
    invitedIds: ['d-property', 'd-rc'],
    attendedIds: ['d-property', 'd-rc'],
  })

  const t = tieList('d')
  t.add('COMMAND', 'd-street-office', 'd-rc', 4, 'record')
  t.add('COMMAND', 'd-party', 'd-rc', 3, 'document')
  t.add('COMMAND', 'd-rc', 'd-grid-worker', 4, 'observation')
  t.add('INFO', 'd-grid-worker', 'd-rc', 4, 'record')
  t.add('INFO', 'd-rc', 'd-grid-worker', 3, 'record')
  t.add('INFO', 'd-head-2', 'd-rc', 3, 'interview')
  t.add('JOINT_ACTION', 'd-property', 'd-fire-station', 2, 'record', YEAR, '微型消防站联训')
  t.add('CONSULT', 'd-rc', 'd-property', 3, 'interview')
  t.add('RESOURCE', 'd-street-office', 'd-rc', 2, 'document')
  return {
    id: d,
    actors,
    responsibilities: r.list,
    activities: a.list.sort((x, y) => x.start.localeCompare(y.start) || x.id.localeCompare(y.id)),
    ties: t.ties,
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

function demoPassword(rng: Rng): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const group = () => Array.from({ length: 4 }, () => pick(rng, [...alphabet])).join('')
  return `demo-${group()}-${group()}-${group()}`
}

function accounts(): DemoAccount[] {
  const rng = mulberry32(DEMO_SEED + 30)
  const { district, street, c } = DEMO_TERRITORY
  const list: Omit<DemoAccount, 'password'>[] = [
    { username: 'admin', displayName: '系统管理员 Administrator', role: 'admin', scopeId: null, actorId: null },
    {
      username: 'dongcheng',
      displayName: '东城区平安办 Dongcheng District',
      role: 'district',
      scopeId: district,
      actorId: null,
    },
    { username: 'x-street', displayName: 'X 街道平安办 X Street', role: 'street', scopeId: street, actorId: null },
    {
      username: 'c-staff',
      displayName: 'C 社区工作人员 C Community staff',
      role: 'community',
      scopeId: c,
      actorId: null,
    },
    {
      username: 'c-property',
      displayName: '安泰物业 C 社区项目部 Antai Property',
      role: 'actor',
      scopeId: c,
      actorId: 'c-property',
    },
    {
      username: 'researcher',
      displayName: '研究人员 Researcher',
      role: 'researcher',
      scopeId: district,
      actorId: null,
    },
    {
      username: 'c-resident',
      displayName: 'C 社区居民 C Community resident',
      role: 'resident',
      scopeId: c,
      actorId: null,
    },
  ]
  return list.map((a) => ({ ...a, password: demoPassword(rng) }))
}

/**
 * The demo: Dongcheng district, X street, the C community (28 actors, a year of records) and
 * the small D community next door. Pure and deterministic.
 *
 * @example
 * const { communities } = demoCommunity()
 * communities[0].actors.length // 28
 */
export function demoCommunity(): DemoData {
  return {
    territories: territories(),
    communities: [
      {
        id: DEMO_TERRITORY.c,
        actors: cActors(),
        responsibilities: cResponsibilities(),
        activities: cActivities(),
        ties: cTies(),
      },
      dCommunity(),
    ],
    accounts: accounts(),
  }
}
