import { type FormEvent, useRef, useState } from 'react';
import { getStatsBreakdown } from '../api/client.ts';
import type { StatsFigures, StatsRow } from '../api/types.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SelectFilter } from '../components/Filters.tsx';
import { filterQuery, INCIDENT_FILTERS, IncidentFilterForm } from '../components/IncidentFilterForm.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { BarChart, type ChartBar } from '../stats/BarChart.tsx';
import { downloadCsv, downloadPng } from '../stats/chartFiles.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useUrlFilters } from '../useUrlFilters.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';

const DIMENSIONS = ['type', 'country', 'region', 'month', 'perpetrator', 'status'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const MEASURES = ['acts', 'victims'] as const;
type Measure = (typeof MEASURES)[number];
interface Pinned {
  dimension: Dimension;
  measure: Measure;
}

/** At most this many bars in one chart; the table beside it has every row. */
const MAX_BARS = 20;
const MAX_CHARTS = 8;
const DEFAULT_CHARTS: Pinned[] = [{ dimension: 'type', measure: 'acts' }];

/** The pinned charts as kept in the URL: `charts=type.acts,month.victims`. */
function parseCharts(text: string): Pinned[] {
  if (!text) return DEFAULT_CHARTS;
  const charts: Pinned[] = [];
  for (const part of text.split(',')) {
    const [dimension, measure] = part.split('.');
    if (
      (DIMENSIONS as readonly string[]).includes(dimension ?? '') &&
      (MEASURES as readonly string[]).includes(measure ?? '') &&
      !charts.some((c) => c.dimension === dimension && c.measure === measure)
    )
      charts.push({ dimension: dimension as Dimension, measure: measure as Measure });
  }
  return charts.slice(0, MAX_CHARTS);
}
const formatCharts = (charts: Pinned[]) => charts.map((c) => `${c.dimension}.${c.measure}`).join(',');

/**
 * The statistics page: dashboards without HTML. The user pins charts (a dimension × acts or victims),
 * each an SVG drawn here with its table beside it and CSV and PNG downloads; the filters and the
 * pinned charts live in the URL, so a link shares the whole page inside the organisation.
 */
export default function StatisticsScreen() {
  const { t } = useI18n();
  usePageTitle(t('stats.title'));
  const { filters, key, go, clear } = useUrlFilters('/statistics', [...INCIDENT_FILTERS, 'charts', 'view']);
  const charts = parseCharts(filters.charts);
  const shared = filterQuery(filters);
  const setCharts = (next: Pinned[]) => go({ charts: formatCharts(next) || 'none' });
  const view = filters.view === 'public' ? 'public' : 'internal';
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.intro')}</p>
      <IncidentFilterForm
        key={key}
        initial={Object.fromEntries(INCIDENT_FILTERS.map((name) => [name, filters[name]]))}
        onApply={(next) => go({ ...next, charts: filters.charts, view: filters.view })}
        onClear={() => go(Object.fromEntries(INCIDENT_FILTERS.map((name) => [name, ''])))}
      />
      <p className="screen-links">
        <Link to={`/incidents${shared ? `?${shared}` : ''}`}>{t('stats.listThese')}</Link>
        {' · '}
        <Link to={`/map${shared ? `?${shared}` : ''}`}>{t('stats.mapThese')}</Link>
      </p>
      <div className="panel stat-controls">
        <label className="check">
          <input
            type="checkbox"
            checked={view === 'public'}
            onChange={(e) => go({ view: e.target.checked ? 'public' : '' })}
          />{' '}
          {t('stats.publicView')}
        </label>
        <AddChart
          onAdd={(chart) =>
            setCharts(
              [
                ...charts.filter((c) => c.dimension !== chart.dimension || c.measure !== chart.measure),
                chart,
              ].slice(-MAX_CHARTS),
            )
          }
        />
        <button type="button" onClick={clear}>
          {t('stats.reset')}
        </button>
      </div>
      {charts.length === 0 ? <p>{t('stats.noCharts')}</p> : null}
      <div className="stat-charts">
        {charts.map((chart, index) => (
          <ChartPanel
            key={`${chart.dimension}.${chart.measure}`}
            chart={chart}
            params={{ ...Object.fromEntries(INCIDENT_FILTERS.map((n) => [n, filters[n]])), view }}
            onRemove={() => setCharts(charts.filter((_c, i) => i !== index))}
          />
        ))}
      </div>
    </>
  );
}

