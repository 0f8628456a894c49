import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface AuditEvent {
  chainId: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorAgencyId: string | null;
  purpose: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  changedFields: string[] | null;
  outcome: string;
  requestId: string | null;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  firstBroken: null | { chainId: string; seq: number; reason: string };
}

export const useVerifyAudit = () => useMutation({ mutationFn: () => api.post<VerifyResult>('/audit/verify') });
