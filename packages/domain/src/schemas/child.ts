import { z } from 'zod';
import { AgeInfo, ageGroups, unknownAge } from '../case/age.ts';
import {
  AgeBasis,
  BirthDatePrecision,
  CareStatus,
  CaseStatus,
  DocumentType,
  EncounterSetting,
  MigrationDriver,
  MigrationStage,
  MovementType,
  ProtectionCategory,
  RiskLevel,
  ScreeningIndicator,
  Typology,
  WorkflowStep,
} from '../case/codes.ts';
import { CitizenshipStatus, CountryCode, CountryOrIcaoCode } from '../codes/countries.ts';
import { LanguageCode } from '../codes/languages.ts';
import { DisabilityScreening } from '../disability/answers.ts';
import type { FieldGroup } from '../policy/model.ts';
import { IsoDate, IsoDateTime, JurisdictionCode, Uuid } from './common.ts';
import { NamePart, Names } from './person.ts';

export const Sex = z.enum(['female', 'male', 'other', 'unknown']);
export type Sex = z.infer<typeof Sex>;

/** ISO 3166-1 alpha-2, or ICAO codes for stateless (XXA), refugee (XXB, XXC) and unspecified (XXX). */
export const NationalityCode = CountryOrIcaoCode;

export const ChildLanguage = z.object({ code: LanguageCode, interpreterNeeded: z.boolean().default(false) });
export const HeldDocument = z.object({
  type: DocumentType,
  held: z.boolean(),
  number: z.string().trim().max(100).optional(),
  issuingCountry: CountryCode.optional(),
});
export const RouteLeg = z.object({ country: CountryCode, from: IsoDate.optional(), to: IsoDate.optional() });
export const BirthRegistration = z.enum(['registered', 'not_registered', 'unknown']);

const notInFuture = (date: string) => date <= new Date().toISOString().slice(0, 10);
/** A moment that has happened (five minutes of clock skew between a phone and the server allowed). */
const Past = IsoDateTime.refine((at) => Date.parse(at) <= Date.now() + 300_000, { message: 'this cannot be in the future' });
const ChildAge = AgeInfo.refine((a) => a.birthDate === null || notInFuture(a.birthDate), {
  message: 'a date of birth cannot be in the future',
  path: ['birthDate'],
});

/** An admin_area code: ISO 3166-2 style, nesting by prefix (GR-I, GR-I-01). */
export const LocationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,10}){0,5}$/);

/** The profile fields a registration or an update can carry. */
const profileFields = {
  names: Names,
  sex: Sex,
  age: ChildAge,
  nationality: z.array(NationalityCode).max(5),
  citizenshipStatus: CitizenshipStatus,
  countryOfBirth: CountryCode,
  languages: z.array(ChildLanguage).max(10),
  disability: DisabilityScreening,
  documents: z.array(HeldDocument).max(20),
  birthRegistration: BirthRegistration,
  locationCode: LocationCode,
  locationDetail: z.string().trim().max(500),
  typology: z.array(Typology).max(20),
  protectionCategories: z.array(ProtectionCategory).max(20),
  careStatus: CareStatus,
  stage: MigrationStage,
  movementType: MovementType,
  drivers: z.array(MigrationDriver).max(12),
  route: z.array(RouteLeg).max(30),
  legalStatus: z.string().trim().max(200),
  protectionNotes: z.string().trim().max(10_000),
  teamId: Uuid,
};

/**
 * A full registration. By a role that does case work the case opens at once; by any other role
 * (a border official) the child is referred, as at first contact (registrationPath).
 */
