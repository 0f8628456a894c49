import type { Child } from '@haven/domain';
import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePagedList } from '../../api/pagination.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePermission } from '../auth/api.ts';
import { formatDate, nationalityName } from './format.ts';

export function ChildrenPage() {
  const { t } = useTranslation();
  const canRead = usePermission('child:read');
  const canCreate = usePermission('child:create');
  const list = usePagedList<Child>(['children', 'page'], '/children');
  const hidden = <Text span c="dimmed" fs="italic">{t('children.hiddenValue')}</Text>;

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
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('children.title')}
          rows={list.items}
          rowKey={(child) => child.id}
          empty={t('children.empty')}
          columns={[
            {
              key: 'reference',
              nowrap: true,
              header: t('children.reference'),
              render: (child) =>
                canRead ? (
                  <Anchor component={Link} to={`/children/${child.id}`} className="mono">
                    {child.reference}
                  </Anchor>
                ) : (
                  <span className="mono">{child.reference}</span>
                ),
            },
            {
              key: 'givenName',
              header: t('children.givenName'),
              render: (child) => (child.givenName === undefined ? hidden : child.givenName),
            },
            { key: 'sex', header: t('children.sex'), render: (child) => t(`enums.sex.${child.sex}`) },
            { key: 'birthYear', header: t('children.birthYear'), render: (child) => child.birthYear ?? '—' },
            {
              key: 'nationality',
              header: t('children.nationality'),
              render: (child) => child.nationality.map((code) => nationalityName(code)).join(', ') || '—',
            },
            { key: 'createdAt', header: t('children.registered'), render: (child) => formatDate(child.createdAt) },
          ]}
        />
        <LoadMore {...list} />
      </QueryState>
    </>
  );
}
