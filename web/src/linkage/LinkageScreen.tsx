/**
 * Linkage review (/linkage): choose the records (victims recorded in Attest, or a CSV file kept only
 * in this browser), run linkage, then go through the pairs the model is unsure of — the two records
 * side by side with their differences marked, the waterfall of weights — and label each with the
 * keyboard (m, n, u; j/k or arrows; z undoes). Clusters are re-computed by the server after every
 * label. Names are shown only from the user's own file or, for a database list, after an explicit,
 * audited "show the names" by a role that may read persons.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import {
  type Decision,
  getLinkageRun,
  type LinkagePair,
  type LinkageRecords,
  type LinkageRun,
  labelLinkagePair,
  listLinkageLists,
  openLinkageRecords,
  runLinkage,
} from './linkageApi.ts';
import { useLinkageWords, Waterfall } from './Waterfall.tsx';
import './linkage.css';

const DECISIONS: ReadonlyArray<{ key: string; decision: Decision }> = [
  { key: 'm', decision: 'match' },
  { key: 'n', decision: 'non-match' },
  { key: 'u', decision: 'unsure' },
];

interface Undo {
  a: string;
  b: string;
  previous: Decision | null;
  index: number;
}

export function LinkageScreen() {
  const { t } = useI18n();
  usePageTitle(t('linkage.title'));
  const { query } = useLocation();
  const runId = query.get('run');
  const [run, setRun] = useState<LinkageRun | null>(null);
  const [records, setRecords] = useState<LinkageRecords | null>(null);
  const [index, setIndex] = useState(0);
  const [undo, setUndo] = useState<Undo[]>([]);
  const labelling = useAction();
  const opening = useAction();

  const loaded = useLoad(
    () => (runId && runId !== run?.id ? getLinkageRun(runId) : Promise.resolve(null)),
    [runId],
  );
  useEffect(() => {
    if (loaded.data) {
      setRun(loaded.data);
      setRecords(null);
      setIndex(0);
      setUndo([]);
    }
  }, [loaded.data]);

  const started = (result: { run: LinkageRun; records: LinkageRecords | null }) => {
    setRun(result.run);
    setRecords(result.records);
    setIndex(
      Math.max(
        0,
        result.run.pairs.findIndex((pair) => pair.label === null),
      ),
    );
    setUndo([]);
    navigate(`/linkage?run=${encodeURIComponent(result.run.id)}`, true);
  };

  const busy = useRef(false);
  const label = useCallback(
    async (decision: Decision | null, at: number, remember: boolean) => {
      if (!run || busy.current) return;
      const pair = run.pairs[at];
      if (!pair) return;
      busy.current = true;
      const ok = await labelling.run(async () => {
        const next = await labelLinkagePair(run.id, { a: pair.a, b: pair.b, decision });
        setRun(next);
      });
      busy.current = false;
      if (!ok) return;
      if (remember) {
        setUndo((stack) => [
          ...stack,
          { a: pair.a, b: pair.b, previous: pair.label?.decision ?? null, index: at },
        ]);
        setIndex(Math.min(at + 1, run.pairs.length - 1));
      } else setIndex(at);
    },
    [run, labelling],
  );

  const undoLast = useCallback(async () => {
    const last = undo.at(-1);
    if (!last) return;
    setUndo((stack) => stack.slice(0, -1));
    await label(last.previous, last.index, false);
  }, [undo, label]);

  useEffect(() => {
    if (!run || run.pairs.length === 0) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) && event.key !== 'Escape') {
        // Keys typed into a form stay there; buttons keep Enter and Space, not our letters.
        if (target.tagName !== 'BUTTON') return;
      }
      const choice = DECISIONS.find((d) => d.key === event.key.toLowerCase());
      if (choice) {
        event.preventDefault();
        void label(choice.decision, index, true);
      } else if (event.key === 'j' || event.key === 'ArrowRight') {
        event.preventDefault();
        setIndex((i) => Math.min(i + 1, run.pairs.length - 1));
      } else if (event.key === 'k' || event.key === 'ArrowLeft') {
        event.preventDefault();
        setIndex((i) => Math.max(i - 1, 0));
      } else if (event.key === 'z') {
        event.preventDefault();
        void undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, index, label, undoLast]);

  const pair = run?.pairs[index] ?? null;
  return (
    <>
      <h1>{t('linkage.title')}</h1>
      <p>{t('linkage.intro')}</p>
      <RunForm onRun={started} />
      {loaded.error ? <ErrorMessage error={loaded.error} /> : null}
      {run ? (
        <>
          <section aria-labelledby="linkage-queue" className="linkage-queue">
            <h2 id="linkage-queue">
              {t('linkage.queue')} — {run.list.name}
            </h2>
            <p>
              {t('linkage.runSummary', {
                records: run.records,
                comparisons: run.comparisons,
                count: run.pairs.length,
              })}
            </p>
            <p role="status" className="linkage-progress" data-testid="linkage-progress">
              {t('linkage.progress', { reviewed: run.progress.reviewed, count: run.progress.total })}
            </p>
            <Shortcuts />
            {run.pairs.length === 0 ? <p>{t('linkage.noPairs')}</p> : null}
            {records === null ? (
              <div className="linkage-names">
                {run.list.source === 'database' && run.mayOpenRecords ? (
                  <>
                    <button
                      type="button"
                      disabled={opening.busy}
                      onClick={() =>
                        void opening.run(async () => setRecords(await openLinkageRecords(run.id)))
                      }
                    >
                      {t('linkage.openNames')}
                    </button>
                    {opening.error ? <ErrorMessage error={opening.error} /> : null}
                  </>
                ) : (
                  <p className="hint">
                    {run.list.source === 'database' ? t('linkage.sealed') : t('linkage.noRecords')}
                  </p>
                )}
              </div>
            ) : null}
            {pair ? (
              <PairView
                pair={pair}
                position={index}
                total={run.pairs.length}
                records={records}
                busy={labelling.busy}
                canUndo={undo.length > 0}
                onLabel={(decision) => void label(decision, index, true)}
                onUndo={() => void undoLast()}
                onMove={(step) => setIndex((i) => Math.min(Math.max(i + step, 0), run.pairs.length - 1))}
              />
            ) : null}
            {labelling.error ? <ErrorMessage error={labelling.error} /> : null}
          </section>
          <Clusters run={run} records={records} />
          {run.warnings.length > 0 ? (
            <section aria-labelledby="linkage-warnings">
              <h2 id="linkage-warnings">{t('linkage.warnings')}</h2>
              <ul>
                {run.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function RunForm({
  onRun,
}: {
  onRun: (result: { run: LinkageRun; records: LinkageRecords | null }) => void;
}) {
  const { t } = useI18n();
  const lists = useLoad(() => listLinkageLists(), []);
  const [source, setSource] = useState<'database' | 'csv'>('csv');
  const [listId, setListId] = useState('');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const available = (lists.data?.items ?? []).filter((list) => list.source === source);
  const chosen = available.find((list) => list.id === listId) ?? null;
  return (
    <form
      className="linkage-form"
      autoComplete="off"
      onSubmit={action.submit(async () => {
        const csv = source === 'csv' ? await (file ?? new File([], 'empty.csv')).text() : undefined;
        const result = await runLinkage({
          source,
          ...(chosen ? { list: chosen.id } : { name: name.trim() }),
          ...(csv === undefined ? {} : { csv }),
        });
        lists.reload();
        onRun(result);
      })}
    >
      <fieldset>
        <legend>{t('linkage.source')}</legend>
        {(['csv', 'database'] as const).map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="linkage-source"
              value={choice}
              checked={source === choice}
              onChange={() => {
                setSource(choice);
                setListId('');
              }}
            />{' '}
            {t(choice === 'csv' ? 'linkage.sourceCsv' : 'linkage.sourceDatabase')}
          </label>
        ))}
      </fieldset>
      <FormField label={t('linkage.list')}>
        {({ id }) => (
          <select id={id} value={listId} onChange={(e) => setListId(e.target.value)}>
            <option value="">{t('linkage.newList')}</option>
            {available.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {chosen === null ? (
        <FormField label={t('linkage.listName')}>
          {({ id }) => (
            <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </FormField>
      ) : null}
      {source === 'csv' ? (
        <FormField label={t('linkage.file')}>
          {({ id }) => (
            <input
              id={id}
              type="file"
              required
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('linkage.running') : t('linkage.run')}
        </button>
        {chosen?.latestRun ? (
          <button
            type="button"
            onClick={() => navigate(`/linkage?run=${encodeURIComponent(chosen.latestRun!.id)}`)}
          >
            {t('linkage.openLatest')}
          </button>
        ) : null}
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {lists.error ? <ErrorMessage error={lists.error} /> : null}
    </form>
  );
}

function Shortcuts() {
  const { t } = useI18n();
  return (
    <div className="linkage-shortcuts" aria-label={t('linkage.shortcuts')} role="note">
      <strong>{t('linkage.shortcuts')}:</strong> <kbd>m</kbd> {t('linkage.keyMatch')} · <kbd>n</kbd>{' '}
      {t('linkage.keyNonMatch')} · <kbd>u</kbd> {t('linkage.keyUnsure')} · <kbd>←</kbd>/<kbd>→</kbd>,{' '}
      <kbd>k</kbd>/<kbd>j</kbd> {t('linkage.keyNavigate')} · <kbd>z</kbd> {t('linkage.keyUndo')}
    </div>
  );
}

/** The engine's field for a column, to show its agreement level beside the two values. */
function fieldOfColumn(column: string, role: string, fields: string[]): string | null {
  const byRole: Record<string, string> = {
    givenName: 'given',
    surname: 'surname',
    middleName: 'middleName',
    birthDate: 'birthDate',
    sex: 'sex',
    name: fields.includes('name') ? 'name' : '',
  };
  if (role in byRole) return byRole[role] || null;
  return fields.includes(column) ? column : null;
}

