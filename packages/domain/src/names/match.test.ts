import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NamePart } from '../schemas/person.ts';
import { compareNames, comparePersons, defaultMatchWeights, type PersonDescriptor, rankCandidates } from './match.ts';

type Parts = Partial<Record<NamePart['type'], string>>;
const names = (parts: Parts): NamePart[] =>
  Object.entries(parts).map(([type, value]) => ({ type: type as NamePart['type'], value, romanisations: [] }));
const person = (parts: Parts, extra: Partial<PersonDescriptor> = {}): PersonDescriptor => ({
  names: names(parts),
  sex: 'unknown',
  nationality: [],
  ...extra,
});
const details = (a: PersonDescriptor, b: PersonDescriptor): string[] => comparePersons(a, b).reasons.map((r) => r.detail);

describe('compareNames', () => {
  test('the same name across scripts scores 1 with the matched words', () => {
    const result = compareNames(names({ given: 'محمد', father: 'علي' }), names({ given: 'Mohammed', father: 'Ali' }));
    assert.equal(result.score, 1);
    assert.deepEqual(result.matchedTokens, [
      { a: 'محمد', b: 'mohammed', similarity: 1 },
      { a: 'علي', b: 'ali', similarity: 1 },
    ]);
  });

  test('similar but different names score low', () => {
    assert.ok(compareNames(names({ given: 'محمد' }), names({ given: 'Mahmoud' })).score < 0.5);
    assert.ok(compareNames(names({ given: 'Hassan' }), names({ given: 'Hussein' })).score < 0.5);
    assert.ok(compareNames(names({ given: 'Yonas' }), names({ given: 'Yonatan' })).score < 0.5);
  });

  test('a chain with a missing part still matches, a little lower', () => {
    const full = compareNames(names({ given: 'Ahmed', father: 'Mohammed', grandfather: 'Ali' }), names({ given: 'Ahmed', family: 'Ali' }));
    assert.ok(full.score > 0.85 && full.score < 1, String(full.score));
  });

  test('parts typed the other way round still match, with a small penalty', () => {
    const swapped = compareNames(names({ given: 'Zahra', family: 'Haidari' }), names({ given: 'Haidari', family: 'Zahra' }));
    assert.ok(swapped.score >= 0.75 && swapped.score < 1, String(swapped.score));
  });

  test('particles neither help nor hurt', () => {
    const withParticle = compareNames(names({ given: 'Mohammed bin Ali' }), names({ given: 'Mohammed', father: 'Ali' }));
    assert.ok(withParticle.score > 0.9);
    assert.equal(compareNames(names({ given: 'Al' }), names({ given: 'Ali' })).matchedTokens.length, 1);
  });

  test('the given name weighs more than a shared family name', () => {
    const sameFamily = compareNames(names({ given: 'Ahmed', family: 'Hassan' }), names({ given: 'Omar', family: 'Hassan' }));
    const sameGiven = compareNames(names({ given: 'Ahmed', family: 'Hassan' }), names({ given: 'Ahmed', family: 'Osman' }));
    assert.ok(sameFamily.score < 0.5, String(sameFamily.score));
    assert.ok(sameGiven.score > sameFamily.score);
  });

  test('compound names written joined or apart', () => {
    assert.equal(compareNames(names({ given: 'Mohamed Amin' }), names({ given: 'Mohamedamin' })).score, 1);
    assert.equal(compareNames(names({ given: 'Abdul Rahman' }), names({ given: 'عبدالرحمن' })).score, 1);
  });

  test('no name words: score 0', () => {
    assert.deepEqual(compareNames([], names({ given: 'Ali' })), { score: 0, matchedTokens: [] });
  });
});

