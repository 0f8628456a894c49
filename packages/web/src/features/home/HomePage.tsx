import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { hasPermission, useMe } from '../auth/api.ts';
import { AccessSummary } from './AccessSummary.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';
import { FirstContactHome } from './FirstContactHome.tsx';
import { SupervisorHome } from './SupervisorHome.tsx';

/** What the signed-in role works on first: tasks, supervision, or registering a child. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(me, permission);
  const description = `${me.role.name} · ${me.user.agencyName}`;

  let content = <AccessSummary />;
  if (can('child:list') && can('case:approve')) content = <SupervisorHome />;
  // Caseworkers, and those who serve the children assigned to them (service providers, guardians).
  else if (can('child:list') && (can('case:work') || can('child:read'))) content = <CaseworkerHome />;
  else if (can('child:create') && !can('child:list')) content = <FirstContactHome />;

  return (
    <Stack gap="lg">
      <PageTitle title={t('home.welcome', { name: me.user.displayName })} description={description} />
      {content}
    </Stack>
  );
}
