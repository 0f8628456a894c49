import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useSignOut } from '../features/auth/api.ts';
import { notifyError } from './notify.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by hidden text, not aria-label: the visible initials are decoration, and a label that
            leaves out the visible text trips voice control (WCAG 2.5.3, label in name). */}
        <UnstyledButton style={{ borderRadius: '50%' }}>
          <Avatar color="blue" radius="xl" size={44} aria-hidden>
            {initials(me.user.displayName)}
          </Avatar>
          <VisuallyHidden>{t('userMenu.open', { name: me.user.displayName })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.user.displayName}
          </Text>
          <Text size="xs">{me.role.name}</Text>
        </Menu.Label>
        <Menu.Item onClick={() => navigate('/account')}>{t('nav.account')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => navigate('/sign-in', { replace: true }),
              onError: notifyError,
            })
          }
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
