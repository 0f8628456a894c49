import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionKey } from '../../api/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { useMe, useRegenerateRecoveryCodes } from '../auth/api.ts';
import { RecoveryCodes } from '../auth/RecoveryCodes.tsx';
import { TotpEnrolment } from '../auth/TotpEnrolment.tsx';

export function TwoFactorCard() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const regenerate = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mfa-card-title">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="mfa-card-title">
          {t('account.twoFactor')}
        </Title>
        <Badge color={me.user.mfaEnabled ? 'green' : 'gray'} variant="light">
          {me.user.mfaEnabled ? t('account.mfaOn') : t('account.mfaOff')}
        </Badge>
      </Group>
      <Text size="sm" mb="md">
        {me.user.mfaEnabled ? t('account.mfaOnText') : t('account.mfaOffText')}
        {me.role.requireMfa ? ` ${t('account.mfaRequiredByRole')}` : ''}
      </Text>
      {me.user.mfaEnabled ? (
        <ConfirmButton
          variant="default"
          color="blue"
          title={t('account.regenerateCodes')}
          message={t('account.regenerateConfirm')}
          confirmLabel={t('account.regenerateCodes')}
          loading={regenerate.isPending}
          onConfirm={() =>
            regenerate.mutate(undefined, {
              onSuccess: (data) => setCodes(data.recoveryCodes),
              onError: notifyError,
            })
          }
        >
          {t('account.regenerateCodes')}
        </ConfirmButton>
      ) : (
        <Button onClick={() => setEnrolling(true)} w="fit-content">
          {t('account.setUpMfa')}
        </Button>
      )}

      <Modal opened={enrolling} onClose={() => setEnrolling(false)} title={t('mfa.enrolTitle')} size="lg">
        {enrolling && (
          <TotpEnrolment
            onComplete={(updated) => {
              client.setQueryData(sessionKey, updated);
              setEnrolling(false);
              notifySuccess(t('account.mfaEnabledNotice'));
            }}
          />
        )}
      </Modal>
      <Modal
        opened={codes !== null}
        onClose={() => setCodes(null)}
        title={t('mfa.recoveryCodesTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        <Stack>{codes && <RecoveryCodes codes={codes} onAcknowledge={() => setCodes(null)} continueLabel={t('common.done')} />}</Stack>
      </Modal>
    </Card>
  );
}
