import type { ChildSummary } from '@haven/domain';
import { Anchor, Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import type { Page } from '../../api/pagination.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePermission } from '../auth/api.ts';
import { useTasks } from '../cases/api.ts';
import { useChildColumns } from '../children/list/childColumns.tsx';
import { TaskList } from '../tasks/TaskList.tsx';
import { HomeSection } from './HomeSection.tsx';

const caseloadQuery = { assignedUserId: 'me', status: 'referred,open', sort: 'due', limit: 50 };

/** My open cases, the next deadline first. */
export function useMyCaseload() {
  return useQuery({
    queryKey: ['children', 'caseload', 'me'],
    queryFn: ({ signal }) => api.get<Page<ChildSummary>>(withQuery('/children', caseloadQuery), { signal }),
    select: (page) => page.items,
  });
}

export function MyTasks() {
  const { t } = useTranslation();
  const tasks = useTasks('mine');
  const overdue = tasks.data?.filter((item) => item.task.overdue).length ?? 0;
  return (
    <HomeSection id="my-tasks" title={t('home.myTasks')} count={overdue || tasks.data?.length} urgent={overdue > 0}>
      <QueryState isPending={tasks.isPending} error={tasks.error}>
        <TaskList tasks={tasks.data ?? []} label={t('home.myTasks')} empty={t('home.noTasks')} />
      </QueryState>
    </HomeSection>
  );
}

export function MyCaseload() {
  const { t } = useTranslation();
  const caseload = useMyCaseload();
  const columns = useChildColumns().filter((column) => column.key !== 'nationality');
  return (
    <HomeSection
      id="my-caseload"
      title={t('home.myCaseload')}
      count={caseload.data?.length}
      actions={
        <Anchor component={Link} to="/children?assignedUserId=me" size="sm">
          {t('home.allMyCases')}
        </Anchor>
      }
    >
      <QueryState isPending={caseload.isPending} error={caseload.error}>
        <DataTable
          caption={t('home.myCaseload')}
          rows={caseload.data ?? []}
          rowKey={(child) => child.id}
          columns={columns}
          empty={t('home.noCases')}
        />
      </QueryState>
    </HomeSection>
  );
}

export function CaseworkerHome() {
  const { t } = useTranslation();
  const canCreate = usePermission('child:create');
  return (
    <>
      {canCreate && (
        <Group gap="sm">
          <Button component={Link} to="/children/new">
            {t('nav.registerChild')}
          </Button>
          <Button component={Link} to="/children/first-contact" variant="default">
            {t('nav.firstContact')}
          </Button>
        </Group>
      )}
      <MyTasks />
      <MyCaseload />
    </>
  );
}
