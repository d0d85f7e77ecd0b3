import { useState } from 'react';
import { deleteAct, getRecord } from '../api/edits.ts';
import type { ActRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ActEditPanel } from './ActEditPanel.tsx';
import { RecordControls } from './RecordControls.tsx';

/** Edit, history and delete for one act on the incident page. `onChanged` reloads the incident. */
export function ActControls({ act, onChanged }: { act: ActRecord; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <RecordControls
      kind="act"
      id={act.id}
      edit={(done) => (
        <ActEditPanel
          actId={act.id}
          onDone={(saved) => {
            done(saved);
            if (saved) onChanged();
          }}
        />
      )}
      extra={{ label: t('edit.delete'), render: () => <DeleteAct actId={act.id} onDeleted={onChanged} /> }}
    />
  );
}

function DeleteAct({ actId, onDeleted }: { actId: string; onDeleted: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const remove = async () => {
    setError(null);
    try {
      const current = await getRecord('act', actId);
      await deleteAct(actId, current.version, reason.trim() || null);
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };
  return (
    <div className="edit-form">
      <p>{t('edit.deleteExplain')}</p>
      <FormField label={t('edit.reason')}>
        {({ id }) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="danger" onClick={() => void remove()}>
        {t('edit.deleteAct')}
      </button>
    </div>
  );
}
