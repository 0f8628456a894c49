import type { TaskItem } from '@haven/domain';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DueDate, OverdueBadge, RiskBadge } from '../cases/badges.tsx';
import { ChildLink } from '../children/ChildLink.tsx';
import { useCodes } from '../codes/useCodes.ts';

/** Overdue first, then by due date: what to do next comes first. */
export function byUrgency(a: TaskItem, b: TaskItem): number {
  if (a.task.overdue !== b.task.overdue) return a.task.overdue ? -1 : 1;
  return a.task.dueAt.localeCompare(b.task.dueAt);
}

interface Props {
  tasks: TaskItem[];
  /** Names the list for assistive technology. */
  label: string;
  empty: string;
  /** Shows whose case it is (supervision views). */
  assigneeName?: (userId: string | null) => string | null;
  /** Buttons shown with each task (approve, open…). */
  actions?: (task: TaskItem) => React.ReactNode;
}

/** Tasks with their risk, what is due and when, each linking to its case. */
export function TaskList({ tasks, label, empty, assigneeName, actions }: Props) {
  const { t } = useTranslation();
  const codes = useCodes();
  if (tasks.length === 0) {
    return (
      <Text c="dimmed" py="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {[...tasks].sort(byUrgency).map((item) => {
        const assignee = assigneeName?.(item.assignedUserId) ?? item.assignedUserName ?? undefined;
        return (
          <Paper
            component="li"
            key={`${item.childId}:${item.task.kind}:${item.task.ref}`}
            withBorder
            p="sm"
            style={item.task.overdue ? { borderInlineStart: '4px solid var(--mantine-color-red-9)' } : undefined}
          >
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Group gap={6}>
                  {item.task.overdue && <OverdueBadge />}
                  <RiskBadge risk={item.riskLevel} />
                  <Text fw={600} size="sm">
                    {codes.label('taskKind', item.task.kind)}
                  </Text>
                </Group>
                <ChildLink
                  child={{ id: item.childId, reference: item.reference, displayName: item.displayName, nameHidden: item.nameHidden }}
                  size="sm"
                />
                {assigneeName && (
                  <Text size="xs" c="dimmed">
                    {assignee ? t('tasks.assignedTo', { name: assignee }) : t('tasks.unassigned')}
                  </Text>
                )}
              </Stack>
              <Stack gap={6} align="flex-end" style={{ flex: '0 1 auto' }}>
                <DueDate dueAt={item.task.dueAt} overdue={item.task.overdue} />
                {actions && <Group gap="xs">{actions(item)}</Group>}
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
