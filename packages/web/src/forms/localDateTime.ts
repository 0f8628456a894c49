import { z } from 'zod';
import { fromLocalDateTime } from '../features/codes/format.ts';

/** A `datetime-local` value (the device's local time), checked to be a real moment; send it with `fromLocalDateTime`. */
export const LocalDateTime = z
  .string()
  .min(1)
  .refine((value) => fromLocalDateTime(value) !== null, { params: { i18nKey: 'validation.date' } })
  .refine((value) => (fromLocalDateTime(value) ?? '') <= new Date(Date.now() + 60_000).toISOString(), {
    params: { i18nKey: 'validation.notFuture' },
  });
