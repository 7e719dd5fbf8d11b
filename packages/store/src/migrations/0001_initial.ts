// 0001: the governance records, accounts, sessions and the audit log. Frozen: change the schema in a new migration.
//
// Portable column types only (text, integer, double precision), one code path for SQLite and
// PostgreSQL; the dialects differ in two places only: the audit log's auto-numbered key, and the
// collation of key and time columns.
// Community-owned tables lead with community_id and key on (community_id, id), and refer to actors
// through (community_id, actor_id), so that a distributed PostgreSQL (Citus) can shard them by community.

import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  // Ids, codes, dates and timestamps compare byte by byte on both databases (SQLite's BINARY,
  // PostgreSQL's "C"), so that ordering by them and comparing them as text does not depend on the
  // server's locale.
  const key = dialect === 'postgres' ? sql`text collate "C"` : sql`text`

  await db.schema
    .createTable('territories')
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', key, (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('parent_id', key)
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('territories_pkey', ['id'])
    .addUniqueConstraint('territories_level_code_key', ['level', 'code'])
    .addForeignKeyConstraint('territories_parent_fkey', ['parent_id'], 'territories', ['id'])
    .execute()
  await db.schema.createIndex('territories_parent_idx').on('territories').column('parent_id').execute()

  await db.schema
    .createTable('actors')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('territory_id', key, (c) => c.notNull())
    .addColumn('org_code', 'text')
    .addColumn('contact', 'text')
    .addColumn('active_from', key)
    .addColumn('active_to', key)
    .addColumn('note', 'text')
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('actors_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('actors_community_fkey', ['community_id'], 'territories', ['id'])
    .addForeignKeyConstraint('actors_territory_fkey', ['territory_id'], 'territories', ['id'])
    .execute()
  await db.schema.createIndex('actors_list_idx').on('actors').columns(['community_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('actors_org_code_idx').on('actors').column('org_code').execute()

  await db.schema
    .createTable('responsibilities')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('actor_id', key, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('valid_from', key, (c) => c.notNull())
    .addColumn('valid_to', key)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('responsibilities_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('responsibilities_community_fkey', ['community_id'], 'territories', ['id'])
    .addForeignKeyConstraint('responsibilities_actor_fkey', ['community_id', 'actor_id'], 'actors', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('responsibilities_list_idx')
    .on('responsibilities')
    .columns(['community_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('responsibilities_actor_idx')
    .on('responsibilities')
    .columns(['community_id', 'actor_id'])
    .execute()

  await db.schema
    .createTable('activities')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text')
    .addColumn('territory_id', key)
    .addColumn('domains', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('convener_id', key, (c) => c.notNull())
    .addColumn('invited_ids', 'text', (c) => c.notNull())
    .addColumn('attended_ids', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('action_items', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('activities_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('activities_community_fkey', ['community_id'], 'territories', ['id'])
    .addForeignKeyConstraint('activities_territory_fkey', ['territory_id'], 'territories', ['id'])
    .addForeignKeyConstraint('activities_convener_fkey', ['community_id', 'convener_id'], 'actors', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('activities_list_idx')
    .on('activities')
    .columns(['community_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('activity_actors')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('activity_id', key, (c) => c.notNull())
    .addColumn('actor_id', key, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('convener', 'invited', 'attended', 'owner')`))
    .addPrimaryKeyConstraint('activity_actors_pkey', ['community_id', 'activity_id', 'role', 'actor_id'])
    .addForeignKeyConstraint(
      'activity_actors_activity_fkey',
      ['community_id', 'activity_id'],
      'activities',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('activity_actors_actor_fkey', ['community_id', 'actor_id'], 'actors', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('activity_actors_actor_idx')
    .on('activity_actors')
    .columns(['community_id', 'actor_id'])
    .execute()

  await db.schema
    .createTable('ties')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('source_id', key, (c) => c.notNull())
    .addColumn('target_id', key, (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('tie_date', key)
    .addColumn('valid_from', key)
    .addColumn('valid_to', key)
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('ties_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('ties_community_fkey', ['community_id'], 'territories', ['id'])
    .addForeignKeyConstraint('ties_source_fkey', ['community_id', 'source_id'], 'actors', ['community_id', 'id'])
    .addForeignKeyConstraint('ties_target_fkey', ['community_id', 'target_id'], 'actors', ['community_id', 'id'])
    .execute()
  await db.schema.createIndex('ties_list_idx').on('ties').columns(['community_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('ties_source_idx').on('ties').columns(['community_id', 'source_id']).execute()
  await db.schema.createIndex('ties_target_idx').on('ties').columns(['community_id', 'target_id']).execute()

  // Accounts are shared by every community (a reference table on Citus), so actor_id has no
  // foreign key into the distributed actors table; the store checks it when it writes.
  await db.schema
    .createTable('accounts')
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('username', key, (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_id', key)
    .addColumn('actor_id', key)
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pkey', ['id'])
    .addUniqueConstraint('accounts_username_key', ['username'])
    .addForeignKeyConstraint('accounts_scope_fkey', ['scope_id'], 'territories', ['id'])
    .execute()
  await db.schema.createIndex('accounts_actor_idx').on('accounts').columns(['scope_id', 'actor_id']).execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', key, (c) => c.notNull())
    .addColumn('account_id', key, (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('expires_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('sessions_pkey', ['token_hash'])
    .addForeignKeyConstraint('sessions_account_fkey', ['account_id'], 'accounts', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute()
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute()

  // No foreign keys: the log outlives what it describes. community_id is null for territories and accounts.
  await db.schema
    .createTable('audit_log')
    .addColumn('community_id', key)
    .$call((t) =>
      dialect === 'postgres'
        ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
        : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    )
    .addColumn('at', key, (c) => c.notNull())
    .addColumn('account_id', key)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', key, (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute()
  await db.schema.createIndex('audit_log_community_idx').on('audit_log').columns(['community_id', 'id']).execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'id']).execute()
}
