import type { AuditEvent, PageQuery } from '@haven/domain';
import { sql } from 'kysely';
import { globalJurisdiction } from '../../audit/hash.ts';
import { type VerifyResult, verifyAudit } from '../../audit/verify.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { authorize, requirePrincipal } from './access.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** The audit trail for oversight: reading it is itself audited. */
export function auditRepository(uow: UnitOfWork) {
  const { tx } = uow;
  return {
    async list(page: PageQuery, filter: { resource?: string | undefined; recordId?: string | undefined }) {
      const principal = requirePrincipal(uow);
      const { rows } = authorize(uow, 'read', 'audit', { jurisdiction: globalJurisdiction, recordId: null });
      let query = tx
        .selectFrom('audit_event')
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('chain_id', 'desc')
        .orderBy('seq', 'desc')
        .limit(page.limit + 1);
      if (rows.kind === 'own') query = query.where('actor_user_id', '=', principal.userId);
      if (rows.kind === 'team' || rows.kind === 'agency') query = query.where('actor_agency_id', '=', principal.agencyId);
      if (rows.kind === 'jurisdiction') {
        query = query.where(
          sql<boolean>`(jurisdiction = ${rows.jurisdiction} OR jurisdiction LIKE ${`${rows.jurisdiction}-%`} OR jurisdiction = ${globalJurisdiction})`,
        );
      }
      if (filter.resource) query = query.where('resource', '=', filter.resource);
      if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
      if (page.cursor) {
        // A sequence number of at most 15 digits: beyond any chain's length, within bigint and a safe integer.
        const after = decodeCursor(page.cursor, /^[A-Z_][A-Z0-9_-]*:\d+#\d{1,15}$/);
        const [chain, seq] = after.id.split('#');
        query = query.where(sql<boolean>`(occurred_at, chain_id, seq) < (${after.at}, ${chain}, ${Number(seq)})`);
      }
      const found = await query.execute();
      const items = found.slice(0, page.limit);
      const last = items.at(-1);
      uow.audit({ jurisdiction: globalJurisdiction, action: 'list', resource: 'audit', recordId: null, changedFields: [] });
      return {
        items: items.map(
          (e): AuditEvent => ({
            chainId: e.chain_id,
            seq: e.seq,
            occurredAt: e.occurred_at.toISOString(),
            jurisdiction: e.jurisdiction,
            actorUserId: e.actor_user_id,
            actorRole: e.actor_role,
            actorAgencyId: e.actor_agency_id,
            purpose: e.purpose,
            action: e.action,
            resource: e.resource,
            recordId: e.record_id,
            changedFields: e.changed_fields,
            outcome: e.outcome === 'denied' ? 'denied' : 'success',
            requestId: e.request_id,
          }),
        ),
        nextCursor:
          found.length > page.limit && last
            ? encodeCursor({ t: last.occurred_at.toISOString(), id: `${last.chain_id}#${last.seq}` })
            : null,
      };
    },

    async verify(): Promise<VerifyResult> {
      authorize(uow, 'verify', 'audit', { jurisdiction: globalJurisdiction, recordId: null });
      uow.audit({ jurisdiction: globalJurisdiction, action: 'verify', resource: 'audit', recordId: null, changedFields: [] });
      return verifyAudit(tx);
    },
  };
}
