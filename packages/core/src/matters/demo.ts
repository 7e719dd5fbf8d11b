// The demo community's safety matters: 事项演示数据 — half a year of reports, 12345 orders and grid cases in
// the C community, deterministic, built through the life-cycle so that every event is real.
//
// Most matters run their course; some are returned and re-dispatched after arbitration by the
// street, some escalated by a whistle (one department slow to report in), some reopened, some
// done late, and a few still open and overdue, so that boards, KPIs, the MEC rules and the
// supervisor's view all have something to show.

import { DEMO_TERRITORY } from '../demo.js'
import { receiveMatter, takeStep, type Matter } from './lifecycle.js'
import { MatterInput, type MatterCategory, type MatterEvent, type MatterStep, type Urgency } from './schema.js'

/** Who leads and who co-handles each category in the C community. */
const ROUTES: Partial<Record<MatterCategory, { lead: string; co: string[] }>> = {
  fire_passage: { lead: 'c-property', co: ['c-fire-station'] },
  ebike_charging: { lead: 'c-property', co: ['c-fire-station'] },
  fire_equipment: { lead: 'c-property', co: [] },
  falling_object: { lead: 'c-property', co: [] },
  damaged_facility: { lead: 'c-property', co: [] },
  gas_equipment: { lead: 'c-property', co: ['c-fire-station'] },
  theft: { lead: 'c-police-station', co: ['c-volunteer-team'] },
  suspicious_activity: { lead: 'c-police-officer', co: ['c-volunteer-team'] },
  noise_disorder: { lead: 'c-mediation', co: [] },
  neighbour_dispute: { lead: 'c-mediation', co: ['c-police-officer'] },
  illegal_parking: { lead: 'c-enforcement', co: ['c-property'] },
  elderly_alone: { lead: 'c-social-elderly', co: ['c-health-station'] },
  fraud: { lead: 'c-police-officer', co: [] },
  waterlogging: { lead: 'c-property', co: ['c-enforcement'] },
}
const CATEGORIES = Object.keys(ROUTES) as MatterCategory[]

const DESCRIPTIONS: Partial<Record<MatterCategory, string>> = {
  fire_passage: '楼道和消防通道堆放杂物、停放电动车，影响通行',
  ebike_charging: '有住户从楼上拉电线给电动自行车充电',
  fire_equipment: '楼内灭火器过期，消火栓箱门损坏',
  falling_object: '高层阳台外挂花盆松动，有坠落危险',
  damaged_facility: '小区内路灯不亮，单元门禁损坏',
  gas_equipment: '老旧燃气管道锈蚀，住户担心漏气',
  theft: '车棚内电动车电瓶被盗',
  suspicious_activity: '夜间有陌生人在楼道内逐户敲门',
  noise_disorder: '夜间装修和广场舞噪音扰民',
  neighbour_dispute: '楼上漏水导致邻里纠纷',
  illegal_parking: '车辆长期占用消防车道停放',
  elderly_alone: '独居老人多日未出门，邻居联系不上',
  fraud: '老人接到冒充公检法的诈骗电话',
  waterlogging: '雨后地下车库入口积水',
}

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const HOUR = 3_600_000

/**
 * The C community's demo matters, oldest first, each with its events. Deterministic: the same
 * matters every time.
 */
