import {
  type AgeInfo,
  applyEvent,
  type CaseEvent,
  type CaseEventData,
  type CasePolicy,
  type CaseState,
  type CaseTask,
  caseTasks,
  emptyCaseState,
  foldCase,
} from '@haven/domain';
import type { Insertable, Updateable } from 'kysely';
import { insertRows } from '../insertRows.ts';
import type { ChildTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type CaseColumns, type CaseRef, caseColumns, eventRow, openEvent, taskRows } from './caseProjection.ts';
import { type ChildRow, profileOf, readSealed, recordKey } from './childRecord.ts';

/** A case with its log replayed: the row as read, its data key, every event and the derived state. */
export interface LoadedCase {
  row: ChildRow;
  key: () => Buffer;
  events: CaseEvent[];
  state: CaseState;
  birthDate: string | null;
}

export function birthDateOf(uow: UnitOfWork, row: ChildRow, key = recordKey(uow.keys, row.id, row.sensitive as Record<string, unknown>)) {
  return (readSealed(key, row.id, row.sensitive as Record<string, unknown>, 'birthDate') as string | null) ?? null;
}

/** What the record says of the child's age, with its sealed date of birth. */
export function ageOf(loaded: Pick<LoadedCase, 'row' | 'birthDate'>): AgeInfo {
  return { ...profileOf(loaded.row).age, birthDate: loaded.birthDate };
}

/** Reads and decrypts a case's log. The caller has locked the row when it is going to append. */
export async function loadCase(uow: UnitOfWork, row: ChildRow): Promise<LoadedCase> {
  const rows = await uow.tx
    .selectFrom('case_event')
    .select(['seq', 'occurred_at', 'recorded_at', 'actor_user_id', 'data'])
    .where('jurisdiction', '=', row.jurisdiction)
    .where('child_id', '=', row.id)
    .orderBy('seq')
    .execute();
  return replayCase(uow, row, rows);
}

export type StoredEvent = Parameters<typeof openEvent>[2];

/** Decrypts log rows already read (in seq order) and replays them. */
export function replayCase(uow: UnitOfWork, row: ChildRow, rows: readonly StoredEvent[]): LoadedCase {
  const key = recordKey(uow.keys, row.id, row.sensitive as Record<string, unknown>);
  const events = rows.map((r) => openEvent(key, row.id, r));
  return { row, key, events, state: foldCase(events), birthDate: birthDateOf(uow, row, key) };
}

function newEvents(
  uow: UnitOfWork,
  state: CaseState,
  datas: readonly CaseEventData[],
  occurredAt: Date = uow.now,
): { events: CaseEvent[]; state: CaseState } {
  const events: CaseEvent[] = [];
  let next = state;
  for (const data of datas) {
    const event: CaseEvent = {
      seq: next.lastSeq + 1,
      at: occurredAt.toISOString(),
      ...(occurredAt.getTime() !== uow.now.getTime() ? { recordedAt: uow.now.toISOString() } : {}),
      actorUserId: uow.actor.principal?.userId ?? null,
      data,
    };
    next = applyEvent(next, event);
    events.push(event);
  }
  return { events, state: next };
}

/**
 * The team a case belongs to once a caseworker takes it: unchanged when it is one of theirs,
 * otherwise their first team, so their supervisor sees it (a referral has no team yet).
 */
export async function teamOnAssignment(uow: UnitOfWork, row: ChildRow, assigneeId: string): Promise<Updateable<ChildTable>> {
  const teams = await uow.tx.selectFrom('user_team').select('team_id').where('user_id', '=', assigneeId).orderBy('team_id').execute();
  const ids = teams.map((t) => t.team_id);
  if (ids.length === 0 || (row.team_id !== null && ids.includes(row.team_id))) return {};
  return { team_id: ids[0] ?? null };
}

/**
 * The agency of a user who can take cases (active, with case work in their role, never an
 * enforcement role), or null: the check behind assignment, transfer and bulk reassignment.
 */
