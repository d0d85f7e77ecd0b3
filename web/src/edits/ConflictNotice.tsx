import type { VersionedRecord } from '../api/edits.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { FieldValue } from './FieldValue.tsx';
import { inFormOrder, useFieldLabel } from './fieldLabel.ts';

interface Props {
  what: string;
  theirs: VersionedRecord;
  /** The fields the editor changed, in the record's own terms. */
  yours: Record<string, unknown>;
  onReload: () => void;
  onReapply: () => void;
}

/**
 * Someone else saved this record while it was being edited: both versions side by side, and the
 * editor chooses — never a silent overwrite.
 */
export function ConflictNotice({ what, theirs, yours, onReload, onReapply }: Props) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const names = inFormOrder(Object.keys(yours)).filter(
    (name) => JSON.stringify(yours[name] ?? null) !== JSON.stringify(theirs.fields[name] ?? null),
  );
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading" data-testid="conflict">
      <h3 id="conflict-heading">{t('edit.conflictTitle', { what })}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('edit.field')}</th>
            <th scope="col">{t('edit.theirs')}</th>
            <th scope="col">{t('edit.yours')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{label(name)}</th>
              <td>
                <FieldValue value={theirs.fields[name]} />
              </td>
              <td>
                <FieldValue value={yours[name]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" onClick={onReload}>
          {t('edit.reloadTheirs')}
        </button>
        <button type="button" onClick={onReapply}>
          {t('edit.reapplyMine')}
        </button>
      </div>
    </section>
  );
}
