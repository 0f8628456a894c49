import { MfaVerifyInput } from '@haven/domain';
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { applyServerErrors } from '../../forms/serverErrors.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useSignOut, useVerifyMfa } from './api.ts';

const FIELDS = ['code'] as const;

/** Second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaVerifyForm() {
  const { t } = useTranslation();
  const verify = useVerifyMfa();
  const cancel = useSignOut();
  const [recovery, setRecovery] = useState(false);
  const form = useZodForm(MfaVerifyInput, { code: '' });

  const onSubmit = form.handleSubmit((values) =>
    verify.mutate(values, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'mfa_invalid_code') {
          form.setError('code', { type: 'server', message: error.message }, { shouldFocus: true });
        } else {
          applyServerErrors(error, form.setError, FIELDS);
        }
      },
    }),
  );

  const switchMode = () => {
    setRecovery((value) => !value);
    form.reset({ code: '' });
    verify.reset();
  };

  // The wrong-code message already shows under the field.
  const alertError = verify.error instanceof ApiError && verify.error.code === 'mfa_invalid_code' ? null : verify.error;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="mfa-title">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" id="mfa-title">
            {t('mfa.verifyTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {recovery ? t('mfa.recoveryIntro') : t('mfa.verifyIntro')}
          </Text>
        </div>
        <LiveRegion>
          <ApiErrorAlert error={alertError} fields={FIELDS} />
        </LiveRegion>
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? t('mfa.recoveryCode') : t('mfa.code')}
          description={recovery ? t('mfa.recoveryCodeHint') : t('mfa.codeHint')}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          autoCapitalize="off"
          spellCheck={false}
          maxLength={recovery ? 20 : 6}
          required
          data-autofocus
          classNames={{ input: 'mono' }}
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth size="md">
          {t('mfa.verify')}
        </Button>
        <Anchor component="button" type="button" onClick={switchMode} size="sm" ta="start">
          {recovery ? t('mfa.useAuthenticator') : t('mfa.useRecoveryCode')}
        </Anchor>
        <Anchor component="button" type="button" onClick={() => cancel.mutate()} size="sm" ta="start">
          {t('auth.startOver')}
        </Anchor>
      </Stack>
    </form>
  );
}
