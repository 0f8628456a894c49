import type { TFunction } from 'i18next';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Empty text boxes mean "not given": optional schema fields must see `undefined`, not `''`. This
 * holds inside nested groups and lists of groups too (a plan's actions, say); strings in a list
 * of strings are kept, so the schema still reports an empty entry.
 */
export function dropBlankStrings<T>(values: T): T {
  if (Array.isArray(values)) return values.map((item) => (isPlainObject(item) ? dropBlankStrings(item) : item)) as T;
  if (!isPlainObject(values)) return values;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = Array.isArray(value) || isPlainObject(value) ? dropBlankStrings(value) : value;
  }
  return out as T;
}

/** Turns a zod issue into a sentence in the UI language; schema messages are English and never shown. */
export function localizeIssue(issue: Issue, input: unknown, t: TFunction): string {
  if (isBlank(input) && issue.code !== 'too_big') return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minLength', { min: issue.minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.minItems', { min: issue.minimum });
      return t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: issue.maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.maxItems', { max: issue.maximum });
      return t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      if (issue.format === 'uuid') return t('validation.choose');
      return t('validation.format');
    case 'invalid_value':
      return t('validation.choose');
    case 'custom':
      return typeof issue.params?.i18nKey === 'string' ? t(issue.params.i18nKey) : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

function setNested(target: Record<string, unknown>, path: readonly PropertyKey[], error: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    const name = String(key);
    if (index === path.length - 1) {
      if (!(name in node)) node[name] = error;
      return;
    }
    node[name] = (node[name] as Record<string, unknown> | undefined) ?? {};
    node = node[name] as Record<string, unknown>;
  });
}

/**
 * A react-hook-form resolver for the domain's zod schemas, with messages in the UI language.
 * Only the first problem of each field is reported.
 */
export function localizedZodResolver<Input extends FieldValues, Output extends FieldValues>(
  schema: z.ZodType<Output, Input>,
  t: TFunction,
): Resolver<Input, unknown, Output> {
  return async (values) => {
    const cleaned = dropBlankStrings(values);
    const result = await schema.safeParseAsync(cleaned);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.length ? issue.path : ['root'];
      const message = localizeIssue(issue, valueAt(values, issue.path), t);
      setNested(errors, path, { type: issue.code, message });
    }
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}
