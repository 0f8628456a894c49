import type { TaskItem } from '@haven/domain';
import { Anchor, Button, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePermission } from '../auth/api.ts';
import { type CaseloadRow, useCaseloads, useTasks } from '../cases/api.ts';
import { useAssigneeName } from '../cases/useAssigneeName.ts';
import { TaskList } from '../tasks/TaskList.tsx';
import { MyTasks } from './CaseworkerHome.tsx';
import { HomeSection } from './HomeSection.tsx';
import { ReassignForm } from './ReassignForm.tsx';

const isApproval = (item: TaskItem) => item.task.kind.startsWith('approve_');
const isReferral = (item: TaskItem) => item.task.kind === 'open_referral';

/** The supervision queue split three ways: new referrals, approvals, and everything else that needs a look. */
function useSupervisionQueues() {
  const tasks = useTasks('supervision');
  const items = tasks.data ?? [];
  return {
    tasks,
    referrals: items.filter(isReferral),
    approvals: items.filter(isApproval),
    alerts: items.filter((item) => !isReferral(item) && !isApproval(item)),
  };
}

function CaseloadTable() {
  const { t } = useTranslation();
  const caseloads = useCaseloads();
  const canAssign = usePermission('case:assign');
  const [reassigning, setReassigning] = useState<CaseloadRow | null>(null);
  return (
    <HomeSection id="caseloads" title={t('home.caseloads')}>
      <QueryState isPending={caseloads.isPending} error={caseloads.error}>
        <DataTable
          caption={t('home.caseloads')}
          rows={caseloads.data ?? []}
          rowKey={(row) => row.userId}
          minWidth={480}
          columns={[
            {
              key: 'name',
              header: t('cases.caseworker'),
              render: (row) => (
                <Anchor component={Link} to={`/children?assignedUserId=${row.userId}&status=referred,open`}>
                  {row.displayName}
                </Anchor>
              ),
            },
            { key: 'open', header: t('home.openCases'), render: (row) => row.open },
            { key: 'overdue', header: t('home.overdueCases'), render: (row) => (row.overdue > 0 ? <strong>{row.overdue}</strong> : 0) },
            { key: 'highRisk', header: t('home.highRiskCases'), render: (row) => row.highRisk },
          ]}
          empty={t('home.noCaseloads')}
          actions={
            canAssign
              ? (row) =>
                  row.open > 0 && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setReassigning(row)}
                      aria-label={t('reassign.openNamed', { name: row.displayName })}
                    >
                      {t('reassign.open')}
                    </Button>
                  )
              : undefined
          }
        />
      </QueryState>
      <FormModal opened={reassigning !== null} onClose={() => setReassigning(null)} title={t('reassign.title')}>
        {reassigning && <ReassignForm from={reassigning} onDone={() => setReassigning(null)} />}
      </FormModal>
    </HomeSection>
  );
}

export function SupervisorHome() {
  const { t } = useTranslation();
  const { tasks, referrals, approvals, alerts } = useSupervisionQueues();
  const assigneeName = useAssigneeName();
  const overdueAlerts = alerts.filter((item) => item.task.overdue).length;
  const queue = (list: TaskItem[], label: string, empty: string) => (
    <QueryState isPending={tasks.isPending} error={tasks.error}>
      <TaskList tasks={list} label={label} empty={empty} assigneeName={assigneeName} />
    </QueryState>
  );
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <HomeSection id="alerts" title={t('home.alerts')} count={alerts.length} urgent={overdueAlerts > 0}>
          {queue(alerts, t('home.alerts'), t('home.noAlerts'))}
        </HomeSection>
        <Stack gap="lg">
          <HomeSection
            id="approvals"
            title={t('home.approvals')}
            count={approvals.length}
            actions={
              approvals.length > 0 && (
                <Button component={Link} to="/approvals" size="compact-sm" variant="default">
                  {t('home.reviewApprovals')}
                </Button>
              )
            }
          >
            {queue(approvals, t('home.approvals'), t('home.noApprovals'))}
          </HomeSection>
          <HomeSection id="referrals" title={t('home.referrals')} count={referrals.length} urgent={referrals.some((r) => r.task.overdue)}>
            {queue(referrals, t('home.referrals'), t('home.noReferrals'))}
          </HomeSection>
        </Stack>
      </SimpleGrid>
      <CaseloadTable />
      <MyTasks />
    </Stack>
  );
}
