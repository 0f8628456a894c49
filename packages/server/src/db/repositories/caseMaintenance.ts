import {
  type CaseEventData,
  type CasePolicy,
  comparePersons,
  type DuplicateCandidate,
  HavenError,
  type NamePart,
  type PersonDescriptor,
  type ReassignInput,
} from '@haven/domain';
import { type SqlBool, sql } from 'kysely';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, requirePrincipal, rowScopeFilter } from './access.ts';
import { appendEvents, birthDateOf, caseworkerAgency, loadCase, teamOnAssignment } from './caseLog.ts';
import { type ChildRow, nameView, profileOf, readSealed, recordKey } from './childRecord.ts';
import { nameKeys } from './nameKeys.ts';
import { notificationRepository } from './notificationRepository.ts';

function descriptor(uow: UnitOfWork, row: ChildRow): PersonDescriptor {
  const sensitive = row.sensitive as Record<string, unknown>;
  const key = recordKey(uow.keys, row.id, sensitive);
  const profile = profileOf(row);
  return {
    names: (readSealed(key, row.id, sensitive, 'names') as NamePart[] | null) ?? [],
    sex: row.sex as PersonDescriptor['sex'],
    birthDate: birthDateOf(uow, row, key),
    birthDatePrecision: profile.age.birthDatePrecision,
    ageRange:
      profile.age.assessedMinAge !== null
        ? { min: profile.age.assessedMinAge, max: profile.age.assessedMaxAge ?? profile.age.assessedMinAge }
        : null,
    asOf: profile.age.assessmentDate ?? uow.now.toISOString().slice(0, 10),
    nationality: row.nationality,
  };
}

/**
 * Work on several cases at once: bulk reassignment, possible duplicates, and the supervised merge
 * and unmerge of two records of one child (R23). A merge retires the duplicate and links the two
 * logs; nothing is copied or deleted, so an unmerge restores both exactly.
 */
export function caseMaintenance(uow: UnitOfWork, policy: CasePolicy) {
  const { tx } = uow;

  async function locked(ids: readonly string[], decision: Allowed): Promise<ChildRow[]> {
    // Locks in id order, so two merges of the same pair cannot deadlock.
    const rows = await tx
      .selectFrom('child')
      .selectAll()
      .where('id', 'in', [...ids])
      .where(rowScopeFilter('child', decision.rows))
      .orderBy('id')
      .forUpdate()
      .execute();
    if (rows.length !== new Set(ids).size) throw new HavenError('not_found');
    return ids.map((id) => rows.find((r) => r.id === id) as ChildRow);
  }

  async function candidates(
    subject: PersonDescriptor,
    keys: string[],
    decision: Allowed,
    exclude: string | null,
  ): Promise<DuplicateCandidate[]> {
    if (keys.length === 0) return [];
    let query = tx
      .selectFrom('child')
      .selectAll()
      .where(sql<SqlBool>`name_keys && ${sql.val(keys)}::text[]`)
      .where('status', '<>', 'merged')
      .where(rowScopeFilter('child', decision.rows))
      .limit(500);
    if (exclude) query = query.where('id', '<>', exclude);
    const rows = await query.execute();
    const scored = rows.flatMap((row) => {
      const other = descriptor(uow, row);
      const match = comparePersons(subject, other);
      if (match.likelihood === 'unlikely') return [];
      return [
        {
          childId: row.id,
          reference: row.reference,
          ...nameView(other.names),
          sex: row.sex,
          birthYear: row.birth_year,
          nationality: row.nationality,
          status: row.status,
          score: Math.round(match.score * 1000) / 1000,
          likelihood: match.likelihood,
          reasons: match.reasons,
        },
      ];
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, 20);
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

    /** Registered children who may be the same child as this one, in the actor's scope. */
    async duplicatesOf(id: string): Promise<DuplicateCandidate[]> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: id });
      const [row] = await tx.selectFrom('child').selectAll().where('id', '=', id).where(rowScopeFilter('child', decision.rows)).execute();
      if (!row) throw new HavenError('not_found');
      uow.audit({ jurisdiction: row.jurisdiction, action: 'search', resource: 'child', recordId: id, changedFields: [] });
      return candidates(descriptor(uow, row), row.name_keys, decision, id);
    },

    /** Possible duplicates of a child about to be registered. */
    async duplicatesFor(subject: PersonDescriptor): Promise<DuplicateCandidate[]> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'list', 'child', { jurisdiction: principal.jurisdiction, recordId: null });
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'search', resource: 'child', recordId: null, changedFields: [] });
      return candidates(subject, nameKeys(uow.keys, subject.names), decision, null);
    },

    async merge(id: string, intoId: string, note: string | undefined): Promise<void> {
      const principal = requirePrincipal(uow);
      const decision = authorize(uow, 'merge', 'case', { jurisdiction: principal.jurisdiction, recordId: id });
      if (id === intoId) throw new HavenError('validation_failed', { field: 'intoId' });
      const [source, target] = (await locked([id, intoId], decision)) as [ChildRow, ChildRow];
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
