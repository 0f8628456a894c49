import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRoles } from './defaultRoles.ts';
import type { RowScope } from './evaluate.ts';
import { duplicateDisclosure, hiddenGroups, refuseHiddenSearch, reviewSideOpen } from './fieldProjection.ts';
import type { RecordOwnership } from './model.ts';

const role = (key: string) => {
  const found = defaultRoles.find((r) => r.key === key);
  assert.ok(found);
  return found;
};

const mine: RecordOwnership = { jurisdiction: 'GR', agencyId: 'a', teamId: 't1', ownerUserId: 'u1' };
const colleagues: RecordOwnership = { jurisdiction: 'GR', agencyId: 'a', teamId: 't1', ownerUserId: 'u2' };
const otherOffice: RecordOwnership = { jurisdiction: 'GR-I', agencyId: 'c', teamId: 'tc', ownerUserId: 'u3' };
const own: RowScope = { kind: 'own', userId: 'u1' };
const team: RowScope = { kind: 'team', teamIds: ['t1'], agencyId: 'a' };
const otherTeam: RowScope = { kind: 'team', teamIds: ['tc'], agencyId: 'c' };

describe('hidden field groups', () => {
  test('the national authority hides every group; a caseworker none; read-only groups are not hidden', () => {
    assert.equal(hiddenGroups(role('national_authority').fieldRules).length, 7);
    assert.deepEqual(hiddenGroups(role('caseworker').fieldRules), []);
    assert.deepEqual(hiddenGroups(role('service_provider').fieldRules), ['legal_status', 'protection_details', 'restricted_notes']);
  });
});

describe('searching on a hidden group', () => {
  test('a name search by a role hiding identity is refused, naming the filter and the group', () => {
    assert.deepEqual(refuseHiddenSearch({ identity: 'hidden' }, ['name']), {
      code: 'filter_on_hidden_field',
      details: { filters: ['name'], groups: ['identity'] },
    });
    assert.deepEqual(refuseHiddenSearch({ identity: 'hidden' }, ['names', 'birthDate'])?.details.filters, ['names', 'birthDate']);
  });

  test('allowed when identity is visible or only readable, or when no identity input is used', () => {
    assert.equal(refuseHiddenSearch({}, ['name']), null);
    assert.equal(refuseHiddenSearch({ identity: 'read' }, ['names']), null);
    assert.equal(refuseHiddenSearch({ location: 'hidden', legal_status: 'hidden' }, ['name']), null);
    assert.equal(refuseHiddenSearch({ identity: 'hidden' }, []), null);
  });
});

describe('duplicate disclosure', () => {
  test('a record in the row scope is shown as a record; outside it, as a reference only', () => {
    assert.equal(duplicateDisclosure(own, mine), 'record');
    assert.equal(duplicateDisclosure(own, colleagues), 'reference');
    assert.equal(duplicateDisclosure(team, colleagues), 'record');
    assert.equal(duplicateDisclosure(team, otherOffice), 'reference');
    assert.equal(duplicateDisclosure({ kind: 'jurisdiction', jurisdiction: 'GR' }, otherOffice), 'record');
  });
});

describe('duplicate review sides', () => {
  test('the requester opens only their own record', () => {
    assert.equal(reviewSideOpen(team, 'requesting', mine, otherOffice), true);
    assert.equal(reviewSideOpen(team, 'other', mine, otherOffice), false);
  });

  test('the supervisor covering the other record opens both: the request shares the requesting record with them', () => {
    assert.equal(reviewSideOpen(otherTeam, 'other', mine, otherOffice), true);
    assert.equal(reviewSideOpen(otherTeam, 'requesting', mine, otherOffice), true);
  });

  test('a supervisor covering neither opens nothing', () => {
    const elsewhere: RowScope = { kind: 'agency', agencyId: 'b' };
    assert.equal(reviewSideOpen(elsewhere, 'requesting', mine, otherOffice), false);
    assert.equal(reviewSideOpen(elsewhere, 'other', mine, otherOffice), false);
  });
});
