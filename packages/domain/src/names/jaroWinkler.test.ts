import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jaro, jaroWinkler } from './jaroWinkler.ts';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

describe('jaroWinkler', () => {
  test('matches the published examples (Winkler 1990) to three decimals', () => {
    assert.equal(round3(jaroWinkler('MARTHA', 'MARHTA')), 0.961);
    assert.equal(round3(jaroWinkler('DWAYNE', 'DUANE')), 0.84);
    assert.equal(round3(jaroWinkler('DIXON', 'DICKSONX')), 0.813);
  });

  test('Jaro without the prefix bonus', () => {
    assert.equal(round3(jaro('MARTHA', 'MARHTA')), 0.944);
    assert.equal(round3(jaro('DWAYNE', 'DUANE')), 0.822);
    assert.equal(round3(jaro('DIXON', 'DICKSONX')), 0.767);
  });

  test('identical, empty and disjoint strings', () => {
    assert.equal(jaroWinkler('yonas', 'yonas'), 1);
    assert.equal(jaroWinkler('', ''), 1);
    assert.equal(jaroWinkler('abc', ''), 0);
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });

  test('is symmetric', () => {
    assert.equal(jaroWinkler('mohammed', 'muhammad'), jaroWinkler('muhammad', 'mohammed'));
  });
});