const normalised = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

function PairView(props: {
  pair: LinkagePair;
  position: number;
  total: number;
  records: LinkageRecords | null;
  busy: boolean;
  canUndo: boolean;
  onLabel: (decision: Decision) => void;
  onUndo: () => void;
  onMove: (step: number) => void;
}) {
  const { t } = useI18n();
  const words = useLinkageWords();
  const { pair, records } = props;
  const rowOf = (id: string) => records?.records.find((record) => record.id === id)?.values ?? null;
  const a = rowOf(pair.a);
  const b = rowOf(pair.b);
  const fieldNames = pair.explanation.contributions.map((c) => c.field);
  const levelOf = new Map(pair.explanation.contributions.map((c) => [c.field, c.level]));
  const rows =
    records && a && b
      ? records.columns.flatMap((column, i) => {
          const role = records.roles[i] ?? 'ignore';
          if (role === 'id') return [];
          const field = fieldOfColumn(column, role, fieldNames);
          return [{ column, left: a[i] ?? '', right: b[i] ?? '', field }];
        })
      : pair.explanation.contributions.map((c) => ({ column: c.field, left: '', right: '', field: c.field }));
  return (
    <article className="linkage-pair" aria-labelledby="linkage-pair-title" data-testid="linkage-pair">
      <h3 id="linkage-pair-title">
        {t('linkage.pairOf', { index: props.position + 1, total: props.total })}: {pair.a} ~ {pair.b}
      </h3>
      <p>
        {t(pair.reason === 'uncertain' ? 'linkage.reasonUncertain' : 'linkage.reasonChaining')} ·{' '}
        {t('linkage.probability', { value: words.percent(pair.probability) })} ·{' '}
        <span data-testid="pair-label">
          {pair.label
            ? t('linkage.labelIs', { decision: t(`linkage.decision.${pair.label.decision}`) })
            : t('linkage.labelNone')}
        </span>
      </p>
      <table className="data-table text-cells linkage-compare">
        <thead>
          <tr>
            <th scope="col">{t('linkage.field')}</th>
            <th scope="col">{t('linkage.recordA', { id: pair.a })}</th>
            <th scope="col">{t('linkage.recordA', { id: pair.b })}</th>
            <th scope="col">{t('linkage.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown = a !== null && b !== null;
            const compared = shown && (row.left.trim() !== '' || row.right.trim() !== '');
            const differs = compared && normalised(row.left) !== normalised(row.right);
            const level = row.field ? levelOf.get(row.field) : undefined;
            return (
              <tr key={row.column} className={differs ? 'differs' : undefined}>
                <th scope="row">{words.fieldName(row.column)}</th>
                <td>{shown ? row.left || '—' : '…'}</td>
                <td>{shown ? row.right || '—' : '…'}</td>
                <td>
                  {level !== undefined ? words.level(level) : ''}
                  {compared ? (
                    <span className={differs ? 'mark-differs' : 'mark-same'}>
                      {' '}
                      ({differs ? `≠ ${t('linkage.differs')}` : `= ${t('linkage.same')}`})
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Waterfall explanation={pair.explanation} />
      <div className="actions linkage-actions">
        {DECISIONS.map(({ key, decision }) => (
          <button
            key={decision}
            type="button"
            disabled={props.busy}
            aria-pressed={pair.label?.decision === decision}
            aria-keyshortcuts={key}
            onClick={() => props.onLabel(decision)}
          >
            {t(`linkage.decision.${decision}`)} <kbd>{key}</kbd>
          </button>
        ))}
        <button
          type="button"
          disabled={!props.canUndo || props.busy}
          aria-keyshortcuts="z"
          onClick={props.onUndo}
        >
          {t('linkage.undo')} <kbd>z</kbd>
        </button>
        <button type="button" disabled={props.position === 0} onClick={() => props.onMove(-1)}>
          {t('linkage.previous')}
        </button>
        <button type="button" disabled={props.position >= props.total - 1} onClick={() => props.onMove(1)}>
          {t('linkage.next')}
        </button>
      </div>
    </article>
  );
}

function Clusters({ run, records }: { run: LinkageRun; records: LinkageRecords | null }) {
  const { t } = useI18n();
  const nameColumns = records
    ? records.roles.flatMap((role, i) => (['givenName', 'surname', 'name'].includes(role) ? [i] : []))
    : [];
  const nameOf = (id: string) => {
    const values = records?.records.find((record) => record.id === id)?.values;
    if (!values || nameColumns.length === 0) return null;
    return nameColumns
      .map((i) => values[i] ?? '')
      .filter(Boolean)
      .join(' ');
  };
  return (
    <section aria-labelledby="linkage-clusters" data-testid="linkage-clusters">
      <h2 id="linkage-clusters">{t('linkage.clusters')}</h2>
      <p role="status">
        {t('linkage.clustersSummary', { count: run.clusters.length, engine: run.engineClusters })}
      </p>
      {run.conflicts.length > 0 ? (
        <div className="linkage-conflicts" role="alert">
          <strong>{t('linkage.conflicts')}</strong>
          <ul>
            {run.conflicts.map((c) => (
              <li key={`${c.a}-${c.b}`}>{t('linkage.conflict', { a: c.a, b: c.b })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.clusters.length === 0 ? <p>{t('linkage.noClusters')}</p> : null}
      <ul className="linkage-cluster-list">
        {run.clusters.map((cluster) => (
          <li key={cluster.members.join(',')} data-changed={cluster.changed ? 'yes' : 'no'}>
            {cluster.members
              .map((id) => {
                const name = nameOf(id);
                return name ? `${id} (${name})` : id;
              })
              .join(' · ')}
            {cluster.changed ? <span className="linkage-changed"> — {t('linkage.changed')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
