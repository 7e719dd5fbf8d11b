// matters, matter_events, matter_handlers, matter_photos and notifications: safety matters and the actors' inbox.
//
// The event log is append-only: events are inserted, never updated or deleted, and a matter row
// changes only together with the events that explain it, in one transaction, guarded by its
// version (the last event's seq). The events are the matter's audit trail (who, when, what), so
// these writes add no audit_log entries. Times in the filter columns are stored in UTC
// (toISOString), so they sort and compare as text whatever offset a caller used.

import type { Matter, MatterEvent } from '@cosafe/core'
import {
  StoreError,
  type MatterFilter,
  type MatterRepository,
  type NewNotification,
  type Notification,
  type NotificationRepository,
} from './api.js'
import { fieldOf, type Violation } from './errors.js'
import { fromJson, newId, now, paged, type Runner } from './internal.js'
import type { Db, MatterEventRow, MatterRow, NotificationRow } from './schema.js'

const utc = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString())

const fromRow = (r: Pick<MatterRow, 'snapshot'>): Matter => fromJson<Matter>(r.snapshot)

function eventFromRow(r: MatterEventRow): MatterEvent {
  return {
    ...fromJson<Record<string, unknown>>(r.body),
    kind: r.kind,
    seq: Number(r.seq),
    at: r.at,
    accountId: r.account_id,
    actorId: r.actor_id,
  } as MatterEvent
}

function eventRow(communityId: string, matterId: string, e: MatterEvent, recordedAt: string): MatterEventRow {
  const { kind, seq, at, accountId, actorId, ...body } = e
  return {
    community_id: communityId,
    matter_id: matterId,
    seq,
    kind,
    at,
    account_id: accountId,
    actor_id: actorId,
    body: JSON.stringify(body),
    recorded_at: recordedAt,
  }
}

/** The columns of a matter row that follow its state. */
const stateColumns = (m: Matter) => ({
  category: m.category,
  domain: m.domain,
  urgency: m.urgency,
  state: m.state,
  grid_id: m.location.gridId,
  version: m.version,
  due_at: utc(m.dueAt)!,
  done_at: utc(m.doneAt),
  closed_at: utc(m.closedAt),
  snapshot: JSON.stringify(m),
})

async function writeHandlers(db: Db, communityId: string, m: Matter, at: string): Promise<void> {
  await db.deleteFrom('matter_handlers').where('community_id', '=', communityId).where('matter_id', '=', m.id).execute()
  if (m.handlers.length)
    await db
      .insertInto('matter_handlers')
      .values(
        m.handlers.map((h) => ({
          community_id: communityId,
          matter_id: m.id,
          dispatch: h.dispatch,
          actor_id: h.actorId,
          role: h.role,
          status: h.status,
          assigned_at: h.assignedAt,
          updated_at: at,
        })),
      )
      .execute()
}

async function insertNotices(
  db: Db,
  communityId: string,
  notices: readonly NewNotification[],
  at: string,
): Promise<NotificationRow[]> {
  const rows: NotificationRow[] = notices.map((n) => ({
    community_id: communityId,
    id: newId(),
    actor_id: n.actorId,
    matter_id: n.matterId ?? null,
    kind: n.kind,
    text: JSON.stringify({ zh: n.text.zh, en: n.text.en }),
    created_at: at,
    read_at: null,
  }))
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 200))
      .execute()
  return rows
}

const notificationFromRow = (r: NotificationRow): Notification => ({
  id: r.id,
  communityId: r.community_id,
  actorId: r.actor_id,
  matterId: r.matter_id,
  kind: r.kind,
  text: fromJson<{ zh: string; en: string }>(r.text),
  createdAt: r.created_at,
  readAt: r.read_at,
})

const OPEN_HANDLER = ['assigned', 'accepted', 'in_progress']

