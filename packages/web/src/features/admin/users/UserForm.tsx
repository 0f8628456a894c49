import { type Locale, locales, type User, UserCreateInput, UserUpdateInput } from '@haven/domain';
import { PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { MultiSelectField, SelectField } from '../../../forms/fields.tsx';
import { localizedZodResolver } from '../../../forms/zodResolver.ts';
import { languageNames } from '../../../i18n/i18n.ts';
import { useMe } from '../../auth/api.ts';
import { accessPatchOf } from '../changeRequests/accessPatch.ts';
import { SaveError } from '../changeRequests/SecondApprovalOffer.tsx';
import { toOptions, useAgencyOptions, useAllRoles, useAllTeams } from '../options.ts';
import { useSave, useSaveSubmit } from '../useSave.ts';
import { useUpdateUser } from './api.ts';

interface Values {
  email: string;
  displayName: string;
  password: string;
  agencyId: string;
  teamIds: string[];
  roleId: string;
  jurisdiction: string;
  locale: Locale;
}

const FIELDS = ['email', 'displayName', 'password', 'agencyId', 'teamIds', 'roleId', 'jurisdiction', 'locale'] as const;

// Editing leaves the email alone and has its own actions for password, activation, lock and MFA.
const EditSchema = UserUpdateInput.omit({ password: true, active: true, unlock: true, resetMfa: true });
type Payload = z.output<typeof UserCreateInput> | z.output<typeof EditSchema>;

interface Props {
  user?: User;
  onDone: () => void;
  onCancel?: () => void;
}

/** Creates a user, or edits the profile and assignments of an existing one. */
export function UserForm({ user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useSave<Payload, User>('users', '/users');
  const update = useUpdateUser(user?.id ?? '');
  const save = user ? update : create;

  const resolver = useMemo(() => localizedZodResolver((user ? EditSchema : UserCreateInput) as z.ZodType<Payload, Values>, t), [user, t]);
  const form = useForm<Values, unknown, Payload>({
    resolver,
    mode: 'onTouched',
    defaultValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      password: '',
      agencyId: user?.agencyId ?? me.user.agencyId,
      teamIds: user?.teamIds ?? [],
      roleId: user?.roleId ?? '',
      jurisdiction: user?.jurisdiction ?? '',
      locale: user?.locale ?? 'en',
    },
  });
  const { errors } = form.formState;
  const agencyId = useWatch({ control: form.control, name: 'agencyId' });
  const teams = useAllTeams(agencyId || undefined);
  const roles = useAllRoles();

  const onSubmit = useSaveSubmit(form, save, FIELDS, onDone);

  const agencyOptions = useAgencyOptions();

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <SaveError
            fields={FIELDS}
            error={save.error}
            change={user && update.variables ? { target: 'user', targetId: user.id, patch: accessPatchOf(update.variables) } : undefined}
            onDone={onDone}
          />
        </LiveRegion>
        {user ? (
          <Text size="sm">
            {t('auth.email')}: <strong>{user.email}</strong>
          </Text>
        ) : (
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="off"
            required
            error={errors.email?.message}
            {...form.register('email')}
          />
        )}
        <TextInput
          label={t('users.displayName')}
          required
          autoComplete="off"
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        {!user && (
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            required
            error={errors.password?.message}
            {...form.register('password')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SelectField
            control={form.control}
            name="agencyId"
            label={t('common.agency')}
            data={agencyOptions}
            searchable
            required
            allowDeselect={false}
            onChange={(value) => {
              form.setValue('agencyId', value ?? '', { shouldValidate: true, shouldDirty: true });
              form.setValue('teamIds', []);
            }}
          />
          <SelectField
            control={form.control}
            name="roleId"
            label={t('users.role')}
            data={toOptions(roles.data)}
            searchable
            required
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelectField
          control={form.control}
          name="teamIds"
          label={t('users.teams')}
          data={toOptions(teams.data?.filter((team) => team.active || form.getValues('teamIds').includes(team.id)))}
          searchable
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('common.jurisdiction')}
            description={t('users.jurisdictionHint')}
            autoCapitalize="characters"
            error={errors.jurisdiction?.message}
            {...form.register('jurisdiction')}
          />
          <SelectField
            control={form.control}
            name="locale"
            label={t('language.label')}
            data={locales.map((locale) => ({ value: locale, label: languageNames[locale] }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <FormActions onCancel={onCancel} loading={save.isPending} />
      </Stack>
    </form>
  );
}
