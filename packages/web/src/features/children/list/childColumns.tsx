import type { ChildSummary } from '@haven/domain';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../components/DataTable.tsx';
import { Facts } from '../../../components/Facts.tsx';
import { CaseStatusBadge, DueDate, OverdueBadge, RiskBadge } from '../../cases/badges.tsx';
import { countryName, formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { ChildLink } from '../ChildLink.tsx';

/** Columns of the case list, shared by the list page and the caseload on the home page. */
export function useChildColumns(options: { assigneeName?: (id: string | null) => string } = {}): Column<ChildSummary>[] {
  const { t } = useTranslation();
  const codes = useCodes();
  const columns: Column<ChildSummary>[] = [
    { key: 'child', header: t('children.child'), render: (child) => <ChildLink child={child} /> },
    {
      key: 'risk',
      header: t('cases.risk'),
      nowrap: true,
      render: (child) => (
        <Group gap={4} wrap="wrap" style={{ display: 'inline-flex' }}>
          <RiskBadge risk={child.case.riskLevel} />
          {child.case.overdue && <OverdueBadge />}
        </Group>
      ),
    },
    {
      key: 'status',
      header: t('cases.status'),
      render: (child) => (
        <Stack gap={2} align="flex-start" style={{ display: 'inline-flex' }}>
          <CaseStatusBadge status={child.case.status} />
          {child.case.status === 'open' && (
            <Text size="xs" c="dimmed">
              {codes.label('workflowStep', child.case.step)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'due',
      header: t('cases.nextDue'),
      render: (child) => (child.case.nextDueAt ? <DueDate dueAt={child.case.nextDueAt} overdue={child.case.overdue} /> : '—'),
    },
    {
      key: 'age',
      header: t('children.ageAndSex'),
      render: (child) => (
        <Facts
          span
          items={[
            child.age.years === null ? t('children.ageUnknown') : t('children.ageYears', { age: child.age.years }),
            t(`enums.sex.${child.sex}`),
          ]}
        />
      ),
    },
    {
      key: 'nationality',
      header: t('children.nationality'),
      render: (child) => formatList(child.nationality.map((code) => countryName(code))) || '—',
    },
  ];
  if (options.assigneeName) {
    const name = options.assigneeName;
    columns.push({ key: 'caseworker', header: t('cases.caseworker'), render: (child) => name(child.assignedUserId) });
  }
  return columns;
}
