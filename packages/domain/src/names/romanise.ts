import transliterate from '@sindresorhus/transliterate';
import { doubleMetaphone } from 'double-metaphone';
import type { Script } from '../schemas/person.ts';
import { arabicReadings, readingId, readingUnits, spellReading } from './arabic.ts';
import { ethiopicKeys } from './ethiopic.ts';
import { latinTokenKeys } from './latin.ts';
import { memoise } from './memo.ts';
import { normaliseName } from './normalise.ts';
import { type RawToken, splitValue } from './split.ts';
import { foldUnits, parseLatin, type Unit } from './units.ts';

/** At most this many Latin keys per token. */
export const maxKeysPerToken = 4;

/** One spelling of a token prepared for comparison. */
export interface Form {
  /** Identifies the form for memoised comparisons. */
  readonly id: string;
  readonly units: readonly Unit[];
  /** Written without short vowels (Arabic script): compared by alignment, not directly. */
  readonly bare: boolean;
  /** One character per sound unit, for Jaro–Winkler. */
  readonly fold: string;
  /** Double Metaphone codes of the key (empty for bare forms). */
  readonly codes: readonly string[];
}

export interface TokenRoman {
  readonly keys: readonly string[];
  readonly forms: readonly Form[];
}

export function metaphoneCodes(key: string): string[] {
  return [...new Set(doubleMetaphone(key))].filter((c) => c !== '');
}

export function latinForm(key: string): Form {
  const units = parseLatin(key);
  return { id: `l:${key}`, units, bare: false, fold: foldUnits(units), codes: metaphoneCodes(key) };
}

function arabicRoman(raw: string): TokenRoman {
  const readings = arabicReadings(raw);
  const keys: string[] = [];
  for (const reading of readings) {
    keys.push(
      spellReading(reading, { vocalise: false, alternative: false }),
      spellReading(reading, { vocalise: true, alternative: false }),
    );
  }
  for (const reading of readings) keys.push(spellReading(reading, { vocalise: false, alternative: true }));
  const forms = readings.map((reading): Form => {
    const units = readingUnits(reading);
    return { id: `a:${readingId(reading)}`, units, bare: true, fold: foldUnits(units), codes: [] };
  });
  return { keys: unique(keys).slice(0, maxKeysPerToken), forms };
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((k) => k !== ''))];
}

function fromLatinKeys(keys: readonly string[]): TokenRoman {
  const limited = unique(keys).slice(0, maxKeysPerToken);
  return { keys: limited, forms: limited.map(latinForm) };
}

/** Latin spelling of a token in another script, by the generic transliterator. */
function transliterated(raw: string): string {
  return normaliseName(transliterate(raw), 'Latn').replace(/[^a-z]/g, '');
}

function romanise(script: Script, raw: string, norm: string): TokenRoman {
  if (script === 'Arab') return arabicRoman(raw);
  if (script === 'Ethi') return fromLatinKeys(ethiopicKeys(norm));
  const latin = script === 'Latn' ? norm : transliterated(raw);
  const keys = latinTokenKeys(latin, maxKeysPerToken);
  if (keys.length > 0) return fromLatinKeys(keys);
  // No Latin reading: compare the normalised text itself.
  return { keys: [], forms: [{ id: `n:${norm}`, units: [], bare: false, fold: norm, codes: [] }] };
}

const romaniseMemo = memoise((key) => {
  const [script, raw, norm] = key.split('\u0000') as [Script, string, string];
  return romanise(script, raw, norm);
});

/** Romanises one token: keys (lowercase Latin) and the forms used to compare it. */
export function romaniseToken(token: Pick<RawToken, 'raw' | 'norm' | 'script'>): TokenRoman {
  return romaniseMemo(`${token.script}\u0000${token.raw}\u0000${token.norm}`);
}

/**
 * Romanised lowercase Latin keys of a name value: for one word, its candidate keys; for several, the
 * words' keys joined by spaces (the first keys of all words, then one word's alternatives at a time).
 * Keys are matching keys, not display spellings (عبدالرحمن → abdrhmn, Abdul Rahman → abdrahman).
 */
export function latinKeys(value: string, script?: Script): string[] {
  const perToken = splitValue(value, script).map((t) => romaniseToken(t).keys.slice());
  const nonEmpty = perToken.filter((k) => k.length > 0);
  if (nonEmpty.length === 0) return [];
  const primary = nonEmpty.map((k) => k[0] ?? '');
  const combos = [primary.join(' ')];
  nonEmpty.forEach((keys, i) => {
    for (const alt of keys.slice(1)) combos.push(primary.map((p, j) => (j === i ? alt : p)).join(' '));
  });
  return unique(combos).slice(0, maxKeysPerToken);
}
