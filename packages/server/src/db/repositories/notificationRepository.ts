import { HavenError, type NotificationKind } from '@haven/domain';
import { sql } from 'kysely';
import { uuidv7 } from '../ids.ts';
import type { UnitOfWork } from '../unitOfWork.ts';
import { can, requirePrincipal } from './access.ts';

export interface CaseRefForNotice {
  jurisdiction: string;
  id: string;
}

/**
 * In-app notifications. A notification names a kind and a case, never child data: the reader
 * opens the case through the access layer. Duplicates (same user, same key) are dropped.
 */
export function notificationRepository(uow: UnitOfWork) {
  const { tx } = uow;
  return {
    async notify(userIds: readonly (string | null)[], kind: NotificationKind, child: CaseRefForNotice | null, dedupe: string, ref = '') {
      const actor = uow.actor.principal?.userId;
      const targets = [...new Set(userIds.filter((id): id is string => id !== null && id !== actor))];
      if (targets.length === 0) return;
      await tx
        .insertInto('notification')
        .values(
          targets.map((userId) => ({
            id: uuidv7(uow.now.getTime()),
            user_id: userId,
            kind,
            jurisdiction: child?.jurisdiction ?? null,
            child_id: child?.id ?? null,
            ref,
            dedupe_key: `${kind}:${dedupe}`,
            created_at: uow.now,
          })),
        )
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .execute();
    },

    /** The users who approve and supervise a case: active, in its agency, with case:approve, covering its team. */
    async supervisorsOf(agencyId: string, teamId: string | null): Promise<string[]> {
      const rows = await tx
        .selectFrom('app_user as u')
        .innerJoin('role as r', 'r.id', 'u.role_id')
        .select('u.id')
        .where('u.active', '=', true)
        .where('u.agency_id', '=', agencyId)
        .where(sql<boolean>`'case:approve' = ANY(r.permissions)`)
        .where((eb) =>
          eb.or([
            eb('r.scope', 'in', ['agency', 'jurisdiction', 'all']),
            // A case no team has taken yet is the whole agency's intake.
            teamId
              ? eb.exists(
                  eb
                    .selectFrom('user_team as ut')
                    .select('ut.user_id')
                    .whereRef('ut.user_id', '=', 'u.id')
                    .where('ut.team_id', '=', teamId),
                )
              : eb('r.scope', '=', 'team'),
          ]),
        )
        .execute();
      return rows.map((r) => r.id);
    },

    async mine(unreadOnly: boolean, limit: number) {
      const principal = requirePrincipal(uow);
      // Written when the reader could see the case; read through today's policy. A reader the policy
      // now refuses child data (the firewall, after a role or agency change) gets no child id or reference.
      const disclosesChild = can(uow, 'read', 'child');
      let query = tx
        .selectFrom('notification as n')
        .leftJoin('child as c', (join) =>
          join.onRef('c.jurisdiction', '=', 'n.jurisdiction').onRef('c.id', '=', 'n.child_id').on(sql<boolean>`${disclosesChild}`),
        )
        .select(['n.id', 'n.kind', 'n.child_id', 'n.ref', 'n.created_at', 'n.read_at', 'c.reference'])
        .where('n.user_id', '=', principal.userId)
        .orderBy('n.created_at', 'desc')
        .limit(limit);
      if (unreadOnly) query = query.where('n.read_at', 'is', null);
      const rows = await query.execute();
      const unread = await tx
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', principal.userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        unread: Number(unread.n),
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as NotificationKind,
          childId: disclosesChild ? r.child_id : null,
          reference: r.reference ?? null,
          ref: r.ref,
          createdAt: r.created_at.toISOString(),
          read: r.read_at !== null,
        })),
      };
    },

    async markRead(ids: readonly string[] | 'all') {
      const principal = requirePrincipal(uow);
      let query = tx
        .updateTable('notification')
        .set({ read_at: uow.now })
        .where('user_id', '=', principal.userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') {
        if (ids.length === 0) throw new HavenError('validation_failed', { field: 'ids' });
        query = query.where('id', 'in', [...ids]);
      }
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
