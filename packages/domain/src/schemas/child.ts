import { z } from 'zod';
import type { FieldGroup } from '../policy/model.ts';
import { IsoDate, JurisdictionCode, Uuid } from './common.ts';

/**
 * The minimal child record of the platform foundation: enough to exercise policy, field masks,
 * encryption and audit. The case management issue extends it (names as parts, age basis, …).
 */
export const Sex = z.enum(['female', 'male', 'other', 'unknown']);

/** ISO 3166-1 alpha-2, or ICAO codes for stateless (XXA), refugee (XXB, XXC) and unspecified (XXX). */
export const NationalityCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2}|XX[ABCX])$/);

const childFields = {
  givenName: z.string().trim().min(1).max(200),
  familyName: z.string().trim().max(200).optional(),
  sex: Sex,
  birthDate: IsoDate.refine((date) => date <= new Date().toISOString().slice(0, 10), {
    message: 'a date of birth cannot be in the future',
  }).optional(),
  nationality: z.array(NationalityCode).max(5),
  location: z.string().trim().max(500).optional(),
  legalStatus: z.string().trim().max(200).optional(),
  protectionNotes: z.string().trim().max(10_000).optional(),
  teamId: Uuid.optional(),
};

export const ChildInput = z.object({
  ...childFields,
  nationality: childFields.nationality.default([]),
  jurisdiction: JurisdictionCode.optional(),
});
export type ChildInput = z.infer<typeof ChildInput>;

/** No defaults here: a field absent from an update is left as it is. */
export const ChildUpdateInput = z.object(childFields).partial();
export type ChildUpdateInput = z.infer<typeof ChildUpdateInput>;

/** A child as returned to a reader: fields their role hides are absent. */
export const Child = z.object({
  id: Uuid,
  reference: z.string(),
  jurisdiction: z.string(),
  agencyId: Uuid,
  teamId: Uuid.nullable(),
  ownerUserId: Uuid.nullable(),
  version: z.number().int(),
  sex: Sex,
  birthYear: z.number().int().nullable(),
  nationality: z.array(z.string()),
  givenName: z.string().optional(),
  familyName: z.string().nullable().optional(),
  birthDate: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  legalStatus: z.string().nullable().optional(),
  protectionNotes: z.string().nullable().optional(),
  hiddenFieldGroups: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Child = z.infer<typeof Child>;

/** What the firewall lets a write-only registrant see of what they created. */
export const ChildReceipt = z.object({ id: Uuid, reference: z.string(), createdAt: z.string() });

/** Which field group each restricted child field belongs to; unlisted fields are unrestricted. */
export const childFieldGroups = {
  givenName: 'identity',
  familyName: 'identity',
  birthDate: 'identity',
  location: 'location',
  legalStatus: 'legal_status',
  protectionNotes: 'protection_details',
} as const satisfies Record<string, FieldGroup>;
export type RestrictedChildField = keyof typeof childFieldGroups;
