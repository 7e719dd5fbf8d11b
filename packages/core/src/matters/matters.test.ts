// Matters' life-cycles driven by an injected clock: states, time stamps, deadlines, KPIs, ties and MEC inputs.

import { describe, expect, it } from 'vitest'
import { buildNetwork } from '../network.js'
import { diagnose } from '../diagnosis/evaluate.js'
import type { Actor } from '../records.js'
import { demoCommunity } from '../demo.js'
import {
  demoMatters,
  deadlineConfig,
  deadlineStatus,
  dueEscalations,
  DEFAULT_DEADLINES,
  foldMatter,
  localDay,
  matterKpis,
  MatterInput,
  MatterStep,
  MatterStepError,
  mattersForDiagnosis,
  matterTies,
  matterTiesAsRecords,
  receiveMatter,
  takeStep,
  type Matter,
  type MatterEvent,
  type MatterNotice,
} from './index.js'

/** A clock that starts at a moment and moves only when told. */
function clock(start = '2026-03-02T01:00:00.000Z') {
  let t = Date.parse(start)
  return {
    now: () => new Date(t).toISOString(),
    advance: (hours: number) => {
      t += hours * 3_600_000
    },
  }
}

const report = (over: Partial<MatterInput> = {}): MatterInput =>
  MatterInput.parse({
    source: 'resident',
    category: 'fire_passage',
    description: '3号楼东侧消防通道被电动车堵住',
    location: { gridId: 'g1', address: '和平里 3 号楼东侧' },
    reporter: { name: '王女士', phone: '13800000000' },
    ...over,
  })

/** A matter being driven step by step, keeping its events and notices. */
class Run {
  matter: Matter
  events: MatterEvent[]
  notices: MatterNotice[] = []
  constructor(
    readonly c: ReturnType<typeof clock>,
    input: MatterInput,
    id = 'm1',
  ) {
    const r = receiveMatter(id, 'c1', input, { at: c.now(), accountId: 'acc-staff', actorId: null })
    this.matter = r.matter
    this.events = r.events
  }
  step(step: unknown, actorId: string | null, accountId: string | null = 'acc-x'): Matter {
    const parsed = (step as { kind: string }).kind === 'escalation' ? (step as never) : MatterStep.parse(step)
    const r = takeStep(this.matter, parsed, { at: this.c.now(), accountId, actorId })
    this.matter = r.matter
    this.events.push(...r.events)
    this.notices.push(...r.notices)
    return r.matter
  }
}

