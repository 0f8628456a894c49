import { type Agency, AgencyInput, agencyKinds } from '@haven/domain';
import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LiveRegion } from '../../../components/LiveRegion.tsx';
import { FormActions } from '../../../forms/FormActions.tsx';
import { SelectField, SwitchField } from '../../../forms/fields.tsx';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { SaveError } from '../changeRequests/SecondApprovalOffer.tsx';
import { useSave, useSaveSubmit } from '../useSave.ts';

const FIELDS = ['name', 'code', 'jurisdiction', 'kind', 'active'] as const;

interface Props {
  agency?: Agency;
  onDone: () => void;
}

export function AgencyForm({ agency, onDone }: Props) {
  const { t } = useTranslation();
  const save = useSave<AgencyInput, Agency>('agencies', '/agencies', agency?.id);
  const form = useZodForm(AgencyInput, {
    name: agency?.name ?? '',
    code: agency?.code ?? '',
    jurisdiction: agency?.jurisdiction ?? '',
    active: agency?.active ?? true,
    kind: agency?.kind ?? 'other',
  });
  const { errors } = form.formState;

  const onSubmit = useSaveSubmit(form, save, FIELDS, onDone);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <LiveRegion>
          <SaveError
            fields={FIELDS}
            error={save.error}
            change={agency && save.variables ? { target: 'agency', targetId: agency.id, patch: save.variables } : undefined}
            onDone={onDone}
          />
        </LiveRegion>
        <TextInput label={t('agencies.name')} required error={errors.name?.message} {...form.register('name')} />
        <TextInput
          label={t('agencies.code')}
          description={t('agencies.codeHint')}
          required
          autoCapitalize="characters"
          error={errors.code?.message}
          {...form.register('code')}
        />
        <TextInput
          label={t('common.jurisdiction')}
          description={t('common.jurisdictionHint')}
          required
          autoCapitalize="characters"
          error={errors.jurisdiction?.message}
          {...form.register('jurisdiction')}
        />
        <SelectField
          control={form.control}
          name="kind"
          label={t('agencies.kind')}
          description={t('agencies.kindHint')}
          data={agencyKinds.map((kind) => ({ value: kind, label: t(`enums.agencyKind.${kind}`) }))}
          required
          allowDeselect={false}
        />
        <SwitchField control={form.control} name="active" label={t('common.active')} />
        <FormActions onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}
