import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../../../test/render.tsx';
import { RoleForm } from './RoleForm.tsx';

const role = {
  id: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a10',
  key: 'border_official',
  name: 'Border official',
  description: '',
  category: 'immigration_enforcement' as const,
  scope: 'own' as const,
  permissions: ['child:create' as const],
  fieldRules: { legal_status: 'hidden' as const },
  purposes: ['case_management' as const],
  requireMfa: false,
};

describe('role editor', () => {
  it('warns about the firewall for immigration-enforcement roles', () => {
    signIn(makeMe(['role:read', 'role:manage']));
    renderWithProviders(<RoleForm role={role} onDone={() => {}} />);
    expect(screen.getByText('Immigration-enforcement firewall')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Children: Create' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Children: Read' })).toHaveProperty('checked', false);
  });

  it('sends ticked permissions and field rules, without "no restriction" entries', async () => {
    signIn(makeMe(['role:read', 'role:manage']));
    const requests = mockFetch((req) => (req.method === 'PATCH' ? { status: 200, body: role } : undefined));
    renderWithProviders(<RoleForm role={{ ...role, category: 'child_protection' }} onDone={() => {}} />);
    expect(screen.queryByText('Immigration-enforcement firewall')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Children: Read' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.url).toBe(`/api/v1/roles/${role.id}`);
    expect(requests[0]?.body).toMatchObject({
      key: 'border_official',
      category: 'child_protection',
      permissions: ['child:create', 'child:read'],
      fieldRules: { legal_status: 'hidden' },
      purposes: ['case_management'],
    });
  });
});
