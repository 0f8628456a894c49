import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { notifyError } from '../../components/notify.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { languageNames } from '../../i18n/i18n.ts';
import { useMe, useSignOut } from '../auth/api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

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
        <DetailList
          items={[
            { label: t('users.displayName'), value: me.user.displayName },
            { label: t('auth.email'), value: me.user.email },
            { label: t('home.role'), value: me.role.name },
            { label: t('home.agency'), value: me.user.agencyName },
            { label: t('language.label'), value: languageNames[me.user.locale] },
          ]}
        />
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
