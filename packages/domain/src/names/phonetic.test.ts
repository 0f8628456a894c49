import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NamePart } from '../schemas/person.ts';
import { phoneticKeys } from './phonetic.ts';

const given = (value: string): NamePart[] => [{ type: 'given', value, romanisations: [] }];
const shares = (a: string, b: string): boolean => {
  const keys = new Set(phoneticKeys(given(a)));
  return phoneticKeys(given(b)).some((k) => keys.has(k));
};

describe('phoneticKeys', () => {
  const groups: ReadonlyArray<readonly [string, ...string[]]> = [
    ['محمد', 'Mohammed', 'Muhammad', 'Mohamed'],
    ['فاطمة', 'Fatima', 'Fatma'],
    ['عائشة', 'Aisha', 'Aysha'],
    ['يوسف', 'Youssef', 'Yusuf'],
    ['ابراهيم', 'Ibrahim'],
    ['ተስፋዬ', 'Tesfaye'],
    ['ዮናስ', 'Yonas'],
  ];
  for (const [script, ...latin] of groups) {
    test(`${script} shares a key with ${latin.join(', ')}`, () => {
      for (const spelling of latin)
        assert.ok(shares(script, spelling), `${script} / ${spelling}: ${phoneticKeys(given(script))} vs ${phoneticKeys(given(spelling))}`);
    });
  }

  test('Double Metaphone codes, deduplicated and sorted', () => {
    assert.deepEqual(phoneticKeys(given('محمد')), ['MHMT', 'MMT']);
    assert.deepEqual(phoneticKeys([...given('Mohammed'), { type: 'father', value: 'Muhammad', romanisations: [] }]), ['MHMT']);
  });

  test('particles give no keys', () => {
    assert.deepEqual(phoneticKeys([{ type: 'given', value: 'Ali bin Hassan', romanisations: [] }]), ['AL', 'HSN']);
    assert.deepEqual(phoneticKeys([{ type: 'family', value: 'Al-Hassan', romanisations: [] }]), ['HSN']);
  });

  test('two words of a part also give the keys of the joined word', () => {
    assert.ok(shares('Mohamed Amin', 'Mohamedamin'));
  });

  test('no names, no keys', () => {
    assert.deepEqual(phoneticKeys([]), []);
  });
});
