/**
 * The incident page's "who was involved": per act, persons as codes (a name is revealed only on the
 * person's page, audited) and organisations by name, with the ESF details; staff may link more.
 */
import { type FormEvent, useState } from 'react';
import {
  INVOLVEMENT_ROLES,
  type InvolvementRole,
  linkInvolvement,
  listInvolvements,
  PERPETRATOR_DEGREES,
  type PerpetratorDegree,
  VICTIM_STATUSES,
  type VictimStatus,
} from '../api/casework.ts';
import type { ActRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';

// Mirrors 'involvement.create' in src/services/policies.ts; the server enforces it.
const LINKERS = ['administrator', 'investigator', 'caseworker'];

export function InvolvementSection({
  incidentId,
  acts,
  onLinked,
}: {
  incidentId: string;
  acts: ActRecord[];
  /** Reloads the incident: linking a victim may raise an act's count. */
  onLinked: () => void;
}) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const { state } = useSession();
  const { data, error, reload } = useLoad(() => listInvolvements(incidentId), [incidentId]);
  const mayLink = state.kind === 'signed-in' && LINKERS.includes(state.session.user.role);
  return (
    <section aria-labelledby="involvement-heading">
      <h2 id="involvement-heading">{t('involvement.title')}</h2>
      <p className="hint">{t('involvement.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('involvement.empty')}</p> : null}
      {acts.map((act) => {
        const rows = data?.items.filter((row) => row.actId === act.id) ?? [];
        if (rows.length === 0) return null;
        const named = rows.filter((row) => row.role === 'victim' && row.person).length;
        return (
          <div key={act.id} className="involvement-act" data-act={act.id}>
            <h3>
              {label('eventTypes', act.type)} · {t('involvement.named', { named })}
            </h3>
            <ul data-testid="involvement-list">
              {rows.map((row) => (
                <li key={row.id}>
                  {t(`role.${row.role}`)}:{' '}
                  {row.person ? <Link to={`/persons/${row.person}`}>{row.person}</Link> : row.organisation}
                  {row.victimStatus ? ` · ${t(`victimStatus.${row.victimStatus}`)}` : ''}
                  {row.perpetratorDegree ? ` · ${t(`degree.${row.perpetratorDegree}`)}` : ''}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {mayLink && acts.length > 0 ? (
        <LinkForm
          acts={acts}
          onLinked={() => {
            reload();
            onLinked();
          }}
        />
      ) : null}
    </section>
  );
}

function LinkForm({ acts, onLinked }: { acts: ActRecord[]; onLinked: () => void }) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const [actId, setActId] = useState(acts[0]!.id);
  const [role, setRole] = useState<InvolvementRole>('victim');
  const [person, setPerson] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [degree, setDegree] = useState<PerpetratorDegree | ''>('');
  const [victimStatus, setVictimStatus] = useState<VictimStatus | ''>('');
  const [raised, setRaised] = useState<number | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const result = await linkInvolvement(actId, {
        role,
        ...(person.trim() ? { person: person.trim() } : { organisation: organisation.trim() }),
        ...(role === 'perpetrator' && degree ? { perpetratorDegree: degree } : {}),
        ...(role === 'victim' && victimStatus ? { victimStatus } : {}),
      });
      setRaised(result.countRaised ? result.namedVictims : null);
    });
    if (ok) {
      setPerson('');
      setOrganisation('');
      onLinked();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} autoComplete="off" aria-labelledby="link-heading">
      <h3 id="link-heading">{t('involvement.add')}</h3>
      <FormField label={t('involvement.act')}>
        {({ id }) => (
          <select id={id} name="act" value={actId} onChange={(e) => setActId(e.target.value)}>
            {acts.map((act, index) => (
              <option key={act.id} value={act.id}>
                {index + 1}. {label('eventTypes', act.type)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('involvement.role')}>
        {({ id }) => (
          <select
            id={id}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as InvolvementRole)}
          >
            {INVOLVEMENT_ROLES.map((code) => (
              <option key={code} value={code}>
                {t(`role.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('involvement.person')}>
        {({ id }) => (
          <input
            id={id}
            name="person"
            value={person}
            placeholder="V-0001"
            onChange={(e) => setPerson(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('involvement.organisation')}>
        {({ id }) => (
          <input
            id={id}
            name="organisation"
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          />
        )}
      </FormField>
      {role === 'perpetrator' ? (
        <FormField label={t('involvement.degree')}>
          {({ id }) => (
            <select id={id} value={degree} onChange={(e) => setDegree(e.target.value as PerpetratorDegree)}>
              <option value="">—</option>
              {PERPETRATOR_DEGREES.map((code) => (
                <option key={code} value={code}>
                  {t(`degree.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {role === 'victim' ? (
        <FormField label={t('involvement.victimStatus')}>
          {({ id }) => (
            <select
              id={id}
              name="victim-status"
              value={victimStatus}
              onChange={(e) => setVictimStatus(e.target.value as VictimStatus)}
            >
              <option value="">—</option>
              {VICTIM_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {t(`victimStatus.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <button type="submit" disabled={action.busy}>
        {t('involvement.submit')}
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {raised !== null ? <p role="status">{t('involvement.raised', { named: raised })}</p> : null}
    </form>
  );
}
