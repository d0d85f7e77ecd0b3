/**
 * Merging this record into another record of the same person. The other code is entered first; both
 * records are then opened side by side (two audited reads) so the user compares what was entered
 * before saying they are one person, with a reason for the sealed history. The merge names both
 * versions compared: if either changed meanwhile the server refuses, rather than merge unseen values.
 */
import { type FormEvent, useState } from 'react';
import { type MergeResult, mergePerson, openPersonForEdit, PERSON_FIELDS } from '../api/casework.ts';
import type { VersionedRecord } from '../api/edits.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';

const shown = (value: unknown) => (Array.isArray(value) ? value.join('; ') : value ? String(value) : '');

export function MergePanel({ code, onCancel }: { code: string; onCancel: () => void }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  const [pair, setPair] = useState<{ from: VersionedRecord; into: VersionedRecord } | null>(null);
  const [reason, setReason] = useState('');
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const action = useAction();
  const compare = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const into = other.trim().toUpperCase();
      setPair({ from: await openPersonForEdit(code), into: await openPersonForEdit(into) });
    });
  };
  const merge = (event: FormEvent) => {
    event.preventDefault();
    if (!pair) return;
    void action.run(async () =>
      setMerged(
        await mergePerson(code, {
          into: pair.into.id,
          version: pair.from.version,
          intoVersion: pair.into.version,
          reason: reason.trim(),
        }),
      ),
    );
  };
  if (merged)
    return (
      <p role="status" data-testid="merged-status">
        {t('person.merged', { code: merged.code })} <Link to={`/persons/${merged.into}`}>{merged.into}</Link>
      </p>
    );
  return (
    <section className="edit-form" aria-label={t('person.merge')}>
      <p className="hint">{t('person.mergeIntro')}</p>
      {pair ? (
        <form onSubmit={merge}>
          <table className="merge-compare" data-testid="merge-compare">
            <thead>
              <tr>
                <th scope="col" className="merge-cell">
                  {t('person.mergeField')}
                </th>
                <th scope="col" className="merge-cell">
                  {t('person.mergeGoes', { code: pair.from.id })}
                </th>
                <th scope="col" className="merge-cell">
                  {t('person.mergeStays', { code: pair.into.id })}
                </th>
              </tr>
            </thead>
            <tbody>
              {PERSON_FIELDS.map((field) => (
                <tr key={field}>
                  <th scope="row" className="merge-cell">
                    {t(`personField.${field}`)}
                  </th>
                  <td className="text-body merge-cell">{shown(pair.from.fields[field])}</td>
                  <td className="text-body merge-cell">{shown(pair.into.fields[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormField label={t('person.mergeReason')}>
            {({ id }) => (
              <input id={id} required value={reason} onChange={(e) => setReason(e.target.value)} />
            )}
          </FormField>
          {action.error ? <ErrorMessage error={action.error} /> : null}
          <div className="button-row">
            <button type="submit" disabled={action.busy || reason.trim() === ''}>
              {t('person.mergeConfirm', { code: pair.from.id, into: pair.into.id })}
            </button>
            <button type="button" onClick={onCancel}>
              {t('person.mergeCancel')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={compare}>
          <FormField label={t('person.mergeOther')}>
            {({ id }) => <input id={id} required value={other} onChange={(e) => setOther(e.target.value)} />}
          </FormField>
          {action.error ? <ErrorMessage error={action.error} /> : null}
          <div className="button-row">
            <button type="submit" disabled={action.busy || other.trim() === ''}>
              {t('person.mergeCompare')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('person.mergeCancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
