import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../test/render.tsx';
import { UserMenu } from './UserMenu.tsx';

describe('user menu', () => {
  it('is named by the user’s full name in text, not by an aria-label leaving out the visible initials', () => {
    signIn(makeMe(['child:list']));
    mockFetch(() => undefined);
    renderWithProviders(
      <MemoryRouter>
        <UserMenu />
      </MemoryRouter>,
    );
    const button = screen.getByRole('button', { name: 'Account menu for Amira Haddad' });
    // A label that omits the visible text fails WCAG 2.5.3 (axe label-content-name-mismatch).
    expect(button.getAttribute('aria-label')).toBeNull();
  });
});
