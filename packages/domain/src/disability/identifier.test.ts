import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Cfm2to4Answers, Cfm5to17Answers, DisabilityScreening, WgSsAnswers } from './answers.ts';
import { disabilityIdentifier, instrumentForAge } from './identifier.ts';

const wgSs: WgSsAnswers = {
  seeing: 'no_difficulty',
  hearing: 'a_lot_of_difficulty',
  walking: 'some_difficulty',
  remembering: 'no_difficulty',
  selfCare: 'no_difficulty',
  communicating: 'no_difficulty',
};
const cfm2to4: Cfm2to4Answers = {
  seeing: 'no_difficulty',
  hearing: 'no_difficulty',
  walking: 'no_difficulty',
  fineMotor: 'no_difficulty',
  communicationUnderstanding: 'no_difficulty',
  communicationBeingUnderstood: 'cannot_do_at_all',
  learning: 'no_difficulty',
  playing: 'no_difficulty',
  controllingBehaviour: 'less',
};
const cfm5to17: Cfm5to17Answers = {
  seeing: 'no_difficulty',
  hearing: 'no_difficulty',
  walking: 'no_difficulty',
  selfCare: 'no_difficulty',
  communicationInsideHousehold: 'no_difficulty',
  communicationOutsideHousehold: 'no_difficulty',
  learning: 'no_difficulty',
  remembering: 'no_difficulty',
  concentrating: 'no_difficulty',
  acceptingChange: 'no_difficulty',
  controllingBehaviour: 'no_difficulty',
  makingFriends: 'no_difficulty',
  anxiety: 'weekly',
  depression: 'daily',
};
const screenings = {
  wgSs: { instrument: 'WG-SS', answers: wgSs },
  cfm2to4: { instrument: 'CFM-2-4', answers: cfm2to4 },
  cfm5to17: { instrument: 'CFM-5-17', answers: cfm5to17 },
} satisfies Record<string, DisabilityScreening>;

describe('disabilityIdentifier', () => {
  test('WG-SS uses DISABILITY3 and lists the domains at a lot of difficulty or worse', () => {
    assert.deepEqual(disabilityIdentifier(screenings.wgSs, 30), {
      instrument: 'WG-SS',
      identifier: 'DISABILITY3',
      hasDisability: true,
      domainsWithDifficulty: ['hearing'],
      missing: 0,
      warnings: [],
    });
  });

  test('WG-SS DISABILITY3 is null when the known answers do not decide it', () => {
    const result = disabilityIdentifier({ instrument: 'WG-SS', answers: { ...wgSs, hearing: 'dont_know' } }, 40);
    assert.equal(result.hasDisability, null);
    assert.equal(result.missing, 1);
  });

  test('CFM 2–4 and CFM 5–17 use the CFM identifier', () => {
    assert.deepEqual(disabilityIdentifier(screenings.cfm2to4, 3), {
      instrument: 'CFM-2-4',
      identifier: 'CFM',
      hasDisability: true,
      domainsWithDifficulty: ['communicationBeingUnderstood'],
      missing: 0,
      warnings: [],
    });
    assert.deepEqual(disabilityIdentifier(screenings.cfm5to17, 12), {
      instrument: 'CFM-5-17',
      identifier: 'CFM',
      hasDisability: true,
      domainsWithDifficulty: ['depression'],
      missing: 0,
      warnings: [],
    });
  });

  test('passes the missing rule through', () => {
    const screening = { instrument: 'CFM-5-17', answers: { ...cfm5to17, depression: 'refused' } } as const;
    assert.equal(disabilityIdentifier(screening, 10).hasDisability, null);
    assert.equal(disabilityIdentifier(screening, 10, { missingRule: 'missing_as_no_difficulty' }).hasDisability, false);
  });
});

describe('disabilityIdentifier: age warnings', () => {
  const cases: Array<[keyof typeof screenings, number, string[]]> = [
    ['wgSs', 4, ['instrument_age_mismatch']],
    ['wgSs', 4.9, ['instrument_age_mismatch']],
    ['wgSs', 5, ['cfm_recommended_for_child']],
    ['wgSs', 17, ['cfm_recommended_for_child']],
    ['wgSs', 18, []],
    ['wgSs', 70, []],
    ['cfm2to4', 1, ['instrument_age_mismatch']],
    ['cfm2to4', 1.99, ['instrument_age_mismatch']],
    ['cfm2to4', 2, []],
    ['cfm2to4', 4, []],
    ['cfm2to4', 4.99, []],
    ['cfm2to4', 5, ['instrument_age_mismatch']],
    ['cfm2to4', 12, ['instrument_age_mismatch']],
    ['cfm5to17', 4, ['instrument_age_mismatch']],
    ['cfm5to17', 5, []],
    ['cfm5to17', 17, []],
    ['cfm5to17', 17.9, []],
    ['cfm5to17', 18, ['instrument_age_mismatch']],
    ['cfm5to17', 0, ['instrument_age_mismatch']],
  ];
  for (const [name, age, warnings] of cases) {
    test(`${screenings[name].instrument} at ${age}: ${warnings.join(', ') || 'none'}`, () => {
      assert.deepEqual(disabilityIdentifier(screenings[name], age).warnings, warnings);
    });
  }

  test('a mismatch still returns the identifier', () => {
    const result = disabilityIdentifier(screenings.cfm2to4, 9);
    assert.equal(result.hasDisability, true);
    assert.deepEqual(result.warnings, ['instrument_age_mismatch']);
  });

  test('unknown age is a warning, not an error', () => {
    assert.deepEqual(disabilityIdentifier(screenings.cfm5to17, null).warnings, ['age_unknown']);
    assert.deepEqual(disabilityIdentifier(screenings.wgSs, undefined).warnings, ['age_unknown']);
  });

  test('a negative or non-finite age is a programming error', () => {
    assert.throws(() => disabilityIdentifier(screenings.wgSs, -1), RangeError);
    assert.throws(() => disabilityIdentifier(screenings.wgSs, Number.NaN), RangeError);
  });
});

describe('instrumentForAge', () => {
  test('picks the instrument designed for the age', () => {
    const cases: Array<[number, string | null]> = [
      [0, null],
      [1.5, null],
      [2, 'CFM-2-4'],
      [4.99, 'CFM-2-4'],
      [5, 'CFM-5-17'],
      [17, 'CFM-5-17'],
      [18, 'WG-SS'],
      [64, 'WG-SS'],
    ];
    for (const [age, instrument] of cases) assert.equal(instrumentForAge(age), instrument, String(age));
  });
});
