import { z } from 'zod';
import { IsoDate } from '../schemas/common.ts';
import { AgeBasis, BirthDatePrecision } from './codes.ts';

/**
 * What is known about a child's age (R14, standards §7.1). A date of birth may be exact,
 * estimated or unknown; an age assessment gives a range whose lower bound is used.
 */
export const AgeInfo = z
  .object({
    birthDate: IsoDate.nullable().default(null),
    birthDatePrecision: BirthDatePrecision.default('unknown'),
    ageBasis: AgeBasis.default('claimed'),
    assessedMinAge: z.number().int().min(0).max(30).nullable().default(null),
    assessedMaxAge: z.number().int().min(0).max(30).nullable().default(null),
    /** An age assessment has concluded (with appeal rights exhausted or waived). */
    assessmentConcluded: z.boolean().default(false),
    assessmentDate: IsoDate.nullable().default(null),
  })
  .refine((a) => a.birthDate !== null || a.birthDatePrecision === 'unknown', {
    message: 'a date of birth marked exact or estimated needs the date',
    path: ['birthDate'],
  })
  .refine((a) => a.assessedMinAge === null || a.assessedMaxAge === null || a.assessedMinAge <= a.assessedMaxAge, {
    message: 'the assessed minimum age cannot exceed the maximum',
    path: ['assessedMinAge'],
  });
export type AgeInfo = z.infer<typeof AgeInfo>;
export type AgeInfoInput = z.input<typeof AgeInfo>;

/** Nothing known about the age yet: a claimed, unknown date of birth (the child is treated as a child). */
export const unknownAge: AgeInfo = {
  birthDate: null,
  birthDatePrecision: 'unknown',
  ageBasis: 'claimed',
  assessedMinAge: null,
  assessedMaxAge: null,
  assessmentConcluded: false,
  assessmentDate: null,
};

/** Completed years between a YYYY-MM-DD birth date and a day. */
export function yearsBetween(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const years = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}

/** The 18th birthday; a child born on 29 February comes of age on 1 March in common years. */
export function eighteenthBirthday(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + 18, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/**
 * The age to act on, in completed years: from the date of birth when there is one, else the
 * lower bound of an assessed range (benefit of the doubt), else unknown.
 */
export function ageInYears(age: AgeInfo, on: Date): number | null {
  if (age.birthDate) return yearsBetween(age.birthDate, on);
  if (age.assessedMinAge !== null) return age.assessedMinAge;
  return null;
}

/**
 * Benefit of the doubt: a person is treated as a child unless a document establishes an exact
 * date of birth 18 or more years ago, or a concluded age assessment found a minimum age of 18.
 * A claimed, estimated or disputed age never removes protection on its own.
 */
export function treatedAsChild(age: AgeInfo, on: Date): boolean {
  if (age.ageBasis === 'documented' && age.birthDatePrecision === 'exact' && age.birthDate) {
    return yearsBetween(age.birthDate, on) < 18;
  }
  if (age.ageBasis === 'assessed' && age.assessmentConcluded && age.assessedMinAge !== null) {
    return age.assessedMinAge < 18;
  }
  return true;
}

/** Whether the age is in doubt (the case shows that the child is treated as a child pending assessment). */
export function ageInDoubt(age: AgeInfo): boolean {
  if (age.ageBasis === 'disputed') return true;
  if (age.ageBasis === 'assessed') return !age.assessmentConcluded;
  return age.birthDatePrecision !== 'exact' || age.ageBasis === 'claimed';
}

/** Reporting age groups (IDAC guidance, standards §5.1), always derived from single years. */
export const ageGroups = ['0-4', '5-9', '10-14', '15-17', '18+'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export function ageGroup(years: number): AgeGroup {
  if (years < 5) return '0-4';
  if (years < 10) return '5-9';
  if (years < 15) return '10-14';
  if (years < 18) return '15-17';
  return '18+';
}

/** Birth years that fall in an age group on a day: the filter a list applies on the indexed birth year. */
export function birthYearsForAgeGroup(group: AgeGroup, on: Date): { min: number; max: number } {
  const year = on.getUTCFullYear();
  const [low, high] = group === '18+' ? [18, 120] : (group.split('-').map(Number) as [number, number]);
  // Someone aged `low` was born in year-low or year-low-1; aged `high`, in year-high or year-high-1.
  return { min: year - high - 1, max: year - low };
}
