import { z } from 'zod';
import { CaseSummary, Child } from '../schemas/child.ts';
import { IsoDate, IsoDateTime, Uuid } from '../schemas/common.ts';
import { CaseActionInput, CaseEventView } from './actions.ts';
import {
  ApprovalSubject,
  CareStatus,
  ClosureReason,
  ConsentGiver,
  ConsentScope,
  consentScopes,
  MigrationStage,
  NeedsDomain,
  PlanActionStatus,
  Relationship,
  RiskLevel,
  ServiceType,
  Typology,
} from './codes.ts';
import { taskKinds } from './tasks.ts';

export const TaskKindSchema = z.enum(taskKinds);

/** What an in-app notification is about; its text is the reader's language, its subject a case reference. */
export const notificationKinds = [
  'case_assigned',
  'transfer_requested',
  'transfer_answered',
  'approval_requested',
  'approval_decided',
  'referral_received',
  'task_overdue',
  'duplicate_review_requested',
  'duplicate_review_decided',
  /** A four-eyes access change was requested, or decided (oversight and audit users; ADR 0015). */
  'access_change_requested',
  'access_change_decided',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const CaseTaskView = z.object({
  kind: TaskKindSchema,
  ref: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  for: z.enum(['caseworker', 'user', 'supervisor']),
  userId: Uuid.nullable(),
});
export type CaseTaskView = z.infer<typeof CaseTaskView>;

const ApprovalView = z.object({
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: Uuid.nullable(),
});

const ConsentCheckView = z.object({
  valid: z.boolean(),
  basis: z.enum(['consent', 'best_interests_override']).optional(),
  missing: z.array(z.enum(['child_assent', 'child_consent', 'adult_consent'])).optional(),
});

export const RelationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('child'), relatedChildId: Uuid, relationship: Relationship }),
  z.object({
    kind: z.literal('adult'),
    relationship: Relationship,
    accompanying: z.boolean(),
    name: z.string().trim().min(1).max(200).optional(),
    contact: z.string().trim().max(200).optional(),
  }),
]);
export type RelationInput = z.infer<typeof RelationInput>;

