// Evaluation of the rulebook: 诊断 — one finding per rule, fired, clear or insufficient data, with its evidence.
//
// Each rule's indicator is a pure function of the inputs (context.ts). It either says exactly which
// input is missing, or returns its value, the other measures its checks use, the actors and ties
// involved and an explanation. The checks are then applied in one place: an absolute band on the
// value, the designed-network measure, the relative change against the previous period, the
// percentile rank among peers. Fired findings get recommendations (recommend.ts).

import {
  analyze,
  betweenness,
  constraint,
  corePeripheryPartition,
  maximalCliques,
  multiplexity,
  type Graph,
} from '@cosafe/sna'
import { designedNetwork, compareNetworks } from '../designed.js'
import { ACTOR_TYPES, SAFETY_DOMAIN_CODES, SAFETY_DOMAINS, SECTORS, type Sector, type Term } from '../vocabulary.js'
import {
  buildContext,
  dayOf,
  DEFAULT_CORE_TYPES,
  DEFAULT_EXPECTED_TYPES,
  NON_GOV,
  sectorsById,
  type ActorRef,
  type Context,
  type DiagnosisInputs,
} from './context.js'
import { bandText, RULEBOOK, type Band, type Basis, type Rule, type Rulebook, type RuleSource } from './rulebook.js'
import { recommend, type Recommendation } from './recommend.js'

export type FindingStatus = 'fired' | 'clear' | 'insufficient-data'

export interface TieRef {
  source: string
  target: string
  sourceName: string
  targetName: string
  relation?: string
  domain?: string
  note?: string
}

export interface CheckResult {
  basis: Basis
  measure: string
  band: Band
  bandText: string
  /** The number the band was applied to (relative change for 'previous', percentile for 'peer'). */
  value: number | null
  /** The previous value or the peers' values used. */
  reference?: number | readonly number[]
  flagged: boolean
}

export interface Evidence {
  values: Record<string, number | null>
  actors: ActorRef[]
  ties: TieRef[]
  checks: CheckResult[]
  source: RuleSource
  details?: Record<string, unknown>
}

export interface Finding {
  rule: string
  dimension: Rule['dimension']
  status: FindingStatus
  severity: Rule['severity']
  /** A veto item: when fired, the community fails the overall assessment (see `Rule.veto`). */
  veto: boolean
  indicator: Rule['indicator']
  /** The indicator's value; null when insufficient data. */
  value: number | null
  evidence: Evidence
  /** Plain-language explanation; for insufficient data, what is needed. */
  explanation: Term
  /** Insufficient data: the inputs needed, e.g. "needs a survey with the attitude block". */
  needs: Term | null
  recommendations: Recommendation[]
}

export interface Diagnosis {
  findings: Finding[]
}

/** What a rule's indicator computes. */
export interface Computed {
  value: number
  measures?: Record<string, number | null>
  actors?: ActorRef[]
  ties?: TieRef[]
  details?: Record<string, unknown>
  /** Explanation of the value (both languages); the verdict is added by the engine. */
  explain: Term
  /** Only for STR-8: the rule does not apply (e.g. not a lead-organisation network), so it is clear. */
  notApplicable?: boolean
}
type Missing = { needs: Term }
type Indicator = (ctx: Context, rule: Rule) => Computed | Missing

