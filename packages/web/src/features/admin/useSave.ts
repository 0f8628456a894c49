import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { notifySuccess } from '../../components/notify.ts';
import { applyServerErrors } from '../../forms/serverErrors.ts';

/**
 * Creates (POST `basePath`) or updates (PATCH `basePath/:id`) an administrative record,
 * then refreshes every cached list under `listKey`.
 */
export function useSave<TInput, TResult>(listKey: string, basePath: string, id?: string) {
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: TInput) =>
      id ? api.patch<TResult>(`${basePath}/${id}`, input) : api.post<TResult>(basePath, input, { idempotencyKey: keyFor(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: [listKey] }),
  });
}

/**
 * The submit handler of an administration form: validate, save, confirm, close; server-side
 * validation messages go under their fields.
 */
export function useSaveSubmit<TValues extends FieldValues, TContext, TOutput>(
  form: UseFormReturn<TValues, TContext, TOutput>,
  save: Pick<UseMutationResult<unknown, Error, TOutput>, 'mutate'>,
  fields: readonly string[],
  onDone: () => void,
) {
  const { t } = useTranslation();
  return form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onDone();
      },
      onError: (error) => applyServerErrors(error, form.setError, fields),
    }),
  );
}
