/**
 * Import: upload a CSV or XLSX file, map its columns to Attest fields, run a dry run that shows the
 * first rows as records and every bad row (row, column, why), then import — all through the import
 * routes; nothing is stored before "Import", and an import is stored whole or not at all.
 */
import { type FormEvent, useState } from 'react';
import {
  DATE_FORMATS,
  type DateFormat,
  IMPORT_FIELDS,
  type ImportField,
} from '../../../src/core/importFields.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { type ImportColumns, type ImportReport, readColumns, runImport } from './importApi.ts';

type Preset = 'none' | 'uwazi';

/** A first guess for a column: the Uwazi export's own columns, or a header that names a field. */
function guessField(header: string, preset: Preset): ImportField {
  const name = header.trim().toLowerCase();
  if (name === 'title') return 'incident.title';
  if (preset === 'uwazi' && (name === 'date added' || name === 'template')) return 'ignore';
  const exact = IMPORT_FIELDS.find((field) => field.toLowerCase() === name);
  return exact ?? 'ignore';
}

export function ImportScreen() {
  const { t } = useI18n();
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<Preset>('none');
  const [columns, setColumns] = useState<ImportColumns | null>(null);
  const [fields, setFields] = useState<Record<string, ImportField>>({});
  const [dateFormat, setDateFormat] = useState<DateFormat>('YYYY-MM-DD');
  const [valuesText, setValuesText] = useState('{}');
  const [onError, setOnError] = useState<'stop' | 'skip'>('stop');
  const [report, setReport] = useState<ImportReport | null>(null);
  const load = useAction();
  const act = useAction();

  const choose = async (chosen: File | null, nextPreset = preset) => {
    setFile(chosen);
    setColumns(null);
    setReport(null);
    if (!chosen) return;
    await load.run(async () => {
      const read = await readColumns(chosen);
      setColumns(read);
      setFields(Object.fromEntries(read.headers.map((h) => [h, guessField(h, nextPreset)])));
    });
  };

  const send = async (dryRun: boolean, event?: FormEvent) => {
    event?.preventDefault();
    if (!file) return;
    await act.run(async () => {
      let values: unknown;
      try {
        values = JSON.parse(valuesText || '{}');
      } catch {
        throw new Error(t('import.badValues'));
      }
      const mapping = {
        ...(preset === 'uwazi' ? { preset } : {}),
        columns: fields,
        values,
        dateFormat,
      };
      setReport(await runImport(file, { mapping, dryRun, onError }));
    });
  };

  const counts = (r: ImportReport) =>
    t('import.counts', Object.fromEntries(Object.entries(r.created).map(([k, v]) => [k, String(v)])));

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <form onSubmit={(e) => void send(true, e)} autoComplete="off">
        <FormField label={t('import.preset')}>
          {({ id }) => (
            <select
              id={id}
              value={preset}
              onChange={(e) => {
                const next = e.target.value as Preset;
                setPreset(next);
                if (columns)
                  setFields(Object.fromEntries(columns.headers.map((h) => [h, guessField(h, next)])));
              }}
            >
              <option value="none">{t('import.presetNone')}</option>
              <option value="uwazi">{t('import.presetUwazi')}</option>
            </select>
          )}
        </FormField>
        <FormField label={t('import.file')}>
          {({ id }) => (
            <input
              id={id}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        {load.error ? <ErrorMessage error={load.error} /> : null}
        {columns ? (
          <>
            <table className="data-table text-cells" data-testid="import-mapping">
              <caption>
                {t('import.mapping')} — {t('import.rowsInFile', { rows: String(columns.rows) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.firstValue')}</th>
                  <th scope="col">{t('import.field')}</th>
                </tr>
              </thead>
              <tbody>
                {columns.headers.map((header, index) => (
                  <tr key={header}>
                    <th scope="row">{header}</th>
                    <td>{columns.sample[0]?.[index] ?? ''}</td>
                    <td>
                      <select
                        aria-label={`${t('import.field')}: ${header}`}
                        value={fields[header] ?? 'ignore'}
                        onChange={(e) =>
                          setFields((f) => ({ ...f, [header]: e.target.value as ImportField }))
                        }
                      >
                        {IMPORT_FIELDS.map((field) => (
                          <option key={field} value={field}>
                            {field}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <FormField label={t('import.dateFormat')}>
              {({ id }) => (
                <select
                  id={id}
                  value={dateFormat}
                  onChange={(e) => setDateFormat(e.target.value as DateFormat)}
                >
                  {DATE_FORMATS.map((format) => (
                    <option key={format} value={format}>
                      {format}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('import.values')} hint={t('import.valuesHint')}>
              {({ id, describedBy }) => (
                <textarea
                  id={id}
                  rows={3}
                  aria-describedby={describedBy}
                  value={valuesText}
                  onChange={(e) => setValuesText(e.target.value)}
                />
              )}
            </FormField>
            <fieldset>
              <legend>{t('import.onError')}</legend>
              {(['stop', 'skip'] as const).map((choice) => (
                <label key={choice} className="radio">
                  <input
                    type="radio"
                    name="onError"
                    value={choice}
                    checked={onError === choice}
                    onChange={() => setOnError(choice)}
                  />{' '}
                  {t(choice === 'stop' ? 'import.onErrorStop' : 'import.onErrorSkip')}
                </label>
              ))}
            </fieldset>
            <div className="actions">
              <button type="submit" disabled={act.busy}>
                {t('import.dryRun')}
              </button>
              <button type="button" disabled={act.busy || !report?.dryRun} onClick={() => void send(false)}>
                {t('import.run')}
              </button>
            </div>
          </>
        ) : null}
      </form>
      {act.error ? <ErrorMessage error={act.error} /> : null}
      {report ? <ImportResult report={report} counts={counts(report)} /> : null}
    </>
  );
}

function ImportResult({ report, counts }: { report: ImportReport; counts: string }) {
  const { t } = useI18n();
  const summary = report.dryRun
    ? report.stopped
      ? t('import.dryRunStops', { bad: String(report.rows - report.valid), rows: String(report.rows) })
      : t('import.dryRunResult', { imported: String(report.imported), rows: String(report.rows), counts })
    : report.stopped
      ? t('import.stoppedResult')
      : t('import.doneResult', { imported: String(report.imported), rows: String(report.rows), counts });
  return (
    <section aria-live="polite" data-testid="import-result">
      <p role="status">{summary}</p>
      {!report.dryRun && report.skipped > 0 && !report.stopped ? (
        <p>{t('import.skippedRows', { skipped: String(report.skipped) })}</p>
      ) : null}
      {report.ignoredColumns.length > 0 ? (
        <p>{t('import.ignored', { columns: report.ignoredColumns.join(', ') })}</p>
      ) : null}
      {report.dryRun && report.preview.length > 0 ? (
        <table className="data-table text-cells" data-testid="import-preview">
          <caption>{t('import.preview')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.incident')}</th>
              <th scope="col">{t('import.act')}</th>
              <th scope="col">{t('import.persons')}</th>
              <th scope="col">{t('import.source')}</th>
            </tr>
          </thead>
          <tbody>
            {report.preview.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td>{row.incident.title}</td>
                <td>
                  {row.act
                    ? [row.act.type, row.act.date, row.act.place, row.act.country, row.act.victims]
                        .filter(Boolean)
                        .join(' · ')
                    : '—'}
                </td>
                <td>{row.persons}</td>
                <td>{row.source ? (row.source.title ?? row.source.url) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t('import.errors')}</h2>
      {report.errors.length === 0 ? (
        <p>{t('import.noErrors')}</p>
      ) : (
        <table className="data-table text-cells" data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.why')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error) => (
              <tr key={`${error.row}-${error.column}`}>
                <td>{error.row}</td>
                <td>{error.column}</td>
                <td>{error.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
