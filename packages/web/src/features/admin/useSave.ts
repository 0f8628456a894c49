import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';

/**
 * Creates (POST `basePath`) or updates (PATCH `basePath/:id`) an administrative record,
 * then refreshes every cached list under `listKey`.
 */
export function useSave<TInput, TResult>(listKey: string, basePath: string, id?: string) {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: TInput) =>
      id
        ? api.patch<TResult>(`${basePath}/${id}`, input)
        : api.post<TResult>(basePath, input, { idempotencyKey: keyFor(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: [listKey] }),
  });
}
