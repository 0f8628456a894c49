import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, childCount, createHarness, type Harness, names, sampleChild, signIn } from './support/harness.ts';

let h: Harness;
before(async () => {
  h = await createHarness();
});
after(async () => h.close());

const views = { heard: true, words: 'I want to stay with my brother and go to school.' };
const hour = 3_600_000;

async function act(client: Client, id: string, action: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return client.post(`/api/v1/children/${id}/actions`, { action, ...extra });
}

/** Records an action that must succeed, and returns the case view after it. */
async function ok(client: Client, id: string, action: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await act(client, id, action, extra);
  assert.equal(res.status, 200, `${String(action.type)}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Screens an open case, records an initial assessment and has the supervisor approve it. */
async function assess(worker: Client, supervisor: Client, id: string, screening: Record<string, unknown> = { riskLevel: 'high' }) {
  await ok(worker, id, { type: 'screened', ...screening });
  await ok(worker, id, { type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views });
  await ok(worker, id, { type: 'approval_requested', subject: 'assessment' });
  await ok(supervisor, id, { type: 'approval_decided', subject: 'assessment', decision: 'approved' });
}

/** Records consent for services from each giver in turn. */
async function consentToServices(worker: Client, id: string, ...givers: string[]) {
  for (const givenBy of givers) {
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['services'],
      givenBy,
      kind: 'consent',
      method: 'verbal',
      date: '2026-11-01',
    });
  }
}

const plan = {
  type: 'case_plan_recorded',
  goals: [{ id: 'school', domain: 'education', description: 'Enrolled in the local school' }],
  actions: [{ id: 'enrol', goalId: 'school', service: 'education', provider: 'Municipal school 4', dueDate: '2027-01-15' }],
  childViews: views,
};

describe('first contact to closure', () => {
  test('a border official refers a child; a supervisor sees the referral; a caseworker takes the case through to closure', async () => {
    const border = await signIn(h, await h.org.user('border_official'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const worker = await signIn(h, await h.org.user('caseworker'));

    const agencies = await border.get('/api/v1/children/referral-agencies');
    assert.deepEqual(
      agencies.body.items.map((a: { id: string }) => a.id),
      [h.org.agencyA],
    );
    const firstContact = h.clock.now().toISOString();
    const referral = await border.post('/api/v1/children/first-contact', {
      names: names('Yonas'),
      sex: 'male',
      approximateAge: 15,
      nationality: ['ER'],
      typology: ['unaccompanied'],
      encounterSetting: 'border_post',
      firstContactAt: firstContact,
      urgentConcern: true,
      concerns: ['trafficking_debt_bondage'],
      note: 'Found alone near the river crossing.',
    });
    assert.equal(referral.status, 201, JSON.stringify(referral.body));
    assert.deepEqual(Object.keys(referral.body).sort(), ['createdAt', 'id', 'reference', 'referredTo']);
    const id = referral.body.id as string;
    assert.equal((await border.get(`/api/v1/children/${id}/case`)).status, 403, 'the registrant cannot read the case');

    const alerts = await supervisor.get('/api/v1/tasks?view=supervision');
    const intake = alerts.body.items.find((t: { childId: string }) => t.childId === id);
    assert.equal(intake?.task.kind, 'open_referral');
    const notes = await supervisor.get('/api/v1/notifications');
    assert.ok(notes.body.items.some((n: { kind: string; childId: string }) => n.kind === 'referral_received' && n.childId === id));

    await ok(supervisor, id, { type: 'assigned', userId: (await me(worker)).id });
    let view = await ok(worker, id, { type: 'opened' });
    assert.equal(view.summary.status, 'open');
    assert.ok(view.promptness.contactToReferralHours !== null && view.promptness.contactToReferralHours < 1);
    assert.equal(view.promptness.referralToOpeningLate, false);

    view = await ok(worker, id, { type: 'screened', riskLevel: 'high', urgentProtectionConcern: true });
    assert.equal(view.summary.step, 'assessment');
    const firstAction = view.tasks.find((t: { kind: string }) => t.kind === 'first_action');
    assert.ok(firstAction, 'high risk starts the first-action clock');

    await ok(worker, id, { type: 'assessment_recorded', kind: 'initial', needs: { safety_protection: 'high' }, childViews: views });
    await ok(worker, id, { type: 'approval_requested', subject: 'assessment' });
    const queue = await supervisor.get('/api/v1/tasks?view=supervision&kind=approve_assessment');
    assert.ok(
      queue.body.items.some((t: { childId: string }) => t.childId === id),
      'the approval queue holds the request',
    );
    await ok(supervisor, id, { type: 'approval_decided', subject: 'assessment', decision: 'approved', comment: 'Thorough.' });
    assert.ok((await worker.get('/api/v1/notifications')).body.items.some((n: { kind: string }) => n.kind === 'approval_decided'));

    const refused = await act(worker, id, plan);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'consent_required');
    assert.deepEqual(refused.body.error.details, { scope: 'services', missing: ['child_consent'] }, 'at 15 the child consents');
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['services', 'tracing'],
      givenBy: 'child',
      kind: 'assent',
      method: 'verbal',
      date: '2026-11-20',
    });
    assert.equal((await act(worker, id, plan)).body.error.code, 'consent_required', 'assent is not enough at 15');
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['services'],
      givenBy: 'child',
      kind: 'consent',
      method: 'written',
      date: '2026-11-20',
    });
    view = await ok(worker, id, plan);
    assert.equal(view.consents.byScope.services.valid, true);
    assert.equal(view.consents.records[0].childAgeAtTime, 15, 'the age at the time is kept with the consent');
    await ok(worker, id, { type: 'approval_requested', subject: 'case_plan' });
    view = await ok(supervisor, id, { type: 'approval_decided', subject: 'case_plan', decision: 'approved' });
    assert.equal(view.summary.step, 'implementation');

    const closeEarly = await act(worker, id, { type: 'closure_requested', reason: 'goals_met_child_safe' });
    assert.equal(closeEarly.body.error.code, 'case_plan_actions_open');
    assert.deepEqual(closeEarly.body.error.details.actions, ['enrol']);
    await ok(worker, id, { type: 'plan_action_updated', actionId: 'enrol', status: 'done', outcome: 'Enrolled in grade 9' });
    view = await ok(worker, id, {
      type: 'follow_up_recorded',
      followUpType: 'for_service',
      date: '2026-11-21',
      furtherAction: 'no_further_action_needed',
    });
    assert.equal(view.summary.step, 'follow_up_review');
    await ok(worker, id, { type: 'closure_requested', reason: 'goals_met_child_safe' });
    view = await ok(supervisor, id, { type: 'approval_decided', subject: 'closure', decision: 'approved' });
    assert.equal(view.summary.status, 'closed');
    assert.deepEqual(view.tasks, []);
    assert.ok(view.events.length >= 15, 'the timeline holds every action');
    assert.deepEqual(
      view.events.slice(0, 2).map((e: { type: string }) => e.type),
      ['registered', 'note_added'],
    );

    // Every action is audited with its type, and the log cannot be rewritten by the application role.
    const audited = await h.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', id)
      .where('resource', '=', 'case')
      .execute();
    assert.ok(audited.some((a) => a.action === 'approval_decided'));
    await assert.rejects(h.database.db.deleteFrom('case_event').where('child_id', '=', id).execute(), /permission denied/);
  });
});

/** Attempts on a case refused and audited as denied, by action. */
async function deniedAttempts(id: string, action: string): Promise<number> {
  const rows = await h.database.db
    .selectFrom('audit_event')
    .select('seq')
    .where('record_id', '=', id)
    .where('action', '=', action)
    .where('outcome', '=', 'denied')
    .execute();
  return rows.length;
}

async function me(client: Client): Promise<{ id: string }> {
  return (await client.get('/api/v1/auth/session')).body.user;
}

describe('deadlines and alerts', () => {
  test('an overdue high-risk case comes first in the caseworker’s tasks and in the supervisor’s alerts', async () => {
    const workerUser = await h.org.user('caseworker');
    const supervisorUser = await h.org.user('supervisor');
    const worker = await signIn(h, workerUser);
    const low = (await worker.post('/api/v1/children', { ...sampleChild, names: names('Low') })).body.id;
    const high = (await worker.post('/api/v1/children', { ...sampleChild, names: names('High') })).body.id;
    await ok(worker, low, { type: 'screened', riskLevel: 'low' });
    await ok(worker, high, { type: 'screened', riskLevel: 'high' });
    h.clock.advance(25 * hour);
    try {
      // A day later the sessions have ended: sign in again.
      const worker = await signIn(h, workerUser);
      const supervisor = await signIn(h, supervisorUser);
      const mine = await worker.get('/api/v1/tasks?view=mine');
      assert.equal(mine.body.items[0].childId, high);
      assert.equal(mine.body.items[0].task.kind, 'first_action');
      assert.equal(mine.body.items[0].task.overdue, true);
      assert.equal(mine.body.items.find((t: { childId: string }) => t.childId === low)?.task.overdue, false);
      const alerts = await supervisor.get('/api/v1/tasks?view=supervision&overdue=true');
      assert.ok(alerts.body.items.some((t: { childId: string; riskLevel: string }) => t.childId === high && t.riskLevel === 'high'));
      assert.ok(!alerts.body.items.some((t: { childId: string }) => t.childId === low));
      const list = await worker.get('/api/v1/children?overdue=true&status=open');
      assert.deepEqual(
        list.body.items.map((c: { id: string }) => c.id),
        [high],
      );
      const loads = await supervisor.get('/api/v1/caseloads');
      const row = loads.body.items.find((r: { userId: string }) => r.userId === mine.body.items[0].assignedUserId);
      assert.ok(row.overdue >= 1 && row.highRisk >= 1);
    } finally {
      h.clock.advance(-25 * hour);
    }
  });

  test('a case recorded after field work is dated when things happened, and its deadlines run from then', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const met = new Date(h.clock.now().getTime() - 48 * hour);
    const child = await worker.post('/api/v1/children', { ...sampleChild, firstContactAt: met.toISOString() });
    const id = child.body.id;
    assert.equal(child.body.case.openedAt, met.toISOString(), 'the case opened when the caseworker met the child');

    const future = new Date(h.clock.now().getTime() + 3 * hour).toISOString();
    const ahead = await act(worker, id, { type: 'screened', riskLevel: 'high' }, { occurredAt: future });
    assert.equal(ahead.status, 400);
    assert.equal(ahead.body.error.details.field, 'occurredAt');
    const beforeOpening = new Date(met.getTime() - hour).toISOString();
    assert.equal(
      (await act(worker, id, { type: 'screened', riskLevel: 'high' }, { occurredAt: beforeOpening })).status,
      400,
      'the log stays in order',
    );

    const screenedAt = new Date(met.getTime() + hour).toISOString();
    const view = await ok(worker, id, { type: 'screened', riskLevel: 'high' }, { occurredAt: screenedAt });
    const screening = view.events.at(-1);
    assert.equal(screening.at, screenedAt);
    assert.ok(screening.recordedAt > screening.at, 'when it was entered is kept too');
    const first = view.tasks.find((t: { kind: string }) => t.kind === 'first_action');
    assert.equal(first.overdue, true, 'high risk: 24 hours from the screening two days ago');
    const tooOld = await worker.post('/api/v1/children', {
      ...sampleChild,
      firstContactAt: new Date(h.clock.now().getTime() - 40 * 24 * hour).toISOString(),
    });
    assert.equal(tooOld.status, 400);
  });

  test('assignable caseworkers are those of my agency who do case work', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const border = await h.org.user('border_official');
    const other = await h.org.user('caseworker', { agency: 'B' });
    const items = (await worker.get('/api/v1/cases/assignees')).body.items as { id: string }[];
    assert.ok(items.some((u) => u.id === items.find((x) => x.id === u.id)?.id));
    assert.ok(items.length >= 1);
    assert.ok(!items.some((u) => u.id === border.id), 'not a border official');
    assert.ok(!items.some((u) => u.id === other.id), 'not another agency');
  });

  test('the policy table sets the deadlines and can be adapted to the national SOP', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const worker = await signIn(h, await h.org.user('caseworker'));
    const policy = (await worker.get('/api/v1/settings/case-policy')).body;
    assert.equal(policy.risk.high.firstActionHours, 24);
    const before = (await worker.post('/api/v1/children', sampleChild)).body.id;
    const screenedBefore = (await ok(worker, before, { type: 'screened', riskLevel: 'high' })).screenedAt;
    const changed = await admin.put('/api/v1/settings/case-policy', {
      ...policy,
      risk: { ...policy.risk, high: { ...policy.risk.high, firstActionHours: 12 } },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    const view = await ok(worker, id, { type: 'screened', riskLevel: 'high' });
    const due = view.tasks.find((t: { kind: string }) => t.kind === 'first_action');
    assert.equal(Date.parse(due.dueAt) - Date.parse(view.screenedAt), 12 * hour);
    // Cases already open follow the new table once the background job has applied it.
    const { applyPolicyChange } = await import('../src/jobs/deadlines.ts');
    const { casePolicyStore } = await import('../src/services/casePolicyStore.ts');
    const stored = () =>
      h.database.db
        .selectFrom('case_task')
        .select('due_at')
        .where('child_id', '=', before)
        .where('kind', '=', 'first_action')
        .executeTakeFirstOrThrow();
    assert.equal((await stored()).due_at.getTime() - Date.parse(screenedBefore), 24 * hour, 'stored under the old table');
    assert.ok((await applyPolicyChange(h.deps, await casePolicyStore(h.database.db, 0).get())) >= 1);
    assert.equal((await stored()).due_at.getTime() - Date.parse(screenedBefore), 12 * hour);
    assert.equal(await applyPolicyChange(h.deps, await casePolicyStore(h.database.db, 0).get()), 0, 'applied once');
    await admin.put('/api/v1/settings/case-policy', policy);
    assert.equal((await worker.put('/api/v1/settings/case-policy', policy)).status, 403);
  });
});

describe('safeguards', () => {
  test('a complicit family member raises the risk and holds family tracing until a supervisor reviews', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    const view = await ok(worker, id, { type: 'screened', riskLevel: 'low', familyComplicit: true });
    assert.equal(view.riskLevel, 'high');
    assert.equal(view.familyContact, 'review_required');
    const review = await act(worker, id, { type: 'family_contact_reviewed', decision: 'cleared' });
    assert.equal(review.status, 403, 'only a supervisor reviews');
    await ok(worker, id, { type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views });
    await ok(worker, id, { type: 'approval_requested', subject: 'assessment' });
    await ok(supervisor, id, { type: 'approval_decided', subject: 'assessment', decision: 'approved' });
    await consentToServices(worker, id, 'child', 'guardian');
    const tracing = { ...plan, actions: [{ service: 'family_tracing_reunification', dueDate: '2027-01-01' }] };
    assert.equal((await act(worker, id, tracing)).body.error.code, 'family_contact_review_required');
    await ok(supervisor, id, {
      type: 'family_contact_reviewed',
      decision: 'cleared',
      comment: 'The complicit uncle is not the family traced.',
    });
    assert.equal((await act(worker, id, tracing)).body.error.code, 'consent_required', 'tracing needs its own consent');
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['tracing'],
      givenBy: 'child',
      kind: 'consent',
      method: 'written',
      date: '2026-11-01',
    });
    await ok(worker, id, tracing);
  });

  test('a best-interests override stands in for missing consent, for permitted roles only', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    await assess(worker, supervisor, id);
    assert.equal((await act(worker, id, plan)).body.error.code, 'consent_required');
    const override = { type: 'consent_overridden', scope: 'services', reason: 'Urgent medical care; no caregiver reachable.' };
    assert.equal((await act(worker, id, override)).status, 403, 'a caseworker may not override');
    const view = await ok(supervisor, id, override);
    assert.deepEqual(view.consents.byScope.services, { valid: true, basis: 'best_interests_override' });
    await ok(worker, id, plan);
  });

  test('an action that would separate siblings needs a reason, logged on the case; unlinking is logged too', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const a = (await worker.post('/api/v1/children', { ...sampleChild, names: names('Sara', 'Tesfay') })).body.id;
    const b = (await worker.post('/api/v1/children', { ...sampleChild, names: names('Daniel', 'Tesfay') })).body.id;
    const link = await worker.post(`/api/v1/children/${a}/relations`, { kind: 'child', relatedChildId: b, relationship: 'sibling' });
    assert.equal(link.status, 201, JSON.stringify(link.body));
    const again = await worker.post(`/api/v1/children/${a}/relations`, { kind: 'child', relatedChildId: b, relationship: 'sibling' });
    assert.deepEqual([again.status, again.body.error.details.reason], [409, 'already_linked']);
    assert.equal(await deniedAttempts(a, 'link'), 1, 'a refused link is audited as a denied attempt');
    const move = { type: 'stage_changed', stage: 'destination', country: 'DE', since: '2026-11-20' };
    const warned = await act(worker, a, move);
    assert.equal(warned.status, 409);
    assert.equal(warned.body.error.code, 'separation_warning');
    assert.equal(
      (await act(worker, a, move, { confirmSeparation: true })).body.error.code,
      'separation_warning',
      'a bare yes is not enough',
    );
    assert.equal((await act(worker, a, move, { separationOverride: { reason: ' ' } })).status, 400);
    assert.equal(await deniedAttempts(a, 'stage_changed'), 2, 'refusals are audited as denied attempts');
    const reason = 'The brother stays for medical treatment; visits are arranged weekly.';
    const view = await ok(worker, a, move, { separationOverride: { reason } });
    assert.equal(view.stage, 'destination');
    const override = view.events.find((e: { type: string }) => e.type === 'separation_overridden');
    assert.deepEqual(override?.data, { action: 'stage_changed', reason, relations: 1 });
    const other = (await worker.get(`/api/v1/children/${b}/case`)).body;
    assert.equal(other.relations[0].relatedChildId, a, 'the link shows from both sides');
    const unlink = (body?: unknown) => worker.request('DELETE', `/api/v1/children/${a}/relations/${link.body.id}`, body);
    assert.equal((await unlink()).status, 400, 'unlinking needs a reason');
    assert.equal((await unlink({ reason: 'Linked by mistake: not siblings (DNA result).' })).status, 204);
    assert.deepEqual((await worker.get(`/api/v1/children/${b}/case`)).body.relations, []);
    for (const [child, relatedChildId] of [
      [a, b],
      [b, a],
    ]) {
      const removed = (await worker.get(`/api/v1/children/${child}/case`)).body.events.find(
        (e: { type: string }) => e.type === 'relation_removed',
      );
      assert.equal(removed?.actorUserId, (await me(worker)).id, 'who');
      assert.deepEqual(removed?.data, {
        kind: 'child',
        relationship: 'sibling',
        relatedChildId,
        reason: 'Linked by mistake: not siblings (DNA result).',
      });
    }
  });

  test('the benefit of the doubt: an adult-looking claimed age keeps the child protected', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const child = (
      await worker.post('/api/v1/children', {
        ...sampleChild,
        age: { birthDate: '2006-01-01', birthDatePrecision: 'estimated', ageBasis: 'disputed' },
      })
    ).body;
    assert.equal(child.age.treatedAsChild, true);
    assert.ok(child.flags.includes('age_in_doubt'));
    assert.equal(child.age.eighteenthBirthday, '2024-01-01');
  });
});

describe('safeguards of the case core (ADR 0017)', () => {
  /** A case with an approved plan whose one action is done. */
  async function plannedCase(worker: Client, supervisor: Client) {
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id as string;
    await assess(worker, supervisor, id);
    await consentToServices(worker, id, 'child');
    await ok(worker, id, plan);
    await ok(worker, id, { type: 'approval_requested', subject: 'case_plan' });
    await ok(supervisor, id, { type: 'approval_decided', subject: 'case_plan', decision: 'approved' });
    await ok(worker, id, { type: 'plan_action_updated', actionId: 'enrol', status: 'done' });
    return id;
  }

  test('child status ends only through an age assessment approved by another supervisor; a profile edit records claims', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = (
      await worker.post('/api/v1/children', { ...sampleChild, age: { birthDate: '2010-03-04', birthDatePrecision: 'estimated' } })
    ).body.id as string;
    const nineteen = { birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' };
    const edit = await worker.patch(`/api/v1/children/${id}`, { age: nineteen });
    assert.equal(edit.status, 409);
    assert.equal(edit.body.error.code, 'age_assessment_required');
    const concluded = { ageBasis: 'assessed', assessedMinAge: 19, assessedMaxAge: 22, assessmentConcluded: true };
    assert.equal((await worker.patch(`/api/v1/children/${id}`, { age: concluded })).body.error.code, 'age_assessment_required');
    assert.equal(await deniedAttempts(id, 'update'), 2);
    let child = (await worker.get(`/api/v1/children/${id}`)).body;
    assert.equal(child.age.treatedAsChild, true);
    assert.equal(child.age.birthDate, '2010-03-04', 'nothing written');

    const claim = await worker.patch(`/api/v1/children/${id}`, { age: { ...nineteen, ageBasis: 'claimed' } });
    assert.equal(claim.status, 200, JSON.stringify(claim.body));
    assert.equal(claim.body.age.treatedAsChild, true, 'a claim is recorded; the child stays a child');

    await ok(worker, id, { type: 'screened', riskLevel: 'low' });
    const turned18 = { type: 'closure_requested', reason: 'turned_18_transitioned' };
    assert.equal((await act(worker, id, turned18)).body.error.code, 'still_a_child');
    assert.equal(await deniedAttempts(id, 'closure_requested'), 1);

    const assessment = {
      type: 'age_assessment_recorded',
      date: '2026-11-02',
      method: 'multidisciplinary',
      assessor: 'Regional age assessment panel',
      assessedMinAge: 19,
      assessedMaxAge: 23,
      childInformed: true,
      rightToChallengeExplained: false,
    };
    assert.equal((await act(supervisor, id, assessment)).body.error.code, 'age_assessment_incomplete');
    await ok(supervisor, id, { ...assessment, rightToChallengeExplained: true });
    const own = await act(supervisor, id, { type: 'approval_decided', subject: 'age_assessment', decision: 'approved' });
    assert.equal(own.status, 403);
    assert.equal(own.body.error.code, 'four_eyes_required');
    assert.equal((await worker.get(`/api/v1/children/${id}`)).body.age.treatedAsChild, true);
    const second = await signIn(h, await h.org.user('supervisor'));
    await ok(second, id, { type: 'approval_decided', subject: 'age_assessment', decision: 'approved' });
    child = (await worker.get(`/api/v1/children/${id}`)).body;
    assert.equal(child.age.treatedAsChild, false);
    assert.deepEqual([child.age.ageBasis, child.age.assessedMinAge, child.age.assessmentConcluded], ['assessed', 19, true]);
    await ok(worker, id, turned18);
  });

  test('a registration cannot start a record as no longer a child, nor with a concluded assessment', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const deniedCreates = async () =>
      (
        await h.database.db
          .selectFrom('audit_event')
          .select('seq')
          .where('action', '=', 'create')
          .where('resource', '=', 'child')
          .where('outcome', '=', 'denied')
          .execute()
      ).length;
    const [before, deniedBefore] = [await childCount(h), await deniedCreates()];
    const documentedAdult = { birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' };
    const passport = [{ type: 'passport', held: true }];
    const adult = await worker.post('/api/v1/children', { ...sampleChild, age: documentedAdult, documents: passport });
    assert.equal(adult.status, 409, JSON.stringify(adult.body));
    assert.deepEqual([adult.body.error.code, adult.body.error.details.reason], ['age_assessment_required', 'ends_child_status']);
    const concluded = { ageBasis: 'assessed', assessedMinAge: 15, assessedMaxAge: 17, assessmentConcluded: true };
    assert.equal((await worker.post('/api/v1/children', { ...sampleChild, age: concluded })).body.error.code, 'age_assessment_required');
    assert.equal(await childCount(h), before, 'nothing written');
    assert.equal(await deniedCreates(), deniedBefore + 2, 'each refusal audited as a denied attempt');
    const claimed = await worker.post('/api/v1/children', { ...sampleChild, age: { ...documentedAdult, ageBasis: 'claimed' } });
    assert.equal(claimed.status, 201, 'an adult age the child claims is recorded; the child is treated as a child');
    assert.equal(claimed.body.age.treatedAsChild, true);
  });

  test('a supervisor never approves her own closure request', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id as string;
    await ok(worker, id, { type: 'screened', riskLevel: 'low' });
    await ok(supervisor, id, { type: 'closure_requested', reason: 'refused_services' });
    const own = await act(supervisor, id, { type: 'approval_decided', subject: 'closure', decision: 'approved' });
    assert.equal(own.body.error.code, 'four_eyes_required');
    assert.equal(await deniedAttempts(id, 'approval_decided'), 1, 'audited with the record id');
    assert.equal((await worker.get(`/api/v1/children/${id}/case`)).body.summary.status, 'open');
    const second = await signIn(h, await h.org.user('supervisor'));
    const view = await ok(second, id, { type: 'approval_decided', subject: 'closure', decision: 'approved' });
    assert.equal(view.summary.status, 'closed');
  });

  test('a safety concern and due monitoring hold the closure; a review and a reason let it go to approval', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = await plannedCase(worker, supervisor);
    let view = await ok(worker, id, {
      type: 'follow_up_recorded',
      followUpType: 'post_return',
      date: '2026-11-21',
      safetyConcern: true,
      furtherAction: 'ongoing_monitoring',
    });
    assert.ok(view.tasks.some((t: { kind: string }) => t.kind === 'review_safety_concern'));
    const close = { type: 'closure_requested', reason: 'goals_met_child_safe' };
    assert.equal((await act(worker, id, close)).body.error.code, 'safety_concern_open');
    await ok(worker, id, { type: 'review_recorded', date: '2026-11-22', outcome: 'continue', summary: 'Safety plan agreed.' });
    assert.equal((await act(worker, id, close)).body.error.code, 'monitoring_due');
    assert.equal(await deniedAttempts(id, 'closure_requested'), 2);
    await ok(worker, id, { ...close, monitoringWaiverReason: 'Monitoring continues through the school social worker.' });
    view = await ok(supervisor, id, { type: 'approval_decided', subject: 'closure', decision: 'approved' });
    assert.equal(view.summary.status, 'closed');
  });

  test('a complicit family holds a reactivated tracing action and a reunification closure until the review', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id as string;
    await assess(worker, supervisor, id);
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['services', 'tracing'],
      givenBy: 'child',
      kind: 'consent',
      method: 'written',
      date: '2026-11-01',
    });
    await ok(worker, id, {
      ...plan,
      goals: [{ id: 'family', domain: 'family_unity', description: 'Trace the mother' }],
      actions: [{ id: 'trace', goalId: 'family', service: 'family_tracing_reunification', dueDate: '2027-01-01', status: 'cancelled' }],
    });
    await ok(worker, id, { type: 'screened', riskLevel: 'high', familyComplicit: true });
    const reactivate = { type: 'plan_action_updated', actionId: 'trace', status: 'in_progress' };
    assert.equal((await act(worker, id, reactivate)).body.error.code, 'family_contact_review_required');
    const reunified = { type: 'closure_requested', reason: 'reunified_followup_complete' };
    assert.equal((await act(worker, id, reunified)).body.error.code, 'family_contact_review_required');
    assert.equal(await deniedAttempts(id, 'plan_action_updated'), 1);
    await ok(supervisor, id, { type: 'family_contact_reviewed', decision: 'cleared' });
    await ok(worker, id, reactivate);
  });

  test('a withdrawn photo consent erases the photo; a photo without valid consent is not served', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id as string;
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('synthetic photo')]);
    const photo = (method: 'GET' | 'PUT') =>
      h.app.inject({
        method,
        url: `/api/v1/children/${id}/photo`,
        headers: {
          cookie: `haven_session=${worker.cookie}`,
          'x-csrf-token': String(worker.csrf),
          ...(method === 'PUT' ? { 'content-type': 'image/jpeg' } : {}),
        },
        ...(method === 'PUT' ? { payload: jpeg } : {}),
      });
    const view = await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['photo', 'services'],
      givenBy: 'child',
      kind: 'consent',
      method: 'written',
      date: '2026-11-20',
    });
    assert.equal((await photo('PUT')).statusCode, 204);
    assert.equal((await photo('GET')).statusCode, 200);
    await ok(worker, id, { type: 'consent_withdrawn', consentSeq: view.consents.records[0].seq, scopes: ['photo'] });
    const refused = await photo('GET');
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'consent_required');
    assert.equal(await deniedAttempts(id, 'read'), 1);
    assert.equal(await h.database.db.selectFrom('child_photo').select('child_id').where('child_id', '=', id).executeTakeFirst(), undefined);
    assert.equal((await worker.get(`/api/v1/children/${id}`)).body.hasPhoto, false);
  });
});

describe('photo', () => {
  test('a photo is stored encrypted and only with consent for the photo scope', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('synthetic photo bytes for the test')]);
    const upload = (payload: Buffer, type = 'image/jpeg') =>
      h.app.inject({
        method: 'PUT',
        url: `/api/v1/children/${id}/photo`,
        headers: { cookie: `haven_session=${worker.cookie}`, 'x-csrf-token': String(worker.csrf), 'content-type': type },
        payload,
      });
    const refused = await upload(jpeg);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'consent_required');
    assert.equal(refused.json().error.details.scope, 'photo');
    await ok(worker, id, {
      type: 'consent_recorded',
      scopes: ['photo'],
      givenBy: 'child',
      kind: 'consent',
      method: 'written',
      date: '2026-11-20',
    });
    assert.equal((await upload(Buffer.from('not an image at all'))).statusCode, 415, 'the bytes must be what the type says');
    assert.equal((await upload(jpeg)).statusCode, 204);
    const stored = await h.database.db.selectFrom('child_photo').selectAll().where('child_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(stored.sealed.includes(Buffer.from('synthetic photo')), false, 'stored encrypted');
    const back = await h.app.inject({
      method: 'GET',
      url: `/api/v1/children/${id}/photo`,
      headers: { cookie: `haven_session=${worker.cookie}` },
    });
    assert.equal(back.statusCode, 200);
    assert.equal(back.headers['content-type'], 'image/jpeg');
    assert.equal(back.headers['cache-control'], 'no-store');
    assert.deepEqual(back.rawPayload, jpeg);
    assert.equal((await worker.get(`/api/v1/children/${id}`)).body.hasPhoto, true);
    assert.equal((await worker.delete(`/api/v1/children/${id}/photo`)).status, 204);
    assert.equal((await worker.get(`/api/v1/children/${id}`)).body.hasPhoto, false);
  });
});

describe('access to cases', () => {
  test('a caseworker sees only their cases; restricted notes are hidden from other roles; enforcement sees nothing individual', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const colleague = await signIn(h, await h.org.user('caseworker'));
    const provider = await signIn(h, await h.org.user('service_provider', { teams: [h.org.teamA1] }));
    const border = await signIn(h, await h.org.user('border_official'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    await ok(worker, id, { type: 'note_added', category: 'trafficking_testimony', text: 'She was held in a warehouse for three weeks.' });
    await ok(worker, id, { type: 'note_added', category: 'general', text: 'Likes football.' });

    assert.equal((await colleague.get(`/api/v1/children/${id}/case`)).status, 404);
    assert.equal((await act(colleague, id, { type: 'note_added', text: 'x' })).status, 404);
    assert.ok(!(await colleague.get('/api/v1/children')).body.items.some((c: { id: string }) => c.id === id));

    // The service provider is assigned the case (own scope) to see what their role allows.
    await h.database.db
      .updateTable('child')
      .set({ owner_user_id: (await me(provider)).id })
      .where('id', '=', id)
      .execute();
    const seen = (await provider.get(`/api/v1/children/${id}/case`)).body;
    const testimony = seen.events.find(
      (e: { type: string; redacted: boolean; data?: { category?: string } }) => e.type === 'note_added' && e.redacted,
    );
    assert.ok(testimony, 'the restricted note is redacted');
    assert.equal(JSON.stringify(seen).includes('warehouse'), false);
    assert.ok(JSON.stringify(seen).includes('Likes football'));

    for (const path of [`/api/v1/children/${id}/case`, '/api/v1/tasks', '/api/v1/caseloads', `/api/v1/children/${id}/duplicates`]) {
      const res = await border.get(path);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.error.code, 'firewall_denied', path);
    }
    assert.equal((await act(border, id, { type: 'note_added', text: 'x' })).body.error.code, 'firewall_denied');
  });

  test('case events are stored encrypted', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    await ok(worker, id, { type: 'note_added', category: 'trafficking_testimony', text: 'Recruited by a cousin in Kassala.' });
    const rows = await h.database.db.selectFrom('case_event').selectAll().where('child_id', '=', id).execute();
    assert.equal(rows.length, 2);
    assert.equal(JSON.stringify(rows).includes('Kassala'), false);
    assert.equal(rows[1]?.field_group, 'restricted_notes');
  });
});

describe('assignment, duplicates and merging', () => {
  test('a transfer waits for the recipient; a supervisor reassigns in bulk', async () => {
    const worker = await signIn(h, await h.org.user('caseworker'));
    const colleague = await signIn(h, await h.org.user('caseworker'));
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const colleagueId = (await me(colleague)).id;
    const id = (await worker.post('/api/v1/children', sampleChild)).body.id;
    await ok(worker, id, { type: 'transfer_requested', toUserId: colleagueId, note: 'Moving to the Lesvos team' });
    const pending = await colleague.get(`/api/v1/children/${id}/case`);
    assert.equal(pending.status, 200, 'the recipient sees the case to decide');
    assert.ok(pending.body.tasks.some((t: { kind: string; userId: string }) => t.kind === 'accept_transfer' && t.userId === colleagueId));
    assert.equal((await act(worker, id, { type: 'transfer_accepted' })).body.error.code, 'forbidden');
    const accepted = await ok(colleague, id, { type: 'transfer_accepted' });
    assert.equal(accepted.assignedUserId, colleagueId);
    assert.equal((await worker.get(`/api/v1/children/${id}/case`)).status, 404, 'the previous caseworker no longer sees it');

    const more = [];
    for (let i = 0; i < 3; i++) more.push((await worker.post('/api/v1/children', { ...sampleChild, names: names(`Bulk ${i}`) })).body.id);
    const moved = await supervisor.post('/api/v1/cases/reassign', { childIds: more, toUserId: colleagueId });
    assert.deepEqual(moved.body, { reassigned: 3 });
    const theirs = await colleague.get('/api/v1/children?assignedUserId=me');
    for (const m of more) assert.ok(theirs.body.items.some((c: { id: string }) => c.id === m));
    for (const toUserId of [
      (await h.org.user('border_official')).id,
      crypto.randomUUID(),
      (await h.org.user('caseworker', { agency: 'B' })).id,
    ]) {
      const wrong = await supervisor.post('/api/v1/cases/reassign', { childIds: more, toUserId });
      assert.equal(wrong.body.error?.code, 'invalid_assignee', toUserId);
    }
  });

  test('possible duplicates across scripts; a supervisor merges and unmerges with the history kept', async () => {
    const supervisor = await signIn(h, await h.org.user('supervisor'));
    const first = (await supervisor.post('/api/v1/children', { ...sampleChild, names: names('Mohammed', 'Abdullah'), sex: 'male' })).body;
    const second = (
      await supervisor.post('/api/v1/children', {
        ...sampleChild,
        names: [
          { type: 'given', value: 'محمد' },
          { type: 'family', value: 'عبدالله' },
        ],
        sex: 'male',
      })
    ).body;
    await supervisor.post('/api/v1/children', { ...sampleChild, names: names('Mahmoud', 'Hassan'), sex: 'male' });
    const check = await supervisor.post('/api/v1/children/duplicate-check', {
      names: names('Muhammad', 'Abdallah'),
      sex: 'male',
      nationality: ['SD'],
    });
    const found = check.body.items.map((c: { childId: string }) => c.childId);
    assert.ok(found.includes(first.id) && found.includes(second.id), JSON.stringify(check.body));
    const dupes = (await supervisor.get(`/api/v1/children/${second.id}/duplicates`)).body.items;
    assert.equal(dupes[0].childId, first.id);

    assert.equal((await supervisor.post(`/api/v1/children/${second.id}/merge`, { intoId: first.id })).status, 204);
    const merged = (await supervisor.get(`/api/v1/children/${second.id}/case`)).body;
    assert.equal(merged.summary.status, 'merged');
    assert.equal(merged.mergedInto, first.id);
    assert.deepEqual(merged.allowedActions, []);
    assert.deepEqual((await supervisor.get(`/api/v1/children/${first.id}/case`)).body.mergedFrom, [second.id]);
    assert.ok(!(await supervisor.get('/api/v1/children?status=open')).body.items.some((c: { id: string }) => c.id === second.id));

    assert.equal((await supervisor.post(`/api/v1/children/${second.id}/unmerge`, { note: 'Different fathers' })).status, 204);
    const restored = (await supervisor.get(`/api/v1/children/${second.id}/case`)).body;
    assert.equal(restored.summary.status, 'open');
    assert.deepEqual(
      restored.events.map((e: { type: string }) => e.type),
      ['registered', 'merged_into', 'unmerged'],
    );
    const worker = await signIn(h, await h.org.user('caseworker'));
    assert.equal((await worker.post(`/api/v1/children/${second.id}/merge`, { intoId: first.id })).status, 403);
  });
});

describe('administrative areas', () => {
  test('administrators extend the hierarchy; codes nest under their parent; everyone signed in reads it', async () => {
    const admin = await signIn(h, await h.org.user('administrator'));
    const worker = await signIn(h, await h.org.user('caseworker'));
    const areas = [
      { code: 'IT-82', jurisdiction: 'IT', level: 1, names: { en: 'Sicily', fr: 'Sicile', ar: 'صقلية' } },
      { code: 'IT-82-AG', jurisdiction: 'IT', parentCode: 'IT-82', level: 2, names: { en: 'Agrigento' } },
    ];
    assert.deepEqual((await admin.put('/api/v1/admin-areas', { areas })).body, { saved: 2 });
    assert.equal((await worker.put('/api/v1/admin-areas', { areas })).status, 403);
    const orphan = await admin.put('/api/v1/admin-areas', {
      areas: [{ code: 'IT-99-X', jurisdiction: 'IT', parentCode: 'IT-99', level: 2, names: { en: 'X' } }],
    });
    assert.equal(orphan.status, 400);
    const misnested = await admin.put('/api/v1/admin-areas', {
      areas: [{ code: 'IT-83', jurisdiction: 'IT', parentCode: 'IT-82', level: 2, names: { en: 'Y' } }],
    });
    assert.equal(misnested.status, 400);
    const listed = (await worker.get('/api/v1/admin-areas?jurisdiction=IT')).body.items;
    assert.deepEqual(
      listed.map((a: { code: string }) => a.code),
      ['IT-82', 'IT-82-AG'],
    );
    assert.equal(listed[0].names.ar, 'صقلية');
  });
});

describe('case list', () => {
  test('filters and sorts on indexed columns, with keyset pages', async () => {
    const supervisor = await signIn(h, await h.org.user('supervisor', { teams: [h.org.teamA2] }));
    const ids: string[] = [];
    for (const [i, sex, nationality, typology] of [
      [0, 'female', 'SD', 'unaccompanied'],
      [1, 'male', 'AF', 'separated'],
      [2, 'male', 'AF', 'unaccompanied'],
    ] as const) {
      // Sixteen years old whatever year the test runs in.
      const age = { birthDate: `${new Date().getUTCFullYear() - 16}-01-01`, birthDatePrecision: 'exact', ageBasis: 'documented' };
      const body = {
        ...sampleChild,
        names: names(`List ${i}`),
        age,
        sex,
        nationality: [nationality],
        typology: [typology],
        teamId: h.org.teamA2,
        locationCode: 'GR-I-ATH',
      };
      const res = await supervisor.post('/api/v1/children', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.id);
    }
    await ok(supervisor, ids[1] as string, { type: 'screened', riskLevel: 'high', urgentProtectionConcern: true });
    const query = async (q: string) => ((await supervisor.get(`/api/v1/children?${q}`)).body.items as { id: string }[]).map((c) => c.id);
    assert.deepEqual(await query('sex=male&nationality=AF&sort=created'), [ids[2], ids[1]]);
    assert.deepEqual(await query('typology=separated'), [ids[1]]);
    assert.deepEqual(await query('risk=high'), [ids[1]]);
    assert.deepEqual((await query('location=GR-I&sort=created')).length, 3);
    assert.deepEqual(await query('location=GR-K'), []);
    assert.deepEqual((await query('ageGroup=15-17')).length, 3);
    assert.deepEqual(await query('ageGroup=10-14'), []);
    const page1 = await supervisor.get('/api/v1/children?limit=2&sort=due');
    const page2 = await supervisor.get(`/api/v1/children?limit=2&sort=due&cursor=${page1.body.nextCursor}`);
    assert.equal(page1.body.items.length, 2);
    assert.equal(page1.body.items[0].id, ids[1], 'the urgent case (first action within 4 hours) is due first');
    assert.equal(page2.body.items.length, 1);
    assert.equal(page2.body.nextCursor, null);
    const bad = await supervisor.get('/api/v1/children?risk=extreme');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
  });
});