const needs = (zh: string, en: string): Missing => ({ needs: { zh: `需要${zh}`, en: `needs ${en}` } })
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`
const NEEDS = {
  records: () => needs('工作记录（主体、活动、关系）', 'records (actors, activities, ties)'),
  activities: () => needs('活动记录', 'activity records'),
  ties: () => needs('直接记录的关系', 'ties recorded directly (records.ties)'),
  network: () => needs('协作网络或工作记录', 'a collaboration network or the records'),
  sectors: () => needs('主体的部门属性（节点属性 sector）', 'the actors’ sectors (node attribute sector)'),
  survey: () => needs('含态度题组的问卷', 'a survey with the attitude block'),
  matters: (part: string) => needs(`事项数据（${part}）`, `matters (the ${part} part)`),
}

function param(rule: Rule, k: string, fallback: number): number {
  return rule.params?.[k] ?? fallback
}

function activitiesInPeriod(ctx: Context) {
  const acts = ctx.inputs.records?.activities ?? []
  const p = ctx.period
  return p ? acts.filter((a) => dayOf(a.start) >= p.from && dayOf(a.start) <= p.to) : acts
}

function tiesInPeriod(ctx: Context) {
  const ties = ctx.inputs.records?.ties ?? []
  const p = ctx.period
  if (!p) return ties
  return ties.filter((t) => {
    const from = t.date ?? t.from!
    const to = t.date ?? t.to ?? from
    return from <= p.to && to >= p.from
  })
}

const present = (a: { convenerId: string; attendedIds: readonly string[] }): string[] => [
  ...new Set([a.convenerId, ...a.attendedIds]),
]

function tieRef(ctx: Context, source: string, target: string, extra: Partial<TieRef> = {}): TieRef {
  return { source, target, sourceName: ctx.name(source), targetName: ctx.name(target), ...extra }
}

function sectorName(s: Sector): Term {
  return SECTORS[s]
}

const individual = (t: string | null): boolean =>
  t !== null && (ACTOR_TYPES[t as keyof typeof ACTOR_TYPES]?.individual ?? false)

/** Degree (number of partners) of every node of the undirected graph. */
function partners(g: Graph): number[] {
  const s = g.skeleton()
  return Array.from({ length: g.n }, (_, i) => s.offsets[i + 1]! - s.offsets[i]!)
}

/** Pairs u < v that are both neighbours of b, not tied to each other, and have b as their only common neighbour. */
export function pairsOnlyThrough(g: Graph, b: number, among?: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  const s = g.skeleton()
  const nb = among ? [...among] : Array.from(s.targets.subarray(s.offsets[b]!, s.offsets[b + 1]!))
  const adj = (u: number): Set<number> => new Set(s.targets.subarray(s.offsets[u]!, s.offsets[u + 1]!))
  const sets = new Map(nb.map((u) => [u, adj(u)]))
  for (let x = 0; x < nb.length; x++)
    for (let y = x + 1; y < nb.length; y++) {
      const u = nb[x]!
      const v = nb[y]!
      const su = sets.get(u)!
      if (su.has(v)) continue
      let other = false
      for (const w of sets.get(v)!)
        if (w !== b && su.has(w)) {
          other = true
          break
        }
      if (!other) out.push(u < v ? [u, v] : [v, u])
    }
  return out
}

/** Safety domains in which the responsibilities name both actors. */
export function sharedDomains(ctx: Context, a: string, b: string): string[] {
  let byDomain = DOMAIN_MEMBERS.get(ctx)
  if (!byDomain) {
    byDomain = new Map<string, Set<string>>()
    for (const r of ctx.inputs.records?.responsibilities ?? []) {
      let s = byDomain.get(r.domain)
      if (!s) byDomain.set(r.domain, (s = new Set()))
      s.add(r.actorId)
    }
    DOMAIN_MEMBERS.set(ctx, byDomain)
  }
  const out: string[] = []
  for (const [d, s] of byDomain) if (s.has(a) && s.has(b)) out.push(d)
  return out
}
const DOMAIN_MEMBERS = new WeakMap<Context, Map<string, Set<string>>>()

/** Candidate pairs are looked for among this many best-connected actors (imported networks may be large). */
const CANDIDATE_POOL = 80

/** Domain → actors leading it, from the responsibilities. */
function leadDomains(ctx: Context): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>()
  for (const r of ctx.inputs.records?.responsibilities ?? []) {
    if (r.role !== 'lead') continue
    let s = m.get(r.domain)
    if (!s) m.set(r.domain, (s = new Set()))
    s.add(r.actorId)
  }
  return m
}

/** The broker: the actor with the largest betweenness, and everyone's share. */
export function brokerOf(g: Graph): { broker: number; share: Float64Array; bc: Float64Array } {
  const bc = betweenness(g)
  let total = 0
  let broker = 0
  for (let i = 0; i < g.n; i++) {
    total += bc[i]!
    if (bc[i]! > bc[broker]!) broker = i
  }
  return { broker, share: bc.map((x) => (total > 0 ? x / total : 0)), bc }
}

// ---------------------------------------------------------------------------------------------
// Indicators

const INDICATORS: Record<string, Indicator> = {
  'CON-1': (ctx) => {
    const cases = ctx.inputs.matters?.cases?.filter((c) => c.proactive !== undefined)
    if (!cases?.length) return NEEDS.matters('cases with how each was found')
    const v = cases.filter((c) => c.proactive).length / cases.length
    return {
      value: v,
      measures: { cases: cases.length },
      explain: {
        zh: `${cases.length} 件案件中主动发现 ${pct(v)}`,
        en: `${pct(v)} of ${cases.length} cases found proactively`,
      },
    }
  },
  'CON-2': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const sec = sectorsById(ctx)
    const by = acts.filter((a) => NON_GOV.includes(sec.get(a.convenerId)!))
    const conveners = [...new Set(acts.map((a) => a.convenerId))]
    return {
      value: by.length / acts.length,
      measures: { activities: acts.length, initiatedByNonGov: by.length },
      actors: (ctx.inputs.records?.actors ?? [])
        .filter((a) => NON_GOV.includes(a.sector) && !ACTOR_TYPES[a.type as keyof typeof ACTOR_TYPES]?.individual)
        .filter((a) => !conveners.includes(a.id))
        // owners' and social organisations first: the voices the agenda most often lacks
        .sort((a, b) => 'OSM'.indexOf(a.sector) - 'OSM'.indexOf(b.sector) || a.id.localeCompare(b.id))
        .map((a) => ctx.ref(a.id)),
      explain: {
        zh: `${acts.length} 项活动中 ${by.length} 项由市场、业主、社会组织或个人发起`,
        en: `${by.length} of ${acts.length} activities were convened by market, owners, social or individual actors`,
      },
    }
  },
  'CON-3': (ctx) => {
    const ties = tiesInPeriod(ctx)
    if (!ties.length) return NEEDS.ties()
    const isHier = (r: string): boolean => r === 'COMMAND' || r === 'SUPERVISE'
    let all = 0
    let hier = 0
    const collab = new Set<string>()
    const hierPairs = new Map<string, { s: string; t: string; relation: string }>()
    const out = new Map<string, number>()
    for (const t of ties) {
      all += t.value
      if (isHier(t.relation)) {
        hier += t.value
        hierPairs.set(`${t.relation}|${t.sourceId}|${t.targetId}`, {
          s: t.sourceId,
          t: t.targetId,
          relation: t.relation,
        })
        out.set(t.sourceId, (out.get(t.sourceId) ?? 0) + t.value)
      } else collab.add([t.sourceId, t.targetId].sort().join('|'))
    }
    const top = [...out].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3)
    const commandOnly = [...hierPairs.values()].filter((h) => !collab.has([h.s, h.t].sort().join('|')))
    const v = hier / all
    return {
      value: v,
      measures: { hierarchyValue: hier, allValue: all, commandOnlyPairs: commandOnly.length },
      actors: top.map(([id]) => ctx.ref(id)),
      ties: commandOnly.map((h) => tieRef(ctx, h.s, h.t, { relation: h.relation })),
      explain: {
        zh: `直接记录的关系（按强度计）中指挥与监督占 ${pct(v)}；${commandOnly.length} 对主体之间只有指挥监督、没有协作`,
        en: `command and supervision make ${pct(v)} of the recorded ties (by value); ${commandOnly.length} pairs have command or supervision and no collaboration`,
      },
    }
  },
  'CON-4': (ctx) => {
    const arcs = new Set<string>()
    for (const t of tiesInPeriod(ctx)) if (t.relation === 'INFO') arcs.add(`${t.sourceId}|${t.targetId}`)
    if (!arcs.size && ctx.inputs.network) {
      const g = ctx.inputs.network.findRelation('INFO')
      if (g && g.directed)
        for (let e = 0; e < g.m; e++) arcs.add(`${g.nodes.ids[g.tieSource[e]!]}|${g.nodes.ids[g.tieTarget[e]!]}`)
    }
    if (!arcs.size) return needs('信息共享（INFO）关系记录', 'directed information-sharing (INFO) ties')
    const dyads = new Map<string, { s: string; t: string; both: boolean }>()
    for (const k of arcs) {
      const [s, t] = k.split('|') as [string, string]
      const key = [s, t].sort().join('|')
      if (!dyads.has(key)) dyads.set(key, { s, t, both: arcs.has(`${t}|${s}`) })
    }
    const all = [...dyads.values()]
    const one = all.filter((d) => !d.both)
    const v = (all.length - one.length) / all.length
    return {
      value: v,
      measures: { infoDyads: all.length, reciprocated: all.length - one.length },
      ties: one.map((d) => tieRef(ctx, d.s, d.t, { relation: 'INFO' })),
      actors: [...new Set(one.map((d) => d.t))].map(ctx.ref),
      explain: {
        zh: `${all.length} 对信息关系中仅 ${all.length - one.length} 对双向（${pct(v)}）`,
        en: `only ${all.length - one.length} of ${all.length} information pairs go both ways (${pct(v)})`,
      },
    }
  },
  'CON-5': (ctx) => {
    const a = ctx.inputs.survey?.attitudes
    if (!a) return NEEDS.survey()
    if (!a.bySector)
      return needs(
        '按部门分列的问卷态度结果（汇总时提供主体）',
        'survey attitudes by sector (aggregate the survey with the actors)',
      )
    let n = 0
    let disagree = 0
    for (const [s, items] of Object.entries(a.bySector)) {
      if (s === 'G' || !items) continue
      const d = items.coResponsibility.distribution
      n += items.coResponsibility.n
      disagree += d[0] + d[1]
    }
    if (!n)
      return needs(
        '非政府受访者对“共同责任”题的回答',
        'answers of non-government respondents to the co-responsibility item',
      )
    const v = disagree / n
    return {
      value: v,
      measures: { respondents: n, govJob: disagree },
      explain: {
        zh: `${n} 名非政府受访者中 ${pct(v)} 不认同“安全是各方共同的责任”`,
        en: `${pct(v)} of ${n} non-government respondents reject “safety is everyone’s responsibility”`,
      },
    }
  },
  'PAR-1': (ctx) => {
    const rec = ctx.inputs.records
    if (!rec?.actors.length) return NEEDS.records()
    const expected = ctx.inputs.expectedTypes ?? DEFAULT_EXPECTED_TYPES
    const active = new Set<string>()
    for (const a of activitiesInPeriod(ctx)) for (const id of present(a)) active.add(id)
    if (ctx.collab) {
      const d = partners(ctx.collab)
      ctx.collab.nodes.ids.forEach((id, i) => d[i]! > 0 && active.add(id))
    }
    const missing = expected.filter((t) => !rec.actors.some((a) => a.type === t && active.has(a.id)))
    const v = (expected.length - missing.length) / expected.length
    const label = (t: string): Term => ACTOR_TYPES[t as keyof typeof ACTOR_TYPES] ?? { zh: t, en: t }
    return {
      value: v,
      measures: { expected: expected.length, active: expected.length - missing.length },
      actors: rec.actors.filter((a) => missing.includes(a.type)).map((a) => ctx.ref(a.id)),
      details: { missingTypes: missing },
      explain: {
        zh: `应参与的 ${expected.length} 类主体中 ${expected.length - missing.length} 类活跃${missing.length ? `；缺位：${missing.map((t) => label(t).zh).join('、')}` : ''}`,
        en: `${expected.length - missing.length} of ${expected.length} expected actor types are active${missing.length ? `; missing: ${missing.map((t) => label(t).en).join(', ')}` : ''}`,
      },
    }
  },
  'PAR-2': (ctx, rule) => {
    const g = ctx.collab
    if (!g) return NEEDS.network()
    if (ctx.type.every((t) => t === null))
      return needs('主体类型（工作记录或节点属性 type）', 'actor types (records or node attribute type)')
    const core = ctx.inputs.coreTypes ?? DEFAULT_CORE_TYPES
    const d = partners(g)
    const max = param(rule, 'maxDegree', 1)
    const nominal = g.nodes.ids.filter((_, i) => core.includes(ctx.type[i] as never) && d[i]! <= max)
    return {
      value: nominal.length,
      measures: { coreActors: g.nodes.ids.filter((_, i) => core.includes(ctx.type[i] as never)).length },
      actors: nominal.map(ctx.ref),
      explain: {
        zh: nominal.length
          ? `核心类型主体中 ${nominal.map(ctx.name).join('、')} 的协作伙伴不超过 ${max} 个`
          : `核心类型主体都有 ${max + 1} 个以上协作伙伴`,
        en: nominal.length
          ? `${nominal.map(ctx.nameEn).join(', ')}: at most ${max} collaboration partner(s)`
          : `every core-type actor has more than ${max} collaboration partner(s)`,
      },
    }
  },
  'PAR-3': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const sec = sectorsById(ctx)
    let all = 0
    let non = 0
    const count = new Map<string, number>()
    for (const a of acts)
      for (const id of present(a)) {
        all++
        if (NON_GOV.includes(sec.get(id)!)) non++
        count.set(id, (count.get(id) ?? 0) + 1)
      }
    const v = all ? non / all : 0
    const quiet = (ctx.inputs.records?.actors ?? [])
      .filter((a) => NON_GOV.includes(a.sector) && !ACTOR_TYPES[a.type as keyof typeof ACTOR_TYPES]?.individual)
      .sort((a, b) => (count.get(a.id) ?? 0) - (count.get(b.id) ?? 0) || a.id.localeCompare(b.id))
      .slice(0, 3)
    return {
      value: v,
      measures: { attendances: all, nonGovAttendances: non },
      actors: quiet.map((a) => ctx.ref(a.id)),
      explain: {
        zh: `${all} 人次参与中市场、业主、社会组织和个人占 ${pct(v)}`,
        en: `market, owners, social and individual actors make ${pct(v)} of ${all} attendances`,
      },
    }
  },
  'PAR-4': (ctx) => {
    const ps = ctx.inputs.matters?.projects?.filter((p) => p.targetGroup > 0)
    if (!ps?.length) return NEEDS.matters('projects with participants and target group')
    const worst = [...ps].sort((a, b) => a.participants / a.targetGroup - b.participants / b.targetGroup)[0]!
    const v = worst.participants / worst.targetGroup
    return {
      value: v,
      details: { project: worst.id },
      explain: {
        zh: `覆盖率最低的项目“${worst.name ?? worst.id}”覆盖 ${pct(v)}`,
        en: `the project reaching fewest, “${worst.name ?? worst.id}”, reaches ${pct(v)} of its target group`,
      },
    }
  },
  'PAR-5': (ctx) => {
    const p = ctx.inputs.population
    if (!p?.residents || p.activeVolunteers === undefined)
      return needs('居民人数和活跃志愿者人数', 'the number of residents and of active volunteers (population)')
    const v = (p.activeVolunteers / p.residents) * 100
    return {
      value: v,
      explain: {
        zh: `每百名居民 ${v.toFixed(2)} 名活跃志愿者`,
        en: `${v.toFixed(2)} active volunteers per 100 residents`,
      },
    }
  },
  'PAR-6': (ctx) => {
    const p = ctx.inputs.population
    if (!p?.activeVolunteers || p.volunteersAged60Plus === undefined)
      return needs('活跃志愿者人数及其中 60 岁以上人数', 'active volunteers and those aged 60 or over (population)')
    const v = p.volunteersAged60Plus / p.activeVolunteers
    return { value: v, explain: { zh: `60 岁以上志愿者占 ${pct(v)}`, en: `${pct(v)} of volunteers are 60 or over` } }
  },
  'PAR-7': (ctx) => {
    const acts = activitiesInPeriod(ctx).filter((a) => a.invitedIds.length)
    if (!acts.length) return needs('含受邀名单的活动记录', 'activities with invitation lists')
    const typeOf = new Map((ctx.inputs.records?.actors ?? []).map((a) => [a.id, a.type as string]))
    const invited = new Map<string, number>()
    const came = new Map<string, number>()
    const byActor = new Map<string, [number, number]>()
    for (const a of acts) {
      const here = new Set(present(a))
      for (const id of a.invitedIds) {
        const t = typeOf.get(id) ?? 'other'
        invited.set(t, (invited.get(t) ?? 0) + 1)
        const x = byActor.get(id) ?? [0, 0]
        x[0]++
        if (here.has(id)) {
          came.set(t, (came.get(t) ?? 0) + 1)
          x[1]++
        }
        byActor.set(id, x)
      }
    }
    const rates = [...invited].map(([t, n]) => ({ type: t, rate: (came.get(t) ?? 0) / n, invited: n }))
    rates.sort((a, b) => a.rate - b.rate || a.type.localeCompare(b.type))
    const worst = rates[0]!
    const low = [...byActor]
      .filter(([id]) => typeOf.get(id) === worst.type)
      .sort((a, b) => a[1][1] / a[1][0] - b[1][1] / b[1][0])
    const label = (t: string): Term => ACTOR_TYPES[t as keyof typeof ACTOR_TYPES] ?? { zh: t, en: t }
    return {
      value: worst.rate,
      measures: Object.fromEntries(rates.map((r) => [r.type, r.rate])),
      actors: low.map(([id]) => ctx.ref(id)),
      details: { byType: rates },
      explain: {
        zh: `出席率最低的主体类型为${label(worst.type).zh}：受邀 ${worst.invited} 次，出席 ${pct(worst.rate)}`,
        en: `lowest attendance: ${label(worst.type).en}, ${pct(worst.rate)} of ${worst.invited} invitations`,
      },
    }
  },
  'PAR-8': (ctx) => {
    const a = ctx.inputs.survey?.attitudes
    if (!a) return NEEDS.survey()
    const s = a.items.senseOfSafety
    if (s.agree === null) return needs('问卷中“安全感”题的回答', 'answers to the sense-of-safety item of the survey')
    return {
      value: s.agree,
      measures: { respondents: s.n, responseRate: ctx.inputs.survey?.responseRate ?? null },
      explain: {
        zh: `${s.n} 名受访者中 ${pct(s.agree)} 感到安全`,
        en: `${pct(s.agree)} of ${s.n} respondents feel safe`,
      },
    }
  },
  // structure
  'STR-1': (ctx) => {
    const g = ctx.collab
    if (!g) return NEEDS.network()
    const resp = ctx.inputs.records?.responsibilities
    const density = analyze(g, { measures: ['density'] }).network.density ?? 0
    // without responsibilities or a previous period no check applies: the engine reports what is missing
    const measures: Record<string, number | null> = { density }
    // density per relation type, on the undirected skeleton of each relation
    for (const r of ctx.multiplex?.relations ?? [])
      if (ctx.multiplex!.relations.length > 1 && g.n > 1)
        measures[`density.${r.relation}`] = r.skeleton().targets.length / (g.n * (g.n - 1))
    let ties: TieRef[] = []
    let zh = `协作网络密度 ${density.toFixed(3)}`
    let en = `collaboration density ${density.toFixed(3)}`
    if (resp?.length) {
      const actors = ctx.inputs.records!.actors
      const p = ctx.period
      const designed = designedNetwork(actors, resp, p ? { from: p.from, to: p.to } : {}).network
      const c = compareNetworks(designed, g)
      const realised = c.counts.designed ? c.counts.overlap / c.counts.designed : null
      measures.designedRealised = realised
      measures.designedDyads = c.counts.designed
      ties = c.missing.map(([a, b]) => tieRef(ctx, a, b, { domain: sharedDomains(ctx, a, b)[0] }))
      if (realised !== null) {
        zh += `；设计的 ${c.counts.designed} 对协作关系中落实 ${pct(realised)}`
        en += `; ${pct(realised)} of ${c.counts.designed} designed partnerships are practised`
      }
    }
    return { value: density, measures, ties, explain: { zh, en } }
  },
  'STR-2': (ctx) => {
    const g = ctx.collab
    if (!g || g.n < 3) return NEEDS.network()
    const a = analyze(g, { measures: ['degree', 'degreeCentralization'] })
    const d = a.nodes.degree!
    let top = 0
    for (let i = 0; i < g.n; i++) if (d[i]! > d[top]!) top = i
    const v = a.network.degreeCentralization ?? 0
    return {
      value: v,
      actors: [ctx.ref(g.nodes.ids[top]!)],
      measures: { topDegree: d[top]! },
      explain: {
        zh: `度数中心势 ${v.toFixed(3)}；${ctx.name(g.nodes.ids[top]!)} 与 ${d[top]} 个主体相连`,
        en: `degree centralization ${v.toFixed(3)}; ${ctx.nameEn(g.nodes.ids[top]!)} has ${d[top]} partners`,
      },
    }
  },
  'STR-3': (ctx) => {
    const g = ctx.collab
    if (!g || g.n < 3) return NEEDS.network()
    const { broker, share } = brokerOf(g)
    const c = constraint(g)
    const finite = Array.from(c)
      .filter(Number.isFinite)
      .sort((a, b) => a - b)
    const median = finite.length
      ? finite.length % 2
        ? finite[(finite.length - 1) / 2]!
        : (finite[finite.length / 2 - 1]! + finite[finite.length / 2]!) / 2
      : NaN
    const ratio = Number.isFinite(c[broker]!) && median > 0 ? c[broker]! / median : null
    const id = g.nodes.ids[broker]!
    const d = partners(g)
    // candidate links: partners of the broker not tied to each other; those that only it connects,
    // and those a duty list makes partners (one of them leading the domain), come first
    const sk = g.skeleton()
    const nb = Array.from(sk.targets.subarray(sk.offsets[broker]!, sk.offsets[broker + 1]!))
      .sort((x, y) => d[y]! - d[x]! || x - y)
      .slice(0, CANDIDATE_POOL)
      .sort((x, y) => x - y)
    const pooled = d[broker]! > CANDIDATE_POOL
    const only = new Set(pairsOnlyThrough(g, broker, nb).map(([u, v]) => u * g.n + v))
    const leads = leadDomains(ctx)
    const pairs: {
      a: string
      b: string
      domain: string | undefined
      led: boolean
      only: boolean
      cross: boolean
      org: boolean
      deg: number
    }[] = []
    for (let x = 0; x < nb.length; x++)
      for (let y = x + 1; y < nb.length; y++) {
        const u = nb[x]!
        const v = nb[y]!
        if (g.hasTie(u, v)) continue
        const a = g.nodes.ids[u]!
        const b = g.nodes.ids[v]!
        const domains = sharedDomains(ctx, a, b)
        const ledDomain = domains.find((dm) => leads.get(dm)?.has(a) || leads.get(dm)?.has(b))
        pairs.push({
          a,
          b,
          domain: ledDomain ?? domains[0],
          led: ledDomain !== undefined,
          only: only.has(u * g.n + v),
          cross: ctx.sector[u] !== ctx.sector[v],
          org: !individual(ctx.type[u] ?? null) && !individual(ctx.type[v] ?? null),
          deg: d[u]! + d[v]!,
        })
      }
    pairs.sort(
      (x, y) =>
        Number(y.led && y.org) - Number(x.led && x.org) ||
        Number(y.only) - Number(x.only) ||
        Number(y.domain !== undefined) - Number(x.domain !== undefined) ||
        Number(y.cross) - Number(x.cross) ||
        Number(y.org) - Number(x.org) ||
        y.deg - x.deg ||
        x.a.localeCompare(y.a) ||
        x.b.localeCompare(y.b),
    )
    return {
      value: share[broker]!,
      measures: {
        constraintRatio: ratio,
        constraint: Number.isFinite(c[broker]!) ? c[broker]! : null,
        medianConstraint: Number.isFinite(median) ? median : null,
      },
      actors: [ctx.ref(id)],
      ties: pairs.map((p) =>
        tieRef(ctx, p.a, p.b, {
          ...(p.domain ? { domain: p.domain } : {}),
          note: p.only ? 'linked only through the broker' : 'not tied; both tied to the broker',
        }),
      ),
      details: { broker: id, pairsOnlyThroughBroker: only.size },
      explain: {
        zh: `${ctx.name(id)} 占全部中介中心度的 ${pct(share[broker]!)}，${pooled ? `在其联系最多的 ${CANDIDATE_POOL} 个伙伴中，` : ''}${only.size} 对主体只能经由它相连`,
        en: `${ctx.nameEn(id)} holds ${pct(share[broker]!)} of all betweenness; ${only.size} pairs of its ${pooled ? `${CANDIDATE_POOL} best-connected ` : ''}partners are linked only through it`,
      },
    }
  },
  'STR-4': (ctx) => {
    const g = ctx.collab
    if (!g) return NEEDS.network()
    if (ctx.sector.every((s) => s === null)) return NEEDS.sectors()
    const members = g.nodes.ids.map((_, i) => i).filter((i) => NON_GOV.includes(ctx.sector[i]!))
    if (members.length < 2)
      return needs('至少两个市场、业主、社会或个人主体', 'at least two market, owners, social or individual actors')
    const inside = new Set(members)
    let ties = 0
    for (let e = 0; e < g.m; e++) if (inside.has(g.tieSource[e]!) && inside.has(g.tieTarget[e]!)) ties++
    // links worth proposing: across sectors, duty-list partners first, then organisations, then the best connected
    const d = partners(g)
    const pool = [...members].sort((x, y) => d[y]! - d[x]! || x - y).slice(0, CANDIDATE_POOL)
    const cands: { u: number; v: number; domain: string | undefined; org: boolean; deg: number }[] = []
    for (let x = 0; x < pool.length; x++)
      for (let y = x + 1; y < pool.length; y++) {
        const u = pool[x]!
        const v = pool[y]!
        if (g.hasTie(u, v) || ctx.sector[u] === ctx.sector[v]) continue
        cands.push({
          u,
          v,
          domain: sharedDomains(ctx, g.nodes.ids[u]!, g.nodes.ids[v]!)[0],
          org: !individual(ctx.type[u] ?? null) && !individual(ctx.type[v] ?? null),
          deg: d[u]! + d[v]!,
        })
      }
    cands.sort(
      (x, y) =>
        Number(y.domain !== undefined) - Number(x.domain !== undefined) ||
        Number(y.org) - Number(x.org) ||
        y.deg - x.deg ||
        x.u - y.u ||
        x.v - y.v,
    )
    const missing = cands.map((c) =>
      tieRef(ctx, g.nodes.ids[c.u]!, g.nodes.ids[c.v]!, c.domain ? { domain: c.domain } : {}),
    )
    const k = inside.size
    const v = ties / ((k * (k - 1)) / 2)
    return {
      value: v,
      measures: { actors: k, ties },
      ties: missing,
      explain: {
        zh: `${k} 个市场、业主、社会与个人主体之间密度 ${v.toFixed(3)}（${ties} 条关系）`,
        en: `density ${v.toFixed(3)} among ${k} market, owners, social and individual actors (${ties} ties)`,
      },
    }
  },
  'STR-5': (ctx) => {
    const g = ctx.collab
    if (!g) return NEEDS.network()
    if (ctx.sector.every((s) => s === null)) return NEEDS.sectors()
    let E = 0
    let I = 0
    for (let e = 0; e < g.m; e++) {
      const a = ctx.sector[g.tieSource[e]!] === 'G'
      const b = ctx.sector[g.tieTarget[e]!] === 'G'
      if (a && b) I++
      else if (a || b) E++
    }
    if (E + I === 0) return needs('政府主体的协作关系', 'collaboration ties of government actors')
    const v = (E - I) / (E + I)
    const s = g.skeleton()
    const closed = g.nodes.ids.filter((_, i) => {
      if (ctx.sector[i] !== 'G' || s.offsets[i + 1] === s.offsets[i]) return false
      for (let e = s.offsets[i]!; e < s.offsets[i + 1]!; e++) if (ctx.sector[s.targets[e]!] !== 'G') return false
      return true
    })
    return {
      value: v,
      measures: { external: E, internal: I },
      actors: closed.map(ctx.ref),
      explain: {
        zh: `政府主体的关系中跨部门 ${E} 条、内部 ${I} 条，E-I 指数 ${v.toFixed(3)}`,
        en: `government actors have ${E} ties to other sectors and ${I} among themselves: E-I index ${v.toFixed(3)}`,
      },
    }
  },
  'STR-6': (ctx) => {
    const g = ctx.collab
    if (!g || g.m === 0) return NEEDS.network()
    if (ctx.sector.every((s) => s === null)) return NEEDS.sectors()
    const cp = corePeripheryPartition(g, { seed: 1 })
    const core = g.nodes.ids.filter((_, i) => cp.core[i] === 1)
    const nonGov = g.nodes.ids.filter((_, i) => cp.core[i] === 1 && NON_GOV.includes(ctx.sector[i]!))
    const d = partners(g)
    const candidates = g.nodes.ids
      .map((id, i) => ({ id, i }))
      // organisations at the edge that could take a lead role: not yet tied to every core member
      .filter(({ i }) => cp.core[i] === 0 && NON_GOV.includes(ctx.sector[i]!) && !individual(ctx.type[i] ?? null))
      .filter(({ i }) => core.some((id) => !g.hasTie(i, g.nodes.get(id))))
      .sort((a, b) => d[b.i]! - d[a.i]! || a.id.localeCompare(b.id))
    return {
      value: nonGov.length,
      measures: { core: core.length, fit: Number.isFinite(cp.fit) ? cp.fit : null },
      actors: (nonGov.length ? nonGov : candidates.slice(0, 3).map((c) => c.id)).map(ctx.ref),
      details: { core },
      explain: {
        zh: `核心 ${core.length} 个主体：${core.map(ctx.name).join('、')}；其中非政府主体 ${nonGov.length} 个`,
        en: `the core has ${core.length} actors (${core.map(ctx.nameEn).join(', ')}), ${nonGov.length} of them non-government`,
      },
    }
  },
  'STR-7': (ctx, rule) => {
    const g = ctx.collab
    if (!g) return NEEDS.network()
    if (ctx.sector.every((s) => s === null)) return NEEDS.sectors()
    const minSize = param(rule, 'minSize', 4)
    const share = param(rule, 'sectorShare', 0.8)
    const silos: { members: string[]; sector: Sector }[] = []
    for (const c of maximalCliques(g, { minSize })) {
      const count = new Map<Sector, number>()
      for (const i of c) if (ctx.sector[i]) count.set(ctx.sector[i]!, (count.get(ctx.sector[i]!) ?? 0) + 1)
      const [sector, k] = [...count].sort((a, b) => b[1] - a[1])[0] ?? [null, 0]
      if (sector && k / c.length >= share) silos.push({ members: c.map((i) => g.nodes.ids[i]!), sector })
    }
    const ids = [...new Set(silos.flatMap((s) => s.members))]
    return {
      value: silos.length,
      actors: ids.map(ctx.ref),
      details: { subgroups: silos },
      explain: {
        zh: silos.length
          ? `${silos.length} 个子群以单一部门为主：${silos.map((s) => `${sectorName(s.sector).zh}（${s.members.map(ctx.name).join('、')}）`).join('；')}`
          : `没有以单一部门为主的 ${minSize} 人以上子群`,
        en: silos.length
          ? `${silos.length} subgroup(s) dominated by one sector: ${silos.map((s) => `${sectorName(s.sector).en} (${s.members.map(ctx.nameEn).join(', ')})`).join('; ')}`
          : `no subgroup of ${minSize} or more is dominated by one sector`,
      },
    }
  },
  'STR-8': (ctx) => {
    const mode = ctx.inputs.contingencies?.mode
    if (!mode)
      return needs(
        '治理模式（contingencies.mode：共享治理、领导型组织或网络行政组织）',
        "the governance mode (contingencies.mode: 'shared', 'lead-organisation' or 'nao')",
      )
    const g = ctx.collab
    if (!g) return NEEDS.network()
    const domains = new Set<string>()
    for (const a of activitiesInPeriod(ctx)) for (const d of a.domains) domains.add(d)
    for (const r of ctx.inputs.records?.responsibilities ?? []) domains.add(r.domain)
    if (!domains.size) return needs('带安全领域的活动或责任记录', 'activities or responsibilities with safety domains')
    return {
      value: g.n,
      measures: { actors: g.n, domains: domains.size },
      notApplicable: mode !== 'lead-organisation',
      details: { mode },
      explain: {
        zh: `治理模式：${mode}；${g.n} 个主体，${domains.size} 个安全领域`,
        en: `mode ${mode}; ${g.n} actors, ${domains.size} safety domains`,
      },
    }
  },
  'STR-9': (ctx) => {
    const net = ctx.multiplex
    if (!net || net.relations.length < 2)
      return needs('含两种以上关系类型的网络', 'a network with at least two relation types')
    const m = multiplexity(net)
    if (!m.tiedDyads) return NEEDS.network()
    const single: TieRef[] = []
    const g = ctx.collab
    if (g) {
      const sets = net.relations.map((r) => r.skeleton())
      for (let e = 0; e < g.m && single.length < 50; e++) {
        const u = g.tieSource[e]!
        const v = g.tieTarget[e]!
        const uu = net.nodes.find(g.nodes.ids[u]!)!
        const vv = net.nodes.find(g.nodes.ids[v]!)!
        let k = 0
        for (const s of sets) if (s.targets.subarray(s.offsets[uu]!, s.offsets[uu + 1]!).includes(vv)) k++
        if (k === 1) single.push(tieRef(ctx, g.nodes.ids[u]!, g.nodes.ids[v]!))
      }
    }
    return {
      value: m.multiplexity,
      measures: { tiedDyads: m.tiedDyads, multiplexDyads: m.multiplexDyads },
      ties: single,
      explain: {
        zh: `${m.tiedDyads} 对有关系的主体中 ${m.multiplexDyads} 对有两种以上关系（${pct(m.multiplexity)}）`,
        en: `${m.multiplexDyads} of ${m.tiedDyads} tied pairs share two or more tie types (${pct(m.multiplexity)})`,
      },
    }
  },
  // mechanism
  'MEC-1': (ctx) => {
    const o = ctx.inputs.matters?.orders
    const ref = ctx.inputs.matters?.cityReference
    if (!o?.length) return NEEDS.matters('12345 orders')
    if (!ref) return NEEDS.matters('city reference rates (cityReference)')
    const rate = (k: 'responded' | 'resolved' | 'satisfied'): number => o.filter((x) => x[k]).length / o.length
    const gaps = {
      response: (rate('responded') - ref.response) * 100,
      resolution: (rate('resolved') - ref.resolution) * 100,
      satisfaction: (rate('satisfied') - ref.satisfaction) * 100,
    }
    const v = Math.min(gaps.response, gaps.resolution, gaps.satisfaction)
    return {
      value: v,
      measures: gaps,
      explain: {
        zh: `“三率”最低比全市参考值低 ${(-v).toFixed(1)} 个百分点`,
        en: `the weakest of the three rates is ${v.toFixed(1)} points from the city reference`,
      },
    }
  },
  'MEC-2': (ctx) => {
    const o = ctx.inputs.matters?.orders?.filter((x) => x.withinLimit !== undefined)
    if (!o?.length) return NEEDS.matters('12345 orders with their time limits')
    const v = o.filter((x) => x.withinLimit).length / o.length
    return { value: v, explain: { zh: `${pct(v)} 的工单按时办结`, en: `${pct(v)} of orders done within their limit` } }
  },
  'MEC-3': (ctx) => {
    const w = ctx.inputs.matters?.whistles
    const c = ctx.inputs.matters?.cases
    if (!w || !c?.length) return NEEDS.matters('whistles and street cases')
    const v = w.length / c.length
    return { value: v, explain: { zh: `吹哨率 ${v.toFixed(3)}`, en: `whistle rate ${v.toFixed(3)}` } }
  },
  'MEC-4': (ctx) => {
    const w = ctx.inputs.matters?.whistles?.filter((x) => x.hoursToArrival != null)
    if (!w?.length) return NEEDS.matters('whistles with arrival times')
    const median = (xs: number[]): number | null => {
      if (!xs.length) return null
      const s = [...xs].sort((a, b) => a - b)
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
    }
    const v = median(w.filter((x) => !x.emergency).map((x) => x.hoursToArrival!)) ?? 0
    const em = median(w.filter((x) => x.emergency).map((x) => x.hoursToArrival!))
    const late = [
      ...new Set(
        w.filter((x) => x.departmentId && x.hoursToArrival! > (x.emergency ? 2 : 24)).map((x) => x.departmentId!),
      ),
    ]
    return {
      value: v,
      measures: { emergencyHours: em },
      actors: late.map(ctx.ref),
      explain: {
        zh: `吹哨后首次到场中位时长 ${v.toFixed(1)} 小时`,
        en: `median ${v.toFixed(1)} h from whistle to first arrival`,
      },
    }
  },
  'MEC-5': (ctx) => {
    const c = ctx.inputs.matters?.cases?.filter((x) => x.stages !== undefined)
    if (!c?.length) return NEEDS.matters('cases with their stages')
    const v = c.filter((x) => x.stages! >= 7).length / c.length
    return {
      value: v,
      explain: { zh: `${pct(v)} 的案件走完七个环节`, en: `${pct(v)} of cases passed all seven stages` },
    }
  },
  'MEC-6': (ctx) => {
    const c = ctx.inputs.matters?.cases?.filter((x) => x.cell && x.category && x.opened)
    if (!c?.length) return NEEDS.matters('cases with cell, category and date')
    const sorted = [...c].sort((a, b) => a.opened!.localeCompare(b.opened!))
    const last = new Map<string, string>()
    let reopened = 0
    for (const x of sorted) {
      const k = `${x.cell}|${x.category}`
      const prev = last.get(k)
      if (prev && (Date.parse(x.opened!) - Date.parse(prev)) / 86_400_000 <= 90) reopened++
      last.set(k, x.opened!)
    }
    const v = reopened / c.length
    return {
      value: v,
      explain: {
        zh: `${pct(v)} 的案件在 90 天内同网格同类复发`,
        en: `${pct(v)} of cases recur in the same cell and category within 90 days`,
      },
    }
  },
  'MEC-7': (ctx, rule) => {
    const p = ctx.period
    const acts = activitiesInPeriod(ctx)
    if (!p || !acts.length) return NEEDS.activities()
    const need = param(rule, 'sectors', 3)
    const sec = sectorsById(ctx)
    const quarters: string[] = []
    for (let y = Number(p.from.slice(0, 4)), q = Math.floor((Number(p.from.slice(5, 7)) - 1) / 3); ; q++) {
      if (q === 4) {
        q = 0
        y++
      }
      const key = `${y}-Q${q + 1}`
      if (`${y}-${String(q * 3 + 1).padStart(2, '0')}-01` > p.to) break
      quarters.push(key)
    }
    const quarterOf = (day: string): string =>
      `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
    const count = new Map(quarters.map((q) => [q, 0]))
    for (const a of acts) {
      if (a.kind !== 'meeting') continue
      const sectors = new Set(
        present(a)
          .map((id) => sec.get(id))
          .filter(Boolean),
      )
      if (sectors.size >= need) count.set(quarterOf(dayOf(a.start)), (count.get(quarterOf(dayOf(a.start))) ?? 0) + 1)
    }
    const v = Math.min(...count.values())
    const empty = [...count].filter(([, k]) => k < 1).map(([q]) => q)
    return {
      value: v,
      measures: Object.fromEntries(count),
      explain: {
        zh: `各季度跨 ${need} 类主体的安全会议最少 ${v} 次${empty.length ? `（${empty.join('、')} 没有）` : ''}`,
        en: `fewest meetings with ${need}+ sectors in a quarter: ${v}${empty.length ? ` (none in ${empty.join(', ')})` : ''}`,
      },
    }
  },
  'MEC-8': (ctx) => {
    const asOf = ctx.period?.to
    const items = activitiesInPeriod(ctx).flatMap((a) => a.actionItems ?? [])
    const due = items.filter((x) => x.status !== 'cancelled' && (!asOf || x.due <= asOf))
    if (!due.length)
      return needs('到期的会议事项（活动的 actionItems）', 'action items due in the period (activities’ actionItems)')
    const onTime = due.filter((x) => x.status === 'done' && x.doneOn && x.doneOn <= x.due)
    const late = new Map<string, number>()
    for (const x of due) if (!onTime.includes(x)) late.set(x.ownerId, (late.get(x.ownerId) ?? 0) + 1)
    const ranked = [...late].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const v = onTime.length / due.length
    return {
      value: v,
      measures: { due: due.length, onTime: onTime.length },
      actors: ranked.map(([id]) => ctx.ref(id)),
      details: { lateByOwner: Object.fromEntries(ranked) },
      explain: {
        zh: `${due.length} 项到期事项中 ${onTime.length} 项按时办结（${pct(v)}）`,
        en: `${onTime.length} of ${due.length} action items due were done on time (${pct(v)})`,
      },
    }
  },
  'MEC-9': (ctx) => {
    const r = ctx.inputs.matters?.reports
    if (!r?.length) return NEEDS.matters('reports and their feedback')
    const v = r.filter((x) => x.feedback).length / r.length
    return { value: v, explain: { zh: `${pct(v)} 的上报得到反馈`, en: `${pct(v)} of reports got feedback` } }
  },
  'MEC-10': (ctx) => {
    const c = ctx.inputs.matters?.cases?.filter((x) => x.handoffs !== undefined).map((x) => x.handoffs!)
    if (!c?.length) return NEEDS.matters('cases with their hand-offs')
    const s = [...c].sort((a, b) => a - b)
    const v = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
    return { value: v, explain: { zh: `转办次数中位数 ${v}`, en: `median ${v} hand-offs` } }
  },
  'MEC-11': (ctx) => {
    const p = ctx.inputs.matters?.patrols
    if (!p?.length) return NEEDS.matters('patrol coverage per grid cell')
    const v = p.filter((x) => x.weeksPatrolled >= x.weeks).length / p.length
    return {
      value: v,
      details: { gaps: p.filter((x) => x.weeksPatrolled < x.weeks).map((x) => x.cell) },
      explain: { zh: `${pct(v)} 的网格每周都有巡逻`, en: `${pct(v)} of cells patrolled every week` },
    }
  },
  // content
  'CNT-1': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const domains = ctx.inputs.domains ?? SAFETY_DOMAIN_CODES
    const covered = new Set<string>()
    for (const a of acts) if (present(a).length >= 2) for (const d of a.domains) covered.add(d)
    const inScope = domains.filter((d) => covered.has(d))
    const uncovered = domains.filter((d) => !covered.has(d))
    const v = inScope.length / domains.length
    const label = (d: string): Term => SAFETY_DOMAINS[d as keyof typeof SAFETY_DOMAINS] ?? { zh: d, en: d }
    return {
      value: v,
      measures: { domains: domains.length, covered: inScope.length },
      details: { uncovered },
      explain: {
        zh: `${domains.length} 个安全领域中 ${inScope.length} 个有多主体活动；空白：${uncovered.map((d) => label(d).zh).join('、')}`,
        en: `${inScope.length} of ${domains.length} safety domains have multi-actor activities; none in ${uncovered.map((d) => label(d).en).join(', ')}`,
      },
    }
  },
  'CNT-2': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const count = new Map<string, number>()
    let total = 0
    for (const a of acts)
      for (const d of a.domains) {
        count.set(d, (count.get(d) ?? 0) + 1)
        total++
      }
    const ranked = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const [top, k] = ranked[0]!
    const v = k / total
    const label = SAFETY_DOMAINS[top as keyof typeof SAFETY_DOMAINS] ?? { zh: top, en: top }
    return {
      value: v,
      measures: Object.fromEntries(ranked),
      details: { topDomain: top },
      explain: {
        zh: `${label.zh} 占活动领域的 ${pct(v)}`,
        en: `${label.en} makes ${pct(v)} of the domains of the activities`,
      },
    }
  },
  'CNT-3': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const k = acts.filter((a) => a.phase === 'PREVENT' || a.phase === 'PREPARE').length
    const v = k / acts.length
    return {
      value: v,
      measures: { activities: acts.length, preventPrepare: k },
      explain: {
        zh: `${acts.length} 项活动中预防与准备占 ${pct(v)}`,
        en: `prevention and preparation make ${pct(v)} of ${acts.length} activities`,
      },
    }
  },
  'CNT-4': (ctx) => {
    const acts = activitiesInPeriod(ctx)
    if (!acts.length) return NEEDS.activities()
    const ps = acts.filter((a) => a.kind === 'project' && a.domains.some((d) => d === 'ELDERLY' || d === 'CHILDREN'))
    return {
      value: ps.length,
      details: { projects: ps.map((a) => a.title) },
      explain: {
        zh: `面向老人和儿童的项目 ${ps.length} 个`,
        en: `${ps.length} project(s) for older people or children`,
      },
    }
  },
  'CNT-5': (ctx) => {
    const net = ctx.multiplex
    if (!net) return NEEDS.network()
    let all = 0
    let deep = 0
    for (const g of net.relations) {
      const s = g.skeleton()
      const dyads = s.targets.length / 2
      all += dyads
      if (g.relation === 'JOINT_ACTION' || g.relation === 'RESOURCE') deep += dyads
    }
    if (!net.findRelation('JOINT_ACTION') && !net.findRelation('RESOURCE') && !ctx.inputs.records)
      return needs('分关系类型的协作网络', 'a collaboration network with its relation types')
    if (!all) return NEEDS.network()
    const v = deep / all
    return {
      value: v,
      measures: { relationDyads: all, jointOrResource: deep },
      explain: {
        zh: `协作关系中联合行动与资源共享占 ${pct(v)}`,
        en: `joint action and resource sharing make ${pct(v)} of collaboration ties`,
      },
    }
  },
  'CNT-6': (ctx) => {
    const r = ctx.inputs.matters?.registers
    if (!r) return NEEDS.matters('registers (injury register, project evaluations)')
    const v = Math.min(r.months ? r.injuryMonths / r.months : 0, r.projects ? r.projectsEvaluated / r.projects : 1)
    return {
      value: v,
      explain: {
        zh: `伤害监测与项目评估的完整度 ${pct(v)}`,
        en: `injury register and project evaluations ${pct(v)} complete`,
      },
    }
  },
  'CNT-7': (ctx) => {
    const p = ctx.period
    const acts = activitiesInPeriod(ctx)
    if (!p || !acts.length) return NEEDS.activities()
    const sec = sectorsById(ctx)
    const drills = acts.filter((a) => a.kind === 'drill')
    const multi = drills.filter((a) => new Set(present(a).map((id) => sec.get(id))).size >= 2)
    const days = (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000 + 1
    const v = multi.length / (days / 365)
    return {
      value: v,
      measures: { drills: drills.length, multiActorDrills: multi.length, days },
      actors: [
        ...new Set(
          (ctx.inputs.records?.responsibilities ?? [])
            .filter((r) => r.domain === 'FIRE' || r.domain === 'DISASTER_ENV')
            .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
            .map((r) => r.actorId)
            .filter((id) => !individual(ctx.inputs.records?.actors.find((a) => a.id === id)?.type ?? null)),
        ),
      ].map(ctx.ref),
      details: { drills: multi.map((a) => a.title) },
      explain: {
        zh: `${days} 天内演练 ${drills.length} 次，其中多主体 ${multi.length} 次（每年 ${v.toFixed(2)} 次）`,
        en: `${drills.length} drill(s) in ${days} days, ${multi.length} with several sectors (${v.toFixed(2)} a year)`,
      },
    }
  },
}

