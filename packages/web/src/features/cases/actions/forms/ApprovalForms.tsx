import type { ApprovalSubject } from '@haven/domain';
import { Input, SegmentedControl, Text, Textarea } from '@mantine/core';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { decisions } from '../../../codes/codeLists.ts';
import { useCodes } from '../../../codes/useCodes.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

type Requestable = Exclude<ApprovalSubject, 'closure' | 'age_assessment'>;

/** What a caseworker may send for approval now: a recorded assessment or plan not already pending or approved. */
export function requestableSubjects(view: ReturnType<typeof useCaseContext>['view']): Requestable[] {
  const open = (subject: Requestable) => {
    const status = view.approvals[subject]?.status;
    return status !== 'pending' && status !== 'approved';
  };
  return [
    ...(view.assessment && open('assessment') ? (['assessment'] as const) : []),
    ...(view.plan && open('case_plan') ? (['case_plan'] as const) : []),
  ];
}

export function pendingSubjects(view: ReturnType<typeof useCaseContext>['view']): ApprovalSubject[] {
  return (['assessment', 'case_plan', 'closure', 'age_assessment'] as const).filter(
    (subject) => view.approvals[subject]?.status === 'pending',
  );
}

export function ApprovalRequestForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const subjects = requestableSubjects(view);
  const action = useCaseAction('approval_requested', { comment: '', ...(subjects[0] ? { subject: subjects[0] } : {}) }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('approvals.send')} allowBackdating={false}>
      <SelectField
        control={action.form.control}
        name="subject"
        label={t('approvals.what')}
        data={codes.options('approvalSubject', subjects)}
        required
        allowDeselect={false}
      />
      <Textarea label={t('approvals.commentForSupervisor')} autosize minRows={2} {...action.form.register('comment')} />
    </ActionFormShell>
  );
}

/** A supervisor approves, or sends back with a reason the caseworker will read. */
export function ApprovalDecisionForm({ onDone, subject }: ActionFormProps & { subject?: ApprovalSubject }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { view } = useCaseContext();
  const subjects = pendingSubjects(view);
  const first = subject ?? subjects[0];
  const action = useCaseAction(
    'approval_decided',
    { comment: '', decision: 'approved', ...(first ? { subject: first } : {}) },
    { onDone, check: (values) => (values.decision === 'rejected' && !values.comment ? { comment: t('validation.required') } : {}) },
  );
  const decision = useWatch({ control: action.form.control, name: 'decision' });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('approvals.decide')} allowBackdating={false}>
      {subjects.length > 1 ? (
        <SelectField
          control={action.form.control}
          name="subject"
          label={t('approvals.what')}
          data={codes.options('approvalSubject', subjects)}
          required
          allowDeselect={false}
        />
      ) : (
        first && <Text fw={600}>{codes.label('approvalSubject', first)}</Text>
      )}
      <Controller
        control={action.form.control}
        name="decision"
        render={({ field }) => (
          <Input.Wrapper label={t('approvals.decision')} required>
            <SegmentedControl
              fullWidth
              mt={6}
              value={field.value ?? 'approved'}
              onChange={field.onChange}
              data={codes.options('decision', decisions)}
              aria-label={t('approvals.decision')}
              color={field.value === 'rejected' ? 'red.9' : 'green.9'}
            />
          </Input.Wrapper>
        )}
      />
      <Textarea
        label={decision === 'rejected' ? t('approvals.whyBack') : t('approvals.comment')}
        required={decision === 'rejected'}
        autosize
        minRows={2}
        error={action.form.formState.errors.comment?.message}
        {...action.form.register('comment')}
      />
    </ActionFormShell>
  );
}
