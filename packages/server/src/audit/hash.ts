import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers, in a fixed order. */
export interface HashedAuditFields {
  chainId: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  jurisdiction: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorAgencyId: string | null;
  purpose: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  changedFields: readonly string[];
  outcome: string;
  requestId: string | null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function genesisHash(chainId: string): string {
  return sha256Hex(`haven-audit-genesis:${chainId}`);
}

/** Digest of what an event says (everything but its place in the chain), computed by the writer. */
export function auditContentHash(e: Omit<HashedAuditFields, 'chainId' | 'seq' | 'prevHash'>): string {
  return sha256Hex(
    JSON.stringify([
      e.occurredAt.toISOString(),
      e.jurisdiction,
      e.actorUserId,
      e.actorRole,
      e.actorAgencyId,
      e.purpose,
      e.action,
      e.resource,
      e.recordId,
      e.changedFields,
      e.outcome,
      e.requestId,
    ]),
  );
}

/**
 * The link of an event into its chain. Kept to plain ASCII text so the database can compute it
 * too (`auditLinkSql`), which lets one statement lock a chain head, advance it and write the event.
 */
export function auditLinkHash(chainId: string, seq: number, prevHash: string, contentHash: string): string {
  return sha256Hex(`${chainId}|${seq}|${prevHash}|${contentHash}`);
}

export function auditEventHash(e: HashedAuditFields): string {
  return auditLinkHash(e.chainId, e.seq, e.prevHash, auditContentHash(e));
}

/** Number of chains per jurisdiction: more chains, less waiting between concurrent writers. */
export const chainsPerJurisdiction = 64;

/** Events about one record always land in the same chain, so its history reads in order. */
export function chainFor(jurisdiction: string, key: string): string {
  const bucket = createHash('sha256').update(key).digest().readUInt32BE(0) % chainsPerJurisdiction;
  return `${jurisdiction}:${bucket.toString().padStart(2, '0')}`;
}

/** Jurisdiction used for events about the organisation itself (users, roles, agencies). */
export const globalJurisdiction = '_';
