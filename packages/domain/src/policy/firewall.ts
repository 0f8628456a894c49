import { type Action, type AgencyKind, actions, type Principal, type Purpose, type Resource, type RoleCategory } from './model.ts';

/**
 * Resources that hold data about an individual child. New child-data resources
 * (case, note, tracing request, …) must be listed here so the firewall covers them.
 */
export const individualChildResources: ReadonlySet<Resource> = new Set<Resource>(['child', 'case']);

/**
 * Actions that disclose individual child data to the actor: every action but `create`, which is
 * write-only registration and referral. Case work (`case:work`, `case:approve`, …) discloses too.
 */
const disclosingActions: ReadonlySet<Action> = new Set<Action>(actions.filter((a) => a !== 'create'));

export interface FirewallInput {
  principal: Principal;
  purpose: Purpose;
  action: Action;
  resource: Resource;
}

/** What the firewall knows of an actor: the role's category and the agency's kind. */
export interface EnforcementLabels {
  policy: { category: RoleCategory };
  agencyKind: AgencyKind;
}

/**
 * Whether an actor is on the enforcement side: their role's category OR their agency's kind says so.
 * Either label alone keeps the firewall closed, so no single relabelling opens it.
 */
export function enforcementLinked(labels: EnforcementLabels): boolean {
  return labels.policy.category === 'immigration_enforcement' || labels.agencyKind === 'immigration_enforcement';
}

export type FirewallRule = (input: FirewallInput) => boolean;

/**
 * Rules that deny, whatever permissions a role was given. Each returns true when the access
 * must be refused. Later features (data sharing agreements, aggregate-only exports) add rules here.
 */
export const firewallRules: readonly FirewallRule[] = [
  // An immigration-enforcement actor (by role category or by agency kind) never sees an individual child's record.
  ({ principal, action, resource }) =>
    enforcementLinked(principal) && individualChildResources.has(resource) && disclosingActions.has(action),
  // Nor does anyone acting for an immigration-enforcement purpose, whatever their role.
  ({ purpose, action, resource }) =>
    purpose === 'immigration_enforcement' && individualChildResources.has(resource) && disclosingActions.has(action),
];

export function firewallBlocks(input: FirewallInput): boolean {
  return firewallRules.some((rule) => rule(input));
}
