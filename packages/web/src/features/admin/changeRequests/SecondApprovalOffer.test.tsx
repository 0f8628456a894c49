import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../../../test/render.tsx';
import { AgencyForm } from '../agencies/AgencyForm.tsx';

const agency = {
  id: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a30',
  name: 'Border guard unit',
  code: 'BGU',
  jurisdiction: 'GR',
  active: true,
  acceptsReferrals: false,
  kind: 'immigration_enforcement' as const,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('a save that needs a second administrator', () => {
  it('is offered as a change request carrying the same change', async () => {
    signIn(makeMe(['agency:read', 'agency:manage']));
    const requests = mockFetch((req) => {
      if (req.method === 'PATCH') {
        return {
          status: 409,
          body: { error: { code: 'second_approval_required', message: 'Two administrators must agree on this change.', details: {} } },
        };
      }
      if (req.method === 'POST') return { status: 201, body: { id: '6a0c2f9e-3c55-4c8e-9d1a-1f0b6c1f7a31', status: 'pending' } };
      return undefined;
    });
    renderWithProviders(<AgencyForm agency={agency} onDone={() => {}} />);
    expect(screen.getByText('Kind of agency')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Border guard unit, Evros' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const submit = await screen.findByRole('button', { name: 'Submit for approval' });
    // The offer explains the refusal; a red error saying the same again would read as a failure.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(submit);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/v1/change-requests');
    expect(post?.body).toMatchObject({
      target: 'agency',
      targetId: agency.id,
      patch: { name: 'Border guard unit, Evros', kind: 'immigration_enforcement' },
    });
    expect(await screen.findByText(/Another administrator must approve it/)).toBeTruthy();
  });
});
