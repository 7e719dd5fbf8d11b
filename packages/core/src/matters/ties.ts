// What matters tell the network builders and the diagnosis: 事项形成的关系 and the MEC-* inputs.
//
// Ties: a dispatch is COMMAND from the dispatcher to the lead and each co-handler; co-handling
// is JOINT_ACTION between the lead and each co-handler who accepted (and each department that
// reported in after a whistle); a whistle is SUPERVISE from the whistler to each department
// summoned; a handler's feedback to a reporting actor is FEEDBACK. Each tie is dated by the
// local day of its event and carries the matter and event it came from.

import type { Tie } from '../records.js'
import type { RelationType } from '../vocabulary.js'
import type { Matters } from '../diagnosis/context.js'
import { deadlineStatus, DEFAULT_DEADLINES, type DeadlineConfig } from './deadlines.js'
import { localDay } from './kpis.js'
import { hasReporter, type Matter } from './lifecycle.js'
import type { MatterEvent } from './schema.js'

export interface MatterTie {
  relation: RelationType
  sourceId: string
  targetId: string
  /** Local calendar day of the event. */
  date: string
  matterId: string
  seq: number
}

/** The ties one matter's events produce, in event order. */
export function matterTies(matterId: string, events: readonly MatterEvent[], offsetMinutes = 480): MatterTie[] {
  const out: MatterTie[] = []
  const tie = (relation: RelationType, s: string | null | undefined, t: string | null | undefined, e: MatterEvent) => {
    if (s && t && s !== t)
      out.push({ relation, sourceId: s, targetId: t, date: localDay(e.at, offsetMinutes), matterId, seq: e.seq })
  }
  let lead: string | null = null
  let co: string[] = []
  const joined = new Set<string>()
  let reporterActorId: string | null = null
  const summoned = new Set<string>()
  for (const e of events) {
    switch (e.kind) {
      case 'receive':
        reporterActorId = e.input.reporterActorId ?? null
        break
      case 'dispatch':
        tie('COMMAND', e.actorId, e.leadId, e)
        for (const c of e.coHandlerIds) tie('COMMAND', e.actorId, c, e)
        lead = e.leadId
        co = [...e.coHandlerIds]
        joined.clear()
        break
      case 'accept':
        if (e.actorId && co.includes(e.actorId) && !joined.has(e.actorId)) {
          joined.add(e.actorId)
          tie('JOINT_ACTION', lead, e.actorId, e)
        }
        break
      case 'whistle':
        for (const d of e.departmentIds) {
          tie('SUPERVISE', e.actorId, d, e)
          summoned.add(d)
        }
        break
      case 'arrive':
        if (e.actorId && summoned.has(e.actorId) && lead && !joined.has(e.actorId) && e.actorId !== lead) {
          joined.add(e.actorId)
          tie('JOINT_ACTION', lead, e.actorId, e)
        }
        break
      case 'feedback':
        tie('FEEDBACK', e.actorId, reporterActorId, e)
        break
    }
  }
  return out
}

/**
 * Matter ties as recorded ties of the community (provenance `record`), so that buildNetwork and
 * everything built on it count them; ids `matter:<matter id>:<event>:<k>`. Ties to actors the
 * community no longer has are left out (buildNetwork refuses unknown nodes).
 */
export function matterTiesAsRecords(
  communityId: string,
  ties: readonly MatterTie[],
  knownActorIds?: ReadonlySet<string>,
): Tie[] {
  const out: Tie[] = []
  let k = 0
  for (const t of ties) {
    if (knownActorIds && (!knownActorIds.has(t.sourceId) || !knownActorIds.has(t.targetId))) continue
    out.push({
      id: `matter:${t.matterId}:${t.seq}:${k++}`,
      communityId,
      relation: t.relation,
      sourceId: t.sourceId,
      targetId: t.targetId,
      value: 1,
      date: t.date,
      from: null,
      to: null,
      provenance: 'record',
      note: null,
      createdAt: t.date,
      updatedAt: t.date,
    })
  }
  return out
}

