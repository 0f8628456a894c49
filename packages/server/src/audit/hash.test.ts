import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEventHash, chainFor, chainsPerJurisdiction, genesisHash } from './hash.ts';

const event = {
  chainId: 'GR:01',
  seq: 1,
  prevHash: genesisHash('GR:01'),
  occurredAt: new Date('2026-11-22T10:00:00.000Z'),
  jurisdiction: 'GR',
  actorUserId: 'u',
  actorRole: 'caseworker',
  actorAgencyId: 'a',
  purpose: 'case_management',
  action: 'update',
  resource: 'child',
  recordId: 'r',
  changedFields: ['givenName'],
  outcome: 'success',
  requestId: 'q',
};

test('the hash covers every field, including position and predecessor', () => {
  const base = auditEventHash(event);
  for (const [key, value] of Object.entries({
    seq: 2,
    prevHash: 'x',
    occurredAt: new Date('2026-11-22T10:00:00.001Z'),
    actorUserId: 'v',
    action: 'read',
    recordId: 's',
    changedFields: ['familyName'],
    outcome: 'denied',
    purpose: 'statistics',
  })) {
    assert.notEqual(auditEventHash({ ...event, [key]: value }), base, key);
  }
  assert.equal(auditEventHash({ ...event }), base);
});

test('a record always maps to the same chain of its jurisdiction, and records spread over the chains', () => {
  assert.equal(chainFor('GR', 'record-1'), chainFor('GR', 'record-1'));
  assert.match(chainFor('GR', 'record-1'), /^GR:\d\d$/);
  const used = new Set(Array.from({ length: 2000 }, (_, i) => chainFor('GR', `r${i}`)));
  assert.equal(used.size, chainsPerJurisdiction);
});
