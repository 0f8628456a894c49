import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeChild } from '../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../../test/render.tsx';

const worker = { userId: '00000000-0000-4000-8000-0000000000w1', displayName: 'Amira Haddad', open: 1, overdue: 0, highRisk: 1 };
const colleague = { id: '00000000-0000-4000-8000-0000000000w2', displayName: 'Yusuf Ali', teamIds: [] };

describe('reassigning cases from the caseload table', () => {
  it('sends the chosen cases to the chosen colleague', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work', 'case:approve', 'case:assign']));
    const requests = mockFetch((req) => {
      if (req.url.includes('/tasks')) return { status: 200, body: { items: [] } };
      if (req.url.endsWith('/caseloads')) return { status: 200, body: { items: [worker] } };
      if (req.url.includes('/cases/assignees'))
        return { status: 200, body: { items: [{ id: worker.userId, displayName: worker.displayName, teamIds: [] }, colleague] } };
      if (req.url.includes(`assignedUserId=${worker.userId}`)) return { status: 200, body: { items: [makeChild()], nextCursor: null } };
      if (req.url.endsWith('/cases/reassign')) return { status: 200, body: { reassigned: 1 } };
      return undefined;
    });
    renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Reassign cases of Amira Haddad' }, { timeout: 5000 }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Reassign cases' }));
    fireEvent.click(await dialog.findByRole('checkbox', { name: /Samir Haddad/ }));
    fireEvent.click(dialog.getByLabelText(/^Give them to/, { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Yusuf Ali' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Reassign (1)' }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/cases/reassign'))).toBe(true));
    expect(requests.find((r) => r.url.endsWith('/cases/reassign'))?.body).toEqual({ childIds: [makeChild().id], toUserId: colleague.id });
  });
});
