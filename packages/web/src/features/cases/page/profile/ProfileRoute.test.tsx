import type { Child } from '@haven/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseworkerId, childId, makeCaseView, makeChild } from '../../../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../../../../test/render.tsx';

const caseworker = () => {
  const me = makeMe(['child:create', 'child:read', 'child:update', 'child:list', 'case:work']);
  return { ...me, user: { ...me.user, id: caseworkerId } };
};

function serve(child: Child) {
  return mockFetch((request) => {
    if (request.url.endsWith(`/children/${childId}/case`)) return { status: 200, body: makeCaseView() };
    if (request.method === 'PATCH') return { status: 200, body: { ...child, version: 4 } };
    if (request.url.endsWith(`/children/${childId}`)) return { status: 200, body: child };
    return undefined;
  });
}

async function openProfile() {
  renderApp(`/children/${childId}?tab=profile`);
  await screen.findByRole('heading', { level: 1, name: 'Samir Haddad' }, { timeout: 5000 });
}

describe('the route in the profile', () => {
  it('shows the route with where the child is, and edits it in order', async () => {
    signIn(caseworker());
    const requests = serve(makeChild({ route: [{ country: 'SY', from: '2024-05-01' }] }));
    await openProfile();
    const card = within(screen.getByRole('region', { name: 'Where the child is' }));
    expect(card.getByText(/Syria/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Where the child is' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Where the child is' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Add a country' }));
    fireEvent.click(dialog.getByLabelText(/^Country \(stop 2\)/, { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Türkiye' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Move stop 2 up' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      route: [{ country: 'TR' }, { country: 'SY', from: '2024-05-01' }],
    });
  }, 30_000);

  it('says the route is restricted, and offers no edit, when the reader’s role may not see the location', async () => {
    signIn(caseworker());
    const { locationDetail: _detail, route: _route, ...rest } = makeChild();
    serve({ ...rest, hiddenFieldGroups: ['location'] } as Child);
    await openProfile();
    const card = within(screen.getByRole('region', { name: 'Where the child is' }));
    expect(card.getAllByText('Restricted for your role').length).toBe(2);
    expect(screen.queryByRole('button', { name: 'Edit Where the child is' })).toBeNull();
  }, 30_000);
});
