// What the rest of cosafe may ask of storage: repositories over the governance records, the
// same on SQLite and PostgreSQL. Every write takes the account that makes it and appends an
// audit entry (who, when, what, before and after) in the same transaction.

import type {
  Account,
  AccountInput,
  Activity,
  ActivityInput,
  Actor,
  ActorInput,
  Id,
  Answers,
  Matter,
  MatterEvent,
  MatterSource,
  MatterState,
  Responsibility,
  ResponsibilityInput,
  Survey,
  SurveyInput,
  SurveyResponse,
  SurveyStatus,
  Territory,
  TerritoryInput,
  Tie,
  TieInput,
} from '@cosafe/core'

export type Dialect = 'sqlite' | 'postgres'

/** Who writes: the account (null for the system, e.g. the demo loader and migrations). */
export interface WriteContext {
  accountId: Id | null
}

export interface Page {
  limit?: number
  offset?: number
}

/** Repository of one kind of community-owned record. */
export interface CommunityRepository<I, R> {
  list(communityId: Id, page?: Page): Promise<R[]>
  count(communityId: Id): Promise<number>
  get(communityId: Id, id: Id): Promise<R | undefined>
  /** Creates a record; `id` when the caller brings one (imports, demo data), else a new UUID. */
  create(ctx: WriteContext, communityId: Id, input: I, id?: Id): Promise<R>
  /** Replaces a record; undefined when it does not exist in that community. */
  update(ctx: WriteContext, communityId: Id, id: Id, input: I): Promise<R | undefined>
  /** Deletes a record; false when it does not exist; StoreError E_IN_USE when other records refer to it. */
  delete(ctx: WriteContext, communityId: Id, id: Id): Promise<boolean>
}

export interface TerritoryRepository {
  list(filter?: { level?: Territory['level']; parentId?: Id }): Promise<Territory[]>
  get(id: Id): Promise<Territory | undefined>
  /** The territory and those above it, nearest first (community, street, district). */
  ancestors(id: Id): Promise<Territory[]>
  /** Community territories under a territory (itself when it is a community). */
  communitiesUnder(id: Id): Promise<Territory[]>
  create(ctx: WriteContext, input: TerritoryInput, id?: Id): Promise<Territory>
  update(ctx: WriteContext, id: Id, input: TerritoryInput): Promise<Territory | undefined>
}

export interface StoredAccount extends Account {
  passwordHash: string
}

export interface AccountRepository {
  list(): Promise<Account[]>
  get(id: Id): Promise<Account | undefined>
  findByUsername(username: string): Promise<StoredAccount | undefined>
  create(ctx: WriteContext, input: AccountInput, passwordHash: string, id?: Id): Promise<Account>
  setPassword(ctx: WriteContext, id: Id, passwordHash: string): Promise<boolean>
}

export interface Session {
  /** SHA-256 of the session token (the token itself is only in the client's cookie). */
  tokenHash: string
  accountId: Id
  csrfToken: string
  createdAt: string
  expiresAt: string
}

export interface SessionRepository {
  create(session: Session): Promise<void>
  get(tokenHash: string): Promise<Session | undefined>
  delete(tokenHash: string): Promise<void>
  deleteExpired(now: string): Promise<number>
}

export interface AuditEntry {
  id: number
  communityId: Id | null
  at: string
  accountId: Id | null
  action: 'create' | 'update' | 'delete'
  entity: 'territory' | 'actor' | 'responsibility' | 'activity' | 'tie' | 'account' | 'survey' | 'response'
  entityId: Id
  /** The record before and after the write, as JSON values (null for none). */
  before: unknown
  after: unknown
}

export interface AuditRepository {
  list(filter: { communityId?: Id; entity?: AuditEntry['entity']; entityId?: Id }, page?: Page): Promise<AuditEntry[]>
}

/** Surveys of a community and their respondents' answers. */
export interface SurveyRepository {
  list(communityId: Id): Promise<Survey[]>
  get(communityId: Id, id: Id): Promise<Survey | undefined>
  /**
   * Creates a survey in status draft with one response row per respondent (status not_started)
   * and stores the SHA-256 of each respondent's link token (`tokenHashes[respondentId]`).
   */
  create(
    ctx: WriteContext,
    communityId: Id,
    input: SurveyInput,
    tokenHashes: Record<Id, string>,
    id?: Id,
  ): Promise<Survey>
  setStatus(ctx: WriteContext, communityId: Id, id: Id, status: SurveyStatus): Promise<Survey | undefined>
  /** Deletes a survey with its responses; false when it does not exist. */
  delete(ctx: WriteContext, communityId: Id, id: Id): Promise<boolean>
  responses(communityId: Id, surveyId: Id): Promise<SurveyResponse[]>
  /** The survey and response a link token opens (by its SHA-256), in any community. */
  byToken(tokenHash: string): Promise<{ survey: Survey; response: SurveyResponse } | undefined>
  /** Replaces a respondent's answers (saved, or submitted when `submit`). Audited without the answers' content. */
  saveAnswers(
    ctx: WriteContext,
    communityId: Id,
    surveyId: Id,
    respondentId: Id,
    answers: Answers,
    submit: boolean,
  ): Promise<SurveyResponse | undefined>
  /** Records a reminder sent to a respondent. */
  remind(ctx: WriteContext, communityId: Id, surveyId: Id, respondentId: Id): Promise<SurveyResponse | undefined>
  /** A new link token hash for a respondent (the old link stops working). */
  resetToken(ctx: WriteContext, communityId: Id, surveyId: Id, respondentId: Id, tokenHash: string): Promise<boolean>
}

