import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';

export interface Notification {
  id: string;
  kind: string;
  childId: string | null;
  reference: string | null;
  ref: string;
  createdAt: string;
  read: boolean;
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<{ unread: number; items: Notification[] }>(withQuery('/notifications', { limit: 20 }), { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post<{ updated: number }>('/notifications/read', { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
