import { z } from 'zod';
import { locales } from '../i18n/locales.ts';
import { AgencyKind, FieldRules, Permission, Purpose, RoleCategory, Scope } from '../policy/model.ts';
import { Email, JurisdictionCode, Password, Uuid } from './common.ts';

export const LocaleCode = z.enum(locales);

export const Agency = z.object({
  id: Uuid,
  name: z.string(),
  code: z.string(),
  jurisdiction: z.string(),
  active: z.boolean(),
  /** A child protection agency that receives first-contact referrals. */
  acceptsReferrals: z.boolean(),
  kind: AgencyKind,
  createdAt: z.string(),
});
export type Agency = z.infer<typeof Agency>;

const agencyFields = z.object({
  name: z.string().trim().min(2).max(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{2,32}$/),
  jurisdiction: JurisdictionCode,
  active: z.boolean(),
  acceptsReferrals: z.boolean(),
  kind: AgencyKind,
});

export const AgencyInput = agencyFields.extend({
  active: z.boolean().default(true),
  acceptsReferrals: z.boolean().default(false),
  kind: AgencyKind.default('other'),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

/** A change to an agency: only the fields sent (no defaults, so a patch never resets one). */
export const AgencyPatch = agencyFields.partial();
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const Team = z.object({
  id: Uuid,
  agencyId: Uuid,
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;

export const TeamInput = z.object({
  agencyId: Uuid,
  name: z.string().trim().min(2).max(200),
  active: z.boolean().default(true),
});
export type TeamInput = z.infer<typeof TeamInput>;

export const TeamPatch = z.object({ name: z.string().trim().min(2).max(200), active: z.boolean() }).partial();
export type TeamPatch = z.infer<typeof TeamPatch>;

export const Role = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  category: RoleCategory,
  scope: Scope,
  permissions: z.array(Permission),
  fieldRules: FieldRules,
  purposes: z.array(Purpose),
  requireMfa: z.boolean(),
});
export type Role = z.infer<typeof Role>;

const roleFields = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,47}$/),
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500),
  category: RoleCategory,
  scope: Scope,
  permissions: z.array(Permission).max(100),
  fieldRules: FieldRules,
  purposes: z.array(Purpose).min(1),
  requireMfa: z.boolean(),
});

export const RoleInput = roleFields.extend({
  description: z.string().trim().max(500).default(''),
  fieldRules: FieldRules.default({}),
  requireMfa: z.boolean().default(false),
});
export type RoleInput = z.infer<typeof RoleInput>;

/** A change to a role: only the fields sent (a patch that names the role does not clear its field rules). */
export const RolePatch = roleFields.partial();
export type RolePatch = z.infer<typeof RolePatch>;

export const User = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  agencyId: Uuid,
  teamIds: z.array(Uuid),
  roleId: Uuid,
  jurisdiction: z.string(),
  locale: LocaleCode,
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserCreateInput = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  password: Password,
  agencyId: Uuid,
  teamIds: z.array(Uuid).max(20).default([]),
  roleId: Uuid,
  jurisdiction: JurisdictionCode.optional(),
  locale: LocaleCode.default('en'),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  agencyId: Uuid.optional(),
  teamIds: z.array(Uuid).max(20).optional(),
  roleId: Uuid.optional(),
  jurisdiction: JurisdictionCode.optional(),
  locale: LocaleCode.optional(),
  active: z.boolean().optional(),
  unlock: z.boolean().optional(),
  resetMfa: z.boolean().optional(),
  password: Password.optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

/** The part of a user a change request may change: where they sit and which role they hold. */
export const UserAccessPatch = z
  .object({ agencyId: Uuid, roleId: Uuid, teamIds: z.array(Uuid).max(20), jurisdiction: JurisdictionCode })
  .partial();
export type UserAccessPatch = z.infer<typeof UserAccessPatch>;

/**
 * A change that widens an enforcement-linked actor's access to child data, or relabels a role or
 * agency people hold, waits as a change request until a second administrator approves it (ADR 0015).
 */
export const ChangeRequestInput = z.discriminatedUnion('target', [
  z.object({ target: z.literal('role'), targetId: Uuid, patch: RolePatch }),
  z.object({ target: z.literal('agency'), targetId: Uuid, patch: AgencyPatch }),
  z.object({ target: z.literal('user'), targetId: Uuid, patch: UserAccessPatch }),
]);
export type ChangeRequestInput = z.infer<typeof ChangeRequestInput>;
export type ChangeRequestTarget = ChangeRequestInput['target'];

export const ChangeRequestStatus = z.enum(['pending', 'approved', 'rejected']);
export type ChangeRequestStatus = z.infer<typeof ChangeRequestStatus>;

export const ChangeRequest = z.object({
  id: Uuid,
  target: z.enum(['role', 'agency', 'user']),
  targetId: Uuid,
  targetName: z.string(),
  patch: z.record(z.string(), z.unknown()),
  status: ChangeRequestStatus,
  requestedBy: Uuid,
  /** Who asked, by name, so the second administrator knows whose change they decide. */
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: Uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;
