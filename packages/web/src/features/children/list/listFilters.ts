import { ageGroups, caseStatuses, isNationalityCode, riskLevels, Sex, typologies } from '@haven/domain';
import { listSorts } from '../../codes/codeLists.ts';

/** Filters that take several values, with the values each accepts (anything else in a URL is ignored). */
export const multiFilters = {
  status: (v: string) => (caseStatuses as readonly string[]).includes(v),
  risk: (v: string) => (riskLevels as readonly string[]).includes(v),
  typology: (v: string) => (typologies as readonly string[]).includes(v),
  nationality: isNationalityCode,
  ageGroup: (v: string) => (ageGroups as readonly string[]).includes(v),
  sex: (v: string) => (Sex.options as readonly string[]).includes(v),
} as const;
export type MultiFilter = keyof typeof multiFilters;

export type ListSort = (typeof listSorts)[number];

/** The case list's filters, kept in the address so a filtered list can be bookmarked and shared. */
export interface ListFilters {
  multi: Record<MultiFilter, string[]>;
  /** `me`, `none` or a caseworker's id. */
  assignedUserId: string | null;
  location: string | null;
  overdue: boolean;
  name: string;
  sort: ListSort;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const locationCode = /^[A-Z]{2}(-[A-Z0-9]{1,10}){0,5}$/;

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const multi = Object.fromEntries(
    Object.entries(multiFilters).map(([key, accepts]) => [
      key,
      (params.get(key) ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '' && accepts(v)),
    ]),
  ) as Record<MultiFilter, string[]>;
  const assigned = params.get('assignedUserId');
  const location = params.get('location');
  const sort = params.get('sort');
  return {
    multi,
    assignedUserId: assigned === 'me' || assigned === 'none' || (assigned && uuid.test(assigned)) ? assigned : null,
    location: location && locationCode.test(location) ? location : null,
    overdue: params.get('overdue') === 'true',
    name: (params.get('name') ?? '').slice(0, 200),
    sort: (listSorts as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : 'due',
  };
}

/** The filters as query parameters, leaving out what is not set (the same names as the API's). */
export function filterParams(filters: ListFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, values] of Object.entries(filters.multi)) if (values.length > 0) params[key] = values.join(',');
  if (filters.assignedUserId) params.assignedUserId = filters.assignedUserId;
  if (filters.location) params.location = filters.location;
  if (filters.overdue) params.overdue = 'true';
  if (filters.name.trim()) params.name = filters.name.trim();
  if (filters.sort !== 'due') params.sort = filters.sort;
  return params;
}

/** How many filters narrow the list (the name search and the sort order not counted). */
export function activeFilterCount(filters: ListFilters): number {
  return (
    Object.values(filters.multi).filter((values) => values.length > 0).length +
    (filters.assignedUserId ? 1 : 0) +
    (filters.location ? 1 : 0) +
    (filters.overdue ? 1 : 0)
  );
}
