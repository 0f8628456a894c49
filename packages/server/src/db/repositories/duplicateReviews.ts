import { comparePersons, type DuplicateReview, type duplicateReviewOutcomes, HavenError, inRowScope, reviewSideOpen } from '@haven/domain';
import type { Selectable } from 'kysely';
import { uuidv7 } from '../ids.ts';
import type { DuplicateReviewTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, authorize, can, requirePrincipal, rowScopeFilter } from './access.ts';
import { childInScope } from './childInScope.ts';
import { type ChildRow, projectChild } from './childRecord.ts';
import { duplicateSearchScope, ownershipOf, personDescriptor } from './duplicateSearch.ts';
import { notificationRepository } from './notificationRepository.ts';

type ReviewRow = Selectable<DuplicateReviewTable>;
type Outcome = (typeof duplicateReviewOutcomes)[number];

/**
 * Duplicate reviews: when the duplicate search finds a possible match outside a supervisor's
 * scope, they ask the supervisors who cover that record to compare the two. The request shares
 * the requesting record with them (through their own field rules); the other record is never
 * opened to the requester. Every step is audited on both records' jurisdictions.
 */
export function duplicateReviews(uow: UnitOfWork) {
  const { tx } = uow;

  /** Supervision of duplicates: case:merge, or case:approve. */
  function supervise(recordId: string | null): Allowed {
    const principal = requirePrincipal(uow);
    const verb = can(uow, 'merge', 'case') ? 'merge' : 'approve';
    return authorize(uow, verb, 'case', { jurisdiction: principal.jurisdiction, recordId });
  }

  /** Audits a step on both records of the pair, each on its own jurisdiction (a refusal as denied). */
  function auditBoth(
    review: Pick<ReviewRow, 'jurisdiction' | 'child_id' | 'other_jurisdiction' | 'other_id'>,
    action: string,
    outcome: 'success' | 'denied' = 'success',
  ) {
    for (const [jurisdiction, recordId] of [
      [review.jurisdiction, review.child_id],
      [review.other_jurisdiction, review.other_id],
    ] as const) {
      const entry = { jurisdiction, action, resource: 'case', recordId, changedFields: [] };
      if (outcome === 'denied') uow.auditDenied(entry);
      else uow.audit(entry);
    }
  }

  async function children(ids: readonly string[]) {
    if (ids.length === 0) return []; // `IN ()` is not SQL
    return tx
      .selectFrom('child')
      .innerJoin('agency', 'agency.id', 'child.agency_id')
      .selectAll('child')
      .select('agency.name as agency_name')
      .where('child.id', 'in', [...ids])
      .execute();
  }

  /** A review the actor covers one side of; otherwise it does not exist for them. */
  async function visibleReview(id: string, decision: Allowed, lock = false) {
    let query = tx.selectFrom('duplicate_review').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    const review = await query.executeTakeFirst();
    const rows = review ? await children([review.child_id, review.other_id]) : [];
    const requesting = rows.find((r) => r.id === review?.child_id);
    const other = rows.find((r) => r.id === review?.other_id);
    if (!review || !requesting || !other) throw new HavenError('not_found');
    if (!inRowScope(decision.rows, ownershipOf(requesting)) && !inRowScope(decision.rows, ownershipOf(other))) {
      auditBoth(review, 'duplicate_review_read', 'denied');
      throw new HavenError('not_found');
    }
    return { review, requesting, other };
  }

  function view(
    review: ReviewRow,
    requesting: ChildRow & { agency_name: string },
    other: ChildRow & { agency_name: string },
    decision: Allowed,
    read: Allowed | null,
  ): DuplicateReview {
    const side = (which: 'requesting' | 'other', row: ChildRow & { agency_name: string }) => {
      const open = read !== null && reviewSideOpen(decision.rows, which, ownershipOf(requesting), ownershipOf(other));
      if (open) uow.audit({ jurisdiction: row.jurisdiction, action: 'read', resource: 'child', recordId: row.id, changedFields: [] });
      return {
        childId: row.id,
        reference: row.reference,
        agencyId: row.agency_id,
        agencyName: row.agency_name,
        ...(open && read ? { record: projectChild(uow.keys, read, row, uow.now) } : {}),
      };
    };
    return {
      id: review.id,
      status: review.status as DuplicateReview['status'],
      likelihood: review.likelihood as DuplicateReview['likelihood'],
      requestedAt: review.requested_at.toISOString(),
      requestedBy: review.requested_by,
      decidedAt: review.decided_at?.toISOString() ?? null,
      decidedBy: review.decided_by,
      requesting: side('requesting', requesting),
      other: side('other', other),
      canDecide: review.status === 'open' && inRowScope(decision.rows, ownershipOf(other)),
    };
  }

  return {
    /** Asks the supervisors covering `otherId` to compare it with `childId` (in the actor's scope). */
    async request(childId: string, otherId: string): Promise<{ id: string }> {
      const principal = requirePrincipal(uow);
      const decision = supervise(childId);
      const child = await childInScope(uow, childId, decision, { action: 'duplicate_review_requested', resource: 'case' });
      const other = await tx
        .selectFrom('child')
        .selectAll()
        .where('id', '=', otherId)
        .where('status', '<>', 'merged')
        .where(rowScopeFilter('child', duplicateSearchScope(principal, decision.rows)))
        .executeTakeFirst();
      // Only a record the duplicate search would name: the request cannot probe arbitrary ids.
      const match = other ? comparePersons(personDescriptor(uow, child), personDescriptor(uow, other)) : null;
      if (!other || !match || match.likelihood === 'unlikely' || other.id === child.id) throw new HavenError('not_found');
      if (inRowScope(decision.rows, ownershipOf(other))) throw new HavenError('action_not_allowed', { reason: 'both_in_scope' });
      const pair = { jurisdiction: child.jurisdiction, child_id: child.id, other_jurisdiction: other.jurisdiction, other_id: other.id };
      const open = await tx
        .selectFrom('duplicate_review')
        .select('id')
        .where('child_id', '=', child.id)
        .where('other_id', '=', other.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      auditBoth(pair, 'duplicate_review_requested');
      if (open) return { id: open.id };
      const id = uuidv7(uow.now.getTime());
      await tx
        .insertInto('duplicate_review')
        .values({ id, ...pair, likelihood: match.likelihood, requested_by: principal.userId, requested_at: uow.now })
        .execute();
      const notices = notificationRepository(uow);
      await notices.notify(
        await notices.supervisorsOf(other.agency_id, other.team_id),
        'duplicate_review_requested',
        { jurisdiction: other.jurisdiction, id: other.id },
        id,
        id,
      );
      return { id };
    },

    /** Reviews the actor covers a side of, open ones first; sides as references only. */
    async list(): Promise<DuplicateReview[]> {
      const principal = requirePrincipal(uow);
      const decision = supervise(null);
      const rows = await tx
        .selectFrom('duplicate_review as r')
        .innerJoin('child as requesting', (j) =>
          j.onRef('requesting.jurisdiction', '=', 'r.jurisdiction').onRef('requesting.id', '=', 'r.child_id'),
        )
        .innerJoin('child as other', (j) => j.onRef('other.jurisdiction', '=', 'r.other_jurisdiction').onRef('other.id', '=', 'r.other_id'))
        .selectAll('r')
        .where((eb) => eb.or([rowScopeFilter('requesting', decision.rows), rowScopeFilter('other', decision.rows)]))
        .orderBy('r.requested_at', 'desc')
        .limit(200)
        .execute();
      uow.audit({ jurisdiction: principal.jurisdiction, action: 'list', resource: 'case', recordId: null, changedFields: [] });
      const found = await children(rows.flatMap((r) => [r.child_id, r.other_id]));
      const byId = new Map(found.map((r) => [r.id, r]));
      return rows
        .flatMap((review) => {
          const requesting = byId.get(review.child_id);
          const other = byId.get(review.other_id);
          return requesting && other ? [view(review, requesting, other, decision, null)] : [];
        })
        .sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
    },

    /** The comparison: each side the actor may open, through their field rules; audited on both records. */
    async get(id: string): Promise<DuplicateReview> {
      const decision = supervise(id);
      const read = authorize(uow, 'read', 'child', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: id });
      const { review, requesting, other } = await visibleReview(id, decision);
      auditBoth(review, 'duplicate_review_read');
      return view(review, requesting, other, decision, read);
    },

    /** Same child or not, recorded by a supervisor covering the other record; a same-child outcome opens the merge. */
    async decide(id: string, outcome: Outcome): Promise<DuplicateReview> {
      const principal = requirePrincipal(uow);
      const decision = supervise(id);
      const { review, requesting, other } = await visibleReview(id, decision, true);
      if (!inRowScope(decision.rows, ownershipOf(other))) throw new HavenError('forbidden');
      if (review.status !== 'open') throw new HavenError('action_not_allowed', { status: review.status });
      const decided = await tx
        .updateTable('duplicate_review')
        .set({ status: outcome, decided_by: principal.userId, decided_at: uow.now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      auditBoth(review, `duplicate_review_${outcome}`);
      await notificationRepository(uow).notify(
        [review.requested_by],
        'duplicate_review_decided',
        { jurisdiction: review.jurisdiction, id: review.child_id },
        id,
        id,
      );
      return view(decided, requesting, other, decision, null);
    },

    /** Whether a supervisor found the two records to be the same child. */
    async sameChild(a: string, b: string): Promise<boolean> {
      const found = await tx
        .selectFrom('duplicate_review')
        .select('id')
        .where('status', '=', 'same_child')
        .where((eb) =>
          eb.or([eb.and([eb('child_id', '=', a), eb('other_id', '=', b)]), eb.and([eb('child_id', '=', b), eb('other_id', '=', a)])]),
        )
        .executeTakeFirst();
      return found !== undefined;
    },
  };
}