export interface DiagnosisMatterOptions {
  /** Judge deadlines and open matters at this time (ISO). */
  now: string
  deadlines?: DeadlineConfig
  /** City reference rates for MEC-1 (0–1). */
  cityReference?: { response: number; resolution: number; satisfaction: number }
  offsetMinutes?: number
}

/**
 * The `matters` input of the diagnosis (MEC-1…6, MEC-9, MEC-10 and CON-1) from stored matters:
 * - cases: every matter — found proactively when a grid worker reported it; the loop's stages
 *   passed (received … closed, 7 in all); grid cell, category and local day of receipt (MEC-6
 *   looks for the same cell and category again within 90 days); hand-offs = dispatches.
 * - orders: matters from the 12345 hotline — responded (the lead accepted before the deadline),
 *   resolved, satisfied (rated 4–5; only once rated), within the limit (once done or overdue).
 * - whistles: one per whistle — emergency when its type is, or the matter's urgency is,
 *   emergency; hours to the first department's arrival (null while none has come); the slowest
 *   department (last to arrive, or one that never came).
 * - reports: every matter whose reporter can be told — feedback when any feedback step (automatic
 *   or by hand) or a return visit reached them.
 */
export function mattersForDiagnosis(
  matters: readonly { matter: Matter; events?: readonly MatterEvent[] }[],
  opts: DiagnosisMatterOptions,
): Matters {
  const cfg = opts.deadlines ?? DEFAULT_DEADLINES
  const off = opts.offsetMinutes ?? 480
  const cases: NonNullable<Matters['cases']>[number][] = []
  const orders: NonNullable<Matters['orders']>[number][] = []
  const whistles: NonNullable<Matters['whistles']>[number][] = []
  const reports: NonNullable<Matters['reports']>[number][] = []
  for (const { matter: m } of matters) {
    cases.push({
      id: m.id,
      proactive: m.source === 'grid',
      stages: m.stages.length,
      ...(m.location.gridId ? { cell: m.location.gridId } : {}),
      category: m.category,
      opened: localDay(m.receivedAt, off),
      handoffs: m.handoffs,
    })
    if (m.source === 'hotline12345') {
      const s = deadlineStatus(m, opts.now, cfg)
      const lead = m.handlers.filter((h) => h.role === 'lead')
      orders.push({
        id: m.id,
        responded: lead.some((h) => h.acceptedAt !== null && h.acceptedAt <= m.dueAt),
        resolved: m.resolved === true,
        ...(m.rating !== null ? { satisfied: m.rating >= 4 } : {}),
        ...(s.withinLimit !== null ? { withinLimit: s.withinLimit } : {}),
      })
    }
    for (const w of m.whistles) {
      const arrivals = w.departments.map((d) => (d.arrivedAt ? Date.parse(d.arrivedAt) : null))
      const came = arrivals.filter((x): x is number => x !== null)
      const first = came.length ? Math.min(...came) : null
      const missing = w.departments.find((d) => !d.arrivedAt)
      const slowest =
        missing ??
        w.departments.reduce((a, b) => (Date.parse(b.arrivedAt!) > Date.parse(a.arrivedAt!) ? b : a), w.departments[0]!)
      whistles.push({
        id: `${m.id}:${w.seq}`,
        emergency: w.type === 'emergency' || m.urgency === 'emergency',
        hoursToArrival: first === null ? null : (first - Date.parse(w.at)) / 3_600_000,
        departmentId: slowest.actorId,
      })
    }
    if (hasReporter(m) || m.feedbacks > 0 || m.rating !== null)
      reports.push({ id: m.id, feedback: m.feedbacks > 0 || m.rating !== null })
  }
  return {
    cases,
    ...(orders.length ? { orders } : {}),
    whistles,
    ...(reports.length ? { reports } : {}),
    ...(opts.cityReference ? { cityReference: opts.cityReference } : {}),
  }
}
