import type { ErrorCode } from '../errors/codes.ts';
import type { Permission } from '../policy/model.ts';
import type { CaseActionInput, CaseActionType } from './actions.ts';
import type { AgeInfo } from './age.ts';
import type { CasePolicy } from './casePolicy.ts';
import { type CaseState, effectiveStatus, openPlanActions } from './caseState.ts';
import { refuseClosure } from './closure.ts';
import type { ApprovalSubject, CaseStatus, ConsentScope } from './codes.ts';
import { type ConsentCheck, consentFor } from './consent.ts';
import { contactsFamily, familyContactHeld, sharesWithAnotherAgency } from './familyContact.ts';

const always: CaseActionType[] = ['note_added', 'consent_recorded', 'consent_withdrawn', 'consent_overridden'];

/**
 * The workflow as a table: which actions each status allows. A closed case keeps taking notes
 * and consents and can be reopened; a merged record takes nothing until it is unmerged.
 */
export const workflowTable: Record<CaseStatus, readonly CaseActionType[]> = {
  referred: ['opened', 'assigned', 'care_status_changed', 'stage_changed', ...always],
  open: [
    'assigned',
    'transfer_requested',
    'transfer_accepted',
    'transfer_declined',
    'screened',
    'family_contact_reviewed',
    'assessment_recorded',
    'case_plan_recorded',
    'plan_action_updated',
    'approval_requested',
    'approval_decided',
    'follow_up_recorded',
    'review_recorded',
    'care_status_changed',
    'stage_changed',
    'closure_requested',
    'transition_plan_recorded',
    'age_assessment_recorded',
    ...always,
  ],
  closed: ['reopened', ...always],
  merged: [],
};

/** The permission each action needs, on top of the case being in the actor's scope. */
export const actionPermission: Record<CaseActionType, Permission> = {
  opened: 'case:work',
  assigned: 'case:assign',
  transfer_requested: 'case:work',
  transfer_accepted: 'case:work',
  transfer_declined: 'case:work',
  screened: 'case:work',
  family_contact_reviewed: 'case:approve',
  assessment_recorded: 'case:work',
  case_plan_recorded: 'case:work',
  plan_action_updated: 'case:work',
  approval_requested: 'case:work',
  approval_decided: 'case:approve',
  follow_up_recorded: 'case:work',
  review_recorded: 'case:work',
  note_added: 'case:work',
  care_status_changed: 'case:work',
  stage_changed: 'case:work',
  consent_recorded: 'case:work',
  consent_withdrawn: 'case:work',
  consent_overridden: 'case:override',
  closure_requested: 'case:work',
  reopened: 'case:approve',
  transition_plan_recorded: 'case:work',
  age_assessment_recorded: 'case:work',
};

/**
 * The consent scopes an action needs (standards §6.4; ADR 0017): services for the case plan and
 * its actions, tracing for anything that contacts or returns the child to family, sharing for a
 * transfer to another agency. Photo consent gates the photo itself (photoRepository); nothing in
 * Haven reports on individual cases yet, so `reporting` gates no action today.
 */
export function consentScopesFor(state: CaseState, input: CaseActionInput): ConsentScope[] {
  const scopes: ConsentScope[] = [];
  const cancelling = input.type === 'plan_action_updated' && input.status === 'cancelled';
  if ((input.type === 'case_plan_recorded' || input.type === 'plan_action_updated') && !cancelling) scopes.push('services');
  if (contactsFamily(state, input)) scopes.push('tracing');
  if (sharesWithAnotherAgency(state, input)) scopes.push('sharing');
  return scopes;
}

export type Refusal = { code: ErrorCode; details?: Record<string, unknown> };

/**
 * Whether an action could go ahead on this case now, before its details are known: the workflow
 * table plus the state each action needs (a pending transfer to this user, something to approve, an
 * approved assessment before a plan…). What the case page offers; the full check runs on submit.
 */
export function actionAvailable(state: CaseState, type: CaseActionType, actorUserId: string): boolean {
  if (!workflowTable[effectiveStatus(state)].includes(type)) return false;
  const pending = (subject: ApprovalSubject) => state.approvals[subject]?.status === 'pending';
  switch (type) {
    case 'transfer_accepted':
    case 'transfer_declined':
      return state.pendingTransferTo === actorUserId;
    case 'family_contact_reviewed':
      return state.familyComplicit;
    case 'assessment_recorded':
      return state.screenedAt !== null;
    case 'case_plan_recorded':
      return state.approvals.assessment?.status === 'approved';
    case 'plan_action_updated':
      return (state.casePlan?.actions.length ?? 0) > 0;
    case 'approval_requested':
      return (state.assessment !== null && !pending('assessment')) || (state.casePlan !== null && !pending('case_plan'));
    case 'approval_decided':
      return (['assessment', 'case_plan', 'closure', 'age_assessment'] as const).some(
        (subject) => pending(subject) && !authorOrRequester(state, subject, actorUserId),
      );
    case 'closure_requested':
      return !pending('closure');
    case 'consent_withdrawn':
      return state.consents.some((c) => c.withdrawn.length < c.scopes.length);
    case 'age_assessment_recorded':
      return !pending('age_assessment');
    default:
      return true;
  }
}

