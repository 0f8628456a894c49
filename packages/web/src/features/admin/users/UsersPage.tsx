import type { User } from '@haven/domain';
import { Anchor, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePagedList } from '../../../api/pagination.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { AgencyFilter } from '../AgencyFilter.tsx';
import { nameById, useAllAgencies, useAllRoles } from '../options.ts';
import { useEditor } from '../useEditor.ts';
import { UserForm } from './UserForm.tsx';
import { UserStatusBadges } from './UserStatusBadges.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const canManage = usePermission('user:manage');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const list = usePagedList<User>(['users', 'page'], '/users', { agencyId: agencyId ?? undefined });
  const agencyName = nameById(useAllAgencies().data);
  const roleName = nameById(useAllRoles().data);
  const editor = useEditor<User>();

  return (
    <>
      <PageTitle title={t('users.title')} actions={canManage && <Button onClick={editor.create}>{t('users.new')}</Button>} />
      <AgencyFilter value={agencyId} onChange={setAgencyId} />
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('users.title')}
          rows={list.items}
          rowKey={(user) => user.id}
          columns={[
            {
              key: 'name',
              header: t('users.displayName'),
              render: (user) => (
                <Anchor component={Link} to={`/admin/users/${user.id}`}>
                  {user.displayName}
                </Anchor>
              ),
            },
            { key: 'email', header: t('auth.email'), render: (user) => user.email },
            { key: 'role', header: t('users.role'), render: (user) => roleName(user.roleId) },
            { key: 'agency', header: t('common.agency'), render: (user) => agencyName(user.agencyId) },
            { key: 'status', header: t('common.status'), render: (user) => <UserStatusBadges user={user} /> },
          ]}
        />
        <LoadMore {...list} />
      </QueryState>
      <FormModal opened={editor.opened} onClose={editor.close} title={t('users.new')}>
        <UserForm onDone={editor.close} onCancel={editor.close} />
      </FormModal>
    </>
  );
}
