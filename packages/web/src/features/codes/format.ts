import { icaoNationalityCodes, isCountryCode, languageName, normaliseLanguageCode } from '@haven/domain';
import i18n from '../../i18n/i18n.ts';

const A = 'A'.charCodeAt(0);
const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(A + i));

/** ISO 3166-1 alpha-2 codes Haven accepts (derived from the domain's check, so both agree). */
export const countryCodes: readonly string[] = letters.flatMap((a) => letters.map((b) => a + b)).filter(isCountryCode);

const isIcao = (code: string): boolean => (icaoNationalityCodes as readonly string[]).includes(code);

const regionNames = new Map<string, Intl.DisplayNames | null>();
function displayNames(language: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${language}:${type}`;
  if (!regionNames.has(key)) {
    try {
      regionNames.set(key, new Intl.DisplayNames([language], { type, fallback: 'code' }));
    } catch {
      regionNames.set(key, null);
    }
  }
  return regionNames.get(key) ?? null;
}

/** A country or nationality code in the UI language: `SY` → "Syria" / "Syrie" / "سوريا"; ICAO XXA… from the catalogue. */
export function countryName(code: string, language = i18n.language): string {
  if (isIcao(code)) return i18n.t(`nationality.${code}`);
  try {
    return displayNames(language, 'region')?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An ISO 639-3 code in the UI language where the browser knows it, else the SIL reference name. */
export function languageLabel(code: string, language = i18n.language): string {
  const reference = languageName(code) ?? code;
  try {
    const local = displayNames(language, 'language')?.of(code);
    return local && local !== code ? local : reference;
  } catch {
    return reference;
  }
}

/** Every accepted ISO 639-3 code, derived from the domain's table (no second copy in the bundle). */
let allLanguages: string[] | null = null;
export function languageCodes(): readonly string[] {
  if (!allLanguages) {
    const codes: string[] = [];
    for (const a of letters)
      for (const b of letters)
        for (const c of letters) {
          const code = `${a}${b}${c}`.toLowerCase();
          if (normaliseLanguageCode(code) === code) codes.push(code);
        }
    allLanguages = codes;
  }
  return allLanguages;
}

/** Languages children in migration often speak, offered first (ISO 639-3). */
export const commonLanguages = [
  'ara',
  'apc',
  'arz',
  'ary',
  'prs',
  'pus',
  'fas',
  'haz',
  'urd',
  'ben',
  'tir',
  'amh',
  'som',
  'orm',
  'kmr',
  'ckb',
  'tur',
  'fra',
  'eng',
  'spa',
  'por',
  'rus',
  'ukr',
  'wol',
  'ful',
  'hau',
  'lin',
  'swh',
  'sgn',
] as const;

export function formatDate(iso: string | null | undefined, language = i18n.language): string {
  if (!iso) return '';
  // A bare YYYY-MM-DD is a calendar day: show it as such whatever the time zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...(iso.length === 10 ? { timeZone: 'UTC' } : {}) }).format(date);
}

export function formatDateTime(iso: string | null | undefined, language = i18n.language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago", in the UI language. */
export function formatRelative(iso: string, now: Date = new Date(), language = i18n.language): string {
  const diff = new Date(iso).getTime() - now.getTime();
  if (Number.isNaN(diff)) return iso;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'minute');
}

/** Today as YYYY-MM-DD in the user's time zone (for date inputs). */
export function today(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** A `datetime-local` value (local time, minutes) for a moment, and back to an ISO instant. */
export function toLocalDateTime(date: Date): string {
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}
export function fromLocalDateTime(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "Health, Education and Legal" in the UI language (Intl.ListFormat), not a comma-joined English list. */
export function formatList(items: readonly string[], language = i18n.language): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
