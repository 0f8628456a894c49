import { z } from 'zod';
import { languageAliases, languageTable } from './languageData.ts';

/** Tab-separated lines into a map from the first column to the second. */
function columns(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.split('\n')) {
    const tab = line.indexOf('\t');
    map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}

/** Accepted ISO 639-3 codes (see languageSource.ts for which) with their English reference names. */
const names = columns(languageTable);
// ISO 639-2 collective code, not in ISO 639-3: an interpreter need before the sign language is known.
names.set('sgn', 'Sign languages');
/** ISO 639-1 and ISO 639-2/B aliases to the ISO 639-3 key. */
const aliases = columns(languageAliases);

/** True for a canonical (lower-case) accepted ISO 639-3 code, or `sgn`. */
export function isLanguageCode(code: string): boolean {
  return names.has(code);
}

/** The ISO 639-3 key for an ISO 639-3, 639-1 or 639-2/B code in any case, or undefined if it is not accepted. */
export function normaliseLanguageCode(input: string): string | undefined {
  const code = input.trim().toLowerCase();
  if (names.has(code)) return code;
  return aliases.get(code);
}

/** English reference name (SIL ISO 639-3 table), e.g. `pus` → "Pushto"; undefined for an unknown code. */
export function languageName(code: string): string | undefined {
  const key = normaliseLanguageCode(code);
  return key === undefined ? undefined : names.get(key);
}

/** Sign languages by their reference name, plus `sgn`; used to route interpreter requests. */
export function isSignLanguage(code: string): boolean {
  const key = normaliseLanguageCode(code);
  if (key === undefined) return false;
  return key === 'sgn' || /\bsign/i.test(names.get(key) ?? '');
}

/** ISO 639-3 language key; ISO 639-1 (`ps`) and 639-2/B (`per`) input is normalised to it (`pus`, `fas`). */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .overwrite((value) => normaliseLanguageCode(value) ?? value)
  .refine(isLanguageCode, { message: 'ISO 639-3 language code expected, e.g. prs or ara' });
export type LanguageCode = z.infer<typeof LanguageCode>;
