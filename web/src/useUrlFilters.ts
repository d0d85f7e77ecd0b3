import { navigate, useLocation } from './router.tsx';

/**
 * A list's filters and page, kept in the URL query so a link reproduces the view and the back button
 * undoes a filter. `go` changes some of them (a filter change returns to the first page).
 */
export function useUrlFilters<N extends string>(path: string, names: readonly N[]) {
  const { query } = useLocation();
  const filters = Object.fromEntries(names.map((name) => [name, query.get(name) ?? ''])) as Record<N, string>;
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0);
  const go = (next: Partial<Record<N | 'offset', string>>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries<string | undefined>({ ...filters, offset: '', ...next }))
      if (value) params.set(name, value);
    const text = params.toString();
    navigate(`${path}${text ? `?${text}` : ''}`);
  };
  return { filters, offset, key: query.toString(), go, clear: () => navigate(path) };
}
