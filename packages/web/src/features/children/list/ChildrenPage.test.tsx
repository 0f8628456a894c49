import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../../../test/render.tsx';
import { filterParams, filtersFromParams } from './listFilters.ts';

describe('the case list', () => {
  it('reads its filters from the address and asks the server for exactly those', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work']));
    const requests = mockFetch((req) => {
      if (req.url.includes('/children?'))
        return { status: 200, body: { items: [makeChild({ case: { ...makeChild().case, overdue: true } })], nextCursor: 'next' } };
      return undefined;
    });
    renderApp('/children?status=open&risk=high,bogus&overdue=true&assignedUserId=me');
    expect(await screen.findByRole('link', { name: 'Samir Haddad' }, { timeout: 5000 })).toBeTruthy();
    const list = requests.find((r) => r.url.includes('/children?'));
    const query = new URL(list?.url ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ status: 'open', risk: 'high', overdue: 'true', assignedUserId: 'me', limit: '50' });
    expect(screen.getByText('Cases shown: 1 (more below)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear filters (4)' })).toBeTruthy();
  });

  it('keeps a name search in the address, after a pause in typing', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work']));
    const requests = mockFetch((req) =>
      req.url.includes('/children?') ? { status: 200, body: { items: [], nextCursor: null } } : undefined,
    );
    const { router } = renderApp('/children');
    fireEvent.change(await screen.findByRole('searchbox', { name: /Search by name/ }, { timeout: 5000 }), { target: { value: 'سمير' } });
    await waitFor(() => expect(router.state.location.search).toBe(`?name=${encodeURIComponent('سمير')}`));
    await waitFor(() => expect(requests.some((r) => r.url.includes(`name=${encodeURIComponent('سمير')}`))).toBe(true));
    expect(await screen.findByText('No child matches these filters.')).toBeTruthy();
  });

  it('drops values the server would refuse and writes back only what is set', () => {
    const filters = filtersFromParams(new URLSearchParams('nationality=SY,ZZ,XXA&sort=bogus&assignedUserId=nobody&location=gr-i'));
    expect(filters.multi.nationality).toEqual(['SY', 'XXA']);
    expect(filters.sort).toBe('due');
    expect(filters.assignedUserId).toBeNull();
    expect(filters.location).toBeNull();
    expect(filterParams(filters)).toEqual({ nationality: 'SY,XXA' });
  });
});
