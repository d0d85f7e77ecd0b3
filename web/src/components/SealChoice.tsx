import { useEffect, useState } from 'react';
import { listCompartments } from '../api/client.ts';
import type { Compartment } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

export interface Sealing {
  sealed: boolean;
  /** A compartment code; empty for the organisation's. */
  compartment: string;
}

export const NOT_SEALED: Sealing = { sealed: false, compartment: '' };

/** "Sensitive — seal this source" and, once ticked, the compartment (the user's own ones). */
export function SealChoice({ value, onChange }: { value: Sealing; onChange: (value: Sealing) => void }) {
  const { t } = useI18n();
  const [compartments, setCompartments] = useState<Compartment[] | null>(null);
  useEffect(() => {
    if (!value.sealed || compartments) return;
    listCompartments().then(
      (list) => setCompartments(list.items),
      () => setCompartments([]),
    );
  }, [value.sealed, compartments]);
  return (
    <fieldset className="seal-choice">
      <label>
        <input
          type="checkbox"
          checked={value.sealed}
          onChange={(event) => onChange({ ...value, sealed: event.target.checked })}
        />{' '}
        {t('sealed.choice')}
      </label>
      <p className="hint">{t('sealed.choiceHint')}</p>
      {value.sealed && compartments && compartments.length > 0 ? (
        <label>
          {t('sealed.compartment')}{' '}
          <select
            value={value.compartment}
            onChange={(event) => onChange({ ...value, compartment: event.target.value })}
          >
            {compartments.map((compartment) => (
              <option
                key={compartment.code}
                value={compartment.kind === 'organisation' ? '' : compartment.code}
              >
                {compartment.kind === 'organisation'
                  ? t('sealed.organisation', { code: compartment.code })
                  : compartment.code}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </fieldset>
  );
}

/** The request fields for a sealing choice (nothing when not sealed). */
export function sealingFields(value: Sealing): { sealed?: true; compartment?: string } {
  if (!value.sealed) return {};
  return value.compartment ? { sealed: true, compartment: value.compartment } : { sealed: true };
}

export function SealedBadge({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <span className="badge sealed" title={t('sealed.inCompartment', { code })}>
      {t('sealed.badge')}
    </span>
  );
}
