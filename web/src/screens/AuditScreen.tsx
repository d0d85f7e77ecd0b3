/**
 * The audit log for administrators: newest first, filters by user id, action and record id, older
 * pages on demand, and a verify button that walks the whole chain on the server and shows its head
 * hash to write down elsewhere.
 */
import { type FormEvent, useState } from 'react';
import { listAudit, verifyAudit } from '../api/client.ts';
import type { AuditEntry, AuditVerdict } from '../api/types.ts';
import { AdminTable } from '../components/AdminTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

const EMPTY = { actor: '', action: '', record: '' };

export function AuditScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState(EMPTY);
  const [filter, setFilter] = useState(EMPTY);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const { error, busy, run } = useAction();
  const first = useLoad(() => listAudit(filter), [filter]);
  const entries = [...(first.data?.items ?? []), ...older];
  const nextBefore = next === undefined ? first.data?.nextBefore : next;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOlder([]);
    setNext(undefined);
    setFilter({ ...draft });
  };
  const more = () =>
    run(async () => {
      if (!nextBefore) return;
      const page = await listAudit({ ...filter, before: String(nextBefore) });
      setOlder((current) => [...current, ...page.items]);
      setNext(page.nextBefore);
    });
  const verify = () => run(async () => setVerdict(await verifyAudit()));

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void verify()}>
        {t('audit.verify')}
      </button>
      {verdict ? (
        <div role="status" className={verdict.ok ? 'notice' : 'notice error'} data-testid="audit-verdict">
          {verdict.ok ? (
            <>
              <p>{t('audit.ok', { entries: String(verdict.entries ?? 0) })}</p>
              <p>
                {t('audit.head', { seq: String(verdict.headSeq ?? 0), hash: '' })}
                <code className="hash">{verdict.headHash}</code>
              </p>
              <p className="hint">{t('audit.headHint')}</p>
            </>
          ) : (
            <p>
              {t('audit.bad', { seq: String(verdict.firstBadEntry ?? '?'), reason: verdict.reason ?? '' })}
            </p>
          )}
        </div>
      ) : null}
      <form className="inline-form" onSubmit={apply}>
        {(['actor', 'action', 'record'] as const).map((name) => (
          <FormField key={name} label={t(`audit.${name}`)}>
            {({ id }) => (
              <input
                id={id}
                value={draft[name]}
                onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
              />
            )}
          </FormField>
        ))}
        <button type="submit">{t('audit.filter')}</button>
      </form>
      {first.error ? <ErrorMessage error={first.error} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {first.data && entries.length === 0 ? <p>{t('audit.empty')}</p> : null}
      <AdminTable
        testId="audit-entries"
        columns={[
          '#',
          t('audit.when'),
          t('audit.actor'),
          t('audit.action'),
          t('audit.outcome'),
          t('audit.record'),
          t('audit.details'),
        ]}
      >
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <td>{entry.seq}</td>
            <td>{formatDateTime(entry.at)}</td>
            <td className="mono">{entry.actor}</td>
            <td>{entry.action}</td>
            <td>{entry.outcome}</td>
            <td className="mono">{entry.recordId ?? ''}</td>
            <td className="mono">{Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''}</td>
          </tr>
        ))}
      </AdminTable>
      {nextBefore ? (
        <button type="button" onClick={() => void more()}>
          {t('audit.older')}
        </button>
      ) : null}
    </>
  );
}