function AddChart({ onAdd }: { onAdd: (chart: Pinned) => void }) {
  const { t } = useI18n();
  const [dimension, setDimension] = useState<Dimension>('country');
  const [measure, setMeasure] = useState<Measure>('acts');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ dimension, measure });
  };
  return (
    <form className="add-chart" aria-label={t('stats.addChart')} onSubmit={submit}>
      <SelectFilter
        label={t('stats.dimension')}
        value={dimension}
        onChange={(value) => setDimension(value as Dimension)}
        options={DIMENSIONS.map((d) => ({ value: d, label: t(`stats.by.${d}` as MessageKey) }))}
      />
      <SelectFilter
        label={t('stats.measure')}
        value={measure}
        onChange={(value) => setMeasure(value as Measure)}
        options={MEASURES.map((m) => ({ value: m, label: t(`stats.measure.${m}` as MessageKey) }))}
      />
      <button type="submit" className="primary">
        {t('stats.pin')}
      </button>
    </form>
  );
}

/** How a victims figure reads: "108", "108 (100–120)", or "108 (≥ 100)" when a range is open. */
function useVictimsText() {
  const { t, formatNumber } = useI18n();
  return (figures: Pick<StatsFigures, 'victims' | 'victimsLow' | 'victimsHigh'>): string => {
    const { victims, victimsLow, victimsHigh } = figures;
    if (victims === null) return '';
    // Acts with no figure add nothing: a row whose known figures sum to 0 says so, never "0".
    if (victims === 0 && victimsHigh === null) return t('stats.noFigure');
    const n = formatNumber(victims);
    if (victimsHigh === null) return `${n} (≥ ${formatNumber(victimsLow ?? victims)})`;
    if (victimsLow === victims && victimsHigh === victims) return n;
    return `${n} (${formatNumber(victimsLow ?? victims)}–${formatNumber(victimsHigh)})`;
  };
}

function useKeyLabel(dimension: Dimension) {
  const { t, formatDate } = useI18n();
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  return (row: Pick<StatsRow, 'key' | 'country'>): string => {
    if (row.key === '') return t('stats.unknown');
    switch (dimension) {
      case 'type':
        return label('eventTypes', row.key);
      case 'country':
        return countryName(row.key);
      case 'region':
        return row.country ? `${row.key} (${countryName(row.country)})` : row.key;
      case 'month':
        return formatDate(`${row.key}-01`, 'month');
      case 'perpetrator':
        return t(`stats.perpetrator.${row.key}` as MessageKey);
      case 'status':
        return t(`status.${row.key}` as MessageKey);
    }
  };
}

