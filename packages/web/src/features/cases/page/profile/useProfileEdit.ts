import type { Child, ChildUpdateInput } from '@haven/domain';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { notifySuccess } from '../../../../components/notify.ts';
import { applyServerErrors } from '../../../../forms/serverErrors.ts';
import { useZodForm } from '../../../../forms/useZodForm.ts';
import { useUpdateChild } from '../../../children/api.ts';

/** Free-text fields the API clears with an empty string (an emptied box is otherwise left out of the update). */
const clearableText = ['legalStatus', 'protectionNotes', 'locationDetail'] as const;

/** The free-text fields the user emptied: sent as '' so that the update clears them. */
function clearedText(defaults: object, changes: object): Partial<Record<(typeof clearableText)[number], ''>> {
  const before = defaults as Record<string, unknown>;
  return Object.fromEntries(
    clearableText
      .filter((field) => typeof before[field] === 'string' && before[field] !== '' && !(field in changes))
      .map((field) => [field, '']),
  );
}

/**
 * Editing one group of the child's profile: only these fields are sent, with the version read
 * (`If-Match`), so another person's change in between is refused rather than overwritten.
 */
export function useProfileEdit<Input extends FieldValues, Output extends ChildUpdateInput & FieldValues>(
  child: Child,
  schema: z.ZodType<Output, Input>,
  defaults: DefaultValues<Input>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const update = useUpdateChild(child.id);
  const form = useZodForm<Input, Output>(schema, defaults);
  const fields = Object.keys(defaults);
  const onSubmit = form.handleSubmit((changes) =>
    update.mutate(
      { version: child.version, changes: { ...clearedText(defaults, changes), ...changes } },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onDone();
        },
        onError: (error) => applyServerErrors(error, form.setError, fields),
      },
    ),
  );
  return { form, onSubmit, update, fields };
}
