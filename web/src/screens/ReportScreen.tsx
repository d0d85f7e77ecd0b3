/**
 * The public report form: no account, no session. The report is sealed in this browser to the
 * organisation's public key before it is sent, so the server (and anyone who takes it) holds only a
 * box it cannot open. The confirmation says plainly what was kept and what was not, because a person
 * at risk decides what to write based on that.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { getIntakeKey, submitIntake } from '../api/client.ts';
import type { IntakeKey, IntakeReport, ReportAttachment } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from '../usePageTitle.ts';

// libsodium (WebAssembly) lives in its own chunk; start fetching it from our own origin as soon as
// the form shows, so sealing does not wait on it after the person presses send.
const loadSealer = () => import('../intake/sealReport.ts');

const EMPTY = { what: '', where: '', when: '', contact: '', name: '' };

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

async function readAttachment(file: File): Promise<ReportAttachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, type: file.type || 'application/octet-stream', data: btoa(binary) };
}

export default function ReportScreen() {
  const { t } = useI18n();
  usePageTitle(t('report.title'));
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [key, setKey] = useState<IntakeKey | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    void loadSealer().catch(() => undefined);
    // The organisation's name and the attachment limit come with its key.
    void getIntakeKey().then(setKey, () => undefined);
  }, []);
  const maxBytes = key?.maxAttachmentBytes ?? 0;
  const attachedBytes = files.reduce((sum, file) => sum + file.size, 0);

  const set = (name: keyof typeof EMPTY) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const [current, { sealReport }] = await Promise.all([getIntakeKey(), loadSealer()]);
      if (attachedBytes > current.maxAttachmentBytes)
        throw new Error(t('report.tooLarge', { size: megabytes(current.maxAttachmentBytes) }));
      const attachments = await Promise.all(files.map(readAttachment));
      const report: IntakeReport = { version: 2, ...fields, attachments };
      const answer = await submitIntake({ sealed: await sealReport(report, current), keyId: current.keyId });
      // Forget the text as soon as it is safely away: someone may pick up this device later.
      setFields(EMPTY);
      setFiles([]);
      setReference(answer.reference);
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setBusy(false);
    }
  };

  if (reference)
    return (
      <section className="narrow" aria-labelledby="report-sent-title">
        <h1 id="report-sent-title">{t('report.sentTitle')}</h1>
        <p>
          {t('report.reference')}: <code data-testid="report-reference">{reference}</code>
        </p>
        <p className="hint">{t('report.referenceHint')}</p>
        <p>{t('report.stored')}</p>
        <p>{t('report.notStored')}</p>
        <p className="hint">{t('report.device')}</p>
        <button type="button" onClick={() => setReference(null)}>
          {t('report.another')}
        </button>
      </section>
    );

  return (
    <section className="narrow" aria-labelledby="report-title">
      <h1 id="report-title">{t('report.title')}</h1>
      {key?.organisation ? (
        <p className="organisation-name">{t('report.organisation', { organisation: key.organisation })}</p>
      ) : null}
      <p>{t('report.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <FormField label={t('report.what')}>
          {({ id }) => (
            <textarea
              id={id}
              required
              rows={8}
              maxLength={50_000}
              value={fields.what}
              onChange={(e) => set('what')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.where')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={2_000}
              value={fields.where}
              onChange={(e) => set('where')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.when')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={500}
              value={fields.when}
              onChange={(e) => set('when')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.contact')} hint={t('report.contactWarning')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              autoComplete="off"
              maxLength={2_000}
              value={fields.contact}
              onChange={(e) => set('contact')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.name')}>
          {({ id }) => (
            <input
              id={id}
              autoComplete="off"
              maxLength={500}
              value={fields.name}
              onChange={(e) => set('name')(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('report.attachments')}
          // The limit is known once the organisation key has loaded; until then no number is shown.
          hint={maxBytes ? t('report.attachmentsHint', { size: megabytes(maxBytes) }) : undefined}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              type="file"
              multiple
              aria-describedby={describedBy}
              onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 5))}
            />
          )}
        </FormField>
        {maxBytes > 0 && attachedBytes > maxBytes ? (
          <p role="alert" className="error">
            {t('report.tooLarge', { size: megabytes(maxBytes) })}
          </p>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        <button
          type="submit"
          className="primary"
          disabled={busy || (maxBytes > 0 && attachedBytes > maxBytes)}
        >
          {busy ? t('report.sending') : t('report.submit')}
        </button>
      </form>
      <p>
        <Link to="/report/status">{t('report.checkLink')}</Link>
      </p>
    </section>
  );
}
