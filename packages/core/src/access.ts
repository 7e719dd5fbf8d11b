// Accounts, roles and who may do what: 账号、角色与权限 — one table, read by the server and tested as a matrix.
//
// A role says what kind of thing an account may do; its scope says where: an admin everywhere,
// a district, street or researcher account in the communities under its territory, community
// staff, actor representatives and residents in their own community only. Records of another
// community are invisible (the server answers 404, not 403, so that their existence does not leak).

import { z } from 'zod'
import { Id } from './records.js'

export const ROLES = {
  admin: { zh: '系统管理员', en: 'administrator' },
  district: { zh: '区级用户', en: 'district office' },
  street: { zh: '街道用户', en: 'street office' },
  community: { zh: '社区工作人员', en: 'community staff' },
  actor: { zh: '主体代表', en: 'actor representative' },
  researcher: { zh: '研究人员（只读）', en: 'researcher (read-only)' },
  resident: { zh: '居民', en: 'resident' },
} as const
export type Role = keyof typeof ROLES
export const ROLE_CODES = Object.keys(ROLES) as Role[]

/** What is acted on. */
export type Resource =
  | 'territory'
  | 'actor'
  | 'responsibility'
  | 'activity'
  | 'tie'
  | 'network'
  | 'import'
  | 'account'
  | 'audit'
  | 'survey'
  | 'matter'
/** How. */
export type Action = 'read' | 'write'

type Grants = Partial<Record<Resource, readonly Action[]>>
const R = ['read'] as const
const RW = ['read', 'write'] as const

/**
 * The permission table. Write covers create, update and delete. Actor representatives may
 * record ties (their own actor's, checked by the server) and read the records of their
 * community; they take the handler's steps of matters (accept, start, return, done, arrive) for
 * their own actor only, checked by the server. Residents report matters through the public form,
 * which needs no account. Survey respondents need no account: their personal link is their key.
 */
export const PERMISSIONS: Record<Role, Grants> = {
  admin: {
    territory: RW,
    actor: RW,
    responsibility: RW,
    activity: RW,
    tie: RW,
    network: R,
    import: RW,
    account: RW,
    audit: R,
    survey: RW,
    matter: RW,
  },
  district: {
    territory: R,
    actor: R,
    responsibility: R,
    activity: R,
    tie: R,
    network: R,
    audit: R,
    survey: R,
    matter: R,
  },
  street: {
    territory: R,
    actor: RW,
    responsibility: RW,
    activity: RW,
    tie: RW,
    network: R,
    import: RW,
    audit: R,
    survey: RW,
    matter: RW,
  },
  community: {
    territory: R,
    actor: RW,
    responsibility: RW,
    activity: RW,
    tie: RW,
    network: R,
    import: RW,
    audit: R,
    survey: RW,
    matter: RW,
  },
  actor: { territory: R, actor: R, responsibility: R, activity: R, tie: RW, network: R, matter: RW },
  researcher: { territory: R, actor: R, responsibility: R, activity: R, tie: R, network: R, survey: R, matter: R },
  resident: { territory: R },
}

/** May this role do this to this kind of record (scope aside)? */
export function can(role: Role, action: Action, resource: Resource): boolean {
  return PERMISSIONS[role][resource]?.includes(action) ?? false
}

/** Roles whose scope is a territory (all communities under it); the rest are bound to one community. */
export const TERRITORY_SCOPED: readonly Role[] = ['district', 'street', 'researcher']

export const AccountInput = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, 'at least 3 characters')
      .max(64)
      .regex(/^[a-z0-9_.-]+$/, 'use lower-case letters, digits and _ . - only'),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLE_CODES as [Role, ...Role[]]),
    /** District/street/researcher: a territory; community staff, actor, resident: a community; admin: none. */
    scopeId: Id.nullable(),
    /** Actor representatives: the actor they speak for. */
    actorId: Id.nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.role === 'admin' && a.scopeId !== null)
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: 'an administrator has no scope' })
    if (a.role !== 'admin' && a.scopeId === null)
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: `a ${a.role} account needs a scope` })
    if (a.role === 'actor' && a.actorId === null)
      ctx.addIssue({ code: 'custom', path: ['actorId'], message: 'an actor representative names their actor' })
    if (a.role !== 'actor' && a.actorId !== null)
      ctx.addIssue({ code: 'custom', path: ['actorId'], message: 'only actor representatives name an actor' })
  })
export type AccountInput = z.infer<typeof AccountInput>

export const Password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200, 'at most 200 characters')
  .refine((p) => new Set(p).size >= 4, 'too simple: use more different characters')

export interface Account extends AccountInput {
  id: Id
  createdAt: string
}

/**
 * Is a community inside an account's scope? `ancestors` lists the community's territory id and
 * those above it (community, street, district).
 */
export function inScope(account: Pick<Account, 'role' | 'scopeId'>, ancestors: readonly Id[]): boolean {
  if (account.role === 'admin') return true
  if (account.scopeId === null) return false
  if (TERRITORY_SCOPED.includes(account.role)) return ancestors.includes(account.scopeId)
  return ancestors[0] === account.scopeId
}

/** Researchers see individuals only under their alias, with no notes or contact details. */
export function pseudonymised(role: Role): boolean {
  return role === 'researcher'
}