describe('a normal life-cycle', () => {
  it('goes received → dispatched → accepted → in_progress → done → verified → closed, every step stamped', () => {
    const c = clock()
    const r = new Run(c, report())
    expect(r.matter.state).toBe('received')
    expect(r.matter.domain).toBe('FIRE')
    expect(r.matter.urgency).toBe('urgent')
    expect(r.matter.dueAt).toBe('2026-03-03T01:00:00.000Z') // 24 h
    c.advance(0.5)
    r.step({ kind: 'dispatch', leadId: 'pc', coHandlerIds: ['fs'] }, 'rc', 'acc-staff')
    expect(r.matter.state).toBe('dispatched')
    expect(r.notices.map((n) => [n.actorId, n.kind])).toEqual([
      ['pc', 'assigned'],
      ['fs', 'assigned'],
    ])
    c.advance(1)
    r.step({ kind: 'accept' }, 'pc', 'acc-rep')
    r.step({ kind: 'accept' }, 'fs')
    c.advance(2)
    r.step({ kind: 'start' }, 'pc')
    expect(r.matter.state).toBe('in_progress')
    c.advance(3)
    r.step({ kind: 'done', resolved: true }, 'fs')
    expect(r.matter.state).toBe('in_progress') // a co-handler's done is its own
    r.step({ kind: 'done', resolved: true, note: '已清理' }, 'pc')
    expect(r.matter.state).toBe('done')
    expect(r.matter.doneAt).toBe('2026-03-02T07:30:00.000Z')
    c.advance(1)
    r.step({ kind: 'verify', passed: true }, 'rc')
    r.step({ kind: 'close' }, 'rc')
    c.advance(24)
    r.step({ kind: 'revisit', rating: 5 }, 'rc')
    const m = r.matter
    expect(m.state).toBe('closed')
    expect(m.stages).toEqual(['received', 'dispatched', 'accepted', 'in_progress', 'done', 'verified', 'closed'])
    expect(m.handoffs).toBe(1)
    expect(m.rating).toBe(5)
    expect(m.resolverId).toBe('pc')
    // every event numbered, stamped with time, account and actor; times never go back
    expect(r.events.map((e) => e.seq)).toEqual(r.events.map((_, i) => i + 1))
    const steps = r.events.filter((e) => e.kind !== 'feedback')
    expect(steps.map((e) => [e.kind, e.at, e.actorId])).toEqual([
      ['receive', '2026-03-02T01:00:00.000Z', null],
      ['dispatch', '2026-03-02T01:30:00.000Z', 'rc'],
      ['accept', '2026-03-02T02:30:00.000Z', 'pc'],
      ['accept', '2026-03-02T02:30:00.000Z', 'fs'],
      ['start', '2026-03-02T04:30:00.000Z', 'pc'],
      ['done', '2026-03-02T07:30:00.000Z', 'fs'],
      ['done', '2026-03-02T07:30:00.000Z', 'pc'],
      ['verify', '2026-03-02T08:30:00.000Z', 'rc'],
      ['close', '2026-03-02T08:30:00.000Z', 'rc'],
      ['revisit', '2026-03-03T08:30:00.000Z', 'rc'],
    ])
    expect(r.events.find((e) => e.kind === 'accept')!.accountId).toBe('acc-rep')
    // the reporter heard at dispatch, acceptance, done and closing
    const told = r.events.filter((e) => e.kind === 'feedback')
    expect(told).toHaveLength(4)
    expect(told.every((e) => e.kind === 'feedback' && e.channel === 'auto')).toBe(true)
    expect(m.feedbacks).toBe(4)
    // the fold of the events is the matter
    expect(foldMatter('m1', 'c1', r.events)).toEqual(m)
    expect(deadlineStatus(m, c.now(), DEFAULT_DEADLINES)).toMatchObject({ overdue: false, withinLimit: true })
    // ties: dispatch is command, co-handling joint action
    expect(matterTies('m1', r.events).map((t) => [t.relation, t.sourceId, t.targetId, t.date])).toEqual([
      ['COMMAND', 'rc', 'pc', '2026-03-02'],
      ['COMMAND', 'rc', 'fs', '2026-03-02'],
      ['JOINT_ACTION', 'pc', 'fs', '2026-03-02'],
    ])
  })

  it('refuses steps out of order, by non-handlers, or back in time, with reasons in both languages', () => {
    const c = clock()
    const r = new Run(c, report())
    const refused = (step: unknown, actorId: string | null, at = c.now()) => {
      try {
        takeStep(r.matter, MatterStep.parse(step), { at, accountId: null, actorId })
      } catch (e) {
        expect(e).toBeInstanceOf(MatterStepError)
        return (e as MatterStepError).reason
      }
      throw new Error('not refused')
    }
    expect(refused({ kind: 'accept' }, 'pc').en).toBe('pc is not a current handler of this matter')
    expect(refused({ kind: 'close' }, 'rc')).toEqual({
      zh: '事项处于“已受理”状态，不能closed（应为：已核查）',
      en: 'a matter that is received cannot be closed (expected verified)',
    })
    r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc')
    expect(refused({ kind: 'done', resolved: true }, 'pc').en).toBe('accept the matter before reporting it done')
    expect(refused({ kind: 'accept' }, 'pc', '2026-03-01T00:00:00.000Z').en).toMatch(/before the previous step/)
    expect(refused({ kind: 'dispatch', leadId: 'fs', coHandlerIds: ['fs'] }, 'rc').en).toMatch(/cannot be dispatched/)
  })
})