function ChartPanel({
  chart,
  params,
  onRemove,
}: {
  chart: Pinned;
  params: Record<string, string>;
  onRemove: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const svg = useRef<SVGSVGElement>(null);
  const [pngError, setPngError] = useState<Error | null>(null);
  const { dimension, measure } = chart;
  const { data, error } = useLoad(
    () => getStatsBreakdown({ ...params, by: dimension }),
    [dimension, JSON.stringify(params)],
  );
  const keyLabel = useKeyLabel(dimension);
  const victimsText = useVictimsText();
  const suppressed = t('stats.suppressed');
  const title = t(`stats.chartTitle.${measure}` as MessageKey, {
    dimension: t(`stats.dim.${dimension}` as MessageKey),
  });
  const figure = (row: StatsFigures): string =>
    row.suppressed ? suppressed : measure === 'acts' ? formatNumber(row.acts ?? 0) : victimsText(row);
  const value = (row: StatsFigures) => (row.suppressed ? null : measure === 'acts' ? row.acts : row.victims);
  const rows = [...(data?.rows ?? [])];
  // Months in order; other dimensions largest first; the unknown row last either way.
  rows.sort((a, b) =>
    a.key === '' || b.key === ''
      ? Number(a.key === '') - Number(b.key === '')
      : dimension === 'month'
        ? a.key.localeCompare(b.key)
        : (value(b) ?? -1) - (value(a) ?? -1) || keyLabel(a).localeCompare(keyLabel(b)),
  );
  const bars: ChartBar[] = rows
    .filter((row) => dimension !== 'month' || row.key !== '')
    .slice(0, dimension === 'month' ? 120 : MAX_BARS)
    .map((row) => ({
      key: `${row.country ?? ''}|${row.key}`,
      label: keyLabel(row),
      value: value(row),
      display: figure(row),
    }));
  const fileBase = `attest-${measure}-by-${dimension}`;
  const csv = () => {
    const header = [
      t(`stats.by.${dimension}` as MessageKey),
      t('stats.measure.acts'),
      t('stats.measure.victims'),
      t('stats.victimsLow'),
      t('stats.victimsHigh'),
      ...(data?.view === 'internal' ? [t('stats.withoutFigure')] : []),
    ];
    const line = (label: string, row: StatsFigures) => [
      label,
      row.suppressed ? suppressed : String(row.acts),
      row.suppressed ? suppressed : String(row.victims),
      row.suppressed ? suppressed : String(row.victimsLow),
      row.suppressed ? suppressed : row.victimsHigh === null ? '' : String(row.victimsHigh),
      ...(data?.view === 'internal' ? [String(row.withoutFigure ?? '')] : []),
    ];
    downloadCsv(
      [
        header,
        ...rows.map((row) => line(keyLabel(row), row)),
        ...(data ? [line(t('stats.total'), data.total)] : []),
      ],
      `${fileBase}.csv`,
    );
  };
  const png = () => {
    setPngError(null);
    if (svg.current)
      downloadPng(svg.current, `${fileBase}.png`).catch((e: unknown) => setPngError(e as Error));
  };
  const headingId = `h-${dimension}-${measure}`;
  return (
    <section className="panel stat-panel" aria-labelledby={headingId} data-chart={`${dimension}.${measure}`}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        <div className="button-row">
          <button type="button" onClick={csv} disabled={!data}>
            {t('stats.csv')}
          </button>
          <button type="button" onClick={png} disabled={!data || rows.length === 0}>
            {t('stats.png')}
          </button>
          <button type="button" onClick={onRemove} aria-label={t('stats.removeNamed', { name: title })}>
            {t('stats.remove')}
          </button>
        </div>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {pngError ? <ErrorMessage error={pngError} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data?.withheld ? <p className="notice">{t('stats.withheld', { threshold: data.threshold })}</p> : null}
      {data && !data.withheld && rows.length === 0 ? <p>{t('stats.empty')}</p> : null}
      {data && rows.length > 0 ? (
        <div className="stat-body">
          <figure className="stat-figure">
            <BarChart
              ref={svg}
              title={title}
              description={t('stats.chartDescription', { count: rows.length })}
              bars={bars}
              columns={dimension === 'month'}
              suppressedLabel={suppressed}
            />
            {rows.length > bars.length + (dimension === 'month' ? 1 : 0) ? (
              <figcaption>{t('stats.moreInTable', { count: rows.length - bars.length })}</figcaption>
            ) : null}
          </figure>
          <table className="data-table stat-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`stats.by.${dimension}` as MessageKey)}</th>
                <th scope="col">{t('stats.measure.acts')}</th>
                <th scope="col">{t('stats.measure.victims')}</th>
                {data.view === 'internal' ? <th scope="col">{t('stats.withoutFigure')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.country ?? ''}|${row.key}`}
                  className={row.suppressed ? 'suppressed' : undefined}
                >
                  <th scope="row">{keyLabel(row)}</th>
                  <td>{row.suppressed ? suppressed : formatNumber(row.acts ?? 0)}</td>
                  <td>{row.suppressed ? suppressed : victimsText(row)}</td>
                  {data.view === 'internal' ? <td>{formatNumber(row.withoutFigure ?? 0)}</td> : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td>{data.total.suppressed ? suppressed : formatNumber(data.total.acts ?? 0)}</td>
                <td>{data.total.suppressed ? suppressed : victimsText(data.total)}</td>
                {data.view === 'internal' ? <td>{formatNumber(data.total.withoutFigure ?? 0)}</td> : null}
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      {data?.view === 'public' ? (
        <p className="meta">
          {data.publicOnly ? `${t('stats.publicOnly')} ` : ''}
          {t('stats.suppressionNote', { threshold: data.threshold })}
        </p>
      ) : null}
      {data?.view === 'internal' ? <p className="meta">{t('stats.internalNote')}</p> : null}
    </section>
  );
}