// ---------------------------------------------------------------------------------------------
// Checks

function inBand(x: number, band: Band): boolean {
  const b = band as { below?: number; above?: number; belowPercentile?: number; abovePercentile?: number }
  if (b.below !== undefined && x < b.below) return true
  if (b.above !== undefined && x > b.above) return true
  if (b.belowPercentile !== undefined && x < b.belowPercentile) return true
  if (b.abovePercentile !== undefined && x > b.abovePercentile) return true
  return false
}

/** Percentile rank (0–100) of x among values: share below plus half the ties. */
export function percentileRank(x: number, values: readonly number[]): number {
  let below = 0
  let equal = 0
  for (const v of values) {
    if (v < x) below++
    else if (v === x) equal++
  }
  return ((below + equal / 2) / values.length) * 100
}

function runChecks(rule: Rule, c: Computed, ctx: Context): CheckResult[] {
  const out: CheckResult[] = []
  for (const check of rule.checks) {
    const measure = check.measure ?? 'value'
    const base = measure === 'value' ? c.value : (c.measures?.[measure] ?? null)
    const res: CheckResult = {
      basis: check.basis,
      measure,
      band: check.band,
      bandText: bandText(check.band),
      value: null,
      flagged: false,
    }
    if (check.basis === 'previous') {
      const prev = ctx.inputs.previous?.[rule.id]
      if (prev === undefined || base === null || prev === 0) continue
      res.reference = prev
      res.value = (base - prev) / Math.abs(prev)
    } else if (check.basis === 'peer') {
      const peers = ctx.inputs.peers?.[rule.id]
      if (!peers?.length || base === null) continue
      res.reference = peers
      res.value = percentileRank(base, peers)
    } else {
      if (base === null || !Number.isFinite(base)) continue
      res.value = base
    }
    res.flagged = inBand(res.value, check.band)
    out.push(res)
  }
  return out
}

