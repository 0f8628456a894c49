const uniqueViolation = '23505';

/** A write refused by a unique constraint: two requests raced for the same name, code or key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === uniqueViolation;
}
