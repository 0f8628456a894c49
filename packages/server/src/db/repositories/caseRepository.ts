import {
  type Action,
  actionAvailable,
  actionPermission,
  ageAfterAssessment,
  ageInYears,
  type CaseActionInput,
  type CaseActionType,
  type CaseEventData,
  type CaseEventView,
  type CasePolicy,
  type CaseTask,
  type CaseView,
  caseTasks,
  consentFor,
  consentScopes,
  effectiveStatus,
  fieldAccess,
  HavenError,
  occurredAtWithin,
  refuseAction,
  withPlanIds,
  workflowTable,
} from '@haven/domain';
import type { Updateable } from 'kysely';
import { uuidv7 } from '../ids.ts';
import type { ChildTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, can, requirePrincipal } from './access.ts';
import { ageOf, appendEvents, caseworkerAgency, type LoadedCase, loadCase, replayCase, teamOnAssignment } from './caseLog.ts';
import { readCasePage } from './casePage.ts';
import { eventFieldGroup } from './caseProjection.ts';
import { childInScope } from './childInScope.ts';
import { type ChildRow, caseSummary, profileOf } from './childRecord.ts';
import { guarded, refuseWith } from './guardRefusals.ts';
import { notificationRepository } from './notificationRepository.ts';
import { photoRepository } from './photoRepository.ts';
import { relationRepository, relationViews, type StoredRelation } from './relationRepository.ts';

const hours = (from: string | null, to: string | null) =>
  from && to ? Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 10) / 10 : null;

/** Actions that move a child away from the people they came with (R24): confirmed explicitly when such links exist. */
function separates(action: CaseActionInput): boolean {
  switch (action.type) {
    case 'stage_changed':
      return true;
    case 'care_status_changed':
      return action.careStatus === 'unaccompanied' || action.careStatus === 'separated';
    case 'closure_requested':
      return action.reason === 'transferred' || action.reason === 'repatriated';
    default:
      return false;
  }
}

export function taskView(task: CaseTask, assignee: string | null, now: Date) {
  return {
    kind: task.kind,
    ref: task.ref,
    dueAt: task.dueAt.toISOString(),
    overdue: task.dueAt < now,
    for: task.for.kind,
    userId: task.for.kind === 'user' ? task.for.userId : task.for.kind === 'caseworker' ? assignee : null,
  };
}

/**
 * Case management on a child's record: the case page and the actions recorded on it. Every call
 * is checked against the actor's policy and scope, the workflow table and the case's safeguards,
 * and audited in the same transaction.
 */
