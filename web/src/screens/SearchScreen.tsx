import { type FormEvent, useState } from 'react';
import { search } from '../api/client.ts';
import { type FacetValue, isIncidentStatus, type SearchResult } from '../api/types.ts';
import { useCountryName, useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { HighlightedText } from '../components/HighlightedText.tsx';
import { SealedBadge } from '../components/SealChoice.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';

type FacetName = keyof SearchResult['facets'];

/** Facets in the order shown; `param` is the query parameter a click sets (period sets from/to). */
const FACETS: Array<{ name: FacetName; label: MessageKey; param: string | null }> = [
  { name: 'kind', label: 'search.kind', param: 'kind' },
  { name: 'type', label: 'field.type', param: 'type' },
  { name: 'country', label: 'field.country', param: 'country' },
  { name: 'period', label: 'field.period', param: 'from' },
  { name: 'status', label: 'field.status', param: 'status' },
  { name: 'language', label: 'field.language', param: 'language' },
  { name: 'sourceKind', label: 'field.source', param: null },
];

const FILTER_PARAMS = ['kind', 'type', 'country', 'status', 'language', 'from', 'to'];

function searchUrl(params: URLSearchParams): string {
  return `/search?${params.toString()}`;
}

export function SearchScreen() {
  const { t } = useI18n();
  const { query } = useLocation();
  usePageTitle(t('search.title'));
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const key = query.toString();
  // With no words, the facets browse everything.
  const { data, error } = useLoad(() => search(Object.fromEntries(query.entries())), [key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (text.trim()) params.set('q', text.trim());
    navigate(searchUrl(params));
  };

  return (
    <>
      <h1>{t('search.title')}</h1>
      <search>
        <form className="search-form" onSubmit={submit}>
          <label htmlFor="search-query">{t('search.query')}</label>
          <div className="inline">
            <input id="search-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="primary">
              {t('search.submit')}
            </button>
          </div>
        </form>
      </search>
      {error ? <ErrorMessage error={error} /> : null}
      {data ? (
        <div className="search-layout">
          <FacetPanel result={data} query={query} />
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">
              {/* Past the server's cap the total is a lower bound: "1,000+ results". */}
              {t(data.totalIsLowerBound ? 'search.resultsAtLeast' : 'search.results', { count: data.total })}
            </h2>
            {data.hits.length === 0 ? <p>{t('search.none')}</p> : null}
            <ol className="card-list hits">
              {data.hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`} className="card hit">
                  <div className="card-head">
                    <Link to={hit.kind === 'incident' ? `/incidents/${hit.id}` : `/sources/${hit.id}`}>
                      {hit.title}
                    </Link>
                    <span className="meta">{t(`search.kind.${hit.kind}`)}</span>
                    {isIncidentStatus(hit.status) ? <StatusBadge status={hit.status} /> : null}
                  </div>
                  <p className="snippet" lang={hit.language ?? undefined}>
                    <HighlightedText text={hit.snippet} highlights={hit.highlights} />
                  </p>
                </li>
              ))}
            </ol>
            {data.sealed && data.sealed.total > 0 ? <SealedHits sealed={data.sealed} /> : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

/** Sealed sources found by opening them on the server (members only); never mixed into the ranking. */
function SealedHits({ sealed }: { sealed: NonNullable<SearchResult['sealed']> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="sealed-results-heading" data-testid="sealed-hits">
      <h3 id="sealed-results-heading">{t('sealed.searchResults', { count: sealed.total })}</h3>
      {sealed.truncated ? <p className="hint">{t('sealed.searchTruncated')}</p> : null}
      <ol className="card-list hits">
        {sealed.hits.map((hit) => (
          <li key={hit.id} className="card hit">
            <div className="card-head">
              <Link to={`/sources/${hit.id}`}>{hit.title}</Link>
              <SealedBadge code={hit.compartment} />
            </div>
            <p className="snippet">
              <HighlightedText text={hit.snippet} highlights={hit.highlights} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function FacetPanel({ result, query }: { result: SearchResult; query: URLSearchParams }) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const valueLabel = (facet: FacetName, value: string): string => {
    switch (facet) {
      case 'kind':
        return value === 'incident' || value === 'source' ? t(`search.kind.${value}`) : value;
      case 'type':
        return label('eventTypes', value);
      case 'country':
        return countryName(value);
      case 'language':
        return languageName(value);
      case 'status':
        return value === 'alleged' || value === 'corroborated' || value === 'verified'
          ? t(`status.${value}`)
          : value;
      default:
        return value;
    }
  };
  const active = FILTER_PARAMS.some((p) => query.has(p));
  const toggle = (param: string, facet: FacetName, value: FacetValue['value']) => {
    const params = new URLSearchParams(query);
    if (facet === 'period') {
      const isOn = params.get('from') === `${value}-01-01`;
      params.delete('from');
      params.delete('to');
      if (!isOn) {
        params.set('from', `${value}-01-01`);
        params.set('to', `${value}-12-31`);
      }
    } else if (params.get(param) === value) params.delete(param);
    else params.set(param, value);
    navigate(searchUrl(params));
  };
  const isOn = (param: string, facet: FacetName, value: string) =>
    facet === 'period' ? query.get('from') === `${value}-01-01` : query.get(param) === value;

  return (
    <aside className="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">{t('search.facets')}</h2>
      {result.totalIsLowerBound ? <p className="hint">{t('search.facetsPartial')}</p> : null}
      {active ? (
        <button
          type="button"
          className="link-button"
          onClick={() => navigate(searchUrl(new URLSearchParams({ q: query.get('q') ?? '' })))}
        >
          {t('search.all')}
        </button>
      ) : null}
      {FACETS.map(({ name, label: heading, param }) => {
        const values = result.facets[name] ?? [];
        if (!values.length) return null;
        return (
          <section key={name} className="facet" aria-label={t(heading)}>
            <h3>{t(heading)}</h3>
            <ul>
              {values.map((v) => (
                <li key={v.value}>
                  {param ? (
                    <button
                      type="button"
                      className="facet-value"
                      aria-pressed={isOn(param, name, v.value)}
                      onClick={() => toggle(param, name, v.value)}
                    >
                      {valueLabel(name, v.value)} <span className="count">{v.count}</span>
                    </button>
                  ) : (
                    <span className="facet-value">
                      {valueLabel(name, v.value)} <span className="count">{v.count}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
