import { createHash } from 'node:crypto';
import { HavenError } from '@haven/domain';
import type { UnitOfWork } from '../unitOfWork.ts';
import { requirePrincipal } from './access.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${route}\u0000${JSON.stringify(body)}`)
    .digest('hex');
}

/** Replays the response to a create retried with the same Idempotency-Key, in the create's own transaction. */
export function idempotencyRepository(uow: UnitOfWork) {
  const { tx } = uow;
  return {
    async find(key: string, route: string, body: unknown): Promise<StoredResponse | undefined> {
      const principal = requirePrincipal(uow);
      const row = await tx
        .selectFrom('idempotency_key')
        .selectAll()
        .where('user_id', '=', principal.userId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.route !== route || row.request_hash !== requestHash(route, body)) throw new HavenError('idempotency_key_reused');
      return { status: row.status_code, body: row.response };
    },
    async save(key: string, route: string, body: unknown, response: StoredResponse): Promise<void> {
      const principal = requirePrincipal(uow);
      await tx
        .insertInto('idempotency_key')
        .values({
          user_id: principal.userId,
          key,
          route,
          request_hash: requestHash(route, body),
          status_code: response.status,
          response: JSON.stringify(response.body),
          created_at: uow.now,
        })
        .execute();
    },
  };
}