describe('returned and re-dispatched', () => {
  it('records the reason, goes through arbitration, counts the hand-off and commands the new lead', () => {
    const c = clock()
    const r = new Run(c, report({ category: 'gas_equipment' }))
    r.step({ kind: 'dispatch', leadId: 'pc', coHandlerIds: ['vt'] }, 'rc')
    c.advance(1)
    r.step({ kind: 'accept' }, 'vt')
    r.step({ kind: 'return', reason: '燃气管道不归物业管理' }, 'pc')
    expect(r.matter.state).toBe('returned')
    const pc = r.matter.handlers.find((h) => h.actorId === 'pc')!
    expect(pc).toMatchObject({ status: 'returned', returnReason: '燃气管道不归物业管理', returnedAt: c.now() })
    expect(r.matter.handlers.find((h) => h.actorId === 'vt')!.status).toBe('released')
    expect(r.notices.filter((n) => n.kind === 'returned').map((n) => n.actorId)).toEqual(['rc', 'vt'])
    c.advance(2)
    r.step({ kind: 'arbitrate', note: '街道裁定由燃气公司牵头' }, 'so')
    expect(r.matter.state).toBe('arbitration')
    r.step({ kind: 'dispatch', leadId: 'gas', coHandlerIds: ['pc'] }, 'so')
    expect(r.matter.state).toBe('dispatched')
    expect(r.matter.handoffs).toBe(2)
    expect(r.matter.dispatcherId).toBe('so')
    c.advance(1)
    r.step({ kind: 'accept' }, 'gas')
    r.step({ kind: 'accept' }, 'pc')
    r.step({ kind: 'done', resolved: true }, 'gas')
    expect(r.matter.resolverId).toBe('gas')
    const ties = matterTies('m1', r.events).map((t) => `${t.relation} ${t.sourceId}→${t.targetId}`)
    expect(ties).toEqual([
      'COMMAND rc→pc',
      'COMMAND rc→vt',
      'JOINT_ACTION pc→vt',
      'COMMAND so→gas',
      'COMMAND so→pc',
      'JOINT_ACTION gas→pc',
    ])
    // a co-handler's own return leaves the matter with its lead
    const c2 = clock()
    const r2 = new Run(c2, report())
    r2.step({ kind: 'dispatch', leadId: 'pc', coHandlerIds: ['fs'] }, 'rc')
    r2.step({ kind: 'return', reason: '不属于消防站职责' }, 'fs')
    expect(r2.matter.state).toBe('dispatched')
    expect(r2.notices.filter((n) => n.kind === 'returned').map((n) => n.actorId)).toEqual(['pc', 'rc'])
  })
})

describe('escalated with a whistle', () => {
  it('summons departments, records their arrival, and ties whistler and departments', () => {
    const c = clock()
    const r = new Run(c, report({ category: 'falling_object', urgency: 'emergency' }))
    r.step({ kind: 'dispatch', leadId: 'rc2' }, 'rc')
    r.step({ kind: 'accept' }, 'rc2')
    c.advance(0.25)
    r.step({ kind: 'whistle', whistleType: 'emergency', departmentIds: ['housing', 'enf'] }, 'so')
    expect(r.notices.filter((n) => n.kind === 'summoned').map((n) => n.actorId)).toEqual(['housing', 'enf'])
    c.advance(1.5)
    r.step({ kind: 'arrive' }, 'housing')
    c.advance(3)
    r.step({ kind: 'arrive' }, 'enf')
    const w = r.matter.whistles[0]!
    expect(w).toMatchObject({ type: 'emergency', whistlerId: 'so', at: '2026-03-02T01:15:00.000Z' })
    expect(w.departments).toEqual([
      { actorId: 'housing', arrivedAt: '2026-03-02T02:45:00.000Z' },
      { actorId: 'enf', arrivedAt: '2026-03-02T05:45:00.000Z' },
    ])
    // arriving departments join as co-handlers
    expect(r.matter.handlers.filter((h) => h.role === 'co').map((h) => h.actorId)).toEqual(['housing', 'enf'])
    expect(() => r.step({ kind: 'arrive' }, 'police')).toThrow(/was not summoned/)
    const ties = matterTies('m1', r.events).map((t) => `${t.relation} ${t.sourceId}→${t.targetId}`)
    expect(ties).toEqual([
      'COMMAND rc→rc2',
      'SUPERVISE so→housing',
      'SUPERVISE so→enf',
      'JOINT_ACTION rc2→housing',
      'JOINT_ACTION rc2→enf',
    ])
    const mec = mattersForDiagnosis([{ matter: r.matter }], { now: c.now() })
    expect(mec.whistles).toEqual([{ id: 'm1:6', emergency: true, hoursToArrival: 1.5, departmentId: 'enf' }])
  })
})

