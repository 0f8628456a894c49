import { HavenError } from '@haven/domain';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, rowScopeFilter } from './access.ts';
import type { ChildRow } from './childRecord.ts';

/**
 * A child record in the actor's row scope, locked for update when asked. Out of scope and missing
 * look the same (404); an attempt on a record that exists out of scope is audited as denied.
 */
export async function childInScope(
  uow: UnitOfWork,
  id: string,
  decision: Allowed,
  attempt: { action: string; resource: 'child' | 'case'; lock?: boolean },
): Promise<ChildRow> {
  let query = uow.tx.selectFrom('child').selectAll().where('id', '=', id).where(rowScopeFilter('child', decision.rows));
  if (attempt.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (row) return row;
  const exists = await uow.tx.selectFrom('child').select('jurisdiction').where('id', '=', id).executeTakeFirst();
  if (exists) {
    uow.auditDenied({
      jurisdiction: exists.jurisdiction,
      action: attempt.action,
      resource: attempt.resource,
      recordId: id,
      changedFields: [],
    });
  }
  throw new HavenError('not_found');
}
