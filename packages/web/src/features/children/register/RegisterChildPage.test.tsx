import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../../../test/render.tsx';

const caseworker = () => makeMe(['child:create', 'child:read', 'child:list', 'case:work']);

const candidate = {
  scope: 'record',
  childId: '00000000-0000-4000-8000-00000000c0de',
  reference: 'GR-AAAA-BBBB',
  displayName: 'Sameer Hadad',
  sex: 'male',
  birthYear: 2011,
  nationality: ['SY'],
  status: 'open',
  score: 0.81,
  likelihood: 'likely',
  reasons: [
    { field: 'names', effect: 'supports', detail: 'names.strong' },
    { field: 'sex', effect: 'supports', detail: 'sex.match' },
  ],
};

function fillNameAndSex() {
  fireEvent.change(screen.getByRole('textbox', { name: 'Given name (part 1)' }), { target: { value: '  Samir ' } });
  fireEvent.click(screen.getByLabelText(/^Sex/, { selector: 'input' }));
  fireEvent.click(screen.getByRole('option', { name: 'Male' }));
}

describe('full registration by a caseworker', () => {
  it('checks for duplicates once a name and the sex are known, asks to confirm a different child, then registers and opens the case', async () => {
    signIn(caseworker());
    const requests = mockFetch((req) => {
      if (req.url.endsWith('/children/duplicate-check')) return { status: 200, body: { items: [candidate] } };
      if (req.method === 'POST' && req.url.endsWith('/children')) return { status: 201, body: makeChild() };
      return undefined;
    });
    const { router } = renderApp('/children/new');
    await screen.findByRole('heading', { level: 1, name: 'Register a child' }, { timeout: 5000 });
    fillNameAndSex();

    expect((await screen.findAllByText('Registered children who may be this child: 1', {}, { timeout: 3000 })).length).toBeGreaterThan(0);
    expect(screen.getAllByText('+ Names match closely').length).toBeGreaterThan(0);
    const check = requests.find((r) => r.url.endsWith('/children/duplicate-check'));
    expect(check?.body).toEqual({ names: [{ type: 'given', value: 'Samir' }], sex: 'male', nationality: [] });

    // A likely duplicate: registering needs the user to say it is a different child.
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/A registered child is likely the same/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/children'))).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: /this is a different child/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/children'))).toBe(true));
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/children'));
    expect(post?.body).toMatchObject({
      names: [{ type: 'given', value: 'Samir', romanisations: [] }],
      sex: 'male',
      age: { birthDate: null, birthDatePrecision: 'unknown', ageBasis: 'claimed' },
      nationality: [],
      typology: [],
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/children/${makeChild().id}`));
  });

  it('for a match the caseworker may not open, does not tell them to open that case', async () => {
    signIn(caseworker());
    const elsewhere = {
      scope: 'reference',
      childId: '00000000-0000-4000-8000-00000000e15e',
      reference: 'GR-CCCC-DDDD',
      agencyId: '00000000-0000-4000-8000-00000000a9e1',
      agencyName: 'Lesvos Child Protection',
      likelihood: 'possible',
    };
    mockFetch((req) => (req.url.endsWith('/children/duplicate-check') ? { status: 200, body: { items: [elsewhere] } } : undefined));
    renderApp('/children/new');
    await screen.findByRole('heading', { level: 1, name: 'Register a child' }, { timeout: 5000 });
    fillNameAndSex();
    expect(
      (await screen.findAllByText(/tell your supervisor: they can compare the two records/, {}, { timeout: 3000 })).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/open that case instead/)).toBeNull();
  });

  it('requires a name and the sex before sending anything, with messages in the UI language', async () => {
    signIn(caseworker());
    const requests = mockFetch(() => undefined);
    renderApp('/children/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Register' }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getAllByText('This field is required.').length).toBeGreaterThanOrEqual(2));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('adds and removes name parts, suggesting the father’s name after the given name', async () => {
    signIn(caseworker());
    mockFetch(() => undefined);
    renderApp('/children/new');
    await screen.findByRole('heading', { level: 1, name: 'Register a child' }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Add a name part' }));
    expect(screen.getByRole('textbox', { name: 'Father’s name (part 2)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove name part 2' }));
    expect(screen.queryByRole('textbox', { name: 'Father’s name (part 2)' })).toBeNull();
  });
});
