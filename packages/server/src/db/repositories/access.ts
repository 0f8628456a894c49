import {
  type Action,
  type Decision,
  defaultPurpose,
  denialError,
  evaluate,
  HavenError,
  type Principal,
  type Purpose,
  type Resource,
  type RowScope,
  refuseHiddenSearch,
  type SearchInput,
} from '@haven/domain';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, UnitOfWork } from '../unitOfWork.ts';

export type Allowed = Extract<Decision, { allowed: true }>;

export function requirePrincipal(uow: UnitOfWork): Principal {
  if (!uow.actor.principal) throw new HavenError('unauthenticated');
  return uow.actor.principal;
}

/** The purpose an actor acts for: the one their request names, or their role's default. */
export function purposeOf(actor: Actor, principal: Principal): Purpose {
  return actor.purpose ?? defaultPurpose(principal);
}

/**
 * Evaluates the policy for the unit of work's actor, or throws the matching error.
 * A refusal is audited (in its own transaction, since this one will roll back).
 */
export function authorize(
  uow: UnitOfWork,
  action: Action,
  resource: Resource,
  audit: { jurisdiction: string; recordId: string | null },
): Allowed {
  const principal = requirePrincipal(uow);
  const decision = evaluate({ principal, purpose: purposeOf(uow.actor, principal), action, resource });
  if (decision.allowed) return decision;
  uow.auditDenied({ ...audit, action, resource, changedFields: [] });
  throw new HavenError(denialError(decision.reason));
}

/**
 * Refuses a search on a field group the decision hides (audited as denied), so a filter cannot be
 * used to confirm what the role may not see.
 */
export function assertSearchable(
  uow: UnitOfWork,
  decision: Allowed,
  used: readonly SearchInput[],
  audit: { jurisdiction: string; recordId: string | null; action: string; resource: Resource },
): void {
  const refusal = refuseHiddenSearch(decision.fields, used);
  if (!refusal) return;
  uow.auditDenied({ ...audit, changedFields: refusal.details.filters });
  throw new HavenError(refusal.code, refusal.details);
}

/** Whether the actor could do `action`, without auditing or throwing (for shaping responses). */
export function can(uow: UnitOfWork, action: Action, resource: Resource): boolean {
  const principal = uow.actor.principal;
  if (!principal) return false;
  return evaluate({ principal, purpose: purposeOf(uow.actor, principal), action, resource }).allowed;
}

/** The SQL form of a row scope over a table with the ownership columns: the same rule as `inRowScope`. */
export function rowScopeFilter(table: 'child' | 'requesting' | 'other', rows: RowScope): RawBuilder<SqlBool> {
  const col = (column: string) => sql.ref(`${table}.${column}`);
  switch (rows.kind) {
    case 'own':
      // A caseworker a transfer waits for sees the case, to accept or decline it.
      return sql<SqlBool>`(${col('owner_user_id')} = ${rows.userId} OR ${col('pending_transfer_to')} = ${rows.userId})`;
    case 'team':
      return sql<SqlBool>`(${col('team_id')} = ANY(${[...rows.teamIds]}::uuid[]) OR (${col('team_id')} IS NULL AND ${col('agency_id')} = ${rows.agencyId}))`;
    case 'agency':
      return sql<SqlBool>`${col('agency_id')} = ${rows.agencyId}`;
    case 'jurisdiction':
      return sql<SqlBool>`(${col('jurisdiction')} = ${rows.jurisdiction} OR ${col('jurisdiction')} LIKE ${`${rows.jurisdiction}-%`})`;
    case 'all':
      return sql<SqlBool>`true`;
  }
}
