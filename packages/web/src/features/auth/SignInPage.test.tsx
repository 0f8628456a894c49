import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n.ts';
import { makeMe, mockFetch, renderApp } from '../../test/render.tsx';

const signedOut = { status: 401, body: { error: { code: 'unauthenticated', message: 'Please sign in.' } } };

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Email|Adresse e-mail/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^(Password|Mot de passe)/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /Sign in|Se connecter/ }));
}

describe('sign-in', () => {
  it('shows the server’s localised validation message under the matching field', async () => {
    await i18n.changeLanguage('fr');
    const requests = mockFetch((req) => {
      if (req.url.endsWith('/auth/session')) return signedOut;
      if (req.url.endsWith('/auth/login')) {
        return {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Certains champs sont manquants ou invalides.',
              details: { issues: [{ path: 'email', message: 'Ce domaine n’est pas autorisé.' }] },
            },
          },
        };
      }
      return undefined;
    });
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Connexion' });
    fillAndSubmit('amira@example.org', 'a long passphrase');

    const message = await screen.findByText('Ce domaine n’est pas autorisé.');
    const email = screen.getByLabelText(/Adresse e-mail/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByRole('alert').textContent).toContain('Certains champs sont manquants ou invalides.');

    const login = requests.find((r) => r.url.endsWith('/auth/login'));
    expect(login?.headers.get('Accept-Language')).toBe('fr');
    expect(login?.headers.has('X-CSRF-Token')).toBe(false);
    expect(login?.body).toEqual({ email: 'amira@example.org', password: 'a long passphrase' });
  });

  it('validates in the browser first, in the UI language', async () => {
    const requests = mockFetch((req) => (req.url.endsWith('/auth/session') ? signedOut : undefined));
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('not-an-email', '');
    expect(await screen.findByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/auth/login'))).toBe(false);
  });

  it('asks for the second factor, then enters the application', async () => {
    const pending = { ...makeMe(['child:list']), state: 'mfa_required' as const, csrfToken: 'half-token' };
    const requests = mockFetch((req) => {
      if (req.url.endsWith('/auth/session')) return signedOut;
      if (req.url.endsWith('/auth/login')) return { status: 200, body: pending };
      if (req.url.endsWith('/auth/mfa/verify')) {
        return (req.body as { code: string }).code === '123456'
          ? { status: 200, body: makeMe(['child:list']) }
          : { status: 401, body: { error: { code: 'mfa_invalid_code', message: 'The code is not correct or has expired.' } } };
      }
      return undefined;
    });
    const { router } = renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Sign in' });
    fillAndSubmit('amira@example.org', 'a long passphrase');

    const code = await screen.findByLabelText(/Authentication code/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');

    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code is not correct or has expired.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Authentication code/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Amira Haddad' });
    expect(router.state.location.pathname).toBe('/');
    const verify = requests.filter((r) => r.url.endsWith('/auth/mfa/verify'));
    expect(verify.every((r) => r.headers.get('X-CSRF-Token') === 'half-token')).toBe(true);
  });

  it('offers a recovery code instead of the authenticator code', async () => {
    const pending = { ...makeMe([]), state: 'mfa_required' as const };
    mockFetch((req) => (req.url.endsWith('/auth/session') ? { status: 200, body: pending } : undefined));
    renderApp('/sign-in');
    fireEvent.click(await screen.findByRole('button', { name: /use a recovery code/ }));
    const input = screen.getByLabelText(/Recovery code/);
    expect(input.getAttribute('inputmode')).toBe('text');
  });
});
