import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CaseActionInput as ActionSchema } from './actions.ts';
import { CaseDriver, openCase, registered, supervisor, views, worker } from './caseDriver.testkit.ts';
import { defaultCasePolicy } from './casePolicy.ts';
import { type CaseState, emptyCaseState, foldCase } from './caseState.ts';
import { consentFor } from './consent.ts';
import { caseTasks, nextDue } from './tasks.ts';

describe('case workflow', () => {
  test('a first-contact referral waits to be opened, with a supervisor task', () => {
    const c = new CaseDriver();
    c.system(registered('first_contact'));
    assert.equal(c.state.status, 'referred');
    assert.equal(c.state.step, 'identification_registration');
    const tasks = caseTasks(c.state, defaultCasePolicy, null);
    assert.deepEqual(
      tasks.map((t) => [t.kind, t.for.kind]),
      [['open_referral', 'supervisor']],
    );
    assert.equal(c.act({ type: 'screened', riskLevel: 'low' })?.code, 'action_not_allowed');
    assert.equal(c.act({ type: 'opened' }), null);
    assert.equal(c.state.status, 'open');
    assert.equal(c.state.assignedUserId, worker, 'opening an unassigned referral takes it');
  });

  test('the whole path from registration to closure derives status and step from the log', () => {
    const c = openCase();
    assert.equal(c.act({ type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views })?.code, 'screening_required');
    assert.equal(c.act({ type: 'screened', riskLevel: 'medium' }), null);
    assert.equal(c.state.step, 'assessment');
    assert.equal(c.act({ type: 'approval_requested', subject: 'assessment' })?.code, 'nothing_to_approve');
    assert.equal(c.act({ type: 'assessment_recorded', kind: 'initial', needs: { education: 'high' }, childViews: views }), null);
    assert.equal(c.act({ type: 'approval_requested', subject: 'assessment' }), null);
    assert.equal(c.act({ type: 'approval_requested', subject: 'assessment' })?.code, 'approval_pending');
    assert.equal(c.act({ type: 'approval_decided', subject: 'assessment', decision: 'approved' }, supervisor), null);
    assert.equal(c.state.step, 'case_planning');

    const plan = {
      type: 'case_plan_recorded',
      goals: [{ id: 'g1', domain: 'education', description: 'Enrol in school' }],
      actions: [{ id: 'a1', goalId: 'g1', service: 'education', dueDate: '2026-12-01' }],
      childViews: views,
    };
    const refused = c.act(plan);
    assert.equal(refused?.code, 'consent_required');
    assert.deepEqual(refused?.details, { scope: 'services', missing: ['child_assent', 'adult_consent'] });
    c.act({ type: 'consent_recorded', scopes: ['services'], givenBy: 'child', kind: 'assent', method: 'verbal', date: '2026-11-01' });
    c.act({ type: 'consent_recorded', scopes: ['services'], givenBy: 'guardian', kind: 'consent', method: 'written', date: '2026-11-01' });
    assert.equal(c.act(plan), null);
    c.act({ type: 'approval_requested', subject: 'case_plan' });
    c.act({ type: 'approval_decided', subject: 'case_plan', decision: 'approved' }, supervisor);
    assert.equal(c.state.step, 'implementation');

    assert.equal(c.act({ type: 'closure_requested', reason: 'goals_met_child_safe' })?.code, 'case_plan_actions_open');
    c.act({ type: 'plan_action_updated', actionId: 'a1', status: 'done' });
    assert.equal(c.state.step, 'follow_up_review');
    c.act({ type: 'follow_up_recorded', followUpType: 'for_service', date: '2026-11-02', furtherAction: 'no_further_action_needed' });
    assert.equal(c.act({ type: 'closure_requested', reason: 'goals_met_child_safe' }), null);
    assert.equal(c.state.step, 'closure');
    assert.equal(c.state.status, 'open', 'closure waits for approval');
    c.act({ type: 'approval_decided', subject: 'closure', decision: 'approved' }, supervisor);
    assert.equal(c.state.status, 'closed');
    assert.deepEqual(caseTasks(c.state, defaultCasePolicy, null), []);
    assert.equal(c.act({ type: 'screened', riskLevel: 'low' })?.code, 'action_not_allowed');
    assert.equal(c.act({ type: 'reopened', reason: 'New protection concern reported by the school' }, supervisor), null);
    assert.equal(c.state.status, 'open');

    // Replaying the whole log gives the same state: the log is the truth.
    assert.deepEqual(foldCase(c.events), c.state);
  });

  test('closing with an open plan action needs a reason for that action', () => {
    const c = openCase(16);
    c.act({ type: 'screened', riskLevel: 'low' });
    c.act({
      type: 'assessment_recorded',
      kind: 'initial',
      needs: {},
      childViews: { heard: false, reason: 'The child was asleep after a night crossing' },
    });
    c.act({ type: 'approval_requested', subject: 'assessment' });
    c.act({ type: 'approval_decided', subject: 'assessment', decision: 'approved' }, supervisor);
    c.act({ type: 'consent_recorded', scopes: ['services'], givenBy: 'child', kind: 'consent', method: 'verbal', date: '2026-11-01' });
    assert.equal(
      c.act({
        type: 'case_plan_recorded',
        goals: [{ id: 'g', domain: 'legal', description: 'Asylum claim' }],
        actions: [{ id: 'x', service: 'legal_aid', dueDate: '2026-12-01' }],
        childViews: views,
      }),
      null,
      'a 16-year-old consents alone',
    );
    const refused = c.act({ type: 'closure_requested', reason: 'moved_lost_contact' });
    assert.deepEqual(refused, { code: 'case_plan_actions_open', details: { actions: ['x'] } });
    assert.equal(
      c.act({ type: 'closure_requested', reason: 'moved_lost_contact', openActionReasons: { x: 'The child left the country' } }),
      null,
    );
  });

  test('a complicit family member raises the risk and holds family contact until a supervisor reviews', () => {
    const c = openCase();
    c.act({ type: 'screened', riskLevel: 'low', familyComplicit: true, indicators: ['trafficking_debt_bondage'] });
    assert.equal(c.state.riskLevel, 'high');
    assert.equal(c.state.familyContact, 'review_required');
    const tasks = caseTasks(c.state, defaultCasePolicy, null);
    assert.ok(tasks.some((t) => t.kind === 'family_contact_review' && t.for.kind === 'supervisor'));
    assert.equal(c.act({ type: 'family_contact_reviewed', decision: 'cleared' }, supervisor), null);
    assert.equal(c.state.familyContact, 'cleared');
  });

  test('a family tracing action is refused while the family-contact review is open', () => {
    const c = openCase(16);
    c.act({ type: 'screened', riskLevel: 'high', familyComplicit: true });
    c.act({ type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views });
    c.act({ type: 'approval_requested', subject: 'assessment' });
    c.act({ type: 'approval_decided', subject: 'assessment', decision: 'approved' }, supervisor);
    c.act({ type: 'consent_recorded', scopes: ['services'], givenBy: 'child', kind: 'consent', method: 'verbal', date: '2026-11-01' });
    const plan = {
      type: 'case_plan_recorded',
      goals: [{ id: 'g', domain: 'family_unity', description: 'Trace the mother' }],
      actions: [{ service: 'family_tracing_reunification', dueDate: '2026-12-01' }],
      childViews: views,
    };
    assert.equal(c.act(plan)?.code, 'family_contact_review_required');
  });

  test('risk sets the deadlines from the policy table: high risk first action within 24 hours', () => {
    for (const [level, hours] of [
      ['high', 24],
      ['medium', 72],
      ['low', 168],
    ] as const) {
      const c = openCase();
      c.act({ type: 'screened', riskLevel: level });
      const first = caseTasks(c.state, defaultCasePolicy, null).find((t) => t.kind === 'first_action');
      assert.equal(first?.dueAt.getTime(), Date.parse(c.state.screenedAt ?? '') + hours * 3_600_000, level);
      c.act({ type: 'note_added', text: 'Visited the shelter; safety plan agreed.' });
      assert.equal(
        caseTasks(c.state, defaultCasePolicy, null).find((t) => t.kind === 'first_action'),
        undefined,
      );
    }
    const urgent = openCase();
    urgent.act({ type: 'screened', riskLevel: 'medium', urgentProtectionConcern: true });
    const due = caseTasks(urgent.state, defaultCasePolicy, null).find((t) => t.kind === 'first_action');
    assert.equal(due?.dueAt.getTime(), Date.parse(urgent.state.screenedAt ?? '') + defaultCasePolicy.urgentFirstActionHours * 3_600_000);
  });

  test('the next deadline is the earliest task; ageing out appears from its alert window', () => {
    const c = openCase(17);
    c.act({ type: 'screened', riskLevel: 'low' });
    const tasks = caseTasks(c.state, defaultCasePolicy, '2009-03-01');
    const transition = tasks.find((t) => t.kind === 'transition_plan');
    assert.equal(transition?.dueAt.toISOString().slice(0, 10), '2026-12-01', '90 days before 2027-03-01');
    assert.equal(transition?.visibleFrom?.toISOString().slice(0, 10), '2026-09-02', '180 days before');
    assert.equal(nextDue(tasks)?.getTime(), Math.min(...tasks.map((t) => t.dueAt.getTime())));
  });

  test('a transfer is answered only by its recipient', () => {
    const c = openCase();
    const other = '00000000-0000-7000-8000-000000000003';
    assert.equal(c.act({ type: 'transfer_accepted' }, other)?.code, 'transfer_not_pending');
    c.act({ type: 'transfer_requested', toUserId: other });
    assert.equal(c.act({ type: 'transfer_accepted' }, supervisor)?.code, 'forbidden');
    assert.equal(c.act({ type: 'transfer_accepted' }, other), null);
    assert.equal(c.state.assignedUserId, other);
  });

  test("the child's views cannot be an empty token", () => {
    assert.equal(
      ActionSchema.safeParse({ type: 'transition_plan_recorded', plan: 'x', childViews: { heard: true, words: '...' } }).success,
      false,
    );
    assert.equal(ActionSchema.safeParse({ type: 'transition_plan_recorded', plan: 'x', childViews: { heard: false } }).success, false);
  });
});

