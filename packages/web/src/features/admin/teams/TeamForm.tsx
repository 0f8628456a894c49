import { type Team, TeamInput } from '@haven/domain';
import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { SelectField, SwitchField } from '../../../forms/fields.tsx';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { useMe } from '../../auth/api.ts';
import { useAgencyOptions } from '../options.ts';
import { useSave, useSaveSubmit } from '../useSave.ts';

const FIELDS = ['agencyId', 'name', 'active'] as const;

interface Props {
  team?: Team;
  defaultAgencyId?: string | null;
  onDone: () => void;
}

export function TeamForm({ team, defaultAgencyId, onDone }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSave<TeamInput, Team>('teams', '/teams', team?.id);
  const form = useZodForm(TeamInput, {
    agencyId: team?.agencyId ?? defaultAgencyId ?? me.user.agencyId,
    name: team?.name ?? '',
    active: team?.active ?? true,
  });

  const onSubmit = useSaveSubmit(form, save, FIELDS, onDone);

  const agencyOptions = useAgencyOptions();

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <ApiErrorAlert error={save.error} fields={FIELDS} />
        </LiveRegion>
        <SelectField
          control={form.control}
          name="agencyId"
          label={t('common.agency')}
          data={agencyOptions}
          searchable
          required
          allowDeselect={false}
        />
        <TextInput label={t('teams.name')} required error={form.formState.errors.name?.message} {...form.register('name')} />
        <SwitchField control={form.control} name="active" label={t('common.active')} />
        <FormActions onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}