const NEEDS_BASIS: Record<Basis, Term> = {
  absolute: { zh: '指标值', en: 'the indicator' },
  designed: { zh: '责任分工（设计网络）', en: 'responsibilities (the designed network)' },
  previous: { zh: '上期数值（previous）', en: 'the previous period’s value (previous)' },
  peer: { zh: '同级社区数值（peers）', en: 'the peer communities’ values (peers)' },
}

/** How a check's basis reads in an explanation. */
const BASIS_NAME: Record<Basis, Term> = {
  absolute: { zh: '绝对阈值', en: 'absolute' },
  designed: { zh: '对照设计网络', en: 'against the designed network' },
  previous: { zh: '对比上期', en: 'against the previous period' },
  peer: { zh: '同级社区百分位', en: 'percentile among peer communities' },
}

/** Actors and ties listed in a finding's evidence at most. */
export const EVIDENCE_LIMIT = 50

function evaluateRule(rule: Rule, ctx: Context): Finding {
  const base = {
    rule: rule.id,
    dimension: rule.dimension,
    severity: rule.severity,
    veto: rule.veto ?? false,
    indicator: rule.indicator,
    recommendations: [] as Recommendation[],
  }
  const indicator = INDICATORS[rule.id]
  const emptyEvidence = (): Evidence => ({ values: {}, actors: [], ties: [], checks: [], source: rule.source })
  if (!indicator) {
    const t = needs(
      `规则 ${rule.id} 的计算方法（本版本未实现）`,
      `an indicator for rule ${rule.id} (not implemented here)`,
    ).needs
    return { ...base, status: 'insufficient-data', value: null, evidence: emptyEvidence(), explanation: t, needs: t }
  }
  const r = indicator(ctx, rule)
  if ('needs' in r)
    return {
      ...base,
      status: 'insufficient-data',
      value: null,
      evidence: emptyEvidence(),
      explanation: r.needs,
      needs: r.needs,
    }
  const checks = r.notApplicable ? [] : runChecks(rule, r, ctx)
  if (!r.notApplicable && !checks.length) {
    const missing = [...new Set(rule.checks.map((c) => c.basis))].map((b) => NEEDS_BASIS[b])
    const t = needs(missing.map((m) => m.zh).join('或'), missing.map((m) => m.en).join(' or ')).needs
    return { ...base, status: 'insufficient-data', value: r.value, evidence: emptyEvidence(), explanation: t, needs: t }
  }
  const flagged =
    rule.combine === 'all'
      ? checks.length === rule.checks.length && checks.every((c) => c.flagged)
      : checks.some((c) => c.flagged)
  const status: FindingStatus = flagged ? 'fired' : 'clear'
  const shown = checks.filter((c) => c.flagged)[0] ?? checks[0]
  const verdict: Term = flagged
    ? {
        zh: `${rule.finding.zh}（阈值 ${shown!.bandText}，${BASIS_NAME[shown!.basis].zh}）`,
        en: `${rule.finding.en} (threshold ${shown!.bandText}, ${BASIS_NAME[shown!.basis].en})`,
      }
    : r.notApplicable
      ? { zh: '该规则不适用于当前治理模式', en: 'the rule does not apply to this governance mode' }
      : { zh: '在阈值范围内', en: 'within the threshold' }
  return {
    ...base,
    status,
    value: r.value,
    evidence: {
      values: { value: r.value, ...r.measures },
      // the most relevant first (each indicator orders them); the totals stay in the details
      actors: (r.actors ?? []).slice(0, EVIDENCE_LIMIT),
      ties: (r.ties ?? []).slice(0, EVIDENCE_LIMIT),
      checks,
      source: rule.source,
      ...(r.details || (r.ties?.length ?? 0) > EVIDENCE_LIMIT || (r.actors?.length ?? 0) > EVIDENCE_LIMIT
        ? { details: { ...r.details, actorsTotal: r.actors?.length ?? 0, tiesTotal: r.ties?.length ?? 0 } }
        : {}),
    },
    explanation: { zh: `${r.explain.zh}：${verdict.zh}`, en: `${r.explain.en}: ${verdict.en}` },
    needs: null,
  }
}

/**
 * Evaluates every rule of the rulebook on whatever inputs exist: one finding per rule, in the
 * rulebook's order, fired ones with recommendations checked by what-if.
 *
 * @example
 * diagnose({ records, survey: { attitudes } }).findings.filter((f) => f.status === 'fired')
 */
export function diagnose(inputs: DiagnosisInputs, rulebook: Rulebook = RULEBOOK): Diagnosis {
  const ctx = buildContext(inputs)
  const findings = rulebook.map((rule) => {
    const f = evaluateRule(rule, ctx)
    if (f.status === 'fired') f.recommendations = recommend(f, rule, ctx)
    return f
  })
  return { findings }
}
