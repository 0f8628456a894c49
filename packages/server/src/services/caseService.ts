import {
  type CaseActionRequest,
  CasePolicy,
  type FirstContactInput,
  type PersonDescriptor,
  type ReassignInput,
  type RelationInput,
  type TaskListQuery,
} from '@haven/domain';
import { sql } from 'kysely';
import { globalJurisdiction } from '../audit/hash.ts';
import { authorize, requirePrincipal } from '../db/repositories/access.ts';
import { bootstrapRepository } from '../db/repositories/bootstrapRepository.ts';
import { caseMaintenance } from '../db/repositories/caseMaintenance.ts';
import { caseQueries } from '../db/repositories/caseQueries.ts';
import { caseRepository } from '../db/repositories/caseRepository.ts';
import { childRepository } from '../db/repositories/childRepository.ts';
import { duplicateReviews } from '../db/repositories/duplicateReviews.ts';
import { notificationRepository } from '../db/repositories/notificationRepository.ts';
import { type PhotoType, photoRepository } from '../db/repositories/photoRepository.ts';
import { referralAgencies } from '../db/repositories/referrals.ts';
import { relationRepository } from '../db/repositories/relationRepository.ts';
import { type Actor, type DataDeps, runInTransaction, type UnitOfWork } from '../db/unitOfWork.ts';
import { type CasePolicyStore, casePolicyKey } from './casePolicyStore.ts';

/** Use-cases of case management: each call is one transaction bound to one actor. */
export function caseService(deps: DataDeps, policies: CasePolicyStore) {
  const inTx = <T>(actor: Actor, work: (uow: UnitOfWork) => Promise<T>) => runInTransaction(deps, actor, work);
  const withPolicy = async <T>(actor: Actor, work: (uow: UnitOfWork, policy: CasePolicy) => Promise<T>) => {
    const policy = await policies.get();
    return inTx(actor, (uow) => work(uow, policy));
  };

  return {
    referralAgencies: (actor: Actor) =>
      inTx(actor, async (uow) => {
        const { jurisdiction } = requirePrincipal(uow);
        authorize(uow, 'create', 'child', { jurisdiction, recordId: null });
        return referralAgencies(uow, jurisdiction);
      }),

    /** Quick first-contact registration and referral (R10–R13): the registrant gets a receipt. */
    registerFirstContact: (actor: Actor, input: FirstContactInput) =>
      withPolicy(actor, async (uow, policy) => {
        authorize(uow, 'create', 'child', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: null });
        return childRepository(uow, policy).registerFirstContact(input);
      }),

    /** Caseworkers of the actor's agency who can take a case, for assignment and transfer. */
    assignees: (actor: Actor) =>
      inTx(actor, async (uow) => {
        const principal = requirePrincipal(uow);
        const rows = await uow.tx
          .selectFrom('app_user as u')
          .innerJoin('role as r', 'r.id', 'u.role_id')
          .leftJoin('user_team as ut', 'ut.user_id', 'u.id')
          .select([
            'u.id',
            'u.display_name',
            sql<string[]>`coalesce(array_agg(ut.team_id) FILTER (WHERE ut.team_id IS NOT NULL), '{}')`.as('team_ids'),
          ])
          .where('u.agency_id', '=', principal.agencyId)
          .where('u.active', '=', true)
          .where(sql<boolean>`'case:work' = ANY(r.permissions)`)
          .where('r.category', '<>', 'immigration_enforcement')
          .groupBy(['u.id', 'u.display_name'])
          .orderBy('u.display_name')
          .execute();
        return rows.map((r) => ({ id: r.id, displayName: r.display_name, teamIds: r.team_ids }));
      }),

    view: (actor: Actor, id: string) => withPolicy(actor, (uow, policy) => caseRepository(uow, policy).view(id)),
    act: (actor: Actor, id: string, request: CaseActionRequest) =>
      withPolicy(actor, (uow, policy) =>
        caseRepository(uow, policy).act(id, request.action, request.separationOverride, request.occurredAt),
      ),

    tasks: (actor: Actor, query: TaskListQuery) => inTx(actor, (uow) => caseQueries(uow).tasks(query)),
    caseloads: (actor: Actor) => inTx(actor, (uow) => caseQueries(uow).caseloads()),

    reassign: (actor: Actor, input: ReassignInput) => withPolicy(actor, (uow, policy) => caseMaintenance(uow, policy).reassign(input)),
    duplicatesOf: (actor: Actor, id: string) => withPolicy(actor, (uow, policy) => caseMaintenance(uow, policy).duplicatesOf(id)),
    duplicatesFor: (actor: Actor, subject: PersonDescriptor) =>
      withPolicy(actor, (uow, policy) => caseMaintenance(uow, policy).duplicatesFor(subject)),
    requestDuplicateReview: (actor: Actor, id: string, otherId: string) => inTx(actor, (uow) => duplicateReviews(uow).request(id, otherId)),
    duplicateReviews: (actor: Actor) => inTx(actor, (uow) => duplicateReviews(uow).list()),
    duplicateReview: (actor: Actor, id: string) => inTx(actor, (uow) => duplicateReviews(uow).get(id)),
    decideDuplicateReview: (actor: Actor, id: string, outcome: 'same_child' | 'different_child') =>
      inTx(actor, (uow) => duplicateReviews(uow).decide(id, outcome)),
    merge: (actor: Actor, id: string, intoId: string, note?: string) =>
      withPolicy(actor, (uow, policy) => caseMaintenance(uow, policy).merge(id, intoId, note)),
    unmerge: (actor: Actor, id: string, note?: string) =>
      withPolicy(actor, (uow, policy) => caseMaintenance(uow, policy).unmerge(id, note)),

    putPhoto: (actor: Actor, id: string, type: PhotoType, bytes: Buffer) =>
      withPolicy(actor, (uow, policy) => photoRepository(uow, policy).put(id, type, bytes)),
    removePhoto: (actor: Actor, id: string) => withPolicy(actor, (uow, policy) => photoRepository(uow, policy).remove(id)),
    getPhoto: (actor: Actor, id: string) => withPolicy(actor, (uow, policy) => photoRepository(uow, policy).get(id)),

    addRelation: (actor: Actor, id: string, input: RelationInput) => inTx(actor, (uow) => relationRepository(uow).add(id, input)),
    removeRelation: (actor: Actor, id: string, relationId: string, reason: string) =>
      withPolicy(actor, (uow, policy) => relationRepository(uow).remove(id, relationId, reason, policy)),

    notifications: (actor: Actor, unreadOnly: boolean, limit: number) =>
      inTx(actor, (uow) => notificationRepository(uow).mine(unreadOnly, limit)),
    markNotificationsRead: (actor: Actor, ids: string[] | 'all') => inTx(actor, (uow) => notificationRepository(uow).markRead(ids)),

    policy: () => policies.get(),
    /** Replaces the policy table (administrators; audited). */
    setPolicy: (actor: Actor, policy: CasePolicy) =>
      inTx(actor, async (uow) => {
        authorize(uow, 'manage', 'role', { jurisdiction: requirePrincipal(uow).jurisdiction, recordId: casePolicyKey });
        await bootstrapRepository(uow).setSetting(casePolicyKey, CasePolicy.parse(policy));
        uow.audit({
          jurisdiction: globalJurisdiction,
          action: 'update',
          resource: 'setting',
          recordId: casePolicyKey,
          changedFields: Object.keys(policy),
        });
        policies.forget();
        return policy;
      }),
  };
}

export type CaseService = ReturnType<typeof caseService>;
