import { sql } from 'kysely';
import type { UnitOfWork } from '../unitOfWork.ts';
import { type Allowed, rowScopeFilter } from './access.ts';
import type { StoredEvent } from './caseLog.ts';
import type { ChildRow } from './childRecord.ts';
import type { StoredRelation } from './relationRepository.ts';

export interface CasePageRow {
  row: ChildRow;
  log: StoredEvent[];
  links: StoredRelation[];
  users: Record<string, string>;
}

interface LogJson {
  seq: number;
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string | null;
  data: unknown;
}

/** The case's log as JSON, in order, still sealed. */
const logJson = sql<
  LogJson[]
>`(SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'occurred_at', e.occurred_at, 'recorded_at', e.recorded_at,
          'actor_user_id', e.actor_user_id, 'data', e.data) ORDER BY e.seq), '[]'::json)
        FROM case_event e WHERE e.jurisdiction = child.jurisdiction AND e.child_id = child.id)`;

/**
 * Everything a case page shows, in ONE query: the record in the reader's scope, its log, its
 * links and the names of the users it mentions (as JSON aggregates), so the page costs one round
 * trip inside its transaction.
 */
export async function readCasePage(uow: UnitOfWork, id: string, read: Allowed, withLog = true): Promise<CasePageRow | undefined> {
  const found = await uow.tx
    .selectFrom('child')
    .selectAll('child')
    // After an action the caller already holds the decrypted log: it is not read again.
    .select((withLog ? logJson : sql<LogJson[]>`'[]'::json`).as('log'))
    .select(
      sql<StoredRelation[]>`(SELECT coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'relationship', r.relationship,
          'accompanying', r.accompanying, 'related_child_id', r.related_child_id, 'sensitive', r.sensitive, 'created_at', r.created_at,
          'reference', rc.reference) ORDER BY r.created_at), '[]'::json)
        FROM child_relation r LEFT JOIN child rc ON rc.jurisdiction = r.related_jurisdiction AND rc.id = r.related_child_id
        WHERE r.jurisdiction = child.jurisdiction AND r.child_id = child.id)`.as('links'),
    )
    .select(
      sql<Record<string, string> | null>`(SELECT json_object_agg(u.id, u.display_name) FROM app_user u WHERE u.id IN (
          SELECT e.actor_user_id FROM case_event e WHERE e.jurisdiction = child.jurisdiction AND e.child_id = child.id
          UNION SELECT child.owner_user_id UNION SELECT child.pending_transfer_to))`.as('user_names'),
    )
    .where('child.id', '=', id)
    .where(rowScopeFilter('child', read.rows))
    .executeTakeFirst();
  if (!found) return undefined;
  const { log, links, user_names, ...row } = found;
  return {
    row,
    log: log.map((e) => ({ ...e, occurred_at: new Date(e.occurred_at), recorded_at: new Date(e.recorded_at) })),
    links,
    users: user_names ?? {},
  };
}
