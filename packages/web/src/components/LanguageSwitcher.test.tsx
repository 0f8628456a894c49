import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../i18n/i18n.ts';
import { makeMe, mockFetch, renderApp, renderWithProviders, signIn } from '../test/render.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

describe('language switcher', () => {
  it('offers each language under its own name', () => {
    renderWithProviders(<LanguageSwitcher />);
    fireEvent.click(screen.getByRole('button', { name: /Language: English/ }));
    for (const name of ['English', 'Français', 'Español', 'العربية']) {
      expect(screen.getByRole('menuitem', { name })).toBeTruthy();
    }
    expect(screen.getByRole('menuitem', { name: 'العربية' }).getAttribute('lang')).toBe('ar');
  });

  it('switching to Arabic mirrors the page and remembers the choice', async () => {
    renderWithProviders(<LanguageSwitcher />);
    expect(document.documentElement.dir).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: /Language: English/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'العربية' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('ar');
    expect(await screen.findByRole('button', { name: /اللغة: العربية/ })).toBeTruthy();
  });

  it('saves the choice to the signed-in user’s profile, with the CSRF token', async () => {
    const me = makeMe(['child:list']);
    const requests = mockFetch((req) =>
      req.method === 'PATCH' && req.url === '/api/v1/auth/me'
        ? { status: 200, body: { ...me, user: { ...me.user, locale: 'fr' } } }
        : undefined,
    );
    signIn(me);
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: /Language: English/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Français' }));
    await screen.findByRole('heading', { level: 1, name: 'Bienvenue, Amira Haddad' });
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ locale: 'fr' });
    expect(patch?.headers.get('X-CSRF-Token')).toBe('csrf-token-123');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('fr');
  });
});
