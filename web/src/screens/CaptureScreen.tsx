import { type FormEvent, useEffect, useRef, useState } from 'react';
import { captureText } from '../api/client.ts';
import type { CaptureResult } from '../api/types.ts';
import { WebCapturePanel } from '../capture/WebCapturePanel.tsx';
import { CaptureResultNotice } from '../components/CaptureResultNotice.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FileUpload } from '../components/FileUpload.tsx';
import { FormField } from '../components/FormField.tsx';
import { NOT_SEALED, SealChoice, type Sealing, sealingFields } from '../components/SealChoice.tsx';
import { DraftStatusText } from '../edits/DraftStatusText.tsx';
import { useDraft } from '../edits/useDraft.ts';
import { useUnsavedChangesGuard } from '../edits/useUnsavedChangesGuard.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { usePageTitle } from '../usePageTitle.ts';

export function CaptureScreen() {
  const { t } = useI18n();
  usePageTitle(t('capture.title'));
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [sealing, setSealing] = useState<Sealing>(NOT_SEALED);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<CaptureResult | null>(null);
  const draft = useDraft<{ text: string; title: string; url: string; published: string }>('capture');
  const lastDrafted = useRef<string | null>(null);

  // Text typed before a reload, a crash or on another browser comes back.
  useEffect(() => {
    if (draft.restored === undefined) return;
    const restored = draft.restored;
    if (restored) {
      setText(restored.text ?? '');
      setTitle(restored.title ?? '');
      setUrl(restored.url ?? '');
      setPublished(restored.published ?? '');
    }
    lastDrafted.current = JSON.stringify({
      text: restored?.text ?? '',
      title: restored?.title ?? '',
      url: restored?.url ?? '',
      published: restored?.published ?? '',
    });
  }, [draft.restored]);

  const { update: updateDraft, discard: discardDraft } = draft;
  // A testimony being sealed is never saved in the clear as a draft; one saved before the box was
  // ticked is deleted.
  useEffect(() => {
    if (sealing.sealed) void discardDraft().catch(() => undefined);
  }, [sealing.sealed, discardDraft]);
  useEffect(() => {
    if (lastDrafted.current === null || sealing.sealed) return;
    const json = JSON.stringify({ text, title, url, published });
    if (json === lastDrafted.current) return;
    lastDrafted.current = json;
    updateDraft({ text, title, url, published });
  }, [text, title, url, published, updateDraft, sealing.sealed]);

  useUnsavedChangesGuard(
    !busy && !sealing.sealed && (draft.status === 'pending' || draft.status === 'failed'),
    t('draft.leave'),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const saved = await captureText({
        text,
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        ...(published ? { published } : {}),
        ...sealingFields(sealing),
      });
      setResult(saved);
      lastDrafted.current = JSON.stringify({ text: '', title: '', url: '', published: '' });
      await draft.discard().catch(() => undefined);
      setText('');
      setTitle('');
      setUrl('');
      setPublished('');
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('capture.title')}</h1>
      <div className="two-columns">
        <section aria-labelledby="paste-heading" className="panel">
          <h2 id="paste-heading">{t('capture.pasteHeading')}</h2>
          <form onSubmit={(e) => void submit(e)}>
            <FormField label={t('capture.text')}>
              {({ id }) => (
                <textarea id={id} required rows={12} value={text} onChange={(e) => setText(e.target.value)} />
              )}
            </FormField>
            <FormField label={t('capture.sourceTitle')}>
              {({ id }) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
            </FormField>
            <FormField label={t('capture.url')}>
              {({ id }) => (
                <input
                  id={id}
                  type="url"
                  inputMode="url"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('capture.published')}>
              {({ id }) => (
                <input id={id} type="date" value={published} onChange={(e) => setPublished(e.target.value)} />
              )}
            </FormField>
            <SealChoice value={sealing} onChange={setSealing} />
            {error ? <ErrorMessage error={error} /> : null}
            {text && !sealing.sealed ? <DraftStatusText status={draft.status} /> : null}
            <button type="submit" className="primary" disabled={busy}>
              {t('capture.submitText')}
            </button>
          </form>
          {result ? <CaptureResultNotice result={result} /> : null}
        </section>
        <section aria-labelledby="files-heading" className="panel">
          <h2 id="files-heading">{t('capture.filesHeading')}</h2>
          <FileUpload />
        </section>
      </div>
      <WebCapturePanel />
    </>
  );
}