/** A notice in an actor's in-app inbox. */
export interface Notification {
  id: Id
  communityId: Id
  actorId: Id
  matterId: Id | null
  kind: string
  text: { zh: string; en: string }
  createdAt: string
  readAt: string | null
}

export interface NewNotification {
  actorId: Id
  matterId?: Id | null
  kind: string
  text: { zh: string; en: string }
}

/** Which matters a list returns; times are ISO 8601 and compared in UTC. */
export interface MatterFilter {
  states?: readonly MatterState[]
  /** Matters this actor currently handles (assigned, accepted or in progress, lead or co-handler). */
  actorId?: Id
  /** Due before this time (with the open states: overdue). */
  dueBefore?: string
  /** Received at or after / before. */
  from?: string
  to?: string
  source?: MatterSource
  gridId?: Id
  /** Of this category (MATTER_CATEGORIES) and urgency. */
  category?: string
  urgency?: string
}

export interface StoredPhoto {
  id: Id
  mediaType: string
  /** Base64. */
  data: string
  createdAt: string
}

/**
 * Safety matters and their append-only event logs. The caller (the server, through core's
 * life-cycle) computes the matter after its events; the store keeps the events, the matter and
 * its handlers together, or none of them. A write names the version it read: when another write
 * came first, it fails with E_CONFLICT and nothing is stored.
 */
export interface MatterRepository {
  /** Stores a new matter with its first events (E_DUPLICATE on id, clientKey, externalId or tracking hash). */
  create(
    communityId: Id,
    matter: Matter,
    events: readonly MatterEvent[],
    opts?: {
      clientKey?: string | null
      trackingHash?: string | null
      photo?: { id: Id; mediaType: string; data: string } | null
      notices?: readonly NewNotification[]
    },
  ): Promise<Matter>
  /** Appends events to a matter read at `expectedVersion`; undefined when there is no such matter. */
  append(
    communityId: Id,
    id: Id,
    expectedVersion: number,
    events: readonly MatterEvent[],
    matter: Matter,
    notices?: readonly NewNotification[],
  ): Promise<Matter | undefined>
  get(communityId: Id, id: Id): Promise<Matter | undefined>
  byClientKey(communityId: Id, clientKey: string): Promise<Matter | undefined>
  /** The matter a tracking code opens (by its SHA-256), in any community. */
  byTracking(trackingHash: string): Promise<Matter | undefined>
  byExternalId(communityId: Id, externalId: string): Promise<Matter | undefined>
  events(communityId: Id, id: Id): Promise<MatterEvent[]>
  /** Every event of the community's matters, by matter, in order. */
  allEvents(communityId: Id): Promise<Map<Id, MatterEvent[]>>
  /** Newest received first. */
  list(communityId: Id, filter?: MatterFilter, page?: Page): Promise<Matter[]>
  count(communityId: Id, filter?: MatterFilter): Promise<number>
  photo(communityId: Id, id: Id): Promise<StoredPhoto | undefined>
}

/** The in-app inbox of each actor. */
export interface NotificationRepository {
  /** Newest first. */
  list(communityId: Id, actorId: Id, opts?: { unreadOnly?: boolean }, page?: Page): Promise<Notification[]>
  count(communityId: Id, actorId: Id, opts?: { unreadOnly?: boolean }): Promise<number>
  add(communityId: Id, notices: readonly NewNotification[], at: string): Promise<Notification[]>
  /** Marks a notice read; false when the actor has no such notice. */
  markRead(communityId: Id, actorId: Id, id: Id, at: string): Promise<boolean>
}

export interface Store {
  readonly dialect: Dialect
  territories: TerritoryRepository
  actors: CommunityRepository<ActorInput, Actor>
  responsibilities: CommunityRepository<ResponsibilityInput, Responsibility>
  activities: CommunityRepository<ActivityInput, Activity>
  ties: CommunityRepository<TieInput, Tie>
  accounts: AccountRepository
  sessions: SessionRepository
  audit: AuditRepository
  surveys: SurveyRepository
  matters: MatterRepository
  notifications: NotificationRepository
  /** Runs `fn` in one transaction: all its writes are stored, or none. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  /** Applies the migrations not yet applied; returns their names. */
  migrate(): Promise<string[]>
  close(): Promise<void>
}

/** Storage errors the server turns into answers (409 and 400), never 500. */
export class StoreError extends Error {
  constructor(
    /** E_CONFLICT: another write changed the record since it was read (read it again and retry). */
    readonly code: 'E_IN_USE' | 'E_REFERENCE' | 'E_DUPLICATE' | 'E_CONFLICT',
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
