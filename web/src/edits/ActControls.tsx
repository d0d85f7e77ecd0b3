import { useState } from 'react';
import { listIncidents } from '../api/client.ts';
import { deleteAct, getRecord, patchRecord } from '../api/edits.ts';
import type { ActRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { ActEditPanel } from './ActEditPanel.tsx';
import { RecordControls } from './RecordControls.tsx';

/** Edit, history and delete for one act on the incident page. `onChanged` reloads the incident. */
export function ActControls({
  act,
  incidentId,
  onChanged,
}: {
  act: ActRecord;
  incidentId: string;
  onChanged: () => void;
}) {
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
      extras={[
        {
          key: 'move',
          label: t('edit.move'),
          render: () => <MoveAct actId={act.id} from={incidentId} onMoved={onChanged} />,
        },
        {
          key: 'delete',
          label: t('edit.delete'),
          render: () => <DeleteAct actId={act.id} onDeleted={onChanged} />,
        },
      ]}
    />
  );
}

/** Moves the act (with the claims about it) to another incident, on the version shown. */
function MoveAct({ actId, from, onMoved }: { actId: string; from: string; onMoved: () => void }) {
  const { t } = useI18n();
  const { data: incidents } = useLoad(() => listIncidents({ sort: 'updated' }), []);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const move = async () => {
    setError(null);
    try {
      const current = await getRecord('act', actId);
      await patchRecord('act', actId, {
        incidentId: target,
        version: current.version,
        reason: reason.trim() || null,
      });
      onMoved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };
  const others = (incidents?.items ?? []).filter((incident) => incident.id !== from);
  return (
    <div className="edit-form">
      <FormField label={t('edit.moveTo')}>
        {({ id }) => (
          <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">—</option>
            {others.map((incident) => (
              <option key={incident.id} value={incident.id}>
                {incident.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('edit.reason')}>
        {({ id }) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" disabled={!target} onClick={() => void move()}>
        {t('edit.moveAct')}
      </button>
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
