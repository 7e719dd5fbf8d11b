// Accounts (administrators) and the audit log of every write.

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AccountInput, Id, Password } from '@cosafe/core'
import type { Store } from '@cosafe/store'
import { authorize, communityFor } from '../access.js'
import { hashPassword, requireAccount } from '../auth.js'
import { CommunityParams } from './records.js'

export function adminRoutes(app: FastifyInstance, store: Store): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get('/api/accounts', { schema: { tags: ['accounts'], summary: 'Every account (administrators)' } }, async (req) => {
    authorize(requireAccount(req), 'read', 'account')
    return { items: await store.accounts.list() }
  })
  r.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (administrators)',
        body: z.intersection(AccountInput, z.object({ password: Password })),
      },
    },
    async (req, reply) => {
      const account = requireAccount(req)
      authorize(account, 'write', 'account')
      const { password, ...input } = req.body
      const created = await store.accounts.create({ accountId: account.id }, input, await hashPassword(password))
      return reply.code(201).send(created)
    },
  )
  r.get(
    '/api/communities/:communityId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who wrote what in this community, newest first',
        params: CommunityParams,
        querystring: z.object({
          entity: z.enum(['actor', 'responsibility', 'activity', 'tie']).optional(),
          entityId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const { community } = await communityFor(req, store, req.params.communityId, 'read', 'audit')
      const { limit, offset, ...filter } = req.query
      return { items: await store.audit.list({ ...filter, communityId: community.id }, { limit, offset }) }
    },
  )
}
