import type { Team } from '@haven/domain';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../../api/pagination.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { AgencyFilter } from '../AgencyFilter.tsx';
import { nameById, useAllAgencies } from '../options.ts';
import { ActiveBadge } from '../StatusBadge.tsx';
import { useEditor } from '../useEditor.ts';
import { TeamForm } from './TeamForm.tsx';

export function TeamsPage() {
  const { t } = useTranslation();
  const canManage = usePermission('team:manage');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const list = usePagedList<Team>(['teams', 'page'], '/teams', { agencyId: agencyId ?? undefined });
  const agencyName = nameById(useAllAgencies().data);
  const editor = useEditor<Team>();

  return (
    <>
      <PageTitle title={t('teams.title')} actions={canManage && <Button onClick={editor.create}>{t('teams.new')}</Button>} />
      <AgencyFilter value={agencyId} onChange={setAgencyId} />
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('teams.title')}
          rows={list.items}
          rowKey={(team) => team.id}
          columns={[
            { key: 'name', header: t('teams.name'), render: (team) => team.name },
            { key: 'agency', header: t('common.agency'), render: (team) => agencyName(team.agencyId) },
            { key: 'active', header: t('common.status'), render: (team) => <ActiveBadge active={team.active} /> },
          ]}
          actions={
            canManage
              ? (team) => (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => editor.edit(team)}
                    aria-label={t('common.editNamed', { name: team.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )
              : undefined
          }
        />
        <LoadMore {...list} />
      </QueryState>
      <FormModal opened={editor.opened} onClose={editor.close} title={editor.item ? t('teams.edit') : t('teams.new')}>
        <TeamForm team={editor.item} defaultAgencyId={agencyId} onDone={editor.close} />
      </FormModal>
    </>
  );
}
