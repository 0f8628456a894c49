import { useMemo } from 'react';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { localizedZodResolver } from './zodResolver.ts';

/** `useForm` validated by a domain schema, with localised messages. */
export function useZodForm<Input extends FieldValues, Output extends FieldValues>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
) {
  const { t } = useTranslation();
  const resolver = useMemo(() => localizedZodResolver(schema, t), [schema, t]);
  return useForm<Input, unknown, Output>({ resolver, defaultValues, mode: 'onTouched' });
}
