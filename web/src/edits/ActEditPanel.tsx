import { useI18n } from '../i18n/I18nContext.tsx';
import { EventEditor } from '../review/EventEditor.tsx';
import { eventEdit } from '../review/reviewState.ts';
import { actToForm, formToActFields } from './actForm.ts';
import { StoredRecord } from './StoredRecord.tsx';
import { VersionedForm } from './VersionedForm.tsx';

/** Edits one act from its stored version; a save made on a stale version shows the conflict screen. */
export function ActEditPanel({ actId, onDone }: { actId: string; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  return (
    <StoredRecord
      kind="act"
      id={actId}
      render={(record) => (
        <VersionedForm
          kind="act"
          id={record.id}
          version={record.version}
          initial={actToForm(record.fields)}
          label={t('edit.editAct')}
          what={t('edit.anAct')}
          editor={(form, onChange) => <EventEditor form={form} onChange={onChange} />}
          toPatch={eventEdit}
          toFields={formToActFields}
          fromFields={actToForm}
          onDone={onDone}
        />
      )}
    />
  );
}
