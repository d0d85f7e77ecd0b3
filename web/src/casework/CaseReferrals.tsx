/** A case's referrals: seal its consented fields to a partner's key, and answer one received. */
import { type FormEvent, useState } from 'react';
import {
  type CaseDetail,
  createReferral,
  downloadText,
  listReferrals,
  REFERRAL_REPLIES,
  type ReferralReply,
  type ReferralStatus,
  replyToReferral,
  SHAREABLE_FIELDS,
  type ShareableField,
} from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';

/** What a received referral may still be answered with: a decision once, then only closing it. */
function answersFrom(status: ReferralStatus): readonly ReferralReply[] {
  if (status === 'sent') return REFERRAL_REPLIES;
  return status === 'accepted' ? ['closed'] : [];
}

export function CaseReferrals({ detail }: { detail: CaseDetail }) {
  const { t, formatDateTime } = useI18n();
  const { data, reload } = useLoad(() => listReferrals(detail.id), [detail.id]);
  const [partnerKey, setPartnerKey] = useState('');
  const [fields, setFields] = useState<ShareableField[]>([]);
  const [made, setMade] = useState<{ package: string; partnerFingerprint: string; id: string } | null>(null);
  const [replied, setReplied] = useState<string | null>(null);
  const action = useAction();
  const consented = new Set(detail.consents.filter((c) => !c.withdrawnAt).flatMap((c) => c.fields));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(async () => setMade(await createReferral(detail.id, partnerKey, fields)))) reload();
  };
  const answer = async (id: string, status: ReferralReply) => {
    const ok = await action.run(async () => {
      const reply = await replyToReferral(id, status);
      setReplied(reply.status);
      downloadText(reply.package, `referral-${id.slice(0, 8)}-${status}.json`);
    });
    if (ok) reload();
  };
  return (
    <section aria-labelledby="case-referrals" className="case-section">
      <h2 id="case-referrals">{t('referral.heading')}</h2>
      <ul data-testid="case-referrals">
        {data?.items.map((referral) => (
          <li key={referral.id} data-status={referral.status}>
            {t(referral.direction === 'outgoing' ? 'referrals.outgoing' : 'referrals.incoming')} ·{' '}
            {t('referrals.partner', { fingerprint: referral.partnerFingerprint })} ·{' '}
            <strong>{t(`referralStatus.${referral.status}`)}</strong> ·{' '}
            {formatDateTime(referral.statusChangedAt)}
            {referral.direction === 'incoming'
              ? answersFrom(referral.status).map((status) => (
                  <button
                    key={status}
                    type="button"
                    className="small"
                    onClick={() => void answer(referral.id, status)}
                  >
                    {t('referrals.answer')}: {t(`referralStatus.${status}`)}
                  </button>
                ))
              : null}
          </li>
        ))}
      </ul>
      {replied ? (
        <p role="status">
          {t('referrals.replyMade', { status: t(`referralStatus.${replied as ReferralReply}`) })}
        </p>
      ) : null}
      <h3>{t('referral.create')}</h3>
      <form onSubmit={(e) => void submit(e)} autoComplete="off">
        <FormField label={t('referral.partnerKey')}>
          {({ id }) => (
            <textarea
              id={id}
              name="partner-key"
              rows={2}
              value={partnerKey}
              onChange={(e) => setPartnerKey(e.target.value)}
              required
            />
          )}
        </FormField>
        <fieldset>
          <legend>{t('referral.fields')}</legend>
          {SHAREABLE_FIELDS.map((field) => (
            <label key={field} className="check">
              <input
                type="checkbox"
                name={`share-${field}`}
                disabled={!consented.has(field)}
                checked={fields.includes(field)}
                onChange={(e) =>
                  setFields((current) =>
                    e.target.checked ? [...current, field] : current.filter((f) => f !== field),
                  )
                }
              />{' '}
              {t(`personField.${field}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={action.busy || fields.length === 0}>
          {t('referral.submit')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      {made ? (
        <p role="status" data-testid="referral-made">
          {t('referral.made', { fingerprint: made.partnerFingerprint })}{' '}
          <button
            type="button"
            onClick={() => downloadText(made.package, `referral-${made.id.slice(0, 8)}.json`)}
          >
            {t('referral.download')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
