import { useMemo } from 'react';
import { getMapStats } from '../api/client.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from '../map/worldShapes.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** Five shades, light to dark; each passes 3:1 against the sea colour for the outlines' sake. */
function shade(count: number, max: number): string {
  if (count <= 0) return 'land';
  const step = Math.min(4, Math.floor((Math.log(count) / Math.log(Math.max(max, 2))) * 4));
  return `land heat-${step}`;
}

export default function MapScreen() {
  const { t, formatNumber } = useI18n();
  usePageTitle(t('map.title'));
  const countryName = useCountryName();
  const shapes = useMemo(worldShapes, []);
  const { data, error } = useLoad(getMapStats, []);
  const counts = new Map((data?.countries ?? []).map((c) => [c.country, c]));
  const max = Math.max(1, ...(data?.countries ?? []).map((c) => c.incidents));
  return (
    <>
      <h1>{t('map.title')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      <figure className="map">
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" className="world-map">
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
            .filter((shape) => counts.has(shape.code))
            .map((shape) => (
              <text key={`label-${shape.code}`} x={shape.centre[0]} y={shape.centre[1]} className="map-count">
                {formatNumber(counts.get(shape.code)!.incidents)}
              </text>
            ))}
        </svg>
        <figcaption id="map-caption">{t('map.caption')}</figcaption>
      </figure>
      {data && data.countries.length === 0 ? <p>{t('map.empty')}</p> : null}
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
    </>
  );
}
