import type { ChangeRequest, ChangeRequestInput, ChangeRequestStatus } from '@haven/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';

const changeRequestsKey = ['changeRequests'] as const;

export function useChangeRequests(status?: ChangeRequestStatus) {
  return useQuery({
    queryKey: [...changeRequestsKey, status ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: ChangeRequest[] }>(withQuery('/change-requests', { status }), { signal }),
  });
}

/** Submits a change a second administrator must approve (four eyes). */
export function useRequestChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeRequestInput) => api.post<ChangeRequest>('/change-requests', input),
    onSuccess: () => client.invalidateQueries({ queryKey: changeRequestsKey }),
  });
}

/** Approves (and so applies) or rejects a pending request; the server refuses its own requester. */
export function useDecideChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      api.post<ChangeRequest>(`/change-requests/${id}/${decision}`),
    onSuccess: () => client.invalidateQueries(),
  });
}
