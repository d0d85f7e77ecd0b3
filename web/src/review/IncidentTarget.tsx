import type { IncidentProposal, IncidentSummary } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';

export type Target = { mode: 'new'; title: string } | { mode: 'merge'; incidentId: string };

/** Where accepted suggestions go: a new incident, or one already recorded that may be the same. */
export function IncidentTarget({
  candidates,
  proposals = [],
  value,
  onChange,
}: {
  candidates: IncidentSummary[];
  /** Attest's ranking: how many suggested acts each candidate already records. */
  proposals?: IncidentProposal[];
  value: Target;
  onChange: (target: Target) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="target">
      <legend>{t('review.target')}</legend>
      <div className="radio">
        <input
          id="target-new"
          type="radio"
          name="target"
          checked={value.mode === 'new'}
          onChange={() => onChange({ mode: 'new', title: '' })}
        />
        <label htmlFor="target-new">{t('review.newIncident')}</label>
      </div>
      {value.mode === 'new' ? (
        <FormField label={t('review.incidentTitle')}>
          {({ id }) => (
            <input
              id={id}
              value={value.title}
              onChange={(e) => onChange({ mode: 'new', title: e.target.value })}
            />
          )}
        </FormField>
      ) : null}
      {candidates.map((incident) => (
        <div className="radio" key={incident.id}>
          <input
            id={`target-${incident.id}`}
            type="radio"
            name="target"
            checked={value.mode === 'merge' && value.incidentId === incident.id}
            onChange={() => onChange({ mode: 'merge', incidentId: incident.id })}
          />
          <label htmlFor={`target-${incident.id}`}>
            {t('review.existingIncident', { title: incident.title })}
          </label>
          {(() => {
            const same = proposals
              .find((p) => p.incidentId === incident.id)
              ?.events.filter((e) => e.confident);
            return same?.length ? (
              <span className="hint proposed-incident">
                {' '}
                — {t('review.proposedActs', { count: same.length })}
              </span>
            ) : null;
          })()}
        </div>
      ))}
    </fieldset>
  );
}
