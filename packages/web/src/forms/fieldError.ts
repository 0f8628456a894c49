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

/** The message of the error at `path` inside a nested field error (an item of a list, a property of a group). */
export function errorAt(error: unknown, path: readonly (string | number)[]): string | undefined {
  let node: unknown = error;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return fieldError(node);
}
