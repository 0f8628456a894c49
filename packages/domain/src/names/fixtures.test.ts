import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { doubleMetaphone } from 'double-metaphone';
import type { NamePart } from '../schemas/person.ts';
import { comparePersons } from './match.ts';
import { phoneticKeys } from './phonetic.ts';
import { detectScript } from './script.ts';

/**
 * Precision and recall on the hand-written name pairs (fixtures/README.md), with name-only
 * descriptors at the 'possible' band, against a Primero-style baseline.
 */

interface Pair {
  readonly group: string;
  readonly a: Partial<Record<NamePart['type'], string>>;
  readonly b: Partial<Record<NamePart['type'], string>>;
  readonly match: boolean;
}

const { pairs } = JSON.parse(readFileSync(new URL('./fixtures/name-pairs.json', import.meta.url), 'utf8')) as { pairs: Pair[] };
const toNames = (parts: Pair['a']): NamePart[] =>
  Object.entries(parts).map(([type, value]) => ({ type: type as NamePart['type'], value, romanisations: [] }));
const scriptOf = (parts: Pair['a']): string => detectScript(Object.values(parts).join(' '));
const crossScript = (p: Pair): boolean => scriptOf(p.a) !== scriptOf(p.b);

/**
 * Primero's language_service: NFC, strip Latin diacritics and Arabic short vowels and shadda, split on
 * whitespace; Latin words become their Double Metaphone primary code, other words are compared
 * exactly. A pair counts as matched when at least half the words of the shorter name agree.
 */
function primeroKeys(parts: Pair['a']): string[] {
  return Object.values(parts).flatMap((value) =>
    value
      .normalize('NFC')
      .replace(/[\u064B-\u0652]/g, '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((w) => (/^[A-Za-z'-]+$/.test(w) ? doubleMetaphone(w)[0] : w.toUpperCase())),
  );
}

function primeroMatches(p: Pair): boolean {
  const a = primeroKeys(p.a);
  const b = new Set(primeroKeys(p.b));
  const shared = a.filter((k) => b.has(k)).length;
  return shared > 0 && shared >= Math.min(a.length, b.size) / 2;
}

function havenMatches(p: Pair): boolean {
  const descriptor = (parts: Pair['a']) => ({ names: toNames(parts), sex: 'unknown' as const, nationality: [] });
  return comparePersons(descriptor(p.a), descriptor(p.b)).likelihood !== 'unlikely';
}

interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly falsePositives: Pair[];
  readonly falseNegatives: Pair[];
}

function evaluate(selected: readonly Pair[], matches: (p: Pair) => boolean): Scores {
  const predicted = selected.filter(matches);
  const truePositives = predicted.filter((p) => p.match).length;
  const positives = selected.filter((p) => p.match).length;
  return {
    precision: predicted.length === 0 ? 1 : truePositives / predicted.length,
    recall: positives === 0 ? 1 : truePositives / positives,
    falsePositives: predicted.filter((p) => !p.match),
    falseNegatives: selected.filter((p) => p.match && !matches(p)),
  };
}

const fmt = (x: number): string => x.toFixed(3);
const describePair = (p: Pair): string => `${Object.values(p.a).join(' ')} / ${Object.values(p.b).join(' ')}`;

const haven = evaluate(pairs, havenMatches);
const baseline = evaluate(pairs, primeroMatches);
const cross = pairs.filter(crossScript);
const havenCross = evaluate(cross, havenMatches);
const baselineCross = evaluate(cross, primeroMatches);
const positives = pairs.filter((p) => p.match);
const keyed = positives.filter((p) => {
  const keys = new Set(phoneticKeys(toNames(p.a)));
  return phoneticKeys(toNames(p.b)).some((k) => keys.has(k));
});
const keyCoverage = keyed.length / positives.length;

console.log(
  `name pairs: ${pairs.length} (${positives.length} positive, ${cross.length} cross-script). ` +
    `Haven precision ${fmt(haven.precision)} recall ${fmt(haven.recall)}; Primero-style baseline precision ${fmt(baseline.precision)} recall ${fmt(baseline.recall)}. ` +
    `Cross-script recall: Haven ${fmt(havenCross.recall)}, baseline ${fmt(baselineCross.recall)}. Phonetic key coverage of positives ${fmt(keyCoverage)}.`,
);
for (const p of haven.falsePositives) console.log(`  false positive: ${describePair(p)}`);
for (const p of haven.falseNegatives) console.log(`  false negative: ${describePair(p)}`);

describe('name pair fixtures', () => {
  test('the fixture is balanced enough to measure', () => {
    assert.ok(pairs.length >= 80 && pairs.length <= 150, String(pairs.length));
    assert.ok(pairs.filter((p) => !p.match).length >= 30);
    assert.ok(cross.filter((p) => p.match).length >= 40);
  });

  test(`precision ${fmt(haven.precision)} ≥ 0.9 at 'possible', names only`, () => {
    assert.ok(haven.precision >= 0.9, haven.falsePositives.map(describePair).join('; '));
  });

  test(`recall ${fmt(haven.recall)} ≥ 0.9 at 'possible', names only`, () => {
    assert.ok(haven.recall >= 0.9, haven.falseNegatives.map(describePair).join('; '));
  });

  test(`cross-script recall ${fmt(havenCross.recall)} beats the Primero-style baseline's ${fmt(baselineCross.recall)}`, () => {
    assert.ok(havenCross.recall > baselineCross.recall);
    assert.ok(havenCross.recall >= 0.9);
  });

  test(`phonetic blocking keys are shared by ${fmt(keyCoverage)} of positive pairs (≥ 0.9)`, () => {
    assert.ok(
      keyCoverage >= 0.9,
      positives
        .filter((p) => !keyed.includes(p))
        .map(describePair)
        .join('; '),
    );
  });
});
