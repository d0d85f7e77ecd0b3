import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { queueUpload, uploadSealedFile } from '../api/client.ts';
import { OCR_LANGUAGES } from '../api/scans.ts';
import { followJob } from '../capture/followJob.ts';
import { type Upload, UploadStatus } from '../capture/UploadStatus.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLanguageName } from './CountryName.tsx';
import { FormField } from './FormField.tsx';
import { NOT_SEALED, SealChoice, type Sealing } from './SealChoice.tsx';

/**
 * Files chosen or dropped are sent one after another, so a slow link is not split many ways. Each is
 * queued (POST /api/source-jobs): the server preserves the original and answers at once, and a worker
 * reads it (OCR of a scan can take minutes) while this page follows the job. A sealed file is
 * ingested in its request instead: sealing needs the member's compartment key, which no worker holds.
 */
export function FileUpload() {
  const { t } = useI18n();
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  // The same facts a paste takes; left empty, an HTML page's own title and date are used.
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [sealing, setSealing] = useState<Sealing>(NOT_SEALED);
  const [ocrLanguage, setOcrLanguage] = useState('');
  const languageName = useLanguageName();
  // Leaving the page stops following the jobs (they go on on the server).
  const leaving = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  /** Sends one file; answers the job to follow, if it was queued. */
  const sendOne = async (file: File, key: string): Promise<string | null> => {
    const fields = { title, url, published, ocrLanguage };
    const onProgress = (progress: number) => update(key, { progress });
    if (sealing.sealed) {
      const compartment = sealing.compartment ? { compartment: sealing.compartment } : {};
      const sealed = await uploadSealedFile(file, { ...fields, sealed: true, ...compartment }, onProgress);
      update(key, { sealed, progress: 1 });
      return null;
    }
    const queued = await queueUpload(file, fields, onProgress);
    update(key, {
      sha256: queued.sha256,
      progress: 1,
      source: queued.existingSourceId
        ? { id: queued.existingSourceId, duplicate: true, notDecoded: false }
        : null,
    });
    return queued.jobId;
  };

  const follow = async (jobId: string, key: string) => {
    const finished = await followJob(jobId, (job) => update(key, { job }), leaving.current.signal);
    const sourceId = finished?.state === 'done' ? finished.result?.sourceId : undefined;
    if (typeof sourceId === 'string')
      update(key, {
        source: {
          id: sourceId,
          duplicate: finished?.result?.duplicate === true,
          notDecoded: Boolean(finished?.result?.notDecoded),
        },
      });
  };

  const send = async (files: File[]) => {
    const batch = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads((list) => [
      ...batch.map(({ file, key }) => ({
        key,
        name: file.name,
        progress: 0,
        sha256: null,
        job: null,
        source: null,
        sealed: null,
        error: null,
      })),
      ...list,
    ]);
    const failed = (key: string) => (reason: unknown) =>
      update(key, { error: reason ?? new Error('failed') });
    // One file at a time over the link; their jobs are followed side by side once sent.
    for (const { file, key } of batch) {
      try {
        const jobId = await sendOne(file, key);
        if (jobId) void follow(jobId, key).catch(failed(key));
      } catch (reason) {
        failed(key)(reason);
      }
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the keyboard path.
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{t('capture.drop')}</p>
      <FormField label={t('capture.fileTitle')}>
        {({ id }) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField label={t('capture.fileUrl')}>
        {({ id }) => (
          <input id={id} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        )}
      </FormField>
      <FormField label={t('capture.filePublished')} hint={t('capture.filePublishedHint')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="date"
            aria-describedby={describedBy}
            value={published}
            onChange={(e) => setPublished(e.target.value)}
          />
        )}
      </FormField>
      <SealChoice value={sealing} onChange={setSealing} />
      <FormField label={t('ocr.captureLanguage')} hint={t('ocr.captureLanguageHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={ocrLanguage}
            onChange={(e) => setOcrLanguage(e.target.value)}
          >
            <option value="">{t('ocr.auto')}</option>
            {OCR_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label htmlFor={inputId}>{t('capture.files')}</label>
      <input
        id={inputId}
        type="file"
        multiple
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void send(files);
        }}
      />
      <ul className="uploads">
        {uploads.map((u) => (
          <li key={u.key}>
            <UploadStatus upload={u} />
          </li>
        ))}
      </ul>
    </div>
  );
}
