import { z } from 'zod';

/** One audit event as the API returns it: who, role, agency, purpose, action, record, field names, when. */
export const AuditEvent = z.object({
  chainId: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  jurisdiction: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorAgencyId: z.string().nullable(),
  purpose: z.string().nullable(),
  action: z.string(),
  resource: z.string(),
  recordId: z.string().nullable(),
  changedFields: z.array(z.string()),
  outcome: z.enum(['success', 'denied']),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  events: z.number().int(),
  seals: z.number().int(),
  firstBroken: z
    .object({
      chainId: z.string(),
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch', 'seal_mismatch']),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
