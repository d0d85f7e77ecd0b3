/**
 * The incident page's "who was involved": per act, persons as codes (a name is revealed only on the
 * person's page, audited) and organisations by name, with the ESF details; staff may link more.
 */
import { type FormEvent, useState } from 'react';
import { type Involvement, linkInvolvement, listInvolvements } from '../api/casework.ts';
import type { ActRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { HistoryPanel } from '../edits/HistoryPanel.tsx';
import { VersionedForm } from '../edits/VersionedForm.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';
import { type RoleDetail, RoleFields, roleDetailPatch } from './RoleFields.tsx';
import { useProtectionStaff } from './useProtectionStaff.ts';
import { WithdrawForm } from './WithdrawForm.tsx';

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
  const { data, error, reload } = useLoad(() => listInvolvements(incidentId), [incidentId]);
  const mayLink = useProtectionStaff();
  const changed = () => {
    reload();
    onLinked();
  };
  return (
    <section aria-labelledby="involvement-heading">
      <h2 id="involvement-heading">{t('involvement.title')}</h2>
      <p className="hint">{t('involvement.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('involvement.empty')}</p> : null}
      {acts.map((act) => {
        const rows = data?.items.filter((row) => row.actId === act.id) ?? [];
        if (rows.length === 0) return null;
        const named = rows.filter((row) => row.role === 'victim' && row.person && !row.withdrawn).length;
        return (
          <div key={act.id} className="involvement-act" data-act={act.id}>
            <h3>
              {label('eventTypes', act.type)} · {t('involvement.named', { count: named })}
            </h3>
            <ul data-testid="involvement-list">
              {rows.map((row) => (
                <InvolvementRow key={row.id} row={row} mayCorrect={mayLink} onChanged={changed} />
              ))}
            </ul>
          </div>
        );
      })}
      {mayLink && acts.length > 0 ? <LinkForm acts={acts} onLinked={changed} /> : null}
    </section>
  );
}

function LinkForm({ acts, onLinked }: { acts: ActRecord[]; onLinked: () => void }) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const [actId, setActId] = useState(acts[0]!.id);
  const [detail, setDetail] = useState<RoleDetail>({
    role: 'victim',
    perpetratorDegree: '',
    victimStatus: '',
  });
  const [person, setPerson] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [raised, setRaised] = useState<number | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const { role, perpetratorDegree, victimStatus } = roleDetailPatch(detail);
      const result = await linkInvolvement(actId, {
        role,
        ...(person.trim() ? { person: person.trim() } : { organisation: organisation.trim() }),
        ...(perpetratorDegree ? { perpetratorDegree } : {}),
        ...(victimStatus ? { victimStatus } : {}),
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
      <RoleFields value={detail} onChange={setDetail} />
      <button type="submit" disabled={action.busy}>
        {t('involvement.submit')}
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {raised !== null ? <p role="status">{t('involvement.raised', { count: raised })}</p> : null}
    </form>
  );
}

const detailOf = (row: Involvement): RoleDetail => ({
  role: row.role,
  perpetratorDegree: row.perpetratorDegree ?? '',
  victimStatus: row.victimStatus ?? '',
});

const detailFromFields = (fields: Record<string, unknown>): RoleDetail =>
  detailOf({
    role: fields.role,
    perpetratorDegree: fields.perpetratorDegree ?? null,
    victimStatus: fields.victimStatus ?? null,
  } as Involvement);

/** One link: its role and detail; for staff, a correction (role, or withdrawal) and its history. */
function InvolvementRow({
  row,
  mayCorrect,
  onChanged,
}: {
  row: Involvement;
  mayCorrect: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saves, setSaves] = useState(0);
  const [withdrawal, setWithdrawal] = useState<{ count: number; figure: string } | null>(null);
  return (
    <li data-involvement={row.id} className={row.withdrawn ? 'withdrawn' : undefined}>
      {row.withdrawn ? <s>{describe(row, t)}</s> : describe(row, t)}
      {row.withdrawn ? <span className="meta"> ({t('involvement.withdrawn')})</span> : null}
      {mayCorrect && !open ? (
        <>
          {' '}
          <button type="button" className="small" onClick={() => setOpen(true)}>
            {row.withdrawn ? t('involvement.history') : t('involvement.correct')}
          </button>
        </>
      ) : null}
      {open && !row.withdrawn ? (
        <div className="involvement-correction">
          <VersionedForm
            kind="involvement"
            id={row.id}
            version={row.version}
            initial={detailOf(row)}
            label={t('involvement.correctLabel')}
            what={t('involvement.anInvolvement')}
            editor={(form, onChange) => <RoleFields value={form} onChange={onChange} />}
            toPatch={roleDetailPatch}
            toFields={roleDetailPatch}
            fromFields={detailFromFields}
            onDone={(saved) => {
              setOpen(false);
              if (saved) onChanged();
            }}
          />
          <WithdrawForm
            row={row}
            onWithdrawn={(result) => {
              setWithdrawal({ count: result.namedVictims, figure: String(result.victimsMin ?? '—') });
              setSaves((n) => n + 1);
              onChanged();
            }}
          />
        </div>
      ) : null}
      {withdrawal ? (
        <p role="status" data-testid="withdrawn-status">
          {t('involvement.afterWithdrawal', withdrawal)}
        </p>
      ) : null}
      {open ? <HistoryPanel kind="involvement" id={row.id} refresh={saves} /> : null}
    </li>
  );
}

function describe(row: Involvement, t: ReturnType<typeof useI18n>['t']) {
  return (
    <>
      {t(`role.${row.role}`)}:{' '}
      {row.person ? <Link to={`/persons/${row.person}`}>{row.person}</Link> : row.organisation}
      {row.victimStatus ? ` · ${t(`victimStatus.${row.victimStatus}`)}` : ''}
      {row.perpetratorDegree ? ` · ${t(`degree.${row.perpetratorDegree}`)}` : ''}
    </>
  );
}
