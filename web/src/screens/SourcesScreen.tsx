import { useState } from 'react';
import { listSources } from '../api/client.ts';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { DateFilter, FilterForm, LanguageFilter, SelectFilter } from '../components/Filters.tsx';
import { Pager } from '../components/Pager.tsx';
import { SealedBadge } from '../components/SealChoice.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { usePagedList } from '../usePagedList.ts';
import { usePageTitle } from '../usePageTitle.ts';

const FILTERS = ['reviewed', 'language', 'from', 'to', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
const SORTS = ['captured', 'published', 'title'] as const;

export function SourcesScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('sources.title'));
  const languageName = useLanguageName();
  const { filters, key, go, clear, data, error, pager } = usePagedList('/sources', FILTERS, (chosen, page) =>
    listSources({ ...chosen, ...page }),
  );
  return (
    <>
      <h1>{t('sources.title')}</h1>
      <SourceFilters key={key} initial={filters} onApply={go} onClear={clear} />
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('sources.empty')}</p> : null}
      <ul className="card-list source-cards">
        {data?.items.map((source) => (
          <li key={source.id} className="card">
            <div className="card-head">
              <Link to={`/sources/${source.id}`}>
                {source.sealed
                  ? t('sealed.listTitle', { code: source.sealed.compartment })
                  : (source.title ?? source.fileName ?? source.id.slice(0, 8))}
              </Link>
              {source.sealed ? <SealedBadge code={source.sealed.compartment} /> : null}
              <span className={source.reviewed ? 'status status-verified' : 'status status-alleged'}>
                {source.reviewed ? t('review.reviewed') : t('review.notReviewed')}
              </span>
            </div>
            <p className="meta">
              {languageName(source.language)} · {formatDateTime(source.capturedAt)}
              {source.capturedBy ? ` · ${source.capturedBy}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {pager ? <Pager {...pager} label={t('sources.title')} /> : null}
    </>
  );
}

function SourceFilters({
  initial,
  onApply,
  onClear,
}: {
  initial: Record<Filter, string>;
  onApply: (filters: Record<Filter, string>) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const set = (name: Filter) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <FilterForm onApply={() => onApply(form)} onClear={onClear}>
      <div className="field-row">
        <SelectFilter
          label={t('sources.reviewState')}
          value={form.reviewed}
          onChange={set('reviewed')}
          any={t('sources.anyReviewState')}
          options={[
            { value: 'false', label: t('review.notReviewed') },
            { value: 'true', label: t('review.reviewed') },
          ]}
        />
        <LanguageFilter value={form.language} onChange={set('language')} />
        <DateFilter label={t('sources.publishedFrom')} value={form.from} onChange={set('from')} />
        <DateFilter label={t('sources.publishedTo')} value={form.to} onChange={set('to')} />
        <SelectFilter
          label={t('incidents.sort')}
          value={form.sort || 'captured'}
          onChange={set('sort')}
          options={SORTS.map((sort) => ({ value: sort, label: t(`sources.sort.${sort}`) }))}
        />
      </div>
    </FilterForm>
  );
}
