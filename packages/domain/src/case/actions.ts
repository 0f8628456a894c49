import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../schemas/common.ts';
import {
  AgeAssessmentMethod,
  ApprovalSubject,
  CareStatus,
  ClosureReason,
  ConsentGiver,
  ConsentScope,
  type EncounterSetting,
  FollowUpType,
  FurtherAction,
  MigrationStage,
  NeedsDomain,
  NoteCategory,
  PlanActionStatus,
  RiskLevel,
  ScreeningIndicator,
  ServiceType,
} from './codes.ts';

/**
 * The case history is an append-only log of actions. These are the actions a user records
 * (`POST /children/:id/actions`), plus the system's own (`registered`, `merged_into`, …).
 * Status, workflow step, deadlines and tasks are all derived from the log (caseState.ts).
 */

const Text = (max = 20_000) => z.string().trim().min(1).max(max);
const Comment = Text(4_000).optional();
/** Client-chosen or server-assigned id of a plan goal or action, stable across plan revisions. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/**
 * The child's views (R47): either their own words (and how they were heard) or why they could not
 * be heard. An empty "views: none" entry is refused.
 */
export const ChildViews = z.discriminatedUnion('heard', [
  z.object({
    heard: z.literal(true),
    words: Text(10_000).refine((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length >= 3, {
      message: "record the child's own words",
    }),
    language: z.string().trim().max(40).optional(),
    interpreterUsed: z.boolean().default(false),
    method: z.enum(['interview', 'drawing_play', 'written', 'other']).default('interview'),
    childPresent: z.boolean().default(true),
  }),
  z.object({ heard: z.literal(false), reason: Text(2_000) }),
]);
export type ChildViews = z.infer<typeof ChildViews>;

export const PlanGoal = z.object({ id: ItemId.optional(), domain: NeedsDomain, description: Text(2_000) });
export const PlanAction = z.object({
  id: ItemId.optional(),
  goalId: ItemId.optional(),
  service: ServiceType,
  description: Text(2_000).optional(),
  provider: z.string().trim().max(200).optional(),
  responsibleUserId: Uuid.optional(),
  dueDate: IsoDate,
  status: PlanActionStatus.default('planned'),
});

const adultExclusionReasons = ['caregiver_is_alleged_perpetrator', 'caregiver_unavailable', 'not_in_best_interests'] as const;

/** Actions a user records on a case. */
export const CaseActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('opened'), note: Comment }),
  z.object({ type: z.literal('assigned'), userId: Uuid, note: Comment }),
  z.object({ type: z.literal('transfer_requested'), toUserId: Uuid, note: Comment }),
  z.object({ type: z.literal('transfer_accepted'), note: Comment }),
  z.object({ type: z.literal('transfer_declined'), note: Comment }),
  z.object({
    type: z.literal('screened'),
    riskLevel: RiskLevel,
    urgentProtectionConcern: z.boolean().default(false),
    indicators: z.array(ScreeningIndicator).max(50).default([]),
    familyComplicit: z.boolean().default(false),
    summary: Comment,
  }),
  z.object({ type: z.literal('family_contact_reviewed'), decision: z.enum(['cleared', 'not_cleared']), comment: Comment }),
  z.object({
    type: z.literal('assessment_recorded'),
    kind: z.enum(['initial', 'comprehensive']),
    needs: z.partialRecord(NeedsDomain, z.enum(['none', 'low', 'medium', 'high'])),
    findings: Text().optional(),
    childViews: ChildViews,
    riskLevel: RiskLevel.optional(),
  }),
  z.object({
    type: z.literal('case_plan_recorded'),
    goals: z.array(PlanGoal).min(1).max(30),
    actions: z.array(PlanAction).min(1).max(100),
    childViews: ChildViews,
  }),
  z.object({
    type: z.literal('plan_action_updated'),
    actionId: ItemId,
    status: PlanActionStatus,
    outcome: Comment,
  }),
  z.object({ type: z.literal('approval_requested'), subject: ApprovalSubject.exclude(['closure', 'age_assessment']), comment: Comment }),
  z.object({
    type: z.literal('approval_decided'),
    subject: ApprovalSubject,
    decision: z.enum(['approved', 'rejected']),
    comment: Comment,
  }),
  z.object({
    type: z.literal('follow_up_recorded'),
    followUpType: FollowUpType,
    date: IsoDate,
    wellbeing: Comment,
    safetyConcern: z.boolean().default(false),
    furtherAction: FurtherAction,
    nextDueDate: IsoDate.optional(),
  }),
  z.object({
    type: z.literal('review_recorded'),
    date: IsoDate,
    outcome: z.enum(['continue', 'revise_plan', 'propose_closure']),
    summary: Comment,
  }),
  z.object({ type: z.literal('note_added'), category: NoteCategory.default('general'), text: Text() }),
  z.object({ type: z.literal('care_status_changed'), careStatus: CareStatus, since: IsoDate, note: Comment }),
  z.object({
    type: z.literal('stage_changed'),
    stage: MigrationStage,
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    since: IsoDate,
  }),
  z.object({
    type: z.literal('consent_recorded'),
    scopes: z.array(ConsentScope).min(1),
    givenBy: ConsentGiver,
    kind: z.enum(['consent', 'assent']),
    relation: z.string().trim().max(100).optional(),
    giverName: z.string().trim().max(200).optional(),
    method: z.enum(['verbal', 'written', 'other']),
    date: IsoDate,
    /** Why no caregiver took part, when the age band would ask for one (standards §6.4). */
    adultExclusionReason: z.enum(adultExclusionReasons).optional(),
  }),
  z.object({ type: z.literal('consent_withdrawn'), consentSeq: z.number().int().min(1), scopes: z.array(ConsentScope).min(1).optional() }),
  z.object({ type: z.literal('consent_overridden'), scope: ConsentScope, reason: Text(4_000) }),
  z.object({
    type: z.literal('closure_requested'),
    reason: ClosureReason,
    summary: Comment,
    /** Each case plan action still open needs a reason before the case can close. */
    openActionReasons: z.record(ItemId, Text(2_000)).default({}),
    /** Why the case may close although monitoring is due (a follow-up overdue or still asked for). */
    monitoringWaiverReason: Text(2_000).optional(),
  }),
  /**
   * A concluded age assessment (standards §7.1). It ends child status only once a supervisor other
   * than its author approves it (`approval_decided`, subject `age_assessment`).
   */
  z.object({
    type: z.literal('age_assessment_recorded'),
    date: IsoDate,
    method: AgeAssessmentMethod,
    /** Who assessed (name and role or service); never the child's data. */
    assessor: Text(200),
    assessedMinAge: z.number().int().min(0).max(30),
    assessedMaxAge: z.number().int().min(0).max(30),
    /** The child was told the outcome and its reasons, in a language they understand. */
    childInformed: z.boolean(),
    /** The child was told of their right to challenge the outcome, and how. */
    rightToChallengeExplained: z.boolean(),
    findings: Comment,
  }),
  z.object({ type: z.literal('reopened'), reason: Text(4_000) }),
  z.object({ type: z.literal('transition_plan_recorded'), plan: Text(), childViews: ChildViews }),
]);
export type CaseActionInput = z.infer<typeof CaseActionInput>;
export type CaseActionType = CaseActionInput['type'];

