import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NamePart } from '../schemas/person.ts';
import { nameTokens } from './tokens.ts';

const part = (type: NamePart['type'], value: string, romanisations: string[] = []): NamePart => ({ type, value, romanisations });
const summary = (names: NamePart[]): string[] => nameTokens(names).map((t) => `${t.part}:${t.class}:${t.value}`);

describe('nameTokens', () => {
  test('words with their part type, class and script', () => {
    const tokens = nameTokens([part('given', 'Ahmed'), part('father', 'محمد'), part('grandfather', 'ተስፋዬ')]);
    assert.deepEqual(
      tokens.map((t) => [t.part, t.class, t.script]),
      [
        ['given', 'name', 'Latn'],
        ['father', 'name', 'Arab'],
        ['grandfather', 'name', 'Ethi'],
      ],
    );
    assert.deepEqual(tokens[1]?.keys, ['mhmd', 'mahamad']);
  });

  test('articles, filiation words and honorifics are particles', () => {
    assert.deepEqual(summary([part('given', 'Mohammed bin Ali'), part('family', 'Al-Hassan')]), [
      'given:name:mohammed',
      'given:particle:bin',
      'given:name:ali',
      'family:particle:al',
      'family:name:hassan',
    ]);
    assert.deepEqual(summary([part('other', 'Haji Gul Khan')]), ['other:particle:haji', 'other:name:gul', 'other:particle:khan']);
    assert.deepEqual(summary([part('father', 'ابن خلدون')]), ['father:particle:ابن', 'father:name:خلدون']);
    assert.deepEqual(summary([part('given', 'Ahmed ar-Rashid')]), ['given:name:ahmed', 'given:particle:ar', 'given:name:rashid']);
  });

  test('a particle that is the whole value stays a name (Ben as a given name)', () => {
    assert.deepEqual(summary([part('given', 'Ben')]), ['given:name:ben']);
  });

  test('compound names are joined: abd-, abu, -ullah, al-din', () => {
    assert.deepEqual(summary([part('given', 'Abdul Rahman')]), ['given:name:abdulrahman']);
    assert.deepEqual(summary([part('given', 'عبد الرحمن')]), ['given:name:عبدالرحمن']);
    assert.deepEqual(summary([part('given', 'Abu Bakr')]), ['given:name:abubakr']);
    assert.deepEqual(summary([part('given', 'Hamid Ullah')]), ['given:name:hamidullah']);
    assert.deepEqual(summary([part('given', 'Nur al-Din')]), ['given:name:nuraldin']);
  });

  test('Ethiopian slash abbreviations are expanded and joined', () => {
    assert.deepEqual(summary([part('father', 'G/Medhin')]), ['father:name:gebremedhin']);
    assert.deepEqual(summary([part('father', 'W/Mariam')]), ['father:name:woldemariam']);
    assert.deepEqual(summary([part('father', 'ገ/መድህን')]), ['father:name:ገብረመድህን']);
    assert.deepEqual(summary([part('other', 'ወ/ሮ አስቴር')]), ['other:particle:ወይዘሮ', 'other:name:አስቴር']);
  });

  test('recorded romanisations add keys word by word', () => {
    const [given, father] = nameTokens([part('given', 'محمد علي', ['Mohammed Ali'])]);
    assert.ok(given?.keys.includes('mohammed'));
    assert.ok(father?.keys.includes('ali'));
    const [twice] = nameTokens([part('given', 'محمد', ['Mohammed', 'Muhammad'])]);
    assert.ok(twice?.keys.includes('mohammed') && twice.keys.includes('muhammad'));
    // A romanisation with another number of words cannot be aligned and is left out.
    const [only] = nameTokens([part('given', 'محمد', ['Mohammed Ali'])]);
    assert.deepEqual(only?.keys, ['mhmd', 'mahamad']);
  });
});
