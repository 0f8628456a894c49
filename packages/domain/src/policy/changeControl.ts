import { evaluate } from './evaluate.ts';
import { enforcementLinked, individualChildResources } from './firewall.ts';
import { type AgencyKind, type FieldAccess, fieldGroups, permissionCatalogue, type RolePolicy, scopes } from './model.ts';

/** A role held in an agency: the two things that decide what a user may see of child data. */
export interface AccessHolder {
  policy: RolePolicy;
  agencyKind: AgencyKind;
}

/** One holder's access before and after a change. */
export interface HolderChange {
  before: AccessHolder;
  after: AccessHolder;
}

export type SecondApprovalReason = 'relabels_held_label' | 'widens_enforcement_access';

/** The child-data permissions (`resource:action`) a holder gets through `evaluate`, for any of its purposes. */
function childGrants(holder: AccessHolder): Set<string> {
  const principal = { userId: '', agencyId: '', teamIds: [], jurisdiction: '', roleId: '', roleKey: '', ...holder };
  const grants = new Set<string>();
  for (const resource of individualChildResources) {
    for (const action of permissionCatalogue[resource]) {
      if (holder.policy.purposes.some((purpose) => evaluate({ principal, purpose, action, resource }).allowed)) {
        grants.add(`${resource}:${action}`);
      }
    }
  }
  return grants;
}

/** The holder as the permissions alone describe it: the labels the firewall reads set to non-enforcement ones. */
function unlabelled(holder: AccessHolder): AccessHolder {
  return { policy: { ...holder.policy, category: 'child_protection' }, agencyKind: 'other' };
}

const fieldOpenness = (access: FieldAccess | undefined) => (access === 'hidden' ? 0 : access === 'read' ? 1 : 2);

/**
 * Whether a change gives more access to child data: a permission the firewall now lets through, a
 * child-data permission added (even one the firewall still blocks), a wider scope or a field group
 * less restricted on a role that has any child-data permission.
 */
export function widensChildAccess({ before, after }: HolderChange): boolean {
  const gains = (was: Set<string>, now: Set<string>) => [...now].some((grant) => !was.has(grant));
  if (gains(childGrants(before), childGrants(after))) return true;
  const nominalAfter = childGrants(unlabelled(after));
  if (gains(childGrants(unlabelled(before)), nominalAfter)) return true;
  if (nominalAfter.size === 0) return false;
  if (scopes.indexOf(after.policy.scope) > scopes.indexOf(before.policy.scope)) return true;
  return fieldGroups.some((group) => fieldOpenness(after.policy.fieldRules[group]) > fieldOpenness(before.policy.fieldRules[group]));
}

/**
 * Why one administrator may not make a change alone, or null when they may (ADR 0015):
 * - a role's category or an agency's kind that users hold is never relabelled by one person;
 * - nor is an enforcement-linked holder (role category or agency kind) given more child-data access.
 */
export function secondApprovalReason(change: { relabelsHeldLabel: boolean; holders: readonly HolderChange[] }): SecondApprovalReason | null {
  if (change.relabelsHeldLabel) return 'relabels_held_label';
  if (change.holders.some((holder) => enforcementLinked(holder.before) && widensChildAccess(holder))) return 'widens_enforcement_access';
  return null;
}
