import type { CaseActionType } from '@haven/domain';
import { useMemo, useRef, useState } from 'react';
import type { DefaultValues, FieldPath, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/ApiError.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { useZodForm } from '../../../forms/useZodForm.ts';
import { type ActionRequest, useRecordAction } from '../api.ts';
import { useCaseContext } from '../page/CaseContext.tsx';
import { type ActionInputOf, type ActionOf, actionSchema } from './actionSchema.ts';

export interface CaseActionForm<T extends CaseActionType> {
  type: T;
  form: UseFormReturn<ActionInputOf<T>, unknown, ActionOf<T>>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  record: ReturnType<typeof useRecordAction>;
  occurredAt: string | null;
  setOccurredAt: (value: string | null) => void;
  /** Sends the last action again, going ahead although it separates the child from siblings or accompanying adults, for a reason. */
  confirmSeparation: (reason: string) => void;
}

interface Options<T extends CaseActionType> {
  onDone: () => void;
  /** Turns the validated form values into the action sent (extra fields the form keeps, say). */
  prepare?: (action: ActionOf<T>) => ActionOf<T>;
  /** Checks the schema cannot express (a reason required only when sending back, say): field → message. */
  check?: (action: ActionOf<T>) => Partial<Record<FieldPath<ActionInputOf<T>>, string>>;
}

/** Puts the server's validation messages for `action.<field>` under the form's fields. */
function applyActionIssues<T extends CaseActionType>(error: unknown, form: CaseActionForm<T>['form']): void {
  if (!(error instanceof ApiError)) return;
  for (const issue of error.issues) {
    if (!issue.path.startsWith('action.')) continue;
    form.setError(issue.path.slice('action.'.length) as FieldPath<ActionInputOf<T>>, { type: 'server', message: issue.message });
  }
}

/**
 * A form recording one kind of action on the current case: validated by the domain's schema, sent
 * with its "happened earlier" moment, and the case page refreshed from the answer.
 */
export function useCaseAction<T extends CaseActionType>(
  type: T,
  defaults: Omit<DefaultValues<ActionInputOf<T>>, 'type'>,
  { onDone, prepare, check }: Options<T>,
): CaseActionForm<T> {
  const { t } = useTranslation();
  const { childId } = useCaseContext();
  const schema = useMemo(() => actionSchema(type), [type]);
  const form = useZodForm<ActionInputOf<T>, ActionOf<T>>(schema, { ...defaults, type } as DefaultValues<ActionInputOf<T>>);
  const record = useRecordAction(childId);
  const [occurredAt, setOccurredAt] = useState<string | null>(null);
  const last = useRef<ActionOf<T> | null>(null);

  const send = (action: ActionOf<T>, separationReason?: string) => {
    const request: ActionRequest = { action, occurredAt, ...(separationReason ? { separationReason } : {}) };
    record.mutate(request, {
      onSuccess: () => {
        notifySuccess(t('actions.recorded', { action: t(`code.eventType.${type}`) }));
        onDone();
      },
      onError: (error) => applyActionIssues(error, form),
    });
  };

  const onSubmit = form.handleSubmit((values) => {
    const problems = Object.entries(check?.(values) ?? {}) as [FieldPath<ActionInputOf<T>>, string][];
    for (const [index, [field, message]] of problems.entries())
      form.setError(field, { type: 'check', message }, { shouldFocus: index === 0 });
    if (problems.length > 0) return;
    const action = prepare ? prepare(values) : values;
    last.current = action;
    send(action);
  });

  return {
    type,
    form,
    onSubmit,
    record,
    occurredAt,
    setOccurredAt,
    confirmSeparation: (reason: string) => {
      if (last.current) send(last.current, reason);
    },
  };
}
