import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../api/pagination.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePermission } from '../auth/api.ts';
import { formatDateTime } from '../children/format.ts';
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
          rows={list.items}
          rowKey={(event) => `${event.chainId}:${event.seq}`}
          columns={[
            { key: 'when', header: t('audit.when'), render: (e) => formatDateTime(e.occurredAt) },
            {
              key: 'action',
              header: t('audit.action'),
              render: (e) => (
                <span className="mono">
                  {e.resource}:{e.action}
                </span>
              ),
            },
            {
              key: 'outcome',
              header: t('audit.outcome'),
              render: (e) => (
                <Badge color={e.outcome === 'success' || e.outcome === 'allowed' ? 'green' : 'red'} variant="light">
                  {label('audit.outcomes', e.outcome)}
                </Badge>
              ),
            },
            { key: 'actor', header: t('audit.actor'), render: (e) => <span className="mono">{shortId(e.actorUserId)}</span> },
            { key: 'role', header: t('audit.role'), render: (e) => e.actorRole ?? '—' },
            { key: 'purpose', header: t('audit.purpose'), render: (e) => label('enums.purpose', e.purpose) },
            { key: 'record', header: t('audit.record'), render: (e) => <span className="mono">{shortId(e.recordId)}</span> },
            {
              key: 'fields',
              header: t('audit.changedFields'),
              render: (e) => (e.changedFields?.length ? e.changedFields.join(', ') : '—'),
            },
            {
              key: 'seq',
              header: t('audit.sequence'),
              render: (e) => (
                <Text span size="xs" className="mono">
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
