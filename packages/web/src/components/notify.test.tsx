import { screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render.tsx';
import { notifySuccess } from './notify.ts';

describe('notifications', () => {
  it('name their close button, so it is not announced as a bare “button”', async () => {
    renderWithProviders(<p>page</p>);
    act(() => notifySuccess('Review requested'));
    expect(await screen.findByText('Review requested')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close the message' })).toBeTruthy();
  });
});