export const ChildInput = z.object({
  ...profileFields,
  age: ChildAge.default(unknownAge),
  nationality: profileFields.nationality.default([]),
  citizenshipStatus: profileFields.citizenshipStatus.default('unknown'),
  countryOfBirth: profileFields.countryOfBirth.optional(),
  languages: profileFields.languages.default([]),
  disability: profileFields.disability.optional(),
  documents: profileFields.documents.default([]),
  birthRegistration: profileFields.birthRegistration.default('unknown'),
  locationCode: profileFields.locationCode.optional(),
  locationDetail: profileFields.locationDetail.optional(),
  typology: profileFields.typology.default([]),
  protectionCategories: profileFields.protectionCategories.default([]),
  careStatus: profileFields.careStatus.optional(),
  stage: profileFields.stage.optional(),
  movementType: profileFields.movementType.optional(),
  drivers: profileFields.drivers.default([]),
  route: profileFields.route.default([]),
  legalStatus: profileFields.legalStatus.optional(),
  protectionNotes: profileFields.protectionNotes.optional(),
  teamId: profileFields.teamId.optional(),
  jurisdiction: JurisdictionCode.optional(),
  firstContactAt: Past.optional(),
  encounterSetting: EncounterSetting.optional(),
  /** When the registrant's role does no case work, the agency the child is referred to (as at first contact). */
  referToAgencyId: Uuid.optional(),
});
export type ChildInput = z.infer<typeof ChildInput>;

/**
 * No defaults here: a field absent from an update is left as it is. Care status and migration
 * stage change through case actions, which keep their dated history.
 */
export const ChildUpdateInput = z.object(profileFields).omit({ careStatus: true, stage: true }).partial();
export type ChildUpdateInput = z.infer<typeof ChildUpdateInput>;

/**
 * Quick first-contact registration (R10, R11): what a border official, police officer or outreach
 * worker can record in a short encounter on a phone. It creates the record and refers the child to
 * child protection at once; the referral, not detention, is the outcome.
 */
export const FirstContactInput = z.object({
  names: z.array(NamePart).max(12).default([]),
  sex: Sex,
  /** Apparent or stated age in years, when no date of birth is known. */
  approximateAge: z.number().int().min(0).max(25).optional(),
  birthDate: IsoDate.refine(notInFuture, { message: 'a date of birth cannot be in the future' }).optional(),
  nationality: z.array(NationalityCode).max(5).default([]),
  typology: z.array(Typology).max(20).default([]),
  careStatus: CareStatus.optional(),
  encounterSetting: EncounterSetting,
  firstContactAt: Past,
  locationCode: LocationCode.optional(),
  urgentConcern: z.boolean().default(false),
  concerns: z.array(ScreeningIndicator).max(30).default([]),
  /** The child protection agency the child is referred to; by default the jurisdiction's referral agency. */
  referToAgencyId: Uuid.optional(),
  note: z.string().trim().max(4_000).optional(),
});
export type FirstContactInput = z.infer<typeof FirstContactInput>;

