/** Our organisation key (to give partners), importing a partner's package or status reply, and every referral. */
import { type FormEvent, useState } from 'react';
import { importReferral, importReferralStatus, listReferrals, organisationKey } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

function PackageImport({ label, onImport }: { label: string; onImport: (text: string) => Promise<void> }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file) await action.run(async () => onImport(await file.text()));
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <FormField label={label}>
        {({ id }) => (
          <input
            id={id}
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <button type="submit" disabled={!file || action.busy}>
        {t('referrals.importSubmit')}
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </form>
  );
}

export function ReferralsScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('referrals.title'));
  const key = useLoad(organisationKey, []);
  const { data, error, reload } = useLoad(() => listReferrals(), []);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <h1>{t('referrals.title')}</h1>
      <section aria-labelledby="our-key">
        <h2 id="our-key">{t('referrals.ourKey')}</h2>
        {key.data ? (
          <>
            <p data-testid="our-fingerprint">
              {t('referrals.fingerprint', { fingerprint: key.data.fingerprint })}
            </p>
            <pre className="text-body key">{JSON.stringify(key.data)}</pre>
          </>
        ) : null}
        {key.error ? <ErrorMessage error={key.error} /> : null}
      </section>
      <section aria-labelledby="import-referral">
        <h2 id="import-referral">{t('referrals.import')}</h2>
        <PackageImport
          label={t('referrals.file')}
          onImport={async (text) => {
            const imported = await importReferral(text);
            setMessage(
              t('referrals.imported', { code: imported.caseCode, fingerprint: imported.senderFingerprint }),
            );
            reload();
          }}
        />
        <h2>{t('referrals.importStatus')}</h2>
        <PackageImport
          label={t('referrals.replyFile')}
          onImport={async (text) => {
            const status = await importReferralStatus(text);
            setMessage(
              t('referrals.statusImported', {
                code: status.caseCode,
                status: t(`referralStatus.${status.status}`),
              }),
            );
            reload();
          }}
        />
        {message ? <p role="status">{message}</p> : null}
      </section>
      {error ? <ErrorMessage error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('referrals.empty')}</p> : null}
      <ul className="card-list" data-testid="referral-list">
        {data?.items.map((referral) => (
          <li key={referral.id} className="card" data-status={referral.status}>
            <div className="card-head">
              <Link to={`/cases/${referral.caseId}`}>{referral.case}</Link>
              <span>
                {t(referral.direction === 'outgoing' ? 'referrals.outgoing' : 'referrals.incoming')}
              </span>
              <strong>{t(`referralStatus.${referral.status}`)}</strong>
            </div>
            <p className="hint">
              {t('referrals.partner', { fingerprint: referral.partnerFingerprint })} ·{' '}
              {formatDateTime(referral.statusChangedAt)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
