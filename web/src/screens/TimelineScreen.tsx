import { getTimeline } from '../api/client.ts';
import type { TimelineMonth } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** Every month from the first to the last, zeros included, so gaps in the record show as gaps. */
function continuousMonths(months: TimelineMonth[]): TimelineMonth[] {
  if (!months.length) return [];
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const byMonth = new Map(sorted.map((m) => [m.month, m]));
  const [y0, m0] = sorted[0]!.month.split('-').map(Number) as [number, number];
  const [y1, m1] = sorted[sorted.length - 1]!.month.split('-').map(Number) as [number, number];
  const out: TimelineMonth[] = [];
  const last = y1 * 12 + (m1 - 1);
  // Capped at fifty years: more bars than that is unreadable anyway.
  for (let n = y0 * 12 + (m0 - 1); n <= last && out.length < 600; n++) {
    const key = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    out.push(byMonth.get(key) ?? { month: key, incidents: 0, acts: 0 });
  }
  return out;
}

export function TimelineScreen() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  usePageTitle(t('timeline.title'));
  const { data, error } = useLoad(getTimeline, []);
  const months = continuousMonths(data?.months ?? []);
  const max = Math.max(1, ...months.map((m) => Math.max(m.incidents, m.acts)));
  // A fixed drawing width; at least a year's worth of slots, so one month is a bar and not a wall.
  const width = 960;
  const barWidth = width / Math.max(months.length, 12);
  const height = 200;
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const labelEvery = months.length <= 24 ? 1 : 12;
  return (
    <>
      <h1>{t('timeline.title')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {data && months.length === 0 ? <p>{t('timeline.empty')}</p> : null}
      {months.length ? (
        <>
          <figure className="timeline">
            <svg viewBox={`0 0 ${width} ${height + 20}`} role="img">
              <title>{t('timeline.caption')}</title>
              {months.map((m, i) => {
                const h = (m.incidents / max) * height;
                const a = (m.acts / max) * height;
                const label = formatDate(`${m.month}-01`, 'month');
                return (
                  <g key={m.month}>
                    <rect
                      className="bar"
                      x={i * barWidth + barWidth * 0.12}
                      y={height - h}
                      width={barWidth * 0.36}
                      height={h}
                    >
                      <title>{`${label} — ${t('incidents.title')}: ${formatNumber(m.incidents)}`}</title>
                    </rect>
                    <rect
                      className="bar-acts"
                      x={i * barWidth + barWidth * 0.52}
                      y={height - a}
                      width={barWidth * 0.36}
                      height={a}
                    >
                      <title>{`${label} — ${t('incident.acts')}: ${formatNumber(m.acts)}`}</title>
                    </rect>
                    {labelEvery === 1 || m.month.endsWith('-01') ? (
                      <text x={i * barWidth + barWidth / 2} y={height + 14} className="axis-label">
                        {labelEvery === 1 && !(i === 0 || m.month.endsWith('-01'))
                          ? shortMonth.format(new Date(`${m.month}-01T00:00:00Z`))
                          : labelEvery === 1
                            ? `${shortMonth.format(new Date(`${m.month}-01T00:00:00Z`))} ${m.month.slice(0, 4)}`
                            : m.month.slice(0, 4)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </svg>
            <figcaption id="timeline-caption">
              {t('timeline.caption')}: <span className="key key-incidents">{t('incidents.title')}</span>{' '}
              <span className="key key-acts">{t('incident.acts')}</span>
            </figcaption>
          </figure>
          <table className="data-table">
            <caption>{t('timeline.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.period')}</th>
                <th scope="col">{t('incidents.title')}</th>
                <th scope="col">{t('incident.acts')}</th>
              </tr>
            </thead>
            <tbody>
              {months
                .filter((m) => m.incidents || m.acts)
                .map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatDate(`${m.month}-01`, 'month')}</th>
                    <td>{formatNumber(m.incidents)}</td>
                    <td>{formatNumber(m.acts)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
