import { useI18n } from '../i18n/I18nContext.tsx';
import { useCursorTrail } from '../useCursorTrail.ts';

/**
 * "26–50 of 80" (or "of 10,000+" past the server's count cap) with Previous / Next, for a list paged
 * by cursor: `after` is the page's cursor from the URL, `next` the server's cursor of the page after.
 */
export function Pager({
  list,
  filtersKey,
  after,
  pageSize,
  label,
  go,
}: {
  list: { total: number; totalIsLowerBound: boolean; items: unknown[]; next: string | null };
  filtersKey: string;
  after: string;
  pageSize: number;
  label: string;
  go: (next: { after: string }) => void;
}) {
  const { t, formatNumber } = useI18n();
  const trail = useCursorTrail(filtersKey, after, go);
  if (list.total === 0) return null;
  const total = list.totalIsLowerBound
    ? t('incidents.totalAtLeast', { total: list.total })
    : formatNumber(list.total);
  const from = trail.pageIndex === null ? null : trail.pageIndex * pageSize + 1;
  return (
    <>
      <p className="meta" data-testid="list-count">
        {from === null
          ? t('incidents.shownFromLink', { shown: list.items.length, total })
          : t('incidents.shown', { from, to: from + list.items.length - 1, total })}
      </p>
      {trail.hasPrevious || list.next ? (
        <nav className="button-row" aria-label={label}>
          <button type="button" disabled={!trail.hasPrevious} onClick={trail.previous}>
            {trail.pageIndex === null ? t('incidents.firstPage') : t('incidents.previous')}
          </button>
          <button
            type="button"
            disabled={list.next === null}
            onClick={() => list.next && trail.next(list.next)}
          >
            {t('incidents.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}
