import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AccessHolder, secondApprovalReason, widensChildAccess } from './changeControl.ts';
import { defaultRoles } from './defaultRoles.ts';
import type { AgencyKind, RolePolicy } from './model.ts';

function role(key: string): RolePolicy {
  const found = defaultRoles.find((r) => r.key === key);
  assert.ok(found, key);
  return found;
}

const holder = (policy: RolePolicy, agencyKind: AgencyKind = 'child_protection'): AccessHolder => ({ policy, agencyKind });
const border = role('border_official');
const caseworker = role('caseworker');

describe('change control: what needs a second administrator', () => {
  test('the relabel attack: an enforcement role recategorised with read permissions widens access', () => {
    const relabelled = { ...border, category: 'national_authority' as const, permissions: [...border.permissions, 'child:read' as const] };
    const change = { before: holder(border, 'immigration_enforcement'), after: holder(relabelled, 'immigration_enforcement') };
    assert.equal(widensChildAccess(change), true, 'a child-data permission added, even one the agency kind still blocks');
    assert.equal(secondApprovalReason({ holders: [change] }), 'removes_enforcement_label');
    const keepsCategory = { ...change, after: holder({ ...relabelled, category: 'immigration_enforcement' }, 'immigration_enforcement') };
    assert.equal(secondApprovalReason({ holders: [keepsCategory] }), 'widens_enforcement_access');
    const label = { from: 'immigration_enforcement', to: 'national_authority', held: true };
    assert.equal(secondApprovalReason({ label, holders: [change] }), 'removes_enforcement_label');
    assert.equal(secondApprovalReason({ label: { ...label, held: false }, holders: [] }), 'removes_enforcement_label', 'held or not');
    assert.equal(secondApprovalReason({ label: { from: 'government', to: 'other', held: true }, holders: [] }), 'relabels_held_label');
    assert.equal(secondApprovalReason({ label: { from: 'government', to: 'other', held: false }, holders: [] }), null);
    assert.equal(secondApprovalReason({ label: { from: 'other', to: 'immigration_enforcement', held: false }, holders: [] }), null);
  });

  test('moving a user out of an enforcement role or agency into child protection widens access', () => {
    assert.equal(secondApprovalReason({ holders: [{ before: holder(border), after: holder(caseworker) }] }), 'removes_enforcement_label');
    const agencyMove = { before: holder(caseworker, 'immigration_enforcement'), after: holder(caseworker, 'child_protection') };
    assert.equal(secondApprovalReason({ holders: [agencyMove] }), 'removes_enforcement_label');
    // Out of the border agency but still in an enforcement role: one of two locks removed, still two administrators.
    const keepsRole = { before: holder(border, 'immigration_enforcement'), after: holder(border, 'child_protection') };
    assert.equal(secondApprovalReason({ holders: [keepsRole] }), 'removes_enforcement_label');
  });

  test('a wider scope or a less restricted field group on an enforcement role with child permissions widens access', () => {
    const base = {
      ...border,
      permissions: ['child:create', 'child:read'] as RolePolicy['permissions'],
      fieldRules: { health: 'hidden' as const },
    };
    const linked = (policy: RolePolicy) => ({
      before: holder(base, 'immigration_enforcement'),
      after: holder(policy, 'immigration_enforcement'),
    });
    assert.equal(widensChildAccess(linked({ ...base, scope: 'all' })), true);
    assert.equal(widensChildAccess(linked({ ...base, fieldRules: { health: 'read' } })), true);
    assert.equal(widensChildAccess(linked({ ...base, fieldRules: {} })), true);
    assert.equal(widensChildAccess(linked({ ...base, fieldRules: { health: 'hidden', photo: 'hidden' } })), false, 'narrowing');
    assert.equal(widensChildAccess(linked({ ...base, permissions: ['child:create'] })), false, 'narrowing');
  });

  test('one administrator may narrow an enforcement role or move a user into enforcement', () => {
    const narrower = { ...border, permissions: [] };
    assert.equal(secondApprovalReason({ holders: [{ before: holder(border), after: holder(narrower) }] }), null);
    assert.equal(secondApprovalReason({ holders: [{ before: holder(caseworker), after: holder(border) }] }), null);
    const renamed = { before: holder(border, 'immigration_enforcement'), after: holder({ ...border }, 'immigration_enforcement') };
    assert.equal(secondApprovalReason({ holders: [renamed] }), null);
  });

  test('widening a child-protection role held in child-protection agencies needs no second administrator', () => {
    const wider = { ...caseworker, scope: 'all' as const };
    assert.equal(widensChildAccess({ before: holder(caseworker), after: holder(wider) }), true);
    assert.equal(secondApprovalReason({ holders: [{ before: holder(caseworker), after: holder(wider) }] }), null);
    // Held in an enforcement agency, the same change does.
    const inBorderAgency = { before: holder(caseworker, 'immigration_enforcement'), after: holder(wider, 'immigration_enforcement') };
    assert.equal(secondApprovalReason({ holders: [inBorderAgency] }), 'widens_enforcement_access');
  });
});
