import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { NamePartsInput } from './NamePartsInput.tsx';

describe('name parts', () => {
  it('marks a required name on the first part’s input, not with aria-required on the group (not allowed there)', () => {
    renderWithProviders(<NamePartsInput value={[{ type: 'given', value: '' }]} onChange={() => {}} required />);
    const group = screen.getByRole('group', { name: /Name/ });
    expect(group.getAttribute('aria-required')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Given name (part 1)' }).hasAttribute('required')).toBe(true);
  });
});
