import type { CaseStatus, RiskLevel } from '@haven/domain';
import { Badge, type BadgeProps, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../codes/format.ts';
import { useCodes } from '../codes/useCodes.ts';

// Colours chosen for at least 4.5:1 contrast between the text and the badge.
const riskStyle: Record<RiskLevel, BadgeProps> = {
  high: { color: 'red.9', variant: 'filled' },
  medium: { color: 'yellow.4', c: 'dark.9', variant: 'filled' },
  low: { color: 'teal.1', c: 'teal.9', variant: 'filled' },
};

export function RiskBadge({ risk, size = 'sm' }: { risk: RiskLevel | null; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  const codes = useCodes();
  if (!risk) {
    return (
      <Badge size={size} variant="outline" color="gray.7">
        {t('cases.notScreened')}
      </Badge>
    );
  }
  return (
    <Badge size={size} {...riskStyle[risk]}>
      {codes.label('riskLevel', risk)}
    </Badge>
  );
}

const statusColor: Record<CaseStatus, string> = { referred: 'violet.8', open: 'blue.8', closed: 'gray.7', merged: 'gray.7' };

export function CaseStatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: BadgeProps['size'] }) {
  const codes = useCodes();
  return (
    <Badge size={size} variant={status === 'merged' ? 'outline' : 'filled'} color={statusColor[status]}>
      {codes.label('caseStatus', status)}
    </Badge>
  );
}

export function OverdueBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color="red.9" variant="filled">
      {t('cases.overdue')}
    </Badge>
  );
}

/** A deadline as "in 3 hours", with the exact date and time beneath it. */
export function DueDate({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
      <time dateTime={dueAt}>
        {t(overdue ? 'cases.wasDue' : 'cases.due', { when: formatRelative(dueAt) })}
        <Text component="span" size="xs" c="dimmed" fw={400} display="block">
          {formatDateTime(dueAt)}
        </Text>
      </time>
    </Text>
  );
}
