import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../api/pagination.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePermission } from '../auth/api.ts';
import { formatDateTime } from '../codes/format.ts';
import type { AuditEvent } from './api.ts';
import { VerifyPanel } from './VerifyPanel.tsx';

const shortId = (id: string | null) => (id ? id.slice(0, 8) : '—');

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const canVerify = usePermission('audit:verify');
  const list = usePagedList<AuditEvent>(['audit', 'page'], '/audit/events');
  const label = (prefix: string, value: string | null) =>
    value && i18n.exists(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : (value ?? '—');

  return (
    <Stack gap="lg">
      <PageTitle title={t('audit.title')} description={t('audit.intro')} />
      {canVerify && <VerifyPanel />}
      <QueryState isPending={list.isPending} error={list.error}>
        <DataTable
          caption={t('audit.events')}
          minWidth={1100}
          rows={list.items}
          rowKey={(event) => `${event.chainId}:${event.seq}`}
          columns={[
            { key: 'when', header: t('audit.when'), nowrap: true, render: (e) => formatDateTime(e.occurredAt) },
            {
              key: 'action',
              nowrap: true,
              header: t('audit.action'),
              render: (e) => (
                <bdi className="mono">
                  {e.resource}:{e.action}
                </bdi>
              ),
            },
            {
              key: 'outcome',
              nowrap: true,
              header: t('audit.outcome'),
              render: (e) => (
                <Badge color={e.outcome === 'success' ? 'green' : 'red'} variant="light" miw="max-content">
                  {label('audit.outcomes', e.outcome)}
                </Badge>
              ),
            },
            { key: 'actor', nowrap: true, header: t('audit.actor'), render: (e) => <bdi className="mono">{shortId(e.actorUserId)}</bdi> },
            { key: 'role', header: t('audit.role'), render: (e) => e.actorRole ?? '—' },
            { key: 'purpose', header: t('audit.purpose'), render: (e) => label('enums.purpose', e.purpose) },
            { key: 'record', nowrap: true, header: t('audit.record'), render: (e) => <bdi className="mono">{shortId(e.recordId)}</bdi> },
            {
              key: 'fields',
              header: t('audit.changedFields'),
              render: (e) => (e.changedFields?.length ? e.changedFields.join(', ') : '—'),
            },
            {
              key: 'seq',
              nowrap: true,
              header: t('audit.sequence'),
              render: (e) => (
                <Text span size="xs" className="mono" dir="ltr">
                  {shortId(e.chainId)}#{e.seq}
                </Text>
              ),
            },
          ]}
        />
        <LoadMore {...list} />
      </QueryState>
    </Stack>
  );
}
