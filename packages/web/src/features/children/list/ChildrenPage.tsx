import type { ChildSummary } from '@haven/domain';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePagedList } from '../../../api/pagination.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { useAssigneeName } from '../../cases/useAssigneeName.ts';
import { ChildFilters } from './ChildFilters.tsx';
import { useChildColumns } from './childColumns.tsx';
import { filterParams, filtersFromParams, type ListFilters } from './listFilters.ts';

export function ChildrenPage() {
  const { t } = useTranslation();
  const canCreate = usePermission('child:create');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const query = filterParams(filters);
  const list = usePagedList<ChildSummary>(['children', 'page'], '/children', query);
  const columns = useChildColumns({ assigneeName: useAssigneeName() });
  const update = (next: ListFilters) => setParams(filterParams(next), { replace: true });

  return (
    <>
      <PageTitle
        title={t('children.title')}
        actions={
          canCreate && (
            <Button component={Link} to="/children/new">
              {t('nav.registerChild')}
            </Button>
          )
        }
      />
      <ChildFilters filters={filters} onChange={update} />
      <LiveRegion mode="polite">
        {!list.isPending && !list.error && (
          <Text size="sm" c="dimmed" mb="xs">
            {t(list.hasNextPage ? 'children.shownMore' : 'children.shown', { count: list.items.length })}
          </Text>
        )}
      </LiveRegion>
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('children.title')}
          rows={list.items}
          rowKey={(child) => child.id}
          empty={Object.keys(query).some((key) => key !== 'sort') ? t('children.noMatch') : t('children.empty')}
          columns={columns}
          minWidth={900}
        />
        <LoadMore {...list} />
      </QueryState>
    </>
  );
}
