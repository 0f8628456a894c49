import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AgeInfo, treatedAsChild, unknownAge } from './age.ts';
import { ageAfterAssessment, holdsIdentityDocument, refuseAgeAtRegistration, refuseAgeEdit } from './ageStatus.ts';
import { type CaseDriver, openCase, supervisor, views, worker } from './caseDriver.testkit.ts';
import { defaultCasePolicy } from './casePolicy.ts';
import { foldCase } from './caseState.ts';
import { caseTasks } from './tasks.ts';
import { actionAvailable, consentScopesFor } from './workflow.ts';

/** Scenario tests of the safeguards of ADR 0017: the allowed path and each missing condition. */

const otherSupervisor = '00000000-0000-7000-8000-000000000004';
const day = 24;
const consent = (scopes: string[]) => ({
  type: 'consent_recorded',
  scopes,
  givenBy: 'child',
  kind: 'consent',
  method: 'written',
  date: '2026-11-01',
});
const educationPlan = {
  type: 'case_plan_recorded',
  goals: [{ id: 'g', domain: 'education', description: 'Enrolled in school' }],
  actions: [{ id: 'school', goalId: 'g', service: 'education', dueDate: '2026-12-01' }],
  childViews: views,
};
const tracingPlan = {
  ...educationPlan,
  goals: [{ id: 'f', domain: 'family_unity', description: 'Trace the mother' }],
  actions: [{ id: 'trace', goalId: 'f', service: 'family_tracing_reunification', dueDate: '2026-12-01', status: 'cancelled' }],
};

/** A 16-year-old's case, screened, assessed and with an approved plan (its one action done when `done`). */
function plannedCase(screening: Record<string, unknown> = {}, plan: Record<string, unknown> = educationPlan) {
  const c = openCase(16);
  assert.equal(c.act({ type: 'screened', riskLevel: 'high', ...screening }), null);
  c.act({ type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views });
  c.act({ type: 'approval_requested', subject: 'assessment' });
  assert.equal(c.act({ type: 'approval_decided', subject: 'assessment', decision: 'approved' }, supervisor), null);
  c.act(consent(['services']));
  assert.equal(c.act(plan), null);
  c.act({ type: 'approval_requested', subject: 'case_plan' });
  assert.equal(c.act({ type: 'approval_decided', subject: 'case_plan', decision: 'approved' }, supervisor), null);
  return c;
}

function doneAndFollowedUp(c: CaseDriver, followUp: Record<string, unknown> = {}) {
  c.act({ type: 'plan_action_updated', actionId: 'school', status: 'done' });
  return c.act({
    type: 'follow_up_recorded',
    followUpType: 'post_return',
    date: '2026-11-02',
    furtherAction: 'no_further_action_needed',
    ...followUp,
  });
}

const close = (reason = 'goals_met_child_safe', extra: Record<string, unknown> = {}) => ({ type: 'closure_requested', reason, ...extra });
const approve = (subject: string) => ({ type: 'approval_decided', subject, decision: 'approved' });

