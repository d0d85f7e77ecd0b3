import type { ClaimRecord, InterventionRecord } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ClaimEditor, InterventionEditor } from '../review/ClaimEditor.tsx';
import type { ClaimForm, InterventionForm } from '../review/reviewState.ts';
import { RecordControls } from './RecordControls.tsx';
import { StoredRecord } from './StoredRecord.tsx';
import { VersionedForm } from './VersionedForm.tsx';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function ClaimControls({ claim, onChanged }: { claim: ClaimRecord; onChanged: () => void }) {
  const { t } = useI18n();
  const actor = claim.actor?.name ?? '';
  // Stored claims name their actor by id; the form edits the name.
  const fromFields = (fields: Record<string, unknown>): ClaimForm => ({
    stance: fields.stance === 'denies' ? 'denies' : 'asserts',
    actor,
    text: text(fields.text),
  });
  return (
    <RecordControls
      kind="claim"
      id={claim.id}
      edit={(done) => (
        <StoredRecord
          kind="claim"
          id={claim.id}
          render={(record) => (
            <VersionedForm
              kind="claim"
              id={record.id}
              version={record.version}
              initial={{ ...fromFields(record.fields), actor }}
              label={t('edit.editClaim')}
              what={t('edit.aClaim')}
              editor={(form, onChange) => <ClaimEditor form={form} onChange={onChange} />}
              toPatch={(form) => ({ stance: form.stance, actor: orNull(form.actor), text: form.text.trim() })}
              toFields={(form) => ({ stance: form.stance, text: form.text.trim() })}
              fromFields={fromFields}
              onDone={(saved) => {
                done(saved);
                if (saved) onChanged();
              }}
            />
          )}
        />
      )}
    />
  );
}

interface InterventionFields extends InterventionForm {
  date: string;
  outcome: string;
}

export function InterventionControls({
  intervention,
  onChanged,
}: {
  intervention: InterventionRecord;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const actor = intervention.actor?.name ?? '';
  const fromFields = (fields: Record<string, unknown>): InterventionFields => ({
    type: text(fields.type),
    actor,
    description: text(fields.description),
    date: text(fields.dateFrom),
    outcome: text(fields.outcome),
  });
  return (
    <RecordControls
      kind="intervention"
      id={intervention.id}
      edit={(done) => (
        <StoredRecord
          kind="intervention"
          id={intervention.id}
          render={(record) => (
            <VersionedForm
              kind="intervention"
              id={record.id}
              version={record.version}
              initial={fromFields(record.fields)}
              label={t('edit.editIntervention')}
              what={t('edit.anIntervention')}
              editor={(form, onChange) => (
                <>
                  <InterventionEditor form={form} onChange={(next) => onChange({ ...form, ...next })} />
                  <div className="field-row">
                    <FormField label={t('field.date')}>
                      {({ id }) => (
                        <input
                          id={id}
                          type="date"
                          value={form.date}
                          onChange={(e) => onChange({ ...form, date: e.target.value })}
                        />
                      )}
                    </FormField>
                    <FormField label={t('edit.outcome')}>
                      {({ id }) => (
                        <input
                          id={id}
                          value={form.outcome}
                          onChange={(e) => onChange({ ...form, outcome: e.target.value })}
                        />
                      )}
                    </FormField>
                  </div>
                </>
              )}
              toPatch={(form) => ({
                type: form.type,
                actor: orNull(form.actor),
                description: form.description.trim(),
                date: orNull(form.date),
                outcome: orNull(form.outcome),
              })}
              toFields={(form) => ({
                type: form.type,
                description: form.description.trim(),
                dateFrom: orNull(form.date),
                outcome: orNull(form.outcome),
              })}
              fromFields={fromFields}
              onDone={(saved) => {
                done(saved);
                if (saved) onChanged();
              }}
            />
          )}
        />
      )}
    />
  );
}
