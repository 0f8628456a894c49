import type { Child, childFlags } from '@haven/domain';

type ChildFlag = (typeof childFlags)[number];

import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../../components/Facts.tsx';
import { useMe } from '../../auth/api.ts';
import { ChildName } from '../../children/ChildName.tsx';
import { formatDate, formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { CaseStatusBadge, OverdueBadge, RiskBadge } from '../badges.tsx';
import { useCaseContext } from './CaseContext.tsx';
import { WorkflowProgress } from './WorkflowProgress.tsx';

const flagColor: Record<ChildFlag, string> = {
  age_in_doubt: 'indigo',
  birth_registration_referral: 'cyan',
  statelessness_referral: 'cyan',
  approaching_majority: 'orange',
  not_treated_as_child: 'red',
};

/** "Age 15 (estimated) · turns 18 on 1 March 2029". */
function AgeLine({ child }: { child: Child }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const parts = [
    child.age.years === null ? t('children.ageUnknown') : t('children.ageYears', { age: child.age.years }),
    child.age.birthDate
      ? `${t('children.born', { date: formatDate(child.age.birthDate) })} (${codes.label('birthDatePrecision', child.age.birthDatePrecision)})`
      : null,
    codes.label('ageBasis', child.age.ageBasis),
    child.age.eighteenthBirthday ? t('children.turns18', { date: formatDate(child.age.eighteenthBirthday) }) : null,
    t(`enums.sex.${child.sex}`),
  ];
  return <Facts items={parts} />;
}

/** Who the child is, where the case stands and who holds it: the top of the case page. */
export function CaseHeader() {
  const { t } = useTranslation();
  const codes = useCodes();
  const me = useMe();
  const { view, child } = useCaseContext();
  const caseworker = view.assignedUserId
    ? view.assignedUserId === me.user.id
      ? t('cases.me')
      : (view.users[view.assignedUserId] ?? '—')
    : null;
  useEffect(() => {
    document.title = `${view.reference} · ${t('app.name')}`;
  }, [view.reference, t]);

  return (
    <Card withBorder padding="md" component="header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              <ChildName child={child} />
            </Title>
            <Text className="mono" size="sm" c="dimmed">
              {view.reference}
            </Text>
          </div>
          <Group gap={6}>
            <CaseStatusBadge status={view.summary.status} size="md" />
            <RiskBadge risk={view.riskLevel} size="md" />
            {view.summary.urgent && view.summary.status !== 'closed' && (
              <Badge size="md" color="red.9" variant="outline">
                {t('cases.urgent')}
              </Badge>
            )}
            {view.summary.overdue && <OverdueBadge size="md" />}
          </Group>
        </Group>
        {child && <AgeLine child={child} />}
        {child && child.flags.length > 0 && (
          <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('cases.flags')}>
            {child.flags.map((flag) => (
              <Badge component="li" key={flag} color={flagColor[flag]} variant="light" tt="none" size="md">
                {codes.label('childFlag', flag)}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              {t('cases.caseworker')}:{' '}
            </Text>
            <Text span fw={600}>
              {caseworker ?? t('tasks.unassigned')}
            </Text>
          </Text>
          {view.pendingTransferTo && (
            <Text size="sm" c="orange.9">
              {t('cases.transferPending', {
                name: view.pendingTransferTo === me.user.id ? t('cases.me') : (view.users[view.pendingTransferTo] ?? '—'),
              })}
            </Text>
          )}
          {view.typology.length > 0 && (
            <Text size="sm">
              <Text span c="dimmed">
                {t('children.typology')}:{' '}
              </Text>
              {formatList(view.typology.map((value) => codes.label('typology', value)))}
            </Text>
          )}
        </Group>
        {view.summary.status !== 'merged' && <WorkflowProgress step={view.summary.step} status={view.summary.status} />}
      </Stack>
    </Card>
  );
}
