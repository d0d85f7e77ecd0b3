import { useId, useState } from 'react';
import { chooseActFigure } from '../api/client.ts';
import type { ActRecord, Incident } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { VictimCountText } from './VictimCountText.tsx';

/**
 * One act's evidence: "3 reports, 2 independent", its status, the range the sources give, the one
 * figure counted everywhere and each report with its own figure. The counted figure can be changed,
 * always with a reason (kept with who and when, and audited by the server).
 */
export function ActCorroboration({
  act,
  onSaved,
}: {
  act: ActRecord;
  onSaved?: ((incident: Incident) => void) | undefined;
}) {
  const { t, formatNumber } = useI18n();
  const c = act.corroboration;
  return (
    <div className="act-corroboration">
      <p className="act-reports" data-testid="act-reports">
        <StatusBadge status={c.status} />{' '}
        {t('act.reportsLine', {
          reports: t('act.reports', { count: c.reports }),
          independent: t('act.independent', { count: c.independent }),
        })}
      </p>
      {c.range.min === null && c.range.max === null && c.chosen === null ? null : (
        <p className="act-figure" data-testid="act-figure">
          {t('act.range', { range: '' })}
          <VictimCountText min={c.range.min} max={c.range.max} />
          {' · '}
          <strong>
            {t('act.counted', { figure: c.chosen === null ? t('field.unknown') : formatNumber(c.chosen) })}
          </strong>{' '}
          <span className="meta">
            {c.chosenBy ? t('act.countedChosen', { reason: c.chosenBy.reason }) : t('act.countedDefault')}
          </span>
        </p>
      )}
      <details className="act-sources">
        <summary>{t('act.sources')}</summary>
        <ul className="source-list">
          {c.sources.map((source) => (
            <li key={`${source.sourceId}-${source.passage.length}`} data-independent={source.independent}>
              <Link to={`/sources/${source.sourceId}`}>{source.title ?? source.publisher}</Link>{' '}
              {/* A source without a URL is its own publisher: nothing useful to show. */}
              {source.publisher.startsWith('capture:') ? null : (
                <span className="meta">({source.publisher})</span>
              )}
              {' — '}
              <VictimCountText
                min={source.victims.min}
                max={source.victims.max}
                group={source.victims.group}
              />
              {' · '}
              <span className={source.independent ? 'independent' : 'not-independent'}>
                {source.independent ? t('act.independentSource') : t('act.repeats')}
              </span>
            </li>
          ))}
        </ul>
      </details>
      {onSaved ? <ChosenFigureForm act={act} onSaved={onSaved} /> : null}
    </div>
  );
}

function ChosenFigureForm({ act, onSaved }: { act: ActRecord; onSaved: (incident: Incident) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [figure, setFigure] = useState(
    act.corroboration.chosenBy ? String(act.corroboration.chosen ?? '') : '',
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const victims = figure.trim() === '' ? null : Number(figure);
      onSaved(await chooseActFigure(act.id, { victims, reason: reason.trim() }));
      setReason('');
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setSaving(false);
    }
  };
  return (
    <details className="chosen-figure">
      <summary>{t('act.changeFigure')}</summary>
      <div className="field">
        <label htmlFor={`${id}-figure`}>{t('act.figure')}</label>
        <input
          id={`${id}-figure`}
          type="number"
          min={0}
          inputMode="numeric"
          value={figure}
          onChange={(e) => setFigure(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('act.figureHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('act.reason')}</label>
        <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" onClick={() => void save()} disabled={saving || reason.trim().length < 3}>
        {t('act.saveFigure')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </details>
  );
}