describe('overdue', () => {
  it('warns, flags overdue and escalates at the rules’ fractions of the limit, each once', () => {
    const c = clock()
    const r = new Run(c, report({ category: 'damaged_facility' })) // normal: 7 days
    const cfg = DEFAULT_DEADLINES
    r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc')
    expect(r.matter.dueAt).toBe('2026-03-09T01:00:00.000Z')
    c.advance(24 * 5)
    expect(dueEscalations(r.matter, c.now(), cfg)).toEqual([])
    c.advance(24 * 0.5 + 1) // 5.5 days + 1 h > 75 %
    expect(dueEscalations(r.matter, c.now(), cfg).map((x) => x.level)).toEqual(['warn'])
    r.step({ kind: 'escalation', level: 'warn' }, null, null)
    expect(dueEscalations(r.matter, c.now(), cfg)).toEqual([])
    c.advance(48)
    const st = deadlineStatus(r.matter, c.now(), cfg)
    expect(st.overdue).toBe(true)
    expect(st.hoursLeft).toBeCloseTo(-13, 6)
    expect(dueEscalations(r.matter, c.now(), cfg).map((x) => x.level)).toEqual(['overdue'])
    c.advance(24 * 3)
    expect(dueEscalations(r.matter, c.now(), cfg).map((x) => x.level)).toEqual(['overdue', 'escalate'])
    r.step({ kind: 'escalation', level: 'overdue' }, null, null)
    r.step({ kind: 'escalation', level: 'escalate' }, null, null)
    expect(r.matter.escalations).toEqual(['warn', 'overdue', 'escalate'])
    r.step({ kind: 'accept' }, 'pc')
    r.step({ kind: 'done', resolved: true }, 'pc')
    expect(deadlineStatus(r.matter, c.now(), cfg)).toMatchObject({ stopped: true, overdue: true, withinLimit: false })
    expect(dueEscalations(r.matter, c.now(), cfg)).toEqual([])
  })

  it('takes limits per category and urgency from the configuration', () => {
    const cfg = deadlineConfig({ hours: { urgent: 12 }, byCategory: { fire_passage: { urgent: 4 } } })
    const c = clock()
    const a = receiveMatter('a', 'c1', report(), { at: c.now(), accountId: null, actorId: null }, cfg).matter
    const b = receiveMatter(
      'b',
      'c1',
      report({ category: 'theft' }),
      { at: c.now(), accountId: null, actorId: null },
      cfg,
    ).matter
    expect(a.dueAt).toBe('2026-03-02T05:00:00.000Z')
    expect(b.dueAt).toBe('2026-03-02T13:00:00.000Z')
    expect(() => deadlineConfig({ hours: { normal: 0 } })).toThrow(/deadline normal: expected a positive number/)
  })
})

describe('reopened', () => {
  it('starts a new deadline, counts the reopening and asks for a new dispatch', () => {
    const c = clock()
    const r = new Run(c, report())
    r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc')
    r.step({ kind: 'accept' }, 'pc')
    r.step({ kind: 'done', resolved: true }, 'pc')
    r.step({ kind: 'verify', passed: true }, 'rc')
    r.step({ kind: 'close' }, 'rc')
    c.advance(24 * 10)
    r.step({ kind: 'reopen', reason: '通道再次被堵' }, 'rc')
    expect(r.matter).toMatchObject({ state: 'received', reopens: 1, everClosed: true, doneAt: null, closedAt: null })
    expect(r.matter.clockFrom).toBe(c.now())
    expect(r.matter.dueAt).toBe('2026-03-13T01:00:00.000Z')
    expect(r.notices.at(-1)).toMatchObject({ actorId: 'pc', kind: 'reopened' })
    r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc')
    expect(r.matter.handoffs).toBe(2)
    // verification that fails sends it back to the lead
    r.step({ kind: 'accept' }, 'pc')
    r.step({ kind: 'done', resolved: false }, 'pc')
    r.step({ kind: 'verify', passed: false, note: '仍有杂物' }, 'rc')
    expect(r.matter.state).toBe('in_progress')
    expect(r.notices.at(-1)).toMatchObject({ actorId: 'pc', kind: 'rejected' })
  })
})

