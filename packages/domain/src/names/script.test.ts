import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectScript } from './script.ts';

describe('detectScript', () => {
  test('detects the scripts Haven expects', () => {
    assert.equal(detectScript('Mohammed'), 'Latn');
    assert.equal(detectScript('محمد'), 'Arab');
    assert.equal(detectScript('ذبیح الله'), 'Arab');
    assert.equal(detectScript('ተስፋዬ'), 'Ethi');
    assert.equal(detectScript('Мухаммад'), 'Cyrl');
    assert.equal(detectScript('Γιώργος'), 'Grek');
    assert.equal(detectScript('דוד'), 'Hebr');
  });

  test('takes the script of most letters, ignoring digits and punctuation', () => {
    assert.equal(detectScript('محمد (Mo)'), 'Arab');
    assert.equal(detectScript('G/Medhin 2'), 'Latn');
  });

  test('Zyyy when there are no letters', () => {
    assert.equal(detectScript('123 - /'), 'Zyyy');
    assert.equal(detectScript(''), 'Zyyy');
  });
});
