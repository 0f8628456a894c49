import type { ApprovalSubject, TaskItem } from '@haven/domain';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useRecordAction, useTasks } from '../cases/api.ts';
import { DueDate, OverdueBadge, RiskBadge } from '../cases/badges.tsx';
import { useAssigneeName } from '../cases/useAssigneeName.ts';
import { ChildLink } from '../children/ChildLink.tsx';
import { useCodes } from '../codes/useCodes.ts';
import { byUrgency } from '../tasks/TaskList.tsx';

const approvalKinds = ['approve_assessment', 'approve_case_plan', 'approve_closure'] as const;
const subjectOf: Record<(typeof approvalKinds)[number], ApprovalSubject> = {
  approve_assessment: 'assessment',
  approve_case_plan: 'case_plan',
  approve_closure: 'closure',
};

/** One request for approval, decided here: approve, or send back with a reason. */
function ApprovalRow({ item }: { item: TaskItem }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const assignee = useAssigneeName();
  const record = useRecordAction(item.childId);
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const subject = subjectOf[item.task.kind as (typeof approvalKinds)[number]];
  const decide = (decision: 'approved' | 'rejected') => {
    if (decision === 'rejected' && !comment.trim()) {
      setMissingReason(true);
      return;
    }
    record.mutate(
      { action: { type: 'approval_decided', subject, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) } },
      {
        onSuccess: () =>
          notifySuccess(
            t(decision === 'approved' ? 'approvals.approvedNotice' : 'approvals.sentBackNotice', { reference: item.reference }),
          ),
      },
    );
  };
  const commentId = `approval-comment-${item.childId}-${subject}`;
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Group gap={6}>
              {item.task.overdue && <OverdueBadge />}
              <RiskBadge risk={item.riskLevel} />
              <Text fw={700}>{codes.label('approvalSubject', subject)}</Text>
            </Group>
            <ChildLink
              child={{ id: item.childId, reference: item.reference, displayName: item.displayName, nameHidden: item.nameHidden }}
            />
            <Text size="xs" c="dimmed">
              {t('tasks.assignedTo', { name: assignee(item.assignedUserId) })}
            </Text>
          </Stack>
          <DueDate dueAt={item.task.dueAt} overdue={item.task.overdue} />
        </Group>
        <Textarea
          id={commentId}
          label={t('approvals.comment')}
          description={t('approvals.commentHint')}
          autosize
          minRows={1}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            setMissingReason(false);
          }}
          error={missingReason ? t('approvals.reasonRequired') : undefined}
        />
        <LiveRegion>
          <ApiErrorAlert error={record.error} />
        </LiveRegion>
        <Group gap="sm">
          <Button
            color="green.9"
            loading={record.isPending && record.variables?.action.type === 'approval_decided'}
            onClick={() => decide('approved')}
          >
            {t('approvals.approve')}
          </Button>
          <Button variant="outline" color="red.9" disabled={record.isPending} onClick={() => decide('rejected')}>
            {t('approvals.sendBack')}
          </Button>
          <Button component={Link} to={`/children/${item.childId}`} variant="subtle">
            {t('approvals.openCase')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The supervisor's approval queue: assessments, case plans and closures waiting for a decision, the oldest due first. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const tasks = useTasks('supervision', { kinds: approvalKinds });
  const items = [...(tasks.data ?? [])].sort(byUrgency);
  return (
    <>
      <PageTitle title={t('approvals.pageTitle')} description={t('approvals.pageIntro')} />
      <LiveRegion mode="polite">
        {tasks.isSuccess && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('approvals.count', { count: items.length })}
          </Text>
        )}
      </LiveRegion>
      <QueryState isPending={tasks.isPending} error={tasks.error}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('home.noApprovals')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('approvals.pageTitle')}>
            {items.map((item) => (
              <ApprovalRow key={`${item.childId}:${item.task.kind}`} item={item} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
