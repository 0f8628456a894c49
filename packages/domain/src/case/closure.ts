import { type AgeInfo, treatedAsChild } from './age.ts';
import type { CasePolicy } from './casePolicy.ts';
import type { CaseState } from './caseState.ts';
import type { ClosureReason } from './codes.ts';
import { followUpDueAt } from './tasks.ts';
import type { Refusal } from './workflow.ts';

/**
 * Monitoring is due when the follow-up cycle has started (an approved case plan) and either the
 * next follow-up date has passed, or the latest follow-up asked for more than no further action.
 */
export function monitoringDue(state: CaseState, policy: CasePolicy, now: Date): boolean {
  const due = followUpDueAt(state, policy);
  if (!due) return false;
  return due <= now || (state.lastFurtherAction !== null && state.lastFurtherAction !== 'no_further_action_needed');
}

export interface ClosureContext {
  state: CaseState;
  reason: ClosureReason;
  /** A reason to close although monitoring is due was given with the request. */
  monitoringWaived: boolean;
  age: AgeInfo;
  policy: CasePolicy;
  now: Date;
}

/**
 * The safeguards a closure meets both when it is requested and when a supervisor approves it
 * (things may have changed in between): no unaddressed safety concern, due monitoring done or
 * waived with a reason, and "turned 18" only once the child is no longer treated as a child. A
 * reunification or return closure is a family contact: `refuseAction` holds it (familyContact.ts).
 */
export function refuseClosure({ state, reason, monitoringWaived, age, policy, now }: ClosureContext): Refusal | null {
  if (state.safetyConcern) return { code: 'safety_concern_open', details: { followUpSeq: state.safetyConcern.seq } };
  if (!monitoringWaived && monitoringDue(state, policy, now)) return { code: 'monitoring_due' };
  if (reason === 'turned_18_transitioned' && treatedAsChild(age, now)) return { code: 'still_a_child' };
  return null;
}
