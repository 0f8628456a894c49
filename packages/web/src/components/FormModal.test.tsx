import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormModal } from './FormModal.tsx';

describe('dialogs', () => {
  it('a form dialog’s close button is named, so screen readers do not announce a bare “button”', () => {
    const onClose = vi.fn();
    renderWithProviders(
      <FormModal opened onClose={onClose} title="Edit agency">
        <p>form</p>
      </FormModal>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close the dialog' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('a confirmation dialog’s close button is named too', () => {
    renderWithProviders(
      <ConfirmButton title="Remove the link" message="Sure?" confirmLabel="Remove" onConfirm={() => {}}>
        Remove
      </ConfirmButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('button', { name: 'Close the dialog' })).toBeTruthy();
  });
});
