/**
 * The estimation page (`/estimation`): choose lists (sources, publishers or organisations from the
 * database, or an uploaded lists file), see how they overlap (an UpSet chart and its tables, the
 * table downloadable as CSV), choose a model with what it assumes in plain words, run the estimate
 * and read it on an axis with the documented count marked — with the caveats that decide whether the
 * figure may be quoted. Estimates can be saved and opened again. An uploaded file is read in the
 * browser and sent as text; the server computes and keeps nothing of it unless the analyst saves,
 * and then only the counts.
 */
import { type ReactNode, useId, useState } from 'react';
import { downloadText } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import {
  type ChoosableList,
  type EstimateModel,
  type EstimateResult,
  type EstimationOverlaps,
  getEstimationLists,
  getOverlaps,
  type LinkageRun,
  type ListsInput,
  listSavedEstimates,
  openSavedEstimate,
  runEstimate,
  saveEstimate,
} from './estimationApi.ts';
import { IntervalChart } from './IntervalChart.tsx';
import { overlapCsv } from './overlapTable.ts';
import { MAX_COLUMNS, UpSetChart } from './UpSetChart.tsx';

const MODELS: EstimateModel[] = ['auto', 'independence', 'lcmcr', 'dga'];
const CAVEATS = ['dependence', 'heterogeneity', 'closed', 'linkage', 'modelChoice'] as const;
const KIND_LABEL: Record<ChoosableList['kind'], MessageKey> = {
  source: 'estimation.kindSource',
  publisher: 'estimation.kindPublisher',
  organisation: 'estimation.kindOrganisation',
};

type Origin = 'database' | 'upload';