export interface ActionContext {
  state: CaseState;
  input: CaseActionInput;
  actorUserId: string;
  /** The child's age in completed years now (benefit of the doubt applied), for the consent band. */
  childAge: number | null;
  /** What is known about the age (profile and date of birth), for what child status allows. */
  age: AgeInfo;
  policy: CasePolicy;
  now: Date;
}

/** Four eyes: whoever asked for an approval or wrote what it approves never decides it. */
function authorOrRequester(state: CaseState, subject: ApprovalSubject, userId: string): boolean {
  const approval = state.approvals[subject];
  return approval?.requestedBy === userId || approval?.authoredBy === userId;
}

/** Checks an action against the workflow table and the case's safeguards; null when it may go ahead. */
export function refuseAction(ctx: ActionContext): Refusal | null {
  const { state, input } = ctx;
  const status = effectiveStatus(state);
  if (!workflowTable[status].includes(input.type)) {
    return { code: 'action_not_allowed', details: { action: input.type, status } };
  }
  const byState = refuseByState(ctx);
  if (byState) return byState;
  if (contactsFamily(state, input) && familyContactHeld(state)) return { code: 'family_contact_review_required' };
  for (const scope of consentScopesFor(state, input)) {
    const check: ConsentCheck = consentFor(state, scope, ctx.childAge, ctx.policy);
    if (!check.valid) return { code: 'consent_required', details: { scope, missing: check.missing } };
  }
  return null;
}

function refuseByState(ctx: ActionContext): Refusal | null {
  const { state, input, actorUserId } = ctx;
  switch (input.type) {
    case 'opened':
      return null;
    case 'transfer_requested':
      if (input.toUserId === state.assignedUserId) return { code: 'conflict', details: { reason: 'already_assigned' } };
      return null;
    case 'transfer_accepted':
    case 'transfer_declined':
      if (!state.pendingTransferTo) return { code: 'transfer_not_pending' };
      if (state.pendingTransferTo !== actorUserId) return { code: 'forbidden', details: { reason: 'not_transfer_recipient' } };
      return null;
    case 'family_contact_reviewed':
      return state.familyComplicit ? null : { code: 'conflict', details: { reason: 'no_family_complicity' } };
    case 'assessment_recorded':
      return state.screenedAt ? null : { code: 'screening_required' };
    case 'case_plan_recorded':
      if (state.approvals.assessment?.status !== 'approved') return { code: 'approval_required', details: { subject: 'assessment' } };
      return null;
    case 'plan_action_updated':
      if (!state.casePlan?.actions.some((a) => a.id === input.actionId))
        return { code: 'not_found', details: { actionId: input.actionId } };
      return null;
    case 'approval_requested': {
      const exists = input.subject === 'assessment' ? state.assessment : state.casePlan;
      if (!exists) return { code: 'nothing_to_approve', details: { subject: input.subject } };
      if (state.approvals[input.subject]?.status === 'pending') return { code: 'approval_pending', details: { subject: input.subject } };
      return null;
    }
    case 'approval_decided': {
      if (state.approvals[input.subject]?.status !== 'pending')
        return { code: 'approval_not_pending', details: { subject: input.subject } };
      if (authorOrRequester(state, input.subject, actorUserId)) return { code: 'four_eyes_required', details: { subject: input.subject } };
      if (input.subject !== 'closure' || input.decision !== 'approved' || !state.closureReason) return null;
      return refuseClosure({ ...ctx, reason: state.closureReason, monitoringWaived: state.closureMonitoringWaived });
    }
    case 'closure_requested': {
      if (state.approvals.closure?.status === 'pending') return { code: 'approval_pending', details: { subject: 'closure' } };
      const unexplained = openPlanActions(state)
        .filter((a) => !input.openActionReasons[a.id])
        .map((a) => a.id);
      if (unexplained.length > 0) return { code: 'case_plan_actions_open', details: { actions: unexplained } };
      return refuseClosure({ ...ctx, reason: input.reason, monitoringWaived: input.monitoringWaiverReason !== undefined });
    }
    case 'age_assessment_recorded': {
      if (input.assessedMinAge > input.assessedMaxAge) return { code: 'validation_failed', details: { field: 'assessedMinAge' } };
      const missing = [
        ...(input.childInformed ? [] : ['child_informed']),
        ...(input.rightToChallengeExplained ? [] : ['right_to_challenge_explained']),
      ];
      if (missing.length > 0) return { code: 'age_assessment_incomplete', details: { missing } };
      if (state.approvals.age_assessment?.status === 'pending') return { code: 'approval_pending', details: { subject: 'age_assessment' } };
      return null;
    }
    case 'consent_withdrawn':
      return state.consents.some((c) => c.seq === input.consentSeq)
        ? null
        : { code: 'not_found', details: { consentSeq: input.consentSeq } };
    default:
      return null;
  }
}
