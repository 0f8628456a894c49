import { Anchor, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DetailList } from '../../../components/DetailList.tsx';
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
                <DetailList
                  items={[
                    { label: t('auth.email'), value: user.data.email },
                    { label: t('common.jurisdiction'), value: user.data.jurisdiction },
                  ]}
                />
              </Card>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
