import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CitizenshipStatus,
  CountryCode,
  CountryOrIcaoCode,
  citizenshipStatuses,
  icaoNationalityCodes,
  isCountryCode,
  isNationalityCode,
} from './countries.ts';

describe('CountryCode', () => {
  test('accepts ISO 3166-1 alpha-2 codes of countries of origin and transit, upper-cased and trimmed', () => {
    for (const code of ['SD', 'SS', 'AF', 'SY', 'ER', 'SO', 'PS', 'EH', 'GR', 'LY']) assert.equal(CountryCode.parse(code), code);
    assert.equal(CountryCode.parse(' sd '), 'SD');
  });

  test('accepts XK (Kosovo, user-assigned)', () => {
    assert.equal(CountryCode.parse('xk'), 'XK');
    assert.equal(isCountryCode('XK'), true);
  });

  test('refuses codes that are not assigned, alpha-3, numeric, withdrawn or the ICAO codes', () => {
    for (const code of ['UK', 'EU', 'XX', 'AN', 'YU', 'SDN', '729', 'S', '', 'XXA', 'XXX']) {
      assert.equal(CountryCode.safeParse(code).success, false, code);
    }
  });

  test('isCountryCode checks the canonical form only', () => {
    assert.equal(isCountryCode('SD'), true);
    assert.equal(isCountryCode('sd'), false);
    assert.equal(isCountryCode('SDN'), false);
  });
});

describe('CountryOrIcaoCode', () => {
  test('accepts a country code or an ICAO Doc 9303 code', () => {
    assert.equal(CountryOrIcaoCode.parse('er'), 'ER');
    for (const code of icaoNationalityCodes) {
      assert.equal(CountryOrIcaoCode.parse(code.toLowerCase()), code);
      assert.equal(isNationalityCode(code), true);
    }
  });

  test('refuses other XX codes and unknown codes', () => {
    for (const code of ['XXD', 'XXZ', 'XX', 'ZZ', 'XKX']) {
      assert.equal(CountryOrIcaoCode.safeParse(code).success, false, code);
      assert.equal(isNationalityCode(code), false, code);
    }
  });
});

describe('CitizenshipStatus', () => {
  test('is the closed list national | stateless | undetermined | unknown', () => {
    assert.deepEqual(CitizenshipStatus.options, [...citizenshipStatuses]);
    assert.equal(CitizenshipStatus.parse('stateless'), 'stateless');
    assert.equal(CitizenshipStatus.safeParse('refugee').success, false);
  });
});
