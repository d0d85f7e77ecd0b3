import { useI18n } from '../i18n/I18nContext.tsx';

/** "1–25 of 80" with previous / next, for a list paged by offset. */
export function Pager({
  total,
  offset,
  shown,
  pageSize,
  label,
  onOffset,
}: {
  total: number;
  offset: number;
  shown: number;
  pageSize: number;
  label: string;
  onOffset: (offset: number) => void;
}) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <>
      <p className="meta" data-testid="list-count">
        {t('incidents.shown', { from: offset + 1, to: offset + shown, total })}
      </p>
      {total > pageSize ? (
        <nav className="button-row" aria-label={label}>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - pageSize))}
          >
            {t('incidents.previous')}
          </button>
          <button
            type="button"
            disabled={offset + pageSize >= total}
            onClick={() => onOffset(offset + pageSize)}
          >
            {t('incidents.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}