/** A set of matters with known outcomes, received on 2026-03-02 (Beijing). */
function sample() {
  const c = clock()
  const out: { matter: Matter; events: MatterEvent[] }[] = []
  const make = (k: number, f: (r: Run) => void, over: Partial<MatterInput> = {}) => {
    const r = new Run(clock(c.now()), report(over), `m${k}`)
    f(r)
    out.push({ matter: r.matter, events: r.events })
  }
  const finish = (r: Run, lead: string, rating: number | null, resolved = true) => {
    r.step({ kind: 'dispatch', leadId: lead }, 'rc')
    r.c.advance(1)
    r.step({ kind: 'accept' }, lead)
    r.c.advance(2)
    r.step({ kind: 'done', resolved }, lead)
    r.step({ kind: 'verify', passed: true }, 'rc')
    r.step({ kind: 'close' }, 'rc')
    if (rating !== null) r.step({ kind: 'revisit', rating }, 'rc')
  }
  // six closed by pc: five resolved, ratings 5,5,4,2,5 (+ one unrated); one of them reopened and closed again
  make(1, (r) => finish(r, 'pc', 5))
  make(2, (r) => finish(r, 'pc', 5), { source: 'hotline12345', reporter: null })
  make(3, (r) => finish(r, 'pc', 4), { source: 'hotline12345', reporter: null })
  make(4, (r) => finish(r, 'pc', 2, false), { source: 'hotline12345', reporter: null })
  make(5, (r) => finish(r, 'pc', 5))
  make(6, (r) => {
    finish(r, 'pc', null)
    r.c.advance(5)
    r.step({ kind: 'reopen', reason: '复发' }, 'rc')
    finish(r, 'pc', null)
  })
  // one returned by pc and resolved by gas after re-dispatch, late (urgent: 24 h)
  make(7, (r) => {
    r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc')
    r.c.advance(30)
    r.step({ kind: 'return', reason: '不归我管' }, 'pc')
    r.step({ kind: 'dispatch', leadId: 'gas' }, 'rc')
    r.step({ kind: 'accept' }, 'gas')
    r.step({ kind: 'done', resolved: true }, 'gas')
  })
  // one grid case still open and overdue
  make(8, (r) => r.step({ kind: 'dispatch', leadId: 'pc' }, 'rc'), {
    source: 'grid',
    reporterActorId: 'gw',
    reporter: null,
  })
  c.advance(24 * 20)
  return { items: out, now: c.now() }
}

describe('KPIs', () => {
  it('computes every rate with its numerator and denominator, per community and actor, hiding small samples', () => {
    const { items, now } = sample()
    const k = matterKpis(
      items.map((x) => x.matter),
      { now, from: '2026-03-01', to: '2026-03-31' },
    )
    expect(k.matters).toBe(8)
    const v = (x: { numerator: number; denominator: number; value: number | null }) => [
      x.numerator,
      x.denominator,
      x.value,
    ]
    // dispatches: m1–m5 once, m6 twice, m7 twice, m8 once; accepted before the deadline: m1–m6 (gas took 30 h on m7)
    expect(v(k.community.response)).toEqual([7, 10, 0.7])
    expect(v(k.community.resolution)).toEqual([6, 7, 6 / 7])
    expect(v(k.community.satisfaction)).toEqual([4, 5, 0.8])
    expect(v(k.community.onTime)).toEqual([6, 8, 0.75])
    expect(v(k.community.reopen)).toEqual([1, 6, 1 / 6])
    expect(v(k.community.handoffs)).toEqual([9, 7, 1])
    expect(k.byActor.pc!.resolution).toMatchObject({ numerator: 5, denominator: 6, value: 5 / 6 })
    // gas resolved one matter: below the minimum sample, not shown
    expect(k.byActor.gas!.resolution).toEqual({ value: null, numerator: 1, denominator: 1, insufficient: true })
    expect(k.byActor.pc!.response).toMatchObject({ numerator: 7, denominator: 9 })
    // the period filters by the day of receipt
    expect(
      matterKpis(
        items.map((x) => x.matter),
        { now, from: '2026-04-01' },
      ).matters,
    ).toBe(0)
    expect(localDay('2026-03-01T17:00:00.000Z')).toBe('2026-03-02')
  })
})

describe('the diagnosis reads matters', () => {
  it('maps matters onto MEC-1…6, MEC-9 and MEC-10 inputs', () => {
    const { items, now } = sample()
    const mec = mattersForDiagnosis(items, {
      now,
      cityReference: { response: 0.95, resolution: 0.9, satisfaction: 0.9 },
    })
    expect(mec.cases).toHaveLength(8)
    expect(mec.cases!.find((x) => x.id === 'm8')).toEqual({
      id: 'm8',
      proactive: true,
      stages: 2,
      cell: 'g1',
      category: 'fire_passage',
      opened: '2026-03-02',
      handoffs: 1,
    })
    expect(mec.cases!.find((x) => x.id === 'm1')!.stages).toBe(7)
    expect(mec.orders).toEqual([
      { id: 'm2', responded: true, resolved: true, satisfied: true, withinLimit: true },
      { id: 'm3', responded: true, resolved: true, satisfied: true, withinLimit: true },
      { id: 'm4', responded: true, resolved: false, satisfied: false, withinLimit: true },
    ])
    // m2–m4 are 12345 orders without contact: the reporters of the other five heard automatically, and m2–m4 were rated
    expect(mec.reports!.every((x) => x.feedback)).toBe(true)
    const d = diagnose({ matters: mec })
    const status = (id: string) => d.findings.find((f) => f.rule === id)!
    for (const id of ['MEC-1', 'MEC-2', 'MEC-5', 'MEC-6', 'MEC-9', 'MEC-10'])
      expect(status(id).status, id).not.toBe('insufficient')
    expect(status('MEC-5').value).toBeCloseTo(6 / 8) // m7 never verified, m8 open
    expect(status('MEC-6').value).toBeCloseTo(7 / 8) // same grid cell and category, all within 90 days
    expect(status('MEC-10').value).toBe(1)
  })
})

