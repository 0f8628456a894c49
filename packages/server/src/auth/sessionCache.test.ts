import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityChanged, identityGeneration } from '../db/identityWatch.ts';
import { sessionCache } from './sessionCache.ts';

const far = 1e15;

test('a cached session is served until its time to live, and never past its own expiry', () => {
  const cache = sessionCache<string>(2000);
  cache.set('s', 'context', 1000, far, identityGeneration());
  assert.equal(cache.get('s', 2999), 'context');
  assert.equal(cache.get('s', 3000), undefined);
  cache.set('t', 'context', 1000, 1500, identityGeneration());
  assert.equal(cache.get('t', 1499), 'context');
  assert.equal(cache.get('t', 1500), undefined);
});

test('an identity change drops every cached session, and a session read before the change is not kept', () => {
  const cache = sessionCache<string>(2000);
  cache.set('s', 'context', 0, far, identityGeneration());
  identityChanged();
  assert.equal(cache.get('s', 1), undefined);
  const readBefore = identityGeneration();
  identityChanged(); // a write landed while the session was being read
  cache.set('s', 'stale', 0, far, readBefore);
  assert.equal(cache.get('s', 1), undefined);
});

test('a time to live of 0 turns the cache off; the cache is bounded, oldest entries first', () => {
  const off = sessionCache<string>(0);
  off.set('s', 'context', 0, far, identityGeneration());
  assert.equal(off.get('s', 1), undefined);
  const small = sessionCache<number>(2000, 2);
  for (const [i, id] of ['a', 'b', 'c'].entries()) small.set(id, i, 0, far, identityGeneration());
  assert.deepEqual(
    ['a', 'b', 'c'].map((id) => small.get(id, 1)),
    [undefined, 1, 2],
  );
});
