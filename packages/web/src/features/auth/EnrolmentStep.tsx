import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sessionKey } from '../../api/session.ts';
import { useSignOut } from './api.ts';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** Sign-in step for roles that require two-factor authentication when the user has not set it up yet. */
export function EnrolmentStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const cancel = useSignOut();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('mfa.enrolTitle')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('mfa.enrolRequired')}
        </Text>
      </div>
      <TotpEnrolment
        onComplete={(me) => {
          client.setQueryData(sessionKey, me);
          onDone();
        }}
      />
      <Anchor component="button" type="button" size="sm" ta="start" onClick={() => cancel.mutate(undefined, { onSettled: onDone })}>
        {t('auth.startOver')}
      </Anchor>
    </Stack>
  );
}
