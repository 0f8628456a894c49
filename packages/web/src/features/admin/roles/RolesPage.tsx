import type { Role } from '@haven/domain';
import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../../api/pagination.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { useEditor } from '../useEditor.ts';
import { RoleForm } from './RoleForm.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('role:manage');
  const list = usePagedList<Role>(['roles', 'page'], '/roles');
  const editor = useEditor<Role>();

  return (
    <>
      <PageTitle
        title={t('roles.title')}
        description={t('roles.intro')}
        actions={canManage && <Button onClick={editor.create}>{t('roles.new')}</Button>}
      />
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('roles.title')}
          rows={list.items}
          rowKey={(role) => role.id}
          columns={[
            { key: 'name', header: t('roles.name'), render: (role) => role.name },
            { key: 'key', header: t('roles.key'), render: (role) => <span className="mono">{role.key}</span> },
            { key: 'category', header: t('roles.category'), render: (role) => t(`enums.category.${role.category}`) },
            { key: 'scope', header: t('roles.scope'), render: (role) => t(`enums.scope.${role.scope}`) },
            {
              key: 'permissions',
              header: t('roles.permissions'),
              render: (role) => role.permissions.length,
            },
            {
              key: 'mfa',
              header: t('roles.mfa'),
              render: (role) =>
                role.requireMfa ? (
                  <Badge variant="light" miw="max-content">
                    {t('roles.mfaRequired')}
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray" miw="max-content">
                    {t('roles.mfaOptional')}
                  </Badge>
                ),
            },
          ]}
          actions={
            canManage
              ? (role) => (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => editor.edit(role)}
                    aria-label={t('common.editNamed', { name: role.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )
              : undefined
          }
        />
        <LoadMore {...list} />
      </QueryState>
      <FormModal opened={editor.opened} onClose={editor.close} title={editor.item ? t('roles.edit') : t('roles.new')} size="xl">
        <RoleForm role={editor.item} onDone={editor.close} />
      </FormModal>
    </>
  );
}
