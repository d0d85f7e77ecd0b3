/**
 * Correcting a person: the record opened whole (one audited read on the server), edited on the
 * version shown, with a reason for the sealed history; someone else's save meanwhile is a conflict
 * to resolve, never an overwrite.
 */
import { openPersonForEdit } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { VersionedForm } from '../edits/VersionedForm.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { PersonFieldInputs, personFromValues, valuesFromFields } from './PersonFieldInputs.tsx';

export function PersonEditPanel({ code, onDone }: { code: string; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => openPersonForEdit(code), [code]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('app.loading')}</p>;
  return (
    <>
      <p className="hint">{t('person.editIntro')}</p>
      <VersionedForm
        kind="person"
        id={code}
        version={data.version}
        initial={valuesFromFields(data.fields)}
        label={t('person.editLabel')}
        what={t('person.aPerson')}
        editor={(form, onChange) => (
          <PersonFieldInputs
            values={form}
            onChange={(field, value) => onChange({ ...form, [field]: value })}
          />
        )}
        toPatch={personFromValues}
        toFields={personFromValues}
        fromFields={valuesFromFields}
        onDone={onDone}
      />
    </>
  );
}
