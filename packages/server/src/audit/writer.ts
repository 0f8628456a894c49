import { type Compilable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditContentHash, auditLinkHash, chainFor, genesisHash, type HashedAuditFields } from './hash.ts';

/** What the access layer records about one action: the hashed fields less the chain position. Never values, only field names. */
export type AuditEntry = Omit<HashedAuditFields, 'chainId' | 'seq' | 'prevHash' | 'occurredAt' | 'outcome'> & {
  outcome: 'success' | 'denied';
};

/**
 * Appends entries to their hash chains inside the caller's transaction, in one statement per round
 * (one round unless a transaction writes several events to the same chain). Each chain head is
 * advanced by an upsert: `ON CONFLICT DO UPDATE` locks the head row, reads its latest committed
 * state and computes the next link in the database, so a chain can never fork; the lock is held
 * until commit. Heads are visited in chain order, so writers cannot deadlock, and writers on other
 * chains never wait.
 */
export async function appendAudit(tx: Kysely<DB>, entries: readonly AuditEntry[], now: Date): Promise<void> {
  for (const round of auditRounds(entries, now)) await auditStatement(round, now).execute(tx);
}

/**
 * The entries grouped into rounds: round r holds the r-th entry of each chain, in chain order, so
 * one statement can advance every chain of a round once.
 */
export function auditRounds(entries: readonly AuditEntry[], now: Date): AuditRound[] {
  const byChain = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chainId = chainFor(entry.jurisdiction, entry.recordId ?? entry.actorUserId ?? 'system');
    byChain.set(chainId, [...(byChain.get(chainId) ?? []), entry]);
  }
  const chainIds = [...byChain.keys()].sort();
  const count = Math.max(0, ...chainIds.map((id) => byChain.get(id)?.length ?? 0));
  return Array.from({ length: count }, (_, round) =>
    chainIds.flatMap((chainId) => {
      const entry = byChain.get(chainId)?.[round];
      return entry ? [{ chainId, entry, content: auditContentHash({ ...entry, occurredAt: now }) }] : [];
    }),
  );
}

export type AuditRound = { chainId: string; entry: AuditEntry; content: string }[];

/**
 * One round as one statement. `writes` (inserts or updates built by a repository) run in the same
 * statement as common table expressions, so a record and its audit events commit together without
 * an explicit transaction: one round trip for a whole write-only use-case.
 */
export function auditStatement(round: AuditRound, now: Date, writes: readonly Compilable[] = []): RawBuilder<unknown> {
  const prefix = writes.map((write, i) => sql`${sql.raw(`write_${i}`)} AS (${write}), `);
  return sql`WITH ${sql.join(prefix, sql``)} ${advanceHeads(round)} ${insertEvents(round, now)}`;
}

/**
 * A read and its audit events as one statement: the audit append runs as data-modifying common
 * table expressions beside the read, atomically, with no BEGIN or COMMIT. The rows come back
 * unordered: the caller sorts them.
 */
export function auditedRead(round: AuditRound, now: Date, read: Compilable): RawBuilder<Record<string, unknown>> {
  return sql`WITH ${advanceHeads(round)}, logged AS (${insertEvents(round, now)}) SELECT r.* FROM (${read}) AS r`;
}

/** `head AS (…)`: the upsert that advances each chain of the round by one link. */
function advanceHeads(round: AuditRound): RawBuilder<unknown> {
  const heads = sql.join(
    round.map(({ chainId, entry, content }) => {
      const genesis = genesisHash(chainId);
      return sql`(${chainId}, ${entry.jurisdiction}, 1::bigint, ${genesis}, ${auditLinkHash(chainId, 1, genesis, content)}, ${content})`;
    }),
  );
  return sql`
    head AS (
      INSERT INTO audit_chain AS c (chain_id, jurisdiction, seq, prev_hash, head_hash, content_hash)
      VALUES ${heads}
      ON CONFLICT (chain_id) DO UPDATE SET
        seq = c.seq + 1,
        prev_hash = c.head_hash,
        content_hash = EXCLUDED.content_hash,
        head_hash = encode(sha256(convert_to(c.chain_id || '|' || (c.seq + 1)::text || '|' || c.head_hash || '|' || EXCLUDED.content_hash, 'UTF8')), 'hex')
      RETURNING c.chain_id, c.seq, c.prev_hash, c.head_hash
    )`;
}

/** The INSERT of the round's events, linked to the heads the upsert returned. */
function insertEvents(round: AuditRound, now: Date): RawBuilder<unknown> {
  const events = sql.join(
    round.map(
      ({ chainId, entry: e }) =>
        sql`(${chainId}, ${e.jurisdiction}, ${now}::timestamptz, ${e.actorUserId}::uuid, ${e.actorRole}, ${e.actorAgencyId}::uuid,
             ${e.purpose}, ${e.action}, ${e.resource}, ${e.recordId}, ${[...e.changedFields]}::text[], ${e.outcome}, ${e.requestId})`,
    ),
  );
  return sql`
    INSERT INTO audit_event (chain_id, seq, jurisdiction, occurred_at, actor_user_id, actor_role, actor_agency_id, purpose,
                             action, resource, record_id, changed_fields, outcome, request_id, prev_hash, hash)
    SELECT h.chain_id, h.seq, v.jurisdiction, v.occurred_at, v.actor_user_id, v.actor_role, v.actor_agency_id, v.purpose,
           v.action, v.resource, v.record_id, v.changed_fields, v.outcome, v.request_id, h.prev_hash, h.head_hash
    FROM head h
    JOIN (VALUES ${events}) AS v (chain_id, jurisdiction, occurred_at, actor_user_id, actor_role, actor_agency_id, purpose,
                                  action, resource, record_id, changed_fields, outcome, request_id)
      ON v.chain_id = h.chain_id`;
}
