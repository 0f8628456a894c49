import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

/** A cursor-paginated list endpoint, loaded one page at a time ("Load more"). */
export function usePagedList<T>(key: QueryKey, path: string, query: Record<string, string | undefined> = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(withQuery(path, { ...query, limit: PAGE_SIZE, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...result, items };
}

/** Every page of a (small) list, for select options such as agencies, teams and roles. */
export async function fetchAll<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 40; guard++) {
    const page = await api.get<Page<T>>(withQuery(path, { ...query, limit: 200, cursor }));
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
