import { approvalSubjects, type CaseView } from '@haven/domain';
import { Badge, Button, Card, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { useMe } from '../../auth/api.ts';
import { formatDate, formatDateTime } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { ActionsPanel } from '../actions/ActionsPanel.tsx';
import { actionForm } from '../actions/actionCatalog.tsx';
import { isOpenPlanAction, usePlanActionLabels } from '../actions/forms/planActionLabel.ts';
import { DueDate, OverdueBadge } from '../badges.tsx';
import { useCaseContext } from './CaseContext.tsx';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Who a task is for: the caseworker, the supervisors, or a named person. */
function useTaskOwner(view: CaseView): (task: CaseView['tasks'][number]) => string {
  const { t } = useTranslation();
  const me = useMe();
  return (task) => {
    if (task.for === 'supervisor') return t('cases.forSupervisor');
    const id = task.userId ?? (task.for === 'caseworker' ? view.assignedUserId : null);
    if (!id) return t('tasks.unassigned');
    return id === me.user.id ? t('cases.me') : (view.users[id] ?? '—');
  };
}

function CaseTasks() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const owner = useTaskOwner(view);
  const planLabel = usePlanActionLabels(view, (service) => codes.label('serviceType', service));
  const planActions = new Map(view.plan?.actions.map((a) => [a.id, a]) ?? []);
  const tasks = [...view.tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  return (
    <Section id="case-tasks" title={t('cases.tasks')}>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {view.summary.status === 'closed' ? t('cases.noTasksClosed') : t('cases.noTasks')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('cases.tasks')}>
          {tasks.map((task) => {
            const planAction = task.kind === 'plan_action' ? planActions.get(task.ref) : undefined;
            return (
              <Paper
                component="li"
                key={`${task.kind}:${task.ref}`}
                withBorder
                p="sm"
                style={task.overdue ? { borderInlineStart: '4px solid var(--mantine-color-red-9)' } : undefined}
              >
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Group gap={6}>
                      {task.overdue && <OverdueBadge />}
                      <Text fw={600} size="sm">
                        {codes.label('taskKind', task.kind)}
                      </Text>
                    </Group>
                    {planAction && (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {planLabel(planAction)}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('cases.taskFor', { who: owner(task) })}
                    </Text>
                  </Stack>
                  <DueDate dueAt={task.dueAt} overdue={task.overdue} />
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

function CasePlanSummary() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const [updating, setUpdating] = useState<string | null>(null);
  const label = usePlanActionLabels(view, (service) => codes.label('serviceType', service));
  const canUpdate = view.allowedActions.includes('plan_action_updated');
  if (!view.plan) return null;
  return (
    <Section id="case-plan" title={t('plan.title')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('plan.recordedOn', { date: formatDateTime(view.plan.at) })}
        {view.approvals.case_plan ? ` · ${codes.label('approvalStatus', view.approvals.case_plan.status)}` : ''}
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('plan.actions')}>
        {view.plan.actions.map((action) => (
          <Paper component="li" key={action.id} withBorder p="sm">
            <Group justify="space-between" gap="xs" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {label(action)}
                </Text>
                {action.provider && (
                  <Text size="xs" c="dimmed">
                    {t('plan.providerIs', { provider: action.provider })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                <Badge
                  variant={isOpenPlanAction(action) ? 'outline' : 'light'}
                  color={action.status === 'done' ? 'green' : action.status === 'cancelled' ? 'gray' : 'blue'}
                >
                  {codes.label('planActionStatus', action.status)}
                </Badge>
                {canUpdate && isOpenPlanAction(action) && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => setUpdating(action.id)}
                    aria-label={t('plan.updateNamed', { action: label(action) })}
                  >
                    {t('plan.update')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <FormModal opened={updating !== null} onClose={() => setUpdating(null)} title={t('actionButton.plan_action_updated')}>
        {updating && actionForm('plan_action_updated', { onDone: () => setUpdating(null), planActionId: updating })}
      </FormModal>
    </Section>
  );
}

function Approvals() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const rows = approvalSubjects.flatMap((subject) => {
    const approval = view.approvals[subject];
    return approval ? [{ subject, approval }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <Section id="case-approvals" title={t('approvals.title')}>
      <Stack gap="xs">
        {rows.map(({ subject, approval }) => (
          <Group key={subject} justify="space-between" gap="xs">
            <Text size="sm">{codes.label('approvalSubject', subject)}</Text>
            <Stack gap={0} align="flex-end">
              <Badge
                color={approval.status === 'approved' ? 'green.9' : approval.status === 'rejected' ? 'red.9' : 'yellow.4'}
                c={approval.status === 'pending' ? 'dark.9' : undefined}
              >
                {codes.label('approvalStatus', approval.status)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDate(approval.decidedAt ?? approval.requestedAt)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

function Promptness() {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const hours = (value: number | null) => (value === null ? '—' : t('cases.hours', { hours: Math.round(value * 10) / 10 }));
  return (
    <Section id="case-situation" title={t('cases.situation')}>
      <dl className="detail-list">
        <div className="detail-list-row">
          <dt>{t('children.careStatus')}</dt>
          <dd>{view.careStatus ? codes.label('careStatus', view.careStatus) : '—'}</dd>
        </div>
        <div className="detail-list-row">
          <dt>{t('children.stage')}</dt>
          <dd>{view.stage ? codes.label('migrationStage', view.stage) : '—'}</dd>
        </div>
        {view.familyComplicit && (
          <div className="detail-list-row">
            <dt>{t('cases.familyContact')}</dt>
            <dd>{codes.label('familyContact', view.familyContact)}</dd>
          </div>
        )}
        <div className="detail-list-row">
          <dt>{t('cases.contactToReferral')}</dt>
          <dd>
            {hours(view.promptness.contactToReferralHours)} {view.promptness.contactToReferralLate && <OverdueBadge />}
          </dd>
        </div>
        <div className="detail-list-row">
          <dt>{t('cases.referralToOpening')}</dt>
          <dd>
            {hours(view.promptness.referralToOpeningHours)} {view.promptness.referralToOpeningLate && <OverdueBadge />}
          </dd>
        </div>
      </dl>
    </Section>
  );
}

/** What to do now on the case: actions, tasks with their deadlines, the plan and approvals. */
export function OverviewSection() {
  const { view } = useCaseContext();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {view.summary.status !== 'merged' && <ActionsPanel />}
          <CaseTasks />
          <CasePlanSummary />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Approvals />
          <Promptness />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
