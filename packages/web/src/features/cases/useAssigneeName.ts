import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';
import { useAssignees } from './api.ts';

/** Names of caseworkers for the caseworker column; "me" for the signed-in user. */
export function useAssigneeName(): (id: string | null) => string {
  const { t } = useTranslation();
  const me = useMe();
  const assignees = useAssignees();
  const names = new Map((assignees.data ?? []).map((user) => [user.id, user.displayName]));
  return (id) => {
    if (!id) return t('tasks.unassigned');
    if (id === me.user.id) return t('cases.me');
    return names.get(id) ?? '—';
  };
}
