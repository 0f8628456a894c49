import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';
import type { AdminArea } from '../../codes/adminAreas.ts';
import type { AreaPayload } from './areaForm.ts';

/** The areas of one jurisdiction (and its subdivisions). Shares its key's prefix with `useAdminAreas`, so saving refreshes both. */
export function useAreasOf(jurisdiction: string) {
  return useQuery({
    queryKey: ['admin-areas', jurisdiction],
    enabled: jurisdiction !== '',
    queryFn: ({ signal }) => api.get<{ items: AdminArea[] }>(withQuery('/admin-areas', { jurisdiction }), { signal }),
    select: (data) => data.items,
  });
}

/** Adds or renames one area. */
export function useSaveArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (area: AreaPayload) => api.put<{ saved: number }>('/admin-areas', { areas: [area] }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-areas'] }),
  });
}
