import type { Agency, Role, Team } from '@haven/domain';
import { useQuery } from '@tanstack/react-query';
import { fetchAll } from '../../api/pagination.ts';
import { useMe, usePermission } from '../auth/api.ts';

export interface Option {
  value: string;
  label: string;
}

/** All agencies, for pickers and for showing names instead of ids. */
export function useAllAgencies() {
  const allowed = usePermission('agency:read');
  return useQuery({
    queryKey: ['agencies', 'all'],
    queryFn: () => fetchAll<Agency>('/agencies'),
    enabled: allowed,
  });
}

export function useAllTeams(agencyId: string | undefined) {
  const allowed = usePermission('team:read');
  return useQuery({
    queryKey: ['teams', 'all', agencyId ?? null],
    queryFn: () => fetchAll<Team>('/teams', { agencyId }),
    enabled: allowed,
  });
}

export function useAllRoles() {
  const allowed = usePermission('role:read');
  return useQuery({ queryKey: ['roles', 'all'], queryFn: () => fetchAll<Role>('/roles'), enabled: allowed });
}

export function toOptions<T extends { id: string; name: string }>(items: T[] | undefined): Option[] {
  return (items ?? []).map((item) => ({ value: item.id, label: item.name }));
}

export function nameById<T extends { id: string; name: string }>(items: T[] | undefined): (id: string) => string {
  const names = new Map((items ?? []).map((item) => [item.id, item.name]));
  return (id) => names.get(id) ?? id;
}

/** Agencies to pick from; before they load (or without agency:read), the user's own agency. */
export function useAgencyOptions(): Option[] {
  const agencies = useAllAgencies();
  const me = useMe();
  return agencies.data ? toOptions(agencies.data) : [{ value: me.user.agencyId, label: me.user.agencyName }];
}
