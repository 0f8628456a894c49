import type { CaseActionInput } from './actions.ts';
import type { CaseState } from './caseState.ts';
import type { CareStatus, ClosureReason, ServiceType } from './codes.ts';

/**
 * What counts as contacting the child's family or returning the child to them (R36): one
 * definition for the complicit-family hold and for the tracing consent (ADR 0017).
 */
export const familyContactServices: ReadonlySet<ServiceType> = new Set(['family_tracing_reunification']);
/** Closures that record a reunification or a return. */
export const familyClosureReasons: ReadonlySet<ClosureReason> = new Set(['reunified_followup_complete', 'repatriated']);
/** Care with a parent or relative: placing the child there is a reunification. */
const familyCareStatuses: ReadonlySet<CareStatus> = new Set(['accompanied_parent', 'accompanied_relative']);

/** Whether an action contacts the child's family or returns the child to them. */
export function contactsFamily(state: CaseState, input: CaseActionInput): boolean {
  switch (input.type) {
    case 'case_plan_recorded':
      return input.actions.some((a) => familyContactServices.has(a.service) && a.status !== 'cancelled');
    case 'plan_action_updated': {
      const action = state.casePlan?.actions.find((a) => a.id === input.actionId);
      return action !== undefined && familyContactServices.has(action.service) && input.status !== 'cancelled';
    }
    case 'care_status_changed':
      return familyCareStatuses.has(input.careStatus);
    case 'stage_changed':
      return input.stage === 'return';
    case 'closure_requested':
      return familyClosureReasons.has(input.reason);
    case 'approval_decided':
      return (
        input.subject === 'closure' &&
        input.decision === 'approved' &&
        state.closureReason !== null &&
        familyClosureReasons.has(state.closureReason)
      );
    default:
      return false;
  }
}

/** A complicit family member's review is open, or concluded that contact is not safe. */
export function familyContactHeld(state: CaseState): boolean {
  return state.familyContact === 'review_required' || state.familyContact === 'not_cleared';
}

/** Whether an action shares the case with another agency (gated by the sharing consent). */
export function sharesWithAnotherAgency(state: CaseState, input: CaseActionInput): boolean {
  if (input.type === 'closure_requested') return input.reason === 'transferred';
  return (
    input.type === 'approval_decided' &&
    input.subject === 'closure' &&
    input.decision === 'approved' &&
    state.closureReason === 'transferred'
  );
}
