import type { LongPage } from './api/types.ts';
import { useLoad } from './useLoad.ts';
import { useUrlFilters } from './useUrlFilters.ts';

/** Every long list shows this many rows a page. */
export const LIST_PAGE_SIZE = 25;

/**
 * A long list (incidents, sources, the review queue) loaded a page at a time: its filters and page
 * in the URL (useUrlFilters), `load` called with them, and what its `Pager` needs (null until loaded).
 */
export function usePagedList<N extends string, T>(
  path: string,
  names: readonly N[],
  load: (filters: Record<N, string>, page: { limit: string; after?: string }) => Promise<LongPage<T>>,
) {
  const url = useUrlFilters(path, names);
  const { data, error } = useLoad(
    () => load(url.filters, { limit: String(LIST_PAGE_SIZE), after: url.after || undefined }),
    [url.key],
  );
  const pager = data
    ? { list: data, filtersKey: url.filtersKey, after: url.after, pageSize: LIST_PAGE_SIZE, go: url.go }
    : null;
  return { ...url, data, error, pager };
}
