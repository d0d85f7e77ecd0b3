import { useI18n } from '../i18n/I18nContext.tsx';

/** How much of the date a precision keeps: "2017-03" for a month, "2017" for a year. */
const PREFIX: Record<string, number> = { month: 7, quarter: 4, year: 4, decade: 3 };

/**
 * A date as precise as it is known: "March 2017" for a month, "12 May 2017" for a day, a range
 * when the start and end differ. Never more precise than the record.
 */
export function DateRangeText({
  from,
  to,
  precision,
}: {
  from: string | null;
  to: string | null;
  precision: string | null;
}) {
  const { t, formatDate } = useI18n();
  if (!from && !to) return <>{t('field.unknown')}</>;
  const p = precision ?? 'day';
  const keep = PREFIX[p];
  if (from && (!to || from === to || (keep && from.slice(0, keep) === to.slice(0, keep)))) {
    return <>{formatDate(from, p)}</>;
  }
  const part = p === 'range' || p === 'week' ? 'day' : p;
  return (
    <>
      {from ? formatDate(from, part) : '…'} – {to ? formatDate(to, part) : '…'}
    </>
  );
}
