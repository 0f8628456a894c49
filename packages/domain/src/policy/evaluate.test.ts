import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRoles } from './defaultRoles.ts';
import { evaluate, inRowScope, jurisdictionContains } from './evaluate.ts';
import { allPermissions, type Principal, permissionCatalogue, purposes, type RolePolicy } from './model.ts';

function principal(policy: Partial<RolePolicy> = {}, extra: Partial<Principal> = {}): Principal {
  return {
    userId: 'u1',
    agencyId: 'a1',
    teamIds: ['t1'],
    jurisdiction: 'GR',
    agencyKind: 'child_protection',
    roleId: 'r1',
    roleKey: 'test',
    policy: {
      category: 'child_protection',
      scope: 'own',
      permissions: ['child:read'],
      fieldRules: {},
      purposes: ['case_management'],
      requireMfa: false,
      ...policy,
    },
    ...extra,
  };
}

describe('evaluate', () => {
  test('denies by default: a permission the role lacks', () => {
    const decision = evaluate({ principal: principal(), purpose: 'case_management', action: 'update', resource: 'child' });
    assert.deepEqual(decision, { allowed: false, reason: 'no_permission' });
  });

  test('allows a granted permission with the role scope as row filter and its field rules', () => {
    const decision = evaluate({
      principal: principal({ scope: 'team', fieldRules: { legal_status: 'hidden' } }),
      purpose: 'case_management',
      action: 'read',
      resource: 'child',
    });
    assert.deepEqual(decision, {
      allowed: true,
      rows: { kind: 'team', teamIds: ['t1'], agencyId: 'a1' },
      fields: { legal_status: 'hidden' },
    });
  });

  test('refuses a purpose the role does not carry', () => {
    const decision = evaluate({ principal: principal(), purpose: 'statistics', action: 'read', resource: 'child' });
    assert.deepEqual(decision, { allowed: false, reason: 'purpose_not_permitted' });
  });

  test('firewall: an immigration-enforcement role never reads, lists, updates or exports child records, whatever it is granted', () => {
    const everything = principal({
      category: 'immigration_enforcement',
      scope: 'all',
      permissions: [...allPermissions],
      purposes: [...purposes],
    });
    for (const action of ['read', 'list', 'update', 'delete', 'export'] as const) {
      for (const purpose of purposes) {
        assert.deepEqual(
          evaluate({ principal: everything, purpose, action, resource: 'child' }),
          { allowed: false, reason: 'firewall' },
          `${action}/${purpose}`,
        );
      }
    }
    // Case work discloses the child's data too: every case action is refused.
    for (const action of permissionCatalogue.case) {
      assert.deepEqual(
        evaluate({ principal: everything, purpose: 'case_management', action, resource: 'case' }),
        { allowed: false, reason: 'firewall' },
        `case:${action}`,
      );
    }
    // Registration and referral stay possible: write-only.
    assert.equal(evaluate({ principal: everything, purpose: 'case_management', action: 'create', resource: 'child' }).allowed, true);
    // Organisation data is not child data.
    assert.equal(evaluate({ principal: everything, purpose: 'case_management', action: 'read', resource: 'agency' }).allowed, true);
  });

  test('firewall: any role acting for an immigration-enforcement purpose is refused child data', () => {
    const supervisor = principal({
      scope: 'all',
      permissions: ['child:read', 'child:list'],
      purposes: ['case_management', 'immigration_enforcement'],
    });
    assert.deepEqual(evaluate({ principal: supervisor, purpose: 'immigration_enforcement', action: 'list', resource: 'child' }), {
      allowed: false,
      reason: 'firewall',
    });
    assert.equal(evaluate({ principal: supervisor, purpose: 'case_management', action: 'list', resource: 'child' }).allowed, true);
  });

  test('firewall: a user of an immigration-enforcement agency is refused child data whatever their role category', () => {
    const relabelled = principal(
      { category: 'national_authority', scope: 'all', permissions: ['child:read', 'child:list', 'child:create'] },
      { agencyKind: 'immigration_enforcement' },
    );
    for (const action of ['read', 'list'] as const) {
      assert.deepEqual(evaluate({ principal: relabelled, purpose: 'case_management', action, resource: 'child' }), {
        allowed: false,
        reason: 'firewall',
      });
    }
    assert.equal(evaluate({ principal: relabelled, purpose: 'case_management', action: 'create', resource: 'child' }).allowed, true);
    // The same role in a child protection agency reads as granted: the agency kind made the difference.
    const inChildProtection = { ...relabelled, agencyKind: 'child_protection' as const };
    assert.equal(evaluate({ principal: inChildProtection, purpose: 'case_management', action: 'read', resource: 'child' }).allowed, true);
  });

  test('the default border official role can register a child but not read one', () => {
    const border = defaultRoles.find((r) => r.key === 'border_official');
    assert.ok(border);
    const p = principal(border);
    assert.equal(evaluate({ principal: p, purpose: 'case_management', action: 'create', resource: 'child' }).allowed, true);
    assert.equal(evaluate({ principal: p, purpose: 'case_management', action: 'read', resource: 'child' }).allowed, false);
  });

  test('every default role is valid policy data and the administrator sees no child data', () => {
    const admin = defaultRoles.find((r) => r.key === 'administrator');
    assert.ok(admin);
    for (const action of ['read', 'list'] as const) {
      assert.equal(evaluate({ principal: principal(admin), purpose: 'administration', action, resource: 'child' }).allowed, false);
    }
    assert.equal(new Set(defaultRoles.map((r) => r.key)).size, defaultRoles.length);
  });
});

describe('row scope', () => {
  const record = { jurisdiction: 'GR-I', agencyId: 'a1', teamId: 't1', ownerUserId: 'u1' };
  test('each scope admits exactly the records it should', () => {
    assert.equal(inRowScope({ kind: 'own', userId: 'u1' }, record), true);
    assert.equal(inRowScope({ kind: 'own', userId: 'u2' }, record), false);
    assert.equal(inRowScope({ kind: 'team', teamIds: ['t2', 't1'], agencyId: 'a1' }, record), true);
    assert.equal(inRowScope({ kind: 'team', teamIds: [], agencyId: 'a1' }, record), false);
    // A record no team has taken yet is the agency's intake pool, seen by its teams.
    assert.equal(inRowScope({ kind: 'team', teamIds: ['t1'], agencyId: 'a1' }, { ...record, teamId: null }), true);
    assert.equal(inRowScope({ kind: 'team', teamIds: ['t1'], agencyId: 'a2' }, { ...record, teamId: null }), false);
    assert.equal(inRowScope({ kind: 'agency', agencyId: 'a2' }, record), false);
    assert.equal(inRowScope({ kind: 'jurisdiction', jurisdiction: 'GR' }, record), true);
    assert.equal(inRowScope({ kind: 'jurisdiction', jurisdiction: 'IT' }, record), false);
    assert.equal(inRowScope({ kind: 'all' }, record), true);
  });

  test('jurisdictions nest by ISO 3166-2 prefix only', () => {
    assert.equal(jurisdictionContains('GR', 'GR-I'), true);
    assert.equal(jurisdictionContains('GR-I', 'GR'), false);
    assert.equal(jurisdictionContains('GR', 'GRX'), false);
  });
});
