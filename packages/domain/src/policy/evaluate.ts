import { firewallBlocks } from './firewall.ts';
import type { Action, FieldAccess, FieldGroup, Permission, Principal, Purpose, RecordOwnership, Resource, Scope } from './model.ts';

/** The rows a decision lets through, expressed as data so the repository can turn it into SQL. */
export type RowScope =
  | { kind: 'own'; userId: string }
  /** The teams' records, and the agency's records no team has taken yet (the intake pool). */
  | { kind: 'team'; teamIds: readonly string[]; agencyId: string }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'jurisdiction'; jurisdiction: string }
  | { kind: 'all' };

export type DenyReason = 'no_permission' | 'firewall' | 'purpose_not_permitted';

export type Decision =
  | { allowed: true; rows: RowScope; fields: Partial<Record<FieldGroup, FieldAccess>> }
  | { allowed: false; reason: DenyReason };

export interface AccessRequest {
  principal: Principal;
  purpose: Purpose;
  action: Action;
  resource: Resource;
}

/** The purpose an actor acts for when a request names none: their role's first purpose. */
export function defaultPurpose(principal: Principal): Purpose {
  return principal.policy.purposes[0] ?? 'case_management';
}

/** The error a refusal is reported with. */
export function denialError(reason: DenyReason): 'firewall_denied' | 'purpose_not_permitted' | 'forbidden' {
  switch (reason) {
    case 'firewall':
      return 'firewall_denied';
    case 'purpose_not_permitted':
      return 'purpose_not_permitted';
    case 'no_permission':
      return 'forbidden';
  }
}

/** Pure, default-deny policy evaluation. */
export function evaluate({ principal, purpose, action, resource }: AccessRequest): Decision {
  if (firewallBlocks({ principal, purpose, action, resource })) return { allowed: false, reason: 'firewall' };
  if (!principal.policy.purposes.includes(purpose)) return { allowed: false, reason: 'purpose_not_permitted' };
  const permission = `${resource}:${action}` as Permission;
  if (!principal.policy.permissions.includes(permission)) return { allowed: false, reason: 'no_permission' };
  return { allowed: true, rows: rowScope(principal.policy.scope, principal), fields: { ...principal.policy.fieldRules } };
}

export function rowScope(scope: Scope, principal: Principal): RowScope {
  switch (scope) {
    case 'own':
      return { kind: 'own', userId: principal.userId };
    case 'team':
      return { kind: 'team', teamIds: principal.teamIds, agencyId: principal.agencyId };
    case 'agency':
      return { kind: 'agency', agencyId: principal.agencyId };
    case 'jurisdiction':
      return { kind: 'jurisdiction', jurisdiction: principal.jurisdiction };
    case 'all':
      return { kind: 'all' };
  }
}

/** `GR-I` lies within `GR`; `GR` does not lie within `GR-I`. */
export function jurisdictionContains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}-`);
}

/** Whether one record falls inside a row scope: the same rule the repository applies in SQL. */
export function inRowScope(rows: RowScope, record: RecordOwnership): boolean {
  switch (rows.kind) {
    case 'own':
      return record.ownerUserId === rows.userId || record.pendingTransferTo === rows.userId;
    case 'team':
      return record.teamId === null ? record.agencyId === rows.agencyId : rows.teamIds.includes(record.teamId);
    case 'agency':
      return record.agencyId === rows.agencyId;
    case 'jurisdiction':
      return jurisdictionContains(rows.jurisdiction, record.jurisdiction);
    case 'all':
      return true;
  }
}

/** Fields of a resource a decision hides entirely, and those it lets the actor read but not write. */
export function fieldAccess(decision: Extract<Decision, { allowed: true }>, group: FieldGroup | null): 'hidden' | 'read' | 'write' {
  if (group === null) return 'write';
  return decision.fields[group] ?? 'write';
}
