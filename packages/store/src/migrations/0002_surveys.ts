// 0002: relational surveys and their respondents' answers. Frozen: change the schema in a new migration.
//
// Same rules as 0001: portable column types, key and time columns collated "C" on PostgreSQL,
// every table leads with community_id and refers to actors through (community_id, actor_id).
// The roster is JSON in the survey row (the store checks it against actors and keeps rostered
// actors from being deleted); respondents are rows of survey_responses, held by a foreign key.

import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const key = dialect === 'postgres' ? sql`text collate "C"` : sql`text`

  await db.schema
    .createTable('surveys')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON: relation codes, the scale, actor ids (in the order given).
    .addColumn('relations', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('attitudes', 'integer', (c) => c.notNull().check(sql`attitudes in (0, 1)`))
    .addColumn('roster', 'text', (c) => c.notNull())
    .addColumn('respondents', 'text', (c) => c.notNull())
    .addColumn('deadline', key)
    .addColumn('wave', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn('created_at', key, (c) => c.notNull())
    .addColumn('updated_at', key, (c) => c.notNull())
    .addPrimaryKeyConstraint('surveys_pkey', ['community_id', 'id'])
    .addForeignKeyConstraint('surveys_community_fkey', ['community_id'], 'territories', ['id'])
    .execute()
  await db.schema.createIndex('surveys_list_idx').on('surveys').columns(['community_id', 'created_at', 'id']).execute()

  // token_hash: SHA-256 of the respondent's link token (the token itself is only in the link).
  await db.schema
    .createTable('survey_responses')
    .addColumn('community_id', key, (c) => c.notNull())
    .addColumn('survey_id', key, (c) => c.notNull())
    .addColumn('respondent_id', key, (c) => c.notNull())
    .addColumn('token_hash', key, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('not_started', 'in_progress', 'submitted')`))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('updated_at', key)
    .addColumn('submitted_at', key)
    .addColumn('reminded_at', key)
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_responses_pkey', ['community_id', 'survey_id', 'respondent_id'])
    .addUniqueConstraint('survey_responses_token_hash_key', ['token_hash'])
    .addForeignKeyConstraint(
      'survey_responses_survey_fkey',
      ['community_id', 'survey_id'],
      'surveys',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('survey_responses_respondent_fkey', ['community_id', 'respondent_id'], 'actors', [
      'community_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('survey_responses_respondent_idx')
    .on('survey_responses')
    .columns(['community_id', 'respondent_id'])
    .execute()
}
