import type { ChangeRequest } from '@haven/domain';
import { Badge, Button, Group, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useMe, usePermission } from '../../auth/api.ts';
import { formatDateTime } from '../../codes/format.ts';
import { useChangeRequests, useDecideChangeRequest } from './api.ts';
import { PatchSummary } from './PatchSummary.tsx';

const statusColour = { pending: 'orange', approved: 'green', rejected: 'gray' } as const;

/** Four-eyes access changes: a second administrator approves or rejects what another requested. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const list = useChangeRequests(status === 'pending' ? 'pending' : undefined);
  const decide = useDecideChangeRequest();
  const manages = {
    role: usePermission('role:manage'),
    agency: usePermission('agency:manage'),
    user: usePermission('user:manage'),
  };
  const canDecide = (r: ChangeRequest) => r.status === 'pending' && manages[r.target] && r.requestedBy !== me.user.id;

  return (
    <>
      <PageTitle
        title={t('changeRequests.title')}
        description={t('changeRequests.intro')}
        actions={
          <SegmentedControl
            value={status}
            onChange={(value) => setStatus(value as 'pending' | 'all')}
            data={[
              { value: 'pending', label: t('changeRequests.pending') },
              { value: 'all', label: t('changeRequests.all') },
            ]}
          />
        }
      />
      <ApiErrorAlert error={decide.error} />
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('changeRequests.title')}
          rows={list.data?.items ?? []}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'target',
              header: t('changeRequests.target'),
              // The name isolated: a Latin agency name must not pull the colon to the wrong side in Arabic.
              render: (r) => (
                <span>
                  {t(`changeRequests.targets.${r.target}`)}: <bdi>{r.targetName}</bdi>
                </span>
              ),
            },
            { key: 'patch', header: t('changeRequests.change'), render: (r) => <PatchSummary request={r} /> },
            { key: 'requestedBy', header: t('changeRequests.requestedBy'), render: (r) => <bdi>{r.requestedByName}</bdi> },
            { key: 'requestedAt', header: t('changeRequests.requestedAt'), render: (r) => formatDateTime(r.requestedAt) },
            {
              key: 'status',
              header: t('common.status'),
              render: (r) => (
                <Badge variant="light" color={statusColour[r.status]} miw="max-content">
                  {t(`changeRequests.statuses.${r.status}`)}
                </Badge>
              ),
            },
          ]}
          actions={(r) =>
            canDecide(r) ? (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}>
                  {t('changeRequests.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: r.id, decision: 'reject' })}
                >
                  {t('changeRequests.reject')}
                </Button>
              </Group>
            ) : null
          }
        />
      </QueryState>
    </>
  );
}
