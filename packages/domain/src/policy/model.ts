import { z } from 'zod';

/**
 * Resources that permissions are granted on. `child` is the child's record itself; `case` is the
 * case management work on it (recording actions, approving, assigning, merging).
 */
export const resources = ['child', 'case', 'user', 'agency', 'team', 'role', 'audit'] as const;
export type Resource = (typeof resources)[number];

export const actions = [
  'create',
  'read',
  'update',
  'delete',
  'list',
  'export',
  'manage',
  'verify',
  'work',
  'approve',
  'assign',
  'merge',
  'override',
] as const;
export type Action = (typeof actions)[number];

/** Which actions make sense on which resource: the catalogue administrators pick from. */
export const permissionCatalogue: Record<Resource, readonly Action[]> = {
  child: ['create', 'read', 'update', 'delete', 'list', 'export'],
  case: ['work', 'approve', 'assign', 'merge', 'override'],
  user: ['read', 'manage'],
  agency: ['read', 'manage'],
  team: ['read', 'manage'],
  role: ['read', 'manage'],
  audit: ['read', 'verify'],
};

export type Permission = `${Resource}:${Action}`;

export const allPermissions: readonly Permission[] = resources.flatMap((resource) =>
  permissionCatalogue[resource].map((action) => `${resource}:${action}` as Permission),
);

export const Permission = z.custom<Permission>(
  (value) => typeof value === 'string' && (allPermissions as readonly string[]).includes(value),
  { message: 'unknown permission' },
);

/**
 * A role's category says what kind of actor holds it. The category, not the permission list,
 * decides whether the immigration-enforcement firewall applies.
 */
export const roleCategories = [
  'child_protection',
  'service_provision',
  'guardianship',
  'national_authority',
  'oversight',
  'administration',
  'partner_agency',
  'immigration_enforcement',
] as const;
export const RoleCategory = z.enum(roleCategories);
export type RoleCategory = z.infer<typeof RoleCategory>;

/**
 * What kind of organisation an agency is. Like a role's category, an agency of kind
 * `immigration_enforcement` (border police, immigration authority) is behind the firewall, whatever
 * role its users hold: relabelling one role does not lift it.
 */
export const agencyKinds = ['child_protection', 'service_provider', 'government', 'oversight', 'immigration_enforcement', 'other'] as const;
export const AgencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** Row scope, from narrowest to widest. */
export const scopes = ['own', 'team', 'agency', 'jurisdiction', 'all'] as const;
export const Scope = z.enum(scopes);
export type Scope = z.infer<typeof Scope>;

/** Why data is being processed (purpose limitation); every access is audited with it. */
export const purposes = [
  'case_management',
  'supervision',
  'service_delivery',
  'guardianship',
  'oversight',
  'statistics',
  'administration',
  'immigration_enforcement',
] as const;
export const Purpose = z.enum(purposes);
export type Purpose = z.infer<typeof Purpose>;

/** Field groups whose visibility a role can restrict. */
export const fieldGroups = ['identity', 'location', 'legal_status', 'protection_details', 'health', 'restricted_notes', 'photo'] as const;
export const FieldGroup = z.enum(fieldGroups);
export type FieldGroup = z.infer<typeof FieldGroup>;

export const FieldAccess = z.enum(['hidden', 'read']);
export type FieldAccess = z.infer<typeof FieldAccess>;

export const FieldRules = z.partialRecord(FieldGroup, FieldAccess);
export type FieldRules = z.infer<typeof FieldRules>;

/** The policy part of a role, as stored in the `role` table. */
export const RolePolicy = z.object({
  category: RoleCategory,
  scope: Scope,
  permissions: z.array(Permission),
  fieldRules: FieldRules,
  purposes: z.array(Purpose).min(1),
  requireMfa: z.boolean(),
});
export type RolePolicy = z.infer<typeof RolePolicy>;

/** Who is acting: bound to every request and every repository. */
export interface Principal {
  userId: string;
  agencyId: string;
  teamIds: readonly string[];
  /** ISO 3166 code of the user's jurisdiction, e.g. `GR` or `GR-I`. */
  jurisdiction: string;
  /** The kind of the user's agency: the firewall looks at it as well as at the role's category. */
  agencyKind: AgencyKind;
  roleId: string;
  roleKey: string;
  policy: RolePolicy;
}

/** The ownership attributes of a record that row scope is evaluated against. */
export interface RecordOwnership {
  jurisdiction: string;
  agencyId: string;
  teamId: string | null;
  ownerUserId: string | null;
  /** A caseworker a transfer waits for, who may see the record to accept or decline it. */
  pendingTransferTo?: string | null;
}
