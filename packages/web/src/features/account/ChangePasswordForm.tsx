import { PasswordChangeInput } from '@haven/domain';
import { Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../components/LiveRegion.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { applyServerErrors } from '../../forms/serverErrors.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useChangePassword } from '../auth/api.ts';

const FIELDS = ['currentPassword', 'newPassword'] as const;

const Schema = PasswordChangeInput.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
  path: ['confirmPassword'],
  params: { i18nKey: 'validation.passwordsDiffer' },
});

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useZodForm(Schema, { currentPassword: '', newPassword: '', confirmPassword: '' });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('account.passwordChanged'));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'current_password_incorrect') {
            form.setError('currentPassword', { type: 'server', message: error.message }, { shouldFocus: true });
          } else {
            applyServerErrors(error, form.setError, FIELDS);
          }
        },
      },
    ),
  );

  const alertError = change.error instanceof ApiError && change.error.code === 'current_password_incorrect' ? null : change.error;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-title">
      <Title order={2} size="h4" mb="md" id="password-title">
        {t('account.changePassword')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={420}>
          <LiveRegion>
            <ApiErrorAlert error={alertError} fields={FIELDS} />
          </LiveRegion>
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            error={errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            required
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            error={errors.confirmPassword?.message}
            {...form.register('confirmPassword')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
