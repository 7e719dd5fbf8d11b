// What the diagnosis reads: 诊断输入 — records, networks, survey results, matters, and the views derived from them once.
//
// Every input is optional; a rule whose inputs are absent reports insufficient data. The
// collaboration network is the undirected union of the collaboration relations (an imported
// network file, or the records through buildNetwork), with each actor's sector as a code G, Q,
// M, O, S or I whatever language the file used.

import { NetworkBuilder, type Graph, type Network } from '@cosafe/sna'
import type { AttitudeSummary } from '../aggregate.js'
import { buildNetwork, type CommunityRecords } from '../network.js'
import type { ResponsibilityInput } from '../records.js'
import { SECTOR_CODES, SECTORS, type Sector } from '../vocabulary.js'

/** Minimal shapes of the matters records (grid cases, 12345 orders, whistles…) until the matters issue lands. */
export interface Matters {
  /** Grid cases: found proactively? stages of the 7-step loop passed, cell and category, day opened, hand-offs. */
  cases?: readonly {
    id: string
    proactive?: boolean
    stages?: number
    cell?: string
    category?: string
    opened?: string
    handoffs?: number
  }[]
  /** 12345 orders: responded, resolved, satisfied, done within the time limit of its class. */
  orders?: readonly {
    id: string
    responded?: boolean
    resolved?: boolean
    satisfied?: boolean
    withinLimit?: boolean
  }[]
  /** City reference rates (0–1) for MEC-1. */
  cityReference?: { response: number; resolution: number; satisfaction: number }
  /** Whistles: emergency or not, hours to the first department's arrival. */
  whistles?: readonly { id: string; emergency?: boolean; hoursToArrival?: number | null; departmentId?: string }[]
  /** Reports (clues, cases) and whether the reporter got feedback. */
  reports?: readonly { id: string; feedback: boolean }[]
  /** Safety projects: participants and target-group size. */
  projects?: readonly { id: string; name?: string; participants: number; targetGroup: number }[]
  /** Patrol coverage per grid cell: weeks with a patrol and weeks in the period. */
  patrols?: readonly { cell: string; weeksPatrolled: number; weeks: number }[]
  /** Evidence base: months with an injury-register entry out of the months, evaluated projects out of projects. */
  registers?: { injuryMonths: number; months: number; projectsEvaluated: number; projects: number }
}

export interface DiagnosisInputs {
  /** The community's records; responsibilities give the designed network. */
  records?: CommunityRecords & {
    responsibilities?: readonly Pick<ResponsibilityInput, 'domain' | 'actorId' | 'role' | 'from' | 'to'>[]
  }
  /** A collaboration network (e.g. an imported file) with node attribute `sector`; used instead of the records' one. */
  network?: Network
  /** Survey results: the attitude summary of an aggregate (aggregateSurvey(...).attitudes). */
  survey?: { attitudes: AttitudeSummary | null; responseRate?: number }
  /** The period diagnosed, YYYY-MM-DD (default: the span of the activities). */
  period?: { from: string; to: string }
  /** The previous period's value of each rule's indicator, by rule id. */
  previous?: Record<string, number>
  /** The same indicator in peer communities (of the street or district), by rule id. */
  peers?: Record<string, readonly number[]>
  matters?: Matters
  /** Population figures for PAR-5 and PAR-6. */
  population?: { residents?: number; activeVolunteers?: number; volunteersAged60Plus?: number }
  /** Governance mode for STR-8 (Provan & Kenis). */
  contingencies?: { mode?: 'shared' | 'lead-organisation' | 'nao' }
  /** Actor types expected to take part (PAR-1) and core types (PAR-2); defaults below. */
  expectedTypes?: readonly string[]
  coreTypes?: readonly string[]
  /** Safety domains considered by CNT-1 (default all). */
  domains?: readonly string[]
}

export const DEFAULT_EXPECTED_TYPES = [
  'street_office',
  'police_station',
  'fire_station',
  'residents_committee',
  'grid_worker',
  'property_company',
  'owners_committee',
  'social_organisation',
  'volunteer_team',
  'building_head',
] as const

export const DEFAULT_CORE_TYPES = [
  'residents_committee',
  'community_party_committee',
  'community_police',
  'police_station',
  'fire_station',
  'property_company',
  'owners_committee',
  'volunteer_team',
] as const

const SECTOR_NAMES: Record<string, Sector> = {
  government: 'G',
  gov: 'G',
  政府: 'G',
  community: 'Q',
  'community party': 'Q',
  "residents' committee": 'Q',
  社区: 'Q',
  居委会: 'Q',
  社区党组织与居委会: 'Q',
  market: 'M',
  business: 'M',
  市场: 'M',
  企业: 'M',
  owners: 'O',
  owner: 'O',
  业主: 'O',
  业主组织: 'O',
  social: 'S',
  ngo: 'S',
  社会: 'S',
  社会组织: 'S',
  resident: 'I',
  residents: 'I',
  individual: 'I',
  individuals: 'I',
  居民: 'I',
  个人: 'I',
}

