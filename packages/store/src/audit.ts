// audit_log: who wrote what and when, with the record before and after; read here, written by each repository.

import type { AuditEntry, AuditRepository } from './api.js'
import { fromJson, paged, type Runner } from './internal.js'
import type { AuditRow } from './schema.js'

type StoredRow = Omit<AuditRow, 'id'> & { id: number | string }

const fromRow = (r: StoredRow): AuditEntry => ({
  id: Number(r.id),
  communityId: r.community_id,
  at: r.at,
  accountId: r.account_id,
  action: r.action as AuditEntry['action'],
  entity: r.entity as AuditEntry['entity'],
  entityId: r.entity_id,
  before: r.before === null ? null : fromJson<unknown>(r.before),
  after: r.after === null ? null : fromJson<unknown>(r.after),
})

export function auditRepository(run: Runner): AuditRepository {
  return {
    list: (filter, page) =>
      run.read(async (db) => {
        let q = db.selectFrom('audit_log').selectAll()
        if (filter.communityId !== undefined) q = q.where('community_id', '=', filter.communityId)
        if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity)
        if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId)
        return (await paged(q.orderBy('id'), page).execute()).map(fromRow)
      }),
  }
}
