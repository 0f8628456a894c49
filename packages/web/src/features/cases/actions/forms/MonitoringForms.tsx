import { followUpTypes, furtherActions } from '@haven/domain';
import { SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { reviewOutcomes } from '../../../codes/codeLists.ts';
import { today } from '../../../codes/format.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** A follow-up visit or call: how the child is, any safety concern, what comes next and when. */
export function FollowUpForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction('follow_up_recorded', { date: today(), wellbeing: '', safetyConcern: false, nextDueDate: '' }, { onDone });
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone} allowBackdating={false}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          control={control}
          name="followUpType"
          label={t('followUp.type')}
          data={codes.options('followUpType', followUpTypes)}
          required
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('followUp.date')}
          required
          max={today()}
          error={formState.errors.date?.message}
          {...register('date')}
        />
      </SimpleGrid>
      <Textarea
        label={t('followUp.wellbeing')}
        description={t('followUp.wellbeingHint')}
        autosize
        minRows={3}
        error={formState.errors.wellbeing?.message}
        {...register('wellbeing')}
      />
      <Controller
        control={control}
        name="safetyConcern"
        render={({ field }) => (
          <Switch
            label={t('followUp.safetyConcern')}
            color="red.9"
            checked={Boolean(field.value)}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
          />
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          control={control}
          name="furtherAction"
          label={t('followUp.furtherAction')}
          data={codes.options('furtherAction', furtherActions)}
          required
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('followUp.nextDue')}
          description={t('followUp.nextDueHint')}
          min={today()}
          error={formState.errors.nextDueDate?.message}
          {...register('nextDueDate')}
        />
      </SimpleGrid>
    </ActionFormShell>
  );
}

/** A case review: continue, revise the plan, or propose closure. */
export function ReviewForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const action = useCaseAction('review_recorded', { date: today(), summary: '' }, { onDone });
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone} allowBackdating={false}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('review.date')}
          required
          max={today()}
          error={formState.errors.date?.message}
          {...register('date')}
        />
        <SelectField
          control={control}
          name="outcome"
          label={t('review.outcome')}
          data={codes.options('reviewOutcome', reviewOutcomes)}
          required
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea label={t('review.summary')} autosize minRows={3} error={formState.errors.summary?.message} {...register('summary')} />
    </ActionFormShell>
  );
}
