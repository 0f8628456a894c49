import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from './random.ts';

test('pooled random values have the asked size, never repeat, and are not left in the pool', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const value = randomBytes(12 + (i % 21));
    assert.equal(value.length, 12 + (i % 21));
    seen.add(value.toString('hex'));
  }
  assert.equal(seen.size, 2000);
  const big = randomBytes(10_000);
  assert.equal(big.length, 10_000);
  assert.ok(big.some((b) => b !== 0));
  // Zeroing the pool must not zero what was handed out: a copy, not a view.
  const key = randomBytes(32);
  const copy = Buffer.from(key);
  randomBytes(32);
  assert.deepEqual(key, copy);
  assert.ok(key.some((b) => b !== 0));
});
