import type { ReactNode } from 'react';
import type { ActRecord, Incident } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabularyLabel } from '../vocabulary.tsx';
import { ActCorroboration } from './ActCorroboration.tsx';
import { useCountryName } from './CountryName.tsx';
import { DateRangeText } from './DateRangeText.tsx';
import { VictimCountText } from './VictimCountText.tsx';

/** One card per act rather than a wide table: it has to read on a 360 px phone. */
export function ActsTable({
  acts,
  onSaved,
  actions,
}: {
  acts: ActRecord[];
  /** Given when the reader may change an act's counted figure. */
  onSaved?: (incident: Incident) => void;
  actions?: (act: ActRecord) => ReactNode;
}) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  return (
    <ul className="card-list acts">
      {acts.map((act) => (
        <li key={act.id} className="card act" data-act-type={act.type}>
          <h3>{label('eventTypes', act.type)}</h3>
          <dl className="facts">
            <dt>{t('field.victims')}</dt>
            <dd className="act-victims">
              {act.victims ? (
                <VictimCountText min={act.victims.min} max={act.victims.max} group={act.victims.group} />
              ) : (
                t('field.unknown')
              )}
            </dd>
            <dt>{t('field.place')}</dt>
            <dd className="act-place">
              {[act.placeName, act.country ? countryName(act.country) : null].filter(Boolean).join(', ') ||
                t('field.unknown')}
            </dd>
            <dt>{t('field.date')}</dt>
            <dd>
              <DateRangeText from={act.dateFrom} to={act.dateTo} precision={act.datePrecision} />
            </dd>
            <dt>{t('field.perpetrators')}</dt>
            <dd>{act.perpetrators.map((p) => p.name).join(', ') || t('field.unknown')}</dd>
            <dt>{t('incident.evidence')}</dt>
            <dd>
              {act.deniedBy > 0
                ? t('incident.actLine', {
                    reported: t('incident.reported', { count: act.assertedBy }),
                    denied: t('incident.deniedStatements', { count: act.deniedBy }),
                  })
                : t('incident.reported', { count: act.assertedBy })}
            </dd>
          </dl>
          <ActCorroboration act={act} onSaved={onSaved} />
          {actions ? actions(act) : null}
        </li>
      ))}
    </ul>
  );
}
