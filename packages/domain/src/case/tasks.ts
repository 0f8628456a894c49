import { eighteenthBirthday } from './age.ts';
import { addDays, addHours, type CasePolicy } from './casePolicy.ts';
import { type CaseState, effectiveStatus, openPlanActions } from './caseState.ts';

export const taskKinds = [
  'open_referral',
  'assign',
  'screen',
  'first_action',
  'family_contact_review',
  'assessment',
  'case_plan',
  'approve_assessment',
  'approve_case_plan',
  'approve_closure',
  'accept_transfer',
  'plan_action',
  'follow_up',
  'transition_plan',
  'approve_age_assessment',
  'review_safety_concern',
] as const;
export type TaskKind = (typeof taskKinds)[number];

/**
 * Something due on a case. `for` says who acts: the assigned caseworker, a named user (a
 * transfer's recipient, a plan action's responsible person) or the supervisors of the case's team.
 */
export interface CaseTask {
  kind: TaskKind;
  /** Distinguishes several tasks of one kind (a plan action's id); '' otherwise. */
  ref: string;
  dueAt: Date;
  /** Shown from this moment on (the ageing-out alert window); null: shown at once. */
  visibleFrom: Date | null;
  for: { kind: 'caseworker' } | { kind: 'user'; userId: string } | { kind: 'supervisor' };
}

function dateAt(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59Z`);
}

/**
 * When the next follow-up is due: once the case plan is approved, the date the caseworker set,
 * else the policy's frequency from the latest follow-up (or the plan's approval). Null before.
 */
export function followUpDueAt(state: CaseState, policy: CasePolicy): Date | null {
  const approval = state.approvals.case_plan;
  if (approval?.status !== 'approved' || !state.riskLevel || !state.screenedAt) return null;
  if (state.followUpDueDate) return dateAt(state.followUpDueDate);
  const since = new Date(state.lastFollowUpAt ?? approval.decidedAt ?? state.screenedAt);
  return addDays(since, policy.risk[state.riskLevel].followUpDays);
}

/**
 * Everything currently due on a case, from its state and the policy table. Deadlines run from
 * the event that started them (referral, opening, screening), so changing the risk level moves
 * them at once (R34).
 */
export function caseTasks(state: CaseState, policy: CasePolicy, birthDate: string | null): CaseTask[] {
  const status = effectiveStatus(state);
  if (status === 'merged' || status === 'closed') return [];
  const tasks: CaseTask[] = [];
  const add = (kind: TaskKind, dueAt: Date, who: CaseTask['for'], ref = '', visibleFrom: Date | null = null) =>
    tasks.push({ kind, ref, dueAt, visibleFrom, for: who });
  const caseworker = { kind: 'caseworker' } as const;
  const supervisor = { kind: 'supervisor' } as const;

  if (status === 'referred') {
    const hours = state.urgent ? Math.min(policy.urgentFirstActionHours, policy.referralToOpeningHours) : policy.referralToOpeningHours;
    if (state.referredAt) add('open_referral', addHours(new Date(state.referredAt), hours), supervisor);
    return tasks;
  }
  const openedAt = new Date(state.openedAt ?? state.referredAt ?? 0);
  if (!state.assignedUserId) {
    const hours = state.riskLevel === 'high' ? policy.assignHoursHighRisk : policy.assignHours;
    add('assign', addHours(openedAt, hours), supervisor);
  }
  if (state.pendingTransferTo && state.transferRequestedAt) {
    add('accept_transfer', addDays(new Date(state.transferRequestedAt), policy.approvalDays), {
      kind: 'user',
      userId: state.pendingTransferTo,
    });
  }
  for (const subject of ['assessment', 'case_plan', 'closure', 'age_assessment'] as const) {
    const approval = state.approvals[subject];
    if (approval?.status === 'pending') add(`approve_${subject}`, addDays(new Date(approval.requestedAt), policy.approvalDays), supervisor);
  }
  if (!state.screenedAt || !state.riskLevel) {
    add('screen', addHours(openedAt, policy.screeningHours), caseworker);
    return tasks;
  }
  const screenedAt = new Date(state.screenedAt);
  const timeline = policy.risk[state.riskLevel];
  if (!state.firstActionAt) {
    const hours = state.urgent ? Math.min(policy.urgentFirstActionHours, timeline.firstActionHours) : timeline.firstActionHours;
    add('first_action', addHours(screenedAt, hours), caseworker);
  }
  if (state.familyContact === 'review_required') add('family_contact_review', screenedAt, supervisor);

  if (state.safetyConcern) add('review_safety_concern', new Date(state.safetyConcern.at), caseworker);
  if (!state.assessment || state.approvals.assessment?.status === 'rejected') {
    add('assessment', addDays(screenedAt, timeline.assessmentDays), caseworker);
  } else if (!state.casePlan || state.approvals.case_plan?.status === 'rejected') {
    add('case_plan', addDays(screenedAt, timeline.casePlanDays), caseworker);
  }
  for (const action of openPlanActions(state)) {
    const who = action.responsibleUserId ? ({ kind: 'user', userId: action.responsibleUserId } as const) : caseworker;
    add('plan_action', dateAt(action.dueDate), who, action.id);
  }
  const followUp = followUpDueAt(state, policy);
  if (followUp) add('follow_up', followUp, caseworker);
  if (birthDate && !state.transitionPlanAt) {
    const adult = dateAt(eighteenthBirthday(birthDate));
    add('transition_plan', addDays(adult, -policy.transitionPlanDaysBefore), caseworker, '', addDays(adult, -policy.ageingOutAlertDays));
  }
  return tasks;
}

/** The earliest deadline on a case: the indexed column lists sort and filter "overdue" on. */
export function nextDue(tasks: readonly CaseTask[]): Date | null {
  let next: Date | null = null;
  for (const task of tasks) if (!next || task.dueAt < next) next = task.dueAt;
  return next;
}
