import type { CaseTask, TaskItem, TaskListQuery } from '@haven/domain';
import { sql } from 'kysely';
import type { UnitOfWork } from '../unitOfWork.ts';
import { authorize, requirePrincipal, rowScopeFilter } from './access.ts';
import { visibleName } from './childRecord.ts';

/**
 * Work lists over many cases: a user's tasks (overdue first), a supervisor's alerts and approval
 * queue, and caseloads per caseworker. All read the derived tables, never the logs.
 */
export function caseQueries(uow: UnitOfWork) {
  const { tx } = uow;

  return {
    async tasks(query: TaskListQuery): Promise<TaskItem[]> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      let select = tx
        .selectFrom('case_task as t')
        .innerJoin('child', (join) => join.onRef('child.jurisdiction', '=', 't.jurisdiction').onRef('child.id', '=', 't.child_id'))
        .leftJoin('app_user as owner', 'owner.id', 'child.owner_user_id')
        .select([
          't.kind',
          't.ref',
          't.due_at',
          't.assignee_user_id',
          't.for_supervisor',
          'child.id',
          'child.reference',
          'child.sensitive',
          'child.risk_level',
          'child.owner_user_id',
          'owner.display_name as owner_name',
        ])
        .where(rowScopeFilter('child', decision.rows))
        .where((eb) => eb.or([eb('t.visible_from', 'is', null), eb('t.visible_from', '<=', uow.now)]))
        .orderBy('t.due_at')
        .limit(query.limit);
      select =
        query.view === 'mine'
          ? select.where('t.assignee_user_id', '=', principal.userId)
          : select.where((eb) => eb.or([eb('t.for_supervisor', '=', true), eb('t.due_at', '<', uow.now)]));
      if (query.kind) select = select.where('t.kind', 'in', query.kind);
      if (query.overdue !== undefined) select = select.where('t.due_at', query.overdue ? '<' : '>=', uow.now);
      const rows = await select.execute();
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'list', resource: 'case', recordId: null, changedFields: [] });
      return rows.map((r) => {
        const forKind: CaseTask['for']['kind'] = r.for_supervisor
          ? 'supervisor'
          : r.assignee_user_id === r.owner_user_id
            ? 'caseworker'
            : 'user';
        return {
          childId: r.id,
          reference: r.reference,
          ...visibleName(uow.keys, decision, r),
          riskLevel: r.risk_level as TaskItem['riskLevel'],
          assignedUserId: r.owner_user_id,
          assignedUserName: r.owner_name,
          task: {
            kind: r.kind as TaskItem['task']['kind'],
            ref: r.ref,
            dueAt: r.due_at.toISOString(),
            overdue: r.due_at < uow.now,
            for: forKind,
            userId: r.assignee_user_id,
          },
        };
      });
    },

    /** Open cases, overdue and high-risk counts per caseworker in the actor's scope. */
    async caseloads() {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      const rows = await tx
        .selectFrom('child')
        .innerJoin('app_user as u', 'u.id', 'child.owner_user_id')
        .select([
          'child.owner_user_id as userId',
          'u.display_name as displayName',
          sql<string>`count(*)`.as('open'),
          sql<string>`count(*) FILTER (WHERE child.next_due_at < ${uow.now})`.as('overdue'),
          sql<string>`count(*) FILTER (WHERE child.risk_level = 'high')`.as('highRisk'),
        ])
        .where(rowScopeFilter('child', decision.rows))
        .where('child.status', '=', 'open')
        .groupBy(['child.owner_user_id', 'u.display_name'])
        .orderBy(sql`count(*) FILTER (WHERE child.next_due_at < ${uow.now})`, 'desc')
        .execute();
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'list', resource: 'case', recordId: null, changedFields: [] });
      return rows.map((r) => ({
        userId: r.userId ?? '',
        displayName: r.displayName,
        open: Number(r.open),
        overdue: Number(r.overdue),
        highRisk: Number(r.highRisk),
      }));
    },
  };
}
