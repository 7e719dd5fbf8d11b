// 0003: safety matters, their append-only event log, handlers, photos and the actors' in-app inbox. Frozen.
//
// Same rules as 0001: portable column types, key and time columns collated "C" on PostgreSQL,
// every table leads with community_id. A matter row holds the intake, the columns the boards
// filter on (state, due time, grid) and the whole state as JSON (`snapshot`, the fold of its
// events); matter_events is the log the snapshot comes from, keyed (community_id, matter_id,
// seq), never updated. `version` is the last event's seq: a write names the version it read,
// so two steps taken at once cannot both land on the same state.

import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const key = dialect === 'postgres' ? sql`text collate "C"` : sql`text`

  await db.schema
    .createTable('matters')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('grid_id', key)
    .addColumn('reporter_actor_id', key)
    .addColumn('external_id', key)
    // an idempotency key sent with a report: the same report sent twice is stored once
    .addColumn('client_key', key)
    // SHA-256 of the tracking code a resident follows the matter with
    .addColumn('tracking_hash', key)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('received_at', key, (c) => c.notNull())
    .addColumn('due_at', key, (c) => c.notNull())
    .addColumn('done_at', key)
    .addColumn('closed_at', key)
    // JSON: the matter as its events leave it (core's Matter)
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('matters_pkey', ['community_id', 'id'])
    .addUniqueConstraint('matters_external_id_key', ['community_id', 'external_id'])
    .addUniqueConstraint('matters_client_key_key', ['community_id', 'client_key'])
    .addUniqueConstraint('matters_tracking_hash_key', ['tracking_hash'])
    .addForeignKeyConstraint('matters_community_fkey', ['community_id'], 'territories', ['id'])
    .execute()
  await db.schema.createIndex('matters_list_idx').on('matters').columns(['community_id', 'received_at', 'id']).execute()
  await db.schema.createIndex('matters_due_idx').on('matters').columns(['community_id', 'state', 'due_at']).execute()

  await db.schema
    .createTable('matter_events')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('matter_id', key, (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', key, (c) => c.notNull())
    .addColumn('account_id', key)
    .addColumn('actor_id', key)
    // JSON: the event's own fields (the step's payload)
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recorded_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_events_pkey', ['community_id', 'matter_id', 'seq'])
    .addForeignKeyConstraint('matter_events_matter_fkey', ['community_id', 'matter_id'], 'matters', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('matter_events_actor_idx')
    .on('matter_events')
    .columns(['community_id', 'actor_id', 'at'])
    .execute()

  // who handles what: one row per handler and dispatch, for inboxes and per-actor boards
  await db.schema
    .createTable('matter_handlers')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('matter_id', key, (c) => c.notNull())
    .addColumn('dispatch', 'integer', (c) => c.notNull())
    .addColumn('actor_id', key, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'co')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_handlers_pkey', ['community_id', 'matter_id', 'dispatch', 'actor_id'])
    .addForeignKeyConstraint('matter_handlers_matter_fkey', ['community_id', 'matter_id'], 'matters', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('matter_handlers_actor_idx')
    .on('matter_handlers')
    .columns(['community_id', 'actor_id', 'status'])
    .execute()

  // photos sent with reports: base64 text (portable), at most a few MB each
  await db.schema
    .createTable('matter_photos')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_photos_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('matter_photos_community_fkey', ['community_id'], 'territories', ['id'])
    .execute()

  // the in-app inbox of each actor
  await db.schema
    .createTable('notifications')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('actor_id', key, (c) => c.notNull())
    .addColumn('matter_id', key)
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: { zh, en }
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('read_at', key)
    .addPrimaryKeyConstraint('notifications_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('notifications_community_fkey', ['community_id'], 'territories', ['id'])
    .execute()
  await db.schema
    .createIndex('notifications_inbox_idx')
    .on('notifications')
    .columns(['community_id', 'actor_id', 'created_at', 'id'])
    .execute()
}