export function caseRepository(uow: UnitOfWork, policy: CasePolicy) {
  const notices = notificationRepository(uow);

  function childAge(loaded: LoadedCase): number | null {
    return ageInYears(ageOf(loaded), uow.now);
  }

  /**
   * The profile change an approved age assessment makes: the only way an assessment concludes
   * (and child status can end) on the record (ADR 0017).
   */
  function concludedAge(loaded: LoadedCase, input: CaseActionInput): Updateable<ChildTable> {
    const assessment = loaded.state.ageAssessment;
    if (input.type !== 'approval_decided' || input.subject !== 'age_assessment' || input.decision !== 'approved' || !assessment) return {};
    const { birthDate: _sealed, ...age } = ageAfterAssessment(ageOf(loaded), assessment);
    return { profile: JSON.stringify({ ...profileOf(loaded.row), age }), version: loaded.row.version + 1 };
  }

  /** The actions this user could record on the case now: permitted to them and possible in its state. */
  function allowedActions(loaded: LoadedCase): CaseActionType[] {
    const userId = requirePrincipal(uow).userId;
    return workflowTable[effectiveStatus(loaded.state)].filter((type) => {
      const [, verb] = actionPermission[type].split(':') as [string, Action];
      return can(uow, verb, 'case') && actionAvailable(loaded.state, type, userId);
    });
  }

  /** The page of a case already loaded in this transaction (after an action): links and user names read here. */
  async function viewAfterAction(loaded: LoadedCase, read: Allowed): Promise<CaseView> {
    const page = await readCasePage(uow, loaded.row.id, { ...read, rows: { kind: 'all' } }, false);
    return view(loaded, read, page?.links ?? [], page?.users ?? {});
  }

  function view(loaded: LoadedCase, read: Allowed, links: readonly StoredRelation[], users: Record<string, string>): CaseView {
    const { row, state } = loaded;
    const age = childAge(loaded);
    const seesGroup = (group: ReturnType<typeof eventFieldGroup>) => group === null || fieldAccess(read, group) !== 'hidden';
    const events: CaseEventView[] = loaded.events.map((event) => {
      const base = {
        seq: event.seq,
        type: event.data.type,
        at: event.at,
        actorUserId: event.actorUserId,
        ...(event.recordedAt ? { recordedAt: event.recordedAt } : {}),
      };
      if (!seesGroup(eventFieldGroup(event.data))) return { ...base, redacted: true };
      const { type: _type, ...data } = event.data;
      return { ...base, data, redacted: false };
    });
    const tasks = caseTasks(state, policy, loaded.birthDate).filter((t) => !t.visibleFrom || t.visibleFrom <= uow.now);
    const relations = relationViews(uow.keys, row, read, links);
    return {
      childId: row.id,
      reference: row.reference,
      jurisdiction: row.jurisdiction,
      agencyId: row.agency_id,
      teamId: row.team_id,
      summary: caseSummary(row, uow.now),
      assignedUserId: state.assignedUserId,
      pendingTransferTo: state.pendingTransferTo,
      typology: row.typology as CaseView['typology'],
      careStatus: state.careStatus,
      stage: state.stage,
      riskLevel: state.riskLevel,
      familyComplicit: state.familyComplicit,
      familyContact: state.familyContact,
      ...(seesGroup('protection_details') ? { indicators: state.indicators } : {}),
      screenedAt: state.screenedAt,
      firstActionAt: state.firstActionAt,
      closureReason: state.closureReason,
      promptness: {
        contactToReferralHours: hours(state.firstContactAt, state.referredAt),
        referralToOpeningHours: hours(state.referredAt, state.openedAt),
        contactToReferralLate: (hours(state.firstContactAt, state.referredAt) ?? 0) > policy.contactToReferralHours,
        referralToOpeningLate: (hours(state.referredAt, state.openedAt ?? uow.now.toISOString()) ?? 0) > policy.referralToOpeningHours,
      },
      approvals: state.approvals,
      assessment: state.assessment ? { kind: state.assessment.kind, at: state.assessment.at } : null,
      plan: state.casePlan ? { at: state.casePlan.at, goals: state.casePlan.goals, actions: state.casePlan.actions } : null,
      careStatusHistory: state.careStatusHistory,
      stageHistory: state.stageHistory,
      consents: {
        records: state.consents.map(({ seq, scopes, givenBy, kind, date, childAgeAtTime, withdrawn }) => ({
          seq,
          scopes,
          givenBy,
          kind,
          date,
          childAgeAtTime,
          withdrawn,
        })),
        byScope: Object.fromEntries(
          consentScopes.map((scope) => [scope, consentFor(state, scope, age, policy)]),
        ) as CaseView['consents']['byScope'],
      },
      tasks: tasks.map((t) => taskView(t, state.assignedUserId, uow.now)),
      allowedActions: allowedActions(loaded),
      relations,
      mergedInto: state.mergedInto,
      mergedFrom: state.mergedFrom,
      users,
      events,
    };
  }

  /**
   * An action recorded after the fact: not in the future, not before the case's latest entry (the
   * log stays in order), and not further back than the policy allows.
   */
  function backdated(at: Date, loaded: LoadedCase): Date {
    const latest = loaded.events.at(-1)?.at;
    const accepted = occurredAtWithin(at, uow.now, policy, latest ? Date.parse(latest) : 0);
    if (!accepted)
      throw new HavenError('validation_failed', { field: 'occurredAt', notBefore: latest ?? null, backdateDays: policy.backdateDays });
    return accepted;
  }

  /** A caseworker who can take the case: active, in the case's agency, with case work in their role. */
  async function assertAssignable(userId: string, row: ChildRow): Promise<void> {
    if ((await caseworkerAgency(uow, userId)) !== row.agency_id) throw new HavenError('invalid_assignee');
  }

  async function notifyFor(loaded: LoadedCase, action: CaseActionInput, seq: number) {
    const { row, state } = loaded;
    const child = { jurisdiction: row.jurisdiction, id: row.id };
    const key = `${row.id}:${seq}`;
    switch (action.type) {
      case 'assigned':
        return notices.notify([action.userId], 'case_assigned', child, key);
      case 'opened':
        return notices.notify([state.assignedUserId], 'case_assigned', child, key);
      case 'transfer_requested':
        return notices.notify([action.toUserId], 'transfer_requested', child, key);
      case 'transfer_accepted':
      case 'transfer_declined':
        return notices.notify(await notices.supervisorsOf(row.agency_id, row.team_id), 'transfer_answered', child, key);
      case 'approval_requested':
      case 'closure_requested':
      case 'age_assessment_recorded':
        return notices.notify(await notices.supervisorsOf(row.agency_id, row.team_id), 'approval_requested', child, key);
      case 'approval_decided':
        return notices.notify([state.assignedUserId], 'approval_decided', child, key);
      default:
        return undefined;
    }
  }

  /** Checks and records an action on a loaded, locked case; any refusal is audited by the caller. */
  async function record(
    loaded: LoadedCase,
    input: CaseActionInput,
    read: Allowed,
    separationOverride: { reason: string } | undefined,
    occurredAt: string | undefined,
  ): Promise<CaseView> {
    const principal = requirePrincipal(uow);
    const id = loaded.row.id;
    const age = ageOf(loaded);
    refuseWith(
      refuseAction({
        state: loaded.state,
        input,
        actorUserId: principal.userId,
        childAge: ageInYears(age, uow.now),
        age,
        policy,
        now: uow.now,
      }),
    );
    if (input.type === 'assigned') await assertAssignable(input.userId, loaded.row);
    if (input.type === 'transfer_requested') await assertAssignable(input.toUserId, loaded.row);
    if (input.type === 'opened' && !loaded.state.assignedUserId) await assertAssignable(principal.userId, loaded.row);
    const separation: CaseEventData[] = [];
    if (separates(input)) {
      const together = await relationRepository(uow).together(loaded.row);
      if (together.length > 0 && !separationOverride)
        throw new HavenError('separation_warning', { relations: together.length, with: together });
      if (together.length > 0 && separationOverride)
        separation.push({
          type: 'separation_overridden',
          action: input.type,
          reason: separationOverride.reason,
          relations: together.length,
        });
    }
    const data: CaseEventData =
      input.type === 'case_plan_recorded'
        ? withPlanIds(input, () => uuidv7(uow.now.getTime()).slice(-12))
        : input.type === 'consent_recorded'
          ? { ...input, childAgeAtTime: childAge(loaded) }
          : input;
    const assignee =
      input.type === 'assigned'
        ? input.userId
        : input.type === 'transfer_accepted' || (input.type === 'opened' && !loaded.state.assignedUserId)
          ? principal.userId
          : null;
    const changes = { ...(assignee ? await teamOnAssignment(uow, loaded.row, assignee) : {}), ...concludedAge(loaded, input) };
    const at = occurredAt ? backdated(new Date(occurredAt), loaded) : uow.now;
    let after = await appendEvents(uow, loaded, [...separation, data], policy, changes, loaded.birthDate, at);
    if (input.type === 'consent_withdrawn') after = await photoRepository(uow, policy).eraseWithoutConsent(after);
    await notifyFor(after, input, after.state.lastSeq);
    uow.audit({
      jurisdiction: loaded.row.jurisdiction,
      action: input.type,
      resource: 'case',
      recordId: id,
      changedFields: Object.keys(input).filter((k) => k !== 'type'),
    });
    return viewAfterAction(after, read);
  }

  return {
    async view(id: string): Promise<CaseView> {
      const read = authorize(uow, 'read', 'child', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: id });
      const page =
        (await readCasePage(uow, id, read)) ??
        (await childInScope(uow, id, read, { action: 'read', resource: 'case' }).then(() => undefined));
      if (!page) throw new HavenError('not_found');
      uow.audit({ jurisdiction: page.row.jurisdiction, action: 'read', resource: 'case', recordId: id, changedFields: [] });
      return view(replayCase(uow, page.row, page.log), read, page.links, page.users);
    },

    async act(id: string, input: CaseActionInput, separationOverride?: { reason: string }, occurredAt?: string): Promise<CaseView> {
      const principal = requirePrincipal(uow);
      const [, verb] = actionPermission[input.type].split(':') as [string, Action];
      const audit = { jurisdiction: principal.jurisdiction, recordId: id };
      const read = authorize(uow, 'read', 'child', audit);
      const decision = authorize(uow, verb, 'case', audit);
      const loaded = await loadCase(uow, await childInScope(uow, id, decision, { action: 'read', resource: 'case', lock: true }));
      const attempt = { jurisdiction: loaded.row.jurisdiction, action: input.type, resource: 'case', recordId: id };
      return guarded(uow, attempt, () => record(loaded, input, read, separationOverride, occurredAt));
    },
  };
}
