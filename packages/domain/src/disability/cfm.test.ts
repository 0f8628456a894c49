import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Cfm2to4Answers, type Cfm5to17Answers, cfm2to4Domains, cfm5to17Domains, DisabilityScreening } from './answers.ts';
import { cfmIdentifier } from './cfm.ts';
import { type CfmThresholds, defaultCfmThresholds } from './thresholds.ts';

function young(overrides: Partial<Cfm2to4Answers> = {}) {
  const answers: Cfm2to4Answers = {
    seeing: 'no_difficulty',
    hearing: 'no_difficulty',
    walking: 'no_difficulty',
    fineMotor: 'no_difficulty',
    communicationUnderstanding: 'no_difficulty',
    communicationBeingUnderstood: 'no_difficulty',
    learning: 'no_difficulty',
    playing: 'no_difficulty',
    controllingBehaviour: 'same',
    ...overrides,
  };
  return { instrument: 'CFM-2-4', answers } as const;
}

function older(overrides: Partial<Cfm5to17Answers> = {}) {
  const answers: Cfm5to17Answers = {
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
    anxiety: 'never',
    depression: 'monthly',
    ...overrides,
  };
  return { instrument: 'CFM-5-17', answers } as const;
}

describe('cfmIdentifier: CFM 5–17', () => {
  test('no difficulty anywhere and no daily anxiety or depression: false', () => {
    assert.deepEqual(cfmIdentifier(older()), { functionalDifficulty: false, domainsWithDifficulty: [], missing: 0 });
  });

  test('a lot of difficulty or cannot do at all in any one of the twelve difficulty domains: true', () => {
    for (const domain of cfm5to17Domains) {
      if (domain === 'anxiety' || domain === 'depression') continue;
      for (const level of ['a_lot_of_difficulty', 'cannot_do_at_all'] as const) {
        const result = cfmIdentifier(older({ [domain]: level }));
        assert.deepEqual(result.domainsWithDifficulty, [domain], `${domain}=${level}`);
        assert.equal(result.functionalDifficulty, true);
      }
    }
  });

  test('some difficulty, even in every domain, is not a functional difficulty', () => {
    const everywhere = Object.fromEntries(
      cfm5to17Domains.filter((domain) => domain !== 'anxiety' && domain !== 'depression').map((domain) => [domain, 'some_difficulty']),
    );
    assert.equal(cfmIdentifier(older(everywhere)).functionalDifficulty, false);
  });

  test('anxiety or depression: daily is a functional difficulty, weekly is not', () => {
    assert.deepEqual(cfmIdentifier(older({ anxiety: 'daily' })).domainsWithDifficulty, ['anxiety']);
    assert.deepEqual(cfmIdentifier(older({ depression: 'daily' })).domainsWithDifficulty, ['depression']);
    for (const frequency of ['weekly', 'monthly', 'few_times_a_year', 'never'] as const) {
      assert.equal(cfmIdentifier(older({ anxiety: frequency, depression: frequency })).functionalDifficulty, false, frequency);
    }
  });

  test('lists every domain at its cut-off, in questionnaire order', () => {
    const result = cfmIdentifier(older({ depression: 'daily', walking: 'cannot_do_at_all', makingFriends: 'a_lot_of_difficulty' }));
    assert.deepEqual(result.domainsWithDifficulty, ['walking', 'makingFriends', 'depression']);
  });

  test('missing answers: null when the known answers do not decide, true when they do', () => {
    assert.deepEqual(cfmIdentifier(older({ anxiety: 'dont_know' })), { functionalDifficulty: null, domainsWithDifficulty: [], missing: 1 });
    assert.deepEqual(cfmIdentifier(older({ anxiety: 'refused', hearing: 'cannot_do_at_all' })), {
      functionalDifficulty: true,
      domainsWithDifficulty: ['hearing'],
      missing: 1,
    });
    const allMissing = Object.fromEntries(cfm5to17Domains.map((domain) => [domain, 'refused']));
    assert.equal(cfmIdentifier(older(allMissing)).functionalDifficulty, null);
    assert.equal(cfmIdentifier(older(allMissing), { missingRule: 'missing_as_no_difficulty' }).functionalDifficulty, null);
  });

  test('missing_as_no_difficulty: false when the known answers do not meet any cut-off', () => {
    assert.equal(cfmIdentifier(older({ anxiety: 'dont_know' }), { missingRule: 'missing_as_no_difficulty' }).functionalDifficulty, false);
  });
});

