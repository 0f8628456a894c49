import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../test/support/tempDir.ts';
import { blindIndex, Envelope, newRecordKey, open, openField, rewrapRecordKey, seal, sealField, unwrapRecordKey } from './envelope.ts';
import { addKeyToFile, keyRingFromEnv, loadKeyFile, retireKeys } from './keyring.ts';

const ring = keyRingFromEnv(Buffer.alloc(32, 7).toString('base64'));

test('a sealed value opens only with its own AAD, and does not contain the plaintext', () => {
  const envelope = seal(ring, 'Fatima Al-Hassan', 'child:1:givenName');
  assert.equal(open(ring, envelope, 'child:1:givenName'), 'Fatima Al-Hassan');
  assert.ok(!JSON.stringify(envelope).includes('Fatima'));
  assert.throws(() => open(ring, envelope, 'child:2:givenName'));
  assert.throws(() => open(ring, envelope, 'child:1:familyName'));
});

test('tampering with the ciphertext or the wrapped key is detected', () => {
  const envelope = seal(ring, 'فاطمة', 'child:1:givenName');
  const ct = Buffer.from(envelope.ct, 'base64');
  ct[0] = (ct[0] ?? 0) ^ 1;
  assert.throws(() => open(ring, { ...envelope, ct: ct.toString('base64') }, 'child:1:givenName'));
  const wdek = Buffer.from(envelope.wdek, 'base64');
  wdek[3] = (wdek[3] ?? 0) ^ 1;
  assert.throws(() => open(ring, { ...envelope, wdek: wdek.toString('base64') }, 'child:1:givenName'));
  assert.equal(open(ring, Envelope.parse(envelope), 'child:1:givenName'), 'فاطمة');
});

test('two seals of one value differ (random data keys and IVs)', () => {
  assert.notEqual(seal(ring, 'x', 'a').ct, seal(ring, 'x', 'a').ct);
});

test('blind index: equal after normalisation, different per field and per key', () => {
  assert.equal(blindIndex(ring, 'name', '  Amina   YUSUF'), blindIndex(ring, 'name', 'amina yusuf'));
  assert.notEqual(blindIndex(ring, 'name', 'amina'), blindIndex(ring, 'other', 'amina'));
  const other = keyRingFromEnv(Buffer.alloc(32, 8).toString('base64'));
  assert.notEqual(blindIndex(ring, 'name', 'amina'), blindIndex(other, 'name', 'amina'));
});

test('key file: created private on first use, rotation keeps old keys until retired', () => {
  const path = join(tempDir('haven-keys-'), 'keys.json');
  const { ring: first, created } = loadKeyFile(path, true);
  assert.equal(created, true);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const sealed = seal(first, 'secret', 'aad');
  const rotated = addKeyToFile(path);
  assert.notEqual(rotated.activeKid, first.activeKid);
  assert.equal(open(rotated, sealed, 'aad'), 'secret');
  assert.equal(rotated.indexKey.equals(first.indexKey), true, 'the blind index key survives rotation');
  assert.deepEqual(retireKeys(path, new Set()), [first.activeKid]);
  assert.throws(() => open(loadKeyFile(path, false).ring, sealed, 'aad'), /not in the key ring/);
  assert.ok(!readFileSync(path, 'utf8').includes(first.activeKid));
});

test('HAVEN_KEY must be 32 bytes', () => {
  assert.throws(() => keyRingFromEnv(Buffer.alloc(16).toString('base64')), /32 bytes/);
});

test('record keys: one data key per record, fields bound to their place, rotation re-wraps the key only', () => {
  const { dek, wrapped } = newRecordKey(ring, 'child:1');
  const sealed = sealField(dek, 'Fatima', 'child:1:givenName');
  assert.ok(!JSON.stringify({ wrapped, sealed }).includes('Fatima'));
  const again = unwrapRecordKey(ring, wrapped, 'child:1');
  assert.equal(openField(again, sealed, 'child:1:givenName'), 'Fatima');
  assert.throws(() => openField(again, sealed, 'child:1:familyName'), 'a field moved to another place does not open');
  assert.throws(() => unwrapRecordKey(ring, wrapped, 'child:2'), 'a key moved to another record does not unwrap');
  const next = keyRingFromEnv(Buffer.alloc(32, 9).toString('base64'));
  const both = { ...next, keys: new Map([...ring.keys, ...next.keys]) };
  const rewrapped = rewrapRecordKey(both, wrapped, 'child:1');
  assert.equal(rewrapped.kid, next.activeKid);
  assert.equal(openField(unwrapRecordKey(next, rewrapped, 'child:1'), sealed, 'child:1:givenName'), 'Fatima');
  assert.equal(rewrapRecordKey(both, rewrapped, 'child:1'), rewrapped, 'already under the active key: unchanged');
});
