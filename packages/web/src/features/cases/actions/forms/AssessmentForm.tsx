import { riskLevels } from '@haven/domain';
import { Select, Textarea } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { assessmentKinds } from '../../../codes/codeLists.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { ChildViewsField, emptyViews } from '../../inputs/ChildViewsInput.tsx';
import { NeedsInput } from '../../inputs/NeedsInput.tsx';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

/** An assessment: initial or comprehensive, the need in each domain, findings, and the child's own views. */
export function AssessmentForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const action = useCaseAction(
    'assessment_recorded',
    { kind: view.assessment ? 'comprehensive' : 'initial', needs: {}, findings: '', childViews: emptyViews },
    { onDone },
  );
  const { control, register, formState } = action.form;
  return (
    <ActionFormShell action={action} onCancel={onDone}>
      <SelectField
        control={control}
        name="kind"
        label={t('assessment.kind')}
        data={codes.options('assessmentKind', assessmentKinds)}
        allowDeselect={false}
        required
      />
      <Controller
        control={control}
        name="needs"
        render={({ field }) => <NeedsInput value={field.value ?? {}} onChange={field.onChange} />}
      />
      <Textarea
        label={t('assessment.findings')}
        description={t('assessment.findingsHint')}
        autosize
        minRows={4}
        error={formState.errors.findings?.message}
        {...register('findings')}
      />
      <Controller
        control={control}
        name="riskLevel"
        render={({ field }) => (
          <Select
            label={t('assessment.risk')}
            description={t('assessment.riskHint')}
            data={codes.options('riskLevel', riskLevels)}
            value={field.value ?? null}
            onChange={(value) => field.onChange(value ?? undefined)}
            clearable
            placeholder={view.riskLevel ? codes.label('riskLevel', view.riskLevel) : undefined}
          />
        )}
      />
      <ChildViewsField control={control} />
    </ActionFormShell>
  );
}
