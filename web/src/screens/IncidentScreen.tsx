import { useState } from 'react';
import { getIncident, updateIncident } from '../api/client.ts';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../api/types.ts';
import { InvolvementSection } from '../casework/InvolvementSection.tsx';
import { ActsTable } from '../components/ActsTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { EvidencePanel } from '../components/EvidencePanel.tsx';
import { DossierPanel, useDossierLevels } from '../dossier/DossierPanel.tsx';
import { ActControls } from '../edits/ActControls.tsx';
import { ClaimControls, InterventionControls } from '../edits/EvidenceEditControls.tsx';
import { HistoryPanel } from '../edits/HistoryPanel.tsx';
import { IncidentEditPanel } from '../edits/IncidentEditPanel.tsx';
import { useMayEdit } from '../edits/mayEdit.ts';
import { NewActPanel } from '../edits/NewActPanel.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

function StatusChanger({ incident, onSaved }: { incident: Incident; onSaved: (incident: Incident) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  // Above what the acts support, the server wants the reviewer's reason for the override.
  const overriding = INCIDENT_STATUSES.indexOf(status) > INCIDENT_STATUSES.indexOf(incident.supportedStatus);
  const save = async () => {
    setError(null);
    try {
      onSaved(
        await updateIncident(incident.id, { status, ...(overriding ? { reason: reason.trim() } : {}) }),
      );
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  };
  return (
    <div className="status-changer">
      <label htmlFor="incident-status">{t('incident.changeStatus')}</label>
      <select
        id="incident-status"
        value={status}
        onChange={(e) => setStatus(e.target.value as IncidentStatus)}
      >
        {INCIDENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {overriding ? (
        <>
          <label htmlFor="incident-status-reason">
            {t('incident.statusReason', { status: t(`status.${incident.supportedStatus}`) })}
          </label>
          <input id="incident-status-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </>
      ) : null}
      <button
        type="button"
        onClick={() => void save()}
        disabled={status === incident.status || (overriding && reason.trim().length < 3)}
      >
        {t('incident.saveStatus')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

export function IncidentScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => getIncident(id), [id]);
  const [updated, setUpdated] = useState<Incident | null>(null);
  const mayEdit = useMayEdit();
  const [panel, setPanel] = useState<'none' | 'edit' | 'history' | 'addAct' | 'dossier'>('none');
  const mayMakeDossier = useDossierLevels().length > 0;
  const [historyRefresh, setHistoryRefresh] = useState(0);
  // A fresher load (after an edit) replaces the status change's answer.
  const incident = updated?.id === id && (!data || updated.version >= data.version) ? updated : data;
  const afterEdit = (next: typeof panel) => (saved: boolean) => {
    setPanel(saved ? next : 'none');
    if (saved) {
      setHistoryRefresh((n) => n + 1);
      reload();
    }
  };
  usePageTitle(incident?.title);
  if (error) return <ErrorMessage error={error} />;
  if (!incident) return <p>{t('app.loading')}</p>;
  return (
    <article aria-labelledby="incident-title">
      <h1 id="incident-title">{incident.title}</h1>
      <ol className="status-steps" aria-label={t('field.status')}>
        {INCIDENT_STATUSES.map((s) => (
          <li key={s} aria-current={s === incident.status ? 'step' : undefined}>
            {t(`status.${s}`)}
          </li>
        ))}
      </ol>
      {incident.summary ? <p>{incident.summary}</p> : null}
      {incident.statusReason ? <p className="meta">{incident.statusReason}</p> : null}
      {incident.tags.length ? <p className="meta">{incident.tags.join(', ')}</p> : null}
      <StatusChanger key={incident.status} incident={incident} onSaved={setUpdated} />
      {mayEdit || mayMakeDossier ? (
        <div className="button-row">
          {mayEdit ? (
            <>
              <button
                type="button"
                aria-expanded={panel === 'edit'}
                onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
              >
                {t('edit.editIncident')}
              </button>
              <button
                type="button"
                aria-expanded={panel === 'history'}
                onClick={() => setPanel(panel === 'history' ? 'none' : 'history')}
              >
                {t('edit.history')}
              </button>
            </>
          ) : null}
          {mayMakeDossier ? (
            <button
              type="button"
              aria-expanded={panel === 'dossier'}
              onClick={() => setPanel(panel === 'dossier' ? 'none' : 'dossier')}
            >
              {t('dossier.button')}
            </button>
          ) : null}
        </div>
      ) : null}
      {panel === 'dossier' ? <DossierPanel incidentId={incident.id} /> : null}
      {panel === 'edit' ? (
        <IncidentEditPanel key={incident.version} incident={incident} onDone={afterEdit('history')} />
      ) : null}
      {panel === 'history' ? (
        <HistoryPanel kind="incident" id={incident.id} refresh={historyRefresh} />
      ) : null}
      <section aria-labelledby="acts-heading">
        <div className="section-head">
          <h2 id="acts-heading">{t('incident.acts')}</h2>
          {mayEdit ? (
            <button type="button" aria-expanded={panel === 'addAct'} onClick={() => setPanel('addAct')}>
              {t('edit.addAct')}
            </button>
          ) : null}
        </div>
        {panel === 'addAct' ? <NewActPanel incidentId={incident.id} onDone={afterEdit('none')} /> : null}
        <ActsTable
          acts={incident.evidence.acts}
          onSaved={setUpdated}
          actions={
            mayEdit
              ? (act) => <ActControls act={act} incidentId={incident.id} onChanged={reload} />
              : undefined
          }
        />
      </section>
      <InvolvementSection incidentId={incident.id} acts={incident.evidence.acts} onLinked={reload} />
      <EvidencePanel
        evidence={incident.evidence}
        claimActions={mayEdit ? (claim) => <ClaimControls claim={claim} onChanged={reload} /> : undefined}
        interventionActions={
          mayEdit
            ? (intervention) => <InterventionControls intervention={intervention} onChanged={reload} />
            : undefined
        }
      />
    </article>
  );
}
