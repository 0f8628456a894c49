import type { CasePolicy } from '@haven/domain';
import { globalJurisdiction } from '../audit/hash.ts';
import { bootstrapRepository } from '../db/repositories/bootstrapRepository.ts';
import { loadCase, recomputeTasks } from '../db/repositories/caseLog.ts';
import { notificationRepository } from '../db/repositories/notificationRepository.ts';
import { type DataDeps, runInTransaction } from '../db/unitOfWork.ts';
import { casePolicyKey } from '../services/casePolicyStore.ts';

const system = { principal: null, purpose: 'case_management' as const, requestId: null };

/** Tasks whose lateness also alerts the supervisors: their own, promptness, and anything high risk. */
const escalated = new Set(['open_referral', 'assign', 'first_action', 'family_contact_review']);

/**
 * Notifies overdue tasks (R13, R34): the person the task falls to, and the case's supervisors when
 * the task is theirs, concerns promptness or the first response, or the case is high risk. Each
 * overdue deadline is notified once (the notification's dedupe key holds the due date). Looks back
 * `windowDays`, so a deployment that was down catches up without re-notifying old history.
 */
export async function notifyOverdueTasks(deps: DataDeps, windowDays = 14, limit = 2_000): Promise<number> {
  return runInTransaction(deps, system, async (uow) => {
    const now = uow.now;
    const tasks = await uow.tx
      .selectFrom('case_task as t')
      .innerJoin('child as c', (join) => join.onRef('c.jurisdiction', '=', 't.jurisdiction').onRef('c.id', '=', 't.child_id'))
      .select([
        't.jurisdiction',
        't.child_id',
        't.kind',
        't.ref',
        't.due_at',
        't.assignee_user_id',
        't.for_supervisor',
        't.risk_level',
        'c.agency_id',
        'c.team_id',
      ])
      .where('t.due_at', '<', now)
      .where('t.due_at', '>=', new Date(now.getTime() - windowDays * 86_400_000))
      .orderBy('t.due_at')
      .limit(limit)
      .execute();
    const notices = notificationRepository(uow);
    const supervisors = new Map<string, string[]>();
    const supervisorsOf = async (agencyId: string, teamId: string | null) => {
      const key = `${agencyId}:${teamId}`;
      if (!supervisors.has(key)) supervisors.set(key, await notices.supervisorsOf(agencyId, teamId));
      return supervisors.get(key) ?? [];
    };
    for (const task of tasks) {
      const alertSupervisors = task.for_supervisor || escalated.has(task.kind) || task.risk_level === 'high';
      const targets = [task.assignee_user_id, ...(alertSupervisors ? await supervisorsOf(task.agency_id, task.team_id) : [])];
      const dedupe = `${task.child_id}:${task.kind}:${task.ref}:${task.due_at.toISOString()}`;
      await notices.notify(targets, 'task_overdue', { jurisdiction: task.jurisdiction, id: task.child_id }, dedupe, task.kind);
    }
    return tasks.length;
  });
}

const appliedKey = 'case.policy.applied_at';

/**
 * After the policy table changed, recomputes the deadlines and tasks of every open case from its
 * log, in batches of `batch` cases (each its own transaction), so new timelines apply to cases
 * already open, not only from their next action. Returns how many cases were recomputed.
 */
export async function applyPolicyChange(deps: DataDeps, policy: CasePolicy, batch = 500): Promise<number> {
  const settings = await deps.db
    .selectFrom('system_setting')
    .select(['key', 'updated_at', 'value'])
    .where('key', 'in', [casePolicyKey, appliedKey])
    .execute();
  const changedAt = settings.find((s) => s.key === casePolicyKey)?.updated_at;
  const applied = settings.find((s) => s.key === appliedKey)?.value;
  if (!changedAt || (typeof applied === 'string' && Date.parse(applied) >= changedAt.getTime())) return 0;
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const done = await runInTransaction(deps, system, async (uow) => {
      const rows = await uow.tx
        .selectFrom('child')
        .selectAll()
        .where('status', 'in', ['referred', 'open'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) await recomputeTasks(uow, await loadCase(uow, row), policy);
      if (rows.length > 0) {
        uow.audit({
          jurisdiction: globalJurisdiction,
          action: 'recompute_tasks',
          resource: 'case',
          recordId: null,
          changedFields: ['tasks'],
        });
      }
      return rows;
    });
    count += done.length;
    const last = done.at(-1);
    if (!last) break;
    after = last.id;
  }
  await runInTransaction(deps, system, (uow) => bootstrapRepository(uow).setSetting(appliedKey, changedAt.toISOString()));
  return count;
}