export async function caseworkerAgency(uow: UnitOfWork, userId: string): Promise<string | null> {
  const user = await uow.tx
    .selectFrom('app_user as u')
    .innerJoin('role as r', 'r.id', 'u.role_id')
    .select(['u.active', 'u.agency_id', 'r.permissions', 'r.category'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  const ok = user?.active && user.permissions.includes('case:work') && user.category !== 'immigration_enforcement';
  return ok ? user.agency_id : null;
}

/**
 * The writes of a new case: the child row with its derived columns, its first events and tasks.
 * Reads nothing, so a registration can go to the database as one statement.
 */
export async function writeNewCase(
  uow: UnitOfWork,
  row: Omit<Insertable<ChildTable>, keyof CaseColumns> & CaseRef,
  key: () => Buffer,
  datas: readonly CaseEventData[],
  policy: CasePolicy,
  birthDate: string | null,
  occurredAt: Date = uow.now,
): Promise<CaseColumns> {
  const { events, state } = newEvents(uow, emptyCaseState(), datas, occurredAt);
  const tasks = caseTasks(state, policy, birthDate);
  const columns = caseColumns(state, tasks);
  await uow.write(insertRows(uow.tx, 'child', [{ ...row, ...columns }]));
  await uow.write(
    insertRows(
      uow.tx,
      'case_event',
      events.map((e) => eventRow(key, row, e)),
    ),
  );
  const rows = taskRows(row, state, tasks);
  if (rows.length > 0) await uow.write(insertRows(uow.tx, 'case_task', rows));
  return columns;
}

/** Rewrites a loaded (and locked) case's derived deadline and tasks under a new policy table. */
export async function recomputeTasks(uow: UnitOfWork, loaded: LoadedCase, policy: CasePolicy): Promise<void> {
  const { row, state } = loaded;
  const tasks = caseTasks(state, policy, loaded.birthDate);
  await uow.tx
    .updateTable('child')
    .set({ next_due_at: caseColumns(state, tasks).next_due_at })
    .where('jurisdiction', '=', row.jurisdiction)
    .where('id', '=', row.id)
    .execute();
  await rewriteTasks(uow, row, state, tasks);
}

async function rewriteTasks(uow: UnitOfWork, ref: CaseRef, state: CaseState, tasks: readonly CaseTask[]): Promise<void> {
  await uow.tx.deleteFrom('case_task').where('jurisdiction', '=', ref.jurisdiction).where('child_id', '=', ref.id).execute();
  const rows = taskRows(ref, state, tasks);
  if (rows.length > 0) await insertRows(uow.tx, 'case_task', rows).execute();
}

/**
 * Appends actions to a loaded (and locked) case: new events, the derived columns, the tasks
 * rewritten. `rowChanges` carries profile changes written with them in the same update.
 */
export async function appendEvents(
  uow: UnitOfWork,
  loaded: LoadedCase,
  datas: readonly CaseEventData[],
  policy: CasePolicy,
  rowChanges: Updateable<ChildTable> = {},
  birthDate: string | null = loaded.birthDate,
  occurredAt: Date = uow.now,
): Promise<LoadedCase> {
  const { row, key } = loaded;
  const { events, state } = newEvents(uow, loaded.state, datas, occurredAt);
  const ref: CaseRef = { ...row, team_id: rowChanges.team_id !== undefined ? rowChanges.team_id : row.team_id };
  const tasks = caseTasks(state, policy, birthDate);
  const columns = {
    ...rowChanges,
    ...caseColumns(state, tasks),
    updated_at: uow.now,
    updated_by: uow.actor.principal?.userId ?? row.updated_by,
  };
  const updated = await uow.tx
    .updateTable('child')
    .set(columns)
    .where('jurisdiction', '=', row.jurisdiction)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (events.length > 0)
    await insertRows(
      uow.tx,
      'case_event',
      events.map((e) => eventRow(key, row, e)),
    ).execute();
  await rewriteTasks(uow, ref, state, tasks);
  return { row: updated, key, events: [...loaded.events, ...events], state, birthDate };
}
