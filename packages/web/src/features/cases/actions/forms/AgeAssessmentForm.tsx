import { ageAssessmentMethods } from '@haven/domain';
import { Alert, NumberInput, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, SwitchField } from '../../../../forms/fields.tsx';
import { today } from '../../../codes/format.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/**
 * A concluded age assessment: how, by whom, the range found, and that the child was told the
 * outcome and their right to challenge it. Another supervisor's approval makes it count.
 */
export function AgeAssessmentForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction(
    'age_assessment_recorded',
    { date: today(), assessor: '', findings: '', childInformed: false, rightToChallengeExplained: false },
    { onDone },
  );
  const { control, register, formState } = action.form;
  const ageField = (name: 'assessedMinAge' | 'assessedMaxAge', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          required
          min={0}
          max={30}
          allowDecimal={false}
          allowNegative={false}
          value={field.value ?? ''}
          onChange={(n) => field.onChange(typeof n === 'number' ? n : undefined)}
          error={fieldState.error?.message}
        />
      )}
    />
  );
  return (
    <ActionFormShell action={action} onCancel={onDone} allowBackdating={false}>
      <Alert color="blue" variant="light">
        {t('ageAssessment.hint')}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('ageAssessment.date')}
          required
          max={today()}
          error={formState.errors.date?.message}
          {...register('date')}
        />
        <SelectField
          control={control}
          name="method"
          label={t('ageAssessment.method')}
          data={codes.options('ageAssessmentMethod', ageAssessmentMethods)}
          required
          allowDeselect={false}
        />
        <TextInput label={t('ageAssessment.assessor')} required error={formState.errors.assessor?.message} {...register('assessor')} />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        {ageField('assessedMinAge', t('age.assessedMin'))}
        {ageField('assessedMaxAge', t('age.assessedMax'))}
      </SimpleGrid>
      <SwitchField control={control} name="childInformed" label={t('ageAssessment.childInformed')} />
      <SwitchField control={control} name="rightToChallengeExplained" label={t('ageAssessment.rightToChallenge')} />
      <Textarea label={t('ageAssessment.findings')} autosize minRows={3} {...register('findings')} />
    </ActionFormShell>
  );
}
