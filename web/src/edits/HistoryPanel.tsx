import { getHistory, type RecordKind } from '../api/edits.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { FieldValue } from './FieldValue.tsx';
import { inFormOrder, useFieldLabel } from './fieldLabel.ts';

/** Who changed what, when and why: newest first. `refresh` reloads it after an edit. */
export function HistoryPanel({ kind, id, refresh }: { kind: RecordKind; id: string; refresh: number }) {
  const { t, formatDateTime } = useI18n();
  const label = useFieldLabel();
  const { data, error } = useLoad(() => getHistory(kind, id), [kind, id, refresh]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('app.loading')}</p>;
  const versions = [...data.versions].reverse();
  return (
    <section className="history" aria-label={t('edit.history')} data-testid={`history-${id}`}>
      <h4>{t('edit.history')}</h4>
      {versions.length === 0 ? <p className="meta">{t('edit.noHistory')}</p> : null}
      <ol className="history-list">
        {versions.map((v) => {
          const fields = inFormOrder(Object.keys(v.after ?? v.before ?? {}));
          return (
            <li key={v.version} className="history-entry">
              <p className="meta">
                {t(`edit.change.${v.change}`, { version: v.version })} ·{' '}
                <time dateTime={v.changedAt}>{formatDateTime(v.changedAt)}</time> ·{' '}
                {v.changedBy.email ?? v.changedBy.id.slice(0, 8)}
              </p>
              {v.change === 'update' || v.change === 'move' ? (
                <ul className="history-changes">
                  {fields.map((name) => (
                    <li key={name}>
                      <strong>{label(name)}</strong>: <FieldValue value={v.before?.[name]} /> →{' '}
                      <FieldValue value={v.after?.[name]} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.reason ? (
                <p className="history-reason">{t('edit.reasonWas', { reason: v.reason })}</p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
