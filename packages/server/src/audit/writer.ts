import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditEventHash, chainFor, genesisHash, type HashedAuditFields } from './hash.ts';

/** What the access layer records about one action: the hashed fields less the chain position. Never values, only field names. */
export type AuditEntry = Omit<HashedAuditFields, 'chainId' | 'seq' | 'prevHash' | 'occurredAt' | 'outcome'> & {
  outcome: 'success' | 'denied';
};

/**
 * Appends entries to their hash chains inside the caller's transaction. Chain heads are locked
 * in one statement, in chain order, so two transactions can never deadlock on them, and the
 * lock is held until commit, so a chain can never fork. Writers on other chains do not wait.
 */
export async function appendAudit(tx: Kysely<DB>, entries: readonly AuditEntry[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  const byChain = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chainId = chainFor(entry.jurisdiction, entry.recordId ?? entry.actorUserId ?? 'system');
    byChain.set(chainId, [...(byChain.get(chainId) ?? []), entry]);
  }
  const chainIds = [...byChain.keys()].sort();
  const heads = await lockHeads(tx, chainIds, byChain);

  const rows: (HashedAuditFields & { hash: string })[] = [];
  for (const chainId of chainIds) {
    let { seq, hash } = heads.get(chainId) ?? { seq: 0, hash: genesisHash(chainId) };
    for (const entry of byChain.get(chainId) ?? []) {
      const fields: HashedAuditFields = { ...entry, chainId, seq: seq + 1, prevHash: hash, occurredAt: now };
      seq = fields.seq;
      hash = auditEventHash(fields);
      rows.push({ ...fields, hash });
    }
    heads.set(chainId, { seq, hash });
  }

  // One round trip: the events and the new chain heads, in a single statement.
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.chainId}, ${r.seq}::bigint, ${r.jurisdiction}, ${r.occurredAt}::timestamptz, ${r.actorUserId}::uuid, ${r.actorRole},
             ${r.actorAgencyId}::uuid, ${r.purpose}, ${r.action}, ${r.resource}, ${r.recordId}, ${[...r.changedFields]}::text[],
             ${r.outcome}, ${r.requestId}, ${r.prevHash}, ${r.hash})`,
    ),
  );
  const headValues = sql.join(chainIds.map((id) => sql`(${id}, ${heads.get(id)?.seq}::bigint, ${heads.get(id)?.hash})`));
  await sql`
    WITH inserted AS (
      INSERT INTO audit_event (chain_id, seq, jurisdiction, occurred_at, actor_user_id, actor_role, actor_agency_id, purpose,
                               action, resource, record_id, changed_fields, outcome, request_id, prev_hash, hash)
      VALUES ${values}
      RETURNING 1
    )
    UPDATE audit_chain AS c SET seq = v.seq, head_hash = v.hash
    FROM (VALUES ${headValues}) AS v (chain_id, seq, hash)
    WHERE c.chain_id = v.chain_id AND (SELECT count(*) FROM inserted) > 0`.execute(tx);
}

/**
 * Locks the heads of the given chains, creating missing ones, deadlock-free: every writer first
 * inserts-if-missing ALL its chains, then locks ALL of them, both in chain order. (Locking the
 * existing heads before creating the missing ones would break the order and deadlock.) One round
 * trip in the common case.
 */
async function lockHeads(
  tx: Kysely<DB>,
  chainIds: readonly string[],
  byChain: ReadonlyMap<string, readonly AuditEntry[]>,
): Promise<Map<string, { seq: number; hash: string }>> {
  const fresh = sql.join(
    chainIds.map((id) => sql`(${id}, ${byChain.get(id)?.[0]?.jurisdiction ?? '_'}, 0::bigint, ${genesisHash(id)})`),
  );
  const { rows } = await sql<{ chain_id: string; seq: number; head_hash: string }>`
    WITH created AS (
      INSERT INTO audit_chain (chain_id, jurisdiction, seq, head_hash) VALUES ${fresh}
      ON CONFLICT (chain_id) DO NOTHING
      RETURNING chain_id, seq, head_hash
    )
    , locked AS (
      SELECT chain_id, seq, head_hash FROM audit_chain WHERE chain_id = ANY(${[...chainIds]}::text[]) ORDER BY chain_id FOR UPDATE
    )
    SELECT chain_id, seq, head_hash FROM created
    UNION ALL
    SELECT chain_id, seq, head_hash FROM locked`.execute(tx);
  const heads = new Map(rows.map((r) => [r.chain_id, { seq: Number(r.seq), hash: r.head_hash }]));
  if (heads.size < chainIds.length) {
    // A head another writer committed after this statement began: lock it with a fresh snapshot.
    const again = await sql<{ chain_id: string; seq: number; head_hash: string }>`
      SELECT chain_id, seq, head_hash FROM audit_chain WHERE chain_id = ANY(${[...chainIds]}::text[]) ORDER BY chain_id FOR UPDATE`.execute(tx);
    for (const r of again.rows) heads.set(r.chain_id, { seq: Number(r.seq), hash: r.head_hash });
  }
  return heads;
}
