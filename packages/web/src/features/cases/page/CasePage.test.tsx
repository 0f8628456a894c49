import type { CaseView } from '@haven/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseworkerId, childId, makeCaseView, makeChild, withApprovedPlan } from '../../../test/fixtures.ts';
import { makeMe, mockFetch, type RecordedRequest, renderApp, signIn } from '../../../test/render.tsx';

const caseworker = () => {
  const me = makeMe(['child:create', 'child:read', 'child:update', 'child:list', 'case:work']);
  return { ...me, user: { ...me.user, id: caseworkerId } };
};

type Reply = { status: number; body?: unknown } | undefined;

/** A server holding one case: the page loads it; actions go to `onAction`. */
function serve(view: CaseView, onAction: (request: RecordedRequest) => Reply = () => ({ status: 200, body: view })): RecordedRequest[] {
  return mockFetch((request) => {
    if (request.url.endsWith(`/children/${childId}/case`)) return { status: 200, body: view };
    if (request.url.endsWith(`/children/${childId}`)) return { status: 200, body: makeChild() };
    if (request.url.endsWith(`/children/${childId}/actions`)) return onAction(request);
    if (request.url.includes('/cases/assignees')) return { status: 200, body: { items: [] } };
    if (request.url.includes('/notifications')) return { status: 200, body: { unread: 0, items: [] } };
    return undefined;
  });
}

async function openCase(path = `/children/${childId}`) {
  const rendered = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Samir Haddad' }, { timeout: 5000 });
  return rendered;
}

async function openAction(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  return within(await screen.findByRole('dialog', { name }));
}

const actionsSent = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/actions'));

