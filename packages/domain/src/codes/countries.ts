// The `browser` entry of i18n-iso-countries: code tables only. The package's Node entry registers
// all 78 locale files; country names in the UI come from `Intl.DisplayNames` instead.
import countries from 'i18n-iso-countries/index.js';
import { z } from 'zod';

/** ISO 3166-1 alpha-2 codes, plus `XK` (Kosovo, user-assigned but used by the EU, UNHCR and ICAO-issuing states). */
const countryCodes: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** ICAO Doc 9303 Part 3 codes for persons without (or with an undetermined) nationality. */
export const icaoNationalityCodes = ['XXA', 'XXB', 'XXC', 'XXX'] as const;
export type IcaoNationalityCode = (typeof icaoNationalityCodes)[number];

/** The meaning of each ICAO code, for reference and UI fallbacks. */
export const icaoNationalityMeanings: Record<IcaoNationalityCode, string> = {
  XXA: 'Stateless person (1954 Convention)',
  XXB: 'Refugee (1951 Convention)',
  XXC: 'Refugee other than XXB',
  XXX: 'Unspecified nationality',
};

const icaoCodes: ReadonlySet<string> = new Set(icaoNationalityCodes);

/** True for a canonical (upper-case) ISO 3166-1 alpha-2 code; normalise input with `CountryCode`. */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}

/** True for a canonical country code or ICAO XXA/XXB/XXC/XXX code. */
export function isNationalityCode(code: string): boolean {
  return countryCodes.has(code) || icaoCodes.has(code);
}

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'ISO 3166-1 alpha-2 country code expected, e.g. SD' });
export type CountryCode = z.infer<typeof CountryCode>;

/** A nationality: a country code, or an ICAO code when there is none. */
export const CountryOrIcaoCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isNationalityCode, { message: 'ISO 3166-1 alpha-2 country code or ICAO XXA, XXB, XXC, XXX expected' });
export type CountryOrIcaoCode = z.infer<typeof CountryOrIcaoCode>;

/** Kept apart from the country code: a stateless child has no country code, an undetermined one may have several claims. */
export const citizenshipStatuses = ['national', 'stateless', 'undetermined', 'unknown'] as const;
export const CitizenshipStatus = z.enum(citizenshipStatuses);
export type CitizenshipStatus = z.infer<typeof CitizenshipStatus>;
