import { useState } from 'react';
import { deleteAct, getRecord } from '../api/edits.ts';
import type { ActRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ActEditPanel } from './ActEditPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';

type Open = 'none' | 'edit' | 'history' | 'delete';

/** Edit, history and delete for one act on the incident page. `onChanged` reloads the incident. */
export function ActControls({ act, onChanged }: { act: ActRecord; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  const [refresh, setRefresh] = useState(0);
  const toggle = (which: Open) => setOpen((current) => (current === which ? 'none' : which));
  return (
    <div className="act-controls">
      <div className="button-row">
        <button type="button" aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
          {t('edit.edit')}
        </button>
        <button type="button" aria-expanded={open === 'history'} onClick={() => toggle('history')}>
          {t('edit.history')}
        </button>
        <button type="button" aria-expanded={open === 'delete'} onClick={() => toggle('delete')}>
          {t('edit.delete')}
        </button>
      </div>
      {open === 'edit' ? (
        <ActEditPanel
          actId={act.id}
          onDone={(saved) => {
            setOpen(saved ? 'history' : 'none');
            if (saved) {
              setRefresh((n) => n + 1);
              onChanged();
            }
          }}
        />
      ) : null}
      {open === 'history' ? <HistoryPanel kind="act" id={act.id} refresh={refresh} /> : null}
      {open === 'delete' ? <DeleteAct actId={act.id} onDeleted={onChanged} /> : null}
    </div>
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