export const CaseSummary = z.object({
  status: CaseStatus,
  step: WorkflowStep,
  riskLevel: RiskLevel.nullable(),
  urgent: z.boolean(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  firstContactAt: z.string().nullable(),
  referredAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedInto: Uuid.nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** Alerts the record raises by itself (R21, R22, R159). */
export const childFlags = [
  'age_in_doubt',
  'birth_registration_referral',
  'statelessness_referral',
  'approaching_majority',
  'not_treated_as_child',
] as const;
export const ChildFlag = z.enum(childFlags);

/** A child as returned to a reader: fields their role hides are absent. */
export const Child = z.object({
  id: Uuid,
  reference: z.string(),
  jurisdiction: z.string(),
  agencyId: Uuid,
  teamId: Uuid.nullable(),
  assignedUserId: Uuid.nullable(),
  version: z.number().int(),
  sex: Sex,
  birthYear: z.number().int().nullable(),
  age: z.object({
    birthDate: z.string().nullable().optional(),
    birthDatePrecision: BirthDatePrecision,
    ageBasis: AgeBasis,
    assessedMinAge: z.number().nullable(),
    assessedMaxAge: z.number().nullable(),
    assessmentConcluded: z.boolean(),
    assessmentDate: z.string().nullable(),
    years: z.number().nullable(),
    treatedAsChild: z.boolean(),
    inDoubt: z.boolean(),
    eighteenthBirthday: z.string().nullable().optional(),
  }),
  nationality: z.array(z.string()),
  citizenshipStatus: CitizenshipStatus,
  countryOfBirth: z.string().nullable(),
  languages: z.array(ChildLanguage),
  birthRegistration: BirthRegistration,
  typology: z.array(Typology),
  /** Present when the reader may see protection details. */
  protectionCategories: z.array(ProtectionCategory).optional(),
  careStatus: CareStatus.nullable(),
  stage: MigrationStage.nullable(),
  movementType: MovementType.nullable(),
  drivers: z.array(MigrationDriver),
  locationCode: z.string().nullable(),
  names: z.array(NamePart).optional(),
  /** Absent when no name is recorded, or when the reader's role hides identity (then `nameHidden`). */
  displayName: z.string().optional(),
  /** The reader's role hides the name: "name restricted", not "name not recorded". */
  nameHidden: z.boolean(),
  documents: z.array(HeldDocument).optional(),
  locationDetail: z.string().nullable().optional(),
  route: z.array(RouteLeg).optional(),
  legalStatus: z.string().nullable().optional(),
  protectionNotes: z.string().nullable().optional(),
  disability: DisabilityScreening.nullable().optional(),
  disabilityIdentified: z.boolean().nullable().optional(),
  /** Whether a photo is stored (present when the reader may see photos). */
  hasPhoto: z.boolean().optional(),
  case: CaseSummary,
  flags: z.array(ChildFlag),
  hiddenFieldGroups: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Child = z.infer<typeof Child>;

/** A row of the case list: what a list shows, opened and serialised 25 at a time. */
export const ChildSummary = Child.pick({
  id: true,
  reference: true,
  jurisdiction: true,
  agencyId: true,
  teamId: true,
  assignedUserId: true,
  sex: true,
  birthYear: true,
  nationality: true,
  typology: true,
  careStatus: true,
  stage: true,
  locationCode: true,
  displayName: true,
  nameHidden: true,
  case: true,
  flags: true,
  hiddenFieldGroups: true,
  createdAt: true,
  updatedAt: true,
}).extend({ age: z.object({ years: z.number().nullable(), treatedAsChild: z.boolean(), inDoubt: z.boolean() }) });
export type ChildSummary = z.infer<typeof ChildSummary>;

/** What the firewall lets a write-only registrant see of what they created. */
export const ChildReceipt = z.object({ id: Uuid, reference: z.string(), createdAt: z.string() });
/** A referral's receipt: the registrant also learns which agency the child was referred to. */
export const ReferralReceipt = ChildReceipt.extend({ referredTo: z.object({ id: Uuid, name: z.string() }) });

/** Which field group each restricted (sealed) child field belongs to; unlisted fields are unrestricted. */
export const childFieldGroups = {
  names: 'identity',
  birthDate: 'identity',
  documents: 'identity',
  locationDetail: 'location',
  route: 'location',
  legalStatus: 'legal_status',
  protectionNotes: 'protection_details',
  /** What happened to the child: sealed although a code list (ADR 0019). */
  protectionCategories: 'protection_details',
  disability: 'health',
} as const satisfies Record<string, FieldGroup>;
export type RestrictedChildField = keyof typeof childFieldGroups;

/** A comma-separated list in a query string (`status=open,referred`), each value checked. */
function csv<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string' && value.length <= 2_000
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : value,
    z.array(item).min(1).max(30),
  );
}

export const childSorts = ['due', 'created', 'updated'] as const;

/** Filters and sort of the case list (all on indexed columns). */
export const ChildListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(300).optional(),
  status: csv(CaseStatus).optional(),
  risk: csv(RiskLevel).optional(),
  typology: csv(Typology).optional(),
  nationality: csv(NationalityCode).optional(),
  ageGroup: csv(z.enum(ageGroups)).optional(),
  sex: csv(Sex).optional(),
  /** A caseworker's id, `me`, or `none` for unassigned cases. */
  assignedUserId: z.union([Uuid, z.enum(['me', 'none'])]).optional(),
  /** An administrative area: the area and everything inside it. */
  location: LocationCode.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Name search across spellings and scripts: every word must sound like a part of the name. */
  name: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(childSorts).default('due'),
});
export type ChildListQuery = z.infer<typeof ChildListQuery>;
