import { z } from 'zod';
import { locales } from '../i18n/locales.ts';
import { FieldRules, Permission, Purpose, RoleCategory, Scope } from '../policy/model.ts';
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
  createdAt: z.string(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyInput = z.object({
  name: z.string().trim().min(2).max(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{2,32}$/),
  jurisdiction: JurisdictionCode,
  active: z.boolean().default(true),
  acceptsReferrals: z.boolean().default(false),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

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

export const RoleInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,47}$/),
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().max(500).default(''),
  category: RoleCategory,
  scope: Scope,
  permissions: z.array(Permission).max(100),
  fieldRules: FieldRules.default({}),
  purposes: z.array(Purpose).min(1),
  requireMfa: z.boolean().default(false),
});
export type RoleInput = z.infer<typeof RoleInput>;

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
