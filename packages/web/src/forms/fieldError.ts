import type { FieldError } from 'react-hook-form';

/** Message of a field's error, or of the first of its items' errors (array fields such as tags). */
export function fieldError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as Partial<FieldError>).message;
  if (typeof own === 'string' && own) return own;
  for (const value of Object.values(error)) {
    const nested = fieldError(value);
    if (nested) return nested;
  }
  return undefined;
}
