import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../../src/crypto/keyring.ts';

/** A fresh in-memory key ring for one test file. */
export function testKeyRing(): KeyRing {
  return {
    activeKid: 'test-1',
    keys: new Map([['test-1', randomBytes(32)]]),
    indexKey: randomBytes(32),
    source: { kind: 'env' },
  };
}
