/**
 * One person: every field hidden until someone asks. Each "Reveal" is one request for one field, which
 * the server writes to the audit log before answering, so a glance over a shoulder reveals nothing.
 * Staff may correct the record and read its corrections, each an audited read of every field, so
 * neither opens until asked either. A second record of the same person is merged from here too.
 */
import { useState } from 'react';
import { PERSON_FIELDS, type PersonField, personStatus, revealPersonField } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { HistoryPanel } from '../edits/HistoryPanel.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { MergePanel } from './MergePanel.tsx';
import { PersonEditPanel } from './PersonEditPanel.tsx';
import { useProtectionStaff } from './useProtectionStaff.ts';

export function PersonScreen({ code }: { code: string }) {
  const { t } = useI18n();
  usePageTitle(t('person.title', { code }));
  const [revealed, setRevealed] = useState<Partial<Record<PersonField, string | string[] | null>>>({});
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [saves, setSaves] = useState(0);
  const mayCorrect = useProtectionStaff();
  const status = useLoad(() => personStatus(code), [code]);
  const mergedInto = status.data?.mergedInto ?? null;
  const reveal = useAction();
  const show = (field: PersonField) =>
    reveal.run(async () => {
      const { value } = await revealPersonField(code, field);
      setRevealed((current) => ({ ...current, [field]: value }));
    });
  return (
    <article>
      <h1>{t('person.title', { code })}</h1>
      <p>{t('persons.intro')}</p>
      {mergedInto ? (
        <p className="notice" data-testid="merged-into">
          {t('person.merged', { code })} <Link to={`/persons/${mergedInto}`}>{mergedInto}</Link>
        </p>
      ) : null}
      {mayCorrect && !editing && !merging && !mergedInto ? (
        <div className="button-row">
          <button type="button" onClick={() => setEditing(true)}>
            {t('person.edit')}
          </button>
          <button type="button" onClick={() => setMerging(true)}>
            {t('person.merge')}
          </button>
          {showHistory ? null : (
            <button type="button" onClick={() => setShowHistory(true)}>
              {t('person.showHistory')}
            </button>
          )}
        </div>
      ) : null}
      {editing ? (
        <PersonEditPanel
          code={code}
          onDone={(saved) => {
            setEditing(false);
            if (!saved) return;
            // What was revealed may be what was just corrected: hide it again rather than show it stale.
            setRevealed({});
            setSaves((n) => n + 1);
          }}
        />
      ) : null}
      {merging ? <MergePanel code={code} onCancel={() => setMerging(false)} /> : null}
      {showHistory ? <HistoryPanel kind="person" id={code} refresh={saves} /> : null}
      {reveal.error ? <ErrorMessage error={reveal.error} /> : null}
      <dl className="person-fields">
        {PERSON_FIELDS.map((field) => {
          const value = revealed[field];
          return (
            <div key={field} data-field={field}>
              <dt>{t(`personField.${field}`)}</dt>
              <dd>
                {field in revealed ? (
                  <span className="text-body revealed">
                    {(Array.isArray(value) ? value.join('; ') : value) || t('person.none')}
                  </span>
                ) : (
                  <>
                    <span className="hint">{t('person.hidden')}</span>{' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={`${t('person.reveal')}: ${t(`personField.${field}`)}`}
                      onClick={() => void show(field)}
                    >
                      {t('person.reveal')}
                    </button>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
