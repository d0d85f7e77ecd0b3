/** Cases of the compartments one belongs to, filtered by mine, overdue, type, status and risk; opening one. */
import { type FormEvent, useState } from 'react';
import {
  CASE_STATUSES,
  CASE_TYPES,
  type CaseType,
  listCases,
  openCase,
  RISK_LEVELS,
  type RiskLevel,
} from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

const FILTERS = ['type', 'status', 'risk'] as const;

export function CasesScreen() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('cases.title'));
  const { query } = useLocation();
  const filters = {
    mine: query.get('mine') ?? undefined,
    overdue: query.get('overdue') ?? undefined,
    type: query.get('type') ?? undefined,
    status: query.get('status') ?? undefined,
    risk: query.get('risk') ?? undefined,
  };
  const { data, error } = useLoad(() => listCases(filters), [query.toString()]);
  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`/cases${next.size ? `?${next}` : ''}`, true);
  };
  const options: Record<(typeof FILTERS)[number], readonly string[]> = {
    type: CASE_TYPES,
    status: CASE_STATUSES,
    risk: RISK_LEVELS,
  };
  const labelOf = (filter: (typeof FILTERS)[number], code: string) =>
    t(
      filter === 'type'
        ? `caseType.${code as CaseType}`
        : filter === 'risk'
          ? `risk.${code as RiskLevel}`
          : `caseStatus.${code as 'open'}`,
    );

  return (
    <>
      <h1>{t('cases.title')}</h1>
      <p>{t('cases.intro')}</p>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('cases.title')}</legend>
        <label>
          <input
            type="checkbox"
            checked={filters.mine === 'true'}
            onChange={(e) => setFilter('mine', e.target.checked ? 'true' : undefined)}
          />{' '}
          {t('cases.mine')}
        </label>
        <label>
          <input
            type="checkbox"
            name="overdue"
            checked={filters.overdue === 'true'}
            onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
          />{' '}
          {t('cases.overdue')}
        </label>
        {FILTERS.map((filter) => (
          <FormField key={filter} label={t(`case.${filter}`)}>
            {({ id }) => (
              <select
                id={id}
                value={filters[filter] ?? ''}
                onChange={(e) => setFilter(filter, e.target.value || undefined)}
              >
                <option value="">{t('cases.any')}</option>
                {options[filter].map((code) => (
                  <option key={code} value={code}>
                    {labelOf(filter, code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ))}
      </fieldset>
      {error ? <ErrorMessage error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('cases.empty')}</p> : null}
      <ul className="card-list" data-testid="case-list">
        {data?.items.map((item) => (
          <li key={item.id} className="card" data-case={item.code}>
            <div className="card-head">
              <Link to={`/cases/${item.id}`}>{item.code}</Link>
              <span>{t(`caseType.${item.type}`)}</span>
              <span>{t(`caseStatus.${item.status}`)}</span>
              <span className={`risk risk-${item.risk}`}>{t(`risk.${item.risk}`)}</span>
              {item.overdueTasks > 0 ? (
                <strong className="overdue">{t('cases.overdueCount', { count: item.overdueTasks })}</strong>
              ) : null}
            </div>
            <p className="hint">
              {item.assignedTo ?? t('case.unassigned')} · {formatDate(item.createdAt.slice(0, 10))}
            </p>
          </li>
        ))}
      </ul>
      <OpenCaseForm />
    </>
  );
}

function OpenCaseForm() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [persons, setPersons] = useState(query.get('person') ?? '');
  const [type, setType] = useState<CaseType>('evacuation');
  const [risk, setRisk] = useState<RiskLevel>('medium');
  const [assignTo, setAssignTo] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const codes = persons
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      const opened = await openCase({
        persons: codes,
        type,
        risk,
        ...(assignTo.trim() ? { assignTo: assignTo.trim() } : {}),
      });
      navigate(`/cases/${opened.id}`);
    });
  };
  return (
    <section aria-labelledby="open-case">
      <h2 id="open-case">{t('cases.open')}</h2>
      <form onSubmit={(e) => void submit(e)} autoComplete="off">
        <FormField label={t('cases.persons')}>
          {({ id }) => (
            <input
              id={id}
              name="persons"
              value={persons}
              onChange={(e) => setPersons(e.target.value)}
              required
            />
          )}
        </FormField>
        <FormField label={t('case.type')}>
          {({ id }) => (
            <select id={id} name="type" value={type} onChange={(e) => setType(e.target.value as CaseType)}>
              {CASE_TYPES.map((code) => (
                <option key={code} value={code}>
                  {t(`caseType.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('case.risk')}>
          {({ id }) => (
            <select id={id} name="risk" value={risk} onChange={(e) => setRisk(e.target.value as RiskLevel)}>
              {RISK_LEVELS.map((code) => (
                <option key={code} value={code}>
                  {t(`risk.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('cases.assignTo')}>
          {({ id }) => (
            <input id={id} type="email" value={assignTo} onChange={(e) => setAssignTo(e.target.value)} />
          )}
        </FormField>
        <button type="submit" disabled={action.busy}>
          {t('cases.submit')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </section>
  );
}
