import { type User, UserUpdateInput } from '@haven/domain';
import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { FormActions } from '../../../forms/FormActions.tsx';
import { applyServerErrors } from '../../../forms/serverErrors.ts';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { useRevokeSessions, useUpdateUser } from './api.ts';
import { isLocked } from './UserStatusBadges.tsx';

const PasswordSchema = UserUpdateInput.pick({ password: true }).required();

function SetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useZodForm(PasswordSchema, { password: '' });
  const onSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => {
        notifySuccess(t('users.passwordSet'));
        onDone();
      },
      onError: (error) => applyServerErrors(error, form.setError, ['password']),
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <ApiErrorAlert error={update.error} fields={['password']} />
        </LiveRegion>
        <Text size="sm">{t('users.setPasswordText')}</Text>
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.passwordHint')}
          autoComplete="new-password"
          required
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <FormActions onCancel={onDone} loading={update.isPending} />
      </Stack>
    </form>
  );
}

/** Account actions an administrator takes on a user; each is confirmed first. */
export function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const revoke = useRevokeSessions(user.id);
  const [passwordOpen, password] = useDisclosure(false);

  const run = (input: UserUpdateInput, done: string) =>
    update.mutate(input, { onSuccess: () => notifySuccess(done), onError: notifyError });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="user-actions-title">
      <Title order={2} size="h4" mb="md" id="user-actions-title">
        {t('users.actions')}
      </Title>
      <Group gap="sm">
        {isLocked(user) && (
          <ConfirmButton
            variant="default"
            color="blue"
            title={t('users.unlock')}
            message={t('users.unlockConfirm', { name: user.displayName })}
            confirmLabel={t('users.unlock')}
            onConfirm={() => run({ unlock: true }, t('users.unlocked'))}
          >
            {t('users.unlock')}
          </ConfirmButton>
        )}
        {user.mfaEnabled && (
          <ConfirmButton
            variant="default"
            title={t('users.resetMfa')}
            message={t('users.resetMfaConfirm', { name: user.displayName })}
            confirmLabel={t('users.resetMfa')}
            onConfirm={() => run({ resetMfa: true }, t('users.mfaReset'))}
          >
            {t('users.resetMfa')}
          </ConfirmButton>
        )}
        <Button variant="default" onClick={password.open}>
          {t('users.setPassword')}
        </Button>
        <ConfirmButton
          variant="default"
          title={t('users.revokeSessions')}
          message={t('users.revokeConfirm', { name: user.displayName })}
          confirmLabel={t('users.revokeSessions')}
          loading={revoke.isPending}
          onConfirm={() => revoke.mutate(undefined, { onSuccess: () => notifySuccess(t('users.sessionsRevoked')), onError: notifyError })}
        >
          {t('users.revokeSessions')}
        </ConfirmButton>
        {user.active ? (
          <ConfirmButton
            variant="outline"
            title={t('users.deactivate')}
            message={t('users.deactivateConfirm', { name: user.displayName })}
            confirmLabel={t('users.deactivate')}
            onConfirm={() => run({ active: false }, t('users.deactivated'))}
          >
            {t('users.deactivate')}
          </ConfirmButton>
        ) : (
          <ConfirmButton
            variant="outline"
            color="green"
            title={t('users.reactivate')}
            message={t('users.reactivateConfirm', { name: user.displayName })}
            confirmLabel={t('users.reactivate')}
            onConfirm={() => run({ active: true }, t('users.reactivated'))}
          >
            {t('users.reactivate')}
          </ConfirmButton>
        )}
      </Group>
      <FormModal opened={passwordOpen} onClose={password.close} title={t('users.setPassword')} size="md">
        <SetPasswordForm user={user} onDone={password.close} />
      </FormModal>
    </Card>
  );
}
