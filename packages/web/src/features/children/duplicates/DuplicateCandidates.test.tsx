import type { DuplicateCandidate } from '@haven/domain';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n/i18n.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';

const elsewhere: DuplicateCandidate = {
  scope: 'reference',
  childId: '00000000-0000-4000-8000-00000000e15e',
  reference: 'GR-ZZZZ-0042',
  agencyId: '00000000-0000-4000-8000-0000000000a2',
  agencyName: 'Lesvos Child Protection',
  likelihood: 'likely',
};

const nameless: DuplicateCandidate = {
  scope: 'record',
  childId: '00000000-0000-4000-8000-00000000c0de',
  reference: 'GR-AAAA-BBBB',
  sex: 'male',
  birthYear: 2011,
  nationality: ['SY'],
  status: 'open',
  score: 0.81,
  likelihood: 'possible',
  reasons: [{ field: 'names', effect: 'supports', detail: 'names.strong' }],
};

const show = (candidates: DuplicateCandidate[]) =>
  renderWithProviders(
    <MemoryRouter>
      <DuplicateCandidates candidates={candidates} />
    </MemoryRouter>,
  );

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Matches the paragraph whose whole text is `text`, across the inline elements inside it. */
const sentence =
  (text: string | RegExp) =>
  (_: string, element: Element | null): boolean =>
    element?.tagName === 'P' && (typeof text === 'string' ? element.textContent === text : text.test(element.textContent ?? ''));

describe('possible duplicates', () => {
  it('shows a record outside the reader’s scope as a sentence: agency, reference and band, no link and no name', async () => {
    show([elsewhere]);
    expect(
      await screen.findByText(
        sentence('A possible match exists in Lesvos Child Protection, reference GR-ZZZZ-0042; a supervisor can compare them.'),
      ),
    ).toBeTruthy();
    // The reference is one unit: isolated for bidirectional text and never broken at its hyphens.
    const reference = screen.getByText('GR-ZZZZ-0042');
    expect(reference.tagName).toBe('BDI');
    expect(reference.classList.contains('nowrap')).toBe(true);
    expect(screen.getByText('Likely the same child')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says it in the reader’s language (Arabic)', async () => {
    await i18n.changeLanguage('ar');
    show([elsewhere]);
    expect(await screen.findByText(sentence(/يوجد تطابق محتمل لدى Lesvos Child Protection، المرجع GR-ZZZZ-0042/))).toBeTruthy();
  });

  it('shows no name for a role without identity: the candidate carries none', async () => {
    show([nameless]);
    expect(await screen.findByText('Name restricted')).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe(`/children/${nameless.childId}`);
  });
});
