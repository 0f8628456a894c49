import { careStatuses, migrationStages } from '@haven/domain';
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { today } from '../../../codes/format.ts';
import { useCountryOptions } from '../../../codes/options.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** Care status changes are dated, so the history of who the child was with stays readable. */
export function CareStatusForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const action = useCaseAction(
    'care_status_changed',
    { since: today(), note: '', ...(view.careStatus ? { careStatus: view.careStatus } : {}) },
    { onDone },
  );
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <SelectField
        control={control}
        name="careStatus"
        label={t('children.careStatus')}
        data={codes.options('careStatus', careStatuses)}
        required
        allowDeselect={false}
      />
      <TextInput
        type="date"
        label={t('situation.since')}
        required
        max={today()}
        error={formState.errors.since?.message}
        {...register('since')}
      />
      <Textarea label={t('situation.note')} autosize minRows={2} error={formState.errors.note?.message} {...register('note')} />
    </ActionFormShell>
  );
}

export function StageForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const countries = useCountryOptions(false);
  const { view } = useCaseContext();
  const action = useCaseAction('stage_changed', { since: today(), ...(view.stage ? { stage: view.stage } : {}) }, { onDone });
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          control={control}
          name="stage"
          label={t('children.stage')}
          data={codes.options('migrationStage', migrationStages)}
          required
          allowDeselect={false}
        />
        <Controller
          control={control}
          name="country"
          render={({ field }) => (
            <Select
              label={t('situation.country')}
              data={countries}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? undefined)}
              searchable
              clearable
            />
          )}
        />
      </SimpleGrid>
      <TextInput
        type="date"
        label={t('situation.since')}
        required
        max={today()}
        error={formState.errors.since?.message}
        {...register('since')}
      />
    </ActionFormShell>
  );
}
