// The demo community: deterministic, valid record by record, referentially whole, and weak where the thesis found it weak.

import { betweenness, degree, eiIndex, NetworkBuilder, type Graph } from '@cosafe/sna'
import { describe, expect, it } from 'vitest'
import { AccountInput, Password } from './access.js'
import { DEMO_PERIOD, DEMO_TERRITORY, demoCommunity, type DemoCommunity } from './demo.js'
import {
  ActivityInput,
  ActorInput,
  Id,
  looksLikeIdNumber,
  PARENT_LEVEL,
  ResponsibilityInput,
  TerritoryInput,
  TieInput,
} from './records.js'
import { ACTOR_TYPES, COLLABORATION_RELATIONS, SECTOR_CODES, type RelationType, type Sector } from './vocabulary.js'

const demo = demoCommunity()
const c = demo.communities.find((x) => x.id === DEMO_TERRITORY.c)!
const d = demo.communities.find((x) => x.id === DEMO_TERRITORY.d)!
const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest

/** FNV-1a over the JSON text: a short fingerprint that changes whenever any record does. */
function fingerprint(value: unknown): string {
  const s = JSON.stringify(value)
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Undirected collaboration network: co-attendance (convener and attendees) plus recorded collaboration ties. */
function collaboration(com: DemoCommunity): Graph {
  const b = new NetworkBuilder({ directed: false, duplicates: 'sum', unknownNodes: 'error' })
  for (const a of com.actors) b.addNode(a.id, { sector: a.sector })
  for (const act of com.activities) {
    const present = [...new Set([act.convenerId, ...act.attendedIds])]
    for (let x = 0; x < present.length; x++)
      for (let y = x + 1; y < present.length; y++) b.addTie(present[x]!, present[y]!)
  }
  for (const t of com.ties) if (COLLABORATION_RELATIONS.includes(t.relation)) b.addTie(t.sourceId, t.targetId, t.value)
  return b.build().network.graph
}

/** The measures the diagnosis (DOMAIN.md §7) reads, computed here independently of the rule engine. */
function weaknesses(com: DemoCommunity) {
  const g = collaboration(com)
  const ix = (id: string) => g.nodes.get(id)
  const sector = new Map(com.actors.map((a) => [a.id, a.sector]))
  const bc = betweenness(g)
  const deg = degree(g)
  const total = bc.reduce((s, x) => s + x, 0)
  // E-I of the government group: only ties with a government end count, so the graph of those ties is enough.
  const gb = new NetworkBuilder({ directed: false })
  for (const id of g.nodes.ids) gb.addNode(id)
  for (let e = 0; e < g.m; e++) {
    const [s, t] = [g.nodes.ids[g.tieSource[e]!]!, g.nodes.ids[g.tieTarget[e]!]!]
    if (sector.get(s) === 'G' || sector.get(t) === 'G') gb.addTie(s, t)
  }
  const govTies = gb.build().network.graph
  const gov = eiIndex(
    govTies,
    govTies.nodes.ids.map((id) => (sector.get(id) === 'G' ? 0 : 1)),
  )
  const hierarchy = com.ties.filter((t) => t.relation === 'COMMAND' || t.relation === 'SUPERVISE').length
  const info = new Set(com.ties.filter((t) => t.relation === 'INFO').map((t) => `${t.sourceId}>${t.targetId}`))
  const infoDyads = new Set([...info].map((k) => k.split('>').sort().join('|')))
  const reciprocated = [...infoDyads].filter((k) => {
    const [a, b] = k.split('|')
    return info.has(`${a}>${b}`) && info.has(`${b}>${a}`)
  }).length
  const acts = com.activities
  const drills = acts.filter(
    (a) => a.kind === 'drill' && new Set([a.convenerId, ...a.attendedIds].map((id) => sector.get(id))).size >= 3,
  )
  const items = acts.flatMap((a) => a.actionItems).filter((x) => x.due <= DEMO_PERIOD.to && x.status !== 'cancelled')
  const onTime = items.filter((x) => x.status === 'done' && x.doneOn! <= x.due).length
  const attendance = (type: string) => {
    const ids = new Set(com.actors.filter((a) => a.type === type).map((a) => a.id))
    let invited = 0
    let attended = 0
    for (const a of acts) {
      invited += a.invitedIds.filter((id) => ids.has(id)).length
      attended += a.attendedIds.filter((id) => ids.has(id)).length
    }
    return invited ? attended / invited : NaN
  }
  return {
    rcBetweennessShare: bc[ix('c-rc')]! / total,
    topBroker: g.nodes.ids[bc.indexOf(Math.max(...bc))],
    ownersDegree: deg[ix('c-owners')]!,
    socialDegrees: [deg[ix('c-social-elderly')]!, deg[ix('c-social-work')]!],
    govEI: gov.ei,
    commandShare: hierarchy / com.ties.length,
    infoReciprocity: reciprocated / infoDyads.size,
    publicOrderShare: acts.filter((a) => a.domains.includes('PUBLIC_ORDER')).length / acts.length,
    preventionShare: acts.filter((a) => a.phase === 'PREVENT' || a.phase === 'PREPARE').length / acts.length,
    multiSectorDrills: drills.length,
    onTimeShare: onTime / items.length,
    ownersAttendance: attendance('owners_committee'),
    socialAttendance: attendance('social_organisation'),
    propertyFireTie: g.hasTie(ix('c-property'), ix('c-fire-station')),
    rcBetweenPropertyAndFire: g.hasTie(ix('c-property'), ix('c-rc')) && g.hasTie(ix('c-rc'), ix('c-fire-station')),
  }
}

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

describe('demoCommunity', () => {
  it('is deterministic', () => {
    expect(demoCommunity()).toEqual(demo)
    const counts = {
      territories: demo.territories.length,
      communities: demo.communities.map((x) => ({
        id: x.id,
        actors: x.actors.length,
        responsibilities: x.responsibilities.length,
        activities: x.activities.length,
        actionItems: x.activities.reduce((s, a) => s + a.actionItems.length, 0),
        ties: x.ties.length,
      })),
      accounts: demo.accounts.length,
    }
    expect({ counts, fingerprint: fingerprint(demo) }).toMatchInlineSnapshot(`
      {
        "counts": {
          "accounts": 7,
          "communities": [
            {
              "actionItems": 94,
              "activities": 138,
              "actors": 28,
              "id": "c-community",
              "responsibilities": 36,
              "ties": 94,
            },
            {
              "actionItems": 12,
              "activities": 26,
              "actors": 8,
              "id": "d-community",
              "responsibilities": 5,
              "ties": 9,
            },
          ],
          "territories": 11,
        },
        "fingerprint": "01aa58cf",
      }
    `)
  })

  it('passes every record schema unchanged', () => {
    for (const t of demo.territories) expect(TerritoryInput.parse(t)).toEqual(withoutId(t))
    for (const com of demo.communities) {
      for (const a of com.actors) expect(ActorInput.parse(a)).toEqual(withoutId(a))
      for (const r of com.responsibilities) expect(ResponsibilityInput.parse(r)).toEqual(withoutId(r))
      for (const a of com.activities) expect(ActivityInput.parse(a)).toEqual(withoutId(a))
      for (const t of com.ties) expect(TieInput.parse(t)).toEqual(withoutId(t))
    }
    const ids = [
      ...demo.territories.map((t) => t.id),
      ...demo.communities.flatMap((x) => [x.actors, x.responsibilities, x.activities, x.ties].flat().map((r) => r.id)),
    ]
    for (const id of ids) expect(Id.safeParse(id).success, id).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('has one account per role, each valid, with a scope and actor that exist', () => {
    const territories = new Set(demo.territories.map((t) => t.id))
    expect(demo.accounts.map((a) => a.role).sort()).toEqual(
      ['actor', 'admin', 'community', 'district', 'researcher', 'resident', 'street'].sort(),
    )
    expect(new Set(demo.accounts.map((a) => a.username)).size).toBe(demo.accounts.length)
    for (const { password, ...account } of demo.accounts) {
      expect(AccountInput.parse(account)).toEqual(account)
      expect(Password.safeParse(password).success).toBe(true)
      if (account.scopeId) expect(territories.has(account.scopeId)).toBe(true)
      if (account.actorId)
        expect(demo.communities.find((x) => x.id === account.scopeId)!.actors.map((a) => a.id)).toContain(
          account.actorId,
        )
    }
    expect(new Set(demo.accounts.map((a) => a.password)).size).toBe(demo.accounts.length)
  })

  it('nests the territories and keeps every reference inside its own community', () => {
    const byId = new Map(demo.territories.map((t) => [t.id, t]))
    for (const t of demo.territories) {
      const parent = t.parentId === null ? null : byId.get(t.parentId)
      expect(parent?.level ?? null, t.id).toBe(PARENT_LEVEL[t.level])
    }
    expect(demo.territories.filter((t) => t.parentId === DEMO_TERRITORY.c).length).toBeGreaterThanOrEqual(4)
    expect(demo.territories.filter((t) => t.parentId === DEMO_TERRITORY.c).length).toBeLessThanOrEqual(6)
    for (const com of demo.communities) {
      const grids = new Set(demo.territories.filter((t) => t.parentId === com.id).map((t) => t.id))
      const above = new Set<string>([DEMO_TERRITORY.street, DEMO_TERRITORY.district])
      const actors = new Set(com.actors.map((a) => a.id))
      const own = (id: string) => expect(actors.has(id), `${com.id}: ${id}`).toBe(true)
      for (const a of com.actors)
        expect(a.territoryId === com.id || grids.has(a.territoryId) || above.has(a.territoryId), a.id).toBe(true)
      for (const r of com.responsibilities) own(r.actorId)
      for (const t of com.ties) [t.sourceId, t.targetId].forEach(own)
      for (const a of com.activities) {
        ;[a.convenerId, ...a.invitedIds, ...a.attendedIds, ...a.actionItems.map((x) => x.ownerId)].forEach(own)
        expect(a.territoryId === com.id || grids.has(a.territoryId!), a.id).toBe(true)
        expect(a.attendedIds, a.id).toContain(a.convenerId)
        for (const id of a.attendedIds) expect(a.invitedIds, a.id).toContain(id)
        expect(a.start.endsWith('+08:00') && a.end!.endsWith('+08:00'), a.id).toBe(true)
        for (const x of a.actionItems) if (x.doneOn) expect(x.doneOn <= DEMO_PERIOD.to, a.id).toBe(true)
      }
    }
  })

  it('never has an actor in two places at once', () => {
    for (const com of demo.communities) {
      const busy = new Map<string, [number, number, string][]>()
      for (const a of com.activities.filter((x) => x.kind !== 'project')) {
        const span: [number, number, string] = [Date.parse(a.start), Date.parse(a.end!), a.id]
        for (const id of a.attendedIds) {
          const clash = busy.get(id)?.find(([s, e]) => s < span[1] && span[0] < e)
          expect(clash, `${id}: ${a.id}`).toBeUndefined()
          busy.set(id, [...(busy.get(id) ?? []), span])
        }
      }
    }
  })

  it('keeps individuals pseudonymous and holds no identity numbers', () => {
    const individuals = demo.communities.flatMap((x) => x.actors).filter((a) => ACTOR_TYPES[a.type].individual)
    expect(individuals.length).toBeGreaterThanOrEqual(4)
    for (const a of individuals) {
      expect(a.contact ?? null, a.id).toBeNull()
      expect(a.orgCode ?? null, a.id).toBeNull()
    }
    for (const s of strings(demo)) expect(looksLikeIdNumber(s), s).toBe(false)
  })

  it('registers the shared bodies of the street under one registry code in both communities', () => {
    const codes = (com: DemoCommunity) => new Map(com.actors.filter((a) => a.orgCode).map((a) => [a.orgCode, a]))
    const inC = codes(c)
    const shared = [...codes(d)].filter(([code]) => inC.has(code))
    expect(shared.length).toBeGreaterThanOrEqual(3)
    for (const [code, a] of shared) expect([inC.get(code)!.type, inC.get(code)!.name]).toEqual([a.type, a.name])
    for (const a of c.actors.filter((x) => ['police_station', 'fire_station', 'street_office'].includes(x.type)))
      expect<string[]>([DEMO_TERRITORY.street, DEMO_TERRITORY.district]).toContain(a.territoryId)
    const cIds = new Set([c.actors, c.activities, c.ties, c.responsibilities].flat().map((r) => r.id))
    for (const r of [d.actors, d.activities, d.ties, d.responsibilities].flat()) expect(cIds.has(r.id)).toBe(false)
  })

  it('is the size of a real community and covers twelve months', () => {
    expect(c.actors.length).toBeGreaterThanOrEqual(22)
    expect(c.actors.length).toBeLessThanOrEqual(30)
    expect(new Set(c.actors.map((a) => a.sector))).toEqual(new Set<Sector>(SECTOR_CODES))
    expect(d.actors.length).toBeGreaterThanOrEqual(6)
    expect(d.actors.length).toBeLessThanOrEqual(10)
    expect(c.activities.length).toBeGreaterThanOrEqual(120)
    expect(c.activities.length).toBeLessThanOrEqual(200)
    const days = c.activities.map((a) => a.start.slice(0, 10))
    expect(days.every((x) => x >= DEMO_PERIOD.from && x <= DEMO_PERIOD.to)).toBe(true)
    expect(new Set(days.map((x) => x.slice(0, 7))).size).toBe(12)
    const meetingMonths = c.activities.filter((a) => a.convenerId === 'c-party').map((a) => a.start.slice(0, 7))
    expect(new Set(meetingMonths).size).toBe(12)
    const relations = new Set<RelationType>(c.ties.map((t) => t.relation))
    expect(relations.size).toBe(8)
    expect(new Set(c.ties.map((t) => t.provenance))).toEqual(
      new Set(['record', 'document', 'observation', 'interview']),
    )
    expect(c.ties.every((t) => t.value >= 1 && t.value <= 5)).toBe(true)
    expect(new Set(c.responsibilities.map((r) => r.source))).toEqual(
      new Set(['duty_list', 'dispatch_catalogue', 'committee_roster']),
    )
  })

  it('shows the weaknesses the diagnosis is meant to find', () => {
    const w = weaknesses(c)
    expect(w.topBroker).toBe('c-rc')
    expect(w.rcBetweennessShare).toBeGreaterThan(0.4) // STR-3
    expect(w.ownersDegree).toBeLessThanOrEqual(2) // PAR-2
    for (const x of w.socialDegrees) expect(x).toBeLessThanOrEqual(2)
    expect(w.ownersAttendance).toBeLessThan(0.6) // PAR-7
    expect(w.socialAttendance).toBeLessThan(0.6)
    expect(w.govEI).toBeLessThan(0) // STR-5
    expect(w.commandShare).toBeGreaterThan(0.55) // CON-3, near its 60 % line
    expect(w.infoReciprocity).toBeLessThan(0.3) // CON-4
    expect(w.publicOrderShare).toBeGreaterThan(0.6) // CNT-2
    expect(w.preventionShare).toBeLessThan(0.3) // CNT-3
    expect(w.multiSectorDrills).toBeLessThan(2) // CNT-7
    expect(w.onTimeShare).toBeLessThan(0.8) // MEC-8
    expect(w.onTimeShare).toBeGreaterThan(0.5) // most items are still done on time
    // No fire-safety (or any) work joins the property company and the fire station: only the RC does.
    expect(w.propertyFireTie).toBe(false)
    expect(w.rcBetweenPropertyAndFire).toBe(true)
    const fire = c.activities.filter((a) => a.domains.includes('FIRE'))
    for (const a of fire) {
      const present = [a.convenerId, ...a.attendedIds]
      expect(present.includes('c-property') && present.includes('c-fire-station'), a.id).toBe(false)
    }
    expect(weaknessSummary(w)).toMatchInlineSnapshot(`
      {
        "commandShare": 0.617,
        "govEI": -0.17,
        "infoReciprocity": 0.143,
        "multiSectorDrills": 1,
        "onTimeShare": 0.612,
        "ownersAttendance": 0.053,
        "ownersDegree": 1,
        "preventionShare": 0.283,
        "publicOrderShare": 0.717,
        "rcBetweennessShare": 0.552,
        "socialAttendance": 0.143,
        "socialDegrees": [
          2,
          2,
        ],
      }
    `)
  })

  it('shows the D community linking its property company with the fire station, for comparison', () => {
    const g = collaboration(d)
    expect(g.hasTie(g.nodes.get('d-property'), g.nodes.get('d-fire-station'))).toBe(true)
  })
})

/** Rounded measures, so that a change of the data shows in review. */
function weaknessSummary(w: ReturnType<typeof weaknesses>) {
  const r = (x: number) => Math.round(x * 1000) / 1000
  return {
    rcBetweennessShare: r(w.rcBetweennessShare),
    ownersDegree: w.ownersDegree,
    socialDegrees: w.socialDegrees,
    govEI: r(w.govEI),
    commandShare: r(w.commandShare),
    infoReciprocity: r(w.infoReciprocity),
    publicOrderShare: r(w.publicOrderShare),
    preventionShare: r(w.preventionShare),
    multiSectorDrills: w.multiSectorDrills,
    onTimeShare: r(w.onTimeShare),
    ownersAttendance: r(w.ownersAttendance),
    socialAttendance: r(w.socialAttendance),
  }
}
