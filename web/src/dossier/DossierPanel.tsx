import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useSession } from '../session.tsx';
import './dossier.css';

/**
 * Mirrors the export rules (src/services/policies.ts, exportDataset.ts): the roles that may export make
 * a dossier; a public one also needs a role that may read protected persons, to check every text
 * against their names. The server decides; this only offers what it would allow.
 */
const EXPORTERS = ['administrator', 'investigator', 'analyst'];
const PUBLIC_EXPORTERS = ['administrator', 'investigator'];

export function useDossierLevels(): Array<'partner' | 'public'> {
  const { state } = useSession();
  if (state.kind !== 'signed-in') return [];
  const role = state.session.user.role;
  if (!EXPORTERS.includes(role)) return [];
  return PUBLIC_EXPORTERS.includes(role) ? ['partner', 'public'] : ['partner'];
}

export const dossierUrl = (incidentId: string, level: string, zip: boolean) =>
  `/api/incidents/${encodeURIComponent(incidentId)}/dossier?level=${level}&zip=${zip}`;

/** The "Dossier" button's panel: the level the role allows, a ZIP or not, and the download link. */
export function DossierPanel({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const levels = useDossierLevels();
  const [level, setLevel] = useState(levels[0] ?? 'partner');
  const [zip, setZip] = useState(false);
  const id = useId();
  const withZip = zip && level === 'partner';
  return (
    <section className="dossier-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dossier.button')}</h2>
      <p className="meta">{t('dossier.intro')}</p>
      <label htmlFor={`${id}-level`}>{t('dossier.level')}</label>
      <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
        {levels.map((l) => (
          <option key={l} value={l}>
            {t(`dossier.level.${l}`)}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={withZip}
          disabled={level !== 'partner'}
          onChange={(e) => setZip(e.target.checked)}
        />
        {t('dossier.zip')}
      </label>
      <p>
        <a className="button" href={dossierUrl(incidentId, level, withZip)} download>
          {t('dossier.download')}
        </a>
      </p>
    </section>
  );
}
