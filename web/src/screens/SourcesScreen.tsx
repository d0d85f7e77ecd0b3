import { type FormEvent, useState } from 'react';
import { listSources } from '../api/client.ts';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { Pager } from '../components/Pager.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { LOCALE_NAMES, LOCALES } from '../i18n/messages.ts';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useUrlFilters } from '../useUrlFilters.ts';

const FILTERS = ['reviewed', 'language', 'from', 'to', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
const SORTS = ['captured', 'published', 'title'] as const;
const PAGE_SIZE = 25;

export function SourcesScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('sources.title'));
  const languageName = useLanguageName();
  const { filters, offset, key, go, clear } = useUrlFilters('/sources', FILTERS);
  const { data, error } = useLoad(
    () => listSources({ ...filters, limit: String(PAGE_SIZE), offset: String(offset) }),
    [key],
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
                {source.title ?? source.fileName ?? source.id.slice(0, 8)}
              </Link>
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
      {data ? (
        <Pager
          total={data.total}
          offset={offset}
          shown={data.items.length}
          pageSize={PAGE_SIZE}
          label={t('sources.title')}
          onOffset={(next) => go({ offset: String(next) })}
        />
      ) : null}
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(form);
  };
  return (
    <form className="filters panel" aria-label={t('incidents.filters')} onSubmit={submit}>
      <div className="field-row">
        <FormField label={t('sources.reviewState')}>
          {({ id }) => (
            <select id={id} value={form.reviewed} onChange={(e) => set('reviewed')(e.target.value)}>
              <option value="">{t('sources.anyReviewState')}</option>
              <option value="false">{t('review.notReviewed')}</option>
              <option value="true">{t('review.reviewed')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('field.language')}>
          {({ id }) => (
            <select id={id} value={form.language} onChange={(e) => set('language')(e.target.value)}>
              <option value="">{t('incidents.anyLanguage')}</option>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('sources.publishedFrom')}>
          {({ id }) => (
            <input id={id} type="date" value={form.from} onChange={(e) => set('from')(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('sources.publishedTo')}>
          {({ id }) => (
            <input id={id} type="date" value={form.to} onChange={(e) => set('to')(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('incidents.sort')}>
          {({ id }) => (
            <select id={id} value={form.sort || 'captured'} onChange={(e) => set('sort')(e.target.value)}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sources.sort.${sort}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('incidents.apply')}
        </button>
        <button type="button" onClick={onClear}>
          {t('incidents.clear')}
        </button>
      </div>
    </form>
  );
}
