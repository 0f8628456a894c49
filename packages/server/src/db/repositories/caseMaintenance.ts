import {
  type CaseEventData,
  type CasePolicy,
  type DuplicateCandidate,
  HavenError,
  inRowScope,
  type PersonDescriptor,
  type ReassignInput,
  type RowScope,
} from '@haven/domain';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, assertSearchable, authorize, requirePrincipal, rowScopeFilter } from './access.ts';
import { appendEvents, caseworkerAgency, loadCase, teamOnAssignment } from './caseLog.ts';
import { childInScope } from './childInScope.ts';
import type { ChildRow } from './childRecord.ts';
import { duplicateReviews } from './duplicateReviews.ts';
import { findDuplicates, ownershipOf, personDescriptor } from './duplicateSearch.ts';
import { nameKeys } from './nameKeys.ts';
import { notificationRepository } from './notificationRepository.ts';

/**
 * Work on several cases at once: bulk reassignment, possible duplicates, and the supervised merge
 * and unmerge of two records of one child (R23). A merge retires the duplicate and links the two
 * logs; nothing is copied or deleted, so an unmerge restores both exactly.
 */
export function caseMaintenance(uow: UnitOfWork, policy: CasePolicy) {
  const { tx } = uow;

  async function locked(ids: readonly string[], decision: Allowed, rows: RowScope = decision.rows): Promise<ChildRow[]> {
    // Locks in id order, so two merges of the same pair cannot deadlock.
    const found = await tx
      .selectFrom('child')
      .selectAll()
      .where('id', 'in', [...ids])
      .where(rowScopeFilter('child', rows))
      .orderBy('id')
      .forUpdate()
      .execute();
    if (found.length !== new Set(ids).size) throw new HavenError('not_found');
    return ids.map((id) => found.find((r) => r.id === id) as ChildRow);
  }

  return {
    async reassign(input: ReassignInput): Promise<number> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'assign', 'case', { jurisdiction: principal.jurisdiction, recordId: null });
      const agencyId = await caseworkerAgency(uow, input.toUserId);
      if (!agencyId) throw new HavenError('invalid_assignee');
      const rows = await locked(input.childIds, decision);
      const notices = notificationRepository(uow);
      for (const row of rows) {
        if (row.agency_id !== agencyId) throw new HavenError('invalid_assignee', { childId: row.id });
        if (row.status !== 'open' && row.status !== 'referred')
          throw new HavenError('action_not_allowed', { childId: row.id, status: row.status });
        const changes = await teamOnAssignment(uow, row, input.toUserId);
        const after = await appendEvents(
          uow,
          await loadCase(uow, row),
          [{ type: 'bulk_assigned', userId: input.toUserId }],
          policy,
          changes,
        );
        await notices.notify([input.toUserId], 'case_assigned', row, `${row.id}:${after.state.lastSeq}`);
        uow.audit({
          jurisdiction: row.jurisdiction,
          action: 'bulk_assigned',
          resource: 'case',
          recordId: row.id,
          changedFields: ['assignedUserId'],
        });
      }
      return rows.length;
    },

    /** Registered children who may be the same child as this one, across the actor's jurisdiction. */
    async duplicatesOf(id: string): Promise<DuplicateCandidate[]> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const row = await childInScope(uow, id, decision, { action: 'search', resource: 'child' });
      uow.audit({ jurisdiction: row.jurisdiction, action: 'search', resource: 'child', recordId: id, changedFields: [] });
      return findDuplicates(uow, principal, decision, personDescriptor(uow, row), row.name_keys, id);
    },

    /** Possible duplicates of a child about to be registered: a search on identity, refused to roles that hide it. */
    async duplicatesFor(subject: PersonDescriptor): Promise<DuplicateCandidate[]> {
      const principal = requirePrincipal(uow);
      const audit = { jurisdiction: principal.jurisdiction, recordId: null };
      const decision = authorize(uow, 'list', 'child', audit);
      assertSearchable(uow, decision, subject.birthDate ? ['names', 'birthDate'] : ['names'], {
        ...audit,
        action: 'search',
        resource: 'child',
      });
      uow.audit({ ...audit, action: 'search', resource: 'child', changedFields: [] });
      return findDuplicates(uow, principal, decision, subject, nameKeys(uow.keys, subject.names), null);
    },

    async merge(id: string, intoId: string, note: string | undefined): Promise<void> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'merge', 'case', { jurisdiction: principal.jurisdiction, recordId: id });
      if (id === intoId) throw new HavenError('validation_failed', { field: 'intoId' });
      // Two records no one supervisor covers merge once a supervisor covering the other found them the
      // same child (a duplicate review): the actor must still cover one of them.
      const reviewed = await duplicateReviews(uow).sameChild(id, intoId);
      const scope: RowScope = reviewed ? { kind: 'all' } : decision.rows;
      const [source, target] = (await locked([id, intoId], decision, scope)) as [ChildRow, ChildRow];
      if (![source, target].some((row) => inRowScope(decision.rows, ownershipOf(row)))) throw new HavenError('not_found');
      if (source.status === 'merged' || target.status === 'merged') throw new HavenError('action_not_allowed', { status: 'merged' });
      const moves: [ChildRow, CaseEventData][] = [
        [source, { type: 'merged_into', targetId: target.id, note }],
        [target, { type: 'merged_from', sourceId: source.id }],
      ];
      for (const [row, data] of moves) {
        await appendEvents(uow, await loadCase(uow, row), [data], policy);
        uow.audit({ jurisdiction: row.jurisdiction, action: data.type, resource: 'case', recordId: row.id, changedFields: ['status'] });
      }
    },

    async unmerge(id: string, note: string | undefined): Promise<void> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'merge', 'case', { jurisdiction: principal.jurisdiction, recordId: id });
      const found = await tx
        .selectFrom('child')
        .select(['merged_into', 'status'])
        .where('id', '=', id)
        .where(rowScopeFilter('child', decision.rows))
        .executeTakeFirst();
      if (!found) throw new HavenError('not_found');
      if (!found.merged_into) throw new HavenError('action_not_allowed', { status: found.status });
      const [source, target] = (await locked([id, found.merged_into], decision)) as [ChildRow, ChildRow];
      for (const [row, other] of [
        [source, target],
        [target, source],
      ] as const) {
        await appendEvents(uow, await loadCase(uow, row), [{ type: 'unmerged', otherId: other.id, note }], policy);
        uow.audit({ jurisdiction: row.jurisdiction, action: 'unmerged', resource: 'case', recordId: row.id, changedFields: ['status'] });
      }
    },
  };
}
