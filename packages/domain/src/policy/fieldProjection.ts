import { inRowScope, type RowScope } from './evaluate.ts';
import { type FieldGroup, type FieldRules, fieldGroups, type RecordOwnership } from './model.ts';

/** The field groups a role's rules hide: never returned, never decrypted for display, never searched. */
export function hiddenGroups(fields: FieldRules): FieldGroup[] {
  return fieldGroups.filter((group) => fields[group] === 'hidden');
}

/**
 * The field group each search input reads. A search on a hidden group would confirm what the role
 * may not see (does a child called X exist?), so it is refused rather than answered.
 */
export const searchInputGroups = {
  name: 'identity',
  names: 'identity',
  birthDate: 'identity',
} as const satisfies Record<string, FieldGroup>;
export type SearchInput = keyof typeof searchInputGroups;

export interface HiddenSearchRefusal {
  code: 'filter_on_hidden_field';
  details: { filters: SearchInput[]; groups: FieldGroup[] };
}

/** Refuses a search or filter that reads a field group the role hides; null when every input is visible. */
export function refuseHiddenSearch(fields: FieldRules, used: readonly SearchInput[]): HiddenSearchRefusal | null {
  const hidden = new Set(hiddenGroups(fields));
  const filters = used.filter((input) => hidden.has(searchInputGroups[input]));
  if (filters.length === 0) return null;
  return { code: 'filter_on_hidden_field', details: { filters, groups: [...new Set(filters.map((f) => searchInputGroups[f]))] } };
}

/**
 * How much of a possible duplicate the searcher may be told. The search covers the whole
 * jurisdiction so a colleague's or another office's registration is not missed, but a record
 * outside the searcher's row scope is disclosed as a reference only (agency, reference, score band).
 */
export function duplicateDisclosure(rows: RowScope, candidate: RecordOwnership): 'record' | 'reference' {
  return inRowScope(rows, candidate) ? 'record' : 'reference';
}

/**
 * Which side of a duplicate review a supervisor may open. Their own scope always counts. The
 * requesting record is also shared with the supervisors who cover the other record (the request
 * asks them to compare); the other record is never opened to the requester through the review.
 */
export function reviewSideOpen(rows: RowScope, side: 'requesting' | 'other', requesting: RecordOwnership, other: RecordOwnership): boolean {
  const record = side === 'requesting' ? requesting : other;
  if (inRowScope(rows, record)) return true;
  return side === 'requesting' && inRowScope(rows, other);
}
