import {
  type CaseEvent,
  type CaseEventData,
  type CaseState,
  type CaseTask,
  effectiveStatus,
  type FieldGroup,
  nextDue,
} from '@haven/domain';
import type { Insertable } from 'kysely';
import type { SealedField } from '../../crypto/envelope.ts';
import type { CaseEventTable, CaseTaskTable } from '../schema.ts';
import { nothingDue, openValue, sealValue } from './childRecord.ts';

export function eventAad(childId: string, seq: number): string {
  return `child:${childId}:event:${seq}`;
}

/** Notes that only roles allowed to see restricted notes may read (R28). */
const restrictedNoteCategories = new Set(['trafficking_testimony', 'health', 'legal']);

/** The field group a reader must see to read an entry of the log; null: anyone who reads the case. */
export function eventFieldGroup(data: CaseEventData): FieldGroup | null {
  switch (data.type) {
    case 'screened':
    case 'assessment_recorded':
    case 'family_contact_reviewed':
      return 'protection_details';
    case 'note_added':
      return restrictedNoteCategories.has(data.category) ? 'restricted_notes' : null;
    case 'consent_recorded':
    case 'age_assessment_recorded':
      return 'identity';
    default:
      return null;
  }
}

export interface CaseRef {
  jurisdiction: string;
  id: string;
  agency_id: string;
  team_id: string | null;
}

export function eventRow(key: () => Buffer, ref: CaseRef, event: CaseEvent): Insertable<CaseEventTable> {
  return {
    jurisdiction: ref.jurisdiction,
    child_id: ref.id,
    seq: event.seq,
    type: event.data.type,
    occurred_at: new Date(event.at),
    recorded_at: new Date(event.recordedAt ?? event.at),
    actor_user_id: event.actorUserId,
    field_group: eventFieldGroup(event.data),
    data: JSON.stringify(sealValue(key, eventAad(ref.id, event.seq), event.data)),
  };
}

export function openEvent(
  key: () => Buffer,
  childId: string,
  row: { seq: number; occurred_at: Date; recorded_at: Date; actor_user_id: string | null; data: unknown },
): CaseEvent {
  return {
    seq: row.seq,
    at: row.occurred_at.toISOString(),
    ...(row.recorded_at.getTime() !== row.occurred_at.getTime() ? { recordedAt: row.recorded_at.toISOString() } : {}),
    actorUserId: row.actor_user_id,
    data: openValue(key, eventAad(childId, row.seq), row.data as SealedField) as CaseEventData,
  };
}

export interface CaseColumns {
  status: string;
  workflow_step: string;
  risk_level: string | null;
  urgent: boolean;
  next_due_at: Date;
  owner_user_id: string | null;
  pending_transfer_to: string | null;
  care_status: string | null;
  stage: string | null;
  first_contact_at: Date | null;
  referred_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
  merged_into: string | null;
  event_seq: number;
}

/** The case's derived columns on the child row. */
export function caseColumns(state: CaseState, tasks: readonly CaseTask[]): CaseColumns {
  return {
    status: effectiveStatus(state),
    workflow_step: state.step,
    risk_level: state.riskLevel,
    urgent: state.urgent,
    next_due_at: nextDue(tasks) ?? nothingDue,
    owner_user_id: state.assignedUserId,
    pending_transfer_to: state.pendingTransferTo,
    care_status: state.careStatus,
    stage: state.stage,
    first_contact_at: state.firstContactAt ? new Date(state.firstContactAt) : null,
    referred_at: state.referredAt ? new Date(state.referredAt) : null,
    opened_at: state.openedAt ? new Date(state.openedAt) : null,
    closed_at: state.closedAt ? new Date(state.closedAt) : null,
    merged_into: state.mergedInto,
    event_seq: state.lastSeq,
  };
}

/** Who a task falls to, resolved to a user where there is one; supervisors' tasks have none. */
export function taskRows(ref: CaseRef, state: CaseState, tasks: readonly CaseTask[]): Insertable<CaseTaskTable>[] {
  return tasks.map((task) => ({
    jurisdiction: ref.jurisdiction,
    child_id: ref.id,
    kind: task.kind,
    ref: task.ref,
    due_at: task.dueAt,
    visible_from: task.visibleFrom,
    assignee_user_id: task.for.kind === 'user' ? task.for.userId : task.for.kind === 'caseworker' ? state.assignedUserId : null,
    for_supervisor: task.for.kind === 'supervisor' || (task.for.kind === 'caseworker' && !state.assignedUserId),
    agency_id: ref.agency_id,
    team_id: ref.team_id,
    risk_level: state.riskLevel,
  }));
}
