import { Child, type ChildInput } from '@haven/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';

/** What a registrant without `child:read` gets back: the reference, and nothing about the child. */
export interface ChildReceipt {
  id: string;
  reference: string;
  createdAt: string;
}

export type RegisterResult = { kind: 'child'; child: Child } | { kind: 'receipt'; receipt: ChildReceipt };

export function useChild(id: string) {
  return useQuery({ queryKey: ['children', 'one', id], queryFn: ({ signal }) => api.get<Child>(`/children/${id}`, { signal }) });
}

export function useRegisterChild() {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: async (input: ChildInput): Promise<RegisterResult> => {
      const body = await api.post<unknown>('/children', input, { idempotencyKey: keyFor(input) });
      const child = Child.safeParse(body);
      return child.success ? { kind: 'child', child: child.data } : { kind: 'receipt', receipt: body as ChildReceipt };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['children'] }),
  });
}
