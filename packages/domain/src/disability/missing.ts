/**
 * What an identifier is when its criterion is not met by the known answers and some answers are missing:
 * - `undetermined_is_null` (default; as humind `add_loop_wgq_ss`): null, because any missing answer could be
 *   "cannot do at all" and meet the criterion. False needs every answer.
 * - `missing_as_no_difficulty`: false, as if the missing answers were "no difficulty".
 * Under both rules an identifier is true as soon as the known answers meet it, and null when every answer is missing.
 */
export const missingRules = ['undetermined_is_null', 'missing_as_no_difficulty'] as const;
export type MissingRule = (typeof missingRules)[number];

export const defaultMissingRule: MissingRule = 'undetermined_is_null';

/** The identifier value once the known answers have been checked against the criterion. */
export function decide(met: boolean, known: number, missing: number, rule: MissingRule): boolean | null {
  if (met) return true;
  if (known === 0) return null;
  if (missing === 0) return false;
  return rule === 'undetermined_is_null' ? null : false;
}