export const RelationView = z.object({
  id: Uuid,
  kind: z.enum(['child', 'adult']),
  relationship: Relationship,
  accompanying: z.boolean(),
  relatedChildId: Uuid.nullable(),
  relatedReference: z.string().nullable(),
  name: z.string().nullable().optional(),
  contact: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type RelationView = z.infer<typeof RelationView>;

/** Everything the case page shows, as the reader's role may see it. */
export const CaseView = z.object({
  childId: Uuid,
  reference: z.string(),
  jurisdiction: z.string(),
  agencyId: Uuid,
  teamId: Uuid.nullable(),
  summary: CaseSummary,
  assignedUserId: Uuid.nullable(),
  pendingTransferTo: Uuid.nullable(),
  typology: z.array(Typology),
  careStatus: CareStatus.nullable(),
  stage: MigrationStage.nullable(),
  riskLevel: RiskLevel.nullable(),
  familyComplicit: z.boolean(),
  familyContact: z.enum(['not_required', 'review_required', 'cleared', 'not_cleared']),
  indicators: z.array(z.string()).optional(),
  screenedAt: z.string().nullable(),
  firstActionAt: z.string().nullable(),
  closureReason: ClosureReason.nullable(),
  promptness: z.object({
    contactToReferralHours: z.number().nullable(),
    referralToOpeningHours: z.number().nullable(),
    contactToReferralLate: z.boolean(),
    referralToOpeningLate: z.boolean(),
  }),
  approvals: z.partialRecord(ApprovalSubject, ApprovalView),
  assessment: z.object({ kind: z.enum(['initial', 'comprehensive']), at: z.string() }).nullable(),
  plan: z
    .object({
      at: z.string(),
      goals: z.array(z.object({ id: z.string(), domain: NeedsDomain, description: z.string() })),
      actions: z.array(
        z.object({
          id: z.string(),
          goalId: z.string().nullable(),
          service: ServiceType,
          description: z.string().nullable(),
          provider: z.string().nullable(),
          responsibleUserId: Uuid.nullable(),
          dueDate: IsoDate,
          status: PlanActionStatus,
        }),
      ),
    })
    .nullable(),
  careStatusHistory: z.array(z.object({ careStatus: CareStatus, since: z.string() })),
  stageHistory: z.array(z.object({ stage: MigrationStage, country: z.string().nullable(), since: z.string() })),
  consents: z.object({
    records: z.array(
      z.object({
        seq: z.number().int(),
        scopes: z.array(ConsentScope),
        givenBy: ConsentGiver,
        kind: z.enum(['consent', 'assent']),
        date: z.string(),
        childAgeAtTime: z.number().nullable(),
        withdrawn: z.array(ConsentScope),
      }),
    ),
    byScope: z.record(z.enum(consentScopes), ConsentCheckView),
  }),
  tasks: z.array(CaseTaskView),
  allowedActions: z.array(z.string()),
  relations: z.array(RelationView),
  mergedInto: Uuid.nullable(),
  mergedFrom: z.array(Uuid),
  /** Display names of the users the page mentions (actors, assignee), by id. */
  users: z.record(z.string(), z.string()),
  events: z.array(CaseEventView),
});
export type CaseView = z.infer<typeof CaseView>;

/** The body of `POST /children/:id/actions`. */
export const CaseActionRequest = z.object({
  action: CaseActionInput,
  /**
   * Goes ahead with an action that separates the child from siblings or accompanying adults (R24):
   * the reason is logged on the case as a `separation_overridden` entry.
   */
  separationOverride: z.object({ reason: z.string().trim().min(1).max(2_000) }).optional(),
  /** When it happened, if it is recorded later (after field work, say): deadlines run from then. */
  occurredAt: IsoDateTime.optional(),
});
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

export const TaskListQuery = z.object({
  view: z.enum(['mine', 'supervision']).default('mine'),
  kind: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(TaskKindSchema).min(1).max(20)).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskItem = z.object({
  childId: Uuid,
  reference: z.string(),
  /** Absent when no name is recorded or the role hides identity (`nameHidden`). */
  displayName: z.string().optional(),
  nameHidden: z.boolean(),
  riskLevel: RiskLevel.nullable(),
  assignedUserId: Uuid.nullable(),
  assignedUserName: z.string().nullable(),
  task: CaseTaskView,
});
export type TaskItem = z.infer<typeof TaskItem>;

export const CaseloadRow = z.object({
  userId: Uuid,
  displayName: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  highRisk: z.number().int(),
});

export const ReassignInput = z.object({
  childIds: z.array(Uuid).min(1).max(200),
  toUserId: Uuid,
  note: z.string().trim().max(2_000).optional(),
});
export type ReassignInput = z.infer<typeof ReassignInput>;

/** The body of `DELETE /children/:id/relations/:relationId`: why the link goes (logged on the case). */
export const RelationRemoval = z.object({ reason: z.string().trim().min(1).max(2_000) });

export const MergeInput = z.object({ intoId: Uuid, note: z.string().trim().max(2_000).optional() });

/** A possible duplicate inside the searcher's row scope: the record as their field rules show it. */
export const DuplicateInScope = z.object({
  scope: z.literal('record'),
  childId: Uuid,
  reference: z.string(),
  /** Absent when the searcher's role hides identity. */
  displayName: z.string().optional(),
  nameHidden: z.boolean().optional(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  nationality: z.array(z.string()),
  status: z.string(),
  score: z.number(),
  likelihood: z.enum(['likely', 'possible']),
  reasons: z.array(z.object({ field: z.string(), effect: z.string(), detail: z.string() })),
});

/**
 * A possible duplicate elsewhere in the jurisdiction, outside the searcher's row scope: no personal
 * data, only where it is (agency), its reference and the score band; a supervisor can ask for a review.
 */
export const DuplicateElsewhere = z.object({
  scope: z.literal('reference'),
  childId: Uuid,
  reference: z.string(),
  agencyId: Uuid,
  agencyName: z.string(),
  likelihood: z.enum(['likely', 'possible']),
});

export type DuplicateInScope = z.infer<typeof DuplicateInScope>;
export type DuplicateElsewhere = z.infer<typeof DuplicateElsewhere>;
export const DuplicateCandidate = z.discriminatedUnion('scope', [DuplicateInScope, DuplicateElsewhere]);
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const duplicateReviewOutcomes = ['same_child', 'different_child'] as const;
export const DuplicateReviewStatus = z.enum(['open', ...duplicateReviewOutcomes]);

/** One side of a duplicate review: the record as the reader may see it, or only where it is. */
export const DuplicateReviewSide = z.object({
  childId: Uuid,
  reference: z.string(),
  agencyId: Uuid,
  agencyName: z.string(),
  /** Present when the reader may open this side (their scope, or the request shares it with them). */
  record: Child.optional(),
});

/** A request to a supervisor covering the other record to compare two possible records of one child. */
export const DuplicateReview = z.object({
  id: Uuid,
  status: DuplicateReviewStatus,
  likelihood: z.enum(['likely', 'possible']),
  requestedAt: z.string(),
  requestedBy: Uuid,
  decidedAt: z.string().nullable(),
  decidedBy: Uuid.nullable(),
  /** The record the request was made from, and the possible duplicate it asks about. */
  requesting: DuplicateReviewSide,
  other: DuplicateReviewSide,
  /** Whether the reader may record the outcome (they cover the other record and it is open). */
  canDecide: z.boolean(),
});
export type DuplicateReview = z.infer<typeof DuplicateReview>;

export const DuplicateReviewRequest = z.object({ otherId: Uuid });
export const DuplicateReviewDecision = z.object({ outcome: z.enum(duplicateReviewOutcomes) });
