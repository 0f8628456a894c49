import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { AuditEvent, AuditVerifyResult as VerifyResult } from '@haven/domain';

import type { AuditVerifyResult } from '@haven/domain';

export const useVerifyAudit = () => useMutation({ mutationFn: () => api.post<AuditVerifyResult>('/audit/verify') });