describe('cfmIdentifier: CFM 2–4', () => {
  test('no difficulty and ordinary behaviour: false', () => {
    assert.deepEqual(cfmIdentifier(young()), { functionalDifficulty: false, domainsWithDifficulty: [], missing: 0 });
  });

  test('a lot of difficulty or cannot do at all in any difficulty domain: true', () => {
    for (const domain of cfm2to4Domains) {
      if (domain === 'controllingBehaviour') continue;
      for (const level of ['a_lot_of_difficulty', 'cannot_do_at_all'] as const) {
        assert.deepEqual(cfmIdentifier(young({ [domain]: level })).domainsWithDifficulty, [domain], `${domain}=${level}`);
      }
      assert.equal(cfmIdentifier(young({ [domain]: 'some_difficulty' })).functionalDifficulty, false, domain);
    }
  });

  test('behaviour: only "a lot more" kicking, biting or hitting than children of the same age counts', () => {
    assert.deepEqual(cfmIdentifier(young({ controllingBehaviour: 'a_lot_more' })).domainsWithDifficulty, ['controllingBehaviour']);
    for (const level of ['not_at_all', 'less', 'same', 'more'] as const) {
      assert.equal(cfmIdentifier(young({ controllingBehaviour: level })).functionalDifficulty, false, level);
    }
  });

  test('missing behaviour answer leaves the identifier open unless another domain decides it', () => {
    assert.equal(cfmIdentifier(young({ controllingBehaviour: 'dont_know' })).functionalDifficulty, null);
    assert.equal(cfmIdentifier(young({ controllingBehaviour: 'dont_know', playing: 'cannot_do_at_all' })).functionalDifficulty, true);
  });
});

describe('cfmIdentifier: thresholds are configuration', () => {
  test('the defaults are marked as not verified against the primary source', () => {
    assert.equal(defaultCfmThresholds.verified, false);
  });

  test('a stricter or looser cut-off changes the result without code changes', () => {
    const weeklyAnxiety: CfmThresholds = {
      ...defaultCfmThresholds,
      cfm5to17: { ...defaultCfmThresholds.cfm5to17, anxiety: ['daily', 'weekly'] },
    };
    assert.equal(cfmIdentifier(older({ anxiety: 'weekly' }), { thresholds: weeklyAnxiety }).functionalDifficulty, true);
    const behaviourMore: CfmThresholds = {
      ...defaultCfmThresholds,
      cfm2to4: { ...defaultCfmThresholds.cfm2to4, controllingBehaviour: ['more', 'a_lot_more'] },
    };
    assert.equal(cfmIdentifier(young({ controllingBehaviour: 'more' }), { thresholds: behaviourMore }).functionalDifficulty, true);
  });

  test('a domain with an empty cut-off list is left out: its missing answer does not make the result null', () => {
    const withoutAnxiety: CfmThresholds = {
      ...defaultCfmThresholds,
      cfm5to17: { ...defaultCfmThresholds.cfm5to17, anxiety: [] },
    };
    const result = cfmIdentifier(older({ anxiety: 'refused' }), { thresholds: withoutAnxiety });
    assert.deepEqual(result, { functionalDifficulty: false, domainsWithDifficulty: [], missing: 1 });
  });
});

describe('DisabilityScreening schema', () => {
  test('parses each instrument and refuses answers of another instrument', () => {
    assert.equal(DisabilityScreening.parse(young()).instrument, 'CFM-2-4');
    assert.equal(DisabilityScreening.parse(older()).instrument, 'CFM-5-17');
    assert.equal(DisabilityScreening.safeParse({ instrument: 'CFM-2-4', answers: older().answers }).success, false);
    assert.equal(DisabilityScreening.safeParse({ instrument: 'CFM-5-17', answers: young().answers }).success, false);
  });

  test('refuses an answer from the wrong scale', () => {
    assert.equal(DisabilityScreening.safeParse(older({ anxiety: 'a_lot_of_difficulty' as 'daily' })).success, false);
    assert.equal(DisabilityScreening.safeParse(young({ controllingBehaviour: 'daily' as 'more' })).success, false);
    assert.equal(DisabilityScreening.safeParse({ instrument: 'WG-SS', answers: young().answers }).success, false);
  });
});