describe('comparePersons', () => {
  const yonas = { given: 'Yonas', father: 'Tesfaye' };
  const yonasEthiopic = { given: 'ዮናስ', father: 'ተስፋዬ' };

  test('names alone make a pair possible, never likely', () => {
    const result = comparePersons(person(yonas), person(yonasEthiopic));
    assert.equal(result.likelihood, 'possible');
    assert.deepEqual(
      result.reasons.map((r) => [r.field, r.effect, r.detail]),
      [
        ['names', 'supports', 'names.strong'],
        ['names', 'neutral', 'names.cross_script'],
        ['sex', 'neutral', 'sex.unknown'],
        ['age', 'neutral', 'age.unknown'],
        ['nationality', 'neutral', 'nationality.unknown'],
      ],
    );
  });

  test('names with sex and age in agreement are likely', () => {
    const a = person(yonas, { sex: 'male', birthDate: '2012-03-01', birthDatePrecision: 'exact', nationality: ['ER'] });
    const b = person(yonasEthiopic, { sex: 'male', birthDate: '2012-09-15', birthDatePrecision: 'exact', nationality: ['ERI'] });
    const result = comparePersons(a, b);
    assert.equal(result.likelihood, 'likely');
    assert.deepEqual(details(a, b), ['names.strong', 'names.cross_script', 'sex.match', 'age.within_tolerance', 'nationality.overlap']);
  });

  test('a known sex mismatch weakens strongly', () => {
    const a = person(yonas, { sex: 'male' });
    const b = person(yonasEthiopic, { sex: 'female' });
    const result = comparePersons(a, b);
    assert.equal(result.likelihood, 'unlikely');
    assert.ok(result.reasons.some((r) => r.detail === 'sex.mismatch' && r.effect === 'weakens'));
    // 'other' and 'unknown' are not a mismatch.
    assert.ok(details(a, person(yonasEthiopic, { sex: 'other' })).includes('sex.unknown'));
  });

  test('exact dates: a year apart is within tolerance, three years is not', () => {
    const at = (birthDate: string) => person(yonas, { birthDate, birthDatePrecision: 'exact' });
    assert.ok(details(at('2012-03-01'), at('2012-03-01')).includes('age.same_birth_date'));
    assert.ok(details(at('2012-03-01'), at('2013-02-01')).includes('age.within_tolerance'));
    assert.ok(details(at('2012-03-01'), at('2015-06-01')).includes('age.outside_tolerance'));
  });

  test('estimated dates: three years apart is still within tolerance', () => {
    const a = person(yonas, { birthDate: '2010-01-01', birthDatePrecision: 'estimated' });
    const b = person(yonas, { birthDate: '2012-12-01', birthDatePrecision: 'exact' });
    assert.ok(details(a, b).includes('age.within_tolerance'));
    assert.ok(details(a, person(yonas, { birthDate: '2019-01-01' })).includes('age.outside_tolerance'));
  });

  test('assessed age ranges are dated by asOf', () => {
    const assessed = person(yonas, { ageRange: { min: 14, max: 16 }, asOf: '2024-06-01' });
    assert.ok(details(assessed, person(yonas, { birthDate: '2009-01-01', birthDatePrecision: 'exact' })).includes('age.within_tolerance'));
    assert.ok(details(assessed, person(yonas, { birthDate: '2018-01-01', birthDatePrecision: 'exact' })).includes('age.outside_tolerance'));
    const undated = person(yonas, { ageRange: { min: 14, max: 16 } });
    assert.ok(details(undated, person(yonas, { birthDate: '2009-01-01' })).includes('age.no_reference_date'));
    assert.equal(
      comparePersons(undated, person(yonas, { birthDate: '2009-01-01' }), {}, '2024-06-01').reasons[2]?.detail,
      'age.within_tolerance',
    );
    // Two undated ranges are compared as of the same time.
    assert.ok(details(undated, person(yonas, { ageRange: { min: 15, max: 17 } })).includes('age.within_tolerance'));
  });

  test('nationality: overlap supports, disjoint weakens slightly, ICAO no-country codes are neutral', () => {
    const n = (...nationality: string[]) => person(yonas, { nationality });
    assert.ok(details(n('ER'), n('eri', 'ET')).includes('nationality.overlap'));
    assert.ok(details(n('D'), n('DE')).includes('nationality.overlap'));
    assert.ok(details(n('ER'), n('SD')).includes('nationality.disjoint'));
    assert.ok(details(n('XXA'), n('SD')).includes('nationality.unknown'));
    const disjoint = comparePersons(n('ER'), n('SD')).score;
    const unknown = comparePersons(n('ER'), n()).score;
    const mismatch = comparePersons(person(yonas, { sex: 'male' }), person(yonas, { sex: 'female' })).score;
    assert.ok(disjoint < unknown && disjoint > mismatch);
  });

  test('weights and bands are configurable', () => {
    const a = person(yonas);
    const b = person(yonasEthiopic);
    assert.equal(comparePersons(a, b, { likely: 0.6 }).likelihood, 'likely');
    assert.equal(comparePersons(a, b, { possible: 0.9, likely: 0.95 }).likelihood, 'unlikely');
    assert.equal(defaultMatchWeights.names, 15);
    assert.ok(defaultMatchWeights.likely > defaultMatchWeights.possible);
  });

  test('scores between 0 and 1 and only explains, never decides', () => {
    const result = comparePersons(person({ given: 'Ali' }), person({ given: 'Zainab' }, { sex: 'female' }));
    assert.ok(result.score >= 0 && result.score <= 1);
    assert.deepEqual(Object.keys(result).sort(), ['likelihood', 'reasons', 'score']);
    assert.ok(result.reasons.some((r) => r.detail === 'names.mismatch'));
  });
});

describe('rankCandidates', () => {
  const subject = person({ given: 'محمد', father: 'علي' }, { sex: 'male', birthDate: '2011-05-01', birthDatePrecision: 'estimated' });
  const candidates = [
    { id: 'different', ...person({ given: 'Zainab', father: 'Ali' }, { sex: 'female' }) },
    { id: 'possible', ...person({ given: 'Muhammad', father: 'Ali' }) },
    { id: 'likely', ...person({ given: 'Mohammed', father: 'Ali' }, { sex: 'male', birthDate: '2012-01-01' }) },
    { id: 'mahmoud', ...person({ given: 'Mahmoud', father: 'Ali' }, { sex: 'male' }) },
  ];

  test('best first, unlikely dropped', () => {
    const ranked = rankCandidates(subject, candidates);
    assert.deepEqual(
      ranked.map((r) => [r.candidate.id, r.result.likelihood]),
      [
        ['likely', 'likely'],
        ['possible', 'possible'],
      ],
    );
  });

  test('limit and minimum likelihood', () => {
    assert.deepEqual(
      rankCandidates(subject, candidates, { limit: 1 }).map((r) => r.candidate.id),
      ['likely'],
    );
    assert.deepEqual(
      rankCandidates(subject, candidates, { minLikelihood: 'likely' }).map((r) => r.candidate.id),
      ['likely'],
    );
    assert.deepEqual(rankCandidates(subject, []), []);
  });
});
