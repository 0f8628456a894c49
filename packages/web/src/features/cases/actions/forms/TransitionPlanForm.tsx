import { Alert, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../codes/format.ts';
import { ChildViewsField, emptyViews } from '../../inputs/ChildViewsInput.tsx';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** Ageing out: how the young person moves on to adult services, with their own views. */
export function TransitionPlanForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { child } = useCaseContext();
  const action = useCaseAction('transition_plan_recorded', { plan: '', childViews: emptyViews }, { onDone });
  const { control, register, formState } = action.form;
  const birthday = child?.age.eighteenthBirthday;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      {birthday && (
        <Alert color="blue" variant="light">
          {t('transition.turns18', { date: formatDate(birthday) })}
        </Alert>
      )}
      <Textarea
        label={t('transition.plan')}
        description={t('transition.planHint')}
        required
        autosize
        minRows={5}
        error={formState.errors.plan?.message}
        {...register('plan')}
      />
      <ChildViewsField control={control} />
    </ActionFormShell>
  );
}
