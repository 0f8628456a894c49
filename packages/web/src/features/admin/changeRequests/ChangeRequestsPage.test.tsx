import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../../../test/render.tsx';
import { ChangeRequestsPage } from './ChangeRequestsPage.tsx';

const me = makeMe(['audit:read', 'user:manage', 'role:manage']);
const request = (id: string, requestedBy: string, targetName: string) => ({
  id,
  target: 'user',
  targetId: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a10',
  targetName,
  patch: { roleId: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a11' },
  status: 'pending',
  requestedBy,
  requestedByName: requestedBy === me.user.id ? 'Me Myself' : 'Sofia Admin',
  requestedAt: '2026-12-04T10:00:00.000Z',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
});
const byOther = request('6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a20', '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a99', 'Nikos');
const byMe = request('6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a21', me.user.id, 'Eleni');

/** The target cell's text, across the isolated name inside it. */
const target = (text: string) => (_: string, element: Element | null) => element?.tagName === 'SPAN' && element.textContent === text;

describe('change requests page', () => {
  it('offers approve and reject only on requests made by another administrator, and sends the decision', async () => {
    signIn(me);
    const requests = mockFetch((req) => {
      if (req.method === 'GET' && req.url.startsWith('/api/v1/change-requests'))
        return { status: 200, body: { items: [byOther, byMe], nextCursor: null } };
      if (req.method === 'POST') return { status: 200, body: { ...byOther, status: 'approved' } };
      return undefined;
    });
    renderWithProviders(<ChangeRequestsPage />);
    expect((await screen.findAllByText(target('User: Nikos'))).length).toBeGreaterThan(0);
    expect(screen.getAllByText(target('User: Eleni')).length).toBeGreaterThan(0);
    // The name is isolated for bidirectional text.
    expect(screen.getAllByText('Nikos')[0]?.tagName).toBe('BDI');
    expect(screen.getByText('Sofia Admin').tagName).toBe('BDI');
    const approve = screen.getAllByRole('button', { name: 'Approve' });
    expect(new Set(approve.map((b) => b.closest('tr, [data-row]')?.textContent?.includes('Nikos')))).toEqual(new Set([true]));
    fireEvent.click(approve[0] as HTMLElement);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.url).toBe(`/api/v1/change-requests/${byOther.id}/approve`);
  });
});

describe('what a change request changes', () => {
  it('is said in words: only the fields that differ from the agency as it stands, with the kind translated', async () => {
    signIn(makeMe(['audit:read', 'agency:read', 'agency:manage']));
    const agency = {
      id: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a30',
      name: 'Border guard unit',
      code: 'BGU',
      jurisdiction: 'GR',
      active: true,
      acceptsReferrals: false,
      kind: 'immigration_enforcement',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    const kindChange = {
      ...request('6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a22', '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a99', 'Border guard unit'),
      target: 'agency',
      targetId: agency.id,
      patch: { name: 'Border guard unit', code: 'BGU', jurisdiction: 'GR', active: true, kind: 'child_protection' },
    };
    mockFetch((req) => {
      if (req.url.startsWith('/api/v1/change-requests')) return { status: 200, body: { items: [kindChange], nextCursor: null } };
      if (req.url.startsWith('/api/v1/agencies')) return { status: 200, body: { items: [agency], nextCursor: null } };
      return undefined;
    });
    renderWithProviders(<ChangeRequestsPage />);
    expect((await screen.findAllByText('Child protection')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Kind of agency:/).length).toBeGreaterThan(0);
    // Unchanged fields the form sent along are left out; no raw JSON.
    await waitFor(() => expect(screen.queryByText(/Code:/)).toBeNull());
    expect(screen.queryByText(/"kind"/)).toBeNull();
  });
});
