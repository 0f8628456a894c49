import type { ErrorCode } from '../errors/codes.ts';
import type { Permission } from '../policy/model.ts';
import type { CaseActionInput, CaseActionType } from './actions.ts';
import type { CasePolicy } from './casePolicy.ts';
import { type CaseState, effectiveStatus, openPlanActions } from './caseState.ts';
import type { CaseStatus, ConsentScope } from './codes.ts';
import { type ConsentCheck, consentFor } from './consent.ts';

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
};

/** Actions that may go ahead only with a valid consent for a scope. */
export const consentRequired: Partial<Record<CaseActionType, ConsentScope>> = {
  case_plan_recorded: 'services',
  plan_action_updated: 'services',
};

/** Services that put the child in contact with family: held while a complicit family's review is open (R36). */
const familyContactServices = new Set(['family_tracing_reunification']);

export type Refusal = { code: ErrorCode; details?: Record<string, unknown> };

/**
 * Whether an action could go ahead on this case now, before its details are known: the workflow
 * table plus the state each action needs (a pending transfer to this user, something to approve, an
 * approved assessment before a plan…). What the case page offers; the full check runs on submit.
 */
export function actionAvailable(state: CaseState, type: CaseActionType, actorUserId: string): boolean {
  if (!workflowTable[effectiveStatus(state)].includes(type)) return false;
  const pending = (subject: 'assessment' | 'case_plan' | 'closure') => state.approvals[subject]?.status === 'pending';
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
      return pending('assessment') || pending('case_plan') || pending('closure');
    case 'closure_requested':
      return !pending('closure');
    case 'consent_withdrawn':
      return state.consents.some((c) => c.withdrawn.length < c.scopes.length);
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
  policy: CasePolicy;
}

/** Checks an action against the workflow table and the case's safeguards; null when it may go ahead. */
export function refuseAction(ctx: ActionContext): Refusal | null {
  const { state, input } = ctx;
  const status = effectiveStatus(state);
  if (!workflowTable[status].includes(input.type)) {
    return { code: 'action_not_allowed', details: { action: input.type, status } };
  }
  const scope = consentRequired[input.type];
  if (scope && !(input.type === 'plan_action_updated' && input.status === 'cancelled')) {
    const check: ConsentCheck = consentFor(state, scope, ctx.childAge, ctx.policy);
    if (!check.valid) return { code: 'consent_required', details: { scope, missing: check.missing } };
  }
  return refuseByState(ctx);
}

function refuseByState({ state, input, actorUserId }: ActionContext): Refusal | null {
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
      if (state.familyContact === 'review_required' || state.familyContact === 'not_cleared') {
        const blocked = input.actions.filter((a) => familyContactServices.has(a.service) && a.status !== 'cancelled');
        if (blocked.length > 0) return { code: 'family_contact_review_required' };
      }
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
    case 'approval_decided':
      return state.approvals[input.subject]?.status === 'pending'
        ? null
        : { code: 'approval_not_pending', details: { subject: input.subject } };
    case 'closure_requested': {
      if (state.approvals.closure?.status === 'pending') return { code: 'approval_pending', details: { subject: 'closure' } };
      const unexplained = openPlanActions(state)
        .filter((a) => !input.openActionReasons[a.id])
        .map((a) => a.id);
      return unexplained.length > 0 ? { code: 'case_plan_actions_open', details: { actions: unexplained } } : null;
    }
    case 'consent_withdrawn':
      return state.consents.some((c) => c.seq === input.consentSeq)
        ? null
        : { code: 'not_found', details: { consentSeq: input.consentSeq } };
    default:
      return null;
  }
}
