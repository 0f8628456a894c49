import type { Me } from '@haven/domain';
import { Button, Group, Image, List, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useTotpConfirm, useTotpSetup } from './api.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

const ConfirmInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function useQrCode(text: string | undefined): string | undefined {
  const [dataUrl, setDataUrl] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let cancelled = false;
    // The QR library is only needed here, so it is loaded on demand.
    void import('qrcode')
      .then((qr) => qr.toDataURL(text, { margin: 1, width: 220, errorCorrectionLevel: 'M' }))
      .then((url) => {
        if (!cancelled) setDataUrl(url);
      });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return dataUrl;
}

interface Props {
  /** Called with the updated session once the recovery codes have been acknowledged. */
  onComplete: (me: Me) => void;
}

/** Set up an authenticator app: scan (or type) the secret, confirm a code, save the recovery codes. */
export function TotpEnrolment({ onComplete }: Props) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const started = useRef(false);
  const form = useZodForm(ConfirmInput, { code: '' });
  const qr = useQrCode(setup.data?.otpauthUri);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (confirm.data) {
    const { recoveryCodes, me } = confirm.data;
    return <RecoveryCodes codes={recoveryCodes} onAcknowledge={() => onComplete(me)} />;
  }

  if (setup.error) {
    return (
      <Stack gap="sm">
        <ApiErrorAlert error={setup.error} />
        <Button variant="default" onClick={() => setup.mutate()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }

  const onSubmit = form.handleSubmit((values) =>
    confirm.mutate(values, {
      onError: (error) => {
        if (error instanceof ApiError && (error.code === 'mfa_invalid_code' || error.issues.length > 0)) {
          const message = error.issues[0]?.message ?? error.message;
          form.setError('code', { type: 'server', message }, { shouldFocus: true });
        }
      },
    }),
  );

  const secret = setup.data?.secret;
  const alertError =
    confirm.error instanceof ApiError && (confirm.error.code === 'mfa_invalid_code' || confirm.error.issues.length > 0)
      ? null
      : confirm.error;

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>{t('mfa.enrolStep1')}</List.Item>
        <List.Item>{t('mfa.enrolStep2')}</List.Item>
        <List.Item>{t('mfa.enrolStep3')}</List.Item>
      </List>
      <Group justify="center">
        {qr ? <Image src={qr} w={220} h={220} alt={t('mfa.qrAlt')} /> : <Skeleton w={220} h={220} aria-label={t('common.loading')} />}
      </Group>
      <div>
        <Text size="sm" fw={600} id="totp-secret-label">
          {t('mfa.secretLabel')}
        </Text>
        <Text className="mono" fz="lg" aria-labelledby="totp-secret-label" dir="ltr" ta="start">
          {secret ? groupSecret(secret) : '…'}
        </Text>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <LiveRegion>
            <ApiErrorAlert error={alertError} />
          </LiveRegion>
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            classNames={{ input: 'mono' }}
            error={form.formState.errors.code?.message}
            {...form.register('code')}
          />
          <Button type="submit" loading={confirm.isPending} disabled={!secret} size="md">
            {t('mfa.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
