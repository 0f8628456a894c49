import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, mockFetch, renderApp, signIn } from '../../../test/render.tsx';
import { spelledOut } from './FirstContactResult.tsx';

const borderOfficial = () => makeMe(['child:create'], { category: 'immigration_enforcement' });
const agency = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Child Protection Directorate', code: 'CPD', jurisdiction: 'GR' };

describe('first-contact registration', () => {
  it('refers to the only agency, sends the encounter and concerns, and shows the reference to read out', async () => {
    signIn(borderOfficial());
    const requests = mockFetch((req) => {
      if (req.url.endsWith('/children/referral-agencies')) return { status: 200, body: { items: [agency] } };
      if (req.url.endsWith('/admin-areas')) return { status: 200, body: { items: [] } };
      if (req.method === 'POST' && req.url.endsWith('/children/first-contact')) {
        return {
          status: 201,
          body: {
            id: 'c1',
            reference: 'GR-PMHS-YHBE',
            createdAt: '2026-11-22T10:00:00Z',
            referredTo: { id: agency.id, name: agency.name },
          },
        };
      }
      return undefined;
    });
    renderApp('/children/first-contact');
    await screen.findByRole('heading', { level: 1, name: 'First contact' }, { timeout: 5000 });
    expect(await screen.findByText('Child Protection Directorate')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Given name/ }), { target: { value: ' Yonas ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Male' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Approximate age/ }), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unaccompanied' }));
    fireEvent.click(screen.getByLabelText(/^Where you met the child/, { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Border post' }));
    fireEvent.change(screen.getByLabelText(/^When/), { target: { value: '2026-11-22T08:15' } });
    fireEvent.click(screen.getByRole('switch', { name: /Urgent protection concern/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Owes a debt for the journey or is made to work it off' }));
    fireEvent.click(screen.getByRole('button', { name: 'Register and refer' }));

    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('GR-PMHS-YHBE');
    expect(status.textContent).toContain('Child Protection Directorate');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      names: [{ type: 'given', value: 'Yonas', romanisations: [] }],
      sex: 'male',
      approximateAge: 15,
      nationality: [],
      typology: ['unaccompanied'],
      encounterSetting: 'border_post',
      firstContactAt: new Date('2026-11-22T08:15').toISOString(),
      urgentConcern: true,
      concerns: ['trafficking_debt_bondage'],
      referToAgencyId: agency.id,
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    fireEvent.click(screen.getByRole('button', { name: 'Register another child' }));
    expect(await screen.findByRole('button', { name: 'Register and refer' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Given name/ }) as HTMLInputElement).value).toBe('');
  });

  it('needs only the sex, the setting and the time, and says so in the user’s language', async () => {
    signIn(borderOfficial());
    const requests = mockFetch((req) =>
      req.url.endsWith('/children/referral-agencies') ? { status: 200, body: { items: [agency] } } : undefined,
    );
    renderApp('/children/first-contact');
    fireEvent.click(await screen.findByRole('button', { name: 'Register and refer' }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getAllByText('This field is required.')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('spells the reference one character at a time', () => {
    expect(spelledOut('GR-PMHS-YHBE')).toBe('G R, P M H S, Y H B E');
  });
});
