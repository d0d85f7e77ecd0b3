import { type MouseEvent, useMemo } from 'react';
import { formatArea } from '../../../src/core/geoArea.ts';
import { getMapStats, getStatsPlaces } from '../api/client.ts';
import type { MapMark } from '../api/types.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SelectFilter } from '../components/Filters.tsx';
import { filterQuery, INCIDENT_FILTERS, IncidentFilterForm } from '../components/IncidentFilterForm.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { MAP_HEIGHT, MAP_WIDTH, project, worldShapes } from '../map/worldShapes.ts';
import { Link, navigate } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useUrlFilters } from '../useUrlFilters.ts';

/** Five shades, light to dark; each passes 3:1 against the sea colour for the outlines' sake. */
function shade(count: number, max: number): string {
  if (count <= 0) return 'land';
  const step = Math.min(4, Math.floor((Math.log(count) / Math.log(Math.max(max, 2))) * 4));
  return `land heat-${step}`;
}

/** Grid sizes in degrees (the server's MAP_CELLS): coarse groups whole regions, fine keeps cities apart. */
const CELLS = ['4', '2', '1', '0.5', '0.25'] as const;
// The country shading takes only these of the incident filters.
const SHADING_FILTERS = ['type', 'status', 'from', 'to'] as const;

export default function MapScreen() {
  const { t, formatNumber } = useI18n();
  usePageTitle(t('map.title'));
  const countryName = useCountryName();
  const shapes = useMemo(worldShapes, []);
  const { filters, key, go } = useUrlFilters('/map', [...INCIDENT_FILTERS, 'cell']);
  const cell = (CELLS as readonly string[]).includes(filters.cell) ? filters.cell : '2';
  const incidentFilters = Object.fromEntries(INCIDENT_FILTERS.map((name) => [name, filters[name]]));
  const { data, error } = useLoad(
    () => getMapStats(Object.fromEntries(SHADING_FILTERS.map((name) => [name, filters[name]]))),
    [key],
  );
  const places = useLoad(() => getStatsPlaces({ ...incidentFilters, cell }), [key]);
  const counts = new Map((data?.countries ?? []).map((c) => [c.country, c]));
  const max = Math.max(1, ...(data?.countries ?? []).map((c) => c.incidents));
  const marks = places.data?.marks ?? [];
  const biggest = Math.max(1, ...marks.map((mark) => mark.acts));
  const shared = filterQuery(filters);
  const incidentsIn = (mark: MapMark) =>
    `/incidents?${filterQuery({ ...incidentFilters, area: formatArea(mark.bounds) }, [...INCIDENT_FILTERS, 'area'])}`;
  const markLabel = (mark: MapMark) =>
    `${t(mark.kind === 'place' ? 'map.place' : 'map.cluster', { count: mark.acts })} — ${t('map.markLink')}`;
  const follow = (to: string) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <>
      <h1>{t('map.title')}</h1>
      <IncidentFilterForm
        key={key}
        initial={incidentFilters}
        onApply={(next) => go({ ...next, cell: filters.cell })}
        onClear={() => go(Object.fromEntries(INCIDENT_FILTERS.map((name) => [name, ''])))}
      />
      <div className="field-row map-tools">
        <SelectFilter
          label={t('map.grouping')}
          value={cell}
          onChange={(value) => go({ cell: value })}
          options={CELLS.map((value) => ({ value, label: t('map.cell', { degrees: value }) }))}
        />
        <p className="screen-links">
          <Link to={`/incidents${shared ? `?${shared}` : ''}`}>{t('stats.listThese')}</Link>
          {' · '}
          <Link to={`/statistics${shared ? `?${shared}` : ''}`}>{t('stats.countThese')}</Link>
        </p>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {places.error ? <ErrorMessage error={places.error} /> : null}
      <figure className="map">
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-labelledby="map-caption" className="world-map">
          <title>{t('map.caption')}</title>
          <rect className="sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
          {shapes.map((shape) => {
            const stats = counts.get(shape.code);
            return (
              <path
                key={shape.code + shape.name}
                d={shape.path}
                className={shade(stats?.incidents ?? 0, max)}
              >
                <title>
                  {countryName(shape.code)}
                  {stats ? ` — ${t('map.incidents', { count: stats.incidents })}` : ''}
                </title>
              </path>
            );
          })}
          {shapes
            .filter((shape) => counts.has(shape.code) && marks.length === 0)
            .map((shape) => (
              <text key={`label-${shape.code}`} x={shape.centre[0]} y={shape.centre[1]} className="map-count">
                {formatNumber(counts.get(shape.code)!.incidents)}
              </text>
            ))}
          {marks.map((mark) => {
            const [x, y] = project([mark.longitude, mark.latitude]);
            const r = 3 + 11 * Math.sqrt(mark.acts / biggest);
            const to = incidentsIn(mark);
            return (
              <a
                key={formatArea(mark.bounds)}
                href={to}
                onClick={follow(to)}
                aria-label={markLabel(mark)}
                className={`map-mark map-mark-${mark.kind}`}
                data-acts={mark.acts}
              >
                <circle cx={x} cy={y} r={r} />
                {mark.kind === 'cluster' || mark.acts > 1 ? (
                  <text x={x} y={y + 4} className="map-mark-count">
                    {formatNumber(mark.acts)}
                  </text>
                ) : null}
              </a>
            );
          })}
        </svg>
        <figcaption id="map-caption">
          {t('map.caption')} — {t('map.marksCaption')}
        </figcaption>
      </figure>
      {places.data?.someHidden ? (
        <p className="meta">{t('map.someHidden', { threshold: places.data.threshold })}</p>
      ) : null}
      {places.data && marks.length === 0 ? <p>{t('map.noMarks')}</p> : null}
      {data && data.countries.length === 0 ? <p>{t('map.empty')}</p> : null}
      <div className="two-columns">
        {marks.length ? (
          <table className="data-table" data-testid="map-marks">
            <caption>{t('map.marksTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('map.position')}</th>
                <th scope="col">{t('incident.acts')}</th>
                <th scope="col">{t('incidents.title')}</th>
              </tr>
            </thead>
            <tbody>
              {marks.map((mark) => (
                <tr key={formatArea(mark.bounds)}>
                  <th scope="row">
                    <Link to={incidentsIn(mark)}>
                      {`${mark.latitude.toFixed(2)}, ${mark.longitude.toFixed(2)}`}
                      {mark.kind === 'cluster' ? ` (${t('map.clusterShort')})` : ''}
                    </Link>
                  </th>
                  <td>{formatNumber(mark.acts)}</td>
                  <td>{mark.incidents === null ? '—' : formatNumber(mark.incidents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {data?.countries.length ? (
          <table className="data-table">
            <caption>{t('map.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.country')}</th>
                <th scope="col">{t('incidents.title')}</th>
                <th scope="col">{t('incident.acts')}</th>
              </tr>
            </thead>
            <tbody>
              {data.countries.map((c) => (
                <tr key={c.country}>
                  <th scope="row">{countryName(c.country)}</th>
                  <td>{formatNumber(c.incidents)}</td>
                  <td>{formatNumber(c.acts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </>
  );
}
