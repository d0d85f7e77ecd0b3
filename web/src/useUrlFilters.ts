import { navigate, useLocation } from './router.tsx';

/**
 * A list's filters and page, kept in the URL query so a link reproduces the view and the back button
 * undoes a filter. The page is `after`, the server's cursor of the page before (see useCursorTrail).
 * `go` changes some of them (a filter change returns to the first page). `filtersKey` names the
 * filters alone, without the page.
 */
export function useUrlFilters<N extends string>(path: string, names: readonly N[]) {
  const { query } = useLocation();
  const filters = Object.fromEntries(names.map((name) => [name, query.get(name) ?? ''])) as Record<N, string>;
  const after = query.get('after') ?? '';
  const go = (next: Partial<Record<N | 'after', string>>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries<string | undefined>({ ...filters, after: '', ...next }))
      if (value) params.set(name, value);
    const text = params.toString();
    navigate(`${path}${text ? `?${text}` : ''}`);
  };
  const filtersKey = names.map((name) => `${name}=${filters[name]}`).join('&');
  return { filters, after, key: query.toString(), filtersKey, go, clear: () => navigate(path) };
}
