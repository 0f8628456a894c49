import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderWithProviders, signIn } from '../../test/render.tsx';
import { NotificationsBell } from './NotificationsBell.tsx';

describe('notifications bell', () => {
  it('puts the popup state on the button itself, not on the unread counter around it', async () => {
    signIn(makeMe(['child:read']));
    mockFetch((req) => (req.url.includes('/notifications') ? { status: 200, body: { unread: 2, items: [] } } : undefined));
    const { container } = renderWithProviders(
      <MemoryRouter>
        <NotificationsBell />
      </MemoryRouter>,
    );
    const button = await screen.findByRole('button', { name: 'Notifications, unread: 2' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // aria-expanded is not allowed on a plain div (axe aria-allowed-attr, critical): only the button carries it.
    expect([...container.querySelectorAll('[aria-expanded]')]).toEqual([button]);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });
});
