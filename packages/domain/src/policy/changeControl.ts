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

export type SecondApprovalReason = 'removes_enforcement_label' | 'relabels_held_label' | 'widens_enforcement_access';

/** A change to one of the labels the firewall reads: a role's category or an agency's kind. */
export interface LabelChange {
  from: string;
  to: string;
  /** Whether users hold the role, or belong to the agency. */
  held: boolean;
}

const enforcement = 'immigration_enforcement';

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

/** Whether a holder loses one of its enforcement labels: moved out of an enforcement role or agency. */
function dropsEnforcementLabel({ before, after }: HolderChange): boolean {
  return (
    (before.policy.category === enforcement && after.policy.category !== enforcement) ||
    (before.agencyKind === enforcement && after.agencyKind !== enforcement)
  );
}

/**
 * Why one administrator may not make a change alone, or null when they may (ADR 0015):
 * - an enforcement label (role category, agency kind) is never removed by one person, from a role,
 *   an agency or a user;
 * - a role's category or an agency's kind that users hold is never relabelled by one person;
 * - nor is an enforcement-linked holder given more child-data access.
 */
export function secondApprovalReason(change: { label?: LabelChange; holders: readonly HolderChange[] }): SecondApprovalReason | null {
  const { label, holders } = change;
  if (label && label.from !== label.to) {
    if (label.from === enforcement) return 'removes_enforcement_label';
    if (label.held) return 'relabels_held_label';
  }
  if (holders.some(dropsEnforcementLabel)) return 'removes_enforcement_label';
  if (holders.some((holder) => enforcementLinked(holder.before) && widensChildAccess(holder))) return 'widens_enforcement_access';
  return null;
}
