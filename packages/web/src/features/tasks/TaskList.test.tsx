import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeTask } from '../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, renderWithProviders, signIn } from '../../test/render.tsx';
import { TaskList } from './TaskList.tsx';

describe('task lists', () => {
  it('puts overdue tasks first, with their risk, kind, and due date in words and in full', () => {
    signIn(makeMe(['child:read', 'child:list']));
    const tasks = [
      makeTask({
        kind: 'assessment',
        dueAt: '2026-11-20T10:00:00Z',
        riskLevel: 'low',
        childId: '00000000-0000-4000-8000-00000000c002',
        reference: 'GR-LOW0-0001',
        displayName: 'Low Child',
      }),
      makeTask({
        kind: 'first_action',
        dueAt: '2026-11-25T10:00:00Z',
        overdue: true,
        riskLevel: 'high',
        reference: 'GR-HIGH-0001',
        displayName: 'High Child',
      }),
    ];
    renderWithProviders(
      <MemoryRouter>
        <TaskList tasks={tasks} label="My tasks" empty="Nothing" />
      </MemoryRouter>,
    );
    const items = within(screen.getByRole('list', { name: 'My tasks' })).getAllByRole('listitem');
    expect(within(items[0] as HTMLElement).getByText('Overdue')).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('High risk')).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('First protective action')).toBeTruthy();
    expect(
      within(items[0] as HTMLElement)
        .getByRole('link', { name: 'High Child' })
        .getAttribute('href'),
    ).toBe('/children/00000000-0000-4000-8000-00000000c001');
    expect(within(items[0] as HTMLElement).getByText(/^Was due/)).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText('Low risk')).toBeTruthy();
    expect(within(items[1] as HTMLElement).queryByText('Overdue')).toBeNull();
    expect(items[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-20T10:00:00Z');
  });

  it('gives a supervisor alerts, the approval queue and new referrals apart', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work', 'case:approve', 'case:assign']));
    mockFetch((req) => {
      if (req.url.includes('/tasks?view=supervision')) {
        return {
          status: 200,
          body: {
            items: [
              makeTask({ kind: 'open_referral', displayName: 'Referred Child', reference: 'GR-REF0-0001', assignedUserId: null }),
              makeTask({ kind: 'approve_case_plan', displayName: 'Plan Child', reference: 'GR-PLAN-0001' }),
              makeTask({ kind: 'first_action', overdue: true, displayName: 'Late Child', reference: 'GR-LATE-0001' }),
            ],
          },
        };
      }
      if (req.url.includes('/tasks?view=mine')) return { status: 200, body: { items: [] } };
      if (req.url.endsWith('/caseloads'))
        return { status: 200, body: { items: [{ userId: 'u1', displayName: 'Amira Haddad', open: 7, overdue: 2, highRisk: 1 }] } };
      if (req.url.includes('/cases/assignees')) return { status: 200, body: { items: [] } };
      return undefined;
    });
    renderApp('/');
    const alerts = await screen.findByRole('list', { name: 'Alerts' }, { timeout: 5000 });
    expect(within(alerts).getByText('Late Child')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Waiting for your approval' })).getByText('Plan Child')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'New referrals' })).getByText('Referred Child')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Amira Haddad' })).toBeTruthy();
  });

  it('gives a border official one big way to register a first contact', async () => {
    signIn(makeMe(['child:create'], { category: 'immigration_enforcement' }));
    const requests = mockFetch(() => undefined);
    renderApp('/');
    const link = await screen.findByRole('link', { name: 'Register a child (first contact)' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/children/first-contact');
    expect(requests.some((r) => r.url.includes('/tasks') || r.url.includes('/children?'))).toBe(false);
  });
});
