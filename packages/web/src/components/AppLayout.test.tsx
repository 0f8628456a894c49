import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { visibleNav } from '../routes/nav.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../test/render.tsx';

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main navigation' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('navigation built from permissions', () => {
  it('shows a caseworker the child screens but no administration', async () => {
    mockFetch(() => undefined);
    signIn(makeMe(['child:create', 'child:read', 'child:list', 'case:work']));
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Amira Haddad' }, { timeout: 5000 });
    expect(navLinks()).toEqual(['Home', 'Children', 'Register a child', 'First contact', 'Account']);
    expect(screen.queryByText('Administration')).toBeNull();
  });

  it('shows an administrator the administration links and audit, not the child screens', async () => {
    mockFetch(() => undefined);
    signIn(
      makeMe(['user:read', 'user:manage', 'agency:read', 'team:read', 'role:read', 'audit:read', 'audit:verify'], {
        category: 'administration',
        scope: 'all',
      }),
    );
    renderApp('/');
    await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    expect(navLinks()).toEqual(['Home', 'Agencies', 'Teams', 'Users', 'Roles', 'Areas', 'Change requests', 'Audit', 'Account']);
    expect(screen.getByRole('group', { name: 'Administration' })).toBeTruthy();
  });

  it('shows a border official only first-contact registration', () => {
    const items = visibleNav(['child:create']).flatMap((section) => section.items.map((item) => item.to));
    expect(items).toEqual(['/', '/children/first-contact', '/account']);
  });

  it('shows a supervisor the approval queue and the duplicate reviews', () => {
    const items = visibleNav(['child:create', 'child:read', 'child:list', 'case:work', 'case:approve']).flatMap((section) =>
      section.items.map((item) => item.to),
    );
    expect(items).toEqual(['/', '/children', '/approvals', '/duplicate-reviews', '/children/new', '/children/first-contact', '/account']);
  });

  it('sends a signed-out user to the sign-in page', async () => {
    mockFetch((req) =>
      req.url.endsWith('/auth/session')
        ? { status: 401, body: { error: { code: 'unauthenticated', message: 'Please sign in' } } }
        : undefined,
    );
    const { router } = renderApp('/admin/users');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
