import type { ApprovalSubject, CaseActionType, CaseView, TaskKind } from '@haven/domain';
import type { ReactNode } from 'react';
import { caseActionTypes } from '../../codes/codeLists.ts';
import { AgeAssessmentForm } from './forms/AgeAssessmentForm.tsx';
import { ApprovalDecisionForm, ApprovalRequestForm, pendingSubjects, requestableSubjects } from './forms/ApprovalForms.tsx';
import { AssessmentForm } from './forms/AssessmentForm.tsx';
import { AssignForm, NoteOnlyForm, TransferRequestForm } from './forms/AssignmentForms.tsx';
import { CasePlanForm } from './forms/CasePlanForm.tsx';
import { ClosureForm, ReopenForm } from './forms/ClosureForms.tsx';
import { FamilyContactForm } from './forms/FamilyContactForm.tsx';
import { FollowUpForm, ReviewForm } from './forms/MonitoringForms.tsx';
import { NoteForm } from './forms/NoteForm.tsx';
import { PlanActionForm } from './forms/PlanActionForm.tsx';
import { ScreeningForm } from './forms/ScreeningForm.tsx';
import { CareStatusForm, StageForm } from './forms/SituationForms.tsx';
import { TransitionPlanForm } from './forms/TransitionPlanForm.tsx';

/** Actions recorded from the case page's actions panel (consents have their own section). */
export type PanelAction = Exclude<CaseActionType, 'consent_recorded' | 'consent_withdrawn' | 'consent_overridden'>;

interface Situation {
  view: CaseView;
  meId: string;
}

/**
 * When each action makes sense, on top of the server's `allowedActions` (which follow the
 * workflow table and the role): the case's own state, so the panel offers what can succeed.
 */
const relevant: Record<PanelAction, (s: Situation) => boolean> = {
  opened: () => true,
  assigned: () => true,
  transfer_requested: ({ view }) => view.pendingTransferTo === null && view.assignedUserId !== null,
  transfer_accepted: ({ view, meId }) => view.pendingTransferTo === meId,
  transfer_declined: ({ view, meId }) => view.pendingTransferTo === meId,
  screened: () => true,
  family_contact_reviewed: ({ view }) => view.familyComplicit && view.familyContact !== 'not_required',
  assessment_recorded: ({ view }) => view.screenedAt !== null,
  case_plan_recorded: ({ view }) => view.approvals.assessment?.status === 'approved',
  plan_action_updated: ({ view }) => (view.plan?.actions.length ?? 0) > 0,
  approval_requested: ({ view }) => requestableSubjects(view).length > 0,
  approval_decided: ({ view }) => pendingSubjects(view).length > 0,
  follow_up_recorded: ({ view }) => view.plan !== null,
  review_recorded: ({ view }) => view.plan !== null,
  note_added: () => true,
  care_status_changed: () => true,
  stage_changed: () => true,
  closure_requested: ({ view }) => view.approvals.closure?.status !== 'pending',
  reopened: () => true,
  transition_plan_recorded: ({ view }) => view.tasks.some((task) => task.kind === 'transition_plan'),
  age_assessment_recorded: ({ view }) => view.approvals.age_assessment?.status !== 'pending',
};

/** The action that deals with each kind of task. */
const actionForTask: Partial<Record<TaskKind, PanelAction>> = {
  open_referral: 'opened',
  assign: 'assigned',
  screen: 'screened',
  family_contact_review: 'family_contact_reviewed',
  assessment: 'assessment_recorded',
  case_plan: 'case_plan_recorded',
  approve_assessment: 'approval_decided',
  approve_case_plan: 'approval_decided',
  approve_closure: 'approval_decided',
  approve_age_assessment: 'approval_decided',
  review_safety_concern: 'review_recorded',
  accept_transfer: 'transfer_accepted',
  plan_action: 'plan_action_updated',
  follow_up: 'follow_up_recorded',
  transition_plan: 'transition_plan_recorded',
};

const consentActions = new Set<CaseActionType>(['consent_recorded', 'consent_withdrawn', 'consent_overridden']);
const isPanelAction = (type: CaseActionType): type is PanelAction => !consentActions.has(type);

/** The panel's actions in the domain's order (the order of the case management steps). */
const panelOrder: PanelAction[] = caseActionTypes.filter(isPanelAction);

export interface AvailableActions {
  /** What the case's tasks call for now, for this user. */
  suggested: PanelAction[];
  others: PanelAction[];
}

/** The actions this user can record on the case now, what its tasks suggest first. */
export function availableActions(view: CaseView, meId: string, myTasks: readonly TaskKind[]): AvailableActions {
  const allowed = new Set(view.allowedActions);
  const situation = { view, meId };
  const available = panelOrder.filter((type) => allowed.has(type) && relevant[type](situation));
  const fromTasks = new Set(myTasks.map((kind) => actionForTask[kind]).filter((type): type is PanelAction => type !== undefined));
  if (requestableSubjects(view).length > 0 && view.approvals.assessment?.status !== 'pending') fromTasks.add('approval_requested');
  const suggested = available.filter((type) => fromTasks.has(type));
  return { suggested, others: available.filter((type) => !fromTasks.has(type)) };
}

/** Tasks on the case this user is expected to act on (theirs, or their team's as a supervisor). */
export function myTaskKinds(view: CaseView, meId: string, supervises: boolean): TaskKind[] {
  return view.tasks
    .filter((task) =>
      task.for === 'supervisor' ? supervises : task.userId === meId || (task.for === 'caseworker' && view.assignedUserId === meId),
    )
    .map((task) => task.kind);
}

interface FormOptions {
  onDone: () => void;
  /** A particular plan action or approval subject the form is opened for. */
  planActionId?: string;
  subject?: ApprovalSubject;
}

/** The form that records an action. */
export function actionForm(type: PanelAction, { onDone, planActionId, subject }: FormOptions): ReactNode {
  switch (type) {
    case 'opened':
    case 'transfer_accepted':
    case 'transfer_declined':
      return <NoteOnlyForm type={type} onDone={onDone} />;
    case 'assigned':
      return <AssignForm onDone={onDone} />;
    case 'transfer_requested':
      return <TransferRequestForm onDone={onDone} />;
    case 'screened':
      return <ScreeningForm onDone={onDone} />;
    case 'family_contact_reviewed':
      return <FamilyContactForm onDone={onDone} />;
    case 'assessment_recorded':
      return <AssessmentForm onDone={onDone} />;
    case 'case_plan_recorded':
      return <CasePlanForm onDone={onDone} />;
    case 'plan_action_updated':
      return <PlanActionForm onDone={onDone} {...(planActionId ? { actionId: planActionId } : {})} />;
    case 'approval_requested':
      return <ApprovalRequestForm onDone={onDone} />;
    case 'approval_decided':
      return <ApprovalDecisionForm onDone={onDone} {...(subject ? { subject } : {})} />;
    case 'follow_up_recorded':
      return <FollowUpForm onDone={onDone} />;
    case 'review_recorded':
      return <ReviewForm onDone={onDone} />;
    case 'note_added':
      return <NoteForm onDone={onDone} />;
    case 'care_status_changed':
      return <CareStatusForm onDone={onDone} />;
    case 'stage_changed':
      return <StageForm onDone={onDone} />;
    case 'closure_requested':
      return <ClosureForm onDone={onDone} />;
    case 'reopened':
      return <ReopenForm onDone={onDone} />;
    case 'transition_plan_recorded':
      return <TransitionPlanForm onDone={onDone} />;
    case 'age_assessment_recorded':
      return <AgeAssessmentForm onDone={onDone} />;
  }
}
