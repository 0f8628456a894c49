import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AgeInfo,
  ageGroup,
  ageInDoubt,
  ageInYears,
  birthYearsForAgeGroup,
  eighteenthBirthday,
  treatedAsChild,
  yearsBetween,
} from './age.ts';

const on = new Date('2026-11-22T12:00:00Z');
const age = (input: Parameters<typeof AgeInfo.parse>[0]) => AgeInfo.parse(input);

describe('age', () => {
  test('completed years count the birthday itself', () => {
    assert.equal(yearsBetween('2010-11-22', on), 16);
    assert.equal(yearsBetween('2010-11-23', on), 15);
    assert.equal(yearsBetween('2008-11-23', on), 17);
  });

  test('the 18th birthday of a leap-day child falls on 1 March', () => {
    assert.equal(eighteenthBirthday('2008-02-29'), '2026-03-01');
    assert.equal(eighteenthBirthday('2010-06-15'), '2028-06-15');
  });

  test('benefit of the doubt: a claimed or disputed adult age does not remove protection', () => {
    assert.equal(treatedAsChild(age({ birthDate: '2005-01-01', birthDatePrecision: 'estimated', ageBasis: 'claimed' }), on), true);
    assert.equal(treatedAsChild(age({ birthDate: '2005-01-01', birthDatePrecision: 'exact', ageBasis: 'disputed' }), on), true);
    assert.equal(
      treatedAsChild(age({ ageBasis: 'assessed', assessedMinAge: 17, assessedMaxAge: 21, assessmentConcluded: true }), on),
      true,
    );
    assert.equal(
      treatedAsChild(age({ ageBasis: 'assessed', assessedMinAge: 19, assessedMaxAge: 22, assessmentConcluded: false }), on),
      true,
    );
  });

  test('only a document or a concluded assessment can establish adulthood', () => {
    assert.equal(treatedAsChild(age({ birthDate: '2005-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' }), on), false);
    assert.equal(
      treatedAsChild(age({ ageBasis: 'assessed', assessedMinAge: 18, assessedMaxAge: 20, assessmentConcluded: true }), on),
      false,
    );
  });

  test('an assessed range acts on its lower bound', () => {
    assert.equal(ageInYears(age({ ageBasis: 'assessed', assessedMinAge: 15, assessedMaxAge: 19 }), on), 15);
    assert.equal(ageInYears(age({}), on), null);
  });

  test('age in doubt unless documented exactly or concluded', () => {
    assert.equal(ageInDoubt(age({ birthDate: '2012-03-01', birthDatePrecision: 'exact', ageBasis: 'documented' })), false);
    assert.equal(ageInDoubt(age({ birthDate: '2012-03-01', birthDatePrecision: 'estimated', ageBasis: 'documented' })), true);
    assert.equal(ageInDoubt(age({ ageBasis: 'disputed' })), true);
  });

  test('rejects an inconsistent age record', () => {
    assert.equal(AgeInfo.safeParse({ birthDatePrecision: 'exact' }).success, false);
    assert.equal(AgeInfo.safeParse({ assessedMinAge: 17, assessedMaxAge: 15 }).success, false);
  });

  test('age groups and the birth years they span', () => {
    assert.deepEqual([0, 4, 5, 9, 10, 14, 15, 17, 18].map(ageGroup), [
      '0-4',
      '0-4',
      '5-9',
      '5-9',
      '10-14',
      '10-14',
      '15-17',
      '15-17',
      '18+',
    ]);
    const years = birthYearsForAgeGroup('15-17', on);
    // Born 2008-11-23 is 17; born 2011-11-22 is 15: both years must be inside the range.
    assert.ok(years.min <= 2008 && years.max >= 2011, JSON.stringify(years));
  });
});
