// Recommendations for fired findings: 对策建议 — named actors and ties, each checked with the engine's what-if.
//
// A structural recommendation proposes ties to add to the collaboration network (e.g. STR-3: link
// two partners of the broker that only it connects, those the duty lists put together first). The
// what-if reports what the change would do to degree centralization, density, the E-I index of the
// sector groups and the broker's share of betweenness, computed by sna's whatIfReport on the same
// network the rules read. Other recommendations fill the rule's action template with the actors of
// the evidence and carry no what-if.

import { whatIfReport, type Graph } from '@cosafe/sna'
import { SAFETY_DOMAINS, type Term } from '../vocabulary.js'
import type { ActorRef, Context } from './context.js'
import { brokerOf, type Finding, type TieRef } from './evaluate.js'
import { fillTemplate, type Family, type Rule } from './rulebook.js'

export interface MeasureChange {
  before: number | null
  after: number | null
  change: number | null
}

export interface WhatIfPrediction {
  /** Ties added to the collaboration network (actor ids). */
  add: [string, string][]
  degreeCentralization: MeasureChange
  density: MeasureChange
  /** E-I index of the sector groups over the whole network. */
  eiIndex: MeasureChange
  /** The broker (largest betweenness before the change) and its share of all betweenness. */
  broker: ActorRef
  brokerShare: MeasureChange
}

export interface Recommendation {
  rule: string
  families: Family[]
  text: Term
  actors: ActorRef[]
  /** Proposed ties (new collaboration) with the safety domain when the duty lists name one. */
  ties: TieRef[]
  whatIf: WhatIfPrediction | null
}

const domainName = (d: string | undefined): Term =>
  d
    ? (SAFETY_DOMAINS[d as keyof typeof SAFETY_DOMAINS] ?? { zh: d, en: d })
    : { zh: '社区安全工作', en: 'community safety work' }

/**
 * The predicted effect of adding ties to the collaboration network, by sna's whatIfReport.
 *
 * @example
 * predict(g, [['c-property', 'c-fire-station']]).brokerShare.change // < 0: the broker is relieved
 */
export function predict(
  g: Graph,
  add: [string, string][],
  ref: (id: string) => ActorRef = (id) => ({
    id,
    name: g.nodes.label(g.nodes.get(id)),
    nameEn: g.nodes.label(g.nodes.get(id)),
  }),
): WhatIfPrediction {
  const r = whatIfReport(g, { add, attribute: 'sector' })
  const get = (key: string): MeasureChange => {
    const m = r.measures.find((x) => x.key === key)
    return { before: m?.before ?? null, after: m?.after ?? null, change: m?.change ?? null }
  }
  let broker = g.nodes.ids[0]!
  for (const [id, s] of Object.entries(r.betweennessShare))
    if ((s.before ?? -1) > (r.betweennessShare[broker]!.before ?? -1)) broker = id
  const s = r.betweennessShare[broker]!
  return {
    add,
    degreeCentralization: get('degreeCentralization'),
    density: get('density'),
    eiIndex: get('eiIndex'),
    broker: ref(broker),
    brokerShare: {
      before: s.before,
      after: s.after,
      change: s.before !== null && s.after !== null ? s.after - s.before : null,
    },
  }
}

function text(
  rule: Rule,
  ctx: Context,
  ids: { actor?: string; a?: string; b?: string },
  extra: { domain?: string; count?: number },
  f: Finding,
): Term {
  const d = domainName(extra.domain)
  const value = f.value === null ? '' : Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2)
  const threshold = rule.checks[0] ? Object.values(rule.checks[0].band).join('/') : ''
  const common = { value, threshold, count: extra.count ?? (f.evidence.ties.length || f.evidence.actors.length) }
  // actors are given by id and named in each language
  const names = (name: (id: string) => string) => ({
    actor: ids.actor ? name(ids.actor) : '',
    a: ids.a ? name(ids.a) : '',
    b: ids.b ? name(ids.b) : '',
    activity: ids.actor ? name(ids.actor) : '',
  })
  return {
    zh: fillTemplate(rule.actions.zh, { ...common, ...names(ctx.name), domain: d.zh }),
    en: fillTemplate(rule.actions.en, { ...common, ...names(ctx.nameEn), domain: d.en }),
  }
}

/** Ties not yet in the graph, at most k, without repeating a pair. */
function newTies(g: Graph, ties: readonly TieRef[], k: number): TieRef[] {
  const out: TieRef[] = []
  const seen = new Set<string>()
  for (const t of ties) {
    const u = g.nodes.find(t.source)
    const v = g.nodes.find(t.target)
    const key = [t.source, t.target].sort().join('|')
    if (u === undefined || v === undefined || u === v || g.hasTie(u, v) || seen.has(key)) continue
    seen.add(key)
    out.push(t)
    if (out.length === k) break
  }
  return out
}

const ref = (ctx: Context, a: string, b: string, domain?: string): TieRef => ({
  source: a,
  target: b,
  sourceName: ctx.name(a),
  targetName: ctx.name(b),
  ...(domain ? { domain } : {}),
})

