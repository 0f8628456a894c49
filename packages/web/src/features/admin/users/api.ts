import type { User, UserUpdateInput } from '@haven/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const userKey = (id: string) => ['users', 'one', id] as const;

export function useUser(id: string) {
  return useQuery({ queryKey: userKey(id), queryFn: ({ signal }) => api.get<User>(`/users/${id}`, { signal }) });
}

/** PATCH a user (profile changes and the account actions: unlock, reset MFA, (de)activate, password). */
export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdateInput) => api.patch<User>(`/users/${id}`, input),
    onSuccess: (user) => {
      client.setQueryData(userKey(id), user);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useRevokeSessions(id: string) {
  return useMutation({ mutationFn: () => api.post<void>(`/users/${id}/revoke-sessions`) });
}
