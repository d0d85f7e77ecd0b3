import { useState } from 'react';
import { getIncident, updateIncident } from '../api/client.ts';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../api/types.ts';
import { InvolvementSection } from '../casework/InvolvementSection.tsx';
import { ActsTable } from '../components/ActsTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { EvidencePanel } from '../components/EvidencePanel.tsx';
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
  const incident = updated?.id === id ? updated : data;
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
      <StatusChanger key={incident.status} incident={incident} onSaved={setUpdated} />
      <section aria-labelledby="acts-heading">
        <h2 id="acts-heading">{t('incident.acts')}</h2>
        <ActsTable acts={incident.evidence.acts} onSaved={setUpdated} />
      </section>
      <InvolvementSection incidentId={incident.id} acts={incident.evidence.acts} onLinked={reload} />
      <EvidencePanel evidence={incident.evidence} />
    </article>
  );
}
