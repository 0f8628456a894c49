import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { childId, makeCaseView, makeChild, makeTask } from '../../test/fixtures.ts';
import { makeMe, mockFetch, renderApp, renderWithProviders, signIn } from '../../test/render.tsx';
import { TaskList } from '../tasks/TaskList.tsx';

const nameless = { names: [], displayName: undefined, nameHidden: false };

describe('a child with no recorded name', () => {
  it('reads "Name not recorded" in a task list, and "Name restricted" only when the role hides it', () => {
    signIn(makeMe(['child:read', 'child:list']));
    const tasks = [
      makeTask({ reference: 'GR-NAME-0001' }),
      makeTask({ childId: '00000000-0000-4000-8000-00000000c002', reference: 'GR-NONE-0001', displayName: undefined, nameHidden: false }),
      makeTask({ childId: '00000000-0000-4000-8000-00000000c003', reference: 'GR-HIDE-0001', displayName: undefined, nameHidden: true }),
    ];
    renderWithProviders(
      <MemoryRouter>
        <TaskList tasks={tasks} label="My tasks" empty="Nothing" />
      </MemoryRouter>,
    );
    const items = within(screen.getByRole('list', { name: 'My tasks' })).getAllByRole('listitem');
    const row = (reference: string) => within(items.find((i) => i.textContent?.includes(reference)) as HTMLElement);
    expect(row('GR-NAME-0001').getByRole('link', { name: 'Samir Haddad' })).toBeTruthy();
    expect(row('GR-NONE-0001').getByRole('link', { name: 'Name not recorded' })).toBeTruthy();
    expect(row('GR-HIDE-0001').getByRole('link', { name: 'Name restricted' })).toBeTruthy();
  });

  it('reads "Name not recorded" in the case list', async () => {
    signIn(makeMe(['child:read', 'child:list', 'case:work']));
    mockFetch((req) =>
      req.url.includes('/children?') ? { status: 200, body: { items: [makeChild(nameless)], nextCursor: null } } : undefined,
    );
    renderApp('/children');
    expect(await screen.findByRole('link', { name: 'Name not recorded' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('Name restricted')).toBeNull();
  });

  it('heads the case page with "Name not recorded"', async () => {
    signIn(makeMe(['child:read', 'child:update', 'child:list', 'case:work']));
    mockFetch((request) => {
      if (request.url.endsWith(`/children/${childId}/case`)) return { status: 200, body: makeCaseView() };
      if (request.url.endsWith(`/children/${childId}`)) return { status: 200, body: makeChild(nameless) };
      if (request.url.includes('/cases/assignees')) return { status: 200, body: { items: [] } };
      if (request.url.includes('/notifications')) return { status: 200, body: { unread: 0, items: [] } };
      return undefined;
    });
    renderApp(`/children/${childId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Name not recorded' }, { timeout: 5000 })).toBeTruthy();
  });
});
