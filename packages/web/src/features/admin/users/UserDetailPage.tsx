import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { useUser } from './api.ts';
import { UserActions } from './UserActions.tsx';
import { UserForm } from './UserForm.tsx';
import { UserStatusBadges } from './UserStatusBadges.tsx';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser(id);
  const canManage = usePermission('user:manage');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('users.backToList')}
      </Anchor>
      <QueryState isPending={user.isPending} error={user.error}>
        {user.data && (
          <>
            <PageTitle title={user.data.displayName} description={<UserStatusBadges user={user.data} />} />
            {canManage ? (
              <>
                <Card withBorder padding="lg" component="section" aria-labelledby="user-profile-title">
                  <Title order={2} size="h4" mb="md" id="user-profile-title">
                    {t('users.profile')}
                  </Title>
                  <UserForm key={user.data.id} user={user.data} onDone={() => undefined} />
                </Card>
                <UserActions user={user.data} />
              </>
            ) : (
              <Card withBorder padding="lg">
                <Text>{user.data.email}</Text>
                <Text c="dimmed">{user.data.jurisdiction}</Text>
              </Card>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
