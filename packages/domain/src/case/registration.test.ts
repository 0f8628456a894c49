import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRoles } from '../policy/defaultRoles.ts';
import type { Principal, RolePolicy } from '../policy/model.ts';
import { registrationPath } from './registration.ts';

function holder(key: string, change: Partial<RolePolicy> = {}): Principal {
  const role = defaultRoles.find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  const { key: roleKey, name: _name, description: _description, ...policy } = role;
  return {
    userId: 'u1',
    agencyId: 'a1',
    agencyKind: policy.category === 'immigration_enforcement' ? 'immigration_enforcement' : 'child_protection',
    teamIds: ['t1'],
    jurisdiction: 'GR',
    roleId: 'r1',
    roleKey,
    policy: { ...policy, ...change },
  };
}

describe('registrationPath', () => {
  test('a caseworker and a supervisor open the case they register', () => {
    assert.equal(registrationPath(holder('caseworker'), 'case_management'), 'open_case');
    assert.equal(registrationPath(holder('supervisor'), 'supervision'), 'open_case');
  });

  test('a border official refers the child, whichever form they use', () => {
    assert.equal(registrationPath(holder('border_official'), 'case_management'), 'referral');
  });

  test('a role that may create and read records but does no case work refers the child', () => {
    const provider = holder('service_provider', { permissions: ['child:create', 'child:read', 'child:list'] });
    assert.equal(registrationPath(provider, 'service_delivery'), 'referral');
  });

  test('case work granted to an enforcement role does not open a case: the firewall refuses case work', () => {
    const border = holder('border_official', { permissions: ['child:create', 'case:work'] });
    assert.equal(registrationPath(border, 'case_management'), 'referral');
  });

  test('a caseworker acting for a purpose their role does not have refers the child', () => {
    assert.equal(registrationPath(holder('caseworker'), 'statistics'), 'referral');
  });
});