const normalName = (s: string): string => s.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
// the vocabulary's own names too (e.g. "community party and residents' committee", 社会组织)
for (const code of SECTOR_CODES)
  for (const name of [SECTORS[code].zh, SECTORS[code].en]) SECTOR_NAMES[normalName(name)] ??= code

/** A sector code from a code or a name in English or Chinese (government, 政府, …); null when unknown. */
export function sectorCode(value: unknown): Sector | null {
  if (typeof value !== 'string') return null
  const v = value.trim()
  if (v.length === 1 && (SECTOR_CODES as string[]).includes(v.toUpperCase())) return v.toUpperCase() as Sector
  return SECTOR_NAMES[normalName(v)] ?? null
}

export interface ActorRef {
  id: string
  name: string
  /** The English name when the records have one, else the name. */
  nameEn: string
}

/** Derived views shared by the rules and the recommendations. */
export interface Context {
  inputs: DiagnosisInputs
  /** The undirected collaboration network (weights: the larger direction), sector codes as attribute `sector`. */
  collab: Graph | null
  /** The collaboration relations separately (multiplex), when known. */
  multiplex: Network | null
  sector: (Sector | null)[]
  /** Actor type per node of `collab`, when known. */
  type: (string | null)[]
  period: { from: string; to: string } | null
  name: (id: string) => string
  nameEn: (id: string) => string
  ref: (id: string) => ActorRef
}

/** The undirected union of a network's relations, sectors normalised to codes. */
export function undirectedUnion(net: Network): Graph {
  const b = new NetworkBuilder({ directed: false, duplicates: 'max' })
  const sectors = net.nodes.attribute('sector')
  const types = net.nodes.attribute('type')
  for (let i = 0; i < net.nodes.size; i++) {
    const k = b.addNode(net.nodes.ids[i]!, {
      sector: sectorCode(sectors?.[i] ?? null),
      ...(types ? { type: types[i] ?? null } : {}),
    })
    b.setLabel(k, net.nodes.labels[i] ?? null)
  }
  b.relation('COLLABORATION')
  for (const g of net.relations)
    for (let e = 0; e < g.m; e++) {
      const s = g.tieSource[e]!
      const t = g.tieTarget[e]!
      if (s !== t) b.addTie(net.nodes.ids[s]!, net.nodes.ids[t]!, g.tieWeight[e]!, 'COLLABORATION')
    }
  return b.build().network.graph
}

/** The day of an activity (its local calendar date). */
export const dayOf = (start: string): string => start.slice(0, 10)

export function buildContext(inputs: DiagnosisInputs): Context {
  const rec = inputs.records
  let period = inputs.period ?? null
  if (!period && rec && rec.activities.length) {
    const days = rec.activities.map((a) => dayOf(a.start)).sort()
    period = { from: days[0]!, to: days[days.length - 1]! }
  }
  const filter = period ? { from: period.from, to: period.to } : {}
  let multiplex: Network | null = null
  let merged: Network | null = null
  if (inputs.network) {
    multiplex = inputs.network
    merged = inputs.network
  } else if (rec && rec.actors.length) {
    multiplex = buildNetwork(rec, filter).network
    merged = buildNetwork(rec, filter, { merge: true }).network
  }
  const collab = merged ? undirectedUnion(merged) : null
  const names = new Map<string, string>()
  for (const a of rec?.actors ?? []) names.set(a.id, a.name)
  if (collab) collab.nodes.ids.forEach((id, i) => names.set(id, collab.nodes.label(i)))
  const byIdType = new Map((rec?.actors ?? []).map((a) => [a.id, a.type as string]))
  const sectorCol = collab?.nodes.attribute('sector')
  const typeCol = collab?.nodes.attribute('type')
  const name = (id: string): string => names.get(id) ?? id
  const english = new Map<string, string>()
  for (const a of rec?.actors ?? []) if (a.nameEn) english.set(a.id, a.nameEn)
  const nameEn = (id: string): string => english.get(id) ?? name(id)
  return {
    inputs,
    collab,
    multiplex,
    sector: collab ? collab.nodes.ids.map((_, i) => (sectorCol?.[i] as Sector | null) ?? null) : [],
    type: collab
      ? collab.nodes.ids.map((id, i) => byIdType.get(id) ?? (typeCol?.[i] != null ? String(typeCol[i]) : null))
      : [],
    period,
    name,
    nameEn,
    ref: (id: string) => ({ id, name: name(id), nameEn: nameEn(id) }),
  }
}

/** Sector of every actor of the records, by id. */
export function sectorsById(ctx: Context): Map<string, Sector> {
  const m = new Map<string, Sector>()
  for (const a of ctx.inputs.records?.actors ?? []) m.set(a.id, a.sector)
  if (ctx.collab) ctx.collab.nodes.ids.forEach((id, i) => ctx.sector[i] && !m.has(id) && m.set(id, ctx.sector[i]!))
  return m
}

export const NON_GOV: readonly Sector[] = ['M', 'O', 'S', 'I']
