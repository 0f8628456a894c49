import { planActionStatuses } from '@haven/domain';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { useCodes } from '../../../codes/useCodes.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import { isOpenPlanAction, usePlanActionLabels } from './planActionLabel.ts';
import type { ActionFormProps } from './types.ts';

/** A case plan action moves on: in progress, done (with its outcome) or cancelled. */
export function PlanActionForm({ onDone, actionId }: ActionFormProps & { actionId?: string }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const label = usePlanActionLabels(view, (service) => codes.label('serviceType', service));
  const actions = [...(view.plan?.actions ?? [])].sort((a, b) => Number(isOpenPlanAction(b)) - Number(isOpenPlanAction(a)));
  const first = actionId ?? actions.find(isOpenPlanAction)?.id;
  const action = useCaseAction('plan_action_updated', { outcome: '', ...(first ? { actionId: first } : {}) }, { onDone });
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <SelectField
        control={control}
        name="actionId"
        label={t('plan.whichAction')}
        data={actions.map((a) => ({ value: a.id, label: `${label(a)} · ${codes.label('planActionStatus', a.status)}` }))}
        required
        allowDeselect={false}
      />
      <SelectField
        control={control}
        name="status"
        label={t('plan.newStatus')}
        data={codes.options('planActionStatus', planActionStatuses)}
        required
        allowDeselect={false}
      />
      <Textarea
        label={t('plan.outcome')}
        description={t('plan.outcomeHint')}
        autosize
        minRows={2}
        error={formState.errors.outcome?.message}
        {...register('outcome')}
      />
    </ActionFormShell>
  );
}
