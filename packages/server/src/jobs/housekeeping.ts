import { globalJurisdiction } from '../audit/hash.ts';
import { type DataDeps, runInTransaction } from '../db/unitOfWork.ts';

/** How long ended sessions and stored create responses are kept, in days. */
export interface Retention {
  /** Sessions revoked or past their absolute expiry this long ago (sign-ins stay in the audit trail). */
  sessionDays: number;
  /** Idempotency keys: a retry this much later is a new request (offline devices sync within days). */
  idempotencyDays: number;
}

export const defaultRetention: Retention = { sessionDays: 30, idempotencyDays: 30 };

const system = { principal: null, purpose: 'administration' as const, requestId: null };

/**
 * Deletes what has outlived its use: ended sessions (only a hash of each token was ever stored)
 * and idempotency keys (they hold a record id, never child data). One audit event records the
 * purge with the names of what was purged, never values.
 */
export async function purgeExpired(
  deps: DataDeps,
  retention: Retention = defaultRetention,
): Promise<{ sessions: number; idempotencyKeys: number }> {
  return runInTransaction(deps, system, async (uow) => {
    const day = 86_400_000;
    const sessionsBefore = new Date(uow.now.getTime() - retention.sessionDays * day);
    const sessions = await uow.tx
      .deleteFrom('session')
      .where((eb) => eb.or([eb('absolute_expires_at', '<', sessionsBefore), eb('revoked_at', '<', sessionsBefore)]))
      .executeTakeFirst();
    const keys = await uow.tx
      .deleteFrom('idempotency_key')
      .where('created_at', '<', new Date(uow.now.getTime() - retention.idempotencyDays * day))
      .executeTakeFirst();
    const purged = { sessions: Number(sessions.numDeletedRows), idempotencyKeys: Number(keys.numDeletedRows) };
    uow.audit({
      jurisdiction: globalJurisdiction,
      action: 'purge',
      resource: 'system',
      recordId: null,
      changedFields: Object.entries(purged)
        .filter(([, n]) => n > 0)
        .map(([name]) => name),
    });
    return purged;
  });
}
