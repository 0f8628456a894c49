import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditEventHash, chainFor, genesisHash, type HashedAuditFields } from './hash.ts';

/** What the access layer records about one action. Never values: only field names. */
export interface AuditEntry {
  jurisdiction: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorAgencyId: string | null;
  purpose: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  changedFields: readonly string[];
  outcome: 'success' | 'denied';
  requestId: string | null;
}

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

  await tx
    .insertInto('audit_event')
    .values(
      rows.map((r) => ({
        chain_id: r.chainId,
        seq: r.seq,
        jurisdiction: r.jurisdiction,
        occurred_at: r.occurredAt,
        actor_user_id: r.actorUserId,
        actor_role: r.actorRole,
        actor_agency_id: r.actorAgencyId,
        purpose: r.purpose,
        action: r.action,
        resource: r.resource,
        record_id: r.recordId,
        changed_fields: [...r.changedFields],
        outcome: r.outcome,
        request_id: r.requestId,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    )
    .execute();

  const values = sql.join(chainIds.map((id) => sql`(${id}, ${heads.get(id)?.seq}::bigint, ${heads.get(id)?.hash})`));
  await sql`UPDATE audit_chain AS c SET seq = v.seq, head_hash = v.hash
            FROM (VALUES ${values}) AS v (chain_id, seq, hash) WHERE c.chain_id = v.chain_id`.execute(tx);
}

async function lockHeads(
  tx: Kysely<DB>,
  chainIds: readonly string[],
  byChain: ReadonlyMap<string, readonly AuditEntry[]>,
): Promise<Map<string, { seq: number; hash: string }>> {
  const select = () =>
    sql<{ chain_id: string; seq: number; head_hash: string }>`
      SELECT chain_id, seq, head_hash FROM audit_chain
      WHERE chain_id = ANY(${[...chainIds]}::text[]) ORDER BY chain_id FOR UPDATE`.execute(tx);
  let { rows } = await select();
  if (rows.length < chainIds.length) {
    // First event of a chain: create its head, then lock it like any other.
    const missing = chainIds.filter((id) => !rows.some((r) => r.chain_id === id));
    await tx
      .insertInto('audit_chain')
      .values(
        missing.map((id) => ({
          chain_id: id,
          jurisdiction: byChain.get(id)?.[0]?.jurisdiction ?? '_',
          seq: 0,
          head_hash: genesisHash(id),
        })),
      )
      .onConflict((oc) => oc.column('chain_id').doNothing())
      .execute();
    ({ rows } = await select());
  }
  return new Map(rows.map((r) => [r.chain_id, { seq: Number(r.seq), hash: r.head_hash }]));
}
