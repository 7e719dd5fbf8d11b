// actors: the governance actors of a community (organisations, and individuals under an alias).

import type { Actor, ActorInput, ActorType, Sector } from '@cosafe/core'
import { StoreError } from './api.js'
import { fromJson } from './internal.js'
import type { OwnedSpec } from './owned.js'
import type { ActorRow, Db } from './schema.js'
import { rosterSurveys } from './surveys.js'

type Contact = NonNullable<ActorInput['contact']>

export const actorSpec: OwnedSpec<ActorInput, Actor, ActorRow> = {
  table: 'actors',
  entity: 'actor',
  columns: (a) => ({
    type: a.type,
    sector: a.sector,
    name: a.name,
    name_en: a.nameEn ?? null,
    territory_id: a.territoryId,
    org_code: a.orgCode ?? null,
    contact:
      a.contact == null
        ? null
        : JSON.stringify({
            person: a.contact.person ?? null,
            phone: a.contact.phone ?? null,
            email: a.contact.email ?? null,
          } satisfies Contact),
    active_from: a.activeFrom ?? null,
    active_to: a.activeTo ?? null,
    note: a.note ?? null,
  }),
  fromRow: (r) => ({
    id: r.id,
    communityId: r.community_id,
    type: r.type as ActorType,
    sector: r.sector as Sector,
    name: r.name,
    nameEn: r.name_en,
    territoryId: r.territory_id,
    orgCode: r.org_code,
    contact: r.contact === null ? null : fromJson<Contact>(r.contact),
    activeFrom: r.active_from,
    activeTo: r.active_to,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }),
  references: (a) => [{ field: 'territoryId', to: 'territory', id: a.territoryId }],
  // Accounts are shared by all communities and have no foreign key into actors (see the migration);
  // a survey's roster is a JSON list (see surveys.ts). Neither can stop a delete by itself.
  beforeDelete: async (db, actor) => {
    if ((await countAccounts(db, actor)) > 0 || (await rosterSurveys(db, actor.communityId, actor.id)).length > 0)
      throw new StoreError(
        'E_IN_USE',
        `actor "${actor.id}" in community "${actor.communityId}": ${await actorReferrers(db, actor)}`,
      )
  },
  inUse: actorReferrers,
}

async function countAccounts(db: Db, a: Actor): Promise<number> {
  const r = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('scope_id', '=', a.communityId)
    .where('actor_id', '=', a.id)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** "used by 2 responsibilities, 1 activity, 1 account and 1 survey ("邻里安全关系调查", s1)" */
async function actorReferrers(db: Db, a: Actor): Promise<string> {
  const count = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n)
  const c = a.communityId
  const counts: [number, string, string][] = [
    [
      await count(
        db
          .selectFrom('responsibilities')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('community_id', '=', c)
          .where('actor_id', '=', a.id)
          .executeTakeFirstOrThrow(),
      ),
      'responsibility',
      'responsibilities',
    ],
    [
      await count(
        db
          .selectFrom('activity_actors')
          .select((eb) => eb.fn.count('activity_id').distinct().as('n'))
          .where('community_id', '=', c)
          .where('actor_id', '=', a.id)
          .executeTakeFirstOrThrow(),
      ),
      'activity',
      'activities',
    ],
    [
      await count(
        db
          .selectFrom('ties')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('community_id', '=', c)
          .where((eb) => eb.or([eb('source_id', '=', a.id), eb('target_id', '=', a.id)]))
          .executeTakeFirstOrThrow(),
      ),
      'tie',
      'ties',
    ],
    [await countAccounts(db, a), 'account', 'accounts'],
  ]
  const parts = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
  // Surveys by name: the actor stays until it is taken off their rosters or they are deleted.
  const surveys = await rosterSurveys(db, c, a.id)
  if (surveys.length > 0) {
    const named = surveys.slice(0, 3).map((s) => `"${s.title}", ${s.id}`)
    if (surveys.length > 3) named.push(`${surveys.length - 3} more`)
    parts.push(`${surveys.length} ${surveys.length === 1 ? 'survey' : 'surveys'} (${named.join('; ')})`)
  }
  if (parts.length === 0) return 'other records refer to it'
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
  return `used by ${list}`
}