describe('ties in the network', () => {
  it('count in buildNetwork as recorded ties: command and supervision when asked for, joint action by default', () => {
    const c = clock()
    const r = new Run(c, report())
    r.step({ kind: 'dispatch', leadId: 'pc', coHandlerIds: ['fs'] }, 'rc')
    r.step({ kind: 'accept' }, 'fs')
    r.step({ kind: 'whistle', whistleType: 'routine', departmentIds: ['ps'] }, 'so')
    const actor = (id: string, sector: Actor['sector']): Actor =>
      ({ id, communityId: 'c1', type: 'other', sector, name: id, territoryId: 'c1' }) as Actor
    const actors = [actor('rc', 'Q'), actor('pc', 'M'), actor('fs', 'G'), actor('so', 'G'), actor('ps', 'G')]
    const ties = matterTiesAsRecords('c1', matterTies('m1', r.events), new Set(actors.map((a) => a.id)))
    expect(ties.map((t) => t.id)).toEqual(['matter:m1:2:0', 'matter:m1:2:1', 'matter:m1:4:2', 'matter:m1:5:3'])
    const net = buildNetwork({ actors, activities: [], ties }, { relations: ['COMMAND', 'JOINT_ACTION', 'SUPERVISE'] })
    expect(net.used.ties).toBe(4)
    const rel = (name: string) => net.network.relations[net.network.relationNames().indexOf(name)]!
    expect(rel('COMMAND').m).toBe(2)
    expect(rel('JOINT_ACTION').m).toBe(2) // undirected: both ways
    expect(rel('SUPERVISE').m).toBe(1)
    expect(buildNetwork({ actors, activities: [], ties }).used.ties).toBe(1) // collaboration only
  })
})

describe('the demo community’s matters', () => {
  it('are the same every time, fold from their events, and give the MEC rules and KPIs something to judge', () => {
    const demo = demoMatters()
    expect(demoMatters()).toEqual(demo)
    expect(demo).toHaveLength(72)
    for (const { matter, events } of demo) expect(foldMatter(matter.id, matter.communityId, events)).toEqual(matter)
    const states = new Set(demo.map((x) => x.matter.state))
    expect([...states].sort()).toEqual(['closed', 'in_progress'])
    expect(demo.some((x) => x.matter.reopens > 0)).toBe(true)
    expect(demo.some((x) => x.matter.handoffs > 1)).toBe(true)
    expect(demo.some((x) => x.matter.whistles.length > 0)).toBe(true)
    // every actor the matters name is an actor of the demo community
    const actors = new Set(demoCommunity().communities[0]!.actors.map((a) => a.id))
    for (const t of demo.flatMap((x) => matterTies(x.matter.id, x.events))) {
      expect(actors.has(t.sourceId), t.sourceId).toBe(true)
      expect(actors.has(t.targetId), t.targetId).toBe(true)
    }
    const now = '2026-07-01T00:00:00.000Z'
    const k = matterKpis(
      demo.map((x) => x.matter),
      { now },
    )
    for (const key of ['response', 'resolution', 'satisfaction', 'onTime', 'reopen', 'handoffs'] as const)
      expect(k.community[key].insufficient, key).toBe(false)
    const d = diagnose({
      matters: mattersForDiagnosis(demo, {
        now,
        cityReference: { response: 0.95, resolution: 0.9, satisfaction: 0.9 },
      }),
    })
    for (const id of ['MEC-1', 'MEC-2', 'MEC-4', 'MEC-5', 'MEC-6', 'MEC-9', 'MEC-10'])
      expect(d.findings.find((f) => f.rule === id)!.status, id).not.toBe('insufficient')
  })
})
