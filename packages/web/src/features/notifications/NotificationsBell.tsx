import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BellIcon } from '../../components/icons.tsx';
import { usePermission } from '../auth/api.ts';
import { formatDateTime, formatRelative } from '../codes/format.ts';
import { useCodes } from '../codes/useCodes.ts';
import { type Notification, useMarkRead, useNotifications } from './api.ts';

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const codes = useCodes();
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: item.read ? undefined : 'var(--mantine-color-blue-0)',
        display: 'block',
        width: '100%',
      }}
    >
      <Text size="sm" fw={item.read ? 400 : 700}>
        {codes.label('notificationKind', item.kind)}
      </Text>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        {item.reference && (
          <Text size="xs" className="mono">
            {item.reference}
          </Text>
        )}
        <Text size="xs" c="dimmed" title={formatDateTime(item.createdAt)}>
          {formatRelative(item.createdAt)}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** Unread notifications in the header: a count on the bell, and the latest ones leading to their case. */
export function NotificationsBell() {
  const { t } = useTranslation();
  // Case notices for those who read cases; access-change alerts for those who watch the audit trail.
  const readsCases = usePermission('child:read');
  const watchesAccess = usePermission('audit:read');
  const canRead = readsCases || watchesAccess;
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications(canRead);
  const markRead = useMarkRead();
  if (!canRead) return null;
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  const open = (item: Notification) => {
    if (!item.read) markRead.mutate([item.id]);
    close();
    if (item.childId) navigate(`/children/${item.childId}`);
    else if (item.kind === 'access_change_requested' || item.kind === 'access_change_decided') navigate('/admin/change-requests');
  };
  return (
    // The indicator wraps the popover, not the other way round: the target (which gets aria-expanded) is then the button.
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red.9" offset={6}>
      <Popover opened={opened} onDismiss={close} position="bottom-end" width={320} withinPortal shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="dark"
            size={44}
            onClick={toggle}
            aria-label={t('notifications.open', { count: unread })}
            aria-expanded={opened}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Group justify="space-between" mb="xs" px={4}>
            <Text fw={700} size="sm">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('notifications.none')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
                {items.map((item) => (
                  <li key={item.id}>
                    <NotificationItem item={item} onOpen={open} />
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