export function demoMatters(count = 72): { matter: Matter; events: MatterEvent[] }[] {
  const community = DEMO_TERRITORY.c
  const r = rng(20260105)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const start = Date.parse('2026-01-05T01:00:00.000Z')
  const out: { matter: Matter; events: MatterEvent[] }[] = []
  for (let k = 0; k < count; k++) {
    const category = pick(CATEGORIES)
    const route = ROUTES[category]!
    const grid = 1 + Math.floor(r() * 5)
    const worker = grid <= 2 ? 'c-grid-worker-1' : grid <= 4 ? 'c-grid-worker-2' : 'c-grid-worker-3'
    const roll = r()
    const source = roll < 0.4 ? 'resident' : roll < 0.7 ? 'grid' : 'hotline12345'
    const urgency: Urgency | null = category === 'gas_equipment' && r() < 0.5 ? 'urgent' : null
    const input = MatterInput.parse({
      source,
      category,
      urgency,
      description: DESCRIPTIONS[category] ?? '安全隐患',
      location: { gridId: `c-grid-${grid}`, address: `C 社区 ${grid} 网格 ${1 + Math.floor(r() * 12)} 号楼` },
      reporter: source === 'resident' && r() < 0.6 ? { name: '居民', phone: '13800000000' } : null,
      reporterActorId: source === 'grid' ? worker : null,
      externalId: source === 'hotline12345' ? `12345-2026-${String(1001 + k)}` : null,
    })
    let t = start + k * 2.3 * 24 * HOUR + Math.floor(r() * 10) * HOUR
    const at = (): string => new Date(t).toISOString()
    const later = (hours: number) => {
      t += hours * HOUR
    }
    let { matter, events } = receiveMatter(`demo-matter-${String(k + 1).padStart(3, '0')}`, community, input, {
      at: at(),
      accountId: null,
      actorId: input.reporterActorId ?? null,
    })
    const step = (s: MatterStep, actorId: string | null) => {
      const x = takeStep(matter, s, { at: at(), accountId: null, actorId })
      matter = x.matter
      events = [...events, ...x.events]
    }
    const limit = (Date.parse(matter.dueAt) - Date.parse(matter.receivedAt)) / HOUR
    const scenario = r()
    const dispatcher = source === 'hotline12345' ? 'c-hotline' : 'c-rc'
    later(0.5 + r() * 3)
    if (scenario < 0.08) {
      // returned: the property company says it is not theirs; the street arbitrates
      step({ kind: 'dispatch', leadId: 'c-property', coHandlerIds: [] }, dispatcher)
      later(2 + r() * 20)
      step({ kind: 'return', reason: '不属于物业服务范围 / not within the property company’s duties' }, 'c-property')
      later(4 + r() * 20)
      step(
        { kind: 'arbitrate', note: '街道裁定由执法队牵头 / the street assigns the enforcement team' },
        'c-street-office',
      )
      step({ kind: 'dispatch', leadId: 'c-enforcement', coHandlerIds: ['c-property'] }, 'c-street-office')
      later(1 + r() * 6)
      step({ kind: 'accept' }, 'c-enforcement')
      step({ kind: 'accept' }, 'c-property')
      later(limit * (0.2 + r() * 0.5))
      step({ kind: 'done', resolved: true }, 'c-enforcement')
    } else {
      step({ kind: 'dispatch', leadId: route.lead, coHandlerIds: route.co }, dispatcher)
      later(0.5 + r() * Math.min(12, limit / 4))
      step({ kind: 'accept' }, route.lead)
      for (const c of route.co) if (r() < 0.8) step({ kind: 'accept' }, c)
      if (scenario < 0.16) {
        // a whistle: the street summons departments; one of them is slow to report in
        later(1 + r() * 4)
        const first = route.lead === 'c-enforcement' ? 'c-police-station' : 'c-enforcement'
        step({ kind: 'whistle', whistleType: 'tough', departmentIds: [first, 'c-fire-station'] }, 'c-street-office')
        later(2 + r() * 6)
        step({ kind: 'arrive' }, first)
        later(r() < 0.5 ? 30 : 4)
        step({ kind: 'arrive' }, 'c-fire-station')
      }
      if (scenario > 0.93) {
        // still open: accepted, started, not done (overdue once its deadline passes)
        step({ kind: 'start' }, route.lead)
        out.push({ matter, events })
        continue
      }
      step({ kind: 'start' }, route.lead)
      // most are done within the limit; a few late
      later(limit * (scenario > 0.85 && scenario <= 0.88 ? 1.1 + r() * 0.6 : 0.15 + r() * 0.6))
      step({ kind: 'done', resolved: r() < 0.9 }, route.lead)
    }
    later(2 + r() * 20)
    step({ kind: 'verify', passed: true }, 'c-rc')
    step({ kind: 'close' }, 'c-rc')
    // the hotline calls every caller back; residents are asked when they left a phone
    if (source === 'hotline12345' || (input.reporter && r() < 0.75)) {
      later(24 + r() * 48)
      step({ kind: 'revisit', rating: r() < 0.82 ? (r() < 0.6 ? 5 : 4) : r() < 0.5 ? 3 : 2 }, 'c-rc')
    }
    if (scenario > 0.88 && scenario <= 0.93) {
      later(24 * (5 + r() * 30))
      step({ kind: 'reopen', reason: '问题再次出现 / the problem came back' }, 'c-rc')
      later(1)
      step({ kind: 'dispatch', leadId: route.lead, coHandlerIds: [] }, 'c-rc')
      later(2)
      step({ kind: 'accept' }, route.lead)
      later(limit * 0.3)
      step({ kind: 'done', resolved: true }, route.lead)
      later(4)
      step({ kind: 'verify', passed: true }, 'c-rc')
      step({ kind: 'close' }, 'c-rc')
    }
    out.push({ matter, events })
  }
  return out
}
