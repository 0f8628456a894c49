import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLanguageCode, isSignLanguage, LanguageCode, languageName, normaliseLanguageCode } from './languages.ts';

describe('LanguageCode', () => {
  test('accepts migration languages that have no ISO 639-1 code (standards §7.3)', () => {
    for (const code of ['prs', 'haz', 'tig', 'kmr', 'ckb', 'apc', 'arz']) {
      assert.equal(LanguageCode.parse(code), code);
      assert.equal(isLanguageCode(code), true);
    }
  });

  test('normalises ISO 639-1 input to ISO 639-3', () => {
    const cases: Array<[string, string]> = [
      ['ar', 'ara'],
      ['ps', 'pus'],
      ['ti', 'tir'],
      ['so', 'som'],
      ['om', 'orm'],
      ['fa', 'fas'],
      ['ku', 'kur'],
      ['en', 'eng'],
      ['fr', 'fra'],
      ['sh', 'hbs'],
    ];
    for (const [input, expected] of cases) assert.equal(LanguageCode.parse(input), expected, input);
  });

  test('normalises ISO 639-2/B input and any case or surrounding space', () => {
    assert.equal(LanguageCode.parse('per'), 'fas');
    assert.equal(LanguageCode.parse('ger'), 'deu');
    assert.equal(LanguageCode.parse(' PRS '), 'prs');
    assert.equal(LanguageCode.parse('Ar'), 'ara');
  });

  test('represents sign languages, including the collective code sgn', () => {
    for (const code of ['ase', 'bfi', 'sgn', 'ils', 'afg', 'fsl', 'gsg']) {
      assert.equal(LanguageCode.parse(code), code);
      assert.equal(isSignLanguage(code), true, code);
    }
    assert.equal(isSignLanguage('ara'), false);
    assert.equal(isSignLanguage('xyz'), false);
  });

  test('accepts the special codes und, mul, mis, zxx and constructed languages', () => {
    for (const code of ['und', 'mul', 'mis', 'zxx', 'epo', 'zbl']) assert.equal(LanguageCode.parse(code), code);
  });

  test('refuses extinct, ancient and historical languages, unknown codes and other formats', () => {
    for (const code of ['lat', 'la', 'gez', 'got', 'xyz', 'qaa', 'ar-SY', 'arabic', '', 'a', 'prsx']) {
      assert.equal(LanguageCode.safeParse(code).success, false, code);
    }
  });

  test('isLanguageCode checks the canonical form only', () => {
    assert.equal(isLanguageCode('ara'), true);
    assert.equal(isLanguageCode('ar'), false);
    assert.equal(isLanguageCode('ARA'), false);
  });

  test('normaliseLanguageCode returns undefined for what it cannot map', () => {
    assert.equal(normaliseLanguageCode('TI'), 'tir');
    assert.equal(normaliseLanguageCode('zz'), undefined);
  });
});

describe('languageName', () => {
  test('returns the English reference name for any accepted form of the code', () => {
    assert.equal(languageName('prs'), 'Dari');
    assert.equal(languageName('haz'), 'Hazaragi');
    assert.equal(languageName('tig'), 'Tigre');
    assert.equal(languageName('ar'), 'Arabic');
    assert.equal(languageName('ti'), 'Tigrinya');
    assert.equal(languageName('arz'), 'Egyptian Arabic');
    assert.equal(languageName('ckb'), 'Central Kurdish');
    assert.equal(languageName('kmr'), 'Northern Kurdish');
    assert.equal(languageName('bfi'), 'British Sign Language');
    assert.equal(languageName('sgn'), 'Sign languages');
  });

  test('returns undefined for an unknown or refused code', () => {
    assert.equal(languageName('xyz'), undefined);
    assert.equal(languageName('lat'), undefined);
  });
});