export function matterRepository(run: Runner): MatterRepository {
  const onViolation =
    (communityId: string) =>
    async (_db: Db, v: Violation): Promise<Error> => {
      const field = fieldOf(v.columns)
      if (v.kind === 'unique') {
        if (field === 'seq')
          return new StoreError('E_CONFLICT', 'this matter was changed meanwhile: read it again and retry', 'version')
        return new StoreError(
          'E_DUPLICATE',
          `matter: community "${communityId}" already has one with this ${field ?? 'id'}`,
          field ?? 'id',
        )
      }
      return new StoreError('E_REFERENCE', `matter: no community "${communityId}"`, 'communityId')
    }

  const filtered = (db: Db, communityId: string, f: MatterFilter = {}) => {
    let q = db.selectFrom('matters').where('matters.community_id', '=', communityId)
    if (f.states?.length) q = q.where('matters.state', 'in', [...f.states])
    if (f.dueBefore) q = q.where('matters.due_at', '<', utc(f.dueBefore)!)
    if (f.from) q = q.where('matters.received_at', '>=', utc(f.from)!)
    if (f.to) q = q.where('matters.received_at', '<=', utc(f.to)!)
    if (f.source) q = q.where('matters.source', '=', f.source)
    if (f.gridId) q = q.where('matters.grid_id', '=', f.gridId)
    if (f.category) q = q.where('matters.category', '=', f.category)
    if (f.urgency) q = q.where('matters.urgency', '=', f.urgency)
    if (f.actorId) {
      const actorId = f.actorId
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('matter_handlers')
            .select('matter_handlers.matter_id')
            .whereRef('matter_handlers.community_id', '=', 'matters.community_id')
            .whereRef('matter_handlers.matter_id', '=', 'matters.id')
            .where('matter_handlers.actor_id', '=', actorId)
            .where('matter_handlers.status', 'in', OPEN_HANDLER),
        ),
      )
    }
    return q
  }

  return {
    create: (communityId, matter, events, opts = {}) =>
      run.write(async (db) => {
        const at = now()
        await db
          .insertInto('matters')
          .values({
            community_id: communityId,
            id: matter.id,
            source: matter.source,
            reporter_actor_id: matter.reporterActorId,
            external_id: matter.externalId,
            client_key: opts.clientKey ?? null,
            tracking_hash: opts.trackingHash ?? null,
            received_at: utc(matter.receivedAt)!,
            created_at: at,
            updated_at: at,
            ...stateColumns(matter),
          })
          .execute()
        if (opts.photo)
          await db
            .insertInto('matter_photos')
            .values({
              community_id: communityId,
              id: opts.photo.id,
              media_type: opts.photo.mediaType,
              data: opts.photo.data,
              created_at: at,
            })
            .execute()
        await db
          .insertInto('matter_events')
          .values(events.map((e) => eventRow(communityId, matter.id, e, at)))
          .execute()
        if (matter.handlers.length) await writeHandlers(db, communityId, matter, at)
        if (opts.notices?.length) await insertNotices(db, communityId, opts.notices, utc(matter.updatedAt)!)
        return matter
      }, onViolation(communityId)),

    append: (communityId, id, expectedVersion, events, matter, notices = []) =>
      run.write(async (db) => {
        const at = now()
        const res = await db
          .updateTable('matters')
          .set({ ...stateColumns(matter), updated_at: at })
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) === 0) {
          const exists = await db
            .selectFrom('matters')
            .select('version')
            .where('community_id', '=', communityId)
            .where('id', '=', id)
            .executeTakeFirst()
          if (!exists) return undefined
          throw new StoreError(
            'E_CONFLICT',
            `matter "${id}" is at version ${Number(exists.version)}, not ${expectedVersion}: read it again and retry`,
            'version',
          )
        }
        if (events.length)
          await db
            .insertInto('matter_events')
            .values(events.map((e) => eventRow(communityId, id, e, at)))
            .execute()
        await writeHandlers(db, communityId, matter, at)
        if (notices.length) await insertNotices(db, communityId, notices, utc(matter.updatedAt)!)
        return matter
      }, onViolation(communityId)),

    get: (communityId, id) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('matters')
          .select('snapshot')
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? fromRow(r) : undefined
      }),

    byClientKey: (communityId, clientKey) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('matters')
          .select('snapshot')
          .where('community_id', '=', communityId)
          .where('client_key', '=', clientKey)
          .executeTakeFirst()
        return r ? fromRow(r) : undefined
      }),

    byTracking: (hash) =>
      run.read(async (db) => {
        const r = await db.selectFrom('matters').select('snapshot').where('tracking_hash', '=', hash).executeTakeFirst()
        return r ? fromRow(r) : undefined
      }),

    byExternalId: (communityId, externalId) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('matters')
          .select('snapshot')
          .where('community_id', '=', communityId)
          .where('external_id', '=', externalId)
          .executeTakeFirst()
        return r ? fromRow(r) : undefined
      }),

    events: (communityId, id) =>
      run.read(async (db) =>
        (
          await db
            .selectFrom('matter_events')
            .selectAll()
            .where('community_id', '=', communityId)
            .where('matter_id', '=', id)
            .orderBy('seq')
            .execute()
        ).map(eventFromRow),
      ),

    allEvents: (communityId) =>
      run.read(async (db) => {
        const rows = await db
          .selectFrom('matter_events')
          .selectAll()
          .where('community_id', '=', communityId)
          .orderBy('matter_id')
          .orderBy('seq')
          .execute()
        const out = new Map<string, MatterEvent[]>()
        for (const r of rows) {
          let list = out.get(r.matter_id)
          if (!list) out.set(r.matter_id, (list = []))
          list.push(eventFromRow(r))
        }
        return out
      }),

    list: (communityId, filter, page) =>
      run.read(async (db) =>
        (
          await paged(
            filtered(db, communityId, filter)
              .select('matters.snapshot')
              .orderBy('matters.received_at', 'desc')
              .orderBy('matters.id'),
            page,
          ).execute()
        ).map(fromRow),
      ),

    count: (communityId, filter) =>
      run.read(async (db) => {
        const r = await filtered(db, communityId, filter)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        return Number(r.n)
      }),

    photo: (communityId, id) =>
      run.read(async (db) => {
        const r = await db
          .selectFrom('matter_photos')
          .selectAll()
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? { id: r.id, mediaType: r.media_type, data: r.data, createdAt: r.created_at } : undefined
      }),
  }
}

