import type { User } from '@haven/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function isLocked(user: Pick<User, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

export function UserStatusBadges({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={user.active ? 'green' : 'gray'} variant="light">
        {user.active ? t('common.active') : t('common.inactive')}
      </Badge>
      {isLocked(user) && (
        <Badge color="orange" variant="light">
          {t('users.locked')}
        </Badge>
      )}
      <Badge color={user.mfaEnabled ? 'blue' : 'gray'} variant="outline">
        {user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}
      </Badge>
    </Group>
  );
}
