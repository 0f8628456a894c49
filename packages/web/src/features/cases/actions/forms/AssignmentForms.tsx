import type { CaseActionType } from '@haven/domain';
import { Alert, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../forms/fields.tsx';
import { useMe } from '../../../auth/api.ts';
import { useAssignees } from '../../api.ts';
import { useCaseContext } from '../../page/CaseContext.tsx';
import { ActionFormShell } from '../ActionFormShell.tsx';
import { useCaseAction } from '../useCaseAction.ts';
import type { ActionFormProps } from './types.ts';

function useAssigneeOptions(exclude: (string | null)[]) {
  const assignees = useAssignees();
  const { t } = useTranslation();
  const me = useMe();
  return (assignees.data ?? [])
    .filter((user) => !exclude.includes(user.id))
    .map((user) => ({ value: user.id, label: user.id === me.user.id ? `${user.displayName} (${t('cases.me')})` : user.displayName }));
}

/** A supervisor assigns the case to a caseworker of the agency. */
export function AssignForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { view } = useCaseContext();
  const options = useAssigneeOptions([view.assignedUserId]);
  const action = useCaseAction('assigned', { note: '' }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('assign.submit')} allowBackdating={false}>
      <SelectField
        control={action.form.control}
        name="userId"
        label={t('assign.to')}
        data={options}
        searchable
        required
        allowDeselect={false}
        nothingFoundMessage={t('common.nothingFound')}
      />
      <Textarea label={t('assign.note')} autosize minRows={2} {...action.form.register('note')} />
    </ActionFormShell>
  );
}

/** The caseworker hands the case to a colleague, who accepts or declines. */
export function TransferRequestForm({ onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { view } = useCaseContext();
  const options = useAssigneeOptions([view.assignedUserId]);
  const action = useCaseAction('transfer_requested', { note: '' }, { onDone });
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t('transfer.request')} allowBackdating={false}>
      <SelectField
        control={action.form.control}
        name="toUserId"
        label={t('transfer.to')}
        data={options}
        searchable
        required
        allowDeselect={false}
      />
      <Textarea label={t('transfer.note')} description={t('transfer.noteHint')} autosize minRows={2} {...action.form.register('note')} />
    </ActionFormShell>
  );
}

type NoteOnly = Extract<CaseActionType, 'opened' | 'transfer_accepted' | 'transfer_declined'>;

/** Actions that take only an optional note: opening a referral, answering a transfer. */
export function NoteOnlyForm({ onDone, type }: ActionFormProps & { type: NoteOnly }) {
  const { t } = useTranslation();
  const action = useCaseAction(type, { note: '' }, { onDone });
  const explanation = { opened: t('open.hint'), transfer_accepted: t('transfer.acceptHint'), transfer_declined: t('transfer.declineHint') }[
    type
  ];
  return (
    <ActionFormShell action={action} onCancel={onDone} submitLabel={t(`code.eventType.${type}`)} allowBackdating={type === 'opened'}>
      <Alert variant="light" color="blue">
        {explanation}
      </Alert>
      <Textarea label={t('assign.note')} autosize minRows={2} {...action.form.register('note')} />
    </ActionFormShell>
  );
}