export function notificationRepository(run: Runner): NotificationRepository {
  const base = (db: Db, communityId: string, actorId: string, unreadOnly?: boolean) => {
    let q = db.selectFrom('notifications').where('community_id', '=', communityId).where('actor_id', '=', actorId)
    if (unreadOnly) q = q.where('read_at', 'is', null)
    return q
  }
  return {
    list: (communityId, actorId, opts = {}, page) =>
      run.read(async (db) =>
        (
          await paged(
            base(db, communityId, actorId, opts.unreadOnly).selectAll().orderBy('created_at', 'desc').orderBy('id'),
            page,
          ).execute()
        ).map(notificationFromRow),
      ),
    count: (communityId, actorId, opts = {}) =>
      run.read(async (db) => {
        const r = await base(db, communityId, actorId, opts.unreadOnly)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        return Number(r.n)
      }),
    add: (communityId, notices, at) =>
      run.write(
        async (db) => (await insertNotices(db, communityId, notices, utc(at)!)).map(notificationFromRow),
        async (_db, v) => new StoreError('E_REFERENCE', `notification: no community "${communityId}"`, v.columns[0]),
      ),
    markRead: (communityId, actorId, id, at) =>
      run.write(
        async (db) => {
          const r = await db
            .updateTable('notifications')
            .set({ read_at: utc(at) })
            .where('community_id', '=', communityId)
            .where('actor_id', '=', actorId)
            .where('id', '=', id)
            .where('read_at', 'is', null)
            .executeTakeFirst()
          if (Number(r.numUpdatedRows) > 0) return true
          const exists = await db
            .selectFrom('notifications')
            .select('id')
            .where('community_id', '=', communityId)
            .where('actor_id', '=', actorId)
            .where('id', '=', id)
            .executeTakeFirst()
          return exists !== undefined
        },
        async (_db, v) => new StoreError('E_REFERENCE', 'notification: refers to nothing', v.columns[0]),
      ),
  }
}
