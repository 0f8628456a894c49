import type { Agency } from '@haven/domain';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../../api/pagination.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { ActiveBadge } from '../StatusBadge.tsx';
import { useEditor } from '../useEditor.ts';
import { AgencyForm } from './AgencyForm.tsx';

export function AgenciesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('agency:manage');
  const list = usePagedList<Agency>(['agencies', 'page'], '/agencies');
  const editor = useEditor<Agency>();

  return (
    <>
      <PageTitle title={t('agencies.title')} actions={canManage && <Button onClick={editor.create}>{t('agencies.new')}</Button>} />
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('agencies.title')}
          rows={list.items}
          rowKey={(a) => a.id}
          columns={[
            { key: 'name', header: t('agencies.name'), render: (a) => a.name },
            { key: 'code', header: t('agencies.code'), render: (a) => <span className="mono">{a.code}</span> },
            { key: 'jurisdiction', header: t('common.jurisdiction'), render: (a) => a.jurisdiction },
            { key: 'kind', header: t('agencies.kind'), render: (a) => t(`enums.agencyKind.${a.kind}`) },
            { key: 'active', header: t('common.status'), render: (a) => <ActiveBadge active={a.active} /> },
          ]}
          actions={
            canManage
              ? (a) => (
                  <Button size="xs" variant="default" onClick={() => editor.edit(a)} aria-label={t('common.editNamed', { name: a.name })}>
                    {t('common.edit')}
                  </Button>
                )
              : undefined
          }
        />
        <LoadMore {...list} />
      </QueryState>
      <FormModal opened={editor.opened} onClose={editor.close} title={editor.item ? t('agencies.edit') : t('agencies.new')}>
        <AgencyForm agency={editor.item} onDone={editor.close} />
      </FormModal>
    </>
  );
}
