import { LoginInput } from '@haven/domain';
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { applyServerErrors } from '../../forms/serverErrors.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useLogin } from './api.ts';

const FIELDS = ['email', 'password'] as const;

export function CredentialsForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useZodForm(LoginInput, { email: '', password: '' });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    login.mutate(values, { onError: (error) => applyServerErrors(error, form.setError, FIELDS) }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" id="sign-in-title">
            {t('auth.signInTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('auth.signInIntro')}
          </Text>
        </div>
        <LiveRegion>
          <ApiErrorAlert error={login.error} fields={FIELDS} />
        </LiveRegion>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          error={errors.email?.message}
          {...form.register('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth size="md">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
