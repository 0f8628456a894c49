import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCaseView, makeTask } from '../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, signIn } from '../../test/render.tsx';

describe('the approval queue', () => {
  it('approves inline, and sends back only with a reason', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work', 'case:approve']));
    const requests = mockFetch((req) => {
      if (req.url.includes('/tasks?view=supervision')) {
        return {
          status: 200,
          body: {
            items: [
              makeTask({ kind: 'approve_assessment', displayName: 'Samir Haddad' }),
              makeTask({
                kind: 'approve_closure',
                displayName: 'Yonas Tesfaye',
                childId: '00000000-0000-4000-8000-00000000c002',
                reference: 'GR-TEST-0002',
              }),
            ],
          },
        };
      }
      if (req.method === 'POST' && req.url.endsWith('/actions')) return { status: 200, body: makeCaseView() };
      if (req.url.includes('/cases/assignees')) return { status: 200, body: { items: [] } };
      return undefined;
    });
    renderApp('/approvals');
    const list = await screen.findByRole('list', { name: 'Approval queue' }, { timeout: 5000 });
    const [assessment, closure] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];

    fireEvent.click(within(closure).getByRole('button', { name: 'Send back' }));
    expect(await within(closure).findByText('Say what needs to change before sending it back.')).toBeTruthy();
    fireEvent.change(within(closure).getByRole('textbox', { name: /Comment/ }), { target: { value: 'Follow up once more first.' } });
    fireEvent.click(within(closure).getByRole('button', { name: 'Send back' }));
    fireEvent.click(within(assessment).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.find((r) => r.url.includes('c002'))?.body).toEqual({
      action: { type: 'approval_decided', subject: 'closure', decision: 'rejected', comment: 'Follow up once more first.' },
    });
    expect(posts.find((r) => r.url.includes('c001'))?.body).toEqual({
      action: { type: 'approval_decided', subject: 'assessment', decision: 'approved' },
    });
  });
});