describe('the case page', () => {
  it('shows who the child is, where the case stands and only the actions that can succeed now', async () => {
    signIn(caseworker());
    serve(makeCaseView());
    await openCase();
    expect(screen.getByText('GR-TEST-0001')).toBeTruthy();
    expect(screen.getAllByText('High risk').length).toBeGreaterThan(0);
    expect(screen.getByText('Age in doubt: treated as a child')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Case management steps' }).querySelector('[aria-current="step"]')?.textContent).toContain(
      'Assessment',
    );
    const actions = within(screen.getByRole('region', { name: 'What you can do' }));
    // The assessment task makes recording one the suggested next step.
    expect(
      within(actions.getByText('Next steps').parentElement as HTMLElement).getByRole('button', { name: 'Record an assessment' }),
    ).toBeTruthy();
    expect(actions.getByRole('button', { name: 'Screen for risks' })).toBeTruthy();
    // No approved assessment, no plan: the plan and its actions are not offered.
    expect(actions.queryByRole('button', { name: 'Record or revise the case plan' })).toBeNull();
    expect(actions.queryByRole('button', { name: 'Update a plan action' })).toBeNull();
  });

  it('records a screening with its indicators, dated when it happened', async () => {
    signIn(caseworker());
    const requests = serve(makeCaseView());
    await openCase();
    const dialog = await openAction('Screen for risks');
    fireEvent.click(dialog.getByLabelText('Medium risk'));
    fireEvent.click(dialog.getByRole('checkbox', { name: 'Violence on the journey' }));
    fireEvent.click(dialog.getByRole('switch', { name: /It happened earlier/ }));
    fireEvent.change(dialog.getByLabelText(/When it happened/), { target: { value: '2026-11-21T09:30' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(actionsSent(requests)).toHaveLength(1));
    expect(actionsSent(requests)[0]?.body).toEqual({
      action: {
        type: 'screened',
        riskLevel: 'medium',
        indicators: ['trauma_violence_en_route'],
        urgentProtectionConcern: false,
        familyComplicit: false,
      },
      occurredAt: new Date('2026-11-21T09:30').toISOString(),
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('explains a refusal for missing consent in the user’s language and leads to the consents', async () => {
    signIn(caseworker());
    const view = withApprovedPlan(makeCaseView());
    serve(view, () => ({
      status: 409,
      body: {
        error: {
          code: 'consent_required',
          message: 'Il manque un consentement valide pour cette action.',
          details: { scope: 'services', missing: ['child_consent'] },
        },
      },
    }));
    await openCase();
    const dialog = await openAction('Record or revise the case plan');
    expect((dialog.getByRole('textbox', { name: /Goal 1/ }) as HTMLTextAreaElement).value).toBe('Back to school');
    fireEvent.click(dialog.getByRole('button', { name: 'Record the revised plan' }));
    expect(await dialog.findByText('Il manque un consentement valide pour cette action.')).toBeTruthy();
    expect(dialog.getByText('Services: missing the child’s consent.')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Go to consents' }));
    expect(await screen.findByRole('heading', { name: 'Consents', level: 2 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Consents/, selected: true })).toBeTruthy();
  });

  it('asks before separating a child from siblings, then sends again with the reason for going ahead', async () => {
    signIn(caseworker());
    const view = makeCaseView();
    let calls = 0;
    const requests = serve(view, () => {
      calls++;
      return calls === 1
        ? {
            status: 409,
            body: { error: { code: 'separation_warning', message: 'This separates the child from a sibling.', details: { relations: 1 } } },
          }
        : { status: 200, body: view };
    });
    await openCase();
    const dialog = await openAction('Change the care status');
    fireEvent.click(dialog.getByLabelText(/^Care status/, { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'With an unrelated adult' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Record' }));
    expect(await dialog.findByText('This separates the child from a sibling.')).toBeTruthy();
    const confirm = dialog.getByRole('button', { name: 'I confirm: record it anyway' }) as HTMLButtonElement;
    expect(confirm.disabled, 'a reason comes first').toBe(true);
    fireEvent.change(dialog.getByRole('textbox', { name: /Why this is in the child’s best interests/ }), {
      target: { value: 'The uncle is the only safe carer; visits with the sister weekly.' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(actionsSent(requests)).toHaveLength(2));
    expect(actionsSent(requests)[0]?.body).not.toHaveProperty('separationOverride');
    expect(actionsSent(requests)[1]?.body).toMatchObject({
      action: { type: 'care_status_changed', careStatus: 'accompanied_unrelated_adult' },
      separationOverride: { reason: 'The uncle is the only safe carer; visits with the sister weekly.' },
    });
  });

  it('lists the open plan actions when closure is requested, each needing a reason', async () => {
    signIn(caseworker());
    const requests = serve(withApprovedPlan(makeCaseView()));
    await openCase();
    const dialog = await openAction('Request closure');
    fireEvent.click(dialog.getByLabelText(/^Reason for closing/, { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Goals met, the child is safe' }));
    const reason = dialog.getByRole('textbox', { name: /Education — Enrol in grade 9/ });
    fireEvent.click(dialog.getByRole('button', { name: 'Request closure' }));
    await waitFor(() => expect(dialog.getByText('This field is required.')).toBeTruthy());
    expect(actionsSent(requests)).toHaveLength(0);
    fireEvent.change(reason, { target: { value: 'Moved to long-term care; the school place is arranged there.' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Request closure' }));
    await waitFor(() => expect(actionsSent(requests)).toHaveLength(1));
    expect(actionsSent(requests)[0]?.body).toEqual({
      action: {
        type: 'closure_requested',
        reason: 'goals_met_child_safe',
        openActionReasons: { enrol: 'Moved to long-term care; the school place is arranged there.' },
      },
    });
  });

  it('shows restricted timeline entries without their content, newest first or oldest first', async () => {
    signIn(caseworker());
    const view = makeCaseView();
    serve({
      ...view,
      events: [...view.events, { seq: 3, type: 'note_added', at: '2026-11-21T08:00:00.000Z', actorUserId: caseworkerId, redacted: true }],
    });
    await openCase(`/children/${childId}?tab=timeline`);
    const list = within(screen.getByRole('list', { name: 'History' }));
    const entries = () => list.getAllByRole('listitem').map((item) => item.querySelector('p')?.textContent);
    expect(entries()[0]).toBe('Restricted entry');
    expect(list.getByText('Your role cannot read this entry.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Oldest first'));
    expect(entries()[0]).toBe('Registered');
    expect(entries()).toEqual(['Registered', 'Screening', 'Restricted entry']);
  });

  it('edits one group of the profile with the version it was read at, and explains a conflicting change', async () => {
    signIn(caseworker());
    let patches = 0;
    const requests = mockFetch((request) => {
      if (request.url.endsWith(`/children/${childId}/case`)) return { status: 200, body: makeCaseView() };
      if (request.method === 'PATCH') {
        patches++;
        return patches === 1
          ? { status: 409, body: { error: { code: 'version_conflict', message: 'Changed meanwhile.' } } }
          : { status: 200, body: makeChild({ version: 5, legalStatus: 'Asylum claim lodged' }) };
      }
      if (request.url.endsWith(`/children/${childId}`)) return { status: 200, body: makeChild({ version: patches === 0 ? 3 : 4 }) };
      return undefined;
    });
    await openCase(`/children/${childId}?tab=profile`);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Legal status and protection' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Legal status and protection' }));
    fireEvent.change(dialog.getByRole('textbox', { name: 'Legal status' }), { target: { value: 'Asylum claim lodged' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await dialog.findByText('Changed by someone else')).toBeTruthy();
    const first = requests.find((r) => r.method === 'PATCH');
    expect(first?.headers.get('If-Match')).toBe('"3"');
    expect(first?.body).toEqual({ legalStatus: 'Asylum claim lodged' });
    // The record was reloaded: saving again is based on the new version.
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/children/${childId}`)).length).toBeGreaterThan(1),
    );
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patches).toBe(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]?.headers.get('If-Match')).toBe('"4"');
  });
});
