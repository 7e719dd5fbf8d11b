// The tables as Kysely sees them: one row interface per table, columns in snake_case, portable types only.
//
// Portable means: ids and timestamps (ISO 8601, UTC) as text, lists and nested objects as text holding
// JSON, no booleans (integers if ever needed). Every community-owned table leads with community_id.

import type { Generated, Kysely } from 'kysely'

/** Columns every community-owned table starts with. */
export interface OwnedColumns {
  community_id: string
  id: string
  created_at: string
  updated_at: string
}

export interface TerritoryRow {
  id: string
  level: string
  code: string
  name_zh: string
  name_en: string
  parent_id: string | null
  created_at: string
  updated_at: string
}

export interface ActorRow extends OwnedColumns {
  type: string
  sector: string
  name: string
  name_en: string | null
  territory_id: string
  org_code: string | null
  /** JSON: { person, phone, email }. */
  contact: string | null
  active_from: string | null
  active_to: string | null
  note: string | null
}

export interface ResponsibilityRow extends OwnedColumns {
  domain: string
  actor_id: string
  role: string
  valid_from: string
  valid_to: string | null
  source: string
  note: string | null
}

export interface ActivityRow extends OwnedColumns {
  kind: string
  title: string
  start_at: string
  end_at: string | null
  territory_id: string | null
  /** JSON arrays, in the order given (activity_actors holds the same actors for integrity and lookups). */
  domains: string
  phase: string
  convener_id: string
  invited_ids: string
  attended_ids: string
  decisions: string
  action_items: string
  note: string | null
}

export type ParticipantRole = 'convener' | 'invited' | 'attended' | 'owner'

export interface ActivityActorRow {
  community_id: string
  activity_id: string
  actor_id: string
  role: ParticipantRole
}

export interface TieRow extends OwnedColumns {
  relation: string
  source_id: string
  target_id: string
  value: number
  tie_date: string | null
  valid_from: string | null
  valid_to: string | null
  provenance: string
  note: string | null
}

export interface AccountRow {
  id: string
  username: string
  display_name: string
  password_hash: string
  role: string
  scope_id: string | null
  actor_id: string | null
  created_at: string
  updated_at: string
}

export interface SessionRow {
  token_hash: string
  account_id: string
  csrf_token: string
  created_at: string
  expires_at: string
}

export interface AuditRow {
  community_id: string | null
  /** PostgreSQL returns bigserial as a string; read it through Number(). */
  id: Generated<number | string>
  at: string
  account_id: string | null
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
}

export interface SurveyRow extends OwnedColumns {
  title: string
  /** JSON: relation codes; the scale { min, max, labels? }; actor ids (in the order given). */
  relations: string
  scale: string
  /** 1 when the survey has the attitude block, else 0. */
  attitudes: number
  roster: string
  respondents: string
  deadline: string | null
  wave: number
  status: string
}

export interface SurveyResponseRow {
  community_id: string
  survey_id: string
  respondent_id: string
  /** SHA-256 of the respondent's link token. */
  token_hash: string
  status: string
  /** JSON: { ties: { relation: { actorId: value } }, attitudes: { item: value } }. */
  answers: string
  updated_at: string | null
  submitted_at: string | null
  reminded_at: string | null
  reminders: number
}

export interface MatterRow {
  community_id: string
  id: string
  source: string
  category: string
  domain: string
  urgency: string
  state: string
  grid_id: string | null
  reporter_actor_id: string | null
  external_id: string | null
  client_key: string | null
  tracking_hash: string | null
  version: number
  received_at: string
  due_at: string
  done_at: string | null
  closed_at: string | null
  /** JSON: core's Matter. */
  snapshot: string
  created_at: string
  updated_at: string
}

export interface MatterEventRow {
  community_id: string
  matter_id: string
  seq: number
  kind: string
  at: string
  account_id: string | null
  actor_id: string | null
  /** JSON: the event without seq, kind, at, account_id and actor_id. */
  body: string
  recorded_at: string
}

export interface MatterHandlerRow {
  community_id: string
  matter_id: string
  dispatch: number
  actor_id: string
  role: string
  status: string
  assigned_at: string
  updated_at: string
}

export interface MatterPhotoRow {
  community_id: string
  id: string
  media_type: string
  /** Base64. */
  data: string
  created_at: string
}

export interface NotificationRow {
  community_id: string
  id: string
  actor_id: string
  matter_id: string | null
  kind: string
  /** JSON: { zh, en }. */
  text: string
  created_at: string
  read_at: string | null
}

export interface MigrationRow {
  name: string
  applied_at: string
}

export interface Database {
  territories: TerritoryRow
  actors: ActorRow
  responsibilities: ResponsibilityRow
  activities: ActivityRow
  activity_actors: ActivityActorRow
  ties: TieRow
  accounts: AccountRow
  sessions: SessionRow
  surveys: SurveyRow
  survey_responses: SurveyResponseRow
  matters: MatterRow
  matter_events: MatterEventRow
  matter_handlers: MatterHandlerRow
  matter_photos: MatterPhotoRow
  notifications: NotificationRow
  audit_log: AuditRow
  cosafe_migrations: MigrationRow
}

/** The database or a transaction on it. */
export type Db = Kysely<Database>

/** Community-owned tables with an id of their own (activity_actors belongs to activities). */
export type OwnedTable = 'actors' | 'responsibilities' | 'activities' | 'ties'