export function EstimationScreen() {
  const { t } = useI18n();
  usePageTitle(t('estimation.title'));
  const choices = useLoad(getEstimationLists, []);
  const saved = useLoad(listSavedEstimates, []);
  const [origin, setOrigin] = useState<Origin>('database');
  const [chosen, setChosen] = useState<string[]>([]);
  // null: the server's default (the latest reviewed linkage run), shown as chosen once loaded.
  const [linkageRun, setLinkageRun] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ name: string; csv: string } | null>(null);
  const [input, setInput] = useState<ListsInput | null>(null);
  const [overlaps, setOverlaps] = useState<EstimationOverlaps | null>(null);
  const [model, setModel] = useState<EstimateModel>('auto');
  const [criterion, setCriterion] = useState<'aic' | 'bic'>('aic');
  const [result, setResult] = useState<EstimateResult | null>(null);
  const [title, setTitle] = useState('');
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [openedTitle, setOpenedTitle] = useState<string | null>(null);
  const show = useAction();
  const estimate = useAction();
  const keep = useAction();
  const open = useAction();

  const reset = () => {
    setOverlaps(null);
    setResult(null);
    setSavedNote(null);
    setOpenedTitle(null);
  };

  const showOverlaps = async (lists: ListsInput) => {
    reset();
    setInput(lists);
    await show.run(async () => setOverlaps(await getOverlaps(lists)));
  };

  const linkageChoice = linkageRun ?? choices.data?.linkage.default ?? 'none';

  const databaseInput = (): ListsInput => ({
    kind: 'database',
    linkageRun: linkageChoice,
    lists: chosen.map((key) => {
      const [kind, ...ref] = key.split(' ');
      return { kind: kind as ChoosableList['kind'], ref: ref.join(' ') };
    }),
  });

  const chooseFile = async (file: File | null) => {
    reset();
    setUpload(null);
    if (!file) return;
    const csv = await file.text();
    setUpload({ name: file.name, csv });
    await showOverlaps({ kind: 'upload', csv });
  };

  const run = () =>
    estimate.run(async () => {
      if (!input) return;
      setSavedNote(null);
      const answer = await runEstimate({ lists: input, model, criterion });
      setOverlaps(answer.overlaps);
      setResult(answer.result);
    });

  const save = () =>
    keep.run(async () => {
      if (!input || !title.trim()) return;
      const stored = await saveEstimate({ lists: input, model, criterion, title: title.trim() });
      setResult(stored.result);
      setSavedNote(stored.title);
      saved.reload();
    });

  const openSaved = (id: string) =>
    open.run(async () => {
      const stored = await openSavedEstimate(id);
      setInput(null);
      setOverlaps(stored.overlaps);
      setResult(stored.result);
      setModel(stored.result.model);
      setCriterion(stored.result.criterion);
      setOpenedTitle(stored.title);
      setSavedNote(null);
    });

  const available = (m: EstimateModel) => choices.data?.models.find((entry) => entry.model === m)?.available;

  return (
    <>
      <h1>{t('estimation.title')}</h1>
      <p>{t('estimation.intro')}</p>

      <section aria-labelledby="est-lists">
        <h2 id="est-lists">{t('estimation.step.lists')}</h2>
        <fieldset>
          <legend>{t('estimation.origin')}</legend>
          {(['database', 'upload'] as const).map((value) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="origin"
                checked={origin === value}
                onChange={() => {
                  setOrigin(value);
                  reset();
                }}
              />{' '}
              {t(value === 'database' ? 'estimation.fromDatabase' : 'estimation.fromUpload')}
            </label>
          ))}
        </fieldset>
        {origin === 'database' ? (
          <DatabaseLists
            lists={choices.data?.lists ?? null}
            error={choices.error}
            chosen={chosen}
            onChange={setChosen}
            runs={choices.data?.linkage.runs ?? []}
            linkageRun={linkageChoice}
            onLinkageRun={(value) => {
              setLinkageRun(value);
              reset();
            }}
            busy={show.busy}
            onShow={() => void showOverlaps(databaseInput())}
          />
        ) : (
          <>
            <FormField label={t('estimation.file')} hint={t('estimation.fileHint')}>
              {({ id, describedBy }) => (
                <input
                  id={id}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={describedBy}
                  onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
                />
              )}
            </FormField>
            {upload ? <p className="hint">{t('estimation.fileKept', { name: upload.name })}</p> : null}
          </>
        )}
        {show.error ? <ErrorMessage error={show.error} /> : null}
      </section>

      {overlaps ? (
        <section aria-labelledby="est-overlaps" data-testid="overlaps">
          <h2 id="est-overlaps">
            {openedTitle
              ? t('estimation.openedTitle', { title: openedTitle })
              : t('estimation.step.overlaps')}
          </h2>
          <OverlapView overlaps={overlaps} />
        </section>
      ) : null}

      {overlaps && input ? (
        <section aria-labelledby="est-model">
          <h2 id="est-model">{t('estimation.step.model')}</h2>
          <fieldset className="models">
            <legend>{t('estimation.model')}</legend>
            {MODELS.map((m) => {
              const off = available(m) === false;
              return (
                <div key={m} className="model-choice">
                  <label className="check">
                    <input
                      type="radio"
                      name="model"
                      checked={model === m}
                      disabled={off}
                      aria-describedby={`model-${m}-about`}
                      onChange={() => setModel(m)}
                    />{' '}
                    <strong>{t(`estimation.model.${m}` as MessageKey)}</strong>
                    {off ? <span className="hint"> — {t('estimation.notAvailable')}</span> : null}
                  </label>
                  <p id={`model-${m}-about`} className="hint">
                    {t(`estimation.model.${m}.about` as MessageKey)}
                  </p>
                </div>
              );
            })}
          </fieldset>
          {model === 'auto' ? (
            <FormField label={t('estimation.criterion')} hint={t('estimation.criterionHint')}>
              {({ id, describedBy }) => (
                <select
                  id={id}
                  aria-describedby={describedBy}
                  value={criterion}
                  onChange={(e) => setCriterion(e.target.value === 'bic' ? 'bic' : 'aic')}
                >
                  <option value="aic">AIC</option>
                  <option value="bic">BIC</option>
                </select>
              )}
            </FormField>
          ) : null}
          <button type="button" onClick={() => void run()} disabled={estimate.busy}>
            {estimate.busy ? t('estimation.running') : t('estimation.run')}
          </button>
          {estimate.error ? <ErrorMessage error={estimate.error} /> : null}
        </section>
      ) : null}

      {result && overlaps ? (
        <section aria-labelledby="est-result" data-testid="estimate-result">
          <h2 id="est-result">{t('estimation.step.result')}</h2>
          <ResultView result={result} />
          <Caveats />
          {input ? (
            <div className="save-estimate">
              <FormField label={t('estimation.saveTitle')}>
                {({ id }) => (
                  <input id={id} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                )}
              </FormField>
              <button type="button" onClick={() => void save()} disabled={keep.busy || !title.trim()}>
                {t('estimation.save')}
              </button>
              {keep.error ? <ErrorMessage error={keep.error} /> : null}
              {savedNote ? (
                <p role="status" className="notice">
                  {t('estimation.saved', { title: savedNote })}
                </p>
              ) : null}
              <p className="hint">{t('estimation.saveHint')}</p>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="est-saved">
        <h2 id="est-saved">{t('estimation.savedTitle')}</h2>
        {saved.error ? <ErrorMessage error={saved.error} /> : null}
        {open.error ? <ErrorMessage error={open.error} /> : null}
        {saved.data && saved.data.items.length === 0 ? <p>{t('estimation.noneSaved')}</p> : null}
        {saved.data?.items.length ? (
          <SavedTable items={saved.data.items} onOpen={(id) => void openSaved(id)} />
        ) : null}
      </section>
    </>
  );
}

function DatabaseLists({
  lists,
  error,
  chosen,
  onChange,
  runs,
  linkageRun,
  onLinkageRun,
  busy,
  onShow,
}: {
  lists: ChoosableList[] | null;
  error: Error | null;
  chosen: string[];
  onChange: (keys: string[]) => void;
  runs: LinkageRun[];
  linkageRun: string;
  onLinkageRun: (run: string) => void;
  busy: boolean;
  onShow: () => void;
}) {
  const { t, formatNumber } = useI18n();
  if (error) return <ErrorMessage error={error} />;
  if (!lists) return <p>{t('app.loading')}</p>;
  if (lists.length === 0) return <p>{t('estimation.noLists')}</p>;
  const keyOf = (list: ChoosableList) => `${list.kind} ${list.ref}`;
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen, key] : chosen.filter((existing) => existing !== key));
  return (
    <>
      <p className="hint">{t('estimation.databaseHint')}</p>
      <table className="data-table text-cells" data-testid="database-lists">
        <caption>{t('estimation.chooseLists')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('estimation.use')}</th>
            <th scope="col">{t('estimation.list')}</th>
            <th scope="col">{t('estimation.kind')}</th>
            <th scope="col">{t('estimation.namedVictims')}</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((list) => {
            const key = keyOf(list);
            const label = list.sealed
              ? t('estimation.sealedSource', { id: list.ref.slice(0, 8) })
              : list.label;
            return (
              <tr key={key}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('estimation.useList', { list: label ?? list.ref })}
                    checked={chosen.includes(key)}
                    onChange={(e) => toggle(key, e.target.checked)}
                  />
                </td>
                <th scope="row">{label}</th>
                <td>{t(KIND_LABEL[list.kind])}</td>
                <td>{formatNumber(list.victims)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <LinkageChoice runs={runs} value={linkageRun} onChange={onLinkageRun} />
      <button type="button" onClick={onShow} disabled={busy || chosen.length < 2}>
        {t('estimation.showOverlaps')}
      </button>
      {chosen.length < 2 ? <p className="hint">{t('estimation.chooseTwo')}</p> : null}
    </>
  );
}

/**
 * Which linkage run counts two records of one person once: its clusters, how much is still to
 * review, and the victims it does not know, shown before the lists are compared.
 */
function LinkageChoice({
  runs,
  value,
  onChange,
}: {
  runs: LinkageRun[];
  value: string;
  onChange: (run: string) => void;
}) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const chosen = runs.find((run) => run.run === value) ?? null;
  return (
    <div className="linkage-choice">
      <FormField label={t('estimation.linkage')} hint={t('estimation.linkageHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          >
            {runs.map((run) => (
              <option key={run.run} value={run.run}>
                {t('estimation.linkageRun', {
                  list: run.list,
                  compartment: run.compartment,
                  date: formatDateTime(run.createdAt),
                })}
              </option>
            ))}
            <option value="none">{t('estimation.linkageNone')}</option>
          </select>
        )}
      </FormField>
      {runs.length === 0 ? <p className="hint">{t('estimation.linkageNoRuns')}</p> : null}
      {chosen ? (
        <>
          <dl className="linkage-summary" data-testid="linkage-summary">
            <div>
              <dt>{t('estimation.linkageMade')}</dt>
              <dd>{formatDateTime(chosen.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('estimation.linkageMerged')}</dt>
              <dd>
                {t('estimation.linkageMergedValue', {
                  records: formatNumber(chosen.mergedRecords),
                  count: chosen.persons,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('estimation.linkageUnreviewed')}</dt>
              <dd>{formatNumber(chosen.unreviewed)}</dd>
            </div>
          </dl>
          {!chosen.reviewed ? <p className="warning">{t('estimation.linkageNotReviewed')}</p> : null}
          {chosen.newVictims > 0 ? (
            <p className="warning">{t('estimation.linkageOlder', { count: chosen.newVictims })}</p>
          ) : null}
          {chosen.notInRun > chosen.newVictims ? (
            <p className="hint">
              {t('estimation.linkageUnopened', { count: chosen.notInRun - chosen.newVictims })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function OverlapView({ overlaps }: { overlaps: EstimationOverlaps }) {
  const { t, formatNumber } = useI18n();
  const tableId = useId();
  const name = (indexes: number[]) => indexes.map((i) => overlaps.lists[i]!.name).join(' ∩ ');
  return (
    <>
      <Notices overlaps={overlaps} />
      <p>{t('estimation.observed', { count: overlaps.observed })}</p>
      {overlaps.form === 'database' ? <LinkageUsed linkage={overlaps.linkage} /> : null}
      <div className="chart-with-table">
        <figure className="upset-figure">
          <UpSetChart overlaps={overlaps} describedBy={tableId} />
          <figcaption>
            {t('estimation.upsetCaption')}
            {overlaps.intersections.length > MAX_COLUMNS
              ? ` ${t('estimation.upsetTruncated', { count: MAX_COLUMNS })}`
              : ''}
          </figcaption>
        </figure>
        <div>
          <table className="data-table" data-testid="intersections" id={tableId}>
            <caption>{t('estimation.intersections')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('estimation.exactlyOn')}</th>
                <th scope="col">{t('estimation.people')}</th>
              </tr>
            </thead>
            <tbody>
              {overlaps.intersections.map((cell) => (
                <tr key={cell.pattern}>
                  <th scope="row">{name(cell.lists)}</th>
                  <td>{formatNumber(cell.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table" data-testid="list-sizes">
            <caption>{t('estimation.listSizes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('estimation.list')}</th>
                <th scope="col">{t('estimation.people')}</th>
              </tr>
            </thead>
            <tbody>
              {overlaps.lists.map((list) => (
                <tr key={list.name}>
                  <th scope="row">{list.name}</th>
                  <td>{formatNumber(list.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => downloadText(overlapCsv(overlaps), 'overlaps.csv', 'text/csv;charset=utf-8')}
          >
            {t('estimation.downloadCsv')}
          </button>
        </div>
      </div>
    </>
  );
}

/** How persons were counted, kept with a saved estimate so its figure can be traced. */
function LinkageUsed({ linkage }: { linkage: EstimationOverlaps['linkage'] }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  return (
    <p data-testid="linkage-used">
      {linkage
        ? t('estimation.linkageUsed', {
            date: formatDateTime(linkage.createdAt),
            list: linkage.list,
            compartment: linkage.compartment,
            records: formatNumber(linkage.mergedRecords),
            count: linkage.persons,
          })
        : t('estimation.linkageNotUsed')}
    </p>
  );
}

function Notices({ overlaps }: { overlaps: EstimationOverlaps }) {
  const { t } = useI18n();
  if (overlaps.notices.length === 0) return null;
  return (
    <ul className="warning" data-testid="notices">
      {overlaps.notices.map((notice) => (
        <li key={`${notice.code} ${notice.lists.join(' ')}`}>
          {t(`estimation.notice.${notice.code}` as MessageKey, { lists: notice.lists.join(' · ') })}
        </li>
      ))}
    </ul>
  );
}

const bayesian = (result: EstimateResult) => result.model === 'lcmcr' || result.model === 'dga';

function ResultView({ result }: { result: EstimateResult }) {
  const { t, formatNumber } = useI18n();
  const tableId = useId();
  const round = (value: number) => formatNumber(Math.round(value));
  const interactions = (terms: string[]) =>
    terms.length ? terms.join(' + ') : t('estimation.noInteractions');
  // A Bayesian posterior gives a credible interval; a log-linear fit a confidence interval.
  const interval = t(bayesian(result) ? 'estimation.interval.credible' : 'estimation.interval.confidence');
  if (result.estimate === null)
    return (
      <>
        <p className="warning" role="status">
          {t('estimation.noEstimate')}
        </p>
        <EngineWarnings warnings={result.warnings} />
      </>
    );
  return (
    <>
      <p className="estimate-headline" role="status">
        {result.ci95
          ? t('estimation.headline', {
              interval,
              value: round(result.estimate),
              lower: round(result.ci95[0]),
              upper: round(result.ci95[1]),
            })
          : t('estimation.headlineNoInterval', { value: round(result.estimate) })}
      </p>
      <p>
        {t('estimation.undocumented', {
          count: result.observed,
          missing: round(Math.max(0, result.estimate - result.observed)),
        })}
      </p>
      <div className="chart-with-table">
        <figure>
          <IntervalChart
            observed={result.observed}
            estimate={result.estimate}
            ci95={result.ci95}
            interval={interval}
            describedBy={tableId}
          />
          <figcaption>{t('estimation.intervalCaption', { interval })}</figcaption>
        </figure>
        <table className="data-table" id={tableId} data-testid="estimate-table">
          <caption>{t('estimation.figures')}</caption>
          <tbody>
            <Row label={t('estimation.documented')}>{formatNumber(result.observed)}</Row>
            <Row label={t('estimation.estimate')}>{round(result.estimate)}</Row>
            <Row label={t('estimation.lower', { interval })}>{result.ci95 ? round(result.ci95[0]) : '—'}</Row>
            <Row label={t('estimation.upper', { interval })}>{result.ci95 ? round(result.ci95[1]) : '—'}</Row>
            <Row label={t('estimation.modelUsed')}>
              {t(`estimation.model.${result.model}` as MessageKey)}
              {result.model === 'auto' ? ` (${result.criterion.toUpperCase()})` : ''}
            </Row>
            {result.selected ? (
              <Row label={t('estimation.dependence')}>{interactions(result.selected.interactions)}</Row>
            ) : null}
          </tbody>
        </table>
      </div>
      {result.models.length > 1 ? (
        <table className="data-table" data-testid="models">
          <caption>
            {t('estimation.models', { shown: result.models.length, count: result.modelCount })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('estimation.dependence')}</th>
              <th scope="col">{t('estimation.estimate')}</th>
              <th scope="col">AIC</th>
              <th scope="col">BIC</th>
              <th scope="col">{t('estimation.deviance')}</th>
            </tr>
          </thead>
          <tbody>
            {result.models.map((m, index) => (
              <tr key={m.terms.join(' ')} className={index === 0 ? 'selected' : undefined}>
                <th scope="row">{interactions(m.interactions)}</th>
                <td>{round(m.estimate)}</td>
                <td>{m.aic.toFixed(1)}</td>
                <td>{m.bic.toFixed(1)}</td>
                <td>{`${m.deviance.toFixed(1)} / ${m.df}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <EngineWarnings warnings={result.warnings} />
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** The estimator's own warnings: precise, technical and in English, so shown apart and marked so. */
function EngineWarnings({ warnings }: { warnings: string[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="engine-warnings">
      <h3>{t('estimation.engineWarnings')}</h3>
      <ul lang="en" className="engine-warning-list">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}

function Caveats() {
  const { t } = useI18n();
  return (
    <div className="caveats" data-testid="caveats">
      <h3>{t('estimation.caveats')}</h3>
      <dl>
        {CAVEATS.map((caveat) => (
          <div key={caveat}>
            <dt>{t(`estimation.caveat.${caveat}` as MessageKey)}</dt>
            <dd>{t(`estimation.caveat.${caveat}.about` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function SavedTable({
  items,
  onOpen,
}: {
  items: Array<{
    id: string;
    title: string;
    lists: number;
    observed: number;
    estimate: number | null;
    createdBy: string | null;
    createdAt: string;
  }>;
  onOpen: (id: string) => void;
}) {
  const { t, formatNumber, formatDateTime } = useI18n();
  return (
    <table className="data-table text-cells" data-testid="saved-estimates">
      <thead>
        <tr>
          <th scope="col">{t('estimation.savedName')}</th>
          <th scope="col">{t('estimation.savedWhen')}</th>
          <th scope="col">{t('estimation.savedBy')}</th>
          <th scope="col">{t('estimation.documented')}</th>
          <th scope="col">{t('estimation.estimate')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('estimation.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">{item.title}</th>
            <td>{formatDateTime(item.createdAt)}</td>
            <td>{item.createdBy ?? '—'}</td>
            <td>{formatNumber(item.observed)}</td>
            <td>{item.estimate === null ? '—' : formatNumber(Math.round(item.estimate))}</td>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
                {t('estimation.openNamed', { title: item.title })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
