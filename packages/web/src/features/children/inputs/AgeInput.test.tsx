import { unknownAge } from '@haven/domain';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { AgeInput } from './AgeInput.tsx';

describe('the age input', () => {
  it('offers no way to conclude an assessment: only an approved age assessment on the case does', () => {
    renderWithProviders(<AgeInput value={{ ...unknownAge, ageBasis: 'assessed', assessedMinAge: 15 }} onChange={() => {}} />);
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByText(/Assessment concluded/)).toBeNull();
    expect((screen.getByLabelText('Date of the assessment') as HTMLInputElement).disabled).toBe(false);
  });

  it('shows a concluded assessment as its result, not as fields to edit', () => {
    const concluded = { ...unknownAge, ageBasis: 'assessed' as const, assessedMinAge: 16, assessedMaxAge: 18, assessmentConcluded: true };
    renderWithProviders(<AgeInput value={concluded} onChange={() => {}} />);
    expect(screen.getByText(/Concluded by an approved age assessment/)).toBeTruthy();
    expect((screen.getByLabelText('Date of the assessment') as HTMLInputElement).disabled).toBe(true);
  });
});
