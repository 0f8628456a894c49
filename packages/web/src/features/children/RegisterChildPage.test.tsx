import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderApp, signIn } from '../../test/render.tsx';

function fillRequired() {
  fireEvent.change(screen.getByLabelText(/^Given name/), { target: { value: '  Samir ' } });
  fireEvent.click(screen.getByLabelText(/^Sex/, { selector: 'input' }));
  fireEvent.click(screen.getByRole('option', { name: 'Male' }));
}

describe('registering a child', () => {
  it('gives a border official the reference only, and retries with the same idempotency key', async () => {
    signIn(makeMe(['child:create'], { category: 'immigration_enforcement' }));
    let attempts = 0;
    const requests = mockFetch((req) => {
      if (req.method !== 'POST') return undefined;
      attempts++;
      if (attempts === 1) return { status: 500, body: { error: { code: 'internal_error', message: 'Nothing was saved.' } } };
      return { status: 201, body: { id: 'c1', reference: 'GR-2026-0042', createdAt: '2026-01-01T00:00:00Z' } };
    });
    renderApp('/children/new');
    await screen.findByRole('heading', { level: 1, name: 'Register a child' });
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Nothing was saved.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(
      await screen.findByText(
        'Registered, reference GR-2026-0042. The child has been referred to child protection.',
      ),
    ).toBeTruthy();

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toEqual({ givenName: 'Samir', sex: 'male', nationality: [] });
    const key = posts[0]?.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(key);
  });

  it('requires the given name and sex before sending anything', async () => {
    signIn(makeMe(['child:create', 'child:read']));
    const requests = mockFetch(() => undefined);
    renderApp('/children/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Register' }));
    await waitFor(() => expect(screen.getAllByText('This field is required.')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