/** Proposed ties for a structural rule, or null when the rule is not about the network's shape. */
function proposals(f: Finding, ctx: Context): { actor?: ActorRef; ties: TieRef[] }[] | null {
  const g = ctx.collab
  if (!g) return null
  const ids = g.nodes.ids
  const deg = (id: string): number => {
    const i = g.nodes.get(id)
    return g.outDegree(i)
  }
  const byDegree = (xs: string[]): string[] => [...xs].sort((a, b) => deg(b) - deg(a) || a.localeCompare(b))
  // new ties to the broker would deepen the bottleneck the structure rules warn about
  const broker = ids[brokerOf(g).broker]!
  switch (f.rule) {
    case 'STR-1':
    case 'STR-3':
    case 'STR-4':
      return newTies(g, f.evidence.ties, 3).map((t) => ({ actor: f.evidence.actors[0], ties: [t] }))
    case 'STR-2': {
      const top = f.evidence.actors[0]?.id
      if (!top) return null
      const second = byDegree(ids.filter((id) => id !== top))[0]
      if (!second) return null
      const t = g.nodes.get(top)
      const partnersOfTop = ids.filter((id) => id !== second && g.hasTie(t, g.nodes.get(id)))
      const ties = newTies(
        g,
        byDegree(partnersOfTop).map((id) => ref(ctx, second, id)),
        3,
      )
      return ties.length ? [{ actor: ctx.ref(top), ties }] : null
    }
    case 'STR-5': {
      const out: { actor?: ActorRef; ties: TieRef[] }[] = []
      const gov = f.evidence.actors.length
        ? f.evidence.actors.map((a) => a.id)
        : ids.filter((_, i) => ctx.sector[i] === 'G')
      for (const a of gov.slice(0, 3)) {
        const others = ids.filter(
          (id, i) => ctx.sector[i] !== 'G' && ctx.sector[i] !== null && id !== a && id !== broker,
        )
        const shared = others.filter((o) => domainsOf(ctx, a, o).length)
        const pick = byDegree(shared.length ? shared : others)[0]
        if (pick) {
          const t = newTies(g, [ref(ctx, a, pick, domainsOf(ctx, a, pick)[0])], 1)
          if (t.length) out.push({ actor: ctx.ref(a), ties: t })
        }
      }
      return out
    }
    case 'STR-6': {
      const cand = f.evidence.actors[0]?.id
      const core = (f.evidence.details?.core as string[] | undefined) ?? []
      if (!cand) return null
      const ties = newTies(
        g,
        byDegree(core).map((c) => ref(ctx, cand, c, domainsOf(ctx, cand, c)[0])),
        3,
      )
      return ties.length ? [{ actor: ctx.ref(cand), ties }] : null
    }
    case 'STR-7': {
      const silos = (f.evidence.details?.subgroups as { members: string[]; sector: string }[] | undefined) ?? []
      const out: { actor?: ActorRef; ties: TieRef[] }[] = []
      for (const s of silos.slice(0, 3)) {
        const member = byDegree(s.members)[s.members.length - 1]!
        const other = byDegree(
          ids.filter((id, i) => ctx.sector[i] !== s.sector && !s.members.includes(id) && id !== broker),
        )
        const ties = newTies(
          g,
          other.map((o) => ref(ctx, member, o)),
          1,
        )
        if (ties.length) out.push({ actor: ctx.ref(member), ties })
      }
      return out
    }
    default:
      return null
  }
}

function domainsOf(ctx: Context, a: string, b: string): string[] {
  const by = new Map<string, Set<string>>()
  for (const r of ctx.inputs.records?.responsibilities ?? []) {
    let s = by.get(r.domain)
    if (!s) by.set(r.domain, (s = new Set()))
    s.add(r.actorId)
  }
  return [...by].filter(([, s]) => s.has(a) && s.has(b)).map(([d]) => d)
}

/**
 * Recommendations for a fired finding: named actors and ties, structural ones with their
 * predicted effect.
 */
export function recommend(f: Finding, rule: Rule, ctx: Context): Recommendation[] {
  const props = proposals(f, ctx)
  if (props && props.length && ctx.collab) {
    const g = ctx.collab
    return props.map((p) => {
      const t = p.ties[0]!
      return {
        rule: f.rule,
        families: rule.families,
        text: text(rule, ctx, { actor: p.actor?.id ?? t.source, a: t.source, b: t.target }, { domain: t.domain }, f),
        actors: [
          ...(p.actor ? [p.actor] : []),
          ...p.ties.flatMap((x) => [ctx.ref(x.source), ctx.ref(x.target)]),
        ].filter((a, k, xs) => xs.findIndex((y) => y.id === a.id) === k),
        ties: p.ties,
        whatIf: predict(
          g,
          p.ties.map((x) => [x.source, x.target]),
          ctx.ref,
        ),
      }
    })
  }
  const actor = f.evidence.actors[0]
  const second = f.evidence.actors[1]
  // a tie of the named actor when there is one, so that the template speaks of one relationship:
  // one it sends (CON-3: who commands whom), or for CON-4 one it receives and should answer
  const ties = f.evidence.ties
  const sent = actor && ties.find((t) => t.source === actor.id)
  const received = actor && ties.find((t) => t.target === actor.id)
  const tie = (f.rule === 'CON-4' ? (received ?? sent) : (sent ?? received)) ?? ties[0]
  const late = f.evidence.details?.lateByOwner as Record<string, number> | undefined
  return [
    {
      rule: f.rule,
      families: rule.families,
      text: text(
        rule,
        ctx,
        { actor: actor?.id ?? tie?.source, a: tie?.source ?? actor?.id, b: tie?.target ?? second?.id },
        {
          domain: tie?.domain ?? (f.evidence.details?.topDomain as string | undefined),
          ...(late && actor ? { count: late[actor.id] ?? 0 } : {}),
        },
        f,
      ),
      actors: [actor, second].filter((a): a is ActorRef => a !== undefined),
      ties: tie ? [tie] : [],
      whatIf: null,
    },
  ]
}