describe('consent by age band', () => {
  const withConsents = (...records: Array<Partial<CaseState['consents'][number]>>): CaseState => ({
    ...emptyCaseState(),
    consents: records.map((r, i) => ({
      seq: i + 1,
      scopes: ['services'],
      givenBy: 'child',
      kind: 'consent',
      date: '2026-11-01',
      adultExclusionReason: null,
      childAgeAtTime: null,
      withdrawn: [],
      ...r,
    })),
  });

  test('a young child needs an adult; an older one consents alone', () => {
    assert.deepEqual(consentFor(withConsents(), 'services', 4, defaultCasePolicy), { valid: false, missing: ['adult_consent'] });
    assert.equal(consentFor(withConsents({ givenBy: 'caregiver' }), 'services', 4, defaultCasePolicy).valid, true);
    assert.deepEqual(consentFor(withConsents({ givenBy: 'caregiver' }), 'services', 9, defaultCasePolicy), {
      valid: false,
      missing: ['child_assent'],
    });
    assert.equal(consentFor(withConsents({ kind: 'consent' }), 'services', 16, defaultCasePolicy).valid, true);
    assert.deepEqual(consentFor(withConsents({ kind: 'assent' }), 'services', 16, defaultCasePolicy), {
      valid: false,
      missing: ['child_consent'],
    });
  });

  test('a withdrawal ends the consent for its scopes; an override stands in for it', () => {
    const withdrawn = withConsents({ withdrawn: ['services'] });
    assert.equal(consentFor(withdrawn, 'services', 16, defaultCasePolicy).valid, false);
    const overridden: CaseState = { ...withdrawn, consentOverrides: [{ scope: 'services', seq: 9, at: '2026-11-02T00:00:00Z' }] };
    assert.deepEqual(consentFor(overridden, 'services', 16, defaultCasePolicy), { valid: true, basis: 'best_interests_override' });
    assert.equal(consentFor(overridden, 'photo', 16, defaultCasePolicy).valid, false, 'an override covers its own scope only');
  });

  test('with no known age, both the child and an adult are asked', () => {
    assert.deepEqual(consentFor(withConsents(), 'services', null, defaultCasePolicy), {
      valid: false,
      missing: ['child_assent', 'adult_consent'],
    });
  });
});
