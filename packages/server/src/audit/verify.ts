import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditEventHash, genesisHash, sha256Hex } from './hash.ts';

export interface BrokenLink {
  chainId: string;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch' | 'seal_mismatch';
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  seals: number;
  firstBroken: BrokenLink | null;
}

const batchSize = 5000;

/**
 * Recomputes every chain from its genesis and compares it with the chain heads and the seals.
 * Detects an edited event (hash), a deleted or inserted one (sequence, previous hash), a reordered
 * one (the sequence number is hashed), a truncated chain (head) and a truncation past a seal.
 */
export async function verifyAudit(db: Kysely<DB>): Promise<VerifyResult> {
  const heads = new Map(
    (await db.selectFrom('audit_chain').select(['chain_id', 'seq', 'head_hash']).execute()).map((h) => [h.chain_id, h]),
  );
  const seen = new Map<string, { seq: number; hash: string }>();
  const hashAt = new Map<string, string>(); // `${chain}#${seq}` for sealed positions only
  const sealed = await sealedPositions(db);
  let events = 0;
  let firstBroken: BrokenLink | null = null;
  let after: { chain: string; seq: number } | null = null;

  for (;;) {
    let query = db.selectFrom('audit_event').selectAll().orderBy('chain_id').orderBy('seq').limit(batchSize);
    if (after) {
      const { chain, seq } = after;
      query = query.where((eb) => eb.or([eb('chain_id', '>', chain), eb.and([eb('chain_id', '=', chain), eb('seq', '>', seq)])]));
    }
    const rows = await query.execute();
    for (const row of rows) {
      events++;
      const seq = Number(row.seq);
      const previous = seen.get(row.chain_id) ?? { seq: 0, hash: genesisHash(row.chain_id) };
      const recomputed = auditEventHash({
        chainId: row.chain_id,
        seq,
        prevHash: row.prev_hash,
        occurredAt: row.occurred_at,
        jurisdiction: row.jurisdiction,
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        actorAgencyId: row.actor_agency_id,
        purpose: row.purpose,
        action: row.action,
        resource: row.resource,
        recordId: row.record_id,
        changedFields: row.changed_fields,
        outcome: row.outcome,
        requestId: row.request_id,
      });
      const reason: BrokenLink['reason'] | null =
        seq !== previous.seq + 1
          ? 'sequence_gap'
          : row.prev_hash !== previous.hash
            ? 'prev_hash_mismatch'
            : recomputed !== row.hash
              ? 'hash_mismatch'
              : null;
      if (reason && !firstBroken) firstBroken = { chainId: row.chain_id, seq, reason };
      seen.set(row.chain_id, { seq, hash: row.hash });
      if (sealed.has(`${row.chain_id}#${seq}`)) hashAt.set(`${row.chain_id}#${seq}`, row.hash);
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = { chain: last.chain_id, seq: Number(last.seq) };
  }

  if (!firstBroken) {
    for (const [chainId, head] of heads) {
      const tail = seen.get(chainId) ?? { seq: 0, hash: genesisHash(chainId) };
      if (Number(head.seq) !== tail.seq || head.head_hash !== tail.hash) {
        firstBroken = { chainId, seq: tail.seq + 1, reason: 'head_mismatch' };
        break;
      }
    }
  }
  if (!firstBroken) {
    for (const [position, expected] of sealed) {
      if (hashAt.get(position) !== expected.hash) {
        const [chainId = '', seq = '0'] = position.split('#');
        firstBroken = { chainId, seq: Number(seq), reason: 'seal_mismatch' };
        break;
      }
    }
  }
  const sealCount = await checkSealChain(db);
  if (!firstBroken && sealCount.broken) firstBroken = { chainId: 'seal', seq: sealCount.broken, reason: 'seal_mismatch' };
  return { ok: firstBroken === null, chains: Math.max(heads.size, seen.size), events, seals: sealCount.count, firstBroken };
}

/** Every (chain, seq) position recorded in any seal, with the hash it had then. */
async function sealedPositions(db: Kysely<DB>): Promise<Map<string, { hash: string }>> {
  const positions = new Map<string, { hash: string }>();
  const seals = await db.selectFrom('audit_seal').select(['heads']).orderBy('id').execute();
  for (const seal of seals) {
    const heads = seal.heads as Record<string, { seq: number; hash: string }>;
    for (const [chainId, head] of Object.entries(heads)) {
      if (head.seq > 0) positions.set(`${chainId}#${head.seq}`, { hash: head.hash });
    }
  }
  return positions;
}

export function sealHash(prevHash: string, sealedAt: Date, heads: Record<string, { seq: number; hash: string }>): string {
  const ordered = Object.keys(heads)
    .sort()
    .map((id) => [id, heads[id]?.seq, heads[id]?.hash]);
  return sha256Hex(JSON.stringify([prevHash, sealedAt.toISOString(), ordered]));
}

async function checkSealChain(db: Kysely<DB>): Promise<{ count: number; broken: number }> {
  const seals = await db.selectFrom('audit_seal').selectAll().orderBy('id').execute();
  let prev = sha256Hex('haven-audit-seal-genesis');
  for (const seal of seals) {
    const heads = seal.heads as Record<string, { seq: number; hash: string }>;
    if (seal.prev_hash !== prev || sealHash(seal.prev_hash, seal.sealed_at, heads) !== seal.hash) {
      return { count: seals.length, broken: Number(seal.id) };
    }
    prev = seal.hash;
  }
  return { count: seals.length, broken: 0 };
}

/**
 * Records every chain head in a new seal, chained to the previous seal. Run periodically by a
 * job: deleting the newest events of a chain and rewinding its head is then detected too.
 */
export async function sealAudit(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // One sealer at a time: the advisory lock, not a row lock on the newest seal, which would fork.
    await sql`SELECT pg_advisory_xact_lock(72616001)`.execute(tx);
    const previous = await tx.selectFrom('audit_seal').select(['hash', 'heads']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const heads: Record<string, { seq: number; hash: string }> = {};
    for (const h of await tx.selectFrom('audit_chain').select(['chain_id', 'seq', 'head_hash']).execute()) {
      heads[h.chain_id] = { seq: Number(h.seq), hash: h.head_hash };
    }
    const last = (previous?.heads ?? {}) as Record<string, { seq: number; hash: string }>;
    const changed = Object.entries(heads).some(([id, head]) => last[id]?.hash !== head.hash);
    if (previous && !changed) return 0; // nothing new since the last seal
    const prevHash = previous?.hash ?? sha256Hex('haven-audit-seal-genesis');
    await tx
      .insertInto('audit_seal')
      .values({ sealed_at: now, heads: JSON.stringify(heads), prev_hash: prevHash, hash: sealHash(prevHash, now, heads) })
      .execute();
    return Object.keys(heads).length;
  });
}
