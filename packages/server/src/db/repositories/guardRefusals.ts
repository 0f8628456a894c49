import { HavenError, type Refusal } from '@haven/domain';
import type { AuditInput, UnitOfWork } from '../unitOfWork.ts';

export type Attempt = Omit<AuditInput, 'changedFields'>;

/**
 * Runs the guarded part of a use-case on a record already in the actor's scope: any refusal it
 * raises (a HavenError: a workflow guard, a safeguard, a bad date) is audited as a denied attempt
 * on that record, so oversight sees repeated attempts (ADR 0017). Nothing else is written.
 */
export async function guarded<T>(uow: UnitOfWork, attempt: Attempt, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HavenError) uow.auditDenied({ ...attempt, changedFields: [] });
    throw error;
  }
}

/** Throws a pure guard's refusal, if any. */
export function refuseWith(refusal: Refusal | null): void {
  if (refusal) throw new HavenError(refusal.code, refusal.details);
}