/** Actions only the system records. */
export type SystemAction =
  | {
      type: 'registered';
      mode: 'first_contact' | 'full';
      firstContactAt: string;
      encounterSetting: z.infer<typeof EncounterSetting> | null;
      /** The agency the child was referred to (first contact) or registered by. */
      agencyId: string;
      assignedUserId: string | null;
      /** The registrant saw an urgent protection concern: the referral is opened sooner. */
      urgentConcern: boolean;
      careStatus?: z.infer<typeof CareStatus> | undefined;
      stage?: z.infer<typeof MigrationStage> | undefined;
      /** Indicators the registrant noticed, offered to the caseworker's screening. */
      concerns?: z.infer<typeof ScreeningIndicator>[] | undefined;
    }
  | { type: 'profile_updated'; fields: string[] }
  | { type: 'merged_into'; targetId: string; note?: string | undefined }
  | { type: 'merged_from'; sourceId: string }
  | { type: 'unmerged'; otherId: string; note?: string | undefined }
  | { type: 'bulk_assigned'; userId: string }
  /** An action that separates the child from siblings or accompanying adults went ahead on purpose (R24). */
  | { type: 'separation_overridden'; action: CaseActionType; reason: string; relations: number }
  /** A sibling or accompanying adult link was removed: who is the event's actor, why is here. */
  | { type: 'relation_removed'; kind: 'child' | 'adult'; relationship: string; relatedChildId: string | null; reason: string };

/** A consent as logged: the child's age at the time is added when it is recorded. */
export type LoggedConsent = Extract<CaseActionInput, { type: 'consent_recorded' }> & { childAgeAtTime?: number | null };

export type CaseEventData = Exclude<CaseActionInput, { type: 'consent_recorded' }> | LoggedConsent | SystemAction;
export type CaseEventType = CaseEventData['type'];

/** One entry of a case's log as stored (the data is sealed at rest). */
export interface CaseEvent<D extends CaseEventData = CaseEventData> {
  seq: number;
  /** When it happened; deadlines run from here. */
  at: string;
  /** When it was entered, if later than `at` (recorded after field work, say). */
  recordedAt?: string;
  actorUserId: string | null;
  data: D;
}

export const CaseEventView = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: IsoDateTime,
  recordedAt: IsoDateTime.optional(),
  actorUserId: Uuid.nullable(),
  /** Absent when the reader's role may not see this kind of entry (the entry itself stays visible). */
  data: z.record(z.string(), z.unknown()).optional(),
  redacted: z.boolean(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

/** Assigns ids to new plan goals and actions, keeping the ones the client sent. */
export function withPlanIds(
  input: Extract<CaseActionInput, { type: 'case_plan_recorded' }>,
  newId: () => string,
): Extract<CaseActionInput, { type: 'case_plan_recorded' }> {
  return {
    ...input,
    goals: input.goals.map((g) => ({ ...g, id: g.id ?? newId() })),
    actions: input.actions.map((a) => ({ ...a, id: a.id ?? newId() })),
  };
}
