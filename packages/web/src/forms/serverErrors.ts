import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/ApiError.ts';

/**
 * Puts the server's (already localised) validation messages under the matching fields.
 * Returns the issues no field of this form could show, so the caller can list them.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: { path: string; message: string }[] = [];
  let focused = false;
  for (const issue of error.issues) {
    const field = fields.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
    if (field) {
      setError(field as FieldPath<T>, { type: 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unmatched.push(issue);
    }
  }
  return unmatched;
}