describe('child status ends only through an approved age assessment', () => {
  const on = new Date('2026-11-01T12:00:00Z');
  const child: AgeInfo = { ...unknownAge, birthDate: '2010-05-01', birthDatePrecision: 'estimated' };

  test('a profile edit may record claims but not end child status', () => {
    const nineteen: AgeInfo = { ...child, birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' };
    assert.deepEqual(refuseAgeEdit(child, nineteen, false, on), {
      code: 'age_assessment_required',
      details: { reason: 'ends_child_status' },
    });
    assert.equal(refuseAgeEdit(child, nineteen, true, on)?.code, 'age_assessment_required', 'even with a document on file');
    const claimed: AgeInfo = { ...child, birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'claimed' };
    assert.equal(refuseAgeEdit(child, claimed, false, on), null, 'a claim is recorded; the child stays a child');
    assert.equal(treatedAsChild(claimed, on), true);
  });

  test('a registration cannot start a record as no longer a child, nor as assessed', () => {
    const nineteen: AgeInfo = { ...unknownAge, birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' };
    assert.equal(refuseAgeAtRegistration(nineteen, on)?.code, 'age_assessment_required', 'documented adult');
    assert.equal(refuseAgeAtRegistration({ ...nineteen, ageBasis: 'claimed' }, on), null, 'an adult age claimed is recorded');
    const concluded: AgeInfo = { ...unknownAge, ageBasis: 'assessed', assessedMinAge: 15, assessedMaxAge: 17, assessmentConcluded: true };
    assert.deepEqual(refuseAgeAtRegistration(concluded, on), {
      code: 'age_assessment_required',
      details: { reason: 'concluded_by_approved_assessment_only' },
    });
    const documentedChild: AgeInfo = { ...unknownAge, birthDate: '2012-03-01', birthDatePrecision: 'exact', ageBasis: 'documented' };
    assert.equal(refuseAgeAtRegistration(documentedChild, on), null, 'a documented child is registered');
  });

  test('a profile edit cannot conclude an assessment, whatever age it found', () => {
    for (const min of [19, 15]) {
      const concluded: AgeInfo = { ...child, ageBasis: 'assessed', assessedMinAge: min, assessedMaxAge: 21, assessmentConcluded: true };
      assert.deepEqual(refuseAgeEdit(child, concluded, false, on), {
        code: 'age_assessment_required',
        details: { reason: 'concluded_by_approved_assessment_only' },
      });
    }
    const approved = ageAfterAssessment(child, {
      seq: 9,
      date: '2026-10-30',
      method: 'holistic_interview',
      assessedMinAge: 16,
      assessedMaxAge: 18,
    });
    assert.equal(
      refuseAgeEdit(approved, { ...approved, birthDatePrecision: 'unknown', birthDate: null }, false, on),
      null,
      'kept as concluded',
    );
  });

  test('a documented date of birth needs an identity document on file', () => {
    const documented: AgeInfo = { ...child, birthDatePrecision: 'exact', ageBasis: 'documented' };
    assert.deepEqual(refuseAgeEdit(child, documented, false, on), { code: 'age_document_required' });
    assert.equal(holdsIdentityDocument([{ type: 'school_record', held: true }]), false);
    assert.equal(holdsIdentityDocument([{ type: 'passport', held: false }]), false);
    assert.equal(holdsIdentityDocument([{ type: 'passport', held: true }]), true);
    assert.equal(refuseAgeEdit(child, documented, true, on), null);
  });

  test('an age assessment needs the child informed and told of the right to challenge, and another supervisor’s approval', () => {
    const c = openCase(16);
    const assessment = {
      type: 'age_assessment_recorded',
      date: '2026-10-30',
      method: 'holistic_interview',
      assessor: 'Age assessment team, social services',
      assessedMinAge: 18,
      assessedMaxAge: 20,
      childInformed: true,
      rightToChallengeExplained: true,
    };
    assert.deepEqual(c.act({ ...assessment, childInformed: false }), {
      code: 'age_assessment_incomplete',
      details: { missing: ['child_informed'] },
    });
    assert.deepEqual(c.act({ ...assessment, rightToChallengeExplained: false }), {
      code: 'age_assessment_incomplete',
      details: { missing: ['right_to_challenge_explained'] },
    });
    assert.equal(c.act({ ...assessment, assessedMinAge: 21 })?.code, 'validation_failed');
    assert.equal(c.act(assessment, supervisor), null, 'recorded by a supervisor');
    assert.equal(c.state.approvals.age_assessment?.status, 'pending');
    assert.ok(caseTasks(c.state, defaultCasePolicy, null).some((t) => t.kind === 'approve_age_assessment' && t.for.kind === 'supervisor'));
    assert.equal(actionAvailable(c.state, 'approval_decided', supervisor), false);
    assert.deepEqual(c.act(approve('age_assessment'), supervisor), { code: 'four_eyes_required', details: { subject: 'age_assessment' } });
    assert.equal(c.act(approve('age_assessment'), otherSupervisor), null);
    const concluded = ageAfterAssessment(unknownAge, c.state.ageAssessment ?? assert.fail('assessment kept'));
    assert.equal(treatedAsChild(concluded, c.now), false);
    assert.deepEqual(foldCase(c.events), c.state);
  });

  test('"turned 18" closes a case only once the lowest age the evidence allows is 18', () => {
    const c = openCase(16);
    c.act({ type: 'screened', riskLevel: 'low' });
    const claimedAdult: AgeInfo = { ...unknownAge, birthDate: '2007-01-01', birthDatePrecision: 'exact', ageBasis: 'claimed' };
    for (const age of [
      unknownAge,
      claimedAdult,
      { ...unknownAge, birthDate: '2010-01-01', birthDatePrecision: 'exact', ageBasis: 'documented' } as AgeInfo,
      { ...unknownAge, ageBasis: 'assessed', assessedMinAge: 17, assessedMaxAge: 19, assessmentConcluded: true } as AgeInfo,
    ]) {
      c.age = age;
      assert.equal(c.act(close('turned_18_transitioned'))?.code, 'still_a_child', JSON.stringify(age));
    }
    c.age = { ...unknownAge, birthDate: '2008-10-31', birthDatePrecision: 'exact', ageBasis: 'documented' };
    assert.equal(c.act(close('turned_18_transitioned')), null, 'documented 18th birthday passed');
  });
});

describe('four eyes on every approval', () => {
  test('whoever requested or wrote an item never approves it', () => {
    const c = openCase(16);
    c.act({ type: 'screened', riskLevel: 'low' });
    c.act({ type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views }, supervisor);
    c.act({ type: 'approval_requested', subject: 'assessment' });
    assert.deepEqual(c.act(approve('assessment'), supervisor), { code: 'four_eyes_required', details: { subject: 'assessment' } });
    assert.equal(c.act(approve('assessment'), worker)?.code, 'four_eyes_required', 'nor the one who asked');
    assert.equal(c.act(approve('assessment'), otherSupervisor), null);

    c.act(close('refused_services'), supervisor);
    assert.equal(c.act(approve('closure'), supervisor)?.code, 'four_eyes_required');
    assert.equal(c.act({ type: 'approval_decided', subject: 'closure', decision: 'rejected' }, supervisor)?.code, 'four_eyes_required');
    assert.equal(c.act(approve('closure'), otherSupervisor), null);
    assert.equal(c.state.status, 'closed');
  });

  test('a case plan is approved by neither its author nor its requester', () => {
    const c = openCase(16);
    c.act({ type: 'screened', riskLevel: 'low' });
    c.act({ type: 'assessment_recorded', kind: 'initial', needs: {}, childViews: views });
    c.act({ type: 'approval_requested', subject: 'assessment' });
    c.act(approve('assessment'), supervisor);
    c.act(consent(['services']));
    c.act(educationPlan, supervisor);
    c.act({ type: 'approval_requested', subject: 'case_plan' }, otherSupervisor);
    assert.equal(c.act(approve('case_plan'), supervisor)?.code, 'four_eyes_required');
    assert.equal(c.act(approve('case_plan'), otherSupervisor)?.code, 'four_eyes_required');
    assert.equal(c.act(approve('case_plan'), '00000000-0000-7000-8000-000000000005'), null);
  });
});

describe('closure while monitoring is due', () => {
  test('a follow-up asking for more monitoring holds the closure unless a reason is given', () => {
    const c = plannedCase();
    assert.equal(doneAndFollowedUp(c, { furtherAction: 'ongoing_monitoring' }), null);
    assert.deepEqual(c.act(close()), { code: 'monitoring_due' });
    assert.equal(c.act(close('goals_met_child_safe', { monitoringWaiverReason: 'Monitoring handed to the school social worker' })), null);
    assert.equal(c.act(approve('closure'), supervisor), null);
    assert.equal(c.state.status, 'closed');
  });

  test('an overdue follow-up holds the closure until it is recorded', () => {
    const c = plannedCase();
    assert.equal(doneAndFollowedUp(c), null);
    assert.equal(c.act(close()), null, 'monitoring done');
    c.act({ type: 'approval_decided', subject: 'closure', decision: 'rejected' }, supervisor);
    c.hours += 8 * day;
    assert.deepEqual(c.act(close()), { code: 'monitoring_due' });
    assert.ok(caseTasks(c.state, defaultCasePolicy, null).some((t) => t.kind === 'follow_up' && t.dueAt <= c.now));
    assert.equal(doneAndFollowedUp(c), null);
    assert.equal(c.act(close()), null);
  });

  test('a follow-up reporting a safety concern blocks closure until a case review addresses it', () => {
    const c = plannedCase();
    assert.equal(doneAndFollowedUp(c, { safetyConcern: true }), null);
    assert.deepEqual(c.act(close()), { code: 'safety_concern_open', details: { followUpSeq: c.state.safetyConcern?.seq } });
    assert.equal(
      c.act(close('goals_met_child_safe', { monitoringWaiverReason: 'x' }))?.code,
      'safety_concern_open',
      'a waiver does not cover it',
    );
    assert.ok(caseTasks(c.state, defaultCasePolicy, null).some((t) => t.kind === 'review_safety_concern'));
    c.act({ type: 'review_recorded', date: '2026-11-03', outcome: 'continue', summary: 'Safety plan agreed with the foster carer.' });
    assert.equal(c.act(close()), null);
  });

  test('a safety concern reported after the request holds the approval', () => {
    const c = plannedCase();
    doneAndFollowedUp(c);
    assert.equal(c.act(close()), null);
    c.act({
      type: 'follow_up_recorded',
      followUpType: 'post_return',
      date: '2026-11-03',
      safetyConcern: true,
      furtherAction: 'urgent_intervention',
    });
    assert.equal(c.act(approve('closure'), supervisor)?.code, 'safety_concern_open');
    assert.equal(c.state.status, 'open');
    assert.ok(
      caseTasks(c.state, defaultCasePolicy, null).some((t) => t.kind === 'follow_up'),
      'the follow-up task stays',
    );
  });
});

describe('a complicit family holds every family contact until the supervisor’s review', () => {
  const complicit = { familyComplicit: true };

  test('re-activating a tracing action, placing with family, a return and a reunification closure are all held', () => {
    const c = plannedCase(complicit, { ...tracingPlan, actions: [...tracingPlan.actions, ...educationPlan.actions] });
    const held = [
      { type: 'plan_action_updated', actionId: 'trace', status: 'in_progress' },
      { type: 'care_status_changed', careStatus: 'accompanied_parent', since: '2026-11-02' },
      { type: 'stage_changed', stage: 'return', since: '2026-11-02' },
      close('reunified_followup_complete', { openActionReasons: { school: 'Enrolled elsewhere' } }),
      close('repatriated', { openActionReasons: { school: 'Enrolled elsewhere' } }),
    ];
    for (const action of held) assert.equal(c.act(action)?.code, 'family_contact_review_required', String(action.type));
    assert.equal(c.act({ type: 'care_status_changed', careStatus: 'separated', since: '2026-11-02' }), null, 'other care is not held');

    assert.equal(c.act({ type: 'family_contact_reviewed', decision: 'cleared' }, supervisor), null);
    assert.deepEqual(c.act(held[0] ?? {}), { code: 'consent_required', details: { scope: 'tracing', missing: ['child_consent'] } });
    c.act(consent(['tracing']));
    for (const action of held.slice(0, 3)) assert.equal(c.act(action), null, String(action.type));
  });

  test('a reunification closure requested before the concern was raised waits for the review at approval', () => {
    const c = plannedCase();
    doneAndFollowedUp(c);
    c.act(consent(['tracing']));
    assert.equal(c.act(close('reunified_followup_complete')), null);
    c.act({ type: 'screened', riskLevel: 'high', familyComplicit: true });
    assert.equal(c.act(approve('closure'), supervisor)?.code, 'family_contact_review_required');
    c.act({ type: 'family_contact_reviewed', decision: 'not_cleared' }, supervisor);
    assert.equal(c.act(approve('closure'), supervisor)?.code, 'family_contact_review_required');
    c.act({ type: 'family_contact_reviewed', decision: 'cleared' }, supervisor);
    assert.equal(c.act(approve('closure'), supervisor), null);
  });
});

describe('each consent scope gates its actions', () => {
  test('tracing consent gates tracing; sharing consent gates a transfer to another agency; reporting gates no action yet', () => {
    const c = plannedCase();
    const trace = { ...tracingPlan, actions: [{ ...tracingPlan.actions[0], status: 'planned' }] };
    assert.deepEqual(c.act(trace), { code: 'consent_required', details: { scope: 'tracing', missing: ['child_consent'] } });
    c.act(consent(['tracing']));
    assert.equal(c.act(trace), null);
    c.act({ type: 'plan_action_updated', actionId: 'trace', status: 'cancelled' });
    assert.deepEqual(c.act(close('transferred')), { code: 'consent_required', details: { scope: 'sharing', missing: ['child_consent'] } });
    c.act(consent(['sharing']));
    assert.equal(c.act(close('transferred')), null);
    c.act({ type: 'consent_withdrawn', consentSeq: c.state.consents.at(-1)?.seq ?? 0 });
    assert.equal(c.act(approve('closure'), supervisor)?.code, 'consent_required', 'withdrawn before the approval');
    assert.deepEqual(consentScopesFor(c.state, { type: 'note_added', category: 'general', text: 'Report drafted' }), []);
  });
});
