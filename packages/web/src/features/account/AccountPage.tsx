import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { notifyError } from '../../components/notify.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { languageNames } from '../../i18n/i18n.ts';
import { useMe, useSignOut } from '../auth/api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Text component="dt" c="dimmed" size="sm" miw={120}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const signOutEverywhere = useSignOut(true);

  return (
    <Stack gap="lg">
      <PageTitle title={t('account.title')} />
      <Card withBorder padding="lg" component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" mb="sm" id="profile-title">
          {t('account.profile')}
        </Title>
        <Stack gap={6} component="dl" m={0}>
          <Detail label={t('users.displayName')} value={me.user.displayName} />
          <Detail label={t('auth.email')} value={me.user.email} />
          <Detail label={t('home.role')} value={me.role.name} />
          <Detail label={t('home.agency')} value={me.user.agencyName} />
          <Detail label={t('language.label')} value={languageNames[me.user.locale]} />
        </Stack>
      </Card>
      <ChangePasswordForm />
      <TwoFactorCard />
      <Card withBorder padding="lg" component="section" aria-labelledby="sessions-title">
        <Title order={2} size="h4" mb="sm" id="sessions-title">
          {t('account.sessions')}
        </Title>
        <Text size="sm" mb="md">
          {t('account.signOutEverywhereText')}
        </Text>
        <ConfirmButton
          color="red"
          variant="outline"
          title={t('account.signOutEverywhere')}
          message={t('account.signOutEverywhereConfirm')}
          confirmLabel={t('account.signOutEverywhere')}
          loading={signOutEverywhere.isPending}
          onConfirm={() =>
            signOutEverywhere.mutate(undefined, {
              onSuccess: () => navigate('/sign-in', { replace: true }),
              onError: notifyError,
            })
          }
        >
          {t('account.signOutEverywhere')}
        </ConfirmButton>
      </Card>
    </Stack>
  );
}
