import type { CaseEvent, CaseEventData } from './actions.ts';
import type {
  ApprovalStatus,
  ApprovalSubject,
  CareStatus,
  CaseStatus,
  ClosureReason,
  ConsentGiver,
  ConsentScope,
  FurtherAction,
  MigrationStage,
  NeedsDomain,
  PlanActionStatus,
  RiskLevel,
  ServiceType,
  WorkflowStep,
} from './codes.ts';

export interface Approval {
  status: ApprovalStatus;
  requestedAt: string;
  /** Who asked for the approval and who wrote what is approved: neither may decide it (four eyes). */
  requestedBy: string | null;
  authoredBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** A recorded age assessment; it counts once approved (`approvals.age_assessment`). */
export interface AgeAssessmentState {
  seq: number;
  date: string;
  method: string;
  assessedMinAge: number;
  assessedMaxAge: number;
}

export interface PlanGoalState {
  id: string;
  domain: NeedsDomain;
  description: string;
}

export interface PlanActionState {
  id: string;
  goalId: string | null;
  service: ServiceType;
  description: string | null;
  provider: string | null;
  responsibleUserId: string | null;
  dueDate: string;
  status: PlanActionStatus;
}

export interface ConsentRecord {
  seq: number;
  scopes: ConsentScope[];
  givenBy: ConsentGiver;
  kind: 'consent' | 'assent';
  date: string;
  adultExclusionReason: string | null;
  childAgeAtTime: number | null;
  withdrawn: ConsentScope[];
}

export interface CaseState {
  status: CaseStatus;
  step: WorkflowStep;
  agencyId: string | null;
  assignedUserId: string | null;
  pendingTransferTo: string | null;
  transferRequestedAt: string | null;
  riskLevel: RiskLevel | null;
  urgent: boolean;
  indicators: string[];
  familyComplicit: boolean;
  /** Family contact, reunification or return wait for a supervisor when a family member is complicit (R36). */
  familyContact: 'not_required' | 'review_required' | 'cleared' | 'not_cleared';
  firstContactAt: string | null;
  referredAt: string | null;
  openedAt: string | null;
  screenedAt: string | null;
  firstActionAt: string | null;
  closedAt: string | null;
  closureReason: ClosureReason | null;
  assessment: { kind: 'initial' | 'comprehensive'; at: string; seq: number; by: string | null } | null;
  casePlan: { at: string; seq: number; by: string | null; goals: PlanGoalState[]; actions: PlanActionState[] } | null;
  ageAssessment: AgeAssessmentState | null;
  approvals: Partial<Record<ApprovalSubject, Approval>>;
  lastFollowUpAt: string | null;
  /** A follow-up date the caseworker set; otherwise the policy's frequency applies. */
  followUpDueDate: string | null;
  /** What the latest follow-up asked for next: anything but no further action keeps monitoring due. */
  lastFurtherAction: FurtherAction | null;
  /** A follow-up reported a safety concern that no case review has addressed since. */
  safetyConcern: { seq: number; at: string } | null;
  /** The pending or approved closure was requested with a reason to close while monitoring was due. */
  closureMonitoringWaived: boolean;
  careStatus: CareStatus | null;
  careStatusHistory: { careStatus: CareStatus; since: string }[];
  stage: MigrationStage | null;
  stageHistory: { stage: MigrationStage; country: string | null; since: string }[];
  consents: ConsentRecord[];
  consentOverrides: { scope: ConsentScope; seq: number; at: string }[];
  transitionPlanAt: string | null;
  mergedInto: string | null;
  mergedFrom: string[];
  lastSeq: number;
}

export function emptyCaseState(): CaseState {
  return {
    status: 'referred',
    step: 'identification_registration',
    agencyId: null,
    assignedUserId: null,
    pendingTransferTo: null,
    transferRequestedAt: null,
    riskLevel: null,
    urgent: false,
    indicators: [],
    familyComplicit: false,
    familyContact: 'not_required',
    firstContactAt: null,
    referredAt: null,
    openedAt: null,
    screenedAt: null,
    firstActionAt: null,
    closedAt: null,
    closureReason: null,
    assessment: null,
    casePlan: null,
    ageAssessment: null,
    approvals: {},
    lastFollowUpAt: null,
    followUpDueDate: null,
    lastFurtherAction: null,
    safetyConcern: null,
    closureMonitoringWaived: false,
    careStatus: null,
    careStatusHistory: [],
    stage: null,
    stageHistory: [],
    consents: [],
    consentOverrides: [],
    transitionPlanAt: null,
    mergedInto: null,
    mergedFrom: [],
    lastSeq: 0,
  };
}

/** Actions that count as the first substantive response after screening (the 24 h / 3 day / 1 week clock). */
const substantiveActions: ReadonlySet<CaseEventData['type']> = new Set([
  'assessment_recorded',
  'case_plan_recorded',
  'plan_action_updated',
  'follow_up_recorded',
  'note_added',
]);

const riskOrder: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

function request(state: CaseState, subject: ApprovalSubject, event: CaseEvent, authoredBy: string | null): void {
  state.approvals[subject] = {
    status: 'pending',
    requestedAt: event.at,
    requestedBy: event.actorUserId,
    authoredBy,
    decidedAt: null,
    decidedBy: null,
  };
}

/** Applies one logged action. Guards live in workflow.ts: the log only holds accepted actions. */
export function applyEvent(previous: CaseState, event: CaseEvent): CaseState {
  const state: CaseState = { ...previous, approvals: { ...previous.approvals }, lastSeq: event.seq };
  const { data, at } = event;
  if (state.screenedAt && !state.firstActionAt && substantiveActions.has(data.type)) state.firstActionAt = at;
  switch (data.type) {
    case 'registered':
      state.agencyId = data.agencyId;
      state.firstContactAt = data.firstContactAt;
      state.referredAt = at;
      state.assignedUserId = data.assignedUserId;
      state.urgent = data.urgentConcern;
      if (data.careStatus) {
        state.careStatus = data.careStatus;
        state.careStatusHistory = [{ careStatus: data.careStatus, since: data.firstContactAt.slice(0, 10) }];
      }
      if (data.stage) {
        state.stage = data.stage;
        state.stageHistory = [{ stage: data.stage, country: null, since: data.firstContactAt.slice(0, 10) }];
      }
      if (data.mode === 'full') {
        state.status = 'open';
        state.openedAt = at;
      }
      break;
    case 'opened':
      state.status = 'open';
      state.openedAt = at;
      if (!state.assignedUserId) state.assignedUserId = event.actorUserId;
      break;
    case 'assigned':
    case 'bulk_assigned':
      state.assignedUserId = data.userId;
      state.pendingTransferTo = null;
      break;
    case 'transfer_requested':
      state.pendingTransferTo = data.toUserId;
      state.transferRequestedAt = at;
      break;
    case 'transfer_accepted':
      state.assignedUserId = state.pendingTransferTo;
      state.pendingTransferTo = null;
      break;
    case 'transfer_declined':
      state.pendingTransferTo = null;
      break;
    case 'screened': {
      // A complicit family member raises the risk (R36).
      const level = data.familyComplicit && riskOrder[data.riskLevel] < riskOrder.high ? 'high' : data.riskLevel;
      state.riskLevel = level;
      state.urgent = data.urgentProtectionConcern;
      state.indicators = [...data.indicators];
      if (data.familyComplicit && !state.familyComplicit) state.familyContact = 'review_required';
      state.familyComplicit = state.familyComplicit || data.familyComplicit;
      if (!state.screenedAt) state.screenedAt = at;
      break;
    }
    case 'family_contact_reviewed':
      state.familyContact = data.decision;
      break;
    case 'assessment_recorded':
      state.assessment = { kind: data.kind, at, seq: event.seq, by: event.actorUserId };
      if (data.riskLevel) state.riskLevel = state.familyComplicit && data.riskLevel !== 'high' ? 'high' : data.riskLevel;
      delete state.approvals.assessment;
      break;
    case 'case_plan_recorded':
      state.casePlan = {
        at,
        seq: event.seq,
        by: event.actorUserId,
        goals: data.goals.map((g) => ({ id: g.id ?? '', domain: g.domain, description: g.description })),
        actions: data.actions.map((a) => ({
          id: a.id ?? '',
          goalId: a.goalId ?? null,
          service: a.service,
          description: a.description ?? null,
          provider: a.provider ?? null,
          responsibleUserId: a.responsibleUserId ?? null,
          dueDate: a.dueDate,
          status: a.status,
        })),
      };
      delete state.approvals.case_plan;
      break;
    case 'plan_action_updated':
      if (state.casePlan) {
        state.casePlan = {
          ...state.casePlan,
          actions: state.casePlan.actions.map((a) => (a.id === data.actionId ? { ...a, status: data.status } : a)),
        };
      }
      break;
    case 'approval_requested': {
      const item = data.subject === 'assessment' ? state.assessment : state.casePlan;
      request(state, data.subject, event, item?.by ?? null);
      break;
    }
    case 'age_assessment_recorded':
      state.ageAssessment = {
        seq: event.seq,
        date: data.date,
        method: data.method,
        assessedMinAge: data.assessedMinAge,
        assessedMaxAge: data.assessedMaxAge,
      };
      request(state, 'age_assessment', event, event.actorUserId);
      break;
    case 'approval_decided': {
      const current = state.approvals[data.subject];
      if (current) state.approvals[data.subject] = { ...current, status: data.decision, decidedAt: at, decidedBy: event.actorUserId };
      if (data.subject === 'closure' && data.decision === 'approved') {
        state.status = 'closed';
        state.closedAt = at;
      }
      break;
    }
    case 'follow_up_recorded':
      state.lastFollowUpAt = at;
      state.followUpDueDate = data.nextDueDate ?? null;
      state.lastFurtherAction = data.furtherAction;
      if (data.safetyConcern) state.safetyConcern = { seq: event.seq, at };
      break;
    case 'care_status_changed':
      state.careStatus = data.careStatus;
      state.careStatusHistory = [...state.careStatusHistory, { careStatus: data.careStatus, since: data.since }];
      break;
    case 'stage_changed':
      state.stage = data.stage;
      state.stageHistory = [...state.stageHistory, { stage: data.stage, country: data.country ?? null, since: data.since }];
      break;
    case 'consent_recorded':
      state.consents = [
        ...state.consents,
        {
          seq: event.seq,
          scopes: [...data.scopes],
          givenBy: data.givenBy,
          kind: data.kind,
          date: data.date,
          adultExclusionReason: data.adultExclusionReason ?? null,
          childAgeAtTime: data.childAgeAtTime ?? null,
          withdrawn: [],
        },
      ];
      break;
    case 'consent_withdrawn':
      state.consents = state.consents.map((c) =>
        c.seq === data.consentSeq ? { ...c, withdrawn: [...new Set([...c.withdrawn, ...(data.scopes ?? c.scopes)])] } : c,
      );
      state.consentOverrides = state.consentOverrides.filter((o) => !(data.scopes ?? []).includes(o.scope));
      break;
    case 'consent_overridden':
      state.consentOverrides = [...state.consentOverrides, { scope: data.scope, seq: event.seq, at }];
      break;
    case 'closure_requested':
      state.closureReason = data.reason;
      state.closureMonitoringWaived = data.monitoringWaiverReason !== undefined;
      request(state, 'closure', event, event.actorUserId);
      break;
    case 'reopened':
      state.status = 'open';
      state.closedAt = null;
      state.closureReason = null;
      state.closureMonitoringWaived = false;
      delete state.approvals.closure;
      break;
    case 'transition_plan_recorded':
      state.transitionPlanAt = at;
      break;
    case 'merged_into':
      state.mergedInto = data.targetId;
      break;
    case 'merged_from':
      state.mergedFrom = [...state.mergedFrom, data.sourceId];
      break;
    case 'unmerged':
      if (state.mergedInto === data.otherId) state.mergedInto = null;
      state.mergedFrom = state.mergedFrom.filter((id) => id !== data.otherId);
      break;
    case 'review_recorded':
      // A case review after a reported safety concern is where it is addressed (ADR 0017).
      state.safetyConcern = null;
      break;
    case 'note_added':
    case 'profile_updated':
    case 'separation_overridden':
    case 'relation_removed':
      break;
  }
  state.step = workflowStep(state);
  return state;
}

/** Replays a case's log. */
export function foldCase(events: readonly CaseEvent[]): CaseState {
  return events.reduce(applyEvent, emptyCaseState());
}

export function effectiveStatus(state: CaseState): CaseStatus {
  return state.mergedInto ? 'merged' : state.status;
}

export function openPlanActions(state: CaseState): PlanActionState[] {
  return (state.casePlan?.actions ?? []).filter((a) => a.status === 'planned' || a.status === 'in_progress');
}

/** The case management step, derived from what the log holds. */
export function workflowStep(state: CaseState): WorkflowStep {
  if (state.status === 'closed' || state.approvals.closure?.status === 'pending') return 'closure';
  if (state.status === 'referred' || !state.screenedAt) return 'identification_registration';
  if (state.approvals.assessment?.status !== 'approved') return 'assessment';
  if (state.approvals.case_plan?.status !== 'approved') return 'case_planning';
  return openPlanActions(state).length > 0 ? 'implementation' : 'follow_up_review';
}
