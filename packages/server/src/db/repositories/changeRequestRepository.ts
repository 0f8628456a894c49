import {
  type ChangeRequest,
  ChangeRequestInput,
  type ChangeRequestStatus,
  type ChangeRequestTarget,
  HavenError,
  type NotificationKind,
  type Resource,
} from '@haven/domain';
import { type Selectable, sql } from 'kysely';
import { globalJurisdiction } from '../../audit/hash.ts';
import { uuidv7 } from '../ids.ts';
import type { AccessChangeRequestTable } from '../schema.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { authorize, can, requirePrincipal } from './access.ts';
import { notificationRepository } from './notificationRepository.ts';
import { organisationRepository, type PasswordHasher } from './organisationRepository.ts';

const auditResource = 'access_change_request';
const managePermissionOf: Record<ChangeRequestTarget, Resource> = { role: 'role', agency: 'agency', user: 'user' };

type Row = Selectable<AccessChangeRequestTable> & {
  target_name: string | null;
  requested_by_name: string | null;
  decided_by_name: string | null;
};

const toChangeRequest = (r: Row): ChangeRequest => ({
  id: r.id,
  target: r.target as ChangeRequestTarget,
  targetId: r.target_id,
  targetName: r.target_name ?? '',
  patch: r.patch,
  status: r.status as ChangeRequestStatus,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name ?? '',
  requestedAt: r.requested_at.toISOString(),
  decidedBy: r.decided_by,
  decidedByName: r.decided_by ? (r.decided_by_name ?? '') : null,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
});

/**
 * Four-eyes changes (ADR 0015): a change one administrator may not make alone is stored here,
 * and applied, through the organisation repository and its checks, only when a different
 * administrator approves it. Oversight and audit users are told of each request and decision.
 */
export function changeRequestRepository(uow: UnitOfWork, hasher: PasswordHasher) {
  const { tx } = uow;
  const audit = (action: string, id: string, changedFields: string[]) =>
    uow.audit({ jurisdiction: globalJurisdiction, resource: auditResource, action, recordId: id, changedFields });

  const selectRequests = () =>
    tx
      .selectFrom('access_change_request as cr')
      .selectAll('cr')
      .select([
        sql<string | null>`CASE cr.target
          WHEN 'role' THEN (SELECT r.name FROM role r WHERE r.id = cr.target_id)
          WHEN 'agency' THEN (SELECT a.name FROM agency a WHERE a.id = cr.target_id)
          ELSE (SELECT u.display_name FROM app_user u WHERE u.id = cr.target_id) END`.as('target_name'),
        sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = cr.requested_by)`.as('requested_by_name'),
        sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = cr.decided_by)`.as('decided_by_name'),
      ]);

  /** Users who watch over access: an oversight role, or anyone who reads the audit trail. */
  async function watchers(): Promise<string[]> {
    const rows = await tx
      .selectFrom('app_user as u')
      .innerJoin('role as r', 'r.id', 'u.role_id')
      .select('u.id')
      .where('u.active', '=', true)
      .where((eb) => eb.or([eb('r.category', '=', 'oversight'), eb(sql<string>`'audit:read'`, '=', sql<string>`ANY(r.permissions)`)]))
      .execute();
    return rows.map((r) => r.id);
  }

  const alert = async (kind: NotificationKind, id: string, step: string) =>
    notificationRepository(uow).notify(await watchers(), kind, null, `${id}:${step}`, id);

  async function targetExists(target: ChangeRequestTarget, id: string): Promise<boolean> {
    const table = target === 'user' ? 'app_user' : target;
    return (await tx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** A pending request that this administrator, who must not be its requester, may decide. */
  async function decidable(id: string, decision: 'approve' | 'reject'): Promise<Row> {
    const principal = requirePrincipal(uow);
    const found = await tx.selectFrom('access_change_request').select(['target']).where('id', '=', id).executeTakeFirst();
    if (!found) throw new HavenError('not_found');
    authorize(uow, 'manage', managePermissionOf[found.target as ChangeRequestTarget], { jurisdiction: globalJurisdiction, recordId: id });
    const row = await selectRequests().where('cr.id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const refuse = (code: 'change_request_not_pending' | 'change_request_self_approval') => {
      uow.auditDenied({ jurisdiction: globalJurisdiction, resource: auditResource, action: decision, recordId: id, changedFields: [] });
      throw new HavenError(code);
    };
    if (row.status !== 'pending') refuse('change_request_not_pending');
    if (row.requested_by === principal.userId) refuse('change_request_self_approval');
    return row;
  }

  async function decide(row: Row, status: 'approved' | 'rejected'): Promise<ChangeRequest> {
    const principal = requirePrincipal(uow);
    await tx
      .updateTable('access_change_request')
      .set({ status, decided_by: principal.userId, decided_at: uow.now })
      .where('id', '=', row.id)
      .execute();
    audit(status === 'approved' ? 'approve' : 'reject', row.id, ['status']);
    await alert('access_change_decided', row.id, status);
    const updated = await selectRequests().where('cr.id', '=', row.id).executeTakeFirstOrThrow();
    return toChangeRequest(updated);
  }

  return {
    async request(input: ChangeRequestInput): Promise<ChangeRequest> {
      const principal = requirePrincipal(uow);
      authorize(uow, 'manage', managePermissionOf[input.target], { jurisdiction: globalJurisdiction, recordId: input.targetId });
      if (!(await targetExists(input.target, input.targetId))) throw new HavenError('not_found', { field: 'targetId' });
      const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined));
      if (Object.keys(patch).length === 0) throw new HavenError('validation_failed', { field: 'patch' });
      const id = uuidv7(uow.now.getTime());
      await tx
        .insertInto('access_change_request')
        .values({
          id,
          target: input.target,
          target_id: input.targetId,
          patch: JSON.stringify(patch),
          requested_by: principal.userId,
          requested_at: uow.now,
        })
        .execute();
      audit('request', id, Object.keys(patch));
      await alert('access_change_requested', id, 'requested');
      return toChangeRequest(await selectRequests().where('cr.id', '=', id).executeTakeFirstOrThrow());
    },

    async list(status: ChangeRequestStatus | undefined): Promise<ChangeRequest[]> {
      const readable = (['role', 'agency', 'user'] as const).some((resource) => can(uow, 'manage', resource)) || can(uow, 'read', 'audit');
      if (!readable) authorize(uow, 'manage', 'role', { jurisdiction: globalJurisdiction, recordId: null });
      let query = selectRequests().orderBy('cr.requested_at', 'desc').limit(200);
      if (status) query = query.where('cr.status', '=', status);
      return (await query.execute()).map(toChangeRequest);
    },

    /** Applies the change as the approving administrator, with their scope and every usual check. */
    async approve(id: string): Promise<ChangeRequest> {
      const row = await decidable(id, 'approve');
      const org = organisationRepository(uow);
      const change = ChangeRequestInput.parse({ target: row.target, targetId: row.target_id, patch: row.patch });
      if (change.target === 'role') await org.updateRole(change.targetId, change.patch, 'approved');
      else if (change.target === 'agency') await org.updateAgency(change.targetId, change.patch, 'approved');
      else await org.updateUser(change.targetId, change.patch, hasher, 'approved');
      return decide(row, 'approved');
    },

    async reject(id: string): Promise<ChangeRequest> {
      return decide(await decidable(id, 'reject'), 'rejected');
    },
  };
}
