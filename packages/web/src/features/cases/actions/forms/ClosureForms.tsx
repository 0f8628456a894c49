import { closureReasons } from '@haven/domain';
import { Alert, Fieldset, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { useCodes } from '../../../codes/useCodes.ts';
import { openPlanActions } from '../../api.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import { isOpenPlanAction, usePlanActionLabels } from './planActionLabel.ts';
import type { ActionFormProps } from './types.ts';

/**
 * A request to close the case (a supervisor approves it). Each case plan action still open needs
 * a reason; they are listed from the plan, so none is forgotten.
 */
export function ClosureForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const label = usePlanActionLabels(view, (service) => codes.label('serviceType', service));
  const open = (view.plan?.actions ?? []).filter(isOpenPlanAction);
  const action = useCaseAction(
    'closure_requested',
    { summary: '', monitoringWaiverReason: '', openActionReasons: Object.fromEntries(open.map((a) => [a.id, ''])) },
    {
      onDone,
      check: (values) =>
        Object.fromEntries(
          open.filter((a) => !values.openActionReasons[a.id]?.trim()).map((a) => [`openActionReasons.${a.id}`, t('validation.required')]),
        ),
    },
  );
  const { control, register, formState } = action.form;
  const stillOpen = openPlanActions(action.record.error);
  return (
    <ActionFormShell
      action={action}
      onCancel={onDone}
      submitLabel={t('closure.request')}
      handles={(error) => open.length > 0 && openPlanActions(error) !== null}
    >
      <SelectField
        control={control}
        name="reason"
        label={t('closure.reason')}
        data={codes.options('closureReason', closureReasons)}
        required
        allowDeselect={false}
      />
      <Textarea label={t('closure.summary')} autosize minRows={3} error={formState.errors.summary?.message} {...register('summary')} />
      <Textarea
        label={t('closure.monitoringWaiver')}
        description={t('closure.monitoringWaiverHint')}
        autosize
        minRows={2}
        error={formState.errors.monitoringWaiverReason?.message}
        {...register('monitoringWaiverReason')}
      />
      {open.length > 0 && (
        <Fieldset legend={t('closure.openActions')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('closure.openActionsHint')}
            </Text>
            {stillOpen && (
              <Alert color="red" variant="light" role="alert">
                {action.record.error?.message}
              </Alert>
            )}
            {open.map((planAction) => (
              <Textarea
                key={planAction.id}
                label={label(planAction)}
                required
                autosize
                minRows={1}
                error={
                  formState.errors.openActionReasons?.[planAction.id]?.message ??
                  (stillOpen?.includes(planAction.id) ? t('validation.required') : undefined)
                }
                {...register(`openActionReasons.${planAction.id}`)}
              />
            ))}
          </Stack>
        </Fieldset>
      )}
    </ActionFormShell>
  );
}

export function ReopenForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const action = useCaseAction('reopened', { reason: '' }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('closure.reopen')} allowBackdating={false}>
      <Textarea
        label={t('closure.reopenReason')}
        required
        autosize
        minRows={3}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register('reason')}
      />
    </ActionFormShell>
  );
}
